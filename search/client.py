"""The one Elasticsearch client of the project, configured from settings.

Every index and alias name goes through :func:`index_name`, so that the
configured prefix keeps environments (and test runs) apart.

Two ways to wait. A web request must not hang on a hung cluster: by
default the client gives up after ``ELASTICSEARCH_TIMEOUT`` seconds without
retrying, and a circuit breaker then fails every call at once for
``ELASTICSEARCH_BREAKER_SECONDS``, so a stopped or frozen cluster costs the
site its matching, never its pages. Commands that do heavy work (the sync
worker, reindexing, imports) run inside :func:`patient_client`: longer
timeouts, retries, no breaker.

Several nodes (``ELASTICSEARCH_URL`` listing them) change one thing: a node
that cannot be connected to is set aside and the same request is sent to
another node, so losing one node of a cluster costs no request. A node that
times out is set aside too, but the request that waited for it fails (a
second wait would double the cost of a hung cluster). The breaker opens only
when every node failed the last time it was asked. With one node all this
reduces to the fail-fast behaviour above.
"""

import logging
import threading
import time
from contextlib import contextmanager
from functools import cache

from django.conf import settings
from elastic_transport import ConnectionError as TransportConnectionError
from elastic_transport import ConnectionTimeout, NodePool, Transport
from elasticsearch import Elasticsearch
from elasticsearch.dsl import connections

logger = logging.getLogger(__name__)

_patient = False


class SearchUnavailable(TransportConnectionError):
    """Raised without calling Elasticsearch while the breaker is open (a connection error,
    so every caller that handles an unreachable cluster handles this too)."""


class Breaker:
    """Opens after a call times out or cannot connect; while open, calls fail at once.

    After ``ELASTICSEARCH_BREAKER_SECONDS`` the next call is let through: if it
    succeeds the breaker closes, if it fails it opens again. Each client has one,
    so a process (and its one cached client) keeps it across requests.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._open_until = 0.0

    @property
    def is_open(self) -> bool:
        return time.monotonic() < self._open_until

    def check(self) -> None:
        if self.is_open:
            raise SearchUnavailable("Elasticsearch did not answer recently; not asking again yet")

    def trip(self, error: Exception) -> None:
        with self._lock:
            if not self.is_open:
                logger.warning(
                    "Elasticsearch unreachable (%s); failing fast for %s s",
                    type(error).__name__,
                    settings.ELASTICSEARCH_BREAKER_SECONDS,
                )
            self._open_until = time.monotonic() + settings.ELASTICSEARCH_BREAKER_SECONDS

    def reset(self) -> None:
        self._open_until = 0.0


class WatchedNodePool(NodePool):
    """The client's pool of nodes, which also remembers whether each node's last answer failed.

    The pool sets a failed node aside for a pause that grows with each failure
    (1 s, 2 s, 4 s … up to 30 s), then lets it back in untested; so whether
    every node is down cannot be read from it. This set can: a node enters it
    when a request to it fails and leaves it when one succeeds.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._failing_lock = threading.Lock()
        self._failing: set = set()

    def mark_dead(self, node, _now=None) -> None:
        super().mark_dead(node, _now)
        with self._failing_lock:
            newly = node.config not in self._failing
            self._failing.add(node.config)
        if newly and len(self) > 1:
            logger.warning("Elasticsearch node %s failed; asking the other nodes", node.base_url)

    def mark_live(self, node) -> None:
        super().mark_live(node)
        with self._failing_lock:
            self._failing.discard(node.config)

    @property
    def all_failing(self) -> bool:
        with self._failing_lock:
            return len(self._failing) >= len(self)


class BreakerTransport(Transport):
    """The transport of the web client: every request passes its breaker, which opens when
    a request fails and no node is left that answered the last time it was asked."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.breaker = Breaker()

    def perform_request(self, *args, **kwargs):
        self.breaker.check()
        try:
            response = super().perform_request(*args, **kwargs)
        except (TransportConnectionError, ConnectionTimeout) as error:
            if not isinstance(error, SearchUnavailable) and self.node_pool.all_failing:
                self.breaker.trip(error)
            raise
        self.breaker.reset()
        return response


@contextmanager
def patient_client():
    """Within this block the client waits for Elasticsearch instead of failing fast (for
    commands doing heavy work; the web never uses it)."""
    global _patient
    _patient = True
    get_client.cache_clear()
    try:
        yield
    finally:
        _patient = False
        get_client.cache_clear()


def nodes() -> list[str]:
    """The cluster's nodes from ``ELASTICSEARCH_URL``: one URL, or several separated by commas,
    so that losing the one node the client knows does not lose the cluster."""
    return [url.strip() for url in settings.ELASTICSEARCH_URL.split(",") if url.strip()]


@cache
def get_client() -> Elasticsearch:
    """The shared client, also registered as elasticsearch.dsl's default connection.

    A node that cannot be connected to is set aside and the request goes to
    another one, so a web request tries each node at most once
    (``len(nodes) - 1`` retries: none with one node); only connection errors
    are retried, never a timeout or an error status, so a hung node costs one
    timeout at most and an overloaded cluster is not asked twice.
    """
    hosts = nodes()
    if _patient:
        client = Elasticsearch(
            hosts,
            request_timeout=settings.ELASTICSEARCH_PATIENT_TIMEOUT,
            retry_on_timeout=True,
            max_retries=max(2, len(hosts)),
        )
    else:
        client = Elasticsearch(
            hosts,
            request_timeout=settings.ELASTICSEARCH_TIMEOUT,
            retry_on_timeout=False,
            retry_on_status=(),
            max_retries=len(hosts) - 1,
            transport_class=BreakerTransport,
            node_pool_class=WatchedNodePool,
        )
    connections.add_connection("default", client)
    return client


def index_name(kind: str) -> str:
    """The prefixed name of an index or alias, e.g. ``kooperacja-cooperatives``."""
    return f"{settings.ELASTICSEARCH_INDEX_PREFIX}-{kind}"


def delete_prefixed_indices() -> list[str]:
    """Delete every index carrying the configured prefix; used by tests to clean up."""
    client = get_client()
    pattern = f"{settings.ELASTICSEARCH_INDEX_PREFIX}-*"
    names = sorted(client.indices.get(index=pattern, expand_wildcards="all").keys())
    if names:
        client.indices.delete(index=",".join(names))
    return names
