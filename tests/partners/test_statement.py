"""The social-procurement statement: a company's orders of a year, their value, the cooperatives
and WTZ they supported and the jobs there, equal to independent SQL; the workbook equals the
page; only company members get one."""

import datetime as dt
import io
import re
from decimal import Decimal

import pytest
from django.db import connection
from openpyxl import load_workbook

from cms.models import Organisation
from partners import impact
from partners.models import Order
from tests.cms.factories import OrganisationFactory, UserFactory, member_of
from tests.cooperatives.factories import CooperativePageFactory
from tests.partners.factories import NeedFactory, OrderFactory, PartnerPageFactory
from tests.workshops.factories import WorkshopPageFactory

pytestmark = pytest.mark.django_db

D = dt.date


@pytest.fixture
def bought():
    """Company "Piekarnia" with orders around 2025 from four cooperatives (one a draft, one
    only cancelled), and another company with an order of its own."""
    company = PartnerPageFactory(title="Piekarnia Testowa", slug="piekarnia-testowa")
    other = PartnerPageFactory(title="Inna Firma", slug="inna-firma")
    boss = member_of(OrganisationFactory(kind=Organisation.Kind.COMPANY, page=company))
    stranger = member_of(OrganisationFactory(kind=Organisation.Kind.COMPANY, page=other))
    gebice = WorkshopPageFactory(title="WTZ Gębice", slug="wtz-gebice")
    draft_workshop = WorkshopPageFactory(title="WTZ Szkic", slug="wtz-szkic", live=False)
    chodziez = WorkshopPageFactory(title="WTZ Chodzież", slug="wtz-chodziez")
    scieg = CooperativePageFactory(
        title="SS Ścieg",
        slug="ss-scieg",
        employees_with_disabilities=5,
        workshops=[gebice, draft_workshop],
    )
    glina = CooperativePageFactory(
        title="SS Glina", slug="ss-glina", employees_with_disabilities=3, workshops=[gebice]
    )
    hidden = CooperativePageFactory(
        title="SS Szkic",
        slug="ss-szkic",
        employees_with_disabilities=7,
        workshops=[chodziez],
        live=False,
    )
    dropped = CooperativePageFactory(
        title="SS Odwołana", slug="ss-odwolana", employees_with_disabilities=11
    )
    need = NeedFactory(partner=company, title="Fartuchy")
    other_need = NeedFactory(partner=other, title="Kubki")
    for cooperative, value, ordered, status in [
        (scieg, "1000.50", D(2025, 1, 1), "delivered"),  # first day
        (scieg, "2000.00", D(2025, 12, 31), "placed"),  # last day
        (glina, None, D(2025, 6, 1), "placed"),  # no value
        (hidden, "500.00", D(2025, 3, 1), "delivered"),  # a draft cooperative
        (dropped, "9999.00", D(2025, 5, 5), "cancelled"),
        (scieg, "777.00", D(2024, 12, 31), "delivered"),  # the year before
        (glina, "888.00", D(2026, 1, 1), "placed"),  # the year after
    ]:
        OrderFactory(
            need=need,
            cooperative=cooperative,
            value_pln=value and Decimal(value),
            ordered=ordered,
            status=status,
        )
    OrderFactory(
        need=other_need, cooperative=glina, value_pln=Decimal("5555"), ordered=D(2025, 7, 7)
    )
    return boss, stranger, company


def sql_figures(company_id: int, year: int) -> tuple[int, Decimal, int, int]:
    """Orders, value, cooperatives and jobs counted straight in SQL."""
    orders = """
        FROM partners_order o JOIN partners_need n ON n.id = o.need_id
        WHERE n.partner_id = %s AND o.ordered BETWEEN %s AND %s AND o.status <> 'cancelled'
    """
    params = [company_id, D(year, 1, 1), D(year, 12, 31)]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*), coalesce(sum(o.value_pln), 0) {orders}", params)
        count, value = cursor.fetchone()
        cursor.execute(
            "SELECT count(*), coalesce(sum(c.employees_with_disabilities), 0) "  # noqa: S608
            "FROM cooperatives_cooperativepage c "
            f"WHERE c.page_ptr_id IN (SELECT o.cooperative_id {orders})",
            params,
        )
        cooperatives, jobs = cursor.fetchone()
    return count, value, cooperatives, jobs


def test_statement_counts_the_years_orders_as_sql_does(bought):
    boss, _, company = bought
    statement = impact.procurement_statement(boss, 2025)
    count, value, cooperatives, jobs = sql_figures(company.pk, 2025)
    assert (count, value, cooperatives, jobs) == (4, Decimal("3500.50"), 3, 15)
    assert len(statement.orders) == count
    assert statement.value_pln == value
    assert len(statement.cooperatives) == cooperatives
    assert statement.jobs_for_people_with_disabilities == jobs
    assert statement.orders_without_value == 1
    # The published workshops the cooperatives name, each once; the draft one is left out.
    assert [w.title for w in statement.workshops] == ["WTZ Chodzież", "WTZ Gębice"]
    assert [
        (row.cooperative.title, row.orders, row.value_pln) for row in statement.cooperatives
    ] == [
        ("SS Ścieg", 2, Decimal("3000.50")),
        ("SS Szkic", 1, Decimal("500.00")),
        ("SS Glina", 1, Decimal("0.00")),
    ]


def test_statement_of_another_year_counts_only_that_year(bought):
    boss, _, company = bought
    statement = impact.procurement_statement(boss, 2024)
    assert (len(statement.orders), statement.value_pln) == sql_figures(company.pk, 2024)[:2]
    assert statement.value_pln == Decimal("777.00")
    assert impact.statement_years(boss)[-2:] == [2025, 2024]


def cells_of(html: str, table_id: str) -> list[list[str]]:
    """The data-value of each numeric cell, row by row, of one table of the page."""
    table = html.split(f'id="{table_id}"')[1].split("</table>")[0]
    rows = re.findall(r"<tr>(.*?)</tr>", table, re.S)
    return [re.findall(r'data-value="([^"]*)"', row) for row in rows if "data-value" in row]


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_workbook_cells_equal_the_page(client, bought, prefix):
    boss, _, _ = bought
    client.force_login(boss)
    page = client.get(f"{prefix}/orders/statement/?year=2025")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'data-figure="orders">4<' in html
    assert 'data-value="3500.50"' in html
    reply = client.get(f"{prefix}/orders/statement/?year=2025&format=xlsx")
    assert reply.status_code == 200
    assert 'filename="kooperacja-zakupy-prospoleczne-2025-' in reply["Content-Disposition"]
    workbook = load_workbook(io.BytesIO(reply.content))
    orders_sheet, cooperatives_sheet, definitions = workbook.worksheets
    order_rows = list(orders_sheet.iter_rows(min_row=impact.HEADER_ROW + 1, values_only=True))
    page_orders = cells_of(html, "statement-orders-table")
    assert [["" if row[5] is None else f"{Decimal(str(row[5])):.2f}"] for row in order_rows] == [
        ["" if value == "None" else value] for [value] in page_orders
    ]
    assert order_rows[-1][5] == pytest.approx(3500.50)
    coop_rows = list(cooperatives_sheet.iter_rows(min_row=impact.HEADER_ROW + 1, values_only=True))
    page_coops = cells_of(html, "statement-cooperatives-table")
    assert [[str(r[2]), f"{Decimal(str(r[3])):.2f}", str(r[4])] for r in coop_rows] == page_coops
    assert coop_rows[-1][1:] == (2, 4, pytest.approx(3500.50), 15)
    assert definitions.max_row == impact.HEADER_ROW - 1 + len(impact.DEFINITIONS)


def test_only_company_members_get_a_statement(client, bought):
    client.force_login(UserFactory())
    assert client.get("/orders/statement/").status_code == 403
    client.logout()
    assert client.get("/orders/statement/").status_code == 302


def test_a_company_sees_only_its_own_orders(client, bought):
    _, stranger, _ = bought
    statement = impact.procurement_statement(stranger, 2025)
    assert [order.value_pln for order in statement.orders] == [Decimal("5555.00")]


def test_a_year_not_in_the_list_is_a_clear_error(client, bought):
    boss, _, _ = bought
    client.force_login(boss)
    reply = client.get("/en/orders/statement/?year=1999")
    assert reply.status_code == 400
    assert "Choose one of the years in the list." in reply.content.decode()
    assert Order.objects.count() == 8


def test_orders_list_links_to_the_statement(client, bought):
    boss, _, _ = bought
    client.force_login(boss)
    assert "/orders/statement/" in client.get("/needs/").content.decode()
