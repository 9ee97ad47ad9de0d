"""Security headers and absolute URLs: a Content-Security-Policy that public pages keep
without 'unsafe-inline' (and the admin's looser one only under /admin/), Permissions-Policy,
Swagger UI from our own files, and JSON-LD URLs at the address the visitor used."""

import json
import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from cooperatives.models import CooperativePage
from tests.cms.factories import UserFactory

PUBLIC_PAGES = [
    "/",
    "/en/",
    "/spoldzielnie/ss-igla/",
    "/warsztaty/wtz-testowo/",
    "/search/?q=szycie",
    "/map/",
    "/partnerships/",
    "/statistics/",
    "/accounts/login/",
    "/accounts/signup/",
    "/api/v1/docs",
]


def policy(response) -> dict[str, list[str]]:
    """The Content-Security-Policy header as {directive: [sources]}."""
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


class Tags(HTMLParser):
    """Every start tag of a page, with its attributes."""

    def __init__(self, html: str):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_pages_run_only_our_own_scripts_and_styles(client, small_directory, path):
    response = client.get(path)
    assert response.status_code == 200
    directives = policy(response)
    for name in ("script-src", "style-src"):
        assert directives[name][0] == "'self'"
        assert all(source.startswith("'nonce-") for source in directives[name][1:]), name
    assert directives["default-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["form-action"] == ["'self'"]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_pages_have_no_script_or_style_the_policy_would_block(client, small_directory, path):
    """No inline script that runs, no event-handler or style attribute, and the one inline
    <style> (the map's colours) carries the nonce its header names."""
    response = client.get(path)
    nonces = {
        source.removeprefix("'nonce-").removesuffix("'")
        for source in policy(response).get("style-src", [])
        if source.startswith("'nonce-")
    }
    assert Tags(response.content.decode()).tags
    for tag, attrs in Tags(response.content.decode()).tags:
        assert "style" not in attrs, (tag, attrs)
        assert not [name for name in attrs if name.startswith("on")], (tag, attrs)
        if tag == "script":
            data = attrs.get("type") in ("application/json", "application/ld+json")
            # Our static files, or the scripts' translations Django writes (JavaScriptCatalog).
            ours = ("/static/", "/jsi18n/", "/en/jsi18n/")
            assert data or attrs.get("src", "").startswith(ours), attrs
        if tag == "style":
            assert attrs.get("nonce") in nonces
        if tag == "link" and attrs.get("rel") == "stylesheet":
            assert attrs["href"].startswith("/static/"), attrs


def test_the_map_colours_get_a_fresh_nonce_on_every_page(client, small_directory):
    first, second = client.get("/map/"), client.get("/map/")
    nonce = re.search(r'<style nonce="([^"]+)"', first.content.decode()).group(1)
    assert f"'nonce-{nonce}'" in policy(first)["style-src"]
    assert f"'nonce-{nonce}'" not in policy(second)["style-src"]


def test_images_come_from_us_data_urls_and_the_tile_server_in_settings(client, db, settings):
    settings.MAP_TILE_URL = "https://{s}.tiles.example.org/{z}/{x}/{y}.png"
    assert policy(client.get("/map/"))["img-src"] == [
        "'self'",
        "data:",
        "https://*.tiles.example.org",
    ]


@pytest.fixture
def administrator(client, db):
    user = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(user)
    return user


def test_the_admin_alone_may_run_inline_scripts_and_styles(client, small_directory, administrator):
    admin = client.get("/admin/")
    assert admin.status_code == 200
    directives = policy(admin)
    assert directives["script-src"] == ["'self'", "'unsafe-inline'"]
    assert directives["style-src"] == ["'self'", "'unsafe-inline'"]
    assert directives["frame-ancestors"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert "'unsafe-inline'" not in policy(client.get("/spoldzielnie/ss-igla/"))["script-src"]


def test_a_page_previewed_in_the_admin_keeps_the_public_policy_and_may_be_framed_there(
    client, small_directory, administrator
):
    cooperative = CooperativePage.objects.get(slug="ss-igla")
    response = client.get(reverse("wagtailadmin_pages:view_draft", args=[cooperative.pk]))
    assert response.status_code == 200
    directives = policy(response)
    assert "'unsafe-inline'" not in directives["script-src"]
    assert directives["frame-ancestors"] == ["'self'"]


@pytest.mark.parametrize("path", ["/", "/map/", "/api/v1/match?q=szycie", "/admin/login/"])
def test_every_response_switches_off_camera_microphone_location_and_payment(client, db, path):
    features = dict(
        feature.strip().split("=") for feature in client.get(path)["Permissions-Policy"].split(",")
    )
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert features[feature] == "()"


def test_api_docs_load_swagger_ui_from_our_own_static_files(client, db):
    response = client.get("/api/v1/docs")
    html = response.content.decode()
    assert "cdn" not in html.lower()
    assets = [
        attrs.get("src") or attrs.get("href")
        for tag, attrs in Tags(html).tags
        if tag in ("script", "link") and (attrs.get("src") or attrs.get("href"))
    ]
    assert len(assets) == 4
    for asset in assets:
        assert asset.startswith("/static/ninja/"), asset
        assert client.get(asset).status_code == 200, asset
    config = json.loads(re.search(r'id="swagger-settings"[^>]*>(.*?)</script>', html, re.S)[1])
    assert config["url"] == "/api/v1/openapi.json"
    assert config["validatorUrl"] is None


def json_ld(response) -> dict:
    found = re.search(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
    )
    return json.loads(found.group(1))


def test_json_ld_url_is_at_the_host_the_visitor_asked_for(client, small_directory, settings):
    settings.ALLOWED_HOSTS = ["kooperacja.example.pl"]
    response = client.get("/spoldzielnie/ss-igla/", HTTP_HOST="kooperacja.example.pl")
    assert json_ld(response)["url"] == "http://kooperacja.example.pl/spoldzielnie/ss-igla/"


def test_json_ld_url_behind_the_proxy_is_its_https_address(client, small_directory, settings):
    """What production trusts: X-Forwarded-Proto always, X-Forwarded-Host when told to."""
    settings.ALLOWED_HOSTS = ["kooperacja.example.pl", "10.0.0.5"]
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.USE_X_FORWARDED_HOST = True
    response = client.get(
        "/spoldzielnie/ss-igla/",
        HTTP_HOST="10.0.0.5",
        HTTP_X_FORWARDED_PROTO="https",
        HTTP_X_FORWARDED_HOST="kooperacja.example.pl",
    )
    assert json_ld(response)["url"] == "https://kooperacja.example.pl/spoldzielnie/ss-igla/"


def test_json_ld_ignores_forwarded_headers_the_settings_do_not_trust(client, small_directory):
    response = client.get(
        "/spoldzielnie/ss-igla/",
        HTTP_X_FORWARDED_PROTO="https",
        HTTP_X_FORWARDED_HOST="attacker.invalid",
    )
    assert json_ld(response)["url"] == "http://testserver/spoldzielnie/ss-igla/"
