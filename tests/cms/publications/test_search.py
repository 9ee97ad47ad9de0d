"""The site search (/search/) finds publications by the words of their body, through Wagtail's
database search backend, beside the directory's Elasticsearch results."""

import pytest
from wagtail.rich_text import RichText

from tests.cms.publications.factories import GuidePageFactory, NewsPageFactory, publish, section_of

pytestmark = pytest.mark.django_db


def body(text):
    return [("paragraph", RichText(f"<p>{text}</p>"))]


@pytest.fixture
def guides():
    _centre, section = section_of()
    publish(
        section,
        GuidePageFactory(
            title="Jak zacząć współpracę",
            body=body("Pracownia wypala ceramikę na zamówienie firm."),
            body_en=body("The workshop fires pottery to order."),
        ),
    )
    publish(section, NewsPageFactory(title="Nabór", body=body("Szycie odzieży roboczej.")))
    publish(
        section,
        GuidePageFactory(title="Szkic poradnika", body=body("Też o ceramikę chodzi.")),
        live=False,
    )


def found_titles(response) -> list[str]:
    return [page.title for page in response.context["publications"]]


def test_search_finds_a_guide_by_a_word_of_its_body_and_not_drafts(
    client, indexed_directory, guides
):
    response = client.get("/search/", {"q": "ceramikę"})
    assert response.status_code == 200
    assert found_titles(response) == ["Jak zacząć współpracę"]
    assert 'id="publications-heading"' in response.content.decode()


def test_search_finds_it_by_its_english_body_too(client, indexed_directory, guides):
    response = client.get("/en/search/", {"q": "pottery"})
    assert found_titles(response) == ["Jak zacząć współpracę"]


def test_publications_are_found_while_elasticsearch_is_down(client, guides, elasticsearch_down):
    response = client.get("/search/", {"q": "odzieży"})
    assert response.status_code == 503
    assert found_titles(response) == ["Nabór"]
    assert "Nabór" in response.content.decode()


def test_no_words_no_publications(client, indexed_directory, guides):
    response = client.get("/search/", {"q": "", "voivodeship": "30"})
    assert found_titles(response) == []
