"""Requests for quotes in a browser: a company asks three cooperatives at once, two quote and one
declines, the company compares, accepts one and marks it delivered; each cooperative reads
the need in full; axe finds nothing on the pages, in Polish and English, wide and 375 px."""

import pytest

from partners.models import Inquiry, Need, Order, Quote
from search.sync import flush
from tests.cms.factories import PASSWORD
from tests.e2e.conftest import axe_violations, signed_in
from tests.partners.factories import build_market

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
WIDTHS = ({"width": 1280, "height": 900}, {"width": 375, "height": 800})


@pytest.fixture
def attachments_removed():
    """The quote files the test uploads are deleted after it (they live outside the database)."""
    yield
    for quote in Quote.objects.exclude(attachment=""):
        quote.attachment.delete(save=False)


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


def test_a_company_asks_three_cooperatives_compares_the_quotes_and_orders(
    page, live_server, indexed_directory, tmp_path, attachments_removed
):
    market = build_market()
    market.need.quantity_value, market.need.quantity_unit = 2000, "szt."
    market.need.save()
    flush()  # the two new cooperatives are searchable
    nitka, szew = market.cooperatives[1], market.cooperatives[2]

    # The company logs in and lands on its needs.
    page.goto("/accounts/login/")
    page.get_by_label("Email:").fill(market.boss.email)
    page.get_by_label("Hasło:", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Zaloguj", exact=True).click()
    page.get_by_role("heading", name="Moje zlecenia", level=1).wait_for()
    page.get_by_role("link", name=market.need.title).click()

    for cooperative in market.cooperatives:
        card = page.locator("ol.cards > li", has_text=cooperative.title)
        card.get_by_role("button", name="Dodaj do krótkiej listy").click()
        page.get_by_text("Dodano do krótkiej listy.").wait_for()
    need_path = f"/needs/{market.need.slug}/"
    no_violations_anywhere(page, need_path)

    request = page.locator("form[action$='/request-quotes/']")
    for cooperative in market.cooperatives:
        request.get_by_label(cooperative.title).check()
    request.get_by_label("Twoja wiadomość").fill("Prosimy o wycenę 2000 fartuchów do marca.")
    request.get_by_label("Imię i nazwisko").fill("Anna Kowalska")
    request.get_by_label("Telefon").fill("61 123 45 67")
    request.get_by_role("button", name="Wyślij prośbę o oferty").click()
    page.get_by_text("Prośba o ofertę wysłana do:").wait_for()
    assert Inquiry.objects.filter(need=market.need, requests_quote=True).count() == 3

    # Each cooperative reads the need in full and the company's contact; two quote, one declines.
    attachment = tmp_path / "oferta.pdf"
    attachment.write_bytes(PDF_BYTES)
    answers = [("15000", None), ("11000", attachment), (None, "Nie mamy wolnych maszyn.")]
    turns = list(zip(market.tailors, market.cooperatives, answers, strict=True))
    assert turns
    for tailor, cooperative, (price, extra) in turns:
        signed_in(page, tailor, live_server)
        inquiry = Inquiry.objects.get(need=market.need, cooperative=cooperative)
        page.goto(f"/inquiries/{inquiry.pk}/")
        main = page.locator("main")
        for fact in (
            "Fartuchy robocze z kieszenią, bawełna.",
            "2000 szt.",
            "Poznań",
            "Anna Kowalska",
            "61 123 45 67",
            "Prosimy o wycenę 2000 fartuchów do marca.",
        ):
            assert fact in main.inner_text(), fact
        if price:
            quote = page.locator("form[action$='/quote/']")
            quote.get_by_label("Cena w zł").fill(price)
            quote.get_by_label("Najwcześniejszy termin dostawy").fill("2030-02-01")
            quote.get_by_label("Uwagi").fill("Z dostawą do magazynu.")
            quote.get_by_label("Imię i nazwisko").fill(f"Krawiec {cooperative.title}")
            if extra:
                quote.get_by_label("Załącznik (nieobowiązkowy)").set_input_files(str(extra))
            quote.get_by_role("button", name="Złóż ofertę").click()
            page.get_by_text("Oferta wysłana do:").wait_for()
        else:
            no_violations_anywhere(page, f"/inquiries/{inquiry.pk}/")
            page.get_by_label("Dlaczego nie możecie się tego podjąć?").fill(extra)
            page.get_by_role("button", name="Odmów").click()
            page.get_by_text("Odmówiliście.").wait_for()

    # The company compares them side by side and accepts the cheaper one.
    signed_in(page, market.boss, live_server)
    page.goto("/")
    badge = page.get_by_role("link", name="Moje zlecenia")
    assert "3" in badge.inner_text()  # two quotes and a refusal, unread
    quotes_path = f"/needs/{market.need.slug}/quotes/"
    page.goto(quotes_path)
    rows = page.locator("table tbody tr")
    assert rows.count() == 3
    assert nitka.title in rows.nth(0).inner_text() and "oferta.pdf" in rows.nth(0).inner_text()
    assert szew.title in rows.nth(2).inner_text()
    assert "Nie mamy wolnych maszyn." in rows.nth(2).inner_text()
    no_violations_anywhere(page, quotes_path)

    with page.expect_download() as download:
        rows.nth(0).get_by_role("link", name="oferta.pdf").click()
    assert download.value.path().read_bytes() == PDF_BYTES

    rows.nth(0).get_by_role("link", name="Przyjmij").click()
    page.get_by_role("heading", name="Przyjmij ofertę").wait_for()
    page.get_by_role("button", name="Złóż zamówienie").click()
    page.get_by_text("Zamówienie złożone w:").wait_for()
    order = Order.objects.get()
    assert order.cooperative == nitka and order.status == "placed"
    assert Need.objects.get(pk=market.need.pk).status == "fulfilled"
    assert set(Inquiry.objects.values_list("status", flat=True)) == {
        "agreed",
        "not_chosen",
        "declined",
    }

    page.get_by_role("button", name="Oznacz jako dostarczone").click()
    page.get_by_text("Zamówienie oznaczone jako dostarczone.").wait_for()
    order.refresh_from_db()
    assert order.status == "delivered"
    no_violations_anywhere(page, need_path)
