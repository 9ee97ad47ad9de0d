"""Partnerships: who may record and change them, and the public list.

A partnership joins a cooperative and a company, often with workshops (WTZ)
and a local government or NGO: the tripartite model of the founding cases.
The organisations involved record and keep it up to date; so does the
regional centre of the cooperative's voivodeship. Only partnerships whose
cooperative and company are both published are public.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from cms.kinds import PROFILE_KINDS
from cms.roles import member_page_ids, moderated_voivodeships
from partners.models import Partnership, free_slug


def public_partnerships():
    """Listed partnerships (cooperative and company both listed), with what their cards show."""
    return (
        Partnership.objects.listed()
        .select_related("cooperative", "partner", "cooperative__voivodeship")
        .prefetch_related("capabilities", "workshops")
    )


def filtered(queryset, filters: dict):
    """``queryset`` narrowed by a PartnershipFilterForm's cleaned data."""
    if filters.get("status"):
        queryset = queryset.filter(status=filters["status"])
    if filters.get("voivodeship"):
        queryset = queryset.in_region(filters["voivodeship"])
    if filters.get("capability"):
        queryset = queryset.filter(capabilities__code=filters["capability"]).distinct()
    return queryset


def _party_ids(user) -> set[int]:
    ids: set[int] = set()
    for kind in PROFILE_KINDS:
        ids |= member_page_ids(user, kind)
    return ids


def involves(user, cooperative, partner, workshops) -> bool:
    """Is ``user`` a member of one of the parties, or the centre of the cooperative's region?"""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    parties = {cooperative.pk, partner.pk, *(workshop.pk for workshop in workshops)}
    if parties & _party_ids(user):
        return True
    return cooperative.voivodeship_id in moderated_voivodeships(user)


def can_edit(user, partnership: Partnership) -> bool:
    return involves(
        user, partnership.cooperative, partnership.partner, list(partnership.workshops.all())
    )


def own_parties(user) -> dict:
    """Form defaults: the user's own cooperative, company and workshop, where they have one."""
    initial = {}
    for field in ("cooperative", "partner"):
        pages = member_page_ids(user, field)
        if len(pages) == 1:
            initial[field] = next(iter(pages))
    workshops = member_page_ids(user, "workshop")
    if workshops:
        initial["workshops"] = sorted(workshops)
    return initial


def may_record(user) -> bool:
    """May the user record partnerships at all (before choosing the parties)?"""
    if not user.is_authenticated:
        return False
    return user.is_superuser or bool(_party_ids(user) or moderated_voivodeships(user))


def editable_for(user, slug: str) -> Partnership:
    """The partnership ``slug`` if the user may change it, else PermissionDenied."""
    partnership = Partnership.objects.filter(slug=slug).select_related("cooperative").first()
    if partnership is None or not can_edit(user, partnership):
        raise PermissionDenied
    return partnership


@transaction.atomic
def save_partnership(form) -> Partnership:
    """Save a validated PartnershipForm; a new partnership gets a slug from its parties."""
    partnership = form.save(commit=False)
    if not partnership.slug:
        parties = f"{partnership.cooperative.slug}-{partnership.partner.slug}"
        partnership.slug = free_slug(Partnership, parties, fallback="partnerstwo")
    partnership.save()
    form.save_m2m()
    return partnership
