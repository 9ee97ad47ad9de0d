"""Fixtures of the company journey's tests: the small market of ``build_market``."""

import pytest

from partners.models import Quote
from tests.partners.factories import Market, build_market


@pytest.fixture
def market(small_directory) -> Market:
    return build_market()


@pytest.fixture
def attachments_removed(db):
    """Quote files written by the test are deleted after it (they live outside the database)."""
    yield
    for quote in Quote.objects.exclude(attachment=""):
        quote.attachment.delete(save=False)
