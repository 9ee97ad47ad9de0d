"""The public directory: filters, counts, pagination, empty state, drafts, detail pages."""

import datetime as dt
import json
import re

import pytest

from cms.exchange.writer import DirectoryWriter
from cms.listing import PER_PAGE
from cms.models import Voivodeship
from cooperatives.models import Certification, CooperativeCertificate, CooperativePage

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', response.content.decode())


def test_listing_shows_every_live_cooperative_with_a_count(client, small_directory):
    response = client.get("/spoldzielnie/")
    assert response.status_code == 200
    assert titles(response) == ["Spółdzielnia Socjalna „Igła”", "Spółdzielnia Socjalna „Smak”"]
    assert "2 wyniki" in response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("capability=sewing", ["Spółdzielnia Socjalna „Igła”"]),
        ("capability=catering", ["Spółdzielnia Socjalna „Smak”"]),
        ("voivodeship=10", ["Spółdzielnia Socjalna „Smak”"]),
        ("accepts_orders=on", ["Spółdzielnia Socjalna „Igła”"]),
        ("q=lodz", ["Spółdzielnia Socjalna „Smak”"]),
        ("q=fartuchy+odziez", ["Spółdzielnia Socjalna „Igła”"]),
    ],
)
def test_each_filter_narrows_the_listing(client, small_directory, query, expected):
    assert titles(client.get(f"/spoldzielnie/?{query}")) == expected


def test_filter_options_show_how_many_profiles_each_has(client, small_directory):
    html = client.get("/spoldzielnie/").content.decode()
    assert re.search(r'<option value="sewing">szycie, krawiectwo \(1\)</option>', html)
    assert re.search(r'<option value="30">wielkopolskie \(1\)</option>', html)


def test_no_match_shows_an_empty_state_with_a_way_back(client, small_directory):
    html = client.get("/spoldzielnie/?capability=ceramics").content.decode()
    assert "Nic nie pasuje do tych filtrów." in html
    assert 'href="/spoldzielnie/"' in html


def test_invalid_filter_values_are_ignored_not_a_crash(client, small_directory):
    response = client.get("/spoldzielnie/?capability=knitting&page=abc")
    assert response.status_code == 200
    assert len(titles(response)) == 2


def test_listing_is_paginated_and_keeps_filters_in_page_links(client, small_directory):
    writer = DirectoryWriter()
    region = Voivodeship.objects.get(teryt="30")
    for number in range(PER_PAGE + 3):
        writer.write(
            "cooperative",
            {
                "slug": f"ss-{number:02}",
                "name": f"SS Numer {number:02}",
                "capabilities": ["sewing"],
                "voivodeship": region,
            },
        )
    first = client.get("/spoldzielnie/?capability=sewing")
    assert len(titles(first)) == PER_PAGE
    assert "?capability=sewing&amp;page=2" in first.content.decode()
    second = client.get("/spoldzielnie/?capability=sewing&page=2")
    assert len(titles(second)) == PER_PAGE + 3 + 1 - PER_PAGE


def test_unpublished_profile_is_neither_listed_nor_shown_to_the_public(client, small_directory):
    page = CooperativePage.objects.get(slug="ss-smak")
    page.unpublish()
    assert "Spółdzielnia Socjalna „Smak”" not in titles(client.get("/spoldzielnie/"))
    assert client.get("/spoldzielnie/ss-smak/").status_code == 404


def test_draft_changes_stay_private_until_published(client, small_directory):
    page = CooperativePage.objects.get(slug="ss-igla")
    page.description = "Wersja robocza, jeszcze nie zatwierdzona."
    page.save_revision()
    assert "Wersja robocza" not in client.get("/spoldzielnie/ss-igla/").content.decode()


def test_detail_page_tells_a_company_what_it_needs_to_get_in_touch(client, small_directory):
    html = client.get("/spoldzielnie/ss-igla/").content.decode()
    for expected in (
        "Przyjmuje zlecenia",
        "szycie, krawiectwo",
        "6 maszyn, do 1000 sztuk tygodniowo",
        "do 80 km od naszego adresu",
        "12 (8 z niepełnosprawnościami)",
        "ul. Długa 1, 60-101 Poznań",
        "0000123456",
        'href="/warsztaty/wtz-testowo/"',
    ):
        assert expected in html, expected


def test_detail_page_carries_schema_org_organisation_data(client, small_directory):
    html = client.get("/spoldzielnie/ss-igla/").content.decode()
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    )
    assert data["@type"] == "Organization"
    assert data["name"] == "Spółdzielnia Socjalna „Igła”"
    assert data["address"]["addressLocality"] == "Poznań"
    assert data["geo"] == {"@type": "GeoCoordinates", "latitude": 52.4064, "longitude": 16.9252}


def test_lapsed_certificate_is_not_shown_as_valid_and_says_when_it_lapsed(client, small_directory):
    page = CooperativePage.objects.get(slug="ss-smak")
    CooperativeCertificate.objects.filter(page=page, certification__code="haccp").update(
        valid_until=dt.date(2024, 1, 31)
    )
    html = client.get("/spoldzielnie/ss-smak/").content.decode()
    section = html.split('id="certificates-heading"')[1].split("</section>")[0]
    valid_list = re.search(r"<ul>(.*?)</ul>", section, re.S).group(1)
    assert Certification.objects.get(code="sanepid").label_pl in valid_list
    assert "HACCP" not in valid_list
    assert "HACCP wygasł 31 stycznia 2024." in section


def test_workshop_page_says_who_takes_orders_and_invoices(client, small_directory):
    html = client.get("/warsztaty/wtz-testowo/").content.decode()
    assert "Stowarzyszenie Testowe" in html
    assert "Spółdzielnia Socjalna „Igła”" in html


def test_english_interface_of_the_directory(client, small_directory):
    html = client.get("/en/spoldzielnie/?capability=sewing").content.decode()
    assert '<html lang="en">' in html
    assert "1 result" in html
    assert "sewing, tailoring (1)" in html
