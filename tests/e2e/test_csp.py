"""Chromium enforces the Content-Security-Policy and nothing of ours breaks under it: the
map, the search and login forms, Swagger UI, and the Wagtail editor with its preview."""

import pytest

from cms.kinds import profile_kind
from cooperatives.models import CooperativePage
from tests.cms.factories import UserFactory
from tests.e2e.conftest import signed_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def blocked(page):
    """What the browser refused because of the policy, as it says in the console."""
    messages = []

    def note(message):
        if "Content Security Policy" in message.text:
            messages.append(f"{page.url}: {message.text}")

    page.on("console", note)
    return messages


def test_public_pages_work_under_the_policy(page, blocked, small_directory):
    page.goto("/map/")
    page.locator(".leaflet-marker-icon").first.wait_for()
    # The layer colours come from the inline <style> the nonce lets through.
    colour = page.locator(".map-legend--cooperative").first.evaluate(
        "item => getComputedStyle(item, '::before').backgroundColor"
    )
    hex_colour = profile_kind("cooperative").map_colour
    assert colour == "rgb({}, {}, {})".format(*(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)))
    page.get_by_label("Rodzaj pracy").select_option("ceramics")
    page.wait_for_url("**/map/?*capability=ceramics*")
    page.wait_for_function("() => document.querySelectorAll('#map-list li').length === 1")
    page.goto("/search/?q=szycie")
    page.get_by_role("button", name="Szukaj", exact=True).click()
    page.goto("/accounts/login/")
    page.goto("/spoldzielnie/ss-igla/")
    page.goto("/api/v1/docs")
    page.locator(".opblock").nth(2).wait_for()
    assert blocked == []


def test_the_wagtail_editor_and_its_preview_work_under_the_admin_policy(
    page, blocked, live_server, small_directory
):
    cooperative = CooperativePage.objects.get(slug="ss-igla")
    signed_in(page, UserFactory(is_superuser=True, is_staff=True), live_server)
    page.goto("/admin/")
    page.goto(f"/admin/pages/{cooperative.pk}/edit/")
    page.locator("[data-side-panel-toggle='preview']").click()
    page.frame_locator("iframe").first.get_by_role(
        "heading", name=cooperative.title, exact=True
    ).wait_for()
    page.goto("/admin/pages/")
    page.goto("/admin/images/multiple/add/")
    assert blocked == []
