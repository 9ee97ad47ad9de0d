"""A company writes what it needs the way buyers write e-mails, into the home page's box, on the
demo directory: the cooperatives that can do all of it, near it and in time come first, each
saying what it covers, whether it can make enough and how far it is; the same words on the
search page and in the cooperatives listing's filter give the same cooperatives.

What "right" means here was read from the demo profiles (cms/demo/directory.jsonl), not from
the engine: the request asks for sewing and printing on 3,000 bags in Wielkopolska within six
weeks. Only Len in Szamotuły (Wielkopolska) does both, with enough capacity; next come the
Wielkopolska sewing cooperatives that take orders; Na Szlaku (Kórnik) and Naparstek (Buk) sew
in Wielkopolska but take no orders, so the matcher leaves them out and the directory's search
and listing show them only after those that do.
"""

import io
from urllib.parse import urlencode

import pytest
from django.core.management import call_command

from cms.models import Organisation
from partners.models import PartnerPage
from search.sync import flush
from tests.cms.factories import OrganisationFactory, member_of
from tests.e2e.conftest import axe_violations, signed_in
from tests.relevance.test_relevance_floor import DEMO_DIRECTORY

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REQUEST = (
    "Dzień dobry, jesteśmy firmą z Poznania i szukamy wykonawcy, który uszyje 3000 "
    "bawełnianych toreb z nadrukiem naszego logo. Zależy nam na spółdzielni z Wielkopolski, "
    "a towar potrzebujemy w ciągu 6 tygodni. Prosimy o ofertę z ceną."
)
BOTH_PARTS = "Spółdzielnia Socjalna „Len”"
WIELKOPOLSKA_SEWING = {
    "Spółdzielnia Socjalna „Nitka”",
    "Spółdzielnia Socjalna „Ścieg”",
    "Spółdzielnia Socjalna „Igła i Nić”",
    "Spółdzielnia Socjalna „Szwalnia Goślińska”",
    "Spółdzielnia Socjalna „Fastryga”",
}
TAKING_NO_ORDERS = ("Na Szlaku", "Naparstek")


@pytest.fixture
def company_member(search_index):
    call_command("import_directory", str(DEMO_DIRECTORY), stdout=io.StringIO())
    flush()
    company = PartnerPage.objects.get(slug="piekarnia-chlebowa-sciezka")
    return member_of(
        OrganisationFactory(name=company.title, kind=Organisation.Kind.COMPANY, page=company)
    )


def card_names(page) -> list[str]:
    return [name.strip() for name in page.locator(".cards > li h3").all_inner_texts()]


def test_an_e_mail_like_request_ranks_the_right_cooperatives_with_reasons_everywhere(
    page, live_server, company_member
):
    signed_in(page, company_member, live_server)
    page.goto("/")
    page.get_by_label("Opisz, czego potrzebujesz").fill(REQUEST)
    page.get_by_role("button", name="Znajdź spółdzielnie").click()
    page.locator(".find-results .cards").wait_for()

    found = card_names(page)  # the box shows the best five
    assert found[0] == BOTH_PARTS, found
    assert set(found[1:]) < WIELKOPOLSKA_SEWING, found
    assert not [name for name in found if any(word in name for word in TAKING_NO_ORDERS)]
    first = page.locator(".cards > li").first.inner_text()
    assert "Obejmuje: szycie, krawiectwo" in first and "druk" in first, first
    assert "Możliwości produkcyjne: wystarczające" in first, first
    assert "około 33 km od miejscowości Poznań" in first, first
    second = page.locator(".cards > li").nth(1).inner_text()
    assert "nie wszystkie części zapytania" in second, second
    assert axe_violations(page) == []

    # The same words on the search page and in the listing's filter: the same cooperatives.
    page.goto("/search/?" + urlencode({"q": REQUEST}))
    on_search = card_names(page)
    page.goto("/spoldzielnie/?" + urlencode({"q": REQUEST}))
    in_listing = card_names(page)
    assert on_search[0] == in_listing[0] == BOTH_PARTS, (on_search, in_listing)
    assert set(on_search[1:6]) == set(in_listing[1:6]) == WIELKOPOLSKA_SEWING
    # The directory lists those taking no orders too, never before those that do.
    for names in (on_search, in_listing):
        late = [i for i, name in enumerate(names) if any(w in name for w in TAKING_NO_ORDERS)]
        assert all(i >= 6 for i in late), names
