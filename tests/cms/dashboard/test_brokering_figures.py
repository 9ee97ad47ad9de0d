"""The dashboard's figures of brokered help checked against SQL counts written apart from the
code: requests received, median days to the first recommendation and needs that ended in
an order, per region and period, with requests on each side of both period boundaries."""

import io
from datetime import date, datetime, timedelta

import pytest
from django.db import connection
from django.utils import timezone
from openpyxl import load_workbook

from cms.dashboard.brokering import brokering_figures
from cms.dashboard.export import XLSX_HEADER_ROW
from cms.dashboard.figures import Period
from cms.models import Voivodeship
from cooperatives.models import CooperativePage
from partners.models import BrokeredRequest, Order, PartnerPage
from tests.cms.factories import RegionalCentreFactory, member_of
from tests.partners.factories import NeedFactory

pytestmark = pytest.mark.django_db

MARCH = Period(date(2026, 3, 1), date(2026, 3, 31))


def moment(*parts) -> datetime:
    return timezone.make_aware(datetime(*parts))


@pytest.fixture
def requests(small_directory):
    """Seven requests in Wielkopolska and Mazowsze around March 2026, some answered, some
    of whose needs ended in an order (one cancelled, which does not count)."""
    wielkopolska = Voivodeship.objects.get(teryt="30")
    mazowsze = Voivodeship.objects.get(teryt="14")
    igla = CooperativePage.objects.get(slug="ss-igla")
    company = PartnerPage.objects.get(slug="firma-testowa")
    made = {}
    rows = [
        # name, region, asked, days to the first recommendation, order status
        ("first-moment", wielkopolska, moment(2026, 3, 1, 0, 0), 2, "placed"),
        ("last-moment", wielkopolska, moment(2026, 3, 31, 23, 59, 59, 999999), 0.5, None),
        ("day-after", wielkopolska, moment(2026, 4, 1, 0, 0), 10, "delivered"),
        ("day-before", wielkopolska, moment(2026, 2, 28, 23, 59, 59), 1, "placed"),
        ("unanswered", wielkopolska, moment(2026, 3, 15, 12, 0), None, "cancelled"),
        ("slow", wielkopolska, moment(2026, 3, 10, 9, 0), 7, "delivered"),
        ("warsaw", mazowsze, moment(2026, 3, 5, 8, 0), 1, None),
    ]
    for name, region, asked, days, order in rows:
        need = NeedFactory(partner=company, title=name, voivodeship=region)
        made[name] = BrokeredRequest.objects.create(
            need=need,
            voivodeship=region,
            note=name,
            created_at=asked,
            status="open" if days is None else "answered",
            answered_at=None if days is None else asked + timedelta(days=days),
        )
        if order:
            Order.objects.create(
                slug=f"order-{name}",
                need=need,
                cooperative=igla,
                ordered=date(2026, 4, 2),
                status=order,
            )
    # A second request for the same need in the period: two requests, one need with an order.
    BrokeredRequest.objects.create(
        need=made["slow"].need,
        voivodeship=wielkopolska,
        note="again",
        created_at=moment(2026, 3, 20, 9, 0),
        status="answered",
        answered_at=moment(2026, 3, 23, 9, 0),
    )
    return made


def counted_in_sql(teryt: str | None, start: str, end: str) -> tuple:
    """Received, answered, median days, needs with an order not cancelled: straight SQL,
    the period's days read in Warsaw time."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT count(*), count(r.answered_at),
                   percentile_cont(0.5) WITHIN GROUP (
                       ORDER BY EXTRACT(EPOCH FROM r.answered_at - r.created_at) / 86400),
                   count(DISTINCT r.need_id) FILTER (WHERE EXISTS (
                       SELECT 1 FROM partners_order o
                       WHERE o.need_id = r.need_id AND o.status <> 'cancelled'))
            FROM partners_brokeredrequest r JOIN cms_voivodeship v ON v.id = r.voivodeship_id
            WHERE r.created_at >= (%s::date)::timestamp AT TIME ZONE 'Europe/Warsaw'
              AND r.created_at < ((%s::date + 1)::timestamp AT TIME ZONE 'Europe/Warsaw')
              AND (%s::text IS NULL OR v.teryt = %s::text)
            """,
            [start, end, teryt, teryt],
        )
        received, answered, median_days, ordered = cursor.fetchone()
    return received, answered, None if median_days is None else round(median_days, 1), ordered


def as_counted(row) -> tuple:
    return row.received, row.answered, row.median_days, row.ended_in_order


def test_march_in_wielkopolska_equals_the_sql_count(requests):
    figures = brokering_figures(Voivodeship.objects.get(teryt="30"), MARCH)
    expected = counted_in_sql("30", "2026-03-01", "2026-03-31")
    assert as_counted(figures.total) == expected
    # first-moment, last-moment, unanswered, slow and its second request; median of
    # 2, 0.5, 7 and 3 days; first-moment's and slow's needs ended in an order.
    assert expected == (5, 4, 2.5, 2)


def test_march_in_poland_per_voivodeship_and_in_total(requests):
    figures = brokering_figures(None, MARCH)
    assert as_counted(figures.total) == counted_in_sql(None, "2026-03-01", "2026-03-31")
    assert as_counted(figures.total) == (6, 5, 2.0, 2)
    by_code = {row.code: as_counted(row) for row in figures.rows}
    assert len(by_code) == 16
    assert by_code["30"] == counted_in_sql("30", "2026-03-01", "2026-03-31")
    assert by_code["14"] == counted_in_sql("14", "2026-03-01", "2026-03-31") == (1, 1, 1.0, 0)
    assert by_code["02"] == (0, 0, None, 0)


@pytest.mark.parametrize(
    ("start", "end", "received"),
    [
        (date(2026, 3, 1), date(2026, 3, 1), 1),  # from its first moment
        (date(2026, 3, 31), date(2026, 4, 1), 2),  # to the last moment of its last day
        (date(2026, 2, 28), date(2026, 2, 28), 1),
        (date(2026, 4, 1), date(2026, 4, 30), 1),
    ],
)
def test_each_boundary_day_counts_its_own_requests(requests, start, end, received):
    figures = brokering_figures(None, Period(start, end))
    assert as_counted(figures.total) == counted_in_sql(None, start.isoformat(), end.isoformat())
    assert figures.total.received == received


def test_without_dates_everything_is_counted(requests):
    assert brokering_figures(None, Period()).total.received == 8


def test_the_dashboard_shows_them_to_the_regions_centre_only(client, requests, indexed_directory):
    query = {"voivodeship": "30", "start": "2026-03-01", "end": "2026-03-31"}
    client.force_login(member_of(RegionalCentreFactory()))
    page = client.get("/dashboard/", query).content.decode()
    assert 'data-figure="received">5<' in page
    assert 'data-figure="median-days">2,5<' in page
    assert 'data-figure="ended-in-order">2<' in page

    elsewhere = RegionalCentreFactory(voivodeship=Voivodeship.objects.get(teryt="14"))
    client.force_login(member_of(elsewhere))
    assert 'data-figure="received"' not in client.get("/dashboard/", query).content.decode()
    client.logout()
    assert 'data-figure="received"' not in client.get("/statistics/", query).content.decode()


def test_the_centres_downloads_carry_the_pages_brokering_figures_and_nobody_elses_do(
    client, requests, indexed_directory
):
    query = {"voivodeship": "30", "start": "2026-03-01", "end": "2026-03-31"}
    client.force_login(member_of(RegionalCentreFactory()))
    page = client.get("/dashboard/", query).content.decode()
    assert "table=brokering" in page
    rows = client.get("/dashboard/", {**query, "format": "csv", "table": "brokering"})
    lines = rows.content.decode("utf-8-sig").splitlines()
    # Wielkopolska and its total: 5 received, 4 answered, median 2,5 days, 2 ended in an order.
    assert lines[1].split(";")[2:] == ["5", "4", "2,5", "2"], lines
    assert lines[-1].split(";")[2:] == ["5", "4", "2,5", "2"], lines
    workbook = load_workbook(
        io.BytesIO(client.get("/dashboard/", {**query, "format": "xlsx"}).content)
    )
    sheet = workbook["Pomoc ośrodka w doborze wykonaw"]  # 31 characters at most
    wielkopolska = [cell.value for cell in sheet[XLSX_HEADER_ROW + 1]]
    assert wielkopolska[2:] == [5, 4, 2.5, 2], wielkopolska

    client.logout()
    public = client.get("/statistics/", {**query, "format": "csv", "table": "brokering"})
    assert public.status_code == 404
    assert "table=brokering" not in client.get("/statistics/", query).content.decode()
