"""Administrators and regional moderators use the Wagtail admin and the regional dashboard only
with an authenticator app (TOTP); everyone else may turn one on, and nobody else must."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY

from cms import roles
from cms.models import Organisation
from tests.cms.factories import (
    PASSWORD,
    MembershipFactory,
    OrganisationFactory,
    RegionalCentreFactory,
    UserFactory,
    totp_code,
)

pytestmark = pytest.mark.django_db

SET_UP = "/accounts/2fa/totp/activate/"
MUST = {
    "pl": "Administratorzy i ośrodki regionalne muszą używać uwierzytelniania dwuskładnikowego",
    "en": "Administrators and regional centres must use two-factor authentication",
}


def administrator(totp=False):
    return UserFactory(is_staff=True, is_superuser=True, totp=totp)


def regional_moderator(totp=False):
    membership = MembershipFactory(organisation=RegionalCentreFactory(), totp=totp)
    roles.sync_user_rights(membership.user)
    return membership.user


PEOPLE = {"administrator": administrator, "regional moderator": regional_moderator}


def sign_in(client, user):
    """The site's login form, then the second factor when the account has one."""
    response = client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    if response["Location"] == "/accounts/2fa/authenticate/":
        response = client.post(response["Location"], {"code": totp_code()})
        assert response.status_code == 302
    assert "_auth_user_id" in client.session
    return response


def confirm_password(client):
    """allauth asks for the password again before the second factor is changed."""
    response = client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    assert response.status_code == 302


def set_up_authenticator_app(client) -> str:
    """The set-up page's secret, typed into an app whose first code is entered."""
    assert client.get(SET_UP).status_code == 200
    secret = client.session[SECRET_SESSION_KEY]
    response = client.post(SET_UP, {"code": totp_code(secret)})
    assert response.status_code == 302
    return secret


@pytest.mark.parametrize("who", PEOPLE)
@pytest.mark.parametrize("path", ["/admin/", "/admin/pages/", "/dashboard/", "/en/dashboard/"])
def test_those_who_must_are_sent_to_set_up_an_authenticator_app_first(client, who, path):
    client.force_login(PEOPLE[who]())
    language = "en" if path.startswith("/en/") else "pl"
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == ("/en" if language == "en" else "") + SET_UP
    assert MUST[language] in client.get(response["Location"], follow=True).text


@pytest.mark.parametrize("who", PEOPLE)
def test_those_who_must_get_in_after_setting_up_the_app_and_then_sign_in_with_its_code(client, who):
    user = PEOPLE[who]()
    sign_in(client, user)
    assert client.get("/admin/")["Location"] == SET_UP

    confirm_password(client)
    secret = set_up_authenticator_app(client)
    assert Authenticator.objects.filter(user=user, type="totp").exists()
    assert client.get("/admin/").status_code == 200
    assert client.get("/dashboard/").status_code == 200

    # From now on the password alone does not sign in.
    client.post("/accounts/logout/")
    response = client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert response["Location"] == "/accounts/2fa/authenticate/"
    assert "_auth_user_id" not in client.session
    wrong = client.post("/accounts/2fa/authenticate/", {"code": "000000"})
    assert wrong.status_code == 200
    assert "_auth_user_id" not in client.session
    client.post("/accounts/2fa/authenticate/", {"code": totp_code(secret)})
    assert client.get("/admin/").status_code == 200


def test_a_regional_centre_not_yet_approved_gives_no_duty_and_no_dashboard(client):
    centre = RegionalCentreFactory(approved=False)
    member = MembershipFactory(organisation=centre, totp=False).user
    client.force_login(member)
    assert client.get("/dashboard/").status_code == 403


def test_cooperative_editors_and_company_members_are_not_asked_for_a_second_factor(
    client, small_directory
):
    from cooperatives.models import CooperativePage
    from partners.models import PartnerPage

    cooperative = OrganisationFactory(page=CooperativePage.objects.get(slug="ss-igla"))
    roles.grant_page_rights(cooperative)
    editor = MembershipFactory(organisation=cooperative).user
    roles.sync_user_rights(editor)
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200

    company = OrganisationFactory(kind=Organisation.Kind.COMPANY, page=PartnerPage.objects.get())
    member = MembershipFactory(organisation=company).user
    client.force_login(member)
    assert client.get("/dashboard/").status_code == 403
    assert client.get("/organisations/").status_code == 200


def test_anyone_may_turn_an_authenticator_app_on_and_those_not_obliged_may_turn_it_off(client):
    person = UserFactory()
    sign_in(client, person)
    confirm_password(client)
    set_up_authenticator_app(client)
    assert Authenticator.objects.filter(user=person, type="totp").exists()

    client.post("/accounts/2fa/totp/deactivate/")
    assert not Authenticator.objects.filter(user=person, type="totp").exists()


@pytest.mark.parametrize("who", PEOPLE)
def test_those_who_must_cannot_turn_the_app_off(client, who):
    user = PEOPLE[who](totp=True)
    sign_in(client, user)
    confirm_password(client)
    response = client.post("/accounts/2fa/totp/deactivate/")
    assert response.status_code == 200
    assert "Nie można dezaktywować uwierzytelniania dwuskładnikowego." in response.text
    assert Authenticator.objects.filter(user=user, type="totp").exists()
