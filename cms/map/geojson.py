"""The directory as GeoJSON for the map: live profiles and partnerships, no contact data.

Built from PostgreSQL, so the map works while the search engine is down.
Coordinates are [longitude, latitude], as GeoJSON wants. A partnership is
a line from the cooperative to the business partner when both have a map
point, else a point where its work happens or at whichever party has one;
its ``location`` property is where the work happens, when known.
"""

from django.urls import reverse

from cms import public_cache
from cms.kinds import PROFILE_KINDS
from partners.models import Partnership

KINDS = (*PROFILE_KINDS, "partnership")


def _point(obj) -> list[float] | None:
    if obj.latitude is None or obj.longitude is None:
        return None
    return [round(obj.longitude, 6), round(obj.latitude, 6)]


def _profile_feature(kind: str, page, capabilities: list[str]) -> dict | None:
    point = _point(page)
    if point is None:
        return None
    return {
        "type": "Feature",
        "id": f"{kind}-{page.slug}",
        "geometry": {"type": "Point", "coordinates": point},
        "properties": {
            "kind": kind,
            "slug": page.slug,
            "name": page.title,
            "url": page.url or "",
            "city": page.city,
            "voivodeship": page.voivodeship.teryt if page.voivodeship_id else "",
            "capabilities": capabilities,
        },
    }


def _partnership_geometry(partnership: Partnership) -> dict | None:
    """A line from the cooperative to the company; else where the work happens; else the one
    party with a map point."""
    ends = [p for p in (_point(partnership.cooperative), _point(partnership.partner)) if p]
    if len(ends) == 2:
        return {"type": "LineString", "coordinates": ends}
    point = _point(partnership) or (ends[0] if ends else None)
    return {"type": "Point", "coordinates": point} if point else None


def _partnership_feature(partnership: Partnership) -> dict | None:
    geometry = _partnership_geometry(partnership)
    if geometry is None:
        return None
    place = _point(partnership)
    return {
        "type": "Feature",
        "id": f"partnership-{partnership.slug}",
        "geometry": geometry,
        "properties": {
            "kind": "partnership",
            "slug": partnership.slug,
            "name": f"{partnership.cooperative.title} + {partnership.partner.title}",
            "url": reverse("partnership", args=[partnership.slug]),
            "status": partnership.status,
            "work": partnership.work,
            "jobs_created": partnership.jobs_created,
            # Where the work happens, when the partnership says (else null).
            "location": place,
            "voivodeship": (partnership.region.teryt if partnership.region else ""),
            "capabilities": sorted(c.code for c in partnership.capabilities.all()),
        },
    }


def features(kinds: list[str], capability: str = "", voivodeship: str = "") -> dict:
    """A GeoJSON FeatureCollection of the given kinds, filtered by capability and voivodeship.

    Kept until the directory changes (:mod:`cms.public_cache`): the map page and the API
    ask for the same few collections far more often than a profile is published. Kinds
    come in the order of :data:`KINDS`, however they were asked for.
    """
    wanted = [kind for kind in KINDS if kind in kinds]
    return public_cache.remember(
        "map-features",
        [wanted, capability, voivodeship],
        lambda: _collect(wanted, capability, voivodeship),
    )


def _collect(kinds: list[str], capability: str, voivodeship: str) -> dict:
    collected = []
    for kind in kinds:
        if kind == "partnership":
            queryset = (
                Partnership.objects.listed()
                .select_related("cooperative", "partner", "cooperative__voivodeship")
                .prefetch_related("capabilities")
            )
            if capability:
                queryset = queryset.filter(capabilities__code=capability)
            if voivodeship:
                queryset = queryset.in_region(voivodeship)
            collected += [_partnership_feature(p) for p in queryset.distinct()]
            continue
        model, field = PROFILE_KINDS[kind].page_model, PROFILE_KINDS[kind].capability_field
        queryset = model.objects.listed().select_related("voivodeship")
        if field:
            queryset = queryset.prefetch_related(field)
        if capability:
            if not field:
                continue
            queryset = queryset.filter(**{f"{field}__code": capability})
        if voivodeship:
            queryset = queryset.filter(voivodeship__teryt=voivodeship)
        for page in queryset.distinct():
            codes = sorted(c.code for c in getattr(page, field).all()) if field else []
            collected.append(_profile_feature(kind, page, codes))
    return {"type": "FeatureCollection", "features": [f for f in collected if f]}
