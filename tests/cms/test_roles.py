"""The permission matrix: who may edit, publish, moderate, invite and approve — and who may not."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from cms import roles
from cms.models import Membership, Organisation, Voivodeship
from cooperatives.models import CooperativePage
from partners.models import PartnerPage
from partners.needs import companies_of
from tests.cms.factories import (
    MembershipFactory,
    OrganisationFactory,
    RegionalCentreFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def member_of(organisation, **kwargs):
    membership = MembershipFactory(organisation=organisation, **kwargs)
    roles.sync_user_rights(membership.user)
    return membership.user


@pytest.fixture
def world(small_directory):
    """Cooperative A in Wielkopolska, cooperative B in Łódzkie, a company, two regional centres."""
    igla = CooperativePage.objects.get(slug="ss-igla")
    smak = CooperativePage.objects.get(slug="ss-smak")
    coop_a = OrganisationFactory(name="Igła", page=igla)
    coop_b = OrganisationFactory(name="Smak", page=smak)
    company = OrganisationFactory(
        name="Firma", kind=Organisation.Kind.COMPANY, page=PartnerPage.objects.get()
    )
    rops_wlkp = RegionalCentreFactory(name="ROPS Poznań")
    rops_lodz = RegionalCentreFactory(
        name="ROPS Łódź", voivodeship=Voivodeship.objects.get(teryt="10")
    )
    for organisation in (coop_a, coop_b, company):
        roles.grant_page_rights(organisation)
    return {
        "igla": igla,
        "smak": smak,
        "coop_a": coop_a,
        "coop_b": coop_b,
        "company": company,
        "editor_a": member_of(coop_a),
        "company_member": member_of(company),
        "moderator_wlkp": member_of(rops_wlkp),
        "moderator_lodz": member_of(rops_lodz),
    }


def can_edit(user, page):
    return page.permissions_for_user(user).can_edit()


def test_member_of_a_edits_a_but_not_b(world):
    assert can_edit(world["editor_a"], world["igla"])
    assert not can_edit(world["editor_a"], world["smak"])


def test_member_may_not_publish_so_changes_go_to_moderation(world):
    assert not world["igla"].permissions_for_user(world["editor_a"]).can_publish()


def test_member_reaches_the_edit_form_of_a_only(client, world):
    client.force_login(world["editor_a"])
    assert client.get(f"/admin/pages/{world['igla'].pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{world['smak'].pk}/edit/").status_code in (302, 403)


def test_company_member_never_gets_page_editing_or_the_admin(client, world):
    member = world["company_member"]
    assert not member.has_perm("wagtailadmin.access_admin")
    assert not can_edit(member, PartnerPage.objects.get())
    client.force_login(member)
    assert client.get("/admin/").status_code == 302


def test_requested_membership_gives_no_rights(world):
    user = UserFactory()
    roles.request_to_join(world["coop_a"], user)
    roles.sync_user_rights(user)
    assert not can_edit(user, world["igla"])


def test_unapproved_organisation_gives_no_rights(world):
    world["coop_a"].approved = False
    world["coop_a"].save()
    roles.sync_user_rights(world["editor_a"])
    assert not can_edit(world["editor_a"], world["igla"])


def test_removing_the_membership_removes_the_rights(world):
    Membership.objects.filter(user=world["editor_a"]).delete()
    roles.sync_user_rights(world["editor_a"])
    assert not can_edit(world["editor_a"], world["igla"])


def test_approving_a_new_cooperative_gives_it_a_draft_page_its_members_can_edit(world):
    organisation = OrganisationFactory(
        name="Spółdzielnia Nowa", approved=False, voivodeship=Voivodeship.objects.get(teryt="30")
    )
    user = member_of(organisation)
    roles.approve_organisation(organisation)
    page = organisation.page.specific
    assert isinstance(page, CooperativePage) and not page.live
    assert can_edit(user, page)


def test_approving_a_new_company_gives_it_a_draft_profile_its_needs_hang_on(world):
    organisation = OrganisationFactory(
        name="Firma Nowa",
        kind=Organisation.Kind.COMPANY,
        approved=False,
        voivodeship=Voivodeship.objects.get(teryt="30"),
    )
    user = member_of(organisation)
    assert companies_of(user) == []
    roles.approve_organisation(organisation)
    page = organisation.page.specific
    assert isinstance(page, PartnerPage) and not page.live
    assert page.title == "Firma Nowa"
    assert companies_of(user) == [page]
    # A company works through the site's forms; it gets no rights in the page admin.
    assert not can_edit(user, page)


def test_regional_moderator_decides_requests_of_their_region_only(world):
    user = UserFactory()
    membership = roles.request_to_join(world["coop_a"], user, "Jestem instruktorką.")
    with pytest.raises(PermissionDenied):
        roles.decide(membership, world["moderator_lodz"], approve=True)
    assert membership in roles.pending_requests_for(world["moderator_wlkp"])
    assert membership not in roles.pending_requests_for(world["moderator_lodz"])
    roles.decide(membership, world["moderator_wlkp"], approve=True)
    assert can_edit(user, world["igla"])
    assert mail.outbox[-1].to == [user.email]


def test_editor_cannot_decide_join_requests(client, world):
    membership = roles.request_to_join(world["coop_a"], UserFactory())
    client.force_login(world["editor_a"])
    response = client.post(f"/organisations/requests/{membership.pk}/", {"decision": "approve"})
    assert response.status_code == 403
    membership.refresh_from_db()
    assert membership.status == Membership.Status.REQUESTED


def test_invitation_is_emailed_and_accepted_by_that_address_only(world):
    manager = member_of(world["coop_a"], role=Membership.Role.MANAGER)
    invitation = roles.invite(world["coop_a"], "nowa@example.org", manager)
    assert mail.outbox[-1].to == ["nowa@example.org"]
    assert f"/organisations/invitations/{invitation.token}/" in mail.outbox[-1].body
    with pytest.raises(ValidationError, match=r"nowa@example\.org"):
        roles.accept_invitation(invitation, UserFactory())
    invited = UserFactory(email="nowa@example.org")
    roles.accept_invitation(invitation, invited)
    assert can_edit(invited, world["igla"])
    with pytest.raises(ValidationError, match="zostało już wykorzystane"):
        roles.accept_invitation(invitation, invited)


def test_plain_member_cannot_invite(client, world):
    client.force_login(world["editor_a"])
    response = client.post(
        f"/organisations/{world['coop_a'].pk}/invite/", {"email": "x@example.org"}
    )
    assert response.status_code == 403
    assert mail.outbox == []


def submit_for_moderation(page, user, description):
    page.description = description
    revision = page.save_revision(user=user)
    page.get_workflow().start(page, user)
    return revision


def act(page, user, action, comment=""):
    page.refresh_from_db()
    state = page.current_workflow_task_state
    state.task.specific.on_action(state, user, action, comment=comment)


def test_moderator_of_the_region_approves_and_the_change_goes_live(client, world):
    page = world["igla"]
    submit_for_moderation(page, world["editor_a"], "Nowy opis po zmianach.")
    assert "Nowy opis" not in client.get("/spoldzielnie/ss-igla/").content.decode()
    task = page.current_workflow_task_state.task.specific
    assert task.get_actions(page, world["moderator_lodz"]) == []
    assert [a[0] for a in task.get_actions(page, world["moderator_wlkp"])][:2] == [
        "reject",
        "approve",
    ]
    act(page, world["moderator_wlkp"], "approve")
    assert "Nowy opis po zmianach." in client.get("/spoldzielnie/ss-igla/").content.decode()


def test_rejected_edit_is_not_public_and_the_editor_sees_the_comment(client, world):
    page = world["igla"]
    submit_for_moderation(page, world["editor_a"], "Opis z błędem.")
    act(page, world["moderator_wlkp"], "reject", comment="Proszę dodać moce przerobowe.")
    assert "Opis z błędem." not in client.get("/spoldzielnie/ss-igla/").content.decode()
    page.refresh_from_db()
    state = page.workflow_states.order_by("-created_at").first()
    task_state = state.task_states.get()
    assert task_state.status == task_state.STATUS_REJECTED
    assert task_state.get_comment() == "Proszę dodać moce przerobowe."


def test_anonymous_visitor_cannot_reach_the_organisation_pages(client):
    response = client.get("/organisations/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_admin_approve_action_works_for_the_region_and_is_refused_elsewhere(client, world):
    from django.urls import reverse

    page = world["igla"]
    submit_for_moderation(page, world["editor_a"], "Zmiana do zatwierdzenia.")
    page.refresh_from_db()
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, "approve", page.current_workflow_task_state.pk],
    )
    client.force_login(world["moderator_lodz"])
    refused = client.post(url)
    # Wagtail's admin turns PermissionDenied into a redirect to its dashboard.
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")
    assert "Zmiana do zatwierdzenia." not in client.get("/spoldzielnie/ss-igla/").content.decode()
    client.force_login(world["moderator_wlkp"])
    client.post(url)
    assert "Zmiana do zatwierdzenia." in client.get("/spoldzielnie/ss-igla/").content.decode()
