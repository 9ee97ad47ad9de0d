"""Organisation membership pages: my organisations, asking to join, invitations, approvals.

Views validate with a form and call one function of :mod:`cms.roles`,
which holds every permission rule.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cms import roles
from cms.accounts.forms import DecisionForm, InvitationForm, JoinRequestForm
from cms.models import Invitation, Membership, Organisation


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
