"""Every page type renders, in Polish and in English; the index filters by region and kind."""

from datetime import timedelta

import pytest
from django.utils import timezone, translation
from wagtail.models import WorkflowPage

from cms.models.publications import PublicationsIndexPage
from tests.cms.publications.factories import (
    EventPageFactory,
    GuidePageFactory,
    NewsPageFactory,
    publish,
    section_of,
)

pytestmark = pytest.mark.django_db


def test_the_migration_put_the_index_under_the_home_page_and_opening_a_section_moderates_it():
    index = PublicationsIndexPage.objects.get()
    assert index.get_parent().specific_class.__name__ == "HomePage"
    assert index.url_path == "/home/publikacje/"
    _organisation, section = section_of()
    assert section.get_parent().pk == index.pk
    assert WorkflowPage.objects.get(page=index).workflow.name == "ROPS"
    assert section.get_workflow().name == "ROPS"


@pytest.fixture
def two_regions():
    _centre, poznan = section_of("ROPS Poznań", "30")
    _owes, lodz = section_of("OWES Łódź", "10", kind="owes")
    now = timezone.now()
    pages = {
        "news_30": publish(poznan, NewsPageFactory(title="Nowości z Poznania"), now - timedelta(2)),
        "guide_30": publish(
            poznan,
            GuidePageFactory(title="Poradnik o WTZ", title_en="A guide to WTZ", intro_en="How."),
            now - timedelta(5),
        ),
        "event_30": publish(poznan, EventPageFactory(title="Spotkanie w Gnieźnie")),
        "news_10": publish(lodz, NewsPageFactory(title="Nowości z Łodzi"), now - timedelta(1)),
        "draft_10": publish(lodz, NewsPageFactory(title="Szkic z Łodzi"), live=False),
    }
    return pages


def listed_titles(response):
    assert response.status_code == 200, response.content[:500]
    return [item.title for item in response.context["page_obj"].object_list]


def test_index_lists_live_publications_newest_first(client, two_regions):
    titles = listed_titles(client.get("/publikacje/"))
    # The event was published last (now), news from Łódź a day ago, ...; the draft never.
    assert titles == [
        "Spotkanie w Gnieźnie",
        "Nowości z Łodzi",
        "Nowości z Poznania",
        "Poradnik o WTZ",
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"voivodeship": "30"}, {"Spotkanie w Gnieźnie", "Nowości z Poznania", "Poradnik o WTZ"}),
        ({"voivodeship": "10"}, {"Nowości z Łodzi"}),
        ({"kind": "news"}, {"Nowości z Łodzi", "Nowości z Poznania"}),
        ({"kind": "news", "voivodeship": "30"}, {"Nowości z Poznania"}),
        ({"kind": "event", "voivodeship": "10"}, set()),
    ],
)
def test_index_filters_by_region_and_kind(client, two_regions, query, expected):
    assert set(listed_titles(client.get("/publikacje/", query))) == expected


def test_an_empty_filter_says_so_and_offers_everything(client, two_regions):
    response = client.get("/publikacje/", {"kind": "event", "voivodeship": "10"})
    html = response.content.decode()
    assert "Nic z opublikowanych nie pasuje do tych filtrów." in html
    assert 'href="/publikacje/">Pokaż wszystko' in html


def test_a_wrong_filter_is_a_bad_request_with_the_error_in_both_languages(client, two_regions):
    response = client.get("/publikacje/", {"voivodeship": "99"})
    assert response.status_code == 400
    assert "Nie znamy województwa „99”" in response.content.decode()
    response = client.get("/en/publikacje/", {"kind": "poems"})
    assert response.status_code == 400
    assert "We do not know the kind “poems”" in response.content.decode()


def test_index_pages_through_many_publications(client):
    _centre, section = section_of()
    for number in range(14):
        publish(section, NewsPageFactory(), timezone.now() - timedelta(hours=number))
    first = client.get("/publikacje/")
    second = client.get("/publikacje/", {"page": 2})
    assert len(first.context["page_obj"].object_list) == 12
    assert len(second.context["page_obj"].object_list) == 2


def test_english_version_is_shown_under_en_and_polish_marked_where_there_is_none(
    client, two_regions
):
    with translation.override("pl"):
        guide_url, news_url = two_regions["guide_30"].url, two_regions["news_30"].url
    guide = client.get("/en" + guide_url).content.decode()
    assert "<h1>A guide to WTZ</h1>" in guide
    assert "<article>" in guide
    news = client.get("/en" + news_url).content.decode()
    assert "<h1>Nowości z Poznania</h1>" in news
    assert '<article lang="pl">' in news
    assert "This page is in Polish only." in news
    polish = client.get(guide_url).content.decode()
    assert "<h1>Poradnik o WTZ</h1>" in polish
    assert "<article>" in polish


def test_event_page_shows_when_and_where(client, two_regions):
    html = client.get(two_regions["event_30"].url).content.decode()
    assert "Kiedy" in html and "Gdzie" in html
    assert "Poznań" in html
    assert "/events/calendar.ics?voivodeship=30" in html


def test_section_lists_only_its_own_publications(client, two_regions):
    section = two_regions["news_10"].get_parent()
    assert listed_titles(client.get(section.url)) == ["Nowości z Łodzi"]


def test_menu_links_to_the_index_in_both_languages(client, two_regions):
    assert 'href="/publikacje/">Aktualności i wydarzenia' in client.get("/").content.decode()
    assert 'href="/en/publikacje/">News and events' in client.get("/en/").content.decode()
