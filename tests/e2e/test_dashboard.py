"""The regional dashboard in a browser: a regional centre reads its numbers and downloads
the workbook; the dashboard and the public statistics pass axe in both languages."""

import io

import openpyxl
import pytest

from cms.models import Organisation, Voivodeship
from tests.cms.factories import OrganisationFactory, member_of
from tests.e2e.conftest import axe_violations, axe_violations_on, signed_in
from workshops.models import WorkshopPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def rops(small_directory):
    return member_of(
        OrganisationFactory(
            name="ROPS Poznań",
            kind=Organisation.Kind.REGIONAL_CENTRE,
            voivodeship=Voivodeship.objects.get(teryt="30"),
        )
    )


def test_regional_centre_reads_its_numbers_and_downloads_the_workbook(
    page, live_server, indexed_directory, rops
):
    workshops = WorkshopPage.objects.live().filter(voivodeship__teryt="30").count()
    signed_in(page, rops, live_server)
    page.goto("/dashboard/")
    assert page.get_by_label("Województwo").input_value() == "30"
    total = page.locator("#regions tfoot td").first
    assert total.inner_text() == str(workshops)
    assert axe_violations(page) == []

    with page.expect_download() as pending:
        page.locator("a[href*='format=xlsx']").click()
    download = pending.value
    assert download.suggested_filename.startswith("kooperacja-wielkopolskie-")
    book = openpyxl.load_workbook(io.BytesIO(download.path().read_bytes()))
    regions = list(book.worksheets[0].iter_rows(min_row=5, values_only=True))
    assert regions[-1][2] == workshops  # the total row: name, code, workshops, …


def test_dashboard_has_no_axe_violations(page, live_server, rops):
    signed_in(page, rops, live_server)
    paths = ["/dashboard/", "/en/dashboard/"]
    assert axe_violations_on(page, paths, lambda p: p.locator("#regions").wait_for()) == {}


def test_public_statistics_have_no_axe_violations(page, small_directory):
    paths = [
        "/statistics/",
        "/en/statistics/",
        "/statistics/?voivodeship=30",
        "/statistics/?voivodeship=02",
        "/en/statistics/?start=2026-05-01&end=2026-01-01",
    ]
    assert axe_violations_on(page, paths) == {}


def test_filters_work_without_javascript(browser, live_server, small_directory):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/statistics/")
    page.get_by_label("Województwo").select_option("30")
    page.locator(".figures-filters button[type='submit']").click()
    assert "voivodeship=30" in page.url
    assert page.locator("#regions tbody th").first.inner_text() == "m. Poznań"
    context.close()
