"""The public figures and the map's features are kept until the directory changes, then
counted again: publishing, unpublishing, a need, a partnership, a restriction (real PostgreSQL
and Elasticsearch, transactions committed as in production, so `on_commit` runs)."""

import io
import itertools

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from cms.models import Voivodeship
from cooperatives.models import Capability, CooperativePage
from partners.models import Need, PartnerPage, Partnership
from search.client import get_client
from search.documents import CooperativeDocument
from search.sync import flush
from tests.cooperatives.factories import CooperativePageFactory
from workshops.models import WorkshopPage

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("baseline_site"),
]

SMALL_DIRECTORY = "tests/data/small_directory.jsonl"


@pytest.fixture
def directory(search_index):
    """The small directory (two cooperatives, a workshop of 30 participants, a company, one
    open need, one partnership), imported and indexed."""
    call_command("import_directory", SMALL_DIRECTORY, stdout=io.StringIO())
    _settle()


def _settle():
    """The outbox applied and the index refreshed, as a moment later in production."""
    flush()
    get_client().indices.refresh(index=CooperativeDocument.alias_name())


_asked = itertools.count()


def _total(client, path="/statistics/"):
    # A new address each time: the whole-page cache (cms/page_cache.py) answers a page asked
    # again without rendering it; here the kept figures underneath it are under test.
    response = client.get(path, {"asked": next(_asked)})
    assert response.status_code == 200
    return response.context["figures"].total


def _map_ids(client, **params) -> set[str]:
    response = client.get("/api/v1/map.geojson", params)
    assert response.status_code == 200
    return {feature["id"] for feature in response.json()["features"]}


def _new_cooperative() -> CooperativePage:
    cooperative = CooperativePageFactory(
        title="Spółdzielnia Socjalna Nowa",
        voivodeship=Voivodeship.objects.get(teryt="30"),
        latitude=52.41,
        longitude=16.93,
        capabilities=[Capability.objects.get(code="catering")],
    )
    _settle()
    return cooperative


def test_statistics_are_kept_until_a_cooperative_is_published_then_counted_again(client, directory):
    kept = _total(client)
    assert (kept.cooperatives, kept.participants) == (2, 30)
    # Behind the signals' back (a bare UPDATE): the kept figures do not see it.
    WorkshopPage.objects.update(participants=99)
    assert _total(client).participants == 30

    _new_cooperative()

    counted = _total(client)
    assert (counted.cooperatives, counted.participants) == (3, 99)


def test_an_unpublished_cooperative_leaves_the_kept_statistics_and_the_map(client, directory):
    kept = _total(client)
    assert (kept.cooperatives, kept.partnerships_active) == (2, 1)
    assert {"cooperative-ss-igla", "partnership-igla-firma"} <= _map_ids(client)

    CooperativePage.objects.get(slug="ss-igla").unpublish()

    counted = _total(client)
    assert (counted.cooperatives, counted.partnerships_active) == (1, 0)
    assert not {"cooperative-ss-igla", "partnership-igla-firma"} & _map_ids(client)


def test_the_map_shows_a_cooperative_published_after_its_features_were_kept(client, directory):
    before = _map_ids(client)
    page_before = client.get("/map/").content.decode()
    assert "Spółdzielnia Socjalna Nowa" not in page_before

    cooperative = _new_cooperative()

    assert _map_ids(client) == before | {f"cooperative-{cooperative.slug}"}
    assert "Spółdzielnia Socjalna Nowa" in client.get("/map/").content.decode()
    assert f"cooperative-{cooperative.slug}" in _map_ids(client, kind="cooperative")


def test_a_need_without_a_cooperative_for_it_is_counted_once_posted(client, directory):
    kept = _total(client)
    assert kept.open_needs == 1

    need = Need.objects.create(
        slug="kubki-z-logo",
        partner=PartnerPage.objects.get(slug="firma-testowa"),
        title="Kubki ceramiczne z logo",
        status=Need.Status.OPEN,
    )
    need.capabilities.add(Capability.objects.get(code="ceramics"))  # no cooperative does it
    _settle()

    counted = _total(client)
    assert counted.open_needs == 2
    assert counted.needs_without_match == kept.needs_without_match + 1

    need.status = Need.Status.FULFILLED
    need.save()
    _settle()
    assert (_total(client).open_needs, _total(client).needs_without_match) == (1, 0)


def test_a_new_partnership_is_counted_and_drawn(client, directory):
    assert _total(client).partnerships_active == 1
    assert _map_ids(client, kind="partnership") == {"partnership-igla-firma"}

    Partnership.objects.create(
        slug="smak-firma",
        cooperative=CooperativePage.objects.get(slug="ss-smak"),
        partner=PartnerPage.objects.get(slug="firma-testowa"),
        status=Partnership.Status.ACTIVE,
        work="obiady dla pracowników",
        jobs_created=2,
        latitude=51.76,  # where the work happens: neither party has a map point
        longitude=19.46,
    )

    assert _total(client).partnerships_active == 2
    assert _map_ids(client, kind="partnership") == {
        "partnership-igla-firma",
        "partnership-smak-firma",
    }


def test_a_view_restriction_takes_a_kept_profile_off_the_map(client, directory):
    assert "cooperative-ss-igla" in _map_ids(client)
    PageViewRestriction.objects.create(
        page=CooperativePage.objects.get(slug="ss-igla"),
        restriction_type=PageViewRestriction.PASSWORD,
        password="tajne-haslo",
    )
    assert "cooperative-ss-igla" not in _map_ids(client)


def test_figures_counted_while_the_matcher_is_away_are_not_kept(client, directory, settings):
    reachable = settings.ELASTICSEARCH_URL
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # nothing listens there
    get_client.cache_clear()
    try:
        assert _total(client).needs_without_match is None
    finally:
        settings.ELASTICSEARCH_URL = reachable
        get_client.cache_clear()
    assert _total(client).needs_without_match == 0


def test_kept_geojson_is_served_without_asking_the_database(client, directory):
    with CaptureQueriesContext(connection) as first:
        made = client.get("/api/v1/map.geojson").json()
    with CaptureQueriesContext(connection) as second:
        kept = client.get("/api/v1/map.geojson").json()
    assert len(first) > 0
    assert len(second) == 0
    assert kept == made


def test_each_language_keeps_its_own_figures_and_map_list(client, directory):
    polish = client.get("/statistics/").content.decode()
    english = client.get("/en/statistics/").content.decode()
    assert "Regions table (CSV)" in english
    assert "Regions table (CSV)" not in polish
    assert "places on the map" in client.get("/en/map/").content.decode()
    assert "places on the map" not in client.get("/map/").content.decode()


def test_a_transaction_sees_its_own_change_and_keeps_nothing_made_from_it(client, directory):
    assert _total(client).cooperatives == 2  # kept
    with pytest.raises(RuntimeError), transaction.atomic():
        CooperativePageFactory(title="Spółdzielnia Socjalna Cofnięta")
        assert _total(client).cooperatives == 3  # its own change, counted afresh
        raise RuntimeError("rolled back")
    assert _total(client).cooperatives == 2  # nothing counted inside it was kept
