"""The seed vocabulary and how existing sites receive its grown terms (migration 0004)."""

import re
from importlib import import_module
from pathlib import Path

import pytest
from django.apps import apps

from cooperatives.models import Capability
from cooperatives.vocabulary import (
    CAPABILITIES,
    RETIRED_TERMS,
    THINGS,
    add_missing_synonyms,
    counts_table,
    grown_synonyms,
    move_things,
    seed_vocabularies,
    work_terms,
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
    # Only the work: things ("obrusy", "fartuch") have their own list since migration 0008.
    assert set(work_terms("sewing")) <= set(grown)
    assert "obrusy" not in grown
    assert len(grown) == 4 + len(work_terms("sewing")) - 2


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
        term for term in work_terms("sewing") if term not in FIRST_SEWING.splitlines()
    )
    assert len(sewing) == len(set(sewing)), [t for t in sewing if sewing.count(t) > 1]
    food = Capability.objects.get(code="food_preparation").synonym_list()
    assert "owoce" not in food and "krojenie" not in food
    # The first seed's things stay where they were until migration 0008 moves them.
    assert set(food) == set(work_terms("food_preparation")) | {"sałatki", "salads"}
    assert not Capability.objects.filter(code="call_center").exists()
    assert Capability.objects.get(code="bookbinding").synonyms == "oprawa"


@pytest.mark.django_db
def test_a_fresh_database_is_seeded_with_the_whole_vocabulary():
    Capability.objects.all().delete()
    seed_vocabularies(apps)
    stored = {c.code: (c.synonym_list(), c.thing_list()) for c in Capability.objects.all()}
    assert stored == {
        code: (list(work_terms(code)), list(THINGS.get(code, ()))) for code in CAPABILITIES
    }
    assert stored["ceramics"][1][:2] == ["kubki", "wazony"]
    assert "kubki" not in stored["ceramics"][0]


def test_things_are_seed_terms_of_their_capability_and_not_its_work():
    assert len(THINGS) >= 8
    for code, things in THINGS.items():
        assert set(things) <= set(CAPABILITIES[code].terms), code
        assert set(things).isdisjoint(work_terms(code)), code
        assert work_terms(code), code  # every trade keeps words for its work


@pytest.mark.django_db
def test_moving_things_takes_seed_things_out_of_the_synonyms_and_keeps_editors_lines():
    """Migration 0008 on a site whose synonyms hold the things, one written in other letters,
    and an editor's own line."""
    seeded_before = re.sub(r"(?m)^kubki$", "Kubki", CAPABILITIES["ceramics"].synonyms)
    Capability.objects.filter(code="ceramics").update(
        synonyms=seeded_before + "\nkubki z logo", things=""
    )
    Capability.objects.filter(code="cleaning").update(synonyms="sprzątanie\nmyjnia", things="")

    move_things(apps)
    move_things(apps)  # a second run changes nothing

    ceramics = Capability.objects.get(code="ceramics")
    assert "Kubki" not in ceramics.synonym_list() and "mugs" not in ceramics.synonym_list()
    assert "kubki z logo" in ceramics.synonym_list()  # an editor's line stays a synonym
    assert set(ceramics.thing_list()) == set(THINGS["ceramics"])
    assert len(ceramics.thing_list()) == len(THINGS["ceramics"])
    assert ceramics.synonym_list() == [
        *(term for term in work_terms("ceramics")),
        "kubki z logo",
    ]
    cleaning = Capability.objects.get(code="cleaning")  # no things of its own
    assert (cleaning.synonyms, cleaning.things) == ("sprzątanie\nmyjnia", "")


@pytest.mark.django_db
def test_migration_0010_grows_work_and_things_of_a_site_at_0009_and_keeps_its_edits():
    """A site whose light assembly has no things yet and whose sewing things lack the
    round-5 ones, with an editor's lines in both, as it stood after migration 0009."""
    migration = import_module("cooperatives.migrations.0010_round5_vocabulary")
    earlier_light = [term for term in work_terms("light_assembly") if term != "praca nakładcza"]
    earlier_sewing = [thing for thing in THINGS["sewing"] if thing not in ("kitle", "czepki")]
    Capability.objects.filter(code="light_assembly").update(
        synonyms="\n".join([*earlier_light, "montaż zawiasów"]), things=""
    )
    Capability.objects.filter(code="sewing").update(
        things="\n".join([*earlier_sewing, "pokrowce na leżaki"])
    )

    grow = migration.Migration.operations[0].code  # what the migration runs
    grow(apps, None)
    grow(apps, None)  # a second run changes nothing

    light = Capability.objects.get(code="light_assembly")
    assert light.synonym_list()[-2:] == ["montaż zawiasów", "praca nakładcza"]
    assert "o-ringi" not in light.synonym_list()  # a thing, kept in the things list
    assert light.thing_list() == list(THINGS["light_assembly"])
    sewing = Capability.objects.get(code="sewing").thing_list()
    assert sewing[-3:] == ["pokrowce na leżaki", "kitle", "czepki"]
    assert len(sewing) == len(set(sewing)), [t for t in sewing if sewing.count(t) > 1]
