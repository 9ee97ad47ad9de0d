"""The index outbox: nothing lost when Elasticsearch is down, nothing duplicated, latest wins."""

import io
import threading

import pytest
from django.core.management import call_command

from cms.settings.test import ELASTICSEARCH_URL
from cooperatives.models import CooperativePage
from search.client import get_client
from search.documents import CooperativeDocument
from search.models import IndexTask
from search.query import MatchRequest, match
from search.sync import IndexUnavailable, flush


def indexed_ids():
    client = get_client()
    alias = CooperativeDocument.alias_name()
    client.indices.refresh(index=alias)
    response = client.search(index=alias, query={"match_all": {}}, size=100)
    return sorted(int(hit["_id"]) for hit in response["hits"]["hits"])


def test_publishing_queues_a_task_that_makes_the_profile_searchable(indexed_directory):
    page = CooperativePage.objects.get(slug="ss-igla")
    page.description = "Szyjemy też plecaki turystyczne."
    page.save_revision().publish()
    assert IndexTask.objects.filter(object_id=page.pk).exists()
    flush()
    assert not IndexTask.objects.exists()
    assert [item.slug for item in match(MatchRequest("plecaki turystyczne")).results] == ["ss-igla"]


def test_unpublish_and_delete_remove_the_document(indexed_directory):
    igla = CooperativePage.objects.get(slug="ss-igla")
    smak = CooperativePage.objects.get(slug="ss-smak")
    igla.unpublish()
    smak.delete()
    flush()
    assert indexed_ids() == []


def test_changes_made_while_elasticsearch_is_down_are_applied_later_once(
    indexed_directory, elasticsearch_down, settings
):
    page = CooperativePage.objects.get(slug="ss-igla")
    for text in ("Wersja pierwsza.", "Wersja druga: szyjemy namioty."):
        page.description = text
        page.save_revision().publish()
    with pytest.raises(IndexUnavailable):
        flush()
    waiting = IndexTask.objects.filter(object_id=page.pk)
    assert waiting.count() == 2
    assert all(task.attempts == 1 and "unreachable" in task.last_error for task in waiting)

    settings.ELASTICSEARCH_URL = ELASTICSEARCH_URL  # Elasticsearch is back
    get_client.cache_clear()
    flush()
    assert not IndexTask.objects.exists()
    assert indexed_ids().count(page.pk) == 1
    assert [item.slug for item in match(MatchRequest("namioty")).results] == ["ss-igla"]
    assert match(MatchRequest("wersja pierwsza")).results == []


def test_rebuild_swaps_the_alias_while_searches_keep_finding(indexed_directory):
    alias = CooperativeDocument.alias_name()
    before = list(get_client().indices.get_alias(name=alias))
    counts, errors, stop = [], [], threading.Event()

    def keep_searching():
        client = get_client()
        while not stop.is_set():
            try:
                counts.append(client.count(index=alias)["count"])
            except Exception as error:
                errors.append(error)

    searcher = threading.Thread(target=keep_searching)
    searcher.start()
    try:
        call_command("rebuild_index", stdout=io.StringIO(), stderr=io.StringIO())
    finally:
        stop.set()
        searcher.join()
    after = list(get_client().indices.get_alias(name=alias))
    assert after != before
    assert errors == []
    assert counts and min(counts) == 2


def alias_ids(kind):
    from search.documents import DOCUMENTS

    client = get_client()
    alias = DOCUMENTS[kind].alias_name()
    client.indices.refresh(index=alias)
    hits = client.search(index=alias, query={"match_all": {}}, size=100)["hits"]["hits"]
    return sorted(hit["_source"]["slug"] for hit in hits)


def test_workshops_partners_and_needs_have_their_own_indices_kept_in_step(
    small_directory, search_index
):
    from partners.models import Need, PartnerPage
    from workshops.models import WorkshopPage

    # Each kind, saved again into the emptied indices, queues its own task.
    WorkshopPage.objects.get(slug="wtz-testowo").save_revision().publish()
    PartnerPage.objects.get(slug="firma-testowa").save_revision().publish()
    Need.objects.get(slug="fartuchy-2000").save()
    assert IndexTask.objects.count() == 3
    flush()
    assert alias_ids("workshop") == ["wtz-testowo"]
    assert alias_ids("partner") == ["firma-testowa"]
    assert alias_ids("need") == ["fartuchy-2000"]
    WorkshopPage.objects.get(slug="wtz-testowo").unpublish()
    Need.objects.get(slug="fartuchy-2000").delete()
    flush()
    assert alias_ids("workshop") == []
    assert alias_ids("need") == []


def test_rebuild_index_rebuilds_every_kind(search_index, small_directory):
    flush()
    call_command("rebuild_index", stdout=io.StringIO(), stderr=io.StringIO())
    assert alias_ids("cooperative") == ["ss-igla", "ss-smak"]
    assert alias_ids("partner") == ["firma-testowa"]
    assert alias_ids("need") == ["fartuchy-2000"]


@pytest.mark.alone
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("baseline_site")
def test_changes_made_while_the_node_is_stopped_are_searchable_after_it_starts(
    client, indexed_directory
):
    """The real thing: stop the project's Elasticsearch, browse, match and edit under load,
    start it, run sync_index: pages never failed, every edit is searchable, nothing doubled.

    When the suite runs against an Elasticsearch it does not manage
    (ELASTICSEARCH_URL set), it cannot stop it; the unreachable-endpoint test
    above covers that case. Each edit commits, as in production, so the sync after the
    commit meets the stopped node; and it runs on the database the transactional tests
    left emptied (``make test``), with the baseline put back, instead of migrating anew.
    """
    from cms import devservices

    nodes = [s for s in devservices.managed_services() if isinstance(s, devservices.Elasticsearch)]
    pages = list(CooperativePage.objects.order_by("slug"))
    assert len(pages) == 2
    for node in nodes:
        node.down()
    try:
        answers = {"pages": [], "matching": []}
        for round_ in range(10):
            for path in ("/spoldzielnie/", "/spoldzielnie/ss-igla/", "/warsztaty/", "/map/"):
                answers["pages"].append(client.get(path).status_code)
            answers["matching"].append(client.get("/api/v1/match", {"q": "szycie"}).status_code)
            page = pages[round_ % 2]
            page.description = f"Wersja {round_}: szyjemy też żagle i plandeki."
            page.save_revision().publish()
        assert set(answers["pages"]) == {200}
        if nodes:
            assert set(answers["matching"]) == {503}
            assert IndexTask.objects.filter(object_id=pages[0].pk).count() == 5
    finally:
        for node in nodes:
            node.up()
    call_command("sync_index", stdout=io.StringIO())  # as the worker does once it is back
    assert not IndexTask.objects.exists()
    assert indexed_ids() == sorted(page.pk for page in pages)
    found = match(MatchRequest("żagle i plandeki")).results
    assert sorted(item.slug for item in found) == ["ss-igla"]  # Smak takes no orders
    document = CooperativeDocument.get(id=pages[0].pk, index=CooperativeDocument.alias_name())
    assert "Wersja 8" in document.description
