"""The map page without JavaScript: the list of places follows the filters; Leaflet is ours."""

import json

import pytest
from django.contrib.staticfiles import finders

from cms.map import geojson
from cms.map.forms import MAP_KINDS
from cooperatives.models import CooperativePage

pytestmark = pytest.mark.django_db


def listed(response) -> set[str]:
    return {place["id"] for _kind, _label, places in response.context["groups"] for place in places}


def features(response) -> dict:
    body = response.content.decode()
    start = body.index('<script id="map-features" type="application/json">')
    payload = body[start:].split(">", 1)[1].split("</script>", 1)[0]
    return json.loads(payload)


def test_map_lists_every_place_it_draws(client, small_directory):
    response = client.get("/map/")
    assert response.status_code == 200
    drawn = {feature["id"] for feature in features(response)["features"]}
    assert drawn == listed(response)
    assert drawn == {"workshop-wtz-testowo", "cooperative-ss-igla", "partnership-igla-firma"}
    body = response.content.decode()
    assert 'href="/partnerships/igla-firma/"' in body
    assert 'href="/spoldzielnie/ss-igla/"' in body


def test_filters_change_the_list_and_the_features_alike(client, small_directory):
    response = client.get("/map/", {"capability": "ceramics", "voivodeship": "30"})
    assert listed(response) == {"workshop-wtz-testowo"}
    assert [f["id"] for f in features(response)["features"]] == ["workshop-wtz-testowo"]
    only = client.get("/map/", {"kind": ["cooperative", "partnership"]})
    assert listed(only) == {"cooperative-ss-igla", "partnership-igla-firma"}
    assert client.get("/map/", {"voivodeship": "10"}).context["groups"] == []


def test_no_kind_ticked_means_every_kind(client, small_directory):
    response = client.get("/map/", {"voivodeship": "30"})
    assert response.context["form"]["kind"].value() == [code for code, _ in MAP_KINDS]
    assert "cooperative-ss-igla" in listed(response)


def test_unknown_filter_values_are_refused_with_a_message(client, small_directory):
    response = client.get("/map/", {"capability": "castles", "kind": "dragon"})
    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"capability", "kind"}
    assert response.context["groups"] == []


def test_drafts_never_reach_the_map_page(client, small_directory):
    CooperativePage.objects.get(slug="ss-igla").unpublish()
    response = client.get("/map/")
    assert "cooperative-ss-igla" not in listed(response)
    assert "Igła" not in response.content.decode()


def test_map_page_carries_the_tile_setting_and_the_page_labels(client, settings, db):
    settings.MAP_TILE_URL = "https://tiles.example.org/{z}/{x}/{y}.png"
    response = client.get("/en/map/")
    body = response.content.decode()
    config = json.loads(body.split('id="map-config" type="application/json">')[1].split("<")[0])
    assert config["tileUrl"] == "https://tiles.example.org/{z}/{x}/{y}.png"
    assert config["labels"]["capabilities"]["sewing"] == "sewing, tailoring"
    assert config["labels"]["kinds"]["workshop"] == "Occupational therapy workshops (WTZ)"


def test_map_kinds_are_the_api_kinds():
    assert [code for code, _ in MAP_KINDS] == list(geojson.KINDS)


def test_leaflet_and_the_cluster_plugin_are_served_from_our_static_files(client, db):
    for path in (
        "vendor/leaflet/leaflet.js",
        "vendor/leaflet/leaflet.css",
        "vendor/leaflet.markercluster/leaflet.markercluster.js",
        "vendor/leaflet.markercluster/MarkerCluster.css",
    ):
        assert finders.find(path), path
    body = client.get("/map/").content.decode()
    assert "/static/vendor/leaflet/leaflet.js" in body
    assert "unpkg" not in body and "cdn" not in body.lower()
