"""Two voivodeships, each with its regional centre and a listed cooperative, and an
administrator: data where a rule applied to the wrong region gives a different answer."""

import pytest

from cms.models import Registration, Voivodeship
from cooperatives.models import CooperativePage
from tests.cms.factories import RegionalCentreFactory, UserFactory, member_of
from tests.conftest import ModuleData


def two_regions() -> dict:
    wielkopolskie = Voivodeship.objects.get(teryt="30")
    lodzkie = Voivodeship.objects.get(teryt="10")
    return {
        "wielkopolskie": wielkopolskie,
        "lodzkie": lodzkie,
        # ss-igla is in Wielkopolska, ss-smak in Łódzkie (tests/data/small_directory.jsonl).
        "igla": CooperativePage.objects.get(slug="ss-igla"),
        "smak": CooperativePage.objects.get(slug="ss-smak"),
        "rops_wielkopolskie": member_of(
            RegionalCentreFactory(name="ROPS Poznań", voivodeship=wielkopolskie)
        ),
        "rops_lodzkie": member_of(RegionalCentreFactory(name="ROPS Łódź", voivodeship=lodzkie)),
        "admin": UserFactory(is_staff=True, is_superuser=True),
    }


@pytest.fixture(scope="module")
def _regions_once(_small_directory_once, module_data):
    return module_data.build(two_regions)


@pytest.fixture
def regions(_regions_once, small_directory):
    return ModuleData.use(_regions_once, two_regions)


@pytest.fixture
def decide(client):
    """``decide(user, item, "approve" | "refuse", reason)``: ``user`` posts a decision on a
    registration or a claim through the queue's form, and gets the response."""

    def decide(user, item, decision, reason=""):
        what = "registration" if isinstance(item, Registration) else "claim"
        prefix = f"{what}-{item.pk}"
        client.force_login(user)
        return client.post(
            f"/organisations/queue/{what}s/{item.pk}/",
            {f"{prefix}-decision": decision, f"{prefix}-reason": reason},
        )

    return decide
