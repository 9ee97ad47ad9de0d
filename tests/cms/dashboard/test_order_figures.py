"""Orders on the dashboard and the public summary: per region and kind of work, against the
previous period of the same length, equal to SQL counts written independently; first and last
days included, cancelled orders and drafts' orders left out; CSV and XLSX equal the page."""

import csv
import datetime as dt
import io
from decimal import Decimal

import openpyxl
import pytest
from django.db import connection
from django.utils import translation

from cms.dashboard.figures import Period
from cms.dashboard.orders import order_figures, previous_period
from cms.models import Powiat, Voivodeship
from cooperatives.models import Capability
from tests.cms.dashboard.test_dashboard import table_cells
from tests.cooperatives.factories import CooperativePageFactory
from tests.partners.factories import NeedFactory, OrderFactory, PartnerPageFactory

pytestmark = pytest.mark.django_db

D = dt.date
START, END = D(2025, 3, 1), D(2025, 8, 31)  # 184 days
PREVIOUS = (D(2024, 8, 29), D(2025, 2, 28))  # the 184 days before


@pytest.fixture
def orders():
    """Orders in and around the period in two voivodeships, and orders that must never count:
    cancelled, from a draft cooperative, of a draft company."""
    wielkopolska, lodzkie = (Voivodeship.objects.get(teryt=t) for t in ("30", "10"))
    poznanski, _ = Powiat.objects.get_or_create(voivodeship=wielkopolska, name="poznański")
    sewing, catering = (Capability.objects.get(code=c) for c in ("sewing", "catering"))
    a = CooperativePageFactory(title="SS A", voivodeship=wielkopolska, powiat=poznanski)
    b = CooperativePageFactory(title="SS B", voivodeship=wielkopolska)
    c = CooperativePageFactory(title="SS C", voivodeship=lodzkie)
    draft = CooperativePageFactory(title="SS Szkic", voivodeship=wielkopolska, live=False)
    company = PartnerPageFactory(title="Firma")
    hidden_company = PartnerPageFactory(title="Firma Szkic", live=False)
    need, hidden_need = NeedFactory(partner=company), NeedFactory(partner=hidden_company)
    rows = [
        (a, need, sewing, START, "100.00", "placed"),  # the first day
        (a, need, sewing, END, "200.00", "delivered"),  # the last day
        (b, need, catering, D(2025, 6, 15), "50.50", "placed"),
        (c, need, None, D(2025, 5, 1), "1000.00", "delivered"),
        (a, need, sewing, D(2025, 7, 1), None, "placed"),  # no value
        (a, need, sewing, D(2025, 4, 1), "7777.00", "cancelled"),
        (draft, need, sewing, D(2025, 4, 1), "3333.00", "placed"),
        (a, hidden_need, catering, D(2025, 4, 1), "4444.00", "placed"),
        (a, need, catering, PREVIOUS[1], "300.00", "delivered"),  # previous period's last day
        (b, need, sewing, PREVIOUS[0], "400.00", "delivered"),  # previous period's first day
        (b, need, sewing, D(2024, 8, 28), "999.00", "delivered"),  # before both
        (c, need, sewing, D(2025, 9, 1), "888.00", "placed"),  # after the period
    ]
    for cooperative, on, kind, ordered, value, status in rows:
        OrderFactory(
            need=on,
            cooperative=cooperative,
            capability=kind,
            ordered=ordered,
            value_pln=value and Decimal(value),
            status=status,
        )


# Orders counted, straight in SQL: not cancelled, both profiles published (no view
# restrictions exist in these tests), placed between two days.
SQL = """
    SELECT {group}, count(*), coalesce(sum(o.value_pln), 0)
    FROM partners_order o
    JOIN wagtailcore_page cp ON cp.id = o.cooperative_id AND cp.live
    JOIN cooperatives_cooperativepage c ON c.page_ptr_id = o.cooperative_id
    JOIN partners_need n ON n.id = o.need_id
    JOIN wagtailcore_page pp ON pp.id = n.partner_id AND pp.live
    LEFT JOIN cms_voivodeship v ON v.id = c.voivodeship_id
    LEFT JOIN cms_powiat pw ON pw.id = c.powiat_id
    LEFT JOIN cooperatives_capability k ON k.id = o.capability_id
    WHERE o.status <> 'cancelled' AND o.ordered BETWEEN %s AND %s {where}
    GROUP BY 1
"""


def sql_counts(group: str, first: dt.date, last: dt.date, where: str = "") -> dict:
    with connection.cursor() as cursor:
        cursor.execute(SQL.format(group=group, where=where), [first, last])
        return {key: (n, value) for key, n, value in cursor.fetchall()}


def shown(table, key: str) -> dict:
    """{code or name: (orders, value)} and the same for the previous period, of rows with
    any order."""
    current, previous = {}, {}
    for row in table.rows:
        name = getattr(row, key)
        if row.orders:
            current[name] = (row.orders, row.value_pln)
        if row.previous_orders:
            previous[name] = (row.previous_orders, row.previous_value_pln)
    return current, previous


def test_orders_by_voivodeship_equal_sql_in_the_period_and_the_one_before(orders):
    figures = order_figures(start=START, end=END)
    assert (figures.previous.start, figures.previous.end) == PREVIOUS
    current, previous = shown(figures.regions, "code")
    assert current == sql_counts("v.teryt", START, END)
    assert previous == sql_counts("v.teryt", *PREVIOUS)
    assert current == {"30": (4, Decimal("350.50")), "10": (1, Decimal("1000.00"))}
    assert previous == {"30": (2, Decimal("700.00"))}
    total = figures.total
    assert (total.orders, total.value_pln) == (5, Decimal("1350.50"))
    assert (total.previous_orders, total.previous_value_pln) == (2, Decimal("700.00"))
    assert total.value_change_pln == Decimal("650.50")
    assert figures.value_change_percent == Decimal("92.9")
    assert len(figures.regions.rows) == 16  # every voivodeship, zeros included


def test_orders_by_kind_of_work_equal_sql(orders):
    with translation.override("en"):
        figures = order_figures(start=START, end=END)
    current, previous = shown(figures.kinds, "code")
    in_sql = sql_counts("coalesce(k.code, '')", START, END)
    assert current == in_sql
    assert previous == sql_counts("coalesce(k.code, '')", *PREVIOUS)
    assert current == {
        "sewing": (3, Decimal("300.00")),
        "": (1, Decimal("1000.00")),  # kind of work not given
        "catering": (1, Decimal("50.50")),
    }
    assert [row.code for row in figures.kinds.rows] == ["sewing", "catering", ""]
    assert figures.kinds.rows[-1].name == "kind of work not given"
    assert figures.kinds.total.orders == figures.total.orders


def test_orders_by_powiat_of_one_voivodeship_equal_sql(orders):
    wielkopolska = Voivodeship.objects.get(teryt="30")
    with translation.override("en"):
        figures = order_figures(wielkopolska, START, END)
    current, _ = shown(figures.regions, "name")
    in_sql = sql_counts("coalesce(pw.name, 'powiat not given')", START, END, "AND v.teryt = '30'")
    assert (
        current
        == in_sql
        == {
            "poznański": (3, Decimal("300.00")),
            "powiat not given": (1, Decimal("50.50")),
        }
    )
    assert figures.total.orders == 4


def test_without_a_first_day_everything_counts_and_nothing_is_compared(orders):
    figures = order_figures()
    assert figures.previous is None and figures.value_change_percent is None
    assert [column.name for column in figures.regions.columns] == ["orders", "value_pln"]
    everything = sql_counts("1", D(1990, 1, 1), D(2100, 1, 1))[1]
    assert (figures.total.orders, figures.total.value_pln) == everything
    assert everything == (9, Decimal("3937.50"))


def test_previous_period_of_an_open_end_runs_to_today():
    period = Period(D(2026, 11, 1), None)
    assert previous_period(period, today=D(2026, 11, 30)) == Period(D(2026, 10, 2), D(2026, 10, 31))
    assert previous_period(Period(None, D(2026, 1, 1))) is None
    # One day is compared with the day before.
    assert previous_period(Period(D(2026, 1, 1), D(2026, 1, 1))) == Period(
        D(2025, 12, 31), D(2025, 12, 31)
    )


@pytest.mark.parametrize("table", ["orders", "order_kinds"])
def test_csv_and_xlsx_hold_the_order_numbers_of_the_page(orders, client, table):
    params = {"start": START.isoformat(), "end": END.isoformat()}
    page = client.get("/statistics/", params)
    assert page.status_code == 200
    ids = {"orders": "orders-regions", "order_kinds": "orders-kinds"}
    on_page = table_cells(page.text, ids[table])
    assert on_page and on_page[-1][1:3] == ["5", "1350,50"]
    reply = client.get("/statistics/", {**params, "format": "csv", "table": table})
    rows = list(csv.reader(io.StringIO(reply.content.decode("utf-8-sig")), delimiter=";"))[1:]
    assert [[row[0], *row[2:]] for row in rows] == on_page
    book = openpyxl.load_workbook(
        io.BytesIO(client.get("/statistics/", {**params, "format": "xlsx"}).content)
    )
    sheet = book.worksheets[{"orders": 2, "order_kinds": 3}[table]]
    lines = list(sheet.iter_rows(min_row=6, values_only=True))

    assert all(isinstance(value, int | float) for line in lines for value in line[2:])
    in_book = [[line[0], *(Decimal(str(value)) for value in line[2:])] for line in lines]
    assert in_book == [
        [row[0], *(Decimal(c.replace(",", ".")) for c in row[1:])] for row in on_page
    ]
