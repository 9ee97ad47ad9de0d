"""One way to read a voivodeship's name or code, used by the import (it was written twice)."""

import pytest

from cms.exchange.importer import KnownValues
from cms.models.regions import voivodeship_key


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("30", "30"),
        ("2", "02"),
        (" 02 ", "02"),
        ("łódzkie", "łódzkie"),
        ("Łódzkie", "łódzkie"),
        ("województwo łódzkie", "łódzkie"),
        ("Województwo Łódzkie ", "łódzkie"),
        ("", ""),
    ],
)
def test_a_voivodeship_is_read_by_code_or_by_name_with_or_without_the_word(written, key):
    assert voivodeship_key(written) == key


@pytest.mark.django_db
def test_the_import_finds_each_voivodeship_by_its_code_and_by_its_name():
    known = KnownValues()
    assert known.voivodeship("10").name == "łódzkie"
    assert known.voivodeship("Województwo Łódzkie").teryt == "10"
    assert known.voivodeship("4").name == "kujawsko-pomorskie"
    assert known.voivodeship("mazowsze") is None
