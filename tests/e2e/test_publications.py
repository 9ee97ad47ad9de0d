"""What the centres publish, in a browser: axe finds nothing on the index, a guide, the events
list and an event, in Polish and English, 1280 and 375 px wide; the keyboard reaches the feeds."""

import pytest
from django.utils import translation

from cms.models.publications import EventPage, GuidePage
from cms.publications.demo import publish_demo
from tests.cms.factories import RegionalCentreFactory, member_of
from tests.e2e.conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = ({"width": 1280, "height": 900}, {"width": 375, "height": 800})


@pytest.fixture
def published():
    """The demo's section: three guides, three news items, four events."""
    centre = RegionalCentreFactory(name="Regionalny Ośrodek Polityki Społecznej (test)")
    publish_demo(centre, member_of(centre))
    with translation.override("pl"):
        return {
            "guide": GuidePage.objects.get(slug="zalozenie-spoldzielni-przy-wtz").url,
            "event": EventPage.objects.get(slug="spotkanie-informacyjne-poznan").url,
        }


def test_publication_pages_pass_axe_in_both_languages_and_widths(page, published):
    paths = ["/publikacje/", published["guide"], "/events/?voivodeship=30", published["event"]]
    for path in paths:
        for address in (path, f"/en{path}"):
            for size in WIDTHS:
                page.set_viewport_size(size)
                response = page.goto(address)
                assert response.status == 200, address
                assert axe_violations(page) == [], (address, size["width"])
    # The demo's English guide is shown under /en/.
    page.goto(f"/en{published['guide']}")
    assert page.locator("h1").inner_text() == (
        "Founding a social cooperative at a WTZ: the stages of the model"
    )


def focused_href(page) -> str:
    return page.evaluate("document.activeElement && document.activeElement.getAttribute('href')")


@pytest.mark.parametrize("path", ["/events/", "/publikacje/"])
def test_keyboard_reaches_the_calendar_and_rss_links(page, published, path):
    page.set_viewport_size(WIDTHS[0])
    page.goto(path)
    reached = {}
    for _ in range(80):
        page.keyboard.press("Tab")
        href = focused_href(page) or ""
        for name, start in (("calendar", "/events/calendar.ics"), ("rss", "/news/feed.xml")):
            if href.startswith(start):
                reached[name] = href
        if len(reached) == 2:
            break
    assert set(reached) == {"calendar", "rss"}
    hrefs = list(reached.values())
    assert hrefs
    for href in hrefs:
        assert page.request.get(href).status == 200
