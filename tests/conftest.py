"""The one fixture module that starts or reuses the real services for the whole suite.

PostgreSQL and Elasticsearch are real servers: the project's own (started
here when ``DATABASE_URL`` / ``ELASTICSEARCH_URL`` are unset) or the ones
those variables point at. Tests get their own database (pytest-django's
``test_`` copy) and their own index prefix, and remove both at the end.
"""

import copy
import io
from pathlib import Path

import pytest
from django.core.management import call_command

from cms import devservices


def pytest_sessionstart(session):
    try:
        devservices.up()
    except devservices.ServiceError as exc:
        pytest.exit(f"cannot start the services the tests need: {exc}", returncode=3)


# What makes a test commit for real: Django then empties every table after it, including
# what only migrations install (Wagtail's groups and workflow, the publications index).
TRANSACTIONAL_FIXTURES = {"transactional_db", "live_server", "django_db_serialized_rollback"}


def pytest_collection_modifyitems(config, items):
    """Mark the tests that empty the database after themselves. pytest-django runs them last
    within one process; ``make test`` spreads the suite over two processes, so it runs the
    marked ones in a phase of their own, after the others (Makefile)."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        fixtures = set(getattr(item, "fixturenames", ()))
        if (marker and marker.kwargs.get("transaction")) or fixtures & TRANSACTIONAL_FIXTURES:
            item.add_marker("transactional")


@pytest.fixture(scope="session", autouse=True)
def _remove_test_indices():
    """Whatever a test run indexes, it removes when the run ends."""
    yield
    from search.client import delete_prefixed_indices, patient_client

    with patient_client():
        delete_prefixed_indices()


@pytest.fixture(autouse=True)
def _site_language():
    """Every test starts in the site's default language (Polish), whatever ran before it."""
    from django.conf import settings
    from django.utils import translation

    with translation.override(settings.LANGUAGE_CODE):
        yield


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters, cached fragments and the search client's breaker (it lives with
    the cached client) never leak from one test into the next."""
    from django.contrib.contenttypes.models import ContentType
    from django.core.cache import cache

    from search.client import get_client

    cache.clear()
    get_client.cache_clear()
    # A transactional test reloads the database: cached content types may be stale.
    ContentType.objects.clear_cache()
    yield
    cache.clear()
    get_client.cache_clear()


@pytest.fixture(autouse=True)
def _fresh_word_forms():
    """The matcher's taxonomy and word forms, cached for a few minutes, never leak from one
    test into the next: a test that edits capabilities or profiles searches with them."""
    from search.query import _taxonomy_and_lexicon

    _taxonomy_and_lexicon.cache_clear()


SMALL_DIRECTORY = Path(__file__).parent / "data" / "small_directory.jsonl"

# Data shared by a module's ordinary tests. Building a directory (the public import, pages,
# an index) costs most of a test's time, and most tests only read it; so, like Django's
# ``setUpTestData``, the module builds it once inside one transaction, every test runs in a
# savepoint of it (pytest-django's ``db`` nests there) and gets a deep copy of what was
# built, and the transaction is rolled back when the module ends. A module that runs a
# transactional test in this session cannot sit inside a transaction: its tests build
# their data each (the ``make test`` phases keep the two kinds of test apart). A test sees
# all the module has built so far, not only what it asked for: find rows by slug, not by
# being the only one.
PER_TEST = object()


class ModuleData:
    def __init__(self, shared: bool, blocker):
        self.shared = shared
        self._blocker = blocker

    def build(self, make):
        """What ``make()`` returns, built now for the module, or ``PER_TEST``."""
        if not self.shared:
            return PER_TEST
        with self._blocker.unblock():
            return make()

    @staticmethod
    def use(built, make):
        """A test's own copy of what the module built, or ``make()`` built for the test."""
        return make() if built is PER_TEST else copy.deepcopy(built)


def _runs_transactional_tests(session, module) -> bool:
    return any(
        item.get_closest_marker("transactional")
        for item in session.items
        if getattr(item, "module", None) is module
    )


@pytest.fixture(scope="module")
def module_data(request, django_db_setup, django_db_blocker):
    from django.db import transaction

    if _runs_transactional_tests(request.session, request.module):
        yield ModuleData(False, django_db_blocker)
        return
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
    try:
        yield ModuleData(True, django_db_blocker)
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def import_small_directory():
    """A few workshops, cooperatives, a partner, a need and a partnership, via the public import."""
    call_command(
        "import_directory", str(SMALL_DIRECTORY), stdout=io.StringIO(), stderr=io.StringIO()
    )


@pytest.fixture(scope="module")
def _small_directory_once(module_data):
    return module_data.build(import_small_directory)


@pytest.fixture
def small_directory(_small_directory_once, db):
    ModuleData.use(_small_directory_once, import_small_directory)


@pytest.fixture
def search_index(db, settings):
    """An empty search index for this test (documents written by earlier tests removed)."""
    from search.client import delete_prefixed_indices, patient_client

    with patient_client():
        delete_prefixed_indices()
    yield
    with patient_client():
        delete_prefixed_indices()


def index_directory():
    """Index every cooperative of the database into fresh indices, as the worker would."""
    from cooperatives.models import CooperativePage
    from search.client import delete_prefixed_indices, patient_client
    from search.models import IndexTask
    from search.sync import enqueue, flush

    with patient_client():
        delete_prefixed_indices()
    IndexTask.objects.all().delete()
    for page_id in CooperativePage.objects.values_list("pk", flat=True):
        enqueue("cooperative", page_id)
    flush()


def index_state() -> list[tuple]:
    """Which test indices exist and how many writes each has taken: a test that indexed or
    deleted anything, or replaced an index, changes it."""
    from django.conf import settings

    from search.client import get_client, patient_client

    with patient_client():
        stats = get_client().indices.stats(
            index=f"{settings.ELASTICSEARCH_INDEX_PREFIX}-*",
            metric="indexing",
            expand_wildcards="all",
        )
    return sorted(
        (
            name,
            index["uuid"],
            index["primaries"]["indexing"]["index_total"],
            index["primaries"]["indexing"]["delete_total"],
        )
        for name, index in stats["indices"].items()
    )


def index_leaving_the_tasks() -> list[tuple]:
    """Index the directory and roll back the database's side of it (the import's pending
    index tasks, which a test of the directory alone may flush itself)."""
    from django.db import transaction

    savepoint = transaction.savepoint()
    index_directory()
    transaction.savepoint_rollback(savepoint)
    return index_state()


@pytest.fixture(scope="module")
def _indexed_directory_once(_small_directory_once, module_data):
    """The module's directory indexed once; ``state`` is how the indices looked after it."""
    from search.client import delete_prefixed_indices, patient_client

    if not module_data.shared:
        yield PER_TEST
        return
    built = {"state": module_data.build(index_leaving_the_tasks)}
    yield built
    with patient_client():
        delete_prefixed_indices()


@pytest.fixture
def indexed_directory(request, _indexed_directory_once, small_directory):
    """The small directory, indexed and searchable. A test sharing the module's index gets it
    as the module built it: when an earlier test wrote to it, it is indexed again from the
    database (which the rollback has already put back)."""
    from search.models import IndexTask

    if _indexed_directory_once is PER_TEST:
        request.getfixturevalue("search_index")
        index_directory()
    elif index_state() != _indexed_directory_once["state"]:
        index_directory()
        _indexed_directory_once["state"] = index_state()
    else:
        IndexTask.objects.all().delete()


@pytest.fixture
def stop_elasticsearch(settings):
    """Call it to point the client at a real port where nothing listens: a real, unreachable
    endpoint. Put back (the cached client dropped) when the test ends, before the fixtures
    requested ahead of this one, such as the test's index, are torn down."""
    from search.client import get_client

    reachable = settings.ELASTICSEARCH_URL

    def stop():
        settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
        get_client.cache_clear()

    yield stop
    settings.ELASTICSEARCH_URL = reachable
    get_client.cache_clear()


@pytest.fixture
def elasticsearch_down(stop_elasticsearch):
    """Elasticsearch unreachable from the start of the test."""
    stop_elasticsearch()


@pytest.fixture
def baseline_site(transactional_db):
    """For transactional tests: Django empties every table after each one, so put back what
    the migrations installed (home page, regions, vocabularies) before the test."""
    from django.apps import apps
    from wagtail.models import Collection

    from cms.site_setup import install_home_page, seed_voivodeships
    from cooperatives.vocabulary import seed_vocabularies

    install_home_page(apps)
    seed_voivodeships(apps)
    seed_vocabularies(apps)
    if not Collection.get_first_root_node():
        Collection.add_root(name="Root")
