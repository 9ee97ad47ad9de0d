"""Directory search: live cooperatives filtered and ranked by words or distance, with facets.

The public search page and ``GET /api/v1/cooperatives`` call
:func:`search_directory`; the matcher, which ranks cooperatives for one
need with reasons, is :mod:`search.query`.
"""

from dataclasses import dataclass, field

from elasticsearch.dsl import Q, Search

from search.analysis import folded_stems, stems
from search.client import get_client
from search.documents import CooperativeDocument
from search.query import hit_distance, taxonomy_and_lexicon

PAGE_SIZE = 20
# Elasticsearch pages only through the first index.max_result_window hits (from + size; 10,000
# by default, which our indices keep) and refuses anything deeper with a 400. So results stop
# at this page, and the API and the search page say so instead of asking.
MAX_RESULT_WINDOW = 10_000
MAX_PAGE = MAX_RESULT_WINDOW // PAGE_SIZE


@dataclass
class DirectoryPage:
    total: int
    page: int
    results: list[dict]
    facets: dict[str, dict[str, int]] = field(default_factory=dict)


def search_directory(
    text: str = "",
    capability: str = "",
    voivodeship: str = "",
    lat: float | None = None,
    lon: float | None = None,
    radius_km: float | None = None,
    page: int = 1,
    sort: str = "",
) -> DirectoryPage:
    """Live cooperatives filtered and ranked by words, or by distance (when located and asked
    for, or when there are no words), with counts per capability and voivodeship."""
    _, lexicon = taxonomy_and_lexicon()
    filters = []
    if capability:
        filters.append(Q("term", capabilities=capability))
    if voivodeship:
        filters.append(Q("term", voivodeship=voivodeship))
    if lat is not None and lon is not None and radius_km:
        filters.append(
            Q("geo_distance", distance=f"{radius_km}km", location={"lat": lat, "lon": lon})
        )
    must = []
    if text.strip():
        must.append(
            Q(
                "bool",
                should=[
                    Q("match", stems=" ".join(stems(text, lexicon))),
                    Q(
                        "match",
                        folded={
                            "query": " ".join(folded_stems(text, lexicon)),
                            "fuzziness": "AUTO:5,8",
                        },
                    ),
                ],
                minimum_should_match=1,
            )
        )
    search = Search(using=get_client(), index=CooperativeDocument.alias_name()).query(
        Q("bool", must=must or [Q("match_all")], filter=filters)
    )
    located = lat is not None and lon is not None
    if located and (sort == "distance" or not text.strip()):
        search = search.sort(
            {"_geo_distance": {"location": {"lat": lat, "lon": lon}, "unit": "km"}}
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
        distance = hit_distance(source, lat, lon)
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
                "distance_km": distance,
            }
        )
    facets = {
        name: {bucket.key: bucket.doc_count for bucket in response.aggregations[name].buckets}
        for name in ("capabilities", "voivodeships")
    }
    return DirectoryPage(total=response.hits.total.value, page=page, results=results, facets=facets)
