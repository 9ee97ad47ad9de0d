"""The home page and its box on a 375-pixel phone and on a desktop: a compact header whose menu
opens with the keyboard and without a script, results in the first screen, small maps that say
"2 miejsca", and no axe-core findings in Polish or English.

The test settings point the map tiles at a closed port, so every tile fails, as it may for a
user behind a firewall: the maps and the pages around them must carry on.
"""

import pytest

from tests.e2e.conftest import axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

PHONE = {"width": 375, "height": 667}
DESKTOP = {"width": 1280, "height": 800}
PROFILE = "/spoldzielnie/ss-igla/"


def open_page(browser, live_server, viewport, java_script=True):
    context = browser.new_context(
        base_url=live_server.url,
        locale="pl-PL",
        viewport=viewport,
        java_script_enabled=java_script,
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    return page


@pytest.fixture
def phone(browser, live_server):
    page = open_page(browser, live_server, PHONE)
    yield page
    page.context.close()


@pytest.fixture
def desktop(browser, live_server):
    page = open_page(browser, live_server, DESKTOP)
    yield page
    page.context.close()


def is_focused(locator) -> bool:
    return locator.evaluate("element => element === document.activeElement")


def test_the_phone_header_is_compact_and_its_menu_opens_with_the_keyboard(phone):
    phone.goto("/")
    assert phone.locator("header").bounding_box()["height"] <= 80
    menu_link = phone.locator(".site-nav").get_by_role("link", name="Mapa", exact=True)
    assert not menu_link.is_visible()

    toggle = phone.locator("summary", has_text="Menu")
    for _ in range(3):  # the skip link, the site's name, the toggle
        phone.keyboard.press("Tab")
    assert is_focused(toggle)
    assert phone.locator("details.site-menu").evaluate("menu => menu.open") is False
    phone.keyboard.press("Enter")
    assert phone.locator("details.site-menu").evaluate("menu => menu.open") is True
    assert menu_link.is_visible()
    # The open menu lies over the page, and the keyboard goes on into it.
    box = menu_link.bounding_box()
    on_top = phone.evaluate(
        "([x, y]) => document.elementFromPoint(x, y).closest('.site-nav') !== null",
        [box["x"] + 5, box["y"] + box["height"] / 2],
    )
    assert on_top
    phone.keyboard.press("Tab")
    assert phone.evaluate("document.activeElement.closest('.site-nav') !== null")
    assert phone.get_by_role("link", name="English").is_visible()
    phone.keyboard.press("Shift+Tab")
    phone.keyboard.press("Space")
    assert not menu_link.is_visible()


def test_the_phone_menu_works_without_javascript(browser, live_server):
    page = open_page(browser, live_server, PHONE, java_script=False)
    page.goto("/")
    page.locator("summary", has_text="Menu").click()
    page.locator(".site-nav").get_by_role("link", name="Mapa", exact=True).click()
    page.wait_for_url("**/map/")
    page.context.close()


def test_the_desktop_header_shows_the_menu_without_a_toggle(desktop):
    desktop.goto("/")
    assert not desktop.locator("summary", has_text="Menu").is_visible()
    assert desktop.locator(".site-nav").get_by_role("link", name="Mapa", exact=True).is_visible()
    desktop.keyboard.press("Tab")
    desktop.keyboard.press("Tab")  # past the skip link and the site's name
    desktop.keyboard.press("Tab")
    assert desktop.evaluate("document.activeElement.closest('.site-nav') !== null")


def test_the_home_box_results_start_within_the_first_phone_screen(phone, indexed_directory):
    phone.goto("/")
    box = phone.get_by_label("Opisz, czego potrzebujesz")
    assert box.bounding_box()["y"] + box.bounding_box()["height"] <= PHONE["height"]
    box.fill("Uszycie 2000 fartuchów roboczych")
    phone.get_by_label("Miejscowość (nieobowiązkowo)").fill("Poznan")
    phone.get_by_role("button", name="Znajdź spółdzielnie").click()
    phone.wait_for_url("**/find/?*")
    first = phone.locator(".find-results .card").first
    name = first.get_by_role("link", name="Spółdzielnia Socjalna „Igła”")
    assert name.bounding_box()["y"] + name.bounding_box()["height"] <= PHONE["height"]
    assert "Dlaczego" in first.inner_text()


PAGES = [
    "/",
    "/find/?q=Uszycie+2000+fartuch%C3%B3w&town=Pozna%C5%84",
    PROFILE,
    "/en/",
    "/en/find/?q=sewing+work+aprons&town=Poznan",
    f"/en{PROFILE}",
    # Work nobody here does: no card, the note that says so.
    "/find/?q=naprawa+samochod%C3%B3w+dostawczych",
    "/en/find/?q=car+repair+for+our+vans",
]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_home_results_and_profile_pages_have_no_axe_violations(
    browser, live_server, indexed_directory, viewport
):
    page = open_page(browser, live_server, viewport)
    blocked = []  # what the Content-Security-Policy refused, as the console says
    page.on(
        "console",
        lambda message: (
            blocked.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    found = {}
    for path in PAGES:
        page.goto(path)
        if "find" in path:
            page.locator(".find-results .card, .find-results .nobody-does").first.wait_for()
        if "spoldzielnie" in path:
            page.locator(".map-pin--cooperative").wait_for()
        if path.rstrip("/") in ("", "/en"):
            page.locator(".map-cluster").first.wait_for()
        found[path] = axe_violations(page)
        if viewport is PHONE and path == "/":
            page.locator("summary", has_text="Menu").click()
            found["/ with the menu open"] = axe_violations(page)
    assert found == {path: [] for path in found}
    assert blocked == []
    page.context.close()


def test_clusters_and_counts_use_the_languages_plurals(desktop, small_directory):
    desktop.goto(PROFILE)
    desktop.locator(".map-pin--cooperative").wait_for()
    counts = [1, 2, 4, 5, 12, 14, 21, 22, 24, 25, 112]
    said = desktop.evaluate(
        """counts => counts.map(n =>
            interpolate(ngettext("%(count)s place", "%(count)s places", n), {count: n}, true))""",
        counts,
    )
    assert said == [
        "1 miejsce",
        "2 miejsca",
        "4 miejsca",
        "5 miejsc",
        "12 miejsc",
        "14 miejsc",
        "21 miejsc",
        "22 miejsca",
        "24 miejsca",
        "25 miejsc",
        "112 miejsc",
    ]
    # The home page's map: the workshop, the cooperative and their partnership, near Poznań.
    desktop.goto("/")
    cluster = desktop.locator(".map-cluster").first
    assert cluster.locator(".visually-hidden").inner_text() == "3 miejsca"
    desktop.goto("/en/")
    assert desktop.locator(".map-cluster .visually-hidden").first.inner_text() == "3 places"
    said = desktop.evaluate(
        """() => [1, 2].map(n =>
            interpolate(ngettext("%(count)s place", "%(count)s places", n), {count: n}, true))"""
    )
    assert said == ["1 place", "2 places"]


def test_the_profile_map_survives_failing_tiles_and_leads_to_the_full_map(desktop, small_directory):
    desktop.goto(PROFILE)
    desktop.locator(".map-pin--cooperative").wait_for()
    desktop.locator("#place-map-tiles-failed").wait_for(state="visible")
    assert desktop.get_by_text("ul. Długa 1, 60-101 Poznań").is_visible()
    desktop.get_by_role("link", name="Pokaż na mapie wszystkich miejsc").click()
    desktop.wait_for_url("**/map/#cooperative-ss-igla")
    popup = desktop.locator(".leaflet-popup")
    popup.wait_for()
    assert "Igła" in popup.inner_text()


def test_without_javascript_the_profile_keeps_its_address_and_its_way_to_the_map(
    browser, live_server, small_directory
):
    page = open_page(browser, live_server, DESKTOP, java_script=False)
    page.goto(PROFILE)
    assert not page.locator("#place-map").is_visible()
    assert page.get_by_text("ul. Długa 1, 60-101 Poznań").is_visible()
    page.get_by_role("link", name="Pokaż na mapie wszystkich miejsc").click()
    page.wait_for_url("**/map/#cooperative-ss-igla")
    assert page.locator("#cooperative-ss-igla").evaluate("item => item.matches(':target')")
    page.context.close()
