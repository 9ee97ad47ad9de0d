"""Fixtures of the company journey's tests: the small market of ``build_market``."""

import pytest

from cms.models import Organisation
from cooperatives.models import CooperativePage
from partners.models import PartnerPage, Quote
from tests.cms.factories import OrganisationFactory, member_of
from tests.conftest import ModuleData
from tests.partners.factories import Market, build_market


@pytest.fixture(scope="module")
def _market_once(_small_directory_once, module_data):
    return module_data.build(build_market)


@pytest.fixture
def market(_market_once, small_directory) -> Market:
    return ModuleData.use(_market_once, build_market)


@pytest.fixture
def attachments_removed(db):
    """Quote files written by the test are deleted after it (they live outside the database)."""
    yield
    for quote in Quote.objects.exclude(attachment=""):
        quote.attachment.delete(save=False)


def add_people() -> dict:
    """A member of the small directory's company and one of its cooperative Igła."""
    company = OrganisationFactory(
        name="Firma", kind=Organisation.Kind.COMPANY, page=PartnerPage.objects.get()
    )
    igla = CooperativePage.objects.get(slug="ss-igla")
    coop = OrganisationFactory(name="Igła", page=igla)
    return {"company": member_of(company), "coop": member_of(coop), "igla": igla}


@pytest.fixture(scope="module")
def _people_once(_indexed_directory_once, module_data):
    return module_data.build(add_people)


@pytest.fixture
def people(_people_once, indexed_directory):
    return ModuleData.use(_people_once, add_people)
