"""A synonym added to a capability in the database is used by the next search.

The matcher keeps the taxonomy and the lexicon of word forms for a few
minutes (``search.query._taxonomy_and_lexicon``). The suite clears that cache
before every test (``tests/conftest.py``), so the first test below warms it
with the vocabulary as seeded and the second must not inherit it: without the
clearing, the second test searches with the stale taxonomy and finds nothing.
"""

import pytest

from cms.exchange.writer import DirectoryWriter
from cms.models import Voivodeship
from cooperatives.models import Capability
from search.query import MatchRequest, match
from search.sync import flush

NEED = "mereżkowanie, 300 sztuk"
NEW_SYNONYM = "mereżkowanie"


@pytest.fixture
def sewing_and_catering(indexed_directory):
    """The small directory's sewing cooperative and one more that accepts orders but cooks."""
    DirectoryWriter().write(
        "cooperative",
        {
            "slug": "ss-kociolek",
            "name": "Spółdzielnia Socjalna „Kociołek”",
            "capabilities": ["catering"],
            "description": "Gotujemy obiady i dowozimy je do firm.",
            "accepts_orders": True,
            "location": {"lat": 52.41, "lon": 16.93},
            "voivodeship": Voivodeship.objects.get(teryt="30"),
        },
    )
    flush()


def slugs(need: str) -> list[str]:
    return [result.slug for result in match(MatchRequest(need)).results]


def test_an_unknown_word_for_the_work_finds_nothing(sewing_and_catering):
    assert NEW_SYNONYM not in Capability.objects.get(code="sewing").synonyms
    assert slugs(NEED) == []


def test_a_synonym_added_in_the_database_finds_the_cooperative_offering_that_work(
    sewing_and_catering,
):
    sewing = Capability.objects.get(code="sewing")
    sewing.synonyms = f"{sewing.synonyms}\n{NEW_SYNONYM}"
    sewing.save()

    assert slugs(NEED) == ["ss-igla"]


def test_a_request_word_finds_the_kind_without_entering_the_profiles(sewing_and_catering):
    # REQUEST_THINGS: "przewijaki" is read as sewing's, and indexed with no profile
    from cooperatives.models import CooperativePage
    from search.documents import cooperative_text

    assert slugs("200 przewijaków z lamówką, pikowana bawełna") == ["ss-igla"]
    igla = CooperativePage.objects.get(slug="ss-igla")
    assert "przewijak" not in cooperative_text(igla).casefold()
