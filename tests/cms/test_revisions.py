"""Drafts, previews and the regional review render the version being reviewed, for every page type.

A page shown by "view draft", by the editor's preview or by a moderator's
workflow preview is rebuilt from its revision (or from the edit form), so
its links to other profiles are that version's own, held in memory. Each
draft here differs from the live page in its title and in its links, and
links a workshop that is not published and one behind a password, so
reading the live links, or every link, gives a different page.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms import roles
from cms.models import HomePage, Organisation, Voivodeship
from cooperatives.models import Capability, CooperativeIndexPage, CooperativePage
from partners.models import PartnerPage, Partnership
from tests.cms.factories import OrganisationFactory, RegionalCentreFactory, UserFactory, member_of
from tests.conftest import ModuleData
from tests.workshops.factories import WorkshopPageFactory
from workshops.models import WorkshopIndexPage, WorkshopPage

pytestmark = pytest.mark.django_db

# Live and draft titles share no word, so the compare view shows each whole.
IGLA_LIVE = "Spółdzielnia Socjalna „Igła”"
IGLA_DRAFT = "Pracownia krawiecka Ostrów"
TESTOWO_LIVE = "Warsztat Terapii Zajęciowej w Testowie"
TESTOWO_DRAFT = "Pracownia rękodzieła Jeżyce"
FIRMA_LIVE = "Firma Testowa Sp. z o.o."
FIRMA_DRAFT = "Hurtownia Zielona spółka akcyjna"
NEW_WORKSHOP = "WTZ Nowe Miasto"
UNPUBLISHED_WORKSHOP = "WTZ jeszcze nieopublikowany"
PRIVATE_WORKSHOP = "WTZ za hasłem"
UNPUBLISHED_COOPERATIVE = "Spółdzielnia jeszcze nieopublikowana"


def add_workshop(title, slug, live=True):
    return WorkshopPageFactory(title=title, slug=slug, live=live)


def regional_centre(teryt, name):
    return RegionalCentreFactory(name=name, voivodeship=Voivodeship.objects.get(teryt=teryt))


def build_world() -> dict:
    """Editors, moderators of three regions, and workshops a draft may link: one public, one
    unpublished, one behind a password (on the small directory)."""
    igla = CooperativePage.objects.get(slug="ss-igla")  # Wielkopolska, links Testowo
    testowo = WorkshopPage.objects.get(slug="wtz-testowo")  # Wielkopolska
    firma = PartnerPage.objects.get(slug="firma-testowa")  # Mazowsze
    private_workshop = add_workshop(PRIVATE_WORKSHOP, "wtz-za-haslem")
    PageViewRestriction.objects.create(
        page=private_workshop, restriction_type=PageViewRestriction.PASSWORD, password="tajne"
    )
    # A cooperative not published yet links Testowo: the workshop page must not show it.
    CooperativeIndexPage.objects.get().add_child(
        instance=CooperativePage(
            title=UNPUBLISHED_COOPERATIVE, slug="ss-w-budowie", live=False, workshops=[testowo]
        )
    )
    cooperative = OrganisationFactory(name="Igła", page=igla)
    workshop = OrganisationFactory(
        name="WTZ Testowo", kind=Organisation.Kind.WORKSHOP, page=testowo
    )
    company = OrganisationFactory(name="Firma", kind=Organisation.Kind.COMPANY, page=firma)
    for organisation in (cooperative, workshop, company):
        roles.grant_page_rights(organisation)
    return {
        "igla": igla,
        "testowo": testowo,
        "firma": firma,
        "new_workshop": add_workshop(NEW_WORKSHOP, "wtz-nowe-miasto"),
        "unpublished_workshop": add_workshop(UNPUBLISHED_WORKSHOP, "wtz-w-budowie", live=False),
        "private_workshop": private_workshop,
        "cooperative_editor": member_of(cooperative),
        "workshop_editor": member_of(workshop),
        "company_member": member_of(company),
        # An administrator, with the authenticator app the admin requires of them.
        "admin": UserFactory(username="admin", is_staff=True, is_superuser=True),
        "moderator_wielkopolska": member_of(regional_centre("30", "ROPS Poznań")),
        "moderator_mazowsze": member_of(regional_centre("14", "ROPS Warszawa")),
        "moderator_lodz": member_of(regional_centre("10", "ROPS Łódź")),
    }


@pytest.fixture(scope="module")
def _world_once(_small_directory_once, module_data):
    return module_data.build(build_world)


@pytest.fixture
def world(_world_once, small_directory):
    return ModuleData.use(_world_once, build_world)


# -- the draft of each page type


def cooperative_draft(world):
    page = world["igla"]
    page.title = IGLA_DRAFT
    linked = ("new_workshop", "unpublished_workshop", "private_workshop")
    page.workshops = [world[name] for name in linked]
    return page.save_revision(user=world["cooperative_editor"])


def workshop_draft(world):
    page = world["testowo"]
    page.title = TESTOWO_DRAFT
    page.activity_areas = [Capability.objects.get(code="catering")]
    return page.save_revision(user=world["workshop_editor"])


def partner_draft(world):
    page = world["firma"]
    page.title = FIRMA_DRAFT
    page.sector = "hurt spożywczy"
    return page.save_revision(user=world["admin"])


@dataclass(frozen=True)
class Case:
    page: str
    save_draft: Callable
    # A company's members edit no pages (architecture.md), so an administrator edits a partner.
    editor: str
    moderator: str
    live_title: str
    draft_title: str
    # The section listing linked profiles, and what it lists live and in the draft.
    links_heading: str = ""
    live_links: frozenset = frozenset()
    draft_links: frozenset = frozenset()


CASES = {
    "cooperative": Case(
        "igla",
        cooperative_draft,
        "cooperative_editor",
        "moderator_wielkopolska",
        IGLA_LIVE,
        IGLA_DRAFT,
        "workshops-heading",
        live_links=frozenset({TESTOWO_LIVE}),
        draft_links=frozenset({NEW_WORKSHOP}),
    ),
    "workshop": Case(
        "testowo",
        workshop_draft,
        "workshop_editor",
        "moderator_wielkopolska",
        TESTOWO_LIVE,
        TESTOWO_DRAFT,
        # Cooperatives link workshops, so these are the published cooperatives' links.
        "cooperatives-heading",
        live_links=frozenset({IGLA_LIVE}),
        draft_links=frozenset({IGLA_LIVE}),
    ),
    "partner": Case("firma", partner_draft, "admin", "moderator_mazowsze", FIRMA_LIVE, FIRMA_DRAFT),
}


# -- reading what a response shows


def text(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def heading(response) -> str:
    return re.search(r"<h1>(.*?)</h1>", text(response), re.S).group(1).strip()


def section_links(response, heading_id) -> frozenset[str]:
    """The link texts of the section labelled ``heading_id`` (none when it is absent)."""
    if not heading_id:
        return frozenset()
    found = re.search(
        rf'<section aria-labelledby="{heading_id}">(.*?)</section>', text(response), re.S
    )
    return frozenset(re.findall(r"<a [^>]*>(.*?)</a>", found.group(1)) if found else ())


def compared_titles(response) -> tuple[list[str], list[str]]:
    """What the compare view marks as removed and as added."""
    html = text(response)
    return (
        re.findall(r'<span class="deletion">(.*?)</span>', html),
        re.findall(r'<span class="addition">(.*?)</span>', html),
    )


def refused(response, url) -> bool:
    """403, or the admin's way of refusing: away to its dashboard (or to the login page)."""
    if response.status_code == 302:
        return not response["Location"].startswith(url)
    return response.status_code == 403


# -- the admin's addresses and forms


def view_draft_url(page):
    return reverse("wagtailadmin_pages:view_draft", args=[page.pk])


def compare_url(page, revision):
    return reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, "live", revision.pk])


def workflow_preview_url(page, task_state):
    return reverse("wagtailadmin_pages:workflow_preview", args=[page.pk, task_state.task_id])


def submit(page, user):
    """Send the page's latest revision to its moderation workflow; the task state under way."""
    page.get_workflow().start(page, user)
    page.refresh_from_db()
    return page.current_workflow_task_state


def form_data(**fields):
    """Edit-form data: the given fields (a list for a multiple choice), no inline items."""
    empty = nested_form_data(
        {
            "body": streamfield([]),
            "gallery_images": inline_formset([]),
            "certificates": inline_formset([]),
            "capacities": inline_formset([]),
            "comments": inline_formset([]),
        }
    )
    return {**empty, **fields}


def preview(client, url, data):
    """What the preview panel shows for ``data`` typed into the form at ``url``."""
    assert client.post(url, data).json()["is_valid"]
    return client.get(url)


def preview_on_edit_url(page):
    return reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])


def preview_on_add_url(model, parent):
    opts = model._meta
    return reverse(
        "wagtailadmin_pages:preview_on_add", args=[opts.app_label, opts.model_name, parent.pk]
    )


def sewing() -> int:
    return Capability.objects.get(code="sewing").pk


# -- drafts and previews render the version being edited


@pytest.mark.parametrize("kind", CASES)
def test_editor_views_the_draft_with_its_own_title_and_public_links(client, world, kind):
    case = CASES[kind]
    page = world[case.page]
    case.save_draft(world)
    client.force_login(world[case.editor])
    response = client.get(view_draft_url(page))
    assert heading(response) == case.draft_title
    assert section_links(response, case.links_heading) == case.draft_links


@pytest.mark.parametrize("kind", CASES)
def test_public_page_shows_the_live_version_while_a_draft_waits(client, world, kind):
    case = CASES[kind]
    page = world[case.page]
    case.save_draft(world)
    response = client.get(page.url)
    assert heading(response) == case.live_title
    assert section_links(response, case.links_heading) == case.live_links


def test_cooperative_preview_shows_the_form_s_title_and_public_workshops(client, world):
    page = world["igla"]
    client.force_login(world["cooperative_editor"])
    chosen = [world[name].pk for name in ("new_workshop", "unpublished_workshop")]
    data = form_data(title="Igła w podglądzie", slug=page.slug, capabilities=[sewing()])
    response = preview(client, preview_on_edit_url(page), {**data, "workshops": chosen})
    assert heading(response) == "Igła w podglądzie"
    assert section_links(response, "workshops-heading") == {NEW_WORKSHOP}


def test_workshop_preview_shows_the_form_s_title_and_areas(client, world):
    page = world["testowo"]
    client.force_login(world["workshop_editor"])
    catering = Capability.objects.get(code="catering")
    data = form_data(title="Testowo w podglądzie", slug=page.slug, activity_areas=[catering.pk])
    response = preview(client, preview_on_edit_url(page), data)
    assert heading(response) == "Testowo w podglądzie"
    areas = re.search(r'<ul class="tags">(.*?)</ul>', text(response), re.S).group(1)
    assert re.findall(r"<li>(.*?)</li>", areas) == [catering.label]
    assert section_links(response, "cooperatives-heading") == {IGLA_LIVE}


def test_partner_preview_shows_the_form_s_title_and_sector(client, world):
    page = world["firma"]
    client.force_login(world["admin"])
    data = form_data(title="Firma w podglądzie", slug=page.slug, sector="meble")
    response = preview(client, preview_on_edit_url(page), data)
    assert heading(response) == "Firma w podglądzie"
    assert "<p>Branża: meble</p>" in text(response)


def test_preview_of_a_new_workshop_lists_nothing_it_is_not_linked_to(client, world):
    """A page being created has no primary key yet: no cooperative links to it, and no
    partnership, not even one that names no workshop at all."""
    Partnership.objects.create(
        slug="bez-wtz", cooperative=world["igla"], partner=world["firma"], status="active"
    )
    client.force_login(world["admin"])
    url = preview_on_add_url(WorkshopPage, WorkshopIndexPage.objects.get())
    response = preview(client, url, form_data(title="Nowy warsztat", slug="nowy-warsztat"))
    assert heading(response) == "Nowy warsztat"
    assert section_links(response, "cooperatives-heading") == set()
    assert section_links(response, "partnerships-heading") == set()


def test_preview_of_a_new_cooperative_lists_its_chosen_public_workshops(client, world):
    client.force_login(world["admin"])
    url = preview_on_add_url(CooperativePage, CooperativeIndexPage.objects.get())
    chosen = [world[name].pk for name in ("new_workshop", "private_workshop")]
    data = form_data(title="Nowa spółdzielnia", slug="nowa", capabilities=[sewing()])
    response = preview(client, url, {**data, "workshops": chosen})
    assert heading(response) == "Nowa spółdzielnia"
    assert section_links(response, "workshops-heading") == {NEW_WORKSHOP}


@pytest.mark.parametrize(
    ("model", "intro"),
    [
        (HomePage, rich_text("<p>Nowy wstęp</p>")),
        (CooperativeIndexPage, "Nowy wstęp"),
        (WorkshopIndexPage, "Nowy wstęp"),
    ],
    # Named, not by value: the rich text's block keys are random, and the parallel test
    # processes must collect the same test ids.
    ids=["home", "cooperatives", "workshops"],
)
def test_home_and_directory_pages_render_draft_preview_and_review(client, world, model, intro):
    """Only administrators edit and approve these (no region owns them)."""
    page = model.objects.get()
    live_title = page.title
    page.title = "Wersja robocza strony"
    revision = page.save_revision(user=world["admin"])
    client.force_login(world["admin"])
    assert heading(client.get(view_draft_url(page))) == "Wersja robocza strony"
    data = form_data(title="Strona w podglądzie", slug=page.slug, intro=intro)
    previewed = preview(client, preview_on_edit_url(page), data)
    assert heading(previewed) == "Strona w podglądzie"
    assert "Nowy wstęp" in text(previewed)
    task_state = submit(page, world["admin"])
    assert heading(client.get(workflow_preview_url(page, task_state))) == "Wersja robocza strony"
    assert compared_titles(client.get(compare_url(page, revision))) == (
        [live_title],
        ["Wersja robocza strony"],
    )
    assert heading(client.get(page.url)) == live_title


# -- the regional review: the workflow preview and the comparison with the live version


@pytest.mark.parametrize("kind", CASES)
def test_region_moderator_previews_and_compares_the_revision_under_review(client, world, kind):
    case = CASES[kind]
    page = world[case.page]
    revision = case.save_draft(world)
    task_state = submit(page, world[case.editor])
    assert task_state.revision_id == revision.pk
    client.force_login(world[case.moderator])

    previewed = client.get(workflow_preview_url(page, task_state))
    assert heading(previewed) == case.draft_title
    assert section_links(previewed, case.links_heading) == case.draft_links

    removed, added = compared_titles(client.get(compare_url(page, revision)))
    assert case.live_title in removed
    assert case.draft_title in added


@pytest.mark.parametrize("kind", CASES)
def test_other_region_and_company_may_not_see_the_revision_under_review(client, world, kind):
    case = CASES[kind]
    page = world[case.page]
    revision = case.save_draft(world)
    task_state = submit(page, world[case.editor])
    urls = [
        compare_url(page, revision),
        workflow_preview_url(page, task_state),
        view_draft_url(page),
    ]
    for outsider in ("moderator_lodz", "company_member"):
        client.force_login(world[outsider])
        for url in urls:
            response = client.get(url)
            assert refused(response, url), (outsider, url, response.status_code)
            assert case.draft_title not in response.content.decode()


def test_region_moderator_may_not_compare_once_the_review_is_over(client, world):
    page = world["igla"]
    revision = cooperative_draft(world)
    task_state = submit(page, world["cooperative_editor"])
    client.force_login(world["moderator_wielkopolska"])
    assert client.get(compare_url(page, revision)).status_code == 200
    task_state.task.specific.on_action(task_state, world["moderator_wielkopolska"], "reject")
    assert refused(client.get(compare_url(page, revision)), compare_url(page, revision))


def test_moderator_finds_preview_and_compare_on_the_admin_dashboard(client, world):
    page = world["igla"]
    revision = cooperative_draft(world)
    task_state = submit(page, world["cooperative_editor"])
    client.force_login(world["moderator_wielkopolska"])
    dashboard = text(client.get(reverse("wagtailadmin_home")))
    assert compare_url(page, revision) in dashboard
    assert workflow_preview_url(page, task_state) in dashboard
    client.force_login(world["moderator_lodz"])
    assert compare_url(page, revision) not in text(client.get(reverse("wagtailadmin_home")))


def test_editor_compares_their_own_draft_with_the_live_page(client, world):
    page = world["igla"]
    revision = cooperative_draft(world)
    client.force_login(world["cooperative_editor"])
    removed, added = compared_titles(client.get(compare_url(page, revision)))
    assert (IGLA_LIVE in removed, IGLA_DRAFT in added) == (True, True)
