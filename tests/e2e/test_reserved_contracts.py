"""Reserved contracts (art. 94) and "from a WTZ to work" in a browser: a buyer ticks the
filter on the search page and sees only the cooperatives at or above 30 %, with the
explanation; axe finds nothing on the profile with its statement, on the search page with
the filter, and on the dashboard's WTZ section, in Polish and English, 1280 and 375 px."""

import io
import json

import pytest
from django.core.management import call_command

from cms.models import Organisation, Voivodeship
from tests.cms.factories import OrganisationFactory, member_of
from tests.e2e.conftest import axe_violations, signed_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = ({"width": 1280, "height": 900}, {"width": 375, "height": 800})
# slug -> (employees_total, employees_reserved_groups)
STAFF = {
    "ss-dwadziescia-dziewiec": (100, 29),
    "ss-trzydziesci": (10, 3),
    "ss-czterdziesci": (20, 9),
}
NAMES = {
    "ss-dwadziescia-dziewiec": "Spółdzielnia Socjalna Dwadzieścia Dziewięć",
    "ss-trzydziesci": "Spółdzielnia Socjalna Trzydzieści",
    "ss-czterdziesci": "Spółdzielnia Socjalna Czterdzieści Pięć",
}


@pytest.fixture
def staffed(search_index, tmp_path):
    records = [
        {
            "type": "workshop",
            "slug": "wtz-poznan",
            "name": "Warsztat Terapii Zajęciowej w Poznaniu",
            "participants": 40,
            "voivodeship": "30",
        }
    ]
    for slug, (total, groups) in STAFF.items():
        records.append(
            {
                "type": "cooperative",
                "slug": slug,
                "name": NAMES[slug],
                "capabilities": ["sewing"],
                "description": "Szyjemy fartuchy i odzież roboczą.",
                "voivodeship": "30",
                "address": {"street": "", "postal_code": "60-101", "city": "Poznań"},
                "location": {"lat": 52.4, "lon": 16.9},
                "employees_total": total,
                "employees_reserved_groups": groups,
                "employees_reserved_groups_on": "2026-03-02",
                "workers_from_wtz": 2,
                "workshops": ["wtz-poznan"],
                "workers_from_workshops": ["wtz-poznan"],
            }
        )
    path = tmp_path / "directory.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n")
    call_command("import_directory", str(path), stdout=io.StringIO(), stderr=io.StringIO())


def no_violations_anywhere(page, path: str, ready: str) -> None:
    """axe finds nothing at ``path`` and at its English address, 1280 and 375 px wide."""
    for address in (path, f"/en{path}"):
        for size in WIDTHS:
            page.set_viewport_size(size)
            page.goto(address)
            page.locator(ready).first.wait_for()
            assert axe_violations(page) == [], (address, size["width"])


def test_a_buyer_filters_for_reserved_contracts_and_reads_what_it_means(page, staffed):
    page.goto("/search/")
    page.get_by_label("Czego potrzebujesz?").fill("szycie fartuchów")
    page.get_by_role("button", name="Szukaj", exact=True).click()
    cards = page.locator("ul.cards > li")
    cards.first.wait_for()
    assert cards.count() == 3

    page.get_by_label("Tylko mogące brać udział w zamówieniach zastrzeżonych (art. 94)").check()
    page.get_by_role("button", name="Szukaj", exact=True).click()
    page.wait_for_url("**reserved_contracts=on**")
    names = sorted(cards.locator("h3").all_inner_texts())
    assert names == sorted([NAMES["ss-trzydziesci"], NAMES["ss-czterdziesci"]])
    assert cards.filter(has_text="3 z 10 pracowników (30,0%)").count() == 1
    assert cards.filter(has_text="Może brać udział w zamówieniach zastrzeżonych").count() == 2

    # The explanation opens from the keyboard.
    summary = page.get_by_text("Co znaczą „zamówienia zastrzeżone na podstawie art. 94”")
    summary.focus()
    page.keyboard.press("Enter")
    assert page.get_by_text("To nie jest certyfikat.").is_visible()
    assert axe_violations(page) == []


def test_axe_on_the_profile_search_page_and_dashboard_section(page, live_server, staffed):
    no_violations_anywhere(page, "/search/?q=szycie&reserved_contracts=on", "ul.cards")
    page.goto("/search/?q=szycie")
    profile = page.get_by_role("link", name=NAMES["ss-trzydziesci"]).get_attribute("href")
    no_violations_anywhere(page, profile, "#reserved-heading")
    no_violations_anywhere(page, "/statistics/?voivodeship=30", "#wtz-heading")
    rops = member_of(
        OrganisationFactory(
            name="ROPS Poznań",
            kind=Organisation.Kind.REGIONAL_CENTRE,
            voivodeship=Voivodeship.objects.get(teryt="30"),
        )
    )
    signed_in(page, rops, live_server)
    no_violations_anywhere(page, "/dashboard/", "#wtz-heading")
    page.goto("/dashboard/")
    assert "15,00%" in page.locator("#wtz tfoot").inner_text()  # 6 of 40 participants
