"""'Publicly listed' means one thing everywhere: a view-restricted profile is nowhere public.

A cooperative behind a password (a Wagtail view restriction) is live but
not listed. Before, listings and the dashboard hid it while the matcher,
the search index, partnerships and the map showed it. Here one of two
cooperatives is restricted, so each place must show only the other one
(Smak, which takes no orders and has no map point, so it is absent from
matches and the map either way).
"""

import pytest
from wagtail.models import PageViewRestriction

from cms.dashboard.figures import regional_figures
from cooperatives.models import CooperativePage
from partners.models import Partnership
from search.sync import flush


@pytest.fixture
def igla_restricted(indexed_directory):
    """Igła (sewing, Wielkopolska, in the partnership igla-firma) behind a password; the
    restriction reaches the index through the outbox, like any change."""
    igla = CooperativePage.objects.get(slug="ss-igla")
    PageViewRestriction.objects.create(
        page=igla, restriction_type=PageViewRestriction.PASSWORD, password="tajne-haslo"
    )
    flush()
    return igla


def test_listed_excludes_the_restricted_profile_but_keeps_it_live(igla_restricted):
    assert set(CooperativePage.objects.live().values_list("slug", flat=True)) == {
        "ss-igla",
        "ss-smak",
    }
    assert list(CooperativePage.objects.listed().values_list("slug", flat=True)) == ["ss-smak"]


def test_the_listing_shows_only_the_listed_cooperative(client, igla_restricted):
    html = client.get("/spoldzielnie/").content.decode()
    assert "Smak" in html
    assert "Igła" not in html


def test_the_matcher_does_not_find_the_restricted_cooperative(client, igla_restricted):
    body = client.get("/api/v1/match", {"q": "szycie odzieży roboczej"}).json()
    assert [result["slug"] for result in body["results"]] == []


def test_the_directory_api_and_search_page_do_not_list_it(client, igla_restricted):
    body = client.get("/api/v1/cooperatives").json()
    assert [result["slug"] for result in body["results"]] == ["ss-smak"]
    html = client.get("/search/", {"q": "szycie"}).content.decode()
    assert "Igła" not in html


def test_the_map_shows_neither_it_nor_its_partnership(client, igla_restricted):
    features = client.get("/api/v1/map.geojson").json()["features"]
    ids = {feature["id"] for feature in features}
    assert "workshop-wtz-testowo" in ids  # Smak has no map point; the workshop has one
    assert "cooperative-ss-igla" not in ids
    assert "partnership-igla-firma" not in ids


def test_its_partnership_is_neither_listed_nor_shown(client, igla_restricted):
    assert not Partnership.objects.listed().exists()
    assert Partnership.objects.count() == 1
    assert "Igła" not in client.get("/partnerships/").content.decode()
    assert client.get("/partnerships/igla-firma/").status_code == 404


def test_the_dashboard_counts_only_the_listed_cooperative(igla_restricted):
    total = regional_figures().total
    assert total.cooperatives == 1
    assert total.partnerships_active == 0


def test_lifting_the_restriction_brings_it_back_into_the_index(client, igla_restricted):
    PageViewRestriction.objects.filter(page=igla_restricted).delete()
    flush()
    body = client.get("/api/v1/match", {"q": "szycie odzieży roboczej"}).json()
    assert [result["slug"] for result in body["results"]] == ["ss-igla"]
