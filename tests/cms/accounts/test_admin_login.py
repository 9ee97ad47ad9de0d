"""One login door: the Wagtail admin signs in through the site's (allauth's) login, and
Django's own admin is not mounted (cms/accounts/admin_login.py)."""

import pytest

from tests.cms.factories import PASSWORD, UserFactory, totp_code

pytestmark = pytest.mark.django_db


def test_posting_passwords_to_the_admin_login_never_signs_in(client):
    """The audit's script posted to Wagtail's own form: it is gone, nothing posted is read."""
    admin = UserFactory(username="admin", is_staff=True, is_superuser=True)
    response = client.post("/admin/login/", {"username": "admin", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=%2Fadmin%2F"
    assert "_auth_user_id" not in client.session
    assert admin.last_login is None


def test_the_admin_sends_visitors_to_the_sites_login_and_back_to_the_page_asked_for(client):
    admin = UserFactory(is_staff=True, is_superuser=True)
    response = client.get("/admin/pages/", follow=True)
    assert response.redirect_chain[-1][0] == "/accounts/login/?next=%2Fadmin%2Fpages%2F"
    response = client.post(
        response.redirect_chain[-1][0], {"login": admin.email, "password": PASSWORD}
    )
    response = client.post(response["Location"], {"code": totp_code()})
    assert response["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


def test_the_admin_login_ignores_a_next_address_on_another_site(client):
    response = client.get("/admin/login/", {"next": "https://attacker.invalid/"})
    assert response["Location"] == "/accounts/login/?next=%2Fadmin%2F"


def test_a_signed_in_person_without_admin_rights_is_told_so_not_sent_round_in_circles(client):
    company_member = UserFactory()
    client.force_login(company_member)
    response = client.get("/admin/", follow=True)
    assert [url for url, _status in response.redirect_chain] == ["/admin/login/?next=/admin/"]
    assert response.status_code == 403
    assert "Twoje konto nie może korzystać z panelu administracyjnego" in response.text
    # Wagtail's own notice, in Polish too.
    assert "Nie masz uprawnień do korzystania z panelu administracyjnego." in response.text


@pytest.mark.parametrize("path", ["/django-admin/", "/django-admin/login/"])
def test_djangos_own_admin_is_not_mounted(client, path):
    assert client.get(path).status_code == 404
