"""The company journey's pages: my needs, a new need, its matches, inquiries and replies, needs
that fit, and partnerships.

Each view validates with a form and calls one function of :mod:`partners.needs`,
which holds the permission rules.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cooperatives.models import CooperativePage
from partners import needs, partnerships
from partners.forms import (
    InquiryForm,
    NeedForm,
    PartnershipFilterForm,
    PartnershipForm,
    ReplyForm,
)
from partners.models import Partnership
from search.query import MatchRequest, match, relax
from search.sync import UNAVAILABLE


@login_required
def my_needs(request):
    companies = needs.companies_of(request.user)
    return render(
        request,
        "partners/need_list.html",
        {"needs": needs.needs_of(request.user).order_by("-created_at"), "companies": companies},
    )


@login_required
def new_need(request):
    companies = needs.companies_of(request.user)
    if not companies:
        raise PermissionDenied
    form = NeedForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        need = needs.create_need(companies[0], request.user, form.cleaned_data)
        messages.success(request, _("Your need is saved. Here are the cooperatives that fit it."))
        return redirect("need-matches", slug=need.slug)
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(
        request, "partners/need_form.html", {"form": form, "company": companies[0]}, status=status
    )


@login_required
@require_POST
def shortlist(request, slug, cooperative_id):
    need = needs.need_for(request.user, slug)
    cooperative = get_object_or_404(CooperativePage.objects.listed(), pk=cooperative_id)
    added = needs.toggle_shortlist(need, cooperative)
    messages.success(
        request, _("Added to your shortlist.") if added else _("Removed from your shortlist.")
    )
    return redirect("need-matches", slug=need.slug)


@login_required
@require_POST
def inquire(request, slug, cooperative_id):
    need = needs.need_for(request.user, slug)
    cooperative = get_object_or_404(CooperativePage.objects.listed(), pk=cooperative_id)
    form = InquiryForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write a message to send an inquiry."))
        return redirect("need-matches", slug=need.slug)
    inquiry = needs.send_inquiry(
        need, cooperative, request.user, form.cleaned_data["message"], request
    )
    messages.success(request, _("Your inquiry was sent to %(name)s.") % {"name": cooperative.title})
    return redirect("inquiry", pk=inquiry.pk)


@login_required
def inquiries(request):
    return render(
        request, "partners/inquiry_list.html", {"inquiries": needs.inquiries_for(request.user)}
    )


@login_required
def inquiry(request, pk):
    item = needs.inquiry_for(request.user, pk)
    is_cooperative = item.cooperative_id in {c.pk for c in needs.cooperatives_of(request.user)}
    form = ReplyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        needs.answer(item, request.user, form.cleaned_data["message"], form.cleaned_data["status"])
        messages.success(request, _("Saved."))
        return redirect("inquiry", pk=item.pk)
    return render(
        request,
        "partners/inquiry_detail.html",
        {"inquiry": item, "form": form, "is_cooperative": is_cooperative},
    )


@login_required
def fitting_needs(request):
    cooperatives = needs.cooperatives_of(request.user)
    if not cooperatives:
        raise PermissionDenied
    return render(
        request,
        "partners/fitting_needs.html",
        {"groups": [(c, needs.fitting_needs(c)) for c in cooperatives]},
    )


PARTNERSHIPS_PER_PAGE = 20


def partnership_list(request):
    """Public partnerships (both parties published), filtered, 20 a page."""
    form = PartnershipFilterForm(request.GET or None)
    found = partnerships.public_partnerships()
    status = 200
    if form.is_bound and not form.is_valid():
        found, status = found.none(), 400
    elif form.is_bound:
        found = partnerships.filtered(found, form.cleaned_data)
    page_obj = Paginator(found.order_by("-started", "slug"), PARTNERSHIPS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    context = {
        "form": form,
        "page_obj": page_obj,
        "may_record": partnerships.may_record(request.user),
    }
    return render(request, "partners/partnership_list.html", context, status=status)


def partnership_detail(request, slug):
    partnership = get_object_or_404(partnerships.public_partnerships(), slug=slug)
    context = {
        "partnership": partnership,
        "can_edit": partnerships.can_edit(request.user, partnership),
    }
    return render(request, "partners/partnership_detail.html", context)


@login_required
def partnership_form(request, slug=None):
    """Record a new partnership, or change one the user's organisation takes part in."""
    if slug is None:
        if not partnerships.may_record(request.user):
            raise PermissionDenied
        instance = None
    else:
        instance = partnerships.editable_for(request.user, slug)
    form = PartnershipForm(
        request.POST or None,
        instance=instance,
        initial=None if instance else partnerships.own_parties(request.user),
        user=request.user,
    )
    if request.method == "POST" and form.is_valid():
        saved = partnerships.save_partnership(form)
        messages.success(request, _("The partnership is saved."))
        if Partnership.objects.listed().filter(pk=saved.pk).exists():
            return redirect("partnership", slug=saved.slug)
        return redirect("partnerships")
    status = 400 if form.is_bound else 200
    return render(
        request,
        "partners/partnership_form.html",
        {"form": form, "partnership": instance},
        status=status,
    )


@login_required
def need_matches(request, slug):
    """The ranked, explained cooperatives for one of the company's needs."""
    need = needs.need_for(request.user, slug)
    query = MatchRequest.from_need(need)
    context = {
        "need": need,
        "shortlisted": set(need.shortlist.values_list("cooperative_id", flat=True)),
        "asked": set(need.inquiries.values_list("cooperative_id", flat=True)),
        "inquiry_form": InquiryForm(),
    }
    try:
        result = match(query)
    except UNAVAILABLE:
        context["unavailable"] = _(
            "Matching is temporarily unavailable. Your need is saved; come back in a while."
        )
        return render(request, "search/need_matches.html", context, status=503)
    pages = {
        page.slug: page
        for page in CooperativePage.objects.listed().filter(
            slug__in=[item.slug for item in result.results]
        )
    }
    context["matches"] = [(item, pages.get(item.slug)) for item in result.results]
    context["result"] = result
    if not result.results:
        relaxed = relax(query)
        if relaxed:
            context["relaxed_condition"], relaxed_result = relaxed
            context["relaxed"] = relaxed_result.results
    return render(request, "search/need_matches.html", context)
