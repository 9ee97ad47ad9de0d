"""The seed vocabulary and how existing sites receive its grown terms (migration 0004)."""

from pathlib import Path

import pytest
from django.apps import apps

from cooperatives.models import Capability
from cooperatives.vocabulary import (
    CAPABILITIES,
    RETIRED_TERMS,
    add_missing_synonyms,
    counts_table,
    grown_synonyms,
    seed_vocabularies,
)

# The sewing synonyms of the first seed, as a site seeded before issue 11 stores them.
FIRST_SEWING = (
    "szwalnia\nuszycie\nkrawiec\nodzież robocza\nfartuch\nodzież\nworkwear\ngarment\napron"
)
FIRST_FOOD = (
    "obieranie warzyw\nwarzywa korzeniowe\nsałatki\nowoce\nkrojenie\nfood prep\nsalads\n"
    "vegetable peeling"
)


def test_synonyms_are_the_polish_terms_then_the_english_one_a_line():
    seed = CAPABILITIES["ceramics"]
    lines = seed.synonyms.splitlines()
    assert lines == [*seed.pl_terms, *seed.en_terms]
    assert lines.index("wazony") < lines.index("mugs")


def test_docs_vocabulary_md_shows_the_counts_of_the_seed_list():
    doc = Path(__file__).resolve().parents[2] / "docs" / "vocabulary.md"
    assert counts_table() in doc.read_text(encoding="utf-8")


def test_retired_terms_are_no_longer_seeded():
    assert RETIRED_TERMS
    for code, retired in RETIRED_TERMS.items():
        assert set(retired).isdisjoint(CAPABILITIES[code].terms), code


def test_growing_appends_the_missing_terms_after_the_admins_and_keeps_their_order():
    stored = "szwalnia\nFARTUCH\nhaft krzyżykowy\nuszycie"  # an editor reordered and added
    grown = grown_synonyms(stored, "sewing").splitlines()
    assert grown[:4] == ["szwalnia", "FARTUCH", "haft krzyżykowy", "uszycie"]
    assert grown.count("fartuch") == 0  # there already, in other letters
    assert [line.casefold() for line in grown].count("uszycie") == 1
    assert set(CAPABILITIES["sewing"].terms) - {"fartuch"} <= set(grown)
    assert len(grown) == 4 + len(CAPABILITIES["sewing"].terms) - 3


def test_growing_what_is_already_grown_changes_nothing():
    stored = CAPABILITIES["laundry"].synonyms + "\nmaglownica"
    assert grown_synonyms(stored, "laundry") == stored


def test_growing_drops_a_retired_term_only_as_it_was_seeded():
    grown = grown_synonyms(FIRST_FOOD + "\nowoce egzotyczne\nKrojenie", "food_preparation")
    lines = grown.splitlines()
    assert "owoce" not in lines and "krojenie" not in lines
    assert "owoce egzotyczne" in lines and "Krojenie" in lines  # written by an editor


@pytest.mark.django_db
def test_the_migration_function_grows_existing_capabilities_and_keeps_admin_edits():
    """Run on the real models from django.apps, as the migration runs on a site seeded with
    the first vocabulary and then edited in the admin."""
    Capability.objects.filter(code="sewing").update(synonyms=FIRST_SEWING + "\nhaft krzyżykowy")
    Capability.objects.filter(code="food_preparation").update(synonyms=FIRST_FOOD)
    Capability.objects.filter(code="call_center").delete()  # an editor removed it
    Capability.objects.create(code="bookbinding", label_pl="introligatorstwo", synonyms="oprawa")

    add_missing_synonyms(apps)
    add_missing_synonyms(apps)  # a second run adds nothing

    sewing = Capability.objects.get(code="sewing").synonym_list()
    assert sewing[:10] == [*FIRST_SEWING.splitlines(), "haft krzyżykowy"]
    assert sorted(sewing[10:]) == sorted(
        term for term in CAPABILITIES["sewing"].terms if term not in FIRST_SEWING.splitlines()
    )
    assert len(sewing) == len(set(sewing))
    food = Capability.objects.get(code="food_preparation").synonym_list()
    assert "owoce" not in food and "krojenie" not in food
    assert set(food) == set(CAPABILITIES["food_preparation"].terms)
    assert not Capability.objects.filter(code="call_center").exists()
    assert Capability.objects.get(code="bookbinding").synonyms == "oprawa"


@pytest.mark.django_db
def test_a_fresh_database_is_seeded_with_the_whole_vocabulary():
    Capability.objects.all().delete()
    seed_vocabularies(apps)
    stored = {c.code: c.synonym_list() for c in Capability.objects.all()}
    assert stored == {code: list(seed.terms) for code, seed in CAPABILITIES.items()}
