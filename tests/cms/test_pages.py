"""The home page, language switching, the admin login and the 404 page, in Polish and English."""

import pytest

pytestmark = pytest.mark.django_db


def test_home_page_is_polish_by_default_with_landmarks_and_skip_link(client):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="pl">' in html
    assert '<a class="skip-link" href="#main">Przejdź do treści</a>' in html
    assert '<main id="main"' in html
    assert "<nav " in html and "<header " in html and "<footer " in html


def test_home_page_in_english_under_en_prefix(client):
    response = client.get("/en/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en">' in html
    assert "Skip to main content" in html


def test_language_switcher_links_to_the_same_page_in_the_other_language_and_back(client):
    polish = client.get("/accounts/login/?next=/needs/").content.decode()
    assert (
        '<a href="/en/accounts/login/?next=/needs/" hreflang="en" lang="en">English</a>' in polish
    )
    assert (
        '<a href="/accounts/login/?next=/needs/" hreflang="pl" lang="pl" aria-current="page">'
        "Polski</a>"
    ) in polish
    english = client.get("/en/accounts/login/").content.decode()
    assert '<a href="/accounts/login/" hreflang="pl" lang="pl">Polski</a>' in english
    assert "csrfmiddlewaretoken" not in client.get("/").content.decode()


def test_wagtail_admin_login_page_is_served(client):
    """The admin signs in through the site's login (tests/cms/accounts/test_login_limits.py)."""
    response = client.get("/admin/login/", follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == "/accounts/login/?next=%2Fadmin%2F"
    assert b'name="password"' in response.content


def test_unknown_page_gives_a_friendly_404_in_the_site_layout(client):
    response = client.get("/nie-ma-takiej-strony/")
    assert response.status_code == 404
    assert "Nie znaleziono strony" in response.content.decode()


def test_every_page_has_a_favicon_and_the_usual_address_leads_to_it(client):
    html = client.get("/").content.decode()
    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in html
    response = client.get("/favicon.ico")
    assert response.status_code == 302 and response["Location"] == "/static/favicon.svg"
    assert client.get("/static/favicon.svg").status_code == 200
