"""GET /api/v1/map.geojson: a valid FeatureCollection, filtered, without contact data or drafts."""

import pytest

from cooperatives.models import CooperativePage

pytestmark = pytest.mark.django_db


def collection(client, **params):
    response = client.get("/api/v1/map.geojson", params)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    body = response.json()
    assert body["type"] == "FeatureCollection"
    return body["features"]


def test_every_kind_is_on_the_map_with_longitude_first(client, small_directory):
    features = {f["id"]: f for f in collection(client)}
    igla = features["cooperative-ss-igla"]
    assert igla["geometry"] == {"type": "Point", "coordinates": [16.9252, 52.4064]}
    assert igla["properties"]["url"] == "/spoldzielnie/ss-igla/"
    assert "workshop-wtz-testowo" in features
    # Smak has no map point, the partner neither: not on the map.
    assert "cooperative-ss-smak" not in features
    partnership = features["partnership-igla-firma"]
    assert partnership["geometry"] == {"type": "Point", "coordinates": [16.9252, 52.4064]}
    assert partnership["properties"]["status"] == "active"


def test_filters_by_kind_capability_and_voivodeship(client, small_directory):
    kinds = {f["properties"]["kind"] for f in collection(client, kind="workshop")}
    assert kinds == {"workshop"}
    ceramics = collection(client, capability="ceramics")
    assert [f["id"] for f in ceramics] == ["workshop-wtz-testowo"]
    assert collection(client, voivodeship="10") == []


def test_no_contact_data_and_no_unpublished_profiles(client, small_directory):
    CooperativePage.objects.get(slug="ss-igla").unpublish()
    features = collection(client)
    assert all(not f["id"].endswith("ss-igla") for f in features)
    assert all(f["properties"]["kind"] != "partnership" for f in features)
    for feature in features:
        assert not {"email", "phone", "nip", "street"} & set(feature["properties"])


def test_unknown_kind_is_a_400_with_a_json_error(client, db):
    response = client.get("/api/v1/map.geojson", {"kind": "castle"})
    assert response.status_code == 400
    assert "unknown kind: castle" in response.json()["error"]
