"""The partnership map page: Leaflet over the GeoJSON features, with a list of the same places.

The page is rendered on the server with the list of every place it shows,
so it works without JavaScript and when the map's tiles fail; the script
draws the map from the same features and, when a filter changes, fetches
this page again and swaps in the list and the features, so the map and the
list can never disagree.
"""

from django.conf import settings
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from cms import public_cache
from cms.map import geojson
from cms.map.forms import MAP_KINDS, MAP_LAYERS, MapFilterForm
from cms.models import Voivodeship
from cooperatives.models import Capability
from partners.models import Partnership


def _labels() -> dict:
    """What the script needs to write popups in the page's language (the words every map
    shares, with their plurals, come from the JavaScript catalog: js/map_common.js)."""
    return {
        "kinds": {code: str(label) for code, label in MAP_KINDS},
        "capabilities": dict(Capability.choices()),
        "statuses": {code: str(label) for code, label in Partnership.Status.choices},
        "voivodeships": dict(Voivodeship.choices()),
        "showOnMap": _("Show on map"),
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


# What an invalid filter shows: nothing (and the form says what is wrong).
NOTHING = {"type": "FeatureCollection", "features": []}


def _shown(collection: dict, bound: bool) -> dict:
    """``collection`` grouped, the list beside the map as HTML, and the popups' labels:
    the same for everyone who asks for the same filters in the same language."""
    labels = _labels()
    groups = _grouped(collection, labels)
    place_list = render_to_string(
        "cms/map_list.html", {"collection": collection, "groups": groups, "bound": bound}
    )
    return {"collection": collection, "groups": groups, "labels": labels, "list": place_list}


def partnership_map(request):
    form = MapFilterForm(request.GET if request.GET else None)
    if form.is_bound and not form.is_valid():
        status, shown = 400, _shown(NOTHING, bound=True)
    else:
        status, filters = 200, form.cleaned_data if form.is_bound else {}
        kinds = filters.get("kind") or list(geojson.KINDS)
        capability, voivodeship = filters.get("capability", ""), filters.get("voivodeship", "")
        # Rendering a few hundred places is most of the page's work: kept with the features
        # until the directory changes (cms.public_cache).
        shown = public_cache.remember(
            "map-page",
            [sorted(kinds), capability, voivodeship, form.is_bound],
            lambda: _shown(geojson.features(kinds, capability, voivodeship), form.is_bound),
        )
    context = {
        "form": form,
        "collection": shown["collection"],
        "groups": shown["groups"],
        "place_list": shown["list"],
        "layers": MAP_LAYERS,
        "map_config": {
            "letters": {layer.code: layer.letter for layer in MAP_LAYERS},
            "tileUrl": settings.MAP_TILE_URL,
            "attribution": settings.MAP_TILE_ATTRIBUTION,
            "labels": shown["labels"],
        },
    }
    return render(request, "cms/map.html", context, status=status)
