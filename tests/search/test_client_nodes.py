"""Several nodes in ELASTICSEARCH_URL: losing one costs no match, losing all still fails fast.

Every endpoint here is real: the project's own Elasticsearch node, a port
nothing listens on, and small TCP servers that either drop each connection
as soon as it is made (what a client sees from a node killed mid-request) or
accept it and never answer (a frozen node). The servers count connections,
so the tests can tell how often each node was asked.
"""

import socket
import threading
import time

import pytest
from elastic_transport import ConnectionError as TransportConnectionError
from elastic_transport import ConnectionTimeout

from search.client import SearchUnavailable, get_client
from search.query import MatchRequest, match

CLOSED = "http://127.0.0.1:9"  # the discard port: nothing listens on it here


class CountingServer:
    """A TCP server that counts connections and then drops each one, or holds it unanswered."""

    def __init__(self, *, answer_nothing: bool = False) -> None:
        self.answer_nothing = answer_nothing
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.socket.getsockname()[1]}"
        self.connections = 0
        self._held: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                connection, _ = self.socket.accept()
            except OSError:
                return
            self.connections += 1
            if self.answer_nothing:
                self._held.append(connection)
            else:
                connection.close()

    def close(self) -> None:
        self.socket.close()
        for connection in self._held:
            connection.close()


@pytest.fixture
def nodes(settings):
    """Set ELASTICSEARCH_URL to the given nodes (the project's node is ``"live"``)."""
    live = settings.ELASTICSEARCH_URL
    servers: list[CountingServer] = []

    def use(*urls: str) -> None:
        settings.ELASTICSEARCH_URL = ", ".join(live if url == "live" else url for url in urls)
        get_client.cache_clear()

    def server(**kwargs) -> CountingServer:
        servers.append(CountingServer(**kwargs))
        return servers[-1]

    use.server = server
    settings.ELASTICSEARCH_BREAKER_SECONDS = 60
    yield use
    for each in servers:
        each.close()
    settings.ELASTICSEARCH_URL = live
    get_client.cache_clear()


def _sewing() -> list[str]:
    return [item.slug for item in match(MatchRequest("szycie odzieży")).results]


def test_a_closed_first_node_costs_no_match(indexed_directory, nodes):
    nodes(CLOSED, "live")
    assert [_sewing() for _ in range(6)] == [["ss-igla"]] * 6
    assert not get_client().transport.breaker.is_open


def test_a_request_to_a_lost_node_is_answered_by_another_within_the_same_call(
    indexed_directory, nodes
):
    dropping = nodes.server()
    nodes(dropping.url, "live")
    answers = [_sewing() for _ in range(6)]
    # The dropping node was asked (the pool takes nodes in turn), yet every call was answered.
    assert dropping.connections >= 1
    assert answers == [["ss-igla"]] * 6
    assert not get_client().transport.breaker.is_open


def test_the_api_answers_while_the_first_node_is_lost(client, indexed_directory, nodes):
    dropping = nodes.server()
    nodes(dropping.url, "live")
    statuses = [client.get("/api/v1/match", {"q": "szycie odzieży"}).status_code for _ in range(4)]
    assert statuses == [200] * 4
    assert dropping.connections >= 1


def test_with_every_node_lost_each_is_asked_once_then_calls_fail_at_once(db, nodes):
    lost = [nodes.server() for _ in range(3)]
    nodes(*(server.url for server in lost))
    started = time.monotonic()
    with pytest.raises(TransportConnectionError) as raised:
        _sewing()
    assert time.monotonic() - started < 2
    assert not isinstance(raised.value, SearchUnavailable)  # it really asked
    assert [server.connections for server in lost] == [1, 1, 1]
    assert get_client().transport.breaker.is_open
    with pytest.raises(SearchUnavailable):
        _sewing()
    assert [server.connections for server in lost] == [1, 1, 1]  # not asked again


def test_the_api_answers_503_when_every_node_is_closed(client, db, nodes):
    nodes(CLOSED, "http://127.0.0.1:1")
    response = client.get("/api/v1/match", {"q": "szycie odzieży"})
    assert response.status_code == 503
    assert "error" in response.json()


def test_a_single_node_is_asked_once_and_opens_the_breaker_as_before(db, nodes):
    lost = nodes.server()
    nodes(lost.url)
    with pytest.raises(TransportConnectionError):
        _sewing()
    assert lost.connections == 1  # no retry with one node
    assert get_client().transport.breaker.is_open


def test_a_node_that_times_out_fails_one_call_and_is_set_aside_without_opening_the_breaker(
    indexed_directory, nodes, settings
):
    settings.ELASTICSEARCH_TIMEOUT = 0.5
    hung = nodes.server(answer_nothing=True)
    nodes(hung.url, "live")
    failures = []
    for _ in range(3):  # nodes are taken in turn: the hung one is asked within two calls
        try:
            _sewing()
        except ConnectionTimeout as error:
            failures.append(error)
            break
    # A timeout is not retried on another node (a hung cluster would cost twice the wait) …
    assert len(failures) == 1
    assert hung.connections == 1
    # … but with another node answering, the breaker stays closed and the next call is answered.
    assert not get_client().transport.breaker.is_open
    assert _sewing() == ["ss-igla"]
    assert hung.connections == 1
