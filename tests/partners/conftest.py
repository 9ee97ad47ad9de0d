"""Fixtures of the company journey's tests: the small market of ``build_market``."""

import pytest

from cms.models import Organisation
from cooperatives.models import CooperativePage
from partners.models import PartnerPage, Quote
from tests.cms.factories import OrganisationFactory, member_of
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


@pytest.fixture
def people(indexed_directory):
    """A member of the small directory's company and one of its cooperative Igła."""
    company = OrganisationFactory(
        name="Firma", kind=Organisation.Kind.COMPANY, page=PartnerPage.objects.get()
    )
    igla = CooperativePage.objects.get(slug="ss-igla")
    coop = OrganisationFactory(name="Igła", page=igla)
    return {"company": member_of(company), "coop": member_of(coop), "igla": igla}
