"""The social-procurement statement in a browser: the demo's company member (`firma`) opens it
from the orders list, downloads the page's workbook, and its totals equal the orders in the
database; axe finds nothing on the statement and on the orders sections of the dashboard and
the public statistics, in Polish and English, wide and 375 px."""

import io
import json
from decimal import Decimal

import openpyxl
import pytest
from django.core.management import call_command
from django.db.models import Count, Sum

from cms.models import Organisation, Voivodeship
from partners.models import Order, PartnerPage
from tests.cms.factories import OrganisationFactory, member_of
from tests.e2e.conftest import axe_violations, signed_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = ({"width": 1280, "height": 900}, {"width": 375, "height": 800})
COMPANY = "piekarnia-chlebowa-sciezka"  # the demo's `firma` account's company


def record(**fields) -> str:
    return json.dumps(fields, ensure_ascii=False)


@pytest.fixture
def firma(small_directory, tmp_path):
    """The demo's bakery with orders through the public import, as `make demo` loads them:
    two in 2025, three in 2026 (one of them cancelled), from two cooperatives, and a member."""
    lines = [
        record(
            type="partner",
            slug=COMPANY,
            name="Piekarnia „Chlebowa Ścieżka” Sp. z o.o.",
            voivodeship="wielkopolskie",
        ),
        record(
            type="need",
            slug="fartuchy-piekarnia",
            partner=COMPANY,
            title="Fartuchy kuchenne z logo",
            capabilities=["sewing"],
            status="closed",
        ),
        record(
            type="need",
            slug="catering-piekarnia",
            partner=COMPANY,
            title="Catering na spotkanie firmowe",
            capabilities=["catering"],
            status="closed",
        ),
    ]
    orders = [
        ("z1", "fartuchy-piekarnia", "ss-igla", 18400, "2025-02-10", "delivered"),
        ("z2", "catering-piekarnia", "ss-smak", 6300.5, "2025-06-12", "delivered"),
        ("z3", "fartuchy-piekarnia", "ss-igla", 21600, "2026-01-20", "delivered"),
        ("z4", "catering-piekarnia", "ss-smak", 7450, "2026-06-18", "placed"),
        ("z5", "fartuchy-piekarnia", "ss-igla", 5000, "2026-03-03", "cancelled"),
    ]
    for slug, need, cooperative, value, ordered, status in orders:
        delivered = {"delivered": ordered} if status == "delivered" else {}
        lines.append(
            record(
                type="order",
                slug=slug,
                need=need,
                cooperative=cooperative,
                value_pln=value,
                ordered=ordered,
                status=status,
                **delivered,
            )
        )
    path = tmp_path / "orders.jsonl"
    path.write_text("\n".join(lines) + "\n")
    call_command("import_directory", str(path), stdout=io.StringIO())
    company = PartnerPage.objects.get(slug=COMPANY)
    return member_of(
        OrganisationFactory(name=company.title, kind=Organisation.Kind.COMPANY, page=company)
    )


def in_database(year: int) -> dict:
    """The company's orders of ``year`` counted by the ORM, apart from the statement's code."""
    return Order.objects.filter(
        need__partner__slug=COMPANY, ordered__year=year, status__in=["placed", "delivered"]
    ).aggregate(
        orders=Count("pk"),
        value=Sum("value_pln"),
        cooperatives=Count("cooperative", distinct=True),
    )


def test_firma_downloads_its_statement_and_its_totals_equal_the_orders(page, live_server, firma):
    signed_in(page, firma, live_server)
    page.goto("/needs/")
    page.get_by_role("link", name="Zestawienie zakupów prospołecznych").click()
    page.get_by_role("heading", level=1, name="Zestawienie zakupów prospołecznych 2026").wait_for()
    page.get_by_label("Rok").select_option("2025")
    page.get_by_role("button", name="Pokaż zestawienie").click()
    page.get_by_role("heading", level=1, name="Zestawienie zakupów prospołecznych 2025").wait_for()

    for year in (2025, 2026):
        page.goto(f"/orders/statement/?year={year}")
        expected = in_database(year)
        assert page.locator("[data-figure=orders]").inner_text() == str(expected["orders"])
        shown_value = page.locator("[data-figure=value]").get_attribute("data-value")
        assert Decimal(shown_value) == expected["value"]
        assert page.locator("[data-figure=cooperatives]").inner_text() == str(
            expected["cooperatives"]
        )
        with page.expect_download() as pending:
            page.get_by_role("link", name=f"Pobierz zestawienie za {year} (XLSX)").click()
        download = pending.value
        assert download.suggested_filename.startswith(f"kooperacja-zakupy-prospoleczne-{year}-")
        book = openpyxl.load_workbook(io.BytesIO(download.path().read_bytes()))
        orders = list(book.worksheets[0].iter_rows(min_row=7, values_only=True))
        assert len(orders) - 1 == expected["orders"]  # and the total row
        assert Decimal(str(orders[-1][5])) == expected["value"]
        cooperatives = list(book.worksheets[1].iter_rows(min_row=7, values_only=True))
        assert cooperatives[-1][2:4] == (expected["orders"], pytest.approx(expected["value"]))
    assert in_database(2026) == {"orders": 2, "value": Decimal("29050.00"), "cooperatives": 2}

    for address in ("/orders/statement/?year=2025", "/en/orders/statement/?year=2025"):
        for size in WIDTHS:
            page.set_viewport_size(size)
            page.goto(address)
            assert axe_violations(page) == [], (address, size["width"])


def test_order_sections_of_statistics_and_dashboard_pass_axe(page, live_server, firma):
    rops = member_of(
        OrganisationFactory(
            name="ROPS Poznań",
            kind=Organisation.Kind.REGIONAL_CENTRE,
            voivodeship=Voivodeship.objects.get(teryt="30"),
        )
    )
    period = "?start=2026-01-01&end=2026-06-30"
    for address in (f"/statistics/{period}", f"/en/statistics/{period}"):
        for size in WIDTHS:
            page.set_viewport_size(size)
            page.goto(address)
            page.locator("#orders-regions").wait_for()
            assert axe_violations(page) == [], (address, size["width"])
    summary = page.locator("#orders-summary").inner_text()
    assert "2" in summary and "29,050.00" in summary  # English, the last address
    signed_in(page, rops, live_server)
    for address in (f"/dashboard/{period}&voivodeship=30", f"/en/dashboard/{period}"):
        for size in WIDTHS:
            page.set_viewport_size(size)
            page.goto(address)
            page.locator("#orders-kinds").wait_for()
            assert axe_violations(page) == [], (address, size["width"])
