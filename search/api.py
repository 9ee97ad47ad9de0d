"""The matching endpoints of the public HTTP API v1 (interfaces.md): match and cooperatives.

Views validate their parameters with schemas and call one function of the
engine (:mod:`search.query` or :mod:`search.directory`). Bad parameters
answer 400 with ``{"error": …}`` (see :mod:`cms.api`), and so does a request
Elasticsearch itself refuses as invalid; Elasticsearch being unreachable,
timed out or failing answers 503 the same way. :mod:`cms.api` mounts this
router.
"""

import datetime as dt
import logging
from typing import Literal

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status
from pydantic import field_validator, model_validator

from cms.api_schemas import ErrorOut
from cooperatives.models import Capability, Certification
from search import directory, query
from search.sync import REFUSED, UNAVAILABLE

logger = logging.getLogger(__name__)

router = Router()

# gunicorn refuses a request line (method, address, protocol) over 4,094 bytes before Django
# sees it. A Polish letter takes 6 bytes in an address (two UTF-8 bytes, each percent-encoded),
# so 600 of them take 3,600 bytes, leaving about 490 for the path and the other parameters
# (tests/search/test_api_errors.py adds up the longest address the document allows).
TEXT_MAX_LENGTH = 600
TEXT_LIMIT = (
    f"at most {TEXT_MAX_LENGTH} characters, so that the longest address fits the server's "
    "4,094-byte request line even when every character is a Polish letter (6 bytes "
    "percent-encoded)"
)
TOGETHER = "give lat and lon together, or neither"
CODE_PATTERN = r"^[-a-zA-Z0-9_]+$"
RESERVED_DESCRIPTION = (
    "true: only cooperatives that may take part in public contracts reserved under art. 94 "
    "of the public procurement act (at least 30% of employees_total from the groups the act "
    "names, as the cooperative states it; the buyer checks the documents)"
)

RESPONSES = {
    "responses": {
        400: {
            "description": "Bad parameters, each named in error (an unknown code, lat without "
            "lon, a value out of range), or a request the search engine refuses as invalid"
        },
        503: {"description": "The search engine is unreachable, timed out or failing"},
    }
}


class Location(Schema):
    lat: float | None = Field(None, ge=-90, le=90, description=f"latitude of the need; {TOGETHER}")
    lon: float | None = Field(
        None, ge=-180, le=180, description=f"longitude of the need; {TOGETHER}"
    )
    radius_km: float | None = Field(
        None, gt=0, le=2000, description="only within this distance of lat/lon (needs both)"
    )

    @model_validator(mode="after")
    def _complete(self):
        if (self.lat is None) != (self.lon is None):
            raise ValueError("give both lat and lon, or neither")
        if self.radius_km is not None and self.lat is None:
            raise ValueError("radius_km needs lat and lon")
        return self


class MatchParams(Location):
    q: str = Field(
        ...,
        min_length=1,
        max_length=TEXT_MAX_LENGTH,
        description=f"the need in your own words; {TEXT_LIMIT}",
    )
    capability: list[str] = Field(
        default_factory=list,
        description="capability codes (repeatable), e.g. sewing; an unknown code is a 400",
        json_schema_extra={"items": {"type": "string", "maxLength": 40, "pattern": CODE_PATTERN}},
    )
    certification: list[str] = Field(
        default_factory=list,
        description="required certificate codes (repeatable), e.g. haccp; an unknown code is a 400",
        json_schema_extra={"items": {"type": "string", "maxLength": 40, "pattern": CODE_PATTERN}},
    )
    limit: int = Field(10, ge=1, le=50)
    within_service_area: bool = Field(
        False, description="only cooperatives whose own service radius reaches lat/lon"
    )
    voivodeship: str = Field("", pattern=r"^(\d{2})?$", description="TERYT code, e.g. 30")
    quantity: float | None = Field(
        None,
        gt=0,
        le=10_000_000,
        description="how much is needed (in the unit the words give, e.g. 400 with "
        "'obiadów' in q); otherwise read from q",
    )
    per: Literal["day", "week", "month"] | None = Field(
        None, description="the period of a recurring quantity; none for a one-off amount"
    )
    reserved_contracts: bool = Field(False, description=RESERVED_DESCRIPTION)

    @model_validator(mode="after")
    def _per_needs_quantity(self):
        if self.per and self.quantity is None:
            raise ValueError("per needs quantity")
        return self

    @field_validator("capability")
    @classmethod
    def _known_capabilities(cls, codes: list[str]) -> list[str]:
        return Capability.known(codes)

    @field_validator("certification")
    @classmethod
    def _known_certifications(cls, codes: list[str]) -> list[str]:
        return Certification.known(codes)


class ExplanationOut(Schema):
    capabilities: list[str]
    terms: list[str]
    distance_km: float | None
    certifications: list[str]
    capacity: str
    capacity_reason: str = Field(
        "", description="why capacity_fit says what it says, in the request's language"
    )


class ReservedGroupsOut(Schema):
    employees: int = Field(description="employees from the groups art. 94 names, as stated")
    employees_total: int | None
    share_percent: float | None = Field(description="employees / employees_total, one decimal")
    stated_on: dt.date | None = Field(description="the day the cooperative stated it")


class MatchOut(Schema):
    slug: str
    name: str
    score: float
    distance_km: float | None
    url: str
    city: str
    explanation: ExplanationOut
    covers: list[str] = Field(
        default_factory=list, description="the parts of the request (codes) it does"
    )
    capacity_fit: Literal["fits", "tight", "short", "unknown"] = "unknown"
    reserved_contracts: bool = Field(
        False,
        description="may take part in contracts reserved under art. 94 (30% or more of "
        "employees_total from the named groups)",
    )
    reserved_groups: ReservedGroupsOut | None = Field(
        None, description="the figures behind reserved_contracts; none when not stated"
    )
    stale: bool = False


class QuantityOut(Schema):
    value: float
    unit: str
    per: Literal["day", "week", "month"] | None


class PlaceOut(Schema):
    name: str
    lat: float
    lon: float


class RelaxedOut(Schema):
    dropped: str = Field(
        description="the condition left out: radius_km, voivodeship, certification or "
        "reserved_contracts"
    )
    results: list[MatchOut]


class MatchResultOut(Schema):
    query: str
    capabilities: list[str]
    parts: list[str] = Field(
        default_factory=list, description="the kinds of work the request asks for, in order"
    )
    results: list[MatchOut]
    place: PlaceOut | None = None
    region: str | None = Field(None, description="a voivodeship (TERYT) found in the text")
    quantity: QuantityOut | None = None
    deadline: dt.date | None = None
    pair: list[str] | None = Field(
        None, description="two cooperatives that together do every part, when none does all"
    )
    relaxed: RelaxedOut | None = Field(
        None, description="when nothing matches: what dropping one condition would find"
    )
    outside_work: list[str] | None = Field(
        None,
        description="work the text asks for that no kind of work here covers, by name "
        "(e.g. vehicle_repair, chimney_sweeping, funeral_services: the names of "
        "OUTSIDE_WORK in cooperatives/vocabulary.py), or a tradesperson asked for whom "
        "no kind covers, in the nominative as written (e.g. szkutnik); asked alone, "
        "nothing matches",
    )


class DirectoryParams(Location):
    q: str = Field("", max_length=TEXT_MAX_LENGTH, description=f"words to look for; {TEXT_LIMIT}")
    capability: str = Field(
        "", max_length=40, description="a capability code, e.g. sewing; an unknown code is a 400"
    )
    voivodeship: str = Field("", max_length=2, description="TERYT code, e.g. 30")
    reserved_contracts: bool = Field(False, description=RESERVED_DESCRIPTION)
    page: int = Field(
        1,
        ge=1,
        description=f"{directory.PAGE_SIZE} results a page, up to page {directory.MAX_PAGE}: the "
        f"search engine pages through the first {directory.MAX_RESULT_WINDOW:,} results only, "
        "so narrow the search to reach the rest",
        json_schema_extra={"maximum": directory.MAX_PAGE},
    )

    @field_validator("capability")
    @classmethod
    def _known_capability(cls, code: str) -> str:
        return Capability.known([code])[0] if code else code

    @field_validator("page")
    @classmethod
    def _within_the_window(cls, page: int) -> int:
        if page > directory.MAX_PAGE:
            raise ValueError(
                f"at most {directory.MAX_PAGE}: results stop at the first "
                f"{directory.MAX_RESULT_WINDOW:,}; narrow the search with q, capability, "
                "voivodeship or lat/lon and radius_km"
            )
        return page


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
    reserved_contracts: bool = False
    reserved_groups: ReservedGroupsOut | None = None


class DirectoryOut(Schema):
    total: int
    page: int
    page_size: int
    results: list[CooperativeOut]


def _unavailable():
    return Status(
        503, {"error": "Matching is temporarily unavailable (search engine unreachable)."}
    )


def _refused(error: Exception):
    # The reason names indices and query internals: for the log, not for the caller.
    logger.warning("Elasticsearch refused a request as invalid: %s", error)
    return Status(
        400, {"error": "The search engine cannot answer this request; use fewer or simpler words."}
    )


@router.get(
    "/match",
    response={200: MatchResultOut, 400: ErrorOut, 503: ErrorOut},
    openapi_extra=RESPONSES,
)
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
        quantity=query.asked_quantity(params.q, params.quantity, params.per),
        reserved_contracts=params.reserved_contracts,
    )
    try:
        result = query.match(need)
        body = result.as_dict()
        relaxed = None if result.results else query.relax(need)
    except REFUSED as error:
        return _refused(error)
    except UNAVAILABLE:
        return _unavailable()
    if relaxed:
        dropped, other = relaxed
        body["relaxed"] = {
            "dropped": "certification" if dropped == "certifications" else dropped,
            "results": other.as_dict()["results"],
        }
    return body


@router.get(
    "/cooperatives",
    response={200: DirectoryOut, 400: ErrorOut, 503: ErrorOut},
    openapi_extra=RESPONSES,
)
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
            reserved_contracts=params.reserved_contracts,
        )
    except REFUSED as error:
        return _refused(error)
    except UNAVAILABLE:
        return _unavailable()
    return {
        "total": page.total,
        "page": page.page,
        "page_size": directory.PAGE_SIZE,
        "results": page.results,
    }
