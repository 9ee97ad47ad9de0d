"""Quotes compared side by side, accepting one (which places the order), and the order's life:
delivered or cancelled."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from partners import needs, quotes
from partners.forms import AcceptForm, DeliveredForm


@login_required
def compare(request, slug):
    need = needs.need_for(request.user, slug)
    return render(
        request,
        "partners/quote_comparison.html",
        {"need": need, "rows": quotes.comparison(need), "orders": need.orders.all()},
    )


@login_required
def accept(request, slug, quote_id):
    """Confirm the order's value and delivery date, then accept the quote."""
    quote = quotes.quote_to_accept(request.user, slug, quote_id)
    form = AcceptForm(request.POST or None, quote=quote)
    if request.method == "POST" and form.is_valid():
        order = quotes.accept(request.user, slug, quote_id, form.cleaned_data, request)
        messages.success(
            request,
            _("Order placed with %(name)s. The other cooperatives are told.")
            % {"name": order.cooperative.title},
        )
        return redirect("need-matches", slug=slug)
    return render(
        request,
        "partners/accept_quote.html",
        {"quote": quote, "need": quote.inquiry.need, "form": form},
        status=400 if form.is_bound else 200,
    )


@login_required
@require_POST
def delivered(request, slug):
    form = DeliveredForm(request.POST)
    if not form.is_valid():
        messages.error(request, form.errors["delivered"][0])
        return redirect("need-matches", slug=quotes.order_for(request.user, slug).need.slug)
    order = quotes.mark_delivered(request.user, slug, form.cleaned_data["delivered"])
    messages.success(request, _("The order is marked delivered."))
    return redirect("need-matches", slug=order.need.slug)


@login_required
@require_POST
def cancel(request, slug):
    order = quotes.cancel(request.user, slug)
    messages.success(request, _("The order is cancelled."))
    return redirect("need-matches", slug=order.need.slug)
