"""The moderation path in a browser: WTZ staff edit, the regional centre approves, it goes live."""

import pytest
from wagtail.users.models import UserProfile

from cms import roles
from cms.models import Organisation, Voivodeship
from cooperatives.models import CooperativePage
from tests.cms.factories import PASSWORD, MembershipFactory, OrganisationFactory, totp_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEW_TEXT = "Szyjemy fartuchy i torby; od stycznia dwie zmiany."


def person(organisation):
    membership = MembershipFactory(organisation=organisation)
    roles.sync_user_rights(membership.user)
    profile = UserProfile.get_for_user(membership.user)
    profile.preferred_language = "en"
    profile.save()
    return membership.user


def admin_login(page, user):
    """The admin's login is the site's: e-mail and password, then the authenticator app's
    code for those who must have one (the regional centre's member here)."""
    page.goto("/admin/login/")
    # The login form speaks the site's default language (Polish); fields by their ids.
    page.locator("#id_login").fill(user.email)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Zaloguj", exact=True).click()
    if roles.can_see_regional_dashboard(user):
        page.wait_for_url("**/accounts/2fa/authenticate/")
        page.locator("#id_code").fill(totp_code())
        page.get_by_role("button", name="Zaloguj", exact=True).click()
    page.wait_for_url("**/admin/")


def test_staff_edit_is_approved_by_the_regional_centre_and_shown_publicly(page, small_directory):
    cooperative = CooperativePage.objects.get(slug="ss-igla")
    coop = OrganisationFactory(name="Igła", page=cooperative)
    roles.approve_organisation(coop)
    rops = OrganisationFactory(
        name="ROPS Poznań",
        kind=Organisation.Kind.REGIONAL_CENTRE,
        voivodeship=Voivodeship.objects.get(teryt="30"),
    )
    staff, moderator = person(coop), person(rops)

    admin_login(page, staff)
    page.goto(f"/admin/pages/{cooperative.pk}/edit/")
    page.get_by_role("textbox", name="Short description").fill(NEW_TEXT)
    page.locator("[data-w-dropdown-target='toggle']").last.click()
    page.get_by_role("button", name="Submit to ROPS").click()
    page.get_by_text("has been submitted for moderation").wait_for()
    cooperative.refresh_from_db()
    assert cooperative.workflow_in_progress
    page.goto("/spoldzielnie/ss-igla/")
    assert NEW_TEXT not in page.content()
    page.context.clear_cookies()

    admin_login(page, moderator)
    page.goto(f"/admin/pages/{cooperative.pk}/edit/")
    page.locator("[data-w-dropdown-target='toggle']").last.click()
    page.get_by_role("button", name="Approve and Publish", exact=True).click()
    page.get_by_text("has been updated").wait_for()
    assert page.url.endswith("/admin/")
    assert page.locator(".messages .error").count() == 0

    page.goto("/spoldzielnie/ss-igla/")
    assert NEW_TEXT in page.content()
