"""The partnership form of a regional centre, grouped by region, in a browser: axe finds
nothing in Polish and English, wide and 375 px, and the keyboard reaches its own region's
cooperative first."""

import pytest

from cms.models import Voivodeship
from tests.cms.factories import RegionalCentreFactory, member_of
from tests.cooperatives.factories import CooperativePageFactory
from tests.e2e.conftest import axe_violations, signed_in
from tests.workshops.factories import WorkshopPageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = ({"width": 1280, "height": 900}, {"width": 375, "height": 800})


def test_a_regional_centre_picks_from_its_own_region_first_with_the_keyboard(page, live_server):
    lodzkie = Voivodeship.objects.get(teryt="10")
    CooperativePageFactory(title="Anielska", voivodeship=lodzkie)
    zielona = CooperativePageFactory(title="Zielona")  # Wielkopolskie
    WorkshopPageFactory(title="WTZ Arka", voivodeship=lodzkie)
    WorkshopPageFactory(title="WTZ Zdrój")
    signed_in(page, member_of(RegionalCentreFactory(name="ROPS Poznań")), live_server)

    for address in ("/partnerships/new/", "/en/partnerships/new/"):
        for size in WIDTHS:
            page.set_viewport_size(size)
            page.goto(address)
            assert axe_violations(page) == [], (address, size["width"])

    page.set_viewport_size(WIDTHS[0])
    page.goto("/partnerships/new/")
    groups = page.locator("select[name=cooperative] optgroup")
    assert groups.evaluate_all("gs => gs.map(g => g.label)") == [
        "W Twoim regionie (Wielkopolskie)",
        "W pozostałej części Polski",
    ]
    cooperative = page.locator("select[name=cooperative]")
    cooperative.focus()
    page.keyboard.press("ArrowDown")  # from "---------" to the first in the region
    assert cooperative.input_value() == str(zielona.pk)
