"""The directory listings (cms.listing): filters, counts, pagination, empty state, drafts."""

import re

import pytest

from cms.exchange.writer import DirectoryWriter
from cms.listing import PER_PAGE
from cms.models import Voivodeship
from cooperatives.models import CooperativePage

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
    ],
)
def test_each_filter_narrows_the_listing(client, small_directory, query, expected):
    assert titles(client.get(f"/spoldzielnie/?{query}")) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("q=lodz", ["Spółdzielnia Socjalna „Smak”"]),
        ("q=fartuchy+odziez", ["Spółdzielnia Socjalna „Igła”"]),
    ],
)
def test_words_match_literally_while_the_search_engine_is_down(
    client, small_directory, elasticsearch_down, query, expected
):
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


def test_english_interface_of_the_directory(client, small_directory):
    html = client.get("/en/spoldzielnie/?capability=sewing").content.decode()
    assert '<html lang="en">' in html
    assert "1 result" in html
    assert "sewing, tailoring (1)" in html
