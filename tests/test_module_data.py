"""The data a module's ordinary tests share (``module_data`` in tests/conftest.py): what one
test changes, in the database or in the index, the next test of the module never sees.

The tests run in file order: the first changes the shared directory, the second checks
that the change is gone from both the database and Elasticsearch.
"""

import pytest

from cooperatives.models import CooperativePage
from search.query import MatchRequest, match
from search.sync import flush

pytestmark = pytest.mark.django_db

RENAMED = "Spółdzielnia Przemianowana"


def names_found(text: str) -> list[str]:
    return [item.name for item in match(MatchRequest(text=text)).results]


def test_1_a_test_renames_a_cooperative_and_indexes_the_change(indexed_directory):
    igla = CooperativePage.objects.get(slug="ss-igla")
    assert igla.title != RENAMED
    igla.title = RENAMED
    igla.save_revision().publish()
    flush()
    assert RENAMED in names_found("szycie")


def test_2_the_next_test_gets_the_directory_as_the_module_built_it(indexed_directory):
    assert CooperativePage.objects.get(slug="ss-igla").title != RENAMED
    found = names_found("szycie")
    assert found, "the shared index lost the directory"
    assert RENAMED not in found
