"""A company's needs: the list, a new need, its page with matches and shortlist, editing and
closing it, asking one cooperative or several for quotes; and, for cooperatives, the needs
that fit them and offering to do one."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cooperatives.models import CooperativePage
from partners import brokering, conversation, needs, quotes
from partners.forms import (
    CloseNeedForm,
    HelpRequestForm,
    InquiryForm,
    NeedForm,
    OfferForm,
    QuoteRequestForm,
)
from search.query import MatchRequest, match, relaxations
from search.sync import UNAVAILABLE


@login_required
def my_needs(request):
    return render(
        request,
        "partners/need_list.html",
        {
            "needs": conversation.need_summaries(request.user),
            "companies": needs.companies_of(request.user),
        },
    )


@login_required
def new_need(request):
    companies = needs.companies_of(request.user)
    if not companies:
        raise PermissionDenied
    # What the visitor typed into the home page's box before signing up (cms/home/pending.py),
    # filled in once.
    typed = {
        **needs.title_and_description(request.session.pop("pending_need_text", "")),
        "town": request.session.pop("pending_need_town", ""),
    }
    form = NeedForm(request.POST or None, initial=typed)
    read = {}
    if request.method == "POST" and form.is_valid() and "confirmed" not in request.POST:
        read = form.read_from_words(timezone.localdate())
        if read:
            # Show what the words already said in the fields, for the company to confirm
            # or correct, instead of asking for it again.
            data = request.POST.copy()
            for name, value in read.items():
                data.setlist(name, value if isinstance(value, list) else [value])
            form = NeedForm(data)
            form.is_valid()
            context = {"form": form, "company": companies[0], "read": sorted(read)}
            return render(request, "partners/need_form.html", context)
    if request.method == "POST" and form.is_valid():
        need = needs.create_need(companies[0], request.user, form.cleaned_data)
        messages.success(request, _("Your need is saved. Here are the cooperatives that fit it."))
        return redirect("need-matches", slug=need.slug)
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(
        request, "partners/need_form.html", {"form": form, "company": companies[0]}, status=status
    )


@login_required
def edit_need(request, slug):
    need = needs.need_for(request.user, slug)
    if not needs.may_edit(need):
        raise PermissionDenied
    form = NeedForm(request.POST or None, initial=NeedForm.initial_for(need))
    if request.method == "POST" and form.is_valid():
        needs.update_need(request.user, slug, form.cleaned_data)
        messages.success(request, _("Your changes are saved."))
        return redirect("need-matches", slug=need.slug)
    status = 400 if form.is_bound else 200
    return render(
        request,
        "partners/need_form.html",
        {"form": form, "company": need.partner, "need": need},
        status=status,
    )


@login_required
@require_POST
def close_need(request, slug):
    form = CloseNeedForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose why the need is closed."))
        return redirect("need-matches", slug=slug)
    need = needs.close_need(request.user, slug, form.cleaned_data["outcome"])
    messages.success(
        request, _("The need is closed: %(status)s.") % {"status": need.get_status_display()}
    )
    return redirect("need-matches", slug=need.slug)


def _need_page(request, need, quote_request_form=None, status=200, help_form=None):
    """The need's page: the need in full, its state and orders, the inquiries and quotes, the
    shortlist with the request for quotes, the regional centre's help, and while it is open
    the cooperatives that fit."""
    rows = quotes.comparison(need)
    unread = conversation.unread(request.user)
    for row in rows:
        row.unread = unread.of(row.inquiry.pk)
    context = {
        "need": need,
        "orders": need.orders.select_related("cooperative"),
        "rows": rows,
        "shortlisted": set(need.shortlist.values_list("cooperative_id", flat=True)),
        "asked": set(need.inquiries.values_list("cooperative_id", flat=True)),
        "inquiry_form": InquiryForm(),
        "close_form": CloseNeedForm(),
        "quote_request_form": quote_request_form or QuoteRequestForm(need=need, user=request.user),
        "may_edit": needs.may_edit(need),
        "brokering": brokering.company_panel(request.user, need),
        "help_form": help_form or HelpRequestForm(),
    }
    if need.is_open:
        context.update(matches_of(need))
    if "unavailable" in context:
        status = 503
    return render(request, "partners/need_page.html", context, status=status)


def matches_of(need) -> dict:
    """The cooperatives that fit an open need, as its page shows them (to its company and to
    its regional centre): the matches, a pair that does every part together, and when
    nothing fits, what dropping each condition would find; or why matching is unavailable."""
    context = {}
    query = MatchRequest.from_need(need)
    try:
        result = match(query)
    except UNAVAILABLE:
        context["unavailable"] = _(
            "Matching is temporarily unavailable. Your need is saved; come back in a while."
        )
        return context
    relaxed = [] if result.results else relaxations(query)
    found = [*result.results, *(item for _name, other in relaxed for item in other.results)]
    pages = {
        page.slug: page
        for page in CooperativePage.objects.listed().filter(slug__in={m.slug for m in found})
    }
    context["matches"] = [(item, pages.get(item.slug)) for item in result.results]
    context["result"] = result
    context["pair"] = [(item, pages.get(item.slug)) for item in result.pair]
    # Nothing fits every condition: each condition dropped in turn, under its own heading,
    # as cards that can be shortlisted and asked like any match.
    context["relaxed_sets"] = [
        (name, other, [(item, pages.get(item.slug)) for item in other.results])
        for name, other in relaxed
    ]
    return context


@login_required
def need_matches(request, slug):
    """The need's page (see ``_need_page``); the need's regional centre goes to its own view
    of it (``broker-need``), everyone else gets 403."""
    try:
        need = needs.need_for(request.user, slug)
    except PermissionDenied:
        brokering.brokered_need_for(request.user, slug)
        return redirect("broker-need", slug=slug)
    return _need_page(request, need)


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
@require_POST
def request_quotes(request, slug):
    """One request for quotes to the cooperatives ticked on the shortlist."""
    need = needs.need_for(request.user, slug)
    form = QuoteRequestForm(request.POST, need=need)
    if not form.is_valid():
        return _need_page(request, need, quote_request_form=form, status=400)
    data = form.cleaned_data
    conversation.keep_contact(request.user, data["contact_name"], data["contact_phone"])
    sent = quotes.request_quotes(
        request.user, slug, list(data["cooperatives"]), data["message"], request
    )
    messages.success(
        request,
        _("Your request for quotes was sent to: %(names)s.")
        % {"names": ", ".join(inquiry.cooperative.title for inquiry in sent)},
    )
    return redirect("need-quotes", slug=need.slug)


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


@login_required
def offer(request, slug, cooperative_id):
    """A cooperative reads a need that fits it in full and offers to do it."""
    need, cooperative = needs.fitting_need_for(request.user, slug, cooperative_id)
    form = OfferForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        conversation.keep_contact(request.user, data["contact_name"], data["contact_phone"])
        inquiry = needs.offer(request.user, slug, cooperative_id, data["message"], request)
        messages.success(
            request, _("Your offer was sent to %(name)s.") % {"name": need.partner.title}
        )
        return redirect("inquiry", pk=inquiry.pk)
    return render(
        request,
        "partners/offer_form.html",
        {"need": need, "cooperative": cooperative, "form": form},
        status=400 if form.is_bound else 200,
    )
