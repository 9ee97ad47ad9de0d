"""The regional dashboard and the public summary: numbers checked against SQL, the period,
the exports, and who sees what (contact data and unpublished records never leak)."""

import csv
import io
import json
import re
from datetime import date, datetime
from html.parser import HTMLParser
from pathlib import Path

import openpyxl
import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from wagtail.models import Page

from cms import roles
from cms.dashboard.charts import bar_chart
from cms.dashboard.figures import regional_figures
from cms.models import VOIVODESHIPS, Organisation, Voivodeship
from cooperatives.models import CooperativeIndexPage, CooperativePage
from partners.models import Need, PartnerPage
from search.query import MatchRequest, match
from tests.cms.factories import MembershipFactory, OrganisationFactory, UserFactory, member_of
from tests.conftest import ModuleData

pytestmark = pytest.mark.django_db

CONTACT_DATA = (
    "wtz-gniezno@example.org",
    "+48 61 111 22 33",
    "ul. Tajna 7",
    "szkic@example.org",
    "+48 600 700 800",
    "biuro@firma-poznan.example",
    "+48 61 999 88 77",
    "ul. Ukryta 3",
)
# Around the small directory: a second workshop with contact data, a draft cooperative,
# a Poznań company, partnerships of every status (one without a start date), and needs
# placed by their own voivodeship, by their company's, open and closed.
MORE_RECORDS = [
    {
        "type": "workshop",
        "slug": "wtz-gniezno",
        "name": "Warsztat Terapii Zajęciowej w Gnieźnie",
        "participants": 25,
        "voivodeship": "30",
        "powiat": "gnieźnieński",
        "email": "wtz-gniezno@example.org",
        "phone": "+48 61 111 22 33",
        "address": {"street": "ul. Tajna 7", "postal_code": "62-200", "city": "Gniezno"},
    },
    {
        "type": "cooperative",
        "slug": "ss-szkic",
        "name": "Spółdzielnia Socjalna „Szkic”",
        "capabilities": ["ceramics"],
        "voivodeship": "30",
        "powiat": "gnieźnieński",
        "email": "szkic@example.org",
        "phone": "+48 600 700 800",
    },
    {
        "type": "partner",
        "slug": "firma-poznan",
        "name": "Firma Poznańska",
        "voivodeship": "30",
        "powiat": "m. Poznań",
        "email": "biuro@firma-poznan.example",
        "phone": "+48 61 999 88 77",
        "address": {"street": "ul. Ukryta 3", "postal_code": "60-101", "city": "Poznań"},
    },
    {
        "type": "partnership",
        "slug": "igla-poznan-plan",
        "cooperative": "ss-igla",
        "partner": "firma-poznan",
        "status": "planned",
    },
    {
        "type": "partnership",
        "slug": "igla-poznan-old",
        "cooperative": "ss-igla",
        "partner": "firma-poznan",
        "started": "2019-03-01",
        "jobs_created": 2,
        "status": "ended",
    },
    {
        "type": "partnership",
        "slug": "smak-firma",
        "cooperative": "ss-smak",
        "partner": "firma-testowa",
        "started": "2024-02-01",
        "jobs_created": 3,
        "status": "active",
    },
    {
        "type": "need",
        "slug": "zegary",
        "partner": "firma-poznan",
        "title": "Naprawa zegarów wieżowych",
        "voivodeship": "30",
        "address": {"postal_code": "60-101", "city": "Poznań"},
        "status": "open",
    },
    {
        "type": "need",
        "slug": "catering-gniezno",
        "partner": "firma-poznan",
        "title": "Catering dla 50 osób",
        "capabilities": ["catering"],
        "voivodeship": "30",
        "address": {"postal_code": "62-200", "city": "Gniezno"},
        "status": "open",
    },
    {
        "type": "need",
        "slug": "stare-fartuchy",
        "partner": "firma-poznan",
        "title": "Fartuchy z zeszłego roku",
        "capabilities": ["sewing"],
        "status": "closed",
    },
]
UNMATCHED_IN_WIELKOPOLSKA = {"zegary", "catering-gniezno"}


def import_more_records(folder: Path) -> None:
    """The records above, through the public import; "Szkic" is then unpublished, so it is
    a draft."""
    path = folder / "more.jsonl"
    path.write_text("\n".join(json.dumps(record, ensure_ascii=False) for record in MORE_RECORDS))
    call_command("import_directory", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    CooperativePage.objects.get(slug="ss-szkic").unpublish()


@pytest.fixture(scope="module")
def _regions_once(_small_directory_once, module_data, tmp_path_factory):
    return module_data.build(lambda: import_more_records(tmp_path_factory.mktemp("regions")))


@pytest.fixture
def regions(_regions_once, small_directory, tmp_path):
    """The small directory and the records above."""
    ModuleData.use(_regions_once, lambda: import_more_records(tmp_path))


@pytest.fixture
def wielkopolska():
    return Voivodeship.objects.get(teryt="30")


@pytest.fixture
def rops(wielkopolska):
    return member_of(
        OrganisationFactory(
            name="ROPS Poznań", kind=Organisation.Kind.REGIONAL_CENTRE, voivodeship=wielkopolska
        )
    )


def sql(query: str, *params) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        return cursor.fetchall()


# -- independent counts, straight from the tables


# Regions by which the SQL groups: a voivodeship's TERYT code or a powiat's name.
BY = {"teryt": "v.teryt", "powiat": "w.name"}


def live_profiles(table: str, region: str, extra: str = "count(*)") -> dict:
    return dict(
        sql(
            f"""SELECT {BY[region]}, {extra} FROM {table} t
                JOIN wagtailcore_page p ON p.id = t.page_ptr_id
                LEFT JOIN cms_voivodeship v ON v.id = t.voivodeship_id
                LEFT JOIN cms_powiat w ON w.id = t.powiat_id
                WHERE p.live GROUP BY 1"""  # noqa: S608 - names are ours
        )
    )


def partnerships(region: str, status: str, extra: str = "count(*)") -> dict:
    """Partnerships placed by their cooperative, both sides published."""
    return dict(
        sql(
            f"""SELECT {BY[region]}, {extra} FROM partners_partnership s
                JOIN cooperatives_cooperativepage c ON c.page_ptr_id = s.cooperative_id
                JOIN wagtailcore_page cp ON cp.id = c.page_ptr_id AND cp.live
                JOIN wagtailcore_page pp ON pp.id = s.partner_id AND pp.live
                LEFT JOIN cms_voivodeship v ON v.id = c.voivodeship_id
                LEFT JOIN cms_powiat w ON w.id = c.powiat_id
                WHERE s.status = %s GROUP BY 1""",  # noqa: S608 - names are ours
            status,
        )
    )


def open_needs_by_voivodeship() -> dict:
    return dict(
        sql(
            """SELECT v.teryt, count(*) FROM partners_need n
               JOIN partners_partnerpage c ON c.page_ptr_id = n.partner_id
               JOIN wagtailcore_page p ON p.id = c.page_ptr_id AND p.live
               LEFT JOIN cms_voivodeship v ON v.id = COALESCE(n.voivodeship_id, c.voivodeship_id)
               WHERE n.status = 'open' GROUP BY v.teryt"""
        )
    )


def open_needs_by_capability() -> dict:
    return dict(
        sql(
            """SELECT k.code, count(*) FROM partners_need n
               JOIN partners_need_capabilities nk ON nk.need_id = n.id
               JOIN cooperatives_capability k ON k.id = nk.capability_id
               JOIN wagtailcore_page p ON p.id = n.partner_id AND p.live
               WHERE n.status = 'open' GROUP BY k.code"""
        )
    )


def by_code(figures) -> dict:
    return {row.code: row for row in figures.regions.rows}


# -- the numbers


def test_every_voivodeship_has_a_row_in_teryt_order_and_rows_add_up_to_the_total(regions):
    figures = regional_figures()
    assert [row.code for row in figures.regions.rows[:16]] == sorted(VOIVODESHIPS)
    total = figures.total
    assert figures.regions.columns
    for column in figures.regions.columns:
        values = [getattr(row, column.name) for row in figures.regions.rows]
        assert sum(values) == getattr(total, column.name), column.name


def test_voivodeship_rows_equal_counts_computed_in_sql(regions):
    rows = by_code(regional_figures())
    expected = {
        "workshops": live_profiles("workshops_workshoppage", "teryt"),
        "participants": live_profiles(
            "workshops_workshoppage", "teryt", "coalesce(sum(t.participants), 0)"
        ),
        "cooperatives": live_profiles("cooperatives_cooperativepage", "teryt"),
        "partners": live_profiles("partners_partnerpage", "teryt"),
        "partnerships_planned": partnerships("teryt", "planned"),
        "partnerships_active": partnerships("teryt", "active"),
        "partnerships_ended": partnerships("teryt", "ended"),
        "open_needs": open_needs_by_voivodeship(),
    }
    jobs = {
        status: partnerships("teryt", status, "coalesce(sum(s.jobs_created), 0)")
        for status in ("active", "ended")
    }
    assert VOIVODESHIPS
    for teryt in VOIVODESHIPS:
        for column, counts in expected.items():
            assert getattr(rows[teryt], column) == counts.get(teryt, 0), (teryt, column)
        made = jobs["active"].get(teryt, 0) + jobs["ended"].get(teryt, 0)
        assert rows[teryt].jobs_created == made, teryt
    # The fixture's own facts, so the SQL above is not merely agreeing with itself.
    assert (rows["30"].workshops, rows["30"].participants) == (2, 55)
    assert (rows["30"].cooperatives, rows["30"].partners) == (1, 1)
    assert (rows["30"].partnerships_planned, rows["30"].partnerships_ended) == (1, 1)
    assert rows["30"].jobs_created == 5 + 2
    assert rows["10"].jobs_created == 3
    assert (rows["30"].open_needs, rows["14"].open_needs) == (2, 1)


def test_powiat_rows_of_wielkopolska_equal_counts_computed_in_sql(regions, wielkopolska):
    figures = regional_figures(wielkopolska)
    rows = {row.name: row for row in figures.regions.rows}
    workshops = live_profiles("workshops_workshoppage", "powiat")
    cooperatives = live_profiles("cooperatives_cooperativepage", "powiat")
    active = partnerships("powiat", "active")
    for name in ("poznański", "gnieźnieński", "m. Poznań"):
        assert rows[name].workshops == workshops.get(name, 0), name
        assert rows[name].cooperatives == cooperatives.get(name, 0), name
        assert rows[name].partnerships_active == active.get(name, 0), name
    # Needs take the company's powiat only in the company's own town.
    assert rows["m. Poznań"].open_needs == 1
    assert rows[figures.regions.rows[-1].name].open_needs == 1  # Gniezno: powiat not given
    assert figures.regions.rows[-1].code == ""
    assert figures.total.workshops == sum(workshops.get(name, 0) for name in rows)


def test_open_needs_by_kind_of_work_equal_counts_computed_in_sql(regions):
    figures = regional_figures()
    rows = {row.code: row.open_needs for row in figures.needs.rows if row.code}
    assert rows == open_needs_by_capability()
    assert figures.needs.total.open_needs == figures.total.open_needs == 3
    unnamed = figures.needs.rows[-1]
    assert (unnamed.code, unnamed.open_needs) == ("", 1)  # the clock repair names no kind


def test_a_draft_or_unpublished_profile_is_not_counted_nor_anything_hanging_on_it(regions):
    before = by_code(regional_figures())["30"]
    assert before.cooperatives == 1  # "Szkic" is a draft
    PartnerPage.objects.get(slug="firma-poznan").unpublish()
    after = by_code(regional_figures())["30"]
    assert after.partners == before.partners - 1
    assert after.partnerships_planned == after.partnerships_ended == 0
    assert after.open_needs == 0


# -- the period


def at(day: date, hour: int = 12):
    return timezone.make_aware(datetime(day.year, day.month, day.day, hour))


def test_profiles_count_when_first_published_by_the_last_day_of_the_period(regions):
    Page.objects.filter(slug="wtz-testowo").update(first_published_at=at(date(2024, 6, 30), 23))
    Page.objects.filter(slug="wtz-gniezno").update(first_published_at=at(date(2024, 7, 1), 0))
    assert by_code(regional_figures(end=date(2024, 6, 30)))["30"].workshops == 1
    assert by_code(regional_figures(end=date(2024, 7, 1)))["30"].workshops == 2
    assert by_code(regional_figures(end=date(2024, 6, 29)))["30"].workshops == 0
    # A start date does not drop profiles published before it: they are still there.
    assert by_code(regional_figures(start=date(2025, 1, 1)))["30"].workshops == 2


def test_partnerships_count_when_they_started_within_the_period(regions):
    year_2025 = regional_figures(start=date(2025, 1, 1), end=date(2025, 12, 31)).total
    assert (year_2025.partnerships_active, year_2025.jobs_created) == (1, 5)
    assert year_2025.partnerships_planned == 0  # no start date, and the period has a start
    until_2024 = regional_figures(end=date(2024, 12, 31)).total
    assert until_2024.partnerships_active == 1  # Smak, 2024
    assert until_2024.partnerships_ended == 1  # 2019
    assert until_2024.partnerships_planned == 1  # no start date, and the period has none


def test_needs_count_when_posted_within_the_period(regions):
    Need.objects.filter(slug="zegary").update(created_at=at(date(2024, 3, 10)))
    march = regional_figures(start=date(2024, 3, 1), end=date(2024, 3, 31))
    assert march.total.open_needs == 1
    assert regional_figures(start=date(2024, 3, 11)).total.open_needs == 2


# -- matching


def test_open_needs_the_matcher_cannot_serve_are_counted_without_a_match(
    regions, indexed_directory, wielkopolska
):
    figures = regional_figures(wielkopolska)
    unmatched = {
        need.slug
        for need in Need.objects.filter(status="open")
        if not match(MatchRequest.from_need(need)).results
    }
    assert unmatched == UNMATCHED_IN_WIELKOPOLSKA
    assert figures.total.needs_without_match == 2
    assert set(
        Need.objects.filter(pk__in=figures.unmatched_need_ids).values_list("slug", flat=True)
    ) == (UNMATCHED_IN_WIELKOPOLSKA)
    national = by_code(regional_figures())
    assert (national["14"].open_needs, national["14"].needs_without_match) == (1, 0)


def test_each_need_without_a_match_leads_the_centre_to_its_brokering_page(
    regions, indexed_directory, client, rops
):
    client.force_login(rops)
    page = client.get("/dashboard/").text
    assert UNMATCHED_IN_WIELKOPOLSKA
    for slug in UNMATCHED_IN_WIELKOPOLSKA:
        assert f'href="/broker/needs/{slug}/"' in page
        assert client.get(f"/broker/needs/{slug}/").status_code == 200


def test_when_the_matcher_is_down_every_other_number_is_still_shown(
    regions, elasticsearch_down, client, rops
):
    figures = regional_figures()
    assert figures.total.needs_without_match is None
    assert figures.total.cooperatives == 2
    client.force_login(rops)
    response = client.get("/dashboard/")
    assert response.status_code == 200
    assert 'id="matching-unavailable"' in response.text
    assert table_cells(response.text, "regions")[-1][1:4] == ["2", "55", "1"]
    sheet = workbook(client.get("/statistics/", {"format": "xlsx"})).worksheets[0]
    total = list(sheet.iter_rows(values_only=True))[-1]
    assert total[-1] is None and total[-2] == 3  # without a match: empty, not 0
    rows = csv_rows(client.get("/statistics/", {"format": "csv", "table": "regions"}))
    assert rows[-1][-1] == ""


# -- exports hold the page's numbers


class TableReader(HTMLParser):
    """The text of each row of one table on a page, by the table's id."""

    def __init__(self, table_id: str):
        super().__init__()
        self.table_id, self.inside, self.rows, self.cell = table_id, False, [], None

    def handle_starttag(self, tag, attrs):
        if tag == "table" and dict(attrs).get("id") == self.table_id:
            self.inside = True
        elif self.inside and tag == "tr":
            self.rows.append([])
        elif self.inside and tag in ("td", "th"):
            self.cell = []

    def handle_endtag(self, tag):
        if tag == "table":
            self.inside = False
        elif self.inside and tag in ("td", "th") and self.cell is not None:
            self.rows[-1].append(" ".join("".join(self.cell).split()))
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def table_cells(html: str, table_id: str) -> list[list[str]]:
    """The body and footer rows of a table (the header row left out)."""
    reader = TableReader(table_id)
    reader.feed(html)
    return reader.rows[1:]


def csv_rows(response) -> list[list[str]]:
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def workbook(response):
    return openpyxl.load_workbook(io.BytesIO(response.content))


def test_csv_and_xlsx_hold_the_numbers_shown_on_the_page(regions, indexed_directory, client):
    params = {"voivodeship": "30", "start": "2019-02-01", "end": "2026-12-31"}
    page = client.get("/statistics/", params)
    assert page.status_code == 200
    for table in ("regions", "needs"):
        shown = table_cells(page.text, table)
        assert shown, table
        response = client.get("/statistics/", {**params, "format": "csv", "table": table})
        assert response["Content-Type"].startswith("text/csv")
        assert response.content.startswith(b"\xef\xbb\xbf")  # Excel reads it as UTF-8
        assert f"-{table}.csv" in response["Content-Disposition"]
        rows = csv_rows(response)[1:]
        assert [[row[0], *row[2:]] for row in rows] == shown
    response = client.get("/statistics/", {**params, "format": "xlsx"})
    assert (
        'filename="kooperacja-wielkopolskie-from-2019-02-01_to-2026-12-31.xlsx"'
        in (response["Content-Disposition"])
    )
    book = workbook(response)
    for sheet, table in zip(book.worksheets[:2], ("regions", "needs"), strict=True):
        lines = list(sheet.iter_rows(min_row=5, values_only=True))
        assert all(cell.font.bold for cell in sheet[5])  # the header row
        body = [[line[0], *line[2:]] for line in lines[1:]]
        assert all(isinstance(value, int) for line in body for value in line[1:])
        assert [[str(value) for value in line] for line in body] == table_cells(page.text, table)


def test_a_calendar_year_names_the_file_by_its_year(regions, client):
    response = client.get(
        "/statistics/",
        {"voivodeship": "10", "start": "2026-01-01", "end": "2026-12-31", "format": "xlsx"},
    )
    assert 'filename="kooperacja-lodzkie-2026.xlsx"' in response["Content-Disposition"]


# -- what the public summary never shows


def test_public_summary_and_its_exports_hold_no_contact_data_drafts_or_needs(regions, client):
    texts = []
    for params in ({}, {"voivodeship": "30"}):
        texts.append(client.get("/statistics/", params).text)
        for table in ("regions", "needs"):
            response = client.get("/statistics/", {**params, "format": "csv", "table": table})
            texts.append(response.content.decode("utf-8-sig"))
        book = workbook(client.get("/statistics/", {**params, "format": "xlsx"}))
        texts.append(
            "\n".join(
                str(value)
                for sheet in book.worksheets
                for row in sheet.iter_rows(values_only=True)
                for value in row
                if value is not None
            )
        )
        # Regions, kinds of work, orders by region and by kind, WTZ to work, definitions: no
        # needs and no brokered help (the region's centre only).
        assert len(book.worksheets) == 6
    assert texts
    for text in texts:
        for private in (*CONTACT_DATA, "Szkic", "Naprawa zegarów", "Catering dla 50"):
            assert private not in text


# -- who may see the dashboard


def test_anonymous_visitor_is_sent_to_log_in(client, db):
    response = client.get("/dashboard/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/dashboard/")


@pytest.mark.parametrize("kind", [Organisation.Kind.COMPANY, Organisation.Kind.COOPERATIVE])
def test_company_and_cooperative_members_get_a_403_page_pointing_to_the_statistics(
    client, small_directory, kind
):
    if kind == "company":
        page = PartnerPage.objects.get(slug="firma-testowa")
    else:
        page = CooperativePage.objects.get(slug="ss-igla")
    client.force_login(member_of(OrganisationFactory(kind=kind, page=page)))
    response = client.get("/dashboard/")
    assert response.status_code == 403
    assert 'href="/statistics/"' in response.text


def test_a_regional_centre_not_approved_or_a_membership_not_active_gives_no_dashboard(
    client, wielkopolska
):
    centre = OrganisationFactory(
        kind=Organisation.Kind.REGIONAL_CENTRE, voivodeship=wielkopolska, approved=False
    )
    client.force_login(member_of(centre))
    assert client.get("/dashboard/").status_code == 403
    approved = OrganisationFactory(kind=Organisation.Kind.REGIONAL_CENTRE, voivodeship=wielkopolska)
    asking = MembershipFactory(organisation=approved, status="requested").user
    client.force_login(asking)
    assert client.get("/dashboard/").status_code == 403


def test_regional_centre_opens_on_its_voivodeship_with_its_needs_without_a_match(
    client, regions, indexed_directory, rops
):
    client.force_login(rops)
    response = client.get("/dashboard/")
    assert response.status_code == 200
    assert response.context["figures"].voivodeship.teryt == "30"
    assert '<option value="30" selected>' in response.text
    assert "Naprawa zegarów wieżowych" in response.text
    assert 'href="/partnerzy/firma-poznan/"' in response.text
    # The page's own link names the region, though the page's address does not.
    xlsx = response.context["downloads"][0].query
    assert "voivodeship=30" in xlsx
    sheets = workbook(client.get(f"/dashboard/?{xlsx}")).worksheets
    listed = [row[0] for row in sheets[2].iter_rows(min_row=6, values_only=True)]
    assert sorted(listed) == ["Catering dla 50 osób", "Naprawa zegarów wieżowych"]


def test_regional_centre_sees_no_needs_of_another_voivodeship(client, regions, rops):
    client.force_login(rops)
    response = client.get("/dashboard/", {"voivodeship": "14"})
    assert response.status_code == 200
    assert response.context["unmatched"] is None and response.context["queue"] is None
    assert "Uszycie 2000 fartuchów" not in response.text


def test_administrator_opens_the_dashboard_for_all_of_poland(client, regions):
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    response = client.get("/dashboard/")
    assert response.status_code == 200
    assert response.context["figures"].voivodeship is None


def test_dashboard_counts_profiles_of_its_region_waiting_for_moderation(client, regions, rops):
    workflow = roles.ensure_moderation_workflow(CooperativeIndexPage.get_or_create())
    workflow.start(CooperativePage.objects.get(slug="ss-igla"), rops)
    client.force_login(rops)
    queue = client.get("/dashboard/").context["queue"]
    assert (queue.in_review, queue.drafts) == (1, 1)  # Igła submitted; Szkic a draft


def test_admin_menu_has_the_dashboard_for_regional_centres_only(client, small_directory, rops):
    client.force_login(rops)
    assert '"url": "/dashboard/"' in client.get("/admin/").text
    editor = member_of(OrganisationFactory(page=CooperativePage.objects.get(slug="ss-igla")))
    roles.grant_page_rights(editor.memberships.get().organisation)
    client.force_login(editor)
    assert "/dashboard/" not in client.get("/admin/").text


def test_members_who_joined_a_regional_centre_before_its_approval_reach_the_admin_menu(
    client, wielkopolska
):
    centre = OrganisationFactory(
        kind=Organisation.Kind.REGIONAL_CENTRE, voivodeship=wielkopolska, approved=False
    )
    early = MembershipFactory(organisation=centre).user
    roles.approve_organisation(centre)
    client.force_login(early)
    assert '"url": "/dashboard/"' in client.get("/admin/").text


# -- the filter form


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"start": "2026-05-01", "end": "2026-01-01"}, "end"),
        ({"start": "1800-01-01"}, "start"),
        ({"end": "3026-01-01"}, "end"),
        ({"start": "yesterday"}, "start"),
        ({"voivodeship": "99"}, "voivodeship"),
    ],
)
def test_filters_refuse_impossible_periods_and_regions_with_a_message(client, db, params, field):
    response = client.get("/statistics/", params)
    assert response.status_code == 400
    assert f'id="id_{field}_error"' in response.text
    assert f'aria-describedby="id_{field}_helptext id_{field}_error"' in response.text or (
        f'aria-describedby="id_{field}_error"' in response.text
    )


def test_public_summary_is_linked_from_the_main_menu_in_both_languages(client, db):
    assert 'href="/statistics/"' in client.get("/statistics/").text
    english = client.get("/en/statistics/")
    assert english.status_code == 200
    assert 'href="/en/statistics/"' in english.text


def test_a_region_with_nothing_says_so(client, small_directory):
    response = client.get("/statistics/", {"voivodeship": "02"})
    assert response.status_code == 200
    assert 'class="empty-state"' in response.text
    assert 'id="regions"' not in response.text


def test_charts_draw_the_table_numbers_hidden_from_screen_readers(client, regions):
    response = client.get("/statistics/", {"voivodeship": "30"})
    assert response.text.count('<div class="charts" aria-hidden="true">') == 2
    chart = bar_chart([("<b>", 2), ("Igła", 4)])
    assert 'aria-hidden="true"' in chart and "&lt;b&gt;" in chart
    widths = [float(width) for width in re.findall(r'<rect [^>]*width="([\d.]+)"', chart)]
    assert widths[1] == 2 * widths[0]


def test_figures_link_to_the_map_of_the_same_region(client, small_directory):
    response = client.get("/statistics/", {"voivodeship": "30"})
    assert 'href="/map/?voivodeship=30"' in response.content.decode()
