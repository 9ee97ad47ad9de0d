"""A profile's map point as a small map beside its address, with a way to the full map that needs
no script; and the scripts' translations with Polish plurals."""

import json
import re

import pytest

from cooperatives.models import CooperativePage

pytestmark = pytest.mark.django_db


def place_map_config(html: str) -> dict:
    payload = html.split('<script id="place-map-config" type="application/json">')[1]
    return json.loads(payload.split("</script>")[0])


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_a_profile_shows_its_point_on_a_small_map_not_as_raw_coordinates(
    client, small_directory, prefix
):
    html = client.get(f"{prefix}/spoldzielnie/ss-igla/").content.decode()
    assert not re.search(r"52[.,]406\d?, ?16[.,]925", html.split("<main")[1].split("<script")[0])
    assert "ul. Długa 1, 60-101 Poznań" in html  # the address stays, in words
    config = place_map_config(html)
    assert config["point"] == [52.4064, 16.9252]
    assert config["kind"] == "cooperative"
    assert f'href="{prefix}/map/#cooperative-ss-igla"' in html
    # The full map's list has that place, so the link lands on it even without a script.
    assert 'id="cooperative-ss-igla"' in client.get(f"{prefix}/map/").content.decode()


def test_a_profile_without_a_map_point_shows_no_map(client, small_directory):
    assert not CooperativePage.objects.get(slug="ss-smak").has_location
    html = client.get("/spoldzielnie/ss-smak/").content.decode()
    assert 'id="place-map"' not in html and "leaflet.js" not in html


def catalog(client, prefix: str) -> dict:
    """The translations the JavaScript catalog hands the page's scripts."""
    script = client.get(f"{prefix}/jsi18n/").content.decode()
    found = re.search(r"const newcatalog = (\{.*?\});", script, re.S)
    return json.loads(found.group(1)) if found else {}


def test_the_scripts_get_polish_plurals_and_english_falls_back_to_its_own(client):
    polish = catalog(client, "")
    assert polish["%(count)s place"] == [
        "%(count)s miejsce",  # 1
        "%(count)s miejsca",  # 2 to 4, 22 to 24, ...
        "%(count)s miejsc",  # 0, 5 to 21 (12 to 14 too), 25 to 31, ...
        "%(count)s miejsca",  # fractions
    ]
    assert polish["Zoom in"] == "Przybliż"
    # English has no catalog of its own: the script's English words and rule are used.
    assert catalog(client, "/en") == {}
