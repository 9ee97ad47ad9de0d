"""Directory search: live cooperatives filtered and ranked by words or distance, with facets.

The public search page and ``GET /api/v1/cooperatives`` call
:func:`search_directory`; the matcher, which ranks cooperatives for one
need with reasons, is :mod:`search.query`.
"""

import logging
from dataclasses import dataclass, field

from elasticsearch.dsl import Q, Search

from search.client import get_client
from search.documents import DOCUMENTS, CooperativeDocument
from search.places import Place
from search.query import (
    MatchRequest,
    asks_nothing,
    explain,
    only_work_nobody_does,
    reserved_statement,
    scored_query,
    understand,
    within,
    work_outside,
)
from search.sync import UNAVAILABLE

logger = logging.getLogger(__name__)

PAGE_SIZE = 20
# Elasticsearch pages only through the first index.max_result_window hits (from + size; 10,000
# by default, which our indices keep) and refuses anything deeper with a 400. So results stop
# at this page, and the API and the search page say so instead of asking.
MAX_RESULT_WINDOW = 10_000
MAX_PAGE = MAX_RESULT_WINDOW // PAGE_SIZE
# A listing's word filter keeps this many best profiles (50 pages of the listing).
MAX_LISTED = 1000
# A town typed alone into a listing's words box means "in or near it".
NEAR_TOWN_KM = 30


@dataclass
class DirectoryPage:
    total: int
    page: int
    results: list[dict]
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    # The town the words named, and the kinds of work they ask for.
    place: Place | None = None
    capabilities: list[str] = field(default_factory=list)
    # Work the words ask for that nobody here does (MatchResult.outside).
    outside: list[str] = field(default_factory=list)
    # The other villages of the place's name (MatchResult.also_near).
    also_near: tuple[tuple[float, float], ...] = ()


def search_directory(
    text: str = "",
    capability: str = "",
    voivodeship: str = "",
    lat: float | None = None,
    lon: float | None = None,
    radius_km: float | None = None,
    page: int = 1,
    sort: str = "",
    reserved_contracts: bool = False,
) -> DirectoryPage:
    """Live cooperatives filtered by kind of work, voivodeship and distance, and ranked
    by the words as the matcher ranks a need (kinds of work the words name, base forms,
    nearness; a town in the words places the search there), each with its reasons.
    Without words, or when asked, nearest first; counts per capability and voivodeship.
    ``reserved_contracts`` keeps those that may take part in contracts reserved under
    art. 94 (cooperatives.models.reserved)."""
    request = MatchRequest(text=text, lat=lat, lon=lon, radius_km=radius_km)
    request, place, codes, lexicon = understand(request)
    outside = work_outside(request, lexicon)
    if outside and not codes:
        # Only work nobody here does: no profile, as the matcher says (not the whole list).
        empty = {"capabilities": {}, "voivodeships": {}}
        return DirectoryPage(0, page, [], empty, place, codes, outside)
    filters = within(request)
    if capability:
        filters.append(Q("term", capabilities=capability))
    if voivodeship:
        filters.append(Q("term", voivodeship=voivodeship))
    if reserved_contracts:
        filters.append(Q("term", reserved_contracts=True))
    asks = not asks_nothing(request, codes, lexicon)
    query = scored_query(request, codes, lexicon, filters) if asks else Q("bool", filter=filters)
    search = Search(using=get_client(), index=CooperativeDocument.alias_name()).query(query)
    if request.located and (sort == "distance" or not asks):
        search = search.sort(
            {
                "_geo_distance": {
                    "location": _points(request),
                    "unit": "km",
                    "mode": "min",
                }
            }
        )
    else:
        search = search.sort("_score", "slug")
    search.aggs.bucket("capabilities", "terms", field="capabilities", size=50)
    search.aggs.bucket("voivodeships", "terms", field="voivodeship", size=20)
    start = (page - 1) * PAGE_SIZE
    response = search.extra(track_total_hits=True)[start : start + PAGE_SIZE].execute()
    results = []
    for hit in response:
        source = hit.to_dict()
        explanation = explain(source, request, codes, lexicon)
        results.append(
            {
                "slug": source["slug"],
                "name": source["name"],
                "url": source.get("url", ""),
                "city": source.get("city") or "",
                "voivodeship": source.get("voivodeship") or "",
                "capabilities": source.get("capabilities", []),
                "certifications": source.get("certifications", []),
                "accepts_orders": source.get("accepts_orders", True),
                "distance_km": explanation.distance_km,
                "explanation": explanation if asks else None,
                "reserved_contracts": bool(source.get("reserved_contracts")),
                "reserved_groups": reserved_statement(source),
                # The parts of a mixed request this one does, as the matcher says.
                "covers": [code for code in codes if code in source.get("capabilities", [])],
            }
        )
    facets = {
        name: {bucket.key: bucket.doc_count for bucket in response.aggregations[name].buckets}
        for name in ("capabilities", "voivodeships")
    }
    return DirectoryPage(
        total=response.hits.total.value,
        page=page,
        results=results,
        facets=facets,
        place=place,
        capabilities=codes,
        outside=outside,
        also_near=request.also_near,
    )


def _points(request: MatchRequest) -> list[dict[str, float]]:
    """Every point ``request`` may mean, as Elasticsearch takes geo points."""
    return [{"lat": lat, "lon": lon} for lat, lon in request.points]


def profiles_for_words(kind: str, text: str) -> list[int] | None:
    """The page ids of live profiles of ``kind`` ("cooperative", "workshop", "partner")
    that ``text`` finds, best first, for a listing's word filter: the matcher's reading
    of the words, so a listing and the search page agree. A town alone in the words
    gives the profiles within :data:`NEAR_TOWN_KM` of it, nearest first. None when
    the words ask for nothing the engine can search."""
    request, place, codes, lexicon = understand(MatchRequest(text=text))
    if kind == "cooperative" and only_work_nobody_does(request, codes, lexicon):
        return []
    search = Search(using=get_client(), index=DOCUMENTS[kind].alias_name()).source(False)
    if not asks_nothing(request, codes, lexicon):
        query = scored_query(request, codes, lexicon, within(request))
        search = search.query(query).sort("_score", "slug")
    elif place is not None:
        points = _points(request)
        near_any = [
            Q("geo_distance", distance=f"{NEAR_TOWN_KM}km", location=point) for point in points
        ]
        search = search.query(Q("bool", should=near_any, minimum_should_match=1)).sort(
            {"_geo_distance": {"location": points, "unit": "km", "mode": "min"}}
        )
    else:
        return None
    return [int(hit.meta.id) for hit in search.extra(size=MAX_LISTED).execute()]


def listing_word_search(kind: str, text: str) -> list[int] | None:
    """:func:`profiles_for_words` for the listings, which must work without the engine:
    None (the listing then matches the words literally in PostgreSQL) when it is down."""
    try:
        return profiles_for_words(kind, text)
    except UNAVAILABLE as error:
        logger.warning(
            "Listing words matched literally, the search engine is unreachable: %s", error
        )
        return None
