"""Every page type renders the version being reviewed, not the live one, in the admin.

"View draft", the editor's preview and a moderator's workflow preview each
rebuild the page from something other than its live row: a saved revision,
or the edit form. A template or a context helper that reads the live page
(``Page.objects.get(pk=page.pk)``, a queryset of the page's live children,
a cached fragment) would show the live title, description and capacity
there. Every case below publishes one version and then drafts another that
shares none of those texts, so such a page shows the wrong words and fails.

The list of cases is checked against the project's page models: a new page
type without a case here fails :func:`test_every_page_type_of_the_project_has_a_rendering_case`.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.urls import reverse
from wagtail.models import get_page_models
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms.models import (
    ContentPage,
    EventPage,
    GuidePage,
    HomePage,
    NewsPage,
    PublicationsIndexPage,
    SectionPage,
)
from cooperatives.models import (
    Capability,
    CooperativeCapacity,
    CooperativeIndexPage,
    CooperativePage,
)
from partners.models import PartnerIndexPage, PartnerPage
from tests.cms.factories import UserFactory
from tests.cms.publications.factories import (
    EventPageFactory,
    GuidePageFactory,
    NewsPageFactory,
    section_of,
)
from tests.cms.publications.factories import publish as publish_below
from tests.cooperatives.factories import CooperativePageFactory
from tests.partners.factories import PartnerPageFactory
from tests.workshops.factories import WorkshopPageFactory
from workshops.models import WorkshopIndexPage, WorkshopPage

pytestmark = pytest.mark.django_db

# The apps whose page models the site defines (Wagtail's own Page is not ours).
PROJECT_APPS = {"cms", "cooperatives", "workshops", "partners"}


@dataclass(frozen=True)
class Version:
    """What one version of a page says, as the page shows it."""

    title: str
    text: str  # the description of a profile, the introduction of any other page
    capacity: tuple[int, str, str, str] | None = None  # amount, unit, per, capability code


@dataclass(frozen=True)
class Case:
    model: type
    # Makes the page and publishes ``live``; returns the page.
    publish: Callable
    # The name of the page's text field: "description" or "intro".
    text_field: str
    # Extra edit-form fields the page type requires.
    form_fields: Callable = lambda page: {}


def version(name: str, state: str) -> Version:
    return Version(
        title=f"{name} — {state}",
        text=f"Tekst strony {name} w wersji: {state}.",
    )


def publish_home(live: Version) -> HomePage:
    page = HomePage.objects.get()
    page.title = live.title
    page.intro = f"<p>{live.text}</p>"
    page.save_revision().publish()
    return page


def publish_content_page(live: Version) -> ContentPage:
    page = ContentPage(title=live.title, slug="o-nas", intro=live.text)
    HomePage.objects.get().add_child(instance=page)
    page.save_revision().publish()
    return page


def publish_index(model) -> Callable:
    def publish(live: Version):
        page = model.get_or_create()
        page.title = live.title
        page.intro = live.text
        page.save_revision().publish()
        return page

    return publish


def publish_profile(factory) -> Callable:
    def publish(live: Version):
        return factory(title=live.title, slug="profil", description=live.text)

    return publish


def publish_cooperative(live: Version) -> CooperativePage:
    page = CooperativePageFactory(
        title=live.title,
        slug="spoldzielnia",
        description=live.text,
        capabilities=list(Capability.objects.filter(code__in=["sewing", "catering"])),
    )
    page.capacities = [capacity_row(live.capacity)]
    page.save_revision().publish()
    return page


def capacity_row(capacity) -> CooperativeCapacity:
    amount, unit, per, code = capacity
    return CooperativeCapacity(
        capability=Capability.objects.get(code=code), amount=amount, unit=unit, per=per
    )


def profile_form_fields(page) -> dict:
    return {"voivodeship": page.voivodeship_id or ""}


def cooperative_form_fields(page) -> dict:
    return {
        **profile_form_fields(page),
        "capabilities": [c.pk for c in page.capabilities.all()],
        "accepts_orders": "on",
    }


def publish_section(live: Version) -> SectionPage:
    _centre, section = section_of()
    section.title = live.title
    section.intro = live.text
    section.save_revision().publish()
    return section


def publish_publication(factory) -> Callable:
    def publish(live: Version):
        _centre, section = section_of()
        return publish_below(section, factory(title=live.title, slug="wpis", intro=live.text))

    return publish


def publication_form_fields(page) -> dict:
    fields = nested_form_data({"body_en": streamfield([])})
    if isinstance(page, EventPage):
        fields.update(start="2031-03-05 10:00", end="2031-03-05 12:00", town="Konin")
    return fields


CASES = {
    "home": Case(HomePage, publish_home, "intro"),
    "content": Case(ContentPage, publish_content_page, "intro"),
    "cooperative-index": Case(CooperativeIndexPage, publish_index(CooperativeIndexPage), "intro"),
    "workshop-index": Case(WorkshopIndexPage, publish_index(WorkshopIndexPage), "intro"),
    "partner-index": Case(PartnerIndexPage, publish_index(PartnerIndexPage), "intro"),
    "workshop": Case(
        WorkshopPage, publish_profile(WorkshopPageFactory), "description", profile_form_fields
    ),
    "partner": Case(
        PartnerPage, publish_profile(PartnerPageFactory), "description", profile_form_fields
    ),
    "cooperative": Case(
        CooperativePage, publish_cooperative, "description", cooperative_form_fields
    ),
    "publications-index": Case(
        PublicationsIndexPage, publish_index(PublicationsIndexPage), "intro"
    ),
    "section": Case(SectionPage, publish_section, "intro"),
    "news": Case(NewsPage, publish_publication(NewsPageFactory), "intro", publication_form_fields),
    "guide": Case(
        GuidePage, publish_publication(GuidePageFactory), "intro", publication_form_fields
    ),
    "event": Case(
        EventPage, publish_publication(EventPageFactory), "intro", publication_form_fields
    ),
}

# A cooperative's capacity differs too: 800 pieces of sewing a week live, 150 meals a day of
# catering in the draft.
LIVE_CAPACITY = (800, "szt.", "week", "sewing")
DRAFT_CAPACITY = (150, "posiłków", "day", "catering")
CAPACITY_TEXT = {
    LIVE_CAPACITY: "800 szt. tygodniowo",
    DRAFT_CAPACITY: "150 posiłków dziennie",
}


def versions(kind: str) -> tuple[Version, Version]:
    live, draft = version(kind, "opublikowana"), version(kind, "robocza")
    if CASES[kind].model is CooperativePage:
        live = Version(live.title, live.text, LIVE_CAPACITY)
        draft = Version(draft.title, draft.text, DRAFT_CAPACITY)
    return live, draft


@pytest.fixture
def admin():
    """An administrator with the authenticator app the admin requires of them (the
    factory gives a superuser one; without it every admin address sends them to set it up)."""
    return UserFactory(username="admin", is_staff=True, is_superuser=True)


@pytest.fixture
def signed_in(client, admin):
    client.force_login(admin)
    return client


# -- what a response shows


def html(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def heading(page_html: str) -> str:
    return re.search(r"<h1>(.*?)</h1>", page_html, re.S).group(1).strip()


def capacities(page_html: str) -> list[str]:
    found = re.search(r'<ul class="capacities">(.*?)</ul>', page_html, re.S)
    return re.findall(r"<li>(.*?)</li>", found.group(1)) if found else []


def assert_shows(page_html: str, shown: Version, hidden: Version) -> None:
    assert heading(page_html) == shown.title
    assert shown.text in page_html
    assert hidden.text not in page_html
    assert f"<h1>{hidden.title}</h1>" not in page_html
    if shown.capacity:
        label = Capability.objects.get(code=shown.capacity[3]).label
        assert capacities(page_html) == [f"{CAPACITY_TEXT[shown.capacity]} — {label}"]


# -- drafts, previews and reviews


def save_draft(page, draft: Version, text_field: str, user):
    """The draft as a revision: the live row stays as it was."""
    page.title = draft.title
    setattr(page, text_field, f"<p>{draft.text}</p>" if page.__class__ is HomePage else draft.text)
    if draft.capacity:
        page.capacities = [capacity_row(draft.capacity)]
    return page.save_revision(user=user)


def edit_form(case: Case, page, draft: Version) -> dict:
    """The edit form as the editor sends it with ``draft`` typed in."""
    text = rich_text(f"<p>{draft.text}</p>") if case.model is HomePage else draft.text
    rows = []
    if draft.capacity:
        # The live row is deleted and a new one added, as the inline panel does it.
        (live_row,) = page.capacities.all()
        rows = [
            {
                **live_row.as_record(),
                "capability": live_row.capability_id,
                "id": live_row.pk,
                "DELETE": "on",
            },
            {
                "capability": Capability.objects.get(code=draft.capacity[3]).pk,
                "amount": draft.capacity[0],
                "unit": draft.capacity[1],
                "per": draft.capacity[2],
            },
        ]
    formsets = nested_form_data(
        {
            "body": streamfield([]),
            "gallery_images": inline_formset([]),
            "certificates": inline_formset([]),
            "capacities": inline_formset(rows, initial=1 if rows else 0),
            "comments": inline_formset([]),
        }
    )
    return {
        **formsets,
        "title": draft.title,
        "slug": page.slug,
        case.text_field: text,
        **case.form_fields(page),
    }


def published(kind: str):
    case = CASES[kind]
    live, draft = versions(kind)
    # Read back from the database: the instance that published keeps its in-memory children.
    page = case.model.objects.get(pk=case.publish(live).pk)
    return case, page, live, draft


def test_every_page_type_of_the_project_has_a_rendering_case():
    ours = {model for model in get_page_models() if model._meta.app_label in PROJECT_APPS}
    assert ours, "no page model found: the discovery itself is broken"
    assert {case.model for case in CASES.values()} == ours


@pytest.mark.parametrize("kind", CASES)
def test_view_draft_shows_the_saved_revision_not_the_live_page(signed_in, admin, kind):
    case, page, live, draft = published(kind)
    save_draft(page, draft, case.text_field, admin)
    shown = html(signed_in.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk])))
    assert_shows(shown, draft, live)
    # The public page still shows the live version.
    assert_shows(html(signed_in.get(page.url)), live, draft)


@pytest.mark.parametrize("kind", CASES)
def test_preview_shows_the_edit_form_not_the_live_page(signed_in, kind):
    case, page, live, draft = published(kind)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    answer = signed_in.post(url, edit_form(case, page, draft)).json()
    assert answer["is_valid"], answer
    assert_shows(html(signed_in.get(url)), draft, live)
    # Previewing saves nothing: the live page and its capacity are unchanged.
    assert_shows(html(signed_in.get(page.url)), live, draft)


@pytest.mark.parametrize("kind", CASES)
def test_workflow_preview_shows_the_revision_under_review(signed_in, admin, kind):
    case, page, live, draft = published(kind)
    revision = save_draft(page, draft, case.text_field, admin)
    workflow = page.get_workflow()
    assert workflow is not None, f"{kind} pages have no moderation workflow"
    workflow.start(page, admin)
    page.refresh_from_db()
    task_state = page.current_workflow_task_state
    assert task_state.revision_id == revision.pk
    url = reverse("wagtailadmin_pages:workflow_preview", args=[page.pk, task_state.task_id])
    assert_shows(html(signed_in.get(url)), draft, live)
    assert_shows(html(signed_in.get(page.url)), live, draft)
