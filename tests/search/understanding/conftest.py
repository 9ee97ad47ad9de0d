"""The seed taxonomy, built once, and the kinds of work it finds in a request once the
reading (search.understanding) has taken out what is not the work."""

import datetime as dt

import pytest

from search.taxonomy import seed_taxonomy
from search.understanding import read_request

TODAY = dt.date(2026, 11, 30)


@pytest.fixture(scope="session")
def taxonomy():
    return seed_taxonomy()


@pytest.fixture
def kinds_read(taxonomy):
    """The capability codes of a request's text as the matcher reads it."""

    def read(text: str) -> list[str]:
        return taxonomy.capabilities_in(read_request(text, TODAY).words)

    return read
