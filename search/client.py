"""The one Elasticsearch client of the project, configured from settings.

Every index and alias name goes through :func:`index_name`, so that the
configured prefix keeps environments (and test runs) apart.
"""

from functools import cache

from django.conf import settings
from elasticsearch import Elasticsearch
from elasticsearch.dsl import connections


@cache
def get_client() -> Elasticsearch:
    """The shared client, also registered as elasticsearch.dsl's default connection."""
    client = Elasticsearch(
        settings.ELASTICSEARCH_URL,
        request_timeout=settings.ELASTICSEARCH_TIMEOUT,
        retry_on_timeout=True,
        max_retries=2,
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
