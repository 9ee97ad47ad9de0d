"""Each publication type renders from a saved revision: "view draft" and the editor's preview
show the version being edited, while the public page keeps the live one."""

import re

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms.models.publications import EventPage, GuidePage, NewsPage
from cms.publications.sections import open_section
from tests.cms.factories import RegionalCentreFactory, member_of
from tests.cms.publications.factories import (
    EventPageFactory,
    GuidePageFactory,
    NewsPageFactory,
    publish,
)

pytestmark = pytest.mark.django_db

FACTORIES = {"news": NewsPageFactory, "guide": GuidePageFactory, "event": EventPageFactory}


@pytest.fixture
def editor_and_section():
    centre = RegionalCentreFactory(name="ROPS Poznań")
    return member_of(centre), open_section(centre)


def heading(response) -> str:
    assert response.status_code == 200, response.status_code
    return re.search(r"<h1>(.*?)</h1>", response.content.decode(), re.S).group(1).strip()


@pytest.mark.parametrize("kind", FACTORIES)
def test_view_draft_shows_the_revision_and_the_public_page_the_live_version(
    client, editor_and_section, kind
):
    editor, section = editor_and_section
    page = publish(section, FACTORIES[kind](title="Wersja opublikowana"))
    page.title = "Wersja robocza"
    page.intro = "Zdanie tylko w wersji roboczej."
    page.save_revision(user=editor)
    client.force_login(editor)
    draft = client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
    assert heading(draft) == "Wersja robocza"
    assert "Zdanie tylko w wersji roboczej." in draft.content.decode()
    client.logout()
    assert heading(client.get(page.url)) == "Wersja opublikowana"


def form(model, **fields):
    data = {
        "title": "Z formularza",
        "slug": "z-formularza",
        "intro": "Wstęp z formularza.",
        "body": streamfield([("paragraph", rich_text("<p>Akapit z formularza.</p>"))]),
        "body_en": streamfield([]),
        "comments": inline_formset([]),
        **fields,
    }
    if model is EventPage:
        data.update(start="2031-03-05 10:00", end="2031-03-05 12:00", town="Konin")
    return nested_form_data(data)


@pytest.mark.parametrize("model", [NewsPage, GuidePage, EventPage])
def test_preview_of_a_new_page_renders_the_form(client, editor_and_section, model):
    editor, section = editor_and_section
    client.force_login(editor)
    opts = model._meta
    url = reverse(
        "wagtailadmin_pages:preview_on_add", args=[opts.app_label, opts.model_name, section.pk]
    )
    assert client.post(url, form(model)).json()["is_valid"]
    response = client.get(url)
    assert heading(response) == "Z formularza"
    html = response.content.decode()
    assert "Akapit z formularza." in html
    if model is EventPage:
        assert "Konin" in html


def test_preview_of_an_event_ending_before_it_starts_is_refused(client, editor_and_section):
    editor, section = editor_and_section
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:preview_on_add", args=["cms", "eventpage", section.pk])
    data = {**form(EventPage), "end": "2031-03-05 09:00"}
    assert client.post(url, data).json()["is_valid"] is False


def test_preview_on_edit_renders_the_edited_form(client, editor_and_section):
    editor, section = editor_and_section
    page = publish(section, GuidePageFactory(title="Poradnik"))
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    data = form(GuidePage, slug=page.slug, title_en="Guide in English", intro_en="In English.")
    assert client.post(url, data).json()["is_valid"]
    assert heading(client.get(url)) == "Z formularza"
