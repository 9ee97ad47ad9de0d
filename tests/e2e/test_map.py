"""The map in the browser: markers, filters that move markers and list together, failing tiles.

The test settings point the tile server at a closed port, so every tile
fails here, as it may for a user behind a firewall.
"""

import pytest

from tests.e2e.conftest import axe_violations_on

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def map_page(page, small_directory):
    page.goto("/map/")
    page.locator(".leaflet-marker-icon").first.wait_for()
    return page


def listed(page) -> list[str]:
    return page.locator("#map-list li[data-feature]").evaluate_all(
        "items => items.map(item => item.dataset.feature)"
    )


def test_map_draws_markers_for_the_places_in_the_list(map_page):
    assert sorted(listed(map_page)) == [
        "cooperative-ss-igla",
        "partnership-igla-firma",
        "workshop-wtz-testowo",
    ]
    # The three places are close together: one cluster of three at the country view.
    assert map_page.locator(".map-cluster").inner_text().startswith("3")


def test_a_filter_changes_the_markers_and_the_list_together(map_page):
    map_page.get_by_label("Rodzaj pracy").select_option("ceramics")
    map_page.wait_for_url("**/map/?*capability=ceramics*")
    # A function, not a bare expression: Playwright polls an expression with eval(), which
    # the Content-Security-Policy refuses.
    map_page.wait_for_function("() => document.querySelectorAll('#map-list li').length === 1")
    assert listed(map_page) == ["workshop-wtz-testowo"]
    assert map_page.get_by_role("status").filter(has_text="1 miejsce na mapie").count() == 1
    map_page.locator(".map-pin--workshop").wait_for()
    assert map_page.locator(".map-pin").count() == 1
    assert map_page.locator(".map-cluster").count() == 0
    map_page.get_by_label("Warsztaty terapii zajęciowej (WTZ)").uncheck()
    map_page.wait_for_function("() => document.querySelectorAll('#map-list li').length === 0")
    assert map_page.locator(".leaflet-marker-icon").count() == 0
    assert map_page.locator("#map-list .empty-state").is_visible()


def test_page_stays_usable_when_tiles_fail(map_page):
    map_page.locator("#map-tiles-failed").wait_for(state="visible")
    assert map_page.locator("#map-list li[data-feature]").count() == 3
    assert map_page.get_by_role("link", name="Spółdzielnia Socjalna „Igła”").count() >= 1


def test_keyboard_user_reaches_a_marker_through_the_list(map_page):
    item = map_page.locator('li[data-feature="workshop-wtz-testowo"]')
    button = item.get_by_role("button", name="Pokaż na mapie")
    button.focus()
    map_page.keyboard.press("Enter")
    popup = map_page.locator(".leaflet-popup-content")
    popup.wait_for()
    name = item.get_by_role("link").inner_text()
    assert popup.get_by_role("link").inner_text() == name
    assert map_page.evaluate("document.activeElement.textContent") == name
    map_page.keyboard.press("Escape")
    popup.wait_for(state="detached")
    assert button.evaluate("element => element === document.activeElement")


def test_without_javascript_the_list_is_the_map(browser, live_server, small_directory):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/map/?capability=sewing")
    assert page.locator("#map").is_hidden()
    assert sorted(listed(page)) == [
        "cooperative-ss-igla",
        "partnership-igla-firma",
        "workshop-wtz-testowo",
    ]
    context.close()


def test_map_and_partnership_pages_have_no_axe_violations(page, small_directory):
    paths = ["/map/", "/en/map/?voivodeship=30", "/partnerships/", "/partnerships/igla-firma/"]
    assert axe_violations_on(page, paths, _map_drawn) == {}


def _map_drawn(page):
    """The map fetches its markers after the page loads; axe checks what a visitor sees."""
    page.wait_for_load_state("networkidle")
