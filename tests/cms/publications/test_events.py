"""The events list: coming events soonest first, per region with counts, past ones on request."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.cms.publications.factories import EventPageFactory, publish, section_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def events():
    _centre, poznan = section_of("ROPS Poznań", "30")
    _owes, lodz = section_of("OWES Łódź", "10", kind="owes")
    now = timezone.now()
    for days, title in ((20, "Poznań za 20 dni"), (5, "Poznań za 5 dni"), (9, "Gniezno")):
        publish(poznan, EventPageFactory(title=title, start=now + timedelta(days)))
    publish(lodz, EventPageFactory(title="Łódź", start=now + timedelta(days=7)))
    publish(lodz, EventPageFactory(title="Łódź dawniej", start=now - timedelta(days=40)))
    publish(poznan, EventPageFactory(title="Poznań dawniej", start=now - timedelta(days=3)))
    publish(lodz, EventPageFactory(title="Szkic", start=now + timedelta(days=2)), live=False)
    # Under way: started an hour ago, ends in an hour; still coming up.
    publish(
        lodz,
        EventPageFactory(
            title="Trwa", start=now - timedelta(hours=1), end=now + timedelta(hours=1)
        ),
    )


def titles(response):
    assert response.status_code == 200
    return [event.title for event in response.context["page_obj"].object_list]


def test_coming_events_soonest_first_with_counts_per_region(client, events):
    response = client.get("/events/")
    assert titles(response) == ["Trwa", "Poznań za 5 dni", "Łódź", "Gniezno", "Poznań za 20 dni"]
    assert response.context["counts"] == [("10", "łódzkie", 2), ("30", "wielkopolskie", 3)]


def test_events_of_one_region(client, events):
    response = client.get("/events/", {"voivodeship": "30"})
    assert titles(response) == ["Poznań za 5 dni", "Gniezno", "Poznań za 20 dni"]
    html = response.content.decode()
    assert 'href="/events/calendar.ics?voivodeship=30"' in html
    assert 'aria-current="true">wielkopolskie</a> (3)' in html


def test_past_events_latest_first_and_counted_apart(client, events):
    response = client.get("/events/", {"when": "past"})
    assert titles(response) == ["Poznań dawniej", "Łódź dawniej"]
    assert response.context["counts"] == [("10", "łódzkie", 1), ("30", "wielkopolskie", 1)]


def test_region_without_events_has_an_empty_state(client, events):
    response = client.get("/en/events/", {"voivodeship": "14"})
    assert titles(response) == []
    assert "No events coming up here." in response.content.decode()


def test_unknown_region_is_a_bad_request_with_the_reason(client, events):
    response = client.get("/en/events/", {"voivodeship": "99", "when": "later"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "We do not know the voivodeship “99”" in html
    assert "Choose coming up or past." in html
