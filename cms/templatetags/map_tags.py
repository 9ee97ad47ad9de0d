"""Small maps outside the map page: a profile's own point (``{% place_map page %}``) and the
home page's overview of the directory (``{% overview_map %}``), both drawn by js/small_map.js
with the map page's Leaflet files, pins and tiles, and both beside words and a link to the full
map (/map/) that do without them."""

from django import template
from django.conf import settings
from django.urls import reverse

from cms.kinds import kind_of_model
from cms.map.forms import MAP_LAYERS

register = template.Library()

# What the home page's overview shows: where the work is, not the companies' offices.
OVERVIEW_KINDS = ("cooperative", "workshop", "partnership")


def _base_config() -> dict:
    return {
        "tileUrl": settings.MAP_TILE_URL,
        "attribution": settings.MAP_TILE_ATTRIBUTION,
        "colours": {layer.code: layer.colour for layer in MAP_LAYERS},
        "letters": {layer.code: layer.letter for layer in MAP_LAYERS},
    }


@register.inclusion_tag("cms/includes/place_map.html")
def place_map(page):
    """A profile's map point on a small map, and the link that opens it on the full map (the
    map page opens the place named after its #)."""
    kind = kind_of_model(type(page))
    if kind is None or not page.has_location:
        return {"shown": False}
    return {
        "shown": True,
        "page": page,
        "feature_id": f"{kind.code}-{page.slug}",
        "config": {
            **_base_config(),
            "point": [page.latitude, page.longitude],
            "kind": kind.code,
            "name": page.title,
        },
    }


@register.inclusion_tag("cms/includes/overview_map.html")
def overview_map():
    """The directory's places on a small map of Poland, fetched from the map's GeoJSON endpoint,
    which answers in the default language: ``prefix`` puts its addresses in the page's."""
    kinds = "&".join(f"kind={kind}" for kind in OVERVIEW_KINDS)
    return {
        "config": {
            **_base_config(),
            "features": f"{reverse('api-v1:map_features')}?{kinds}",
            "kinds": {layer.code: str(layer.label) for layer in MAP_LAYERS},
            "prefix": reverse("wagtail_serve", args=[""]).rstrip("/"),
        },
    }
