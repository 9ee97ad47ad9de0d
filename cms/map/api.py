"""The map's GeoJSON endpoint of the public HTTP API v1 (interfaces.md), mounted by cms.api."""

from typing import Literal

from django.http import HttpRequest, JsonResponse
from ninja import Field, Query, Router, Schema
from pydantic import field_validator

from cms.api_schemas import ErrorOut
from cms.map import geojson
from cooperatives.models import Capability

router = Router()

GEOJSON = "application/geo+json"


class MapParams(Schema):
    kind: list[str] = Field(
        default_factory=list,
        description="workshop, cooperative, partner or partnership (repeatable); absent or "
        "empty (kind=, as an HTML form sends it): every kind",
        json_schema_extra={"items": {"type": "string", "enum": [*geojson.KINDS, ""]}},
    )
    capability: str = Field(
        "", max_length=40, description="a capability code, e.g. sewing; an unknown code is a 400"
    )
    voivodeship: str = Field("", pattern=r"^(\d{2})?$", description="TERYT code, e.g. 30")

    @field_validator("capability")
    @classmethod
    def _known_capability(cls, code: str) -> str:
        return Capability.known([code])[0] if code else code

    @field_validator("kind")
    @classmethod
    def _known_kinds(cls, kinds: list[str]) -> list[str]:
        kinds = [kind for kind in kinds if kind]
        unknown = sorted(set(kinds) - set(geojson.KINDS))
        if unknown:
            raise ValueError(f"unknown kind: {', '.join(unknown)}; use {', '.join(geojson.KINDS)}")
        return kinds


class GeometryOut(Schema):
    type: Literal["Point", "LineString"]
    coordinates: list[float] | list[list[float]] = Field(
        description="[longitude, latitude]; a line is a list of them"
    )


class PropertiesOut(Schema):
    kind: Literal[geojson.KINDS]
    slug: str
    name: str
    url: str = Field(description="the page: the profile's, or the partnership's own")
    voivodeship: str = Field(description="TERYT code, or empty")
    capabilities: list[str]
    city: str | None = Field(None, description="profiles only")
    status: str | None = Field(None, description="partnerships only: planned, active or ended")
    work: str | None = Field(None, description="partnerships only")
    jobs_created: int | None = Field(None, description="partnerships only")
    location: list[float] | None = Field(
        None, description="partnerships only: where the work happens, [lon, lat], or null"
    )


class FeatureOut(Schema):
    type: Literal["Feature"]
    id: str
    geometry: GeometryOut
    properties: PropertiesOut


class FeatureCollectionOut(Schema):
    type: Literal["FeatureCollection"]
    features: list[FeatureOut]


def inline_schema(model: type[Schema]) -> dict:
    """``model``'s JSON schema with its nested models written in place, for a response
    django-ninja cannot describe itself (it writes every body as application/json)."""
    schema = model.model_json_schema(mode="serialization")
    definitions = schema.pop("$defs", {})

    def resolve(node):
        if isinstance(node, dict):
            if "$ref" in node:
                return resolve(definitions[node["$ref"].rsplit("/", 1)[-1]])
            return {key: resolve(value) for key, value in node.items()}
        if isinstance(node, list):
            return [resolve(item) for item in node]
        return node

    return resolve(schema)


# The operation id the endpoint had before it moved here: OpenAPI clients may know it.
@router.get(
    "/map.geojson",
    response={200: None, 400: ErrorOut, 503: ErrorOut},
    operation_id="search_api_map_features",
    openapi_extra={
        "responses": {
            200: {
                "description": "A GeoJSON FeatureCollection, coordinates longitude first",
                "content": {GEOJSON: {"schema": inline_schema(FeatureCollectionOut)}},
            },
            400: {"description": "Bad parameters, each named in error (an unknown kind)"},
            503: {"description": "The database is unreachable"},
        }
    },
)
def map_features(request: HttpRequest, params: Query[MapParams]):
    """The directory as a GeoJSON FeatureCollection (from the database; no contact data)."""
    collection = geojson.features(
        params.kind or list(geojson.KINDS), params.capability, params.voivodeship
    )
    return JsonResponse(collection, content_type=GEOJSON)
