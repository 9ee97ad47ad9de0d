"""GET /api/v1/map.geojson: a valid FeatureCollection, filtered, without contact data or drafts."""

import pytest

from cooperatives.models import CooperativePage
from partners.models import PartnerPage, Partnership

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
    assert features
    for feature in features:
        assert not {"email", "phone", "nip", "street"} & set(feature["properties"])


def test_unknown_kind_is_a_400_with_a_json_error(client, db):
    response = client.get("/api/v1/map.geojson", {"kind": "castle"})
    assert response.status_code == 400
    assert "unknown kind: castle" in response.json()["error"]


def assert_valid_position(position):
    longitude, latitude = position
    assert all(isinstance(value, float | int) for value in position)
    assert -180 <= longitude <= 180 and -90 <= latitude <= 90


def test_every_feature_follows_rfc_7946(client, small_directory):
    """Feature objects with string ids, Point or LineString geometry in [lon, lat] order."""
    partner = PartnerPage.objects.get(slug="firma-testowa")
    partner.latitude, partner.longitude = 52.2297, 21.0122  # Warsaw: the line gets two ends
    partner.save_revision().publish()
    features = collection(client)
    ids = [feature["id"] for feature in features]
    assert len(ids) == len(set(ids))
    geometries = set()
    assert features
    for feature in features:
        assert set(feature) == {"type", "id", "geometry", "properties"}
        assert feature["type"] == "Feature" and isinstance(feature["id"], str)
        geometry = feature["geometry"]
        geometries.add(geometry["type"])
        if geometry["type"] == "Point":
            assert_valid_position(geometry["coordinates"])
        else:
            assert geometry["type"] == "LineString"
            assert len(geometry["coordinates"]) >= 2
            for position in geometry["coordinates"]:
                assert_valid_position(position)
    assert geometries == {"Point", "LineString"}
    line = next(f for f in features if f["id"] == "partnership-igla-firma")["geometry"]
    assert line["coordinates"] == [[16.9252, 52.4064], [21.0122, 52.2297]]


def test_partnership_without_two_parties_on_the_map_stands_where_its_work_happens(
    client, small_directory
):
    Partnership.objects.filter(slug="igla-firma").update(latitude=52.3, longitude=16.8)
    feature = next(f for f in collection(client) if f["id"] == "partnership-igla-firma")
    assert feature["geometry"] == {"type": "Point", "coordinates": [16.8, 52.3]}
    assert feature["properties"]["location"] == [16.8, 52.3]


def test_an_unknown_kind_of_work_is_a_400_naming_it(client, small_directory):
    response = client.get("/api/v1/map.geojson", {"capability": "abseiling"})
    assert response.status_code == 400
    assert "unknown code: abseiling" in response.json()["error"]
    assert client.get("/api/v1/map.geojson", {"capability": "sewing"}).status_code == 200
