"""Brokered help in a browser: a company asks its regional centre for help, the centre's
officer (the demo's ``rops`` role) takes the request from its queue, recommends two
cooperatives, the company shortlists one in one click, and the time to the first
recommendation shows on the dashboard; axe finds nothing on the queue, on the officer's
view of the need and on the company's need page with the recommendation, in Polish and
English, wide and 375 px."""

import pytest

from cms.models import Voivodeship
from partners.models import BrokeredRequest, Contact, Recommendation, Shortlist
from search.sync import flush
from tests.cms.factories import RegionalCentreFactory, member_of
from tests.e2e.conftest import axe_violations, signed_in
from tests.partners.factories import build_market

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = ({"width": 1280, "height": 900}, {"width": 375, "height": 800})


def no_violations_anywhere(page, path: str) -> None:
    """axe finds nothing at ``path`` and at its English address, wide and 375 px wide."""
    here = page.url
    for address in (path, f"/en{path}"):
        for size in WIDTHS:
            page.set_viewport_size(size)
            page.goto(address)
            assert axe_violations(page) == [], (address, size["width"])
    page.set_viewport_size(WIDTHS[0])
    page.goto(here)


def test_the_regional_centre_recommends_two_and_the_company_shortlists_one(
    page, live_server, indexed_directory
):
    market = build_market()
    market.need.voivodeship = Voivodeship.objects.get(teryt="30")
    market.need.save()
    flush()  # the market's new cooperatives are searchable
    rops = member_of(RegionalCentreFactory(name="ROPS Poznań"))
    nitka, szew = market.cooperatives[1], market.cooperatives[2]
    need_path = f"/needs/{market.need.slug}/"

    # The company asks its regional centre for help from the need's page.
    signed_in(page, market.boss, live_server)
    page.goto(need_path)
    page.get_by_label("Co powinien wiedzieć regionalny ośrodek?").fill(
        "Nie znamy szwalni. Kto uszyje fartuchy do marca?"
    )
    page.get_by_role("button", name="Poproś regionalny ośrodek o pomoc").click()
    page.get_by_text("Wasza prośba trafiła do regionalnego ośrodka.").wait_for()
    assert BrokeredRequest.objects.get().status == "open"

    # The officer takes it from the queue.
    signed_in(page, rops, live_server)
    page.goto("/broker/")
    no_violations_anywhere(page, "/broker/")
    waiting = page.locator("table", has=page.get_by_text("Prośby czekające na rekomendację"))
    waiting.get_by_role("link", name=market.need.title).click()
    page.get_by_role("heading", name=market.need.title, level=1).wait_for()
    assert "Nie znamy szwalni." in page.locator("main").inner_text()

    matches = page.locator("section[aria-labelledby='matches-heading']")
    for cooperative in (nitka, szew):
        card = matches.locator("li.card", has_text=cooperative.title)
        card.get_by_role("button", name="Dodaj do rekomendacji").click()
        page.get_by_text("Dodano do rekomendacji.").wait_for()
    broker_path = f"/broker/needs/{market.need.slug}/"
    no_violations_anywhere(page, broker_path)
    page.get_by_label("Wiadomość dla firmy").fill("Obie szyją odzież roboczą pod Poznaniem.")
    page.get_by_role("button", name="Wyślij rekomendację do firmy").click()
    page.get_by_text("Rekomendacja została wysłana do firmy.").wait_for()
    recommendation = Recommendation.objects.get()
    assert set(recommendation.cooperatives.all()) == {nitka, szew}
    no_violations_anywhere(page, broker_path)

    # The company reads the recommendation and shortlists one cooperative in one click.
    signed_in(page, market.boss, live_server)
    page.goto(need_path)
    recommended = page.locator("article.recommendation")
    assert "Obie szyją odzież roboczą pod Poznaniem." in recommended.inner_text()
    recommended.locator("li.card", has_text=nitka.title).get_by_role(
        "button", name="Dodaj do krótkiej listy"
    ).click()
    page.get_by_text("Dodano do krótkiej listy.").wait_for()
    assert list(Shortlist.objects.values_list("cooperative", flat=True)) == [nitka.pk]
    assert "Na waszej krótkiej liście" in page.locator("article.recommendation").inner_text()
    log = page.locator("section[aria-labelledby='contacts-heading']").inner_text()
    for step in ("prośba o pomoc", "wysłano rekomendację", "dodano do krótkiej listy"):
        assert step in log
    assert Contact.objects.count() == 3
    no_violations_anywhere(page, need_path)

    # The time to the first recommendation is on the regional dashboard.
    signed_in(page, rops, live_server)
    page.goto("/dashboard/")
    assert page.locator("[data-figure='received']").inner_text() == "1"
    request = BrokeredRequest.objects.get()
    days = (request.answered_at - request.created_at).total_seconds() / 86400
    shown = page.locator("[data-figure='median-days']").inner_text()
    assert shown == f"{days:.1f}".replace(".", ",")
    page.locator("#brokering").get_by_role("link", name="Otwórz prośby o pomoc").wait_for()
    assert axe_violations(page) == []
