"""NIP, REGON, KRS and postcodes are checked, with messages a person can act on."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from cms.identifiers import (
    compact,
    validate_krs,
    validate_nip,
    validate_postal_code,
    validate_regon,
)


@pytest.fixture(autouse=True)
def _english():
    """Messages are checked in English; the Polish ones are checked through the pages."""
    with translation.override("en"):
        yield


@pytest.mark.parametrize("value", ["7792433421", "779-243-34-21", "PL 779 243 34 21"])
def test_valid_nip_in_any_usual_spelling_passes(value):
    validate_nip(value)


@pytest.mark.parametrize(
    ("value", "message"),
    [("7792433422", "check digit"), ("123", "10 digits"), ("77924334211", "10 digits")],
)
def test_invalid_nip_says_why(value, message):
    with pytest.raises(ValidationError, match=message):
        validate_nip(value)


@pytest.mark.parametrize("value", ["123456785", "12345678512347"])
def test_valid_regon_of_9_and_14_digits_passes(value):
    validate_regon(value)


@pytest.mark.parametrize(("value", "message"), [("123456789", "check digit"), ("1234", "9 or 14")])
def test_invalid_regon_says_why(value, message):
    with pytest.raises(ValidationError, match=message):
        validate_regon(value)


def test_krs_must_be_exactly_ten_digits():
    validate_krs("0000123456")
    for bad in ("123456789", "00001234567", "000012345a"):
        with pytest.raises(ValidationError, match="exactly 10 digits"):
            validate_krs(bad)


def test_postcode_must_be_written_nn_nnn():
    validate_postal_code("60-101")
    with pytest.raises(ValidationError, match="NN-NNN"):
        validate_postal_code("60101")


def test_compact_drops_country_code_and_separators():
    assert compact(" pl 779-243.34 21 ") == "7792433421"
