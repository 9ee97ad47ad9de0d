"""Needs and partnerships get readable, unique slugs from one function."""

import re

import pytest

from partners.models import Need, free_slug

pytestmark = pytest.mark.django_db


def test_a_free_slug_is_the_text_made_readable():
    assert (
        free_slug(Need, "Uszycie 2000 fartuchów", fallback="potrzeba") == "uszycie-2000-fartuchow"
    )


def test_a_taken_slug_gets_a_random_ending_and_stays_unique(small_directory):
    taken = Need.objects.get().slug  # "fartuchy-2000"
    slug = free_slug(Need, taken, fallback="potrzeba")
    assert re.fullmatch(rf"{taken}-[a-z0-9]{{5}}", slug)
    assert not Need.objects.filter(slug=slug).exists()


def test_text_without_letters_or_digits_falls_back():
    assert free_slug(Need, "„…”", fallback="potrzeba") == "potrzeba"
