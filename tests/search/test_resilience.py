"""A hung or refusing Elasticsearch costs matching, never the site, and loses no change.

The hung cluster here is a real TCP server that accepts connections and
never answers, as a frozen (SIGSTOP) node does; refusals come from a real
index with a write block.
"""

import io
import logging
import socket
import threading
import time

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from cooperatives.models import CooperativePage
from partners.models import Need
from search.client import SearchUnavailable, get_client
from search.documents import CooperativeDocument
from search.models import IndexTask
from search.query import MatchRequest, match, understand
from search.sync import IndexUnavailable, apply_pending, enqueue, flush, parked


class HungServer:
    """Accepts TCP connections, reads nothing, answers nothing; counts the connections."""

    def __init__(self) -> None:
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.port = self.socket.getsockname()[1]
        self.accepted: list[socket.socket] = []
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while True:
            try:
                connection, _ = self.socket.accept()
            except OSError:
                return
            self.accepted.append(connection)

    def close(self) -> None:
        self.socket.close()
        for connection in self.accepted:
            connection.close()


@pytest.fixture
def hung_elasticsearch(settings):
    server = HungServer()
    reachable = settings.ELASTICSEARCH_URL
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{server.port}"
    settings.ELASTICSEARCH_TIMEOUT = 0.5
    settings.ELASTICSEARCH_BREAKER_SECONDS = 60
    get_client.cache_clear()
    yield server
    server.close()
    settings.ELASTICSEARCH_URL = reachable
    get_client.cache_clear()


def test_a_hung_cluster_is_asked_once_then_requests_fail_at_once(
    client, db, hung_elasticsearch, caplog
):
    caplog.set_level(logging.INFO)
    for _ in range(4):
        response = client.get("/api/v1/match", {"q": "szycie"})
        assert response.status_code == 503
    # The first request waited for the timeout; the breaker answered the other three.
    assert len(hung_elasticsearch.accepted) == 1
    # One line for the outage, not one per refused request.
    warnings = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert [r.name for r in warnings] == ["search.client"]


def test_pages_and_writes_keep_working_while_the_cluster_hangs(client, small_directory, settings):
    server = HungServer()
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{server.port}"
    settings.ELASTICSEARCH_TIMEOUT = 0.5
    settings.ELASTICSEARCH_BREAKER_SECONDS = 60
    get_client.cache_clear()
    try:
        assert client.get("/spoldzielnie/").status_code == 200
        assert client.get("/spoldzielnie/ss-igla/").status_code == 200
        assert client.get("/search/", {"q": "szycie"}).status_code == 503
        page = CooperativePage.objects.get(slug="ss-igla")
        page.description = "Szyjemy plandeki."
        page.save_revision().publish()
        assert IndexTask.objects.filter(object_id=page.pk).exists()  # kept for later
        assert len(server.accepted) <= 1
    finally:
        server.close()
        get_client.cache_clear()


def test_the_breaker_closes_again_once_the_cluster_answers(indexed_directory, settings):
    settings.ELASTICSEARCH_BREAKER_SECONDS = 0.3
    # Read the request once first: the first reading in a process loads the towns (about a
    # second under load), which would outlast the breaker's 0.3 s before Elasticsearch is asked.
    understand(MatchRequest("szycie odzieży"))
    breaker = get_client().transport.breaker
    breaker.trip(ConnectionError("a lost connection"))
    with pytest.raises(SearchUnavailable):  # not asked while open, though it would answer
        match(MatchRequest("szycie odzieży"))
    time.sleep(0.35)
    assert [item.slug for item in match(MatchRequest("szycie odzieży")).results] == ["ss-igla"]
    assert not breaker.is_open


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("baseline_site")
def test_after_a_rolled_back_change_the_next_commit_still_syncs_by_itself(search_index):
    call_command("import_directory", "tests/data/small_directory.jsonl", stdout=io.StringIO())
    page = CooperativePage.objects.get(slug="ss-igla")
    with pytest.raises(RuntimeError), transaction.atomic():
        enqueue("cooperative", page.pk)
        raise RuntimeError("rolled back")
    page.description = "Szyjemy namioty harcerskie."
    page.save_revision().publish()  # commits; the sync after commit must run by itself
    get_client().indices.refresh(index=CooperativeDocument.alias_name())
    found = match(MatchRequest("namioty harcerskie")).results
    assert [item.slug for item in found] == ["ss-igla"]


@pytest.fixture
def write_blocked_cooperatives(indexed_directory):
    client = get_client()
    alias = CooperativeDocument.alias_name()
    client.indices.put_settings(index=alias, settings={"index.blocks.write": True})
    yield
    client.indices.put_settings(index=alias, settings={"index.blocks.write": False})


def test_a_change_refused_again_and_again_is_parked_and_stops_blocking_the_rest(
    write_blocked_cooperatives, settings
):
    settings.INDEX_TASK_MAX_ATTEMPTS = 2
    igla = CooperativePage.objects.get(slug="ss-igla")
    need = Need.objects.get()
    IndexTask.objects.all().delete()
    enqueue("cooperative", igla.pk)
    enqueue("need", need.pk)
    with pytest.raises(IndexUnavailable, match="refused 1 cooperative"):
        apply_pending()
    # The need was applied; the refused cooperative waits with its reason.
    assert list(IndexTask.objects.values_list("kind", "attempts")) == [("cooperative", 1)]
    with pytest.raises(IndexUnavailable):
        apply_pending()
    assert [(task.kind, task.object_id) for task in parked()] == [("cooperative", igla.pk)]
    assert apply_pending().applied == 0  # parked: not sent again on the next write
    out = io.StringIO()
    with pytest.raises(CommandError, match="parked"):
        call_command("sync_index", "--status", stdout=out)
    assert f"parked cooperative #{igla.pk}" in out.getvalue()
    assert "0 change(s) waiting, 1 parked" in out.getvalue()


def test_parked_changes_go_through_once_the_cause_is_fixed(write_blocked_cooperatives, settings):
    settings.INDEX_TASK_MAX_ATTEMPTS = 1
    igla = CooperativePage.objects.get(slug="ss-igla")
    igla.description = "Szyjemy żagle."
    igla.save_revision().publish()
    with pytest.raises(IndexUnavailable):
        apply_pending()
    assert parked().count() == 1
    get_client().indices.put_settings(
        index=CooperativeDocument.alias_name(), settings={"index.blocks.write": False}
    )
    call_command("sync_index", "--retry-parked", stdout=io.StringIO())
    flush()
    assert not IndexTask.objects.exists()
    assert [item.slug for item in match(MatchRequest("żagle")).results] == ["ss-igla"]


def test_several_nodes_in_the_url_survive_losing_the_first(client, indexed_directory, settings):
    """ELASTICSEARCH_URL may list several nodes: with the first one gone (nothing listens on
    its port), every match is still answered by the next, and the breaker stays closed."""
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:9, {settings.ELASTICSEARCH_URL}"
    get_client.cache_clear()
    answers = [client.get("/api/v1/match", {"q": "szycie odzieży"}).status_code for _ in range(6)]
    assert answers == [200] * 6
    assert not get_client().transport.breaker.is_open
