"""The matching endpoints of the public HTTP API v1 (interfaces.md): match and cooperatives.

Views validate their parameters with schemas and call one function of the
engine (:mod:`search.query` or :mod:`search.directory`). Bad parameters
answer 400 with ``{"error": …}`` (see :mod:`cms.api`); Elasticsearch being
unreachable answers 503 the same way. :mod:`cms.api` mounts this router.
"""

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status
from pydantic import model_validator

from cms.api_schemas import ErrorOut
from search import directory, query
from search.sync import UNAVAILABLE

router = Router()


class Location(Schema):
    lat: float | None = Field(None, ge=-90, le=90, description="latitude of the need")
    lon: float | None = Field(None, ge=-180, le=180, description="longitude of the need")
    radius_km: float | None = Field(None, gt=0, le=2000, description="only within this distance")

    @model_validator(mode="after")
    def _complete(self):
        if (self.lat is None) != (self.lon is None):
            raise ValueError("give both lat and lon, or neither")
        if self.radius_km is not None and self.lat is None:
            raise ValueError("radius_km needs lat and lon")
        return self


class MatchParams(Location):
    q: str = Field(..., min_length=1, max_length=1000, description="the need in your own words")
    capability: list[str] = Field(default_factory=list, description="capability codes")
    certification: list[str] = Field(default_factory=list, description="required certificates")
    limit: int = Field(10, ge=1, le=50)
    within_service_area: bool = Field(
        False, description="only cooperatives whose own service radius reaches lat/lon"
    )
    voivodeship: str = Field("", pattern=r"^(\d{2})?$", description="TERYT code, e.g. 30")


class ExplanationOut(Schema):
    capabilities: list[str]
    terms: list[str]
    distance_km: float | None
    certifications: list[str]
    capacity: str


class MatchOut(Schema):
    slug: str
    name: str
    score: float
    distance_km: float | None
    url: str
    city: str
    explanation: ExplanationOut


class PlaceOut(Schema):
    name: str
    lat: float
    lon: float


class RelaxedOut(Schema):
    dropped: str = Field(
        description="the condition left out: radius_km, voivodeship or certification"
    )
    results: list[MatchOut]


class MatchResultOut(Schema):
    query: str
    capabilities: list[str]
    results: list[MatchOut]
    place: PlaceOut | None = None
    relaxed: RelaxedOut | None = Field(
        None, description="when nothing matches: what dropping one condition would find"
    )


class DirectoryParams(Location):
    q: str = Field("", max_length=1000)
    capability: str = Field("", max_length=40)
    voivodeship: str = Field("", max_length=2, description="TERYT code, e.g. 30")
    page: int = Field(1, ge=1, le=1000)


class CooperativeOut(Schema):
    slug: str
    name: str
    url: str
    city: str
    voivodeship: str
    capabilities: list[str]
    certifications: list[str]
    accepts_orders: bool
    distance_km: float | None


class DirectoryOut(Schema):
    total: int
    page: int
    page_size: int
    results: list[CooperativeOut]


def _unavailable():
    return Status(
        503, {"error": "Matching is temporarily unavailable (search engine unreachable)."}
    )


@router.get("/match", response={200: MatchResultOut, 400: ErrorOut, 503: ErrorOut})
def match(request: HttpRequest, params: Query[MatchParams]):
    """Cooperatives for a need, ranked, each with the reasons it matched."""
    need = query.MatchRequest(
        text=params.q,
        lat=params.lat,
        lon=params.lon,
        radius_km=params.radius_km,
        capabilities=params.capability,
        certifications=params.certification,
        limit=params.limit,
        within_service_area=params.within_service_area,
        voivodeship=params.voivodeship,
    )
    try:
        result = query.match(need)
        body = result.as_dict()
        relaxed = None if result.results else query.relax(need)
    except UNAVAILABLE:
        return _unavailable()
    if relaxed:
        dropped, other = relaxed
        body["relaxed"] = {
            "dropped": "certification" if dropped == "certifications" else dropped,
            "results": other.as_dict()["results"],
        }
    return body


@router.get("/cooperatives", response={200: DirectoryOut, 400: ErrorOut, 503: ErrorOut})
def cooperatives(request: HttpRequest, params: Query[DirectoryParams]):
    """The cooperative directory, filtered, 20 a page."""
    try:
        page = directory.search_directory(
            text=params.q,
            capability=params.capability,
            voivodeship=params.voivodeship,
            lat=params.lat,
            lon=params.lon,
            radius_km=params.radius_km,
            page=params.page,
        )
    except UNAVAILABLE:
        return _unavailable()
    return {
        "total": page.total,
        "page": page.page,
        "page_size": directory.PAGE_SIZE,
        "results": page.results,
    }
