"""Partnerships: the public list and page, and the form to record or change one."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from partners import partnerships
from partners.forms import PartnershipFilterForm, PartnershipForm
from partners.models import Partnership

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
