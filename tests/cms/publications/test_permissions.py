"""Who may write where: a centre's members add and edit pages in their own section only, never
publish, and their pages go through the regional moderation; a company writes nothing."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from cms import roles
from cms.models import Organisation, Voivodeship
from cms.models.publications import NewsPage
from cms.publications.sections import open_section
from tests.cms.factories import OrganisationFactory, member_of
from tests.cms.publications.factories import NewsPageFactory, publish, section_of
from tests.partners.factories import PartnerPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    rops_30, section_30 = section_of("ROPS Poznań", "30")
    owes_30, owes_section = section_of("OWES Konin", "30", kind=Organisation.Kind.OWES)
    rops_10, section_10 = section_of("ROPS Łódź", "10")
    company_page = PartnerPageFactory(title="Firma Testowa", slug="firma-testowa")
    company = OrganisationFactory(name="Firma", kind=Organisation.Kind.COMPANY, page=company_page)
    roles.grant_page_rights(company)
    return {
        "section_30": section_30,
        "owes_section": owes_section,
        "section_10": section_10,
        "news_10": publish(section_10, NewsPageFactory(title="Z Łodzi")),
        "rops_30": member_of(rops_30),
        "owes_30": member_of(owes_30),
        "rops_10": member_of(rops_10),
        "company": member_of(company),
    }


def add_url(parent, model=NewsPage):
    return reverse(
        "wagtailadmin_pages:add",
        args=[model._meta.app_label, model._meta.model_name, parent.pk],
    )


def news_form(title, slug, **extra):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "intro": "Krótko.",
            "body": streamfield([("paragraph", rich_text("<p>Treść.</p>"))]),
            "body_en": streamfield([]),
            "comments": inline_formset([]),
            **extra,
        }
    )


def refused(response) -> bool:
    """403, or the admin's way of refusing: a redirect to its dashboard or to its login."""
    if response.status_code == 302:
        return response["Location"] == "/admin/" or response["Location"].startswith("/admin/login")
    return response.status_code == 403


def test_member_submits_a_news_item_in_their_section_to_moderation(client, world):
    client.force_login(world["owes_30"])
    response = client.post(
        add_url(world["owes_section"]),
        {**news_form("Nabór do projektu", "nabor"), "action-submit": "Submit"},
    )
    assert response.status_code == 302, response.content[:2000]
    page = NewsPage.objects.get(slug="nabor")
    assert page.live is False
    assert page.get_parent().pk == world["owes_section"].pk
    # The section's region, for the regional centre to moderate.
    assert page.voivodeship == Voivodeship.objects.get(teryt="30")
    assert page.current_workflow_task_state.task.specific.__class__.__name__ == (
        "RegionalApprovalTask"
    )


def test_member_cannot_publish_even_when_asking_to(client, world):
    client.force_login(world["owes_30"])
    client.post(
        add_url(world["owes_section"]),
        {**news_form("Od razu", "od-razu"), "action-publish": "Publish"},
    )
    page = NewsPage.objects.filter(slug="od-razu").first()
    assert page is None or page.live is False
    assert client.get("/publikacje/owes-konin/od-razu/").status_code == 404


def test_the_region_s_centre_approves_and_the_page_goes_live(client, world):
    client.force_login(world["owes_30"])
    client.post(
        add_url(world["owes_section"]),
        {**news_form("Do zatwierdzenia", "do-zatwierdzenia"), "action-submit": "Submit"},
    )
    page = NewsPage.objects.get(slug="do-zatwierdzenia")
    state = page.current_workflow_task_state
    task = state.task.specific
    assert task.get_actions(page, world["rops_10"]) == []
    assert not task.get_task_states_user_can_moderate(world["rops_10"]).exists()
    assert [name for name, *_ in task.get_actions(page, world["rops_30"])] == [
        "reject",
        "approve",
        "approve",
    ]
    state.workflow_state.current_task_state.task.specific.on_action(
        state, world["rops_30"], "approve"
    )
    page.refresh_from_db()
    assert page.live
    assert client.get("/publikacje/owes-konin/do-zatwierdzenia/").status_code == 200


def test_member_edits_their_own_pages_but_not_another_section_s(client, world):
    own = publish(world["section_30"], NewsPageFactory(title="Nasza"))
    client.force_login(world["rops_30"])
    assert client.get(reverse("wagtailadmin_pages:edit", args=[own.pk])).status_code == 200
    assert client.get(add_url(world["section_30"])).status_code == 200
    assert refused(client.get(reverse("wagtailadmin_pages:edit", args=[world["news_10"].pk])))
    assert refused(client.get(add_url(world["section_10"])))
    assert refused(client.get(add_url(world["owes_section"])))
    response = client.post(
        add_url(world["section_10"]), {**news_form("Cudza", "cudza"), "action-submit": "Submit"}
    )
    assert refused(response)
    assert not NewsPage.objects.filter(slug="cudza").exists()


def test_a_company_member_writes_no_publication(client, world):
    client.force_login(world["company"])
    for section in ("section_30", "section_10"):
        assert refused(client.get(add_url(world[section])))
    assert refused(client.get(reverse("wagtailadmin_pages:edit", args=[world["news_10"].pk])))
    response = client.post(
        add_url(world["section_30"]), {**news_form("Firmowa", "firmowa"), "action-submit": "Submit"}
    )
    assert refused(response)
    assert not NewsPage.objects.filter(slug="firmowa").exists()


def test_leaving_the_centre_takes_the_rights_away(client, world):
    user = world["rops_30"]
    membership = user.memberships.get()
    membership.status = membership.Status.REJECTED
    membership.save()
    roles.sync_user_rights(user)
    client.force_login(user)
    assert refused(client.get(add_url(world["section_30"])))


def test_only_regional_centres_and_owes_get_a_section():
    cooperative = OrganisationFactory(name="Spółdzielnia", kind=Organisation.Kind.COOPERATIVE)
    with pytest.raises(ValidationError):
        open_section(cooperative)
    assert not Page.objects.filter(title="Spółdzielnia").exists()
