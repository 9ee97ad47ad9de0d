"""A profile nobody has confirmed for 18 months ranks lower and says so, still listed.

Two cooperatives are the same but for the date they were confirmed; the one
confirmed 19 months ago has the alphabetically first slug and a nearer town,
so it would come first if staleness were ignored.
"""

import datetime as dt

import pytest
from django.utils import timezone

from cooperatives.models import Capability, CooperativePage
from search.models import IndexTask
from search.query import MatchRequest, match
from search.sync import enqueue, flush
from tests.cooperatives.factories import CooperativePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_tailors(search_index):
    sewing = Capability.objects.get(code="sewing")
    today = timezone.localdate()
    for title, verified, lat in (
        ("Aaa Szwalnia", today - dt.timedelta(days=19 * 31), 52.41),
        ("Bbb Szwalnia", today - dt.timedelta(days=30), 52.30),
    ):
        CooperativePageFactory(
            title=title,
            capabilities=[sewing],
            city="Poznań",
            latitude=lat,
            longitude=16.93,
            description="Szyjemy fartuchy.",
            verified_on=verified,
        )
    IndexTask.objects.all().delete()
    for page_id in CooperativePage.objects.values_list("pk", flat=True):
        enqueue("cooperative", page_id)
    flush()


def test_a_stale_profile_ranks_after_a_fresh_one_and_says_so(two_tailors):
    results = match(MatchRequest("szycie fartuchów", lat=52.41, lon=16.93)).results
    assert [(item.name, item.stale) for item in results] == [
        ("Bbb Szwalnia", False),
        ("Aaa Szwalnia", True),
    ]


def test_a_profile_turns_stale_on_its_day_without_being_indexed_again(two_tailors):
    later = timezone.localdate() + dt.timedelta(days=18 * 31)
    request = MatchRequest("szycie fartuchów", lat=52.41, lon=16.93, as_of=later)
    assert all(item.stale for item in match(request).results)
