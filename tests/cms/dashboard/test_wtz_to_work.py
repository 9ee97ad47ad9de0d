"""From a WTZ to work on the dashboard and the public summary: each region's WTZ
participants, the workers its cooperatives state came from a WTZ, and the share, equal to
independent SQL counts (drafts and private pages excluded, several regions, a period)."""

import io
import json
from datetime import date, datetime
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from cms.dashboard.figures import Period
from cms.dashboard.wtz_to_work import count_wtz_to_work
from cms.models import Voivodeship
from cooperatives.models import CooperativePage
from workshops.models import WorkshopPage

pytestmark = pytest.mark.django_db

RECORDS = [
    # wielkopolskie: two workshops (30 + 50 participants) and a third that states none
    {
        "type": "workshop",
        "slug": "wtz-a",
        "name": "WTZ A",
        "participants": 30,
        "voivodeship": "30",
        "powiat": "poznański",
    },
    {
        "type": "workshop",
        "slug": "wtz-b",
        "name": "WTZ B",
        "participants": 50,
        "voivodeship": "30",
        "powiat": "gnieźnieński",
    },
    {"type": "workshop", "slug": "wtz-c", "name": "WTZ C", "voivodeship": "30"},
    {
        "type": "cooperative",
        "slug": "ss-a",
        "name": "SS A",
        "capabilities": ["sewing"],
        "voivodeship": "30",
        "powiat": "poznański",
        "employees_total": 10,
        "workers_from_wtz": 4,
        "workshops": ["wtz-a"],
        "workers_from_workshops": ["wtz-a"],
    },
    {
        "type": "cooperative",
        "slug": "ss-b",
        "name": "SS B",
        "capabilities": ["catering"],
        "voivodeship": "30",
        "powiat": "gnieźnieński",
        "employees_total": 6,
        "workers_from_wtz": 2,
    },
    # the draft: unpublished below, its 5 workers must not count
    {
        "type": "cooperative",
        "slug": "ss-szkic",
        "name": "SS Szkic",
        "capabilities": ["sewing"],
        "voivodeship": "30",
        "powiat": "poznański",
        "employees_total": 9,
        "workers_from_wtz": 5,
    },
    # mazowieckie: one workshop, one cooperative
    {"type": "workshop", "slug": "wtz-m", "name": "WTZ M", "participants": 40, "voivodeship": "14"},
    {
        "type": "cooperative",
        "slug": "ss-m",
        "name": "SS M",
        "capabilities": ["cleaning"],
        "voivodeship": "14",
        "employees_total": 8,
        "workers_from_wtz": 1,
    },
    # małopolskie: a cooperative with workers from a WTZ but no workshop listed there
    {
        "type": "cooperative",
        "slug": "ss-k",
        "name": "SS K",
        "capabilities": ["printing"],
        "voivodeship": "12",
        "employees_total": 5,
        "workers_from_wtz": 3,
    },
    # no voivodeship at all
    {"type": "workshop", "slug": "wtz-x", "name": "WTZ X", "participants": 7},
]


@pytest.fixture
def wtz_directory(tmp_path):
    path = tmp_path / "wtz.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in RECORDS) + "\n")
    call_command("import_directory", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    CooperativePage.objects.get(slug="ss-szkic").unpublish()


def sql_sums(table: str, column: str, group: str) -> dict:
    """An independent count: ``SUM(column)`` of live profiles per region, straight in SQL."""
    names = {"voivodeship": "cms_voivodeship", "powiat": "cms_powiat"}
    with connection.cursor() as cursor:
        cursor.execute(
            f"""SELECT r.name, COALESCE(SUM(t.{column}), 0)
                FROM {table} t JOIN wagtailcore_page p ON p.id = t.page_ptr_id
                LEFT JOIN {names[group]} r ON r.id = t.{group}_id
                WHERE p.live GROUP BY r.name"""  # noqa: S608 - our own constants
        )
        return {name: total for name, total in cursor.fetchall() if total}


def by_name(rows) -> tuple[dict, dict]:
    participants = {row.name: row.participants for row in rows if row.participants}
    moved = {row.name: row.moved for row in rows if row.moved}
    return participants, moved


def test_country_rows_equal_sql_counts_without_the_draft(wtz_directory):
    figures = count_wtz_to_work(None, Period())
    participants, moved = by_name(figures.rows)
    expected_participants = sql_sums("workshops_workshoppage", "participants", "voivodeship")
    expected_moved = sql_sums("cooperatives_cooperativepage", "workers_from_wtz", "voivodeship")
    # The unplaced workshop is the "not given" row (NULL region in SQL).
    expected_participants["województwo nie podane"] = expected_participants.pop(None)
    assert participants == expected_participants
    assert moved == expected_moved
    assert moved == {"wielkopolskie": 6, "mazowieckie": 1, "małopolskie": 3}
    assert (figures.total.participants, figures.total.moved) == (127, 10)
    wielkopolska = next(row for row in figures.rows if row.name == "wielkopolskie")
    assert wielkopolska.share == Decimal("7.50")  # 6 of 80
    malopolska = next(row for row in figures.rows if row.name == "małopolskie")
    assert malopolska.share is None  # no participants stated there
    assert len(figures.rows) == 17  # 16 voivodeships and "not given"


def test_one_voivodeship_by_powiat(wtz_directory):
    wielkopolska = Voivodeship.objects.get(teryt="30")
    figures = count_wtz_to_work(wielkopolska, Period())
    participants, moved = by_name(figures.rows)
    assert participants == {"poznański": 30, "gnieźnieński": 50}
    assert moved == {"poznański": 4, "gnieźnieński": 2}
    assert (figures.total.participants, figures.total.moved) == (80, 6)
    assert figures.heading == "Powiat"


def test_period_counts_profiles_first_published_by_its_last_day(wtz_directory):
    earlier, later = (timezone.make_aware(datetime(2026, month, 1)) for month in (1, 6))
    CooperativePage.objects.update(first_published_at=earlier)
    WorkshopPage.objects.update(first_published_at=earlier)
    CooperativePage.objects.filter(slug="ss-a").update(first_published_at=later)
    WorkshopPage.objects.filter(slug="wtz-b").update(first_published_at=later)
    before = count_wtz_to_work(None, Period(end=date(2026, 5, 31)))
    assert (before.total.participants, before.total.moved) == (77, 6)
    after = count_wtz_to_work(None, Period(end=date(2026, 6, 1)))
    assert (after.total.participants, after.total.moved) == (127, 10)


def test_public_summary_prints_the_figures_the_national_share_and_the_definition(
    client, wtz_directory
):
    polish = client.get("/statistics/", {"voivodeship": "30"}).content.decode()
    assert "Z WTZ do pracy" in polish
    assert "7,50%" in polish
    assert "0,38%" in polish
    assert "22 000" in polish or "22,000" in polish or "22000" in polish
    english = client.get("/en/statistics/").content.decode()
    assert "From a WTZ to work" in english
    assert "Moved into cooperatives divided by WTZ participants" in english
    assert "7.87%" in english  # 10 of 127 in all of Poland


def test_the_downloads_carry_the_pages_wtz_figures(client, wtz_directory):
    counted = count_wtz_to_work(None, Period())
    csv_file = client.get("/statistics/", {"format": "csv", "table": "wtz"})
    assert csv_file.status_code == 200
    lines = csv_file.content.decode("utf-8-sig").splitlines()

    def share(row) -> str:
        return "" if row.share is None else f"{row.share}".replace(".", ",")

    expected = [
        [row.name, row.code, str(row.participants), str(row.moved), share(row)]
        for row in [*counted.rows, counted.total]
    ]
    assert [line.split(";") for line in lines[1:]] == expected
    assert counted.total.participants > 0 and counted.total.moved > 0
