"""The counts beside each listing filter option are the real counts, in every listing.

Each option has several profiles (or none), a draft that must not count,
and the expected numbers come from independent queries, so a count that
says "(1)" for everything, or counts drafts, fails.
"""

import re

import pytest

from cms.models import Voivodeship
from cooperatives.models import Capability, CooperativePage
from partners.models import PartnerPage
from tests.cooperatives.factories import CooperativePageFactory
from tests.partners.factories import PartnerPageFactory
from tests.workshops.factories import WorkshopPageFactory
from workshops.models import WorkshopPage

pytestmark = pytest.mark.django_db


def option_counts(html: str, name: str) -> dict[str, int]:
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', html, re.S).group(1)
    return {
        value: int(count)
        for value, count in re.findall(
            r'<option value="([^"]+)"[^>]*>[^<]*\((\d+)\)</option>', select
        )
    }


@pytest.fixture
def directory():
    sewing, catering, ceramics = (
        Capability.objects.get(code=code) for code in ("sewing", "catering", "ceramics")
    )
    wielkopolskie, lodzkie = (Voivodeship.objects.get(teryt=t) for t in ("30", "10"))
    for n, (capabilities, region) in enumerate(
        [
            ([sewing], wielkopolskie),
            ([sewing, catering], wielkopolskie),
            ([sewing], lodzkie),
            ([catering], lodzkie),
            ([], wielkopolskie),
        ]
    ):
        CooperativePageFactory(
            title=f"Spółdzielnia {n}", capabilities=capabilities, voivodeship=region
        )
    CooperativePageFactory(title="Szkic", capabilities=[sewing], live=False)
    for n in range(3):
        WorkshopPageFactory(title=f"WTZ {n}", activity_areas=[ceramics], voivodeship=lodzkie)
    for n in range(2):
        PartnerPageFactory(title=f"Firma {n}", voivodeship=wielkopolskie)


def expected(model, field: str, key: str) -> dict[str, int]:
    listed = model.objects.live().public()
    values = set(listed.exclude(**{f"{field}__isnull": True}).values_list(key, flat=True))
    return {value: listed.filter(**{key: value}).distinct().count() for value in values}


@pytest.mark.parametrize(
    ("path", "model", "field"),
    [
        ("/spoldzielnie/", CooperativePage, "capabilities"),
        ("/warsztaty/", WorkshopPage, "activity_areas"),
    ],
)
def test_each_kind_of_work_shows_how_many_listed_profiles_do_it(
    client, directory, path, model, field
):
    counts = option_counts(client.get(path).content.decode(), "capability")
    wanted = expected(model, field, f"{field}__code")
    assert max(wanted.values()) > 1
    assert {code: n for code, n in counts.items() if n} == wanted
    assert counts["laundry"] == 0


@pytest.mark.parametrize(
    ("path", "model"),
    [
        ("/spoldzielnie/", CooperativePage),
        ("/warsztaty/", WorkshopPage),
        ("/partnerzy/", PartnerPage),
    ],
)
def test_each_voivodeship_shows_how_many_listed_profiles_are_there(client, directory, path, model):
    counts = option_counts(client.get(path).content.decode(), "voivodeship")
    wanted = expected(model, "voivodeship", "voivodeship__teryt")
    assert max(wanted.values()) > 1
    assert {teryt: n for teryt, n in counts.items() if n} == wanted
