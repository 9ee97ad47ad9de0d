"""The company journey in a browser: a need, explained matches, an inquiry, the reply."""

import re

import pytest
from django.core import mail

from cms.models import Organisation
from cooperatives.models import CooperativePage
from partners.models import Inquiry, PartnerPage
from tests.cms.factories import PASSWORD, OrganisationFactory, member_of
from tests.e2e.conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, user):
    page.context.clear_cookies()
    page.goto("/accounts/login/")
    page.get_by_label("Email:").fill(user.email)
    page.get_by_label("Hasło:", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Zaloguj", exact=True).click()
    page.get_by_role("link", name="Moje organizacje").wait_for()


def test_company_finds_sewing_near_poznan_and_the_cooperative_answers(page, indexed_directory):
    company = member_of(
        OrganisationFactory(
            name="Firma", kind=Organisation.Kind.COMPANY, page=PartnerPage.objects.get()
        )
    )
    cooperative = member_of(
        OrganisationFactory(name="Igła", page=CooperativePage.objects.get(slug="ss-igla"))
    )

    log_in(page, company)
    page.goto("/needs/new/")
    assert axe_violations(page) == []
    page.get_by_label("Czego potrzebujesz?").fill("Szycie fartuchów roboczych")
    page.get_by_label("Ile").fill("2000 szt.")
    page.get_by_label("Miejscowość").fill("Poznań")
    page.get_by_role("button", name="Znajdź spółdzielnie").click()
    page.get_by_role("heading", name="Spółdzielnie, które mogą to zrobić").wait_for()
    first = page.locator("ol.cards > li").first
    assert "Spółdzielnia Socjalna „Igła”" in first.inner_text()
    assert "szycie" in first.inner_text() and "km od miejscowości Poznań" in first.inner_text()
    assert axe_violations(page) == []

    first.get_by_text("Wyślij zapytanie").first.click()
    first.get_by_label("Twoja wiadomość").fill("Czy zdążycie do marca?")
    first.get_by_role("button", name="Wyślij zapytanie").click()
    page.get_by_text("Zapytanie wysłano do").wait_for()
    assert any(cooperative.email in message.to for message in mail.outbox)

    log_in(page, cooperative)
    page.goto("/inquiries/")
    page.get_by_role("link", name="Szycie fartuchów roboczych").click()
    # The inquiry's own page, not the list the click leaves: axe run mid-navigation finds
    # no document.
    page.wait_for_url(re.compile(r"/inquiries/\d+/$"))
    page.get_by_label("Odpowiedź").wait_for()
    assert axe_violations(page) == []
    page.get_by_label("Odpowiedź").fill("Tak, do końca lutego.")
    page.get_by_label("Status").select_option("in_talks")
    page.get_by_role("button", name="Wyślij").click()
    page.get_by_text("Zapisano.").wait_for()
    assert Inquiry.objects.get().status == Inquiry.Status.IN_TALKS
