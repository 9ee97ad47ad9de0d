"""The listings' word filter reads words as the matcher does, and each filter's counts apply
the other filters.

The sewing cooperatives below never write "szycie" in their descriptions, so a
literal match finds only one of them; the engine finds all three through the
kind of work the word names. Counts are checked against numbers that differ
between "all profiles" and "with the other filter applied".
"""

import re

import pytest

from cms.models import Voivodeship
from cooperatives.models import Capability, CooperativePage
from search.models import IndexTask
from search.sync import enqueue, flush
from tests.cms.test_listing_counts import option_counts
from tests.cooperatives.factories import CooperativePageFactory

pytestmark = pytest.mark.django_db

SEWING = ["Igiełka", "Fastryga", "Nitka"]


def titles(response) -> list[str]:
    return re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', response.content.decode())


@pytest.fixture
def sewing_directory(search_index):
    sewing, catering = (Capability.objects.get(code=code) for code in ("sewing", "catering"))
    wielkopolskie, lodzkie = (Voivodeship.objects.get(teryt=t) for t in ("30", "10"))
    rows = [
        (
            "Igiełka",
            [sewing],
            wielkopolskie,
            "Gniezno",
            52.535,
            17.583,
            "Fartuchy i odzież robocza.",
        ),
        (
            "Fastryga",
            [sewing],
            wielkopolskie,
            "Poznań",
            52.406,
            16.925,
            "Krawiectwo lekkie, torby.",
        ),
        ("Nitka", [sewing, catering], lodzkie, "Łódź", 51.759, 19.456, "Szycie pościeli i obiady."),
        ("Garnuszek", [catering], wielkopolskie, "Gniezno", 52.54, 17.6, "Obiady dla szkół."),
        ("Smakosz", [catering], lodzkie, "Łódź", 51.76, 19.46, "Catering na wydarzenia."),
    ]
    for title, capabilities, region, city, lat, lon, description in rows:
        CooperativePageFactory(
            title=title,
            capabilities=capabilities,
            voivodeship=region,
            city=city,
            latitude=lat,
            longitude=lon,
            description=description,
        )
    IndexTask.objects.all().delete()
    for page_id in CooperativePage.objects.values_list("pk", flat=True):
        enqueue("cooperative", page_id)
    flush()


def test_a_kind_of_work_in_the_words_finds_every_cooperative_doing_it(client, sewing_directory):
    found = titles(client.get("/spoldzielnie/?q=szycie"))
    assert sorted(found) == sorted(SEWING)


def test_literal_matching_would_have_found_only_one(client, sewing_directory, elasticsearch_down):
    assert titles(client.get("/spoldzielnie/?q=szycie")) == ["Nitka"]


def test_a_town_in_the_words_lists_those_near_it_nearest_first(client, sewing_directory):
    # Alphabetical order would put Garnuszek first; Igiełka is nearer the town centre.
    assert titles(client.get("/spoldzielnie/?q=Gniezno")) == ["Igiełka", "Garnuszek"]


def test_the_listing_and_the_search_page_find_the_same_cooperatives(client, sewing_directory):
    words = "szycie toreb w Poznaniu"
    listing = titles(client.get("/spoldzielnie/", {"q": words}))
    html = client.get("/search/", {"q": words}).content.decode()
    searched = re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', html)
    assert listing == searched
    assert listing[0] == "Fastryga"  # the sewing cooperative in Poznań comes first
    assert set(listing) == set(SEWING)


def test_search_page_explains_with_labels_not_codes(client, sewing_directory):
    html = client.get("/en/search/", {"q": "sewing aprons"}).content.decode()
    assert "sewing, tailoring" in html
    assert "does sewing;" not in html
    # In Polish the reason names the kinds of work as a list, as it names the words.
    polish = re.sub(r"\s+", " ", client.get("/search/", {"q": "szycie fartuchów"}).content.decode())
    assert "Dlaczego:</strong> rodzaje pracy: szycie, krawiectwo;" in polish


def test_capability_counts_apply_the_chosen_voivodeship(client, sewing_directory):
    everywhere = option_counts(client.get("/spoldzielnie/").content.decode(), "capability")
    assert everywhere["sewing"] == 3 and everywhere["catering"] == 3
    html = client.get("/spoldzielnie/?voivodeship=10").content.decode()
    assert option_counts(html, "capability") == {
        **{code: 0 for code in everywhere},
        "sewing": 1,
        "catering": 2,
    }


def test_voivodeship_counts_apply_the_chosen_kind_of_work(client, sewing_directory):
    html = client.get("/spoldzielnie/?capability=sewing").content.decode()
    counts = option_counts(html, "voivodeship")
    assert counts["30"] == 2 and counts["10"] == 1
    assert sum(counts.values()) == 3


def test_counts_follow_the_words(client, sewing_directory):
    html = client.get("/spoldzielnie/?q=szycie").content.decode()
    counts = option_counts(html, "voivodeship")
    assert counts["30"] == 2 and counts["10"] == 1
