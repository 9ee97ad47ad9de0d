"""The iCalendar feed of events and the RSS feed of news, read back as a client would."""

import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from cms.publications.calendar import WARSAW, calendar, escape_text, fold
from tests.cms.publications.factories import EventPageFactory, NewsPageFactory, publish, section_of

pytestmark = pytest.mark.django_db


def unfold(body: bytes) -> list[str]:
    """The content lines of an iCalendar body, after checking its line rules: CRLF endings and
    at most 75 octets a line (RFC 5545 3.1)."""
    assert body.endswith(b"\r\n")
    physical = body[:-2].split(b"\r\n")
    assert all(b"\n" not in line and b"\r" not in line for line in physical)
    too_long = [line for line in physical if len(line) > 75]
    assert too_long == []
    lines = []
    for line in physical:
        if line.startswith(b" "):
            lines[-1] += line[1:]
        else:
            lines.append(line)
    return [line.decode() for line in lines]


def unescape(value: str) -> str:
    out, chars = [], iter(value)
    for char in chars:  # may be empty: an empty value has nothing to unescape
        if char == "\\":
            following = next(chars)
            out.append("\n" if following in "nN" else following)
        else:
            assert char not in ",;", f"unescaped {char!r} in {value!r}"
            out.append(char)
    return "".join(out)


def parse(body: bytes) -> list[dict]:
    """The VEVENTs as {property name: (parameters, value)}; checks BEGIN/END nesting."""
    stack, events, current = [], [], None
    lines = unfold(body)
    assert lines
    for line in lines:
        name_and_params, value = line.split(":", 1)
        name, *params = name_and_params.split(";")
        if name == "BEGIN":
            stack.append(value)
            if value == "VEVENT":
                current = {}
        elif name == "END":
            assert stack.pop() == value
            if value == "VEVENT":
                events.append(current)
                current = None
        elif current is not None:
            current[name] = (params, value)
    assert stack == []
    return events


@pytest.fixture
def events():
    _centre, poznan = section_of("ROPS Poznań", "30")
    _owes, lodz = section_of("OWES Łódź", "10", kind="owes")
    now = timezone.now()
    start = datetime(2031, 7, 14, 10, 30, tzinfo=WARSAW)  # summer time: UTC+2
    return {
        "poznan": publish(
            poznan,
            EventPageFactory(
                title="Spotkanie: WTZ, spółdzielnie; samorządy",
                intro="Pierwsza linia,\ndruga linia; z przecinkiem, średnikiem i \\ ukośnikiem.",
                start=start,
                end=start + timedelta(hours=2),
                place="Sala 1, ul. Długa 5",
                town="Poznań",
            ),
        ),
        "online": publish(
            poznan,
            EventPageFactory(title="Webinarium", town="", online=True, start=now + timedelta(3)),
        ),
        "past": publish(
            poznan,
            EventPageFactory(
                title="Spotkanie, które było", start=now - timedelta(30), end=now - timedelta(29)
            ),
        ),
        "lodz": publish(lodz, EventPageFactory(title="Spotkanie w Łodzi", town="Łódź")),
        "draft": publish(lodz, EventPageFactory(title="Szkic spotkania"), live=False),
    }


def summaries(response) -> list[str]:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return [unescape(event["SUMMARY"][1]) for event in parse(response.content)]


def test_calendar_holds_live_events_not_over_yet_soonest_first(client, events):
    assert summaries(client.get("/events/calendar.ics")) == [
        "Webinarium",
        "Spotkanie w Łodzi",
        "Spotkanie: WTZ, spółdzielnie; samorządy",
    ]


def test_calendar_of_past_events_on_request(client, events):
    assert summaries(client.get("/events/calendar.ics", {"when": "past"})) == [
        "Spotkanie, które było"
    ]


def test_calendar_of_one_region(client, events):
    assert summaries(client.get("/events/calendar.ics", {"voivodeship": "10"})) == [
        "Spotkanie w Łodzi"
    ]
    assert client.get("/events/calendar.ics", {"voivodeship": "77"}).status_code == 400


def test_event_text_round_trips_through_escaping_and_times_carry_the_warsaw_zone(client, events):
    found = parse(client.get("/events/calendar.ics", {"voivodeship": "30"}).content)
    event = next(item for item in found if "WTZ" in item["SUMMARY"][1])
    page = events["poznan"]
    assert event["SUMMARY"][1] == "Spotkanie: WTZ\\, spółdzielnie\\; samorządy"
    assert unescape(event["DESCRIPTION"][1]) == page.intro
    assert unescape(event["LOCATION"][1]) == "Sala 1, ul. Długa 5, Poznań"
    assert event["DTSTART"] == (["TZID=Europe/Warsaw"], "20310714T103000")
    assert event["DTEND"] == (["TZID=Europe/Warsaw"], "20310714T123000")
    assert event["UID"][1] == f"event-{page.pk}@testserver"
    stamp = datetime.strptime(event["DTSTAMP"][1], "%Y%m%dT%H%M%SZ")
    assert abs(stamp.replace(tzinfo=UTC) - page.last_published_at) < timedelta(seconds=1)
    assert event["URL"][1] == f"http://testserver{page.url}"


def test_calendar_declares_the_zone_it_names(client, events):
    lines = unfold(client.get("/events/calendar.ics").content)
    assert lines[:3] == ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Kooperacja//Publications//PL"]
    assert "TZID:Europe/Warsaw" in lines
    assert lines.index("BEGIN:VTIMEZONE") < lines.index("BEGIN:VEVENT")


def test_online_event_says_so_where_a_place_would_be(client, events):
    found = parse(client.get("/events/calendar.ics").content)
    online = next(event for event in found if event["SUMMARY"][1] == "Webinarium")
    assert online["LOCATION"][1] == "online"


def test_folding_splits_at_75_octets_without_cutting_a_letter():
    line = "DESCRIPTION:" + "ż" * 100  # two octets each
    folded = fold(line).encode()
    physical = folded.split(b"\r\n")
    assert [len(part) for part in physical[:2]] == [74, 75]  # 12 + 31 * 2; then 1 + 37 * 2
    assert all(len(part) <= 75 for part in physical)
    assert b"".join(part[1:] if i else part for i, part in enumerate(physical)).decode() == line
    assert fold("SUMMARY:krótko") == "SUMMARY:krótko"


def test_escaping_of_text_values():
    assert escape_text("a,b;c\\d\ne\r\nf") == "a\\,b\\;c\\\\d\\ne\\nf"


def test_an_empty_calendar_is_still_a_calendar():
    body = calendar([], "Pusty", url_of=str, uid_domain="example.org").encode()
    assert parse(body) == []
    assert "X-WR-CALNAME:Pusty" in unfold(body)


# -- news as RSS


@pytest.fixture
def news():
    _centre, poznan = section_of("ROPS Poznań", "30")
    _owes, lodz = section_of("OWES Łódź", "10", kind="owes")
    now = timezone.now()
    publish(poznan, NewsPageFactory(title="Starsza z Poznania"), now - timedelta(days=9))
    publish(lodz, NewsPageFactory(title="Najnowsza z Łodzi"), now - timedelta(days=1))
    publish(poznan, NewsPageFactory(title="Środkowa z Poznania"), now - timedelta(days=4))
    publish(lodz, NewsPageFactory(title="Szkic"), live=False)
    publish(poznan, EventPageFactory(title="To wydarzenie, nie aktualność"))
    withdrawn = publish(poznan, NewsPageFactory(title="Wycofana"), now)
    withdrawn.unpublish()


def rss_titles(response) -> list[str]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own feed
    assert root.tag == "rss"
    channel = root.find("channel")
    return [item.findtext("title") for item in channel.findall("item")]


def test_rss_lists_live_news_newest_first(client, news):
    assert rss_titles(client.get("/news/feed.xml")) == [
        "Najnowsza z Łodzi",
        "Środkowa z Poznania",
        "Starsza z Poznania",
    ]


def test_rss_of_one_region_and_in_english(client, news):
    assert rss_titles(client.get("/news/feed.xml", {"voivodeship": "30"})) == [
        "Środkowa z Poznania",
        "Starsza z Poznania",
    ]
    root = ET.fromstring(client.get("/en/news/feed.xml").content)  # noqa: S314
    assert root.find("channel").findtext("language") == "en"
    assert root.find("channel").findtext("title") == "Kooperacja: news from the regions"
    assert client.get("/news/feed.xml", {"voivodeship": "xx"}).status_code == 404


def test_rss_items_link_to_the_pages(client, news):
    root = ET.fromstring(client.get("/news/feed.xml").content)  # noqa: S314
    links = [item.findtext("link") for item in root.find("channel").findall("item")]
    assert all(link.startswith("http://testserver/publikacje/") for link in links)
    assert all(client.get(link).status_code == 200 for link in links)
