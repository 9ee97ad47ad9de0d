"""Organisation membership pages: my organisations, asking to join, invitations, approvals,
registering a new organisation, claiming a listed profile, and the queue of decisions.

Views validate with a form and call one function of :mod:`cms.roles` (memberships),
:mod:`cms.accounts.registrations` or :mod:`cms.accounts.claims`, which hold every
permission rule.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from cms import roles
from cms.accounts import claims, registrations
from cms.accounts.forms import (
    ClaimForm,
    ClaimSearchForm,
    DecisionForm,
    InvitationForm,
    JoiningDecisionForm,
    JoinRequestForm,
    RegistrationForm,
)
from cms.accounts.queue import asked_by, queue_for
from cms.models import Claim, Invitation, Membership, Organisation, Registration


@login_required
def my_organisations(request):
    memberships = request.user.memberships.select_related("organisation").order_by("organisation")
    return render(
        request,
        "cms/organisations/mine.html",
        {
            "memberships": memberships,
            "join_form": JoinRequestForm(),
            "invitation_form": InvitationForm(),
            "pending": roles.pending_requests_for(request.user),
            "asked": asked_by(request.user),
            "waiting": queue_for(request.user),
            "claim_search_form": ClaimSearchForm(),
            "can_invite": {
                m.organisation_id
                for m in memberships
                if roles.can_invite(request.user, m.organisation)
            },
        },
    )


@login_required
@require_POST
def request_to_join(request):
    form = JoinRequestForm(request.POST)
    if form.is_valid():
        try:
            roles.request_to_join(
                form.cleaned_data["organisation"], request.user, form.cleaned_data["message"]
            )
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(
                request, _("Your request was sent. You will get an e-mail when it is decided.")
            )
    else:
        messages.error(request, _("Choose an organisation from the list."))
    return redirect("my-organisations")


@login_required
@require_POST
def invite(request, organisation_id):
    organisation = get_object_or_404(Organisation, pk=organisation_id)
    form = InvitationForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Enter a valid e-mail address."))
        return redirect("my-organisations")
    roles.invite(organisation, form.cleaned_data["email"], request.user, request)
    messages.success(request, _("The invitation was sent."))
    return redirect("my-organisations")


@login_required
def invitation(request, token):
    invitation = get_object_or_404(Invitation, token=token)
    if request.method == "POST":
        try:
            roles.accept_invitation(invitation, request.user)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(
                request,
                _("You are now a member of %(organisation)s.")
                % {"organisation": invitation.organisation.name},
            )
            return redirect("my-organisations")
    return render(request, "cms/organisations/invitation.html", {"invitation": invitation})


@login_required
@require_POST
def decide(request, membership_id):
    membership = get_object_or_404(Membership, pk=membership_id)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose approve or reject."))
        return redirect("my-organisations")
    roles.decide(membership, request.user, approve=form.cleaned_data["decision"] == "approve")
    messages.success(request, _("Decision saved."))
    return redirect("my-organisations")


@login_required
def register_organisation(request):
    form = RegistrationForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            registrations.register(request.user, form.cleaned_data, request.LANGUAGE_CODE)
        except registrations.DuplicateRegistration as error:
            form.duplicate = error.duplicate
            form.add_error(error.duplicate.field, error)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _(
                    "Your registration was sent. You will see the decision here and get it "
                    "by e-mail."
                ),
            )
            return redirect("my-organisations")
    return render(
        request, "cms/accounts/register.html", {"form": form}, status=400 if form.errors else 200
    )


@login_required
def claim_search(request):
    form = ClaimSearchForm(request.GET)
    searched = form.is_valid() and bool(form.cleaned_data["q"].strip())
    results = claims.unclaimed_profiles(form.cleaned_data["q"]) if searched else []
    return render(
        request,
        "cms/accounts/claim_search.html",
        {"form": form, "searched": searched, "results": results},
    )


@login_required
def claim_profile(request, page_id):
    profile = claims.claimable(get_object_or_404(Page, pk=page_id))
    if profile is None:
        raise Http404
    form = ClaimForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            claim = claims.claim(
                profile, request.user, form.cleaned_data["message"], request.LANGUAGE_CODE
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if claim.status == Claim.Status.APPROVED:
                done = _("You are now a member of %(organisation)s.")
            else:
                done = _(
                    "Your claim to %(organisation)s was sent. You will see the decision here "
                    "and get it by e-mail."
                )
            messages.success(request, done % {"organisation": profile.title})
            return redirect("my-organisations")
    return render(
        request,
        "cms/accounts/claim.html",
        {
            "profile": profile,
            "form": form,
            "has_members": claims.has_members(profile),
            "evidence": claims.evidence_for(request.user, profile),
            "domains": sorted(claims.profile_domains(profile)),
        },
        status=400 if form.errors else 200,
    )


# What may be decided in the queue, by the URL's word: its model, its rules, its address.
DECIDED = {
    "registration": (Registration, registrations, "decide-registration"),
    "claim": (Claim, claims, "decide-claim"),
}


def _decision_form(what: str, item, data=None) -> JoiningDecisionForm:
    return JoiningDecisionForm(data, prefix=f"{what}-{item.pk}")


@login_required
def joining_queue(request):
    queue = queue_for(request.user)
    items = [
        {
            "item": item,
            "form": _decision_form(what, item),
            "url": reverse(DECIDED[what][2], args=[item.pk]),
        }
        for what, pending in (("registration", queue.registrations), ("claim", queue.claims))
        for item in pending
    ]
    return render(request, "cms/accounts/queue.html", {"items": items})


@login_required
def decide_joining(request, pk, what):
    model, rules, _name = DECIDED[what]
    item = get_object_or_404(model, pk=pk)
    if not rules.can_decide(request.user, item):
        raise PermissionDenied
    form = _decision_form(what, item, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            if form.approved:
                rules.approve(item, request.user)
            else:
                rules.refuse(item, request.user, form.cleaned_data["reason"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            done = _("Approved: %(name)s.") if form.approved else _("Refused: %(name)s.")
            messages.success(request, done % {"name": item.subject})
            return redirect("joining-queue")
    return render(
        request,
        "cms/accounts/decision.html",
        {"item": item, "form": form},
        status=400 if form.errors else 200,
    )
