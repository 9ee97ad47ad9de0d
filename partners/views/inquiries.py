"""Inquiries: the list, one inquiry with its thread, replies, the cooperative's quote or its
refusal, and the quote's attachment for the two parties only."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from partners import conversation, needs, quotes
from partners.forms import DeclineForm, QuoteForm, ReplyForm
from partners.models import Quote, Side


@login_required
def inquiries(request):
    items = list(needs.inquiries_for(request.user))
    unread = conversation.unread(request.user)
    for item in items:
        item.unread_count = unread.of(item.pk)
    return render(request, "partners/inquiry_list.html", {"inquiries": items})


def _inquiry_page(request, inquiry, forms=None, status=200):
    """One inquiry as its reader's side sees it; what the other side wrote since the reader's
    last visit is marked new, and from now on read."""
    side = needs.side_of(request.user, inquiry)
    last_read = conversation.mark_read(inquiry, request.user)
    thread = conversation.thread(inquiry, reader_side=side, last_read=last_read)
    answerable = side == Side.COOPERATIVE and inquiry.need.is_open and not inquiry.decided
    forms = forms or {}
    context = {
        "inquiry": inquiry,
        "need": inquiry.need,
        "side": side,
        "is_cooperative": side == Side.COOPERATIVE,
        "thread": thread,
        "parties": conversation.parties(inquiry, thread),
        "form": forms.get("reply") or ReplyForm(),
        "answerable": answerable,
        "orders": inquiry.need.orders.filter(cooperative=inquiry.cooperative),
    }
    if answerable:
        context["quote_form"] = forms.get("quote") or QuoteForm(prefix="quote", user=request.user)
        context["decline_form"] = forms.get("decline") or DeclineForm(prefix="decline")
    return render(request, "partners/inquiry_detail.html", context, status=status)


@login_required
def inquiry(request, pk):
    item = needs.inquiry_for(request.user, pk)
    form = ReplyForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            needs.answer(
                item, request.user, form.cleaned_data["message"], form.cleaned_data["status"]
            )
            messages.success(request, _("Saved."))
            return redirect("inquiry", pk=item.pk)
        return _inquiry_page(request, item, {"reply": form}, status=400)
    return _inquiry_page(request, item)


@login_required
@require_POST
def submit_quote(request, pk):
    item = needs.inquiry_for(request.user, pk)
    form = QuoteForm(request.POST, request.FILES, prefix="quote")
    if not form.is_valid():
        return _inquiry_page(request, item, {"quote": form}, status=400)
    data = form.cleaned_data
    conversation.keep_contact(request.user, data["contact_name"], data["contact_phone"])
    quotes.submit_quote(request.user, pk, data, request)
    messages.success(request, _("Your quote was sent to %(name)s.") % {"name": item.need.partner})
    return redirect("inquiry", pk=pk)


@login_required
@require_POST
def decline(request, pk):
    item = needs.inquiry_for(request.user, pk)
    form = DeclineForm(request.POST, prefix="decline")
    if not form.is_valid():
        return _inquiry_page(request, item, {"decline": form}, status=400)
    quotes.decline(request.user, pk, form.cleaned_data["reason"], request)
    messages.success(request, _("You declined. %(name)s is told.") % {"name": item.need.partner})
    return redirect("inquiry", pk=pk)


@login_required
def quote_attachment(request, pk):
    """The file of a quote, for the company and the cooperative of its inquiry; 404 to anyone
    else. Always a download, of the type its bytes were checked to be."""
    try:
        quote = quotes.attachment_for(request.user, pk)
    except Quote.DoesNotExist:
        raise Http404 from None
    response = FileResponse(
        quote.attachment.open("rb"),
        as_attachment=True,
        filename=quote.attachment_name or "attachment",
        content_type=quote.attachment_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
