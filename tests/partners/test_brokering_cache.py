"""The regional centre's queue keeps what the matcher said about the open needs until the
directory changes (cms/public_cache.py): an administrator's queue asks about every open need
of Poland. Transactions commit as in production, so the version changes on commit."""

import io

import pytest
from django.core.management import call_command

from cms.models import Voivodeship
from cooperatives.models import Capability
from partners import brokering
from partners.models import Need, PartnerPage
from search.client import get_client
from search.documents import CooperativeDocument
from search.sync import flush
from tests.cms.factories import UserFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("baseline_site"),
]


def _settle():
    flush()
    get_client().indices.refresh(index=CooperativeDocument.alias_name())


def _need(slug: str, capability: str) -> Need:
    need = Need.objects.create(
        slug=slug,
        partner=PartnerPage.objects.get(slug="firma-testowa"),
        title=f"Potrzeba {slug}",
        status=Need.Status.OPEN,
        voivodeship=Voivodeship.objects.get(teryt="30"),
    )
    need.capabilities.add(Capability.objects.get(code=capability))
    return need


@pytest.fixture
def directory(search_index):
    call_command("import_directory", "tests/data/small_directory.jsonl", stdout=io.StringIO())
    _need("kubki", "ceramics")  # nobody in the small directory makes ceramics
    _need("zegary", "electrical_assembly")  # nor electrical assemblies
    _settle()


def _unmatched(user) -> list[str] | None:
    queue = brokering.queue_for(user)
    return None if queue.unmatched is None else [item.need.slug for item in queue.unmatched]


def test_the_queue_keeps_the_matchers_answer_until_a_need_changes(directory, stop_elasticsearch):
    admin = UserFactory(is_staff=True, is_superuser=True)
    assert _unmatched(admin) == ["kubki", "zegary"]

    stop_elasticsearch()
    assert _unmatched(admin) == ["kubki", "zegary"]  # kept: Elasticsearch was not asked

    _need("obrusy", "sewing")  # a change: the kept answer is no longer used
    assert _unmatched(admin) is None  # asked again, and the matcher is away
