"""axe finds nothing on the marketplace pages that no other browser test checks in Polish and
English at 1280 and 375 pixels, and none of them scrolls sideways on a phone (WCAG 1.4.10).

The other pages of the marketplace are checked where their journeys are: registration,
claiming and the claims queue in ``test_joining.py``; the need's page (with the shortlist,
the request for quotes and the close form), the cooperative's inquiry page with the quote
form, and the quote comparison in ``test_quotes_journey.py``. The notification pages and the
stale list were checked at 1280 pixels only (``test_notifications.py``, ``test_freshness.py``),
so here they are checked at 375.
"""

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.utils import timezone

from cms import freshness
from cms.models import Registration, Voivodeship
from cms.models.freshness import months_before
from cooperatives.models import Capability
from partners import needs, quotes
from partners.models import Inquiry
from search.sync import flush
from tests.cms.factories import OrganisationFactory, RegionalCentreFactory, UserFactory, member_of
from tests.cooperatives.factories import CooperativePageFactory
from tests.e2e.conftest import axe_violations, switch_to
from tests.partners.factories import NeedFactory, build_market

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = 375


@pytest.fixture
def marketplace(indexed_directory):
    """Every state the pages can be in: a need with a request for quotes out (one quote in,
    one cooperative still to answer), a need fulfilled by a delivered order, a withdrawn one,
    a need that fits Igła and that it has not offered for, a registration waiting, and a
    stale profile."""
    market = build_market()
    flush()
    boss, igla, nitka = market.boss, market.cooperatives[0], market.cooperatives[1]
    today = timezone.localdate()
    for cooperative in market.cooperatives:
        needs.toggle_shortlist(market.need, cooperative)
    quotes.request_quotes(boss, market.need.slug, market.cooperatives, "Prosimy o wycenę.")
    asked = {i.cooperative_id: i for i in Inquiry.objects.filter(need=market.need)}
    quote = quotes.submit_quote(
        market.tailors[0],
        asked[igla.pk].pk,
        {"price_pln": Decimal("15000"), "earliest_date": today + dt.timedelta(days=14)},
    )

    sewing = [Capability.objects.get(code="sewing")]
    done = NeedFactory(partner=market.company, title="Szycie toreb", capabilities=sewing)
    needs.toggle_shortlist(done, nitka)
    (asked_nitka,) = quotes.request_quotes(boss, done.slug, [nitka], "Prosimy o wycenę toreb.")
    bags = quotes.submit_quote(
        market.tailors[1],
        asked_nitka.pk,
        {"price_pln": Decimal("4000"), "earliest_date": today + dt.timedelta(days=7)},
    )
    order = quotes.accept(
        boss, done.slug, bags.pk, {"value_pln": Decimal("4000"), "planned_delivery": today}
    )
    quotes.mark_delivered(boss, order.slug)
    fitting = NeedFactory(partner=market.company, title="Szycie poszewek", capabilities=sewing)
    withdrawn = NeedFactory(partner=market.company, title="Szycie czapek", capabilities=sewing)
    needs.close_need(boss, withdrawn.slug, "withdrawn")

    registration = Registration.objects.create(
        registrant=UserFactory(),
        name="Spółdzielnia Socjalna „Nowa”",
        kind="cooperative",
        voivodeship=Voivodeship.objects.get(teryt="30"),
        krs="0000555444",
    )
    stale = CooperativePageFactory(
        title="Spółdzielnia Socjalna „Dawna”", verified_on=months_before(today, 19)
    )
    member_of(OrganisationFactory(name="Dawna", page=stale))
    return {
        "boss": boss,
        "igla_member": market.tailors[0],
        "nitka_member": market.tailors[1],
        "admin": UserFactory(is_staff=True, is_superuser=True),
        "centre": member_of(RegionalCentreFactory()),
        "need": market.need,
        "quote": quote,
        "nitka_inquiry": asked[nitka.pk],
        "offer": f"/needs/{fitting.slug}/offer/{igla.pk}/",
        "withdrawn": f"/needs/{withdrawn.slug}/",
        "registration": registration,
        "confirm": f"/profiles/confirm/{freshness.confirmation_token(stale, today)}/",
    }


SUBMIT_NEED = re.compile("^(Znajdź spółdzielnie|Find cooperatives)$")
SEND_REQUEST = re.compile("^(Wyślij prośbę o oferty|Send the request for quotes)$")
SEND_OFFER = re.compile("^(Wyślij ofertę|Send the offer)$")
SUBMIT_QUOTE = re.compile("^(Złóż ofertę|Submit the quote)$")
PLACE_ORDER = re.compile("^(Złóż zamówienie|Place the order)$")
ORDER_VALUE = re.compile("^(Wartość zamówienia w zł|Order value in PLN)")


def problems_here(page) -> list[str]:
    found = axe_violations(page)
    if page.evaluate("document.documentElement.scrollWidth > window.innerWidth"):
        found.append("wider than the window: it scrolls sideways (WCAG 1.4.10)")
    return found


def test_marketplace_pages_have_no_axe_violations(page, live_server, marketplace):
    """One pass per language and width (one set-up for all four: it is the slow part)."""
    problems = {}
    for language in ("", "/en"):
        for width in (1280, PHONE):
            page.set_viewport_size({"width": width, "height": 900})
            for path, found in check_pages(page, live_server, marketplace, language, width):
                problems[f"{language or '/pl'} {width} px {path}"] = found
    assert {name: found for name, found in problems.items() if found} == {}


def check_pages(page, live_server, m, language, width):
    """Yield each page's path and what is wrong with it, as each person sees it."""

    def check(path, *, only_on_phone=False):
        if not (only_on_phone and width != PHONE):
            page.goto(language + path)
            return [(path, problems_here(page))]
        return []

    def check_errors(path, form, button, emptied=None):
        """Send the form at ``path`` unfilled (or with the ``emptied`` field cleared) and
        check the page with its error summary."""
        page.goto(language + path)
        if emptied:
            page.locator(form).get_by_label(emptied).fill("")
        page.locator(form).get_by_role("button", name=button).click()
        page.locator(".error-summary").wait_for()
        return [(f"{path} with errors", problems_here(page))]

    need = m["need"].slug
    accept = f"/needs/{need}/quotes/{m['quote'].pk}/accept/"
    switch_to(page, m["boss"], live_server)
    yield from check("/needs/")  # the company's needs, one with its delivered order
    yield from check("/needs/new/")
    yield from check_errors("/needs/new/", "main form", SUBMIT_NEED)
    yield from check(f"/needs/{need}/edit/")
    yield from check(m["withdrawn"])  # closed by the company: its state, no matches
    yield from check_errors(f"/needs/{need}/", "form[action$='/request-quotes/']", SEND_REQUEST)
    yield from check(accept)
    yield from check_errors(accept, "main form", PLACE_ORDER, emptied=ORDER_VALUE)
    yield from check("/notifications/", only_on_phone=True)
    yield from check("/notifications/settings/", only_on_phone=True)

    switch_to(page, m["igla_member"], live_server)
    yield from check("/inquiries/")
    yield from check("/needs/fitting/")
    yield from check(m["offer"])
    yield from check_errors(m["offer"], "main form", SEND_OFFER)
    switch_to(page, m["nitka_member"], live_server)
    yield from check_errors(
        f"/inquiries/{m['nitka_inquiry'].pk}/", "form[action$='/quote/']", SUBMIT_QUOTE
    )

    switch_to(page, m["admin"], live_server)
    yield from check(f"/organisations/queue/registrations/{m['registration'].pk}/")
    switch_to(page, m["centre"], live_server)
    yield from check("/dashboard/stale/", only_on_phone=True)
    switch_to(page, None, live_server)
    yield from check(m["confirm"])  # the reminder's link works without signing in
