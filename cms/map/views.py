"""The partnership map page: Leaflet over the GeoJSON features, with a list of the same places.

The page is rendered on the server with the list of every place it shows,
so it works without JavaScript and when the map's tiles fail; the script
draws the map from the same features and, when a filter changes, fetches
this page again and swaps in the list and the features, so the map and the
list can never disagree.
"""

from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext as _

from cms.map import geojson
from cms.map.forms import MAP_KINDS, MAP_LAYERS, MapFilterForm
from cms.models import Voivodeship
from cooperatives.models import Capability
from partners.models import Partnership


def _labels() -> dict:
    """What the script needs to write popups in the page's language."""
    return {
        "kinds": {code: str(label) for code, label in MAP_KINDS},
        "capabilities": dict(Capability.choices()),
        "statuses": {code: str(label) for code, label in Partnership.Status.choices},
        "voivodeships": dict(Voivodeship.choices()),
        "places": _("places"),
        "showOnMap": _("Show on map"),
        "zoomIn": _("Zoom in"),
        "zoomOut": _("Zoom out"),
        "loadFailed": _("The filters could not be applied. Check your connection and try again."),
    }


def _grouped(collection: dict, labels: dict) -> list[tuple[str, str, list[dict]]]:
    """Places per kind, in legend order and by name, for the list beside the map."""
    groups = []
    for code, label in MAP_KINDS:
        places = [
            {
                **feature["properties"],
                "id": feature["id"],
                "status_label": labels["statuses"].get(feature["properties"].get("status"), ""),
                "capability_labels": [
                    labels["capabilities"].get(c, c) for c in feature["properties"]["capabilities"]
                ],
            }
            for feature in collection["features"]
            if feature["properties"]["kind"] == code
        ]
        if places:
            groups.append((code, label, sorted(places, key=lambda place: place["name"])))
    return groups


def partnership_map(request):
    form = MapFilterForm(request.GET if request.GET else None)
    status = 200
    if form.is_bound and not form.is_valid():
        collection, status = {"type": "FeatureCollection", "features": []}, 400
    else:
        filters = form.cleaned_data if form.is_bound else {}
        collection = geojson.features(
            filters.get("kind") or list(geojson.KINDS),
            filters.get("capability", ""),
            filters.get("voivodeship", ""),
        )
    labels = _labels()
    context = {
        "form": form,
        "collection": collection,
        "groups": _grouped(collection, labels),
        "layers": MAP_LAYERS,
        "map_config": {
            "letters": {layer.code: layer.letter for layer in MAP_LAYERS},
            "tileUrl": settings.MAP_TILE_URL,
            "attribution": settings.MAP_TILE_ATTRIBUTION,
            "labels": labels,
        },
    }
    return render(request, "cms/map.html", context, status=status)
