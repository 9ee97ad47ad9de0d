"""The map's GeoJSON endpoint of the public HTTP API v1 (interfaces.md), mounted by cms.api."""

from django.http import HttpRequest, JsonResponse
from ninja import Field, Query, Router, Schema
from pydantic import model_validator

from cms.api_schemas import ErrorOut
from cms.map import geojson

router = Router()


class MapParams(Schema):
    kind: list[str] = Field(
        default_factory=list,
        description="workshop, cooperative, partner or partnership (repeatable; default all)",
    )
    capability: str = Field("", max_length=40)
    voivodeship: str = Field("", pattern=r"^(\d{2})?$", description="TERYT code, e.g. 30")

    @model_validator(mode="after")
    def _known_kinds(self):
        unknown = sorted(set(self.kind) - set(geojson.KINDS))
        if unknown:
            raise ValueError(f"unknown kind: {', '.join(unknown)}; use {', '.join(geojson.KINDS)}")
        return self


# The operation id the endpoint had before it moved here: OpenAPI clients may know it.
@router.get(
    "/map.geojson", response={200: dict, 400: ErrorOut}, operation_id="search_api_map_features"
)
def map_features(request: HttpRequest, params: Query[MapParams]):
    """The directory as a GeoJSON FeatureCollection (from the database; no contact data)."""
    collection = geojson.features(
        params.kind or list(geojson.KINDS), params.capability, params.voivodeship
    )
    return JsonResponse(collection, content_type="application/geo+json")
