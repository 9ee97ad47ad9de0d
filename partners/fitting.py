"""Which open needs fit which cooperatives: one rule for the lists, the offers and the notices.

A need fits a cooperative when it is open, asks for a kind of work the
cooperative does, and its place is within the cooperative's service radius
(a need or cooperative without a point, or a cooperative without a radius, is
within reach). "Needs that fit you" (:func:`partners.needs.fitting_needs`), the
right to offer (:func:`fits`) and the notices of :mod:`partners.fit_notices`
all read it from here. The notices also ask that the cooperative's page be live
and that it accept orders: nobody is told of a profile nobody can see, nor a
cooperative that said it takes no orders of a need.
"""

from collections.abc import Iterable

from cms.distance import distance_km
from cooperatives.models import CooperativePage
from partners.models import Need


def distance_between(cooperative: CooperativePage, need: Need) -> float | None:
    """Kilometres from the cooperative to the need's place; None when either has no point."""
    if not cooperative.has_location or need.latitude is None:
        return None
    return distance_km(cooperative.latitude, cooperative.longitude, need.latitude, need.longitude)


def within_reach(cooperative: CooperativePage, distance: float | None) -> bool:
    radius = cooperative.service_radius_km
    return distance is None or not radius or distance <= radius


def fits(need: Need, cooperative: CooperativePage) -> bool:
    """Whether ``need`` is among the needs that fit ``cooperative`` (see fitting_needs)."""
    return (
        need.is_open
        and need.capabilities.filter(pk__in=cooperative.capabilities.all()).exists()
        and within_reach(cooperative, distance_between(cooperative, need))
    )


def cooperatives_taking_orders():
    """Cooperatives a notice may name: published, and accepting orders."""
    return CooperativePage.objects.live().filter(accepts_orders=True)


def cooperatives_fitting(
    kinds: Iterable[int], latitude: float | None, longitude: float | None
) -> list[CooperativePage]:
    """The live cooperatives taking orders that do one of ``kinds`` (capability ids) and reach
    the point ``latitude``, ``longitude`` (none: anywhere), nearest first.

    Asked of a need's kinds and place, as they are now or as they were before an edit.
    """
    place = Need(latitude=latitude, longitude=longitude)
    found = []
    for cooperative in cooperatives_taking_orders().filter(capabilities__in=list(kinds)).distinct():
        distance = distance_between(cooperative, place)
        if within_reach(cooperative, distance):
            found.append((distance is None, distance or 0, cooperative.pk, cooperative))
    return [cooperative for *_, cooperative in sorted(found)]


def needs_fitting(cooperative: CooperativePage, kinds: Iterable[int] | None = None) -> list[Need]:
    """The open needs ``cooperative`` fits, through any of its kinds of work or only through
    ``kinds`` (capability ids, e.g. the ones it just gained); none when it is not live or
    takes no orders."""
    if not cooperatives_taking_orders().filter(pk=cooperative.pk).exists():
        return []
    offered = set(cooperative.capabilities.values_list("pk", flat=True))
    if kinds is not None:
        offered &= set(kinds)
    needs = (
        Need.objects.open()
        .filter(capabilities__in=offered)
        .distinct()
        .select_related("partner")
        .order_by("partner_id", "created_at", "pk")
    )
    return [
        need for need in needs if within_reach(cooperative, distance_between(cooperative, need))
    ]
