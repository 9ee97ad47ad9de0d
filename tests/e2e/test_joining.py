"""Joining in a real browser: a newcomer signs up and registers a company that an administrator
approves; a cooperative's member claims its listed profile on its own domain and edits it; and
axe finds nothing on the joining pages in Polish and English, on a desktop and a phone."""

import itertools
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from wagtail.users.models import UserProfile

from cms.models import Claim, Organisation, Registration, Voivodeship
from cooperatives.models import CooperativePage
from tests.cms.factories import UserFactory
from tests.e2e.conftest import axe_violations, signed_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "Pralnia-Testowa-2026!"
NEW_TEXT = "Szyjemy fartuchy i odzież roboczą; od marca trzy zmiany."


def is_focused(locator) -> bool:
    return locator.evaluate("element => element === document.activeElement")


def sign_up(page, email):
    page.goto("/")
    page.get_by_role("link", name="Załóż konto").first.click()
    page.get_by_label("Email:").fill(email)
    page.get_by_label("Hasło:", exact=True).fill(PASSWORD)
    page.get_by_label("Hasło (ponownie):").fill(PASSWORD)
    page.get_by_role("button", name="Zarejestruj się").click()
    page.wait_for_url("**/accounts/confirm-email/")
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+", mail.outbox[-1].body).group(0)
    page.goto(link)
    page.get_by_role("button", name="Potwierdź").click()
    page.goto("/accounts/login/")
    page.get_by_label("Email:").fill(email)
    page.get_by_label("Hasło:", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Zaloguj", exact=True).click()
    page.get_by_text(email).wait_for()


def test_a_newcomer_registers_a_company_and_an_administrator_approves_it(page, live_server):
    sign_up(page, "biuro@pralnia-testowa.pl")
    page.get_by_role("link", name="Moje organizacje").click()
    page.get_by_role("link", name="Zarejestruj nową organizację").click()

    # Sent empty: the error summary takes the focus and leads to each field to correct.
    page.get_by_role("button", name="Wyślij rejestrację").click()
    summary = page.locator(".error-summary")
    summary.wait_for()
    assert is_focused(summary)
    assert axe_violations(page) == []
    # With the keyboard: Tab reaches the first error's link, Enter puts the cursor in its field.
    page.keyboard.press("Tab")
    assert is_focused(summary.get_by_role("link", name=re.compile("^Nazwa organizacji")))
    page.keyboard.press("Enter")
    assert is_focused(page.get_by_label("Nazwa organizacji"))

    page.get_by_label("Nazwa organizacji").fill("Pralnia Testowa Sp. z o.o.")
    page.get_by_label("Rodzaj organizacji").select_option("company")
    page.get_by_label("Województwo").select_option(label="mazowieckie")
    page.get_by_label("NIP").fill("777-000-11-11")
    page.get_by_role("button", name="Wyślij rejestrację").click()
    page.wait_for_url("**/organisations/")
    page.get_by_text("czeka na decyzję").wait_for()
    registrant = get_user_model().objects.get(email="biuro@pralnia-testowa.pl")
    page.context.clear_cookies()

    admin = UserFactory(is_staff=True, is_superuser=True)
    signed_in(page, admin, live_server)
    page.goto("/organisations/")
    page.get_by_role("link", name=re.compile("czeka na Twoją decyzję")).click()
    item = page.locator(".card", has_text="Pralnia Testowa Sp. z o.o.")
    item.get_by_role("button", name="Zatwierdź").click()
    page.get_by_text("Zatwierdzono: Pralnia Testowa Sp. z o.o.").wait_for()
    page.context.clear_cookies()

    organisation = Organisation.objects.get(name="Pralnia Testowa Sp. z o.o.")
    assert (organisation.kind, organisation.approved, organisation.nip) == (
        "company",
        True,
        "7770001111",
    )
    assert Registration.objects.get().status == "approved"
    assert mail.outbox[-1].to == ["biuro@pralnia-testowa.pl"]
    signed_in(page, registrant, live_server)
    page.goto("/organisations/")
    membership = page.locator("table").first.get_by_role("row", name=re.compile("Pralnia Testowa"))
    assert "Moje zlecenia" in membership.inner_text()
    assert "zatwierdzono" in page.locator("#asked-heading ~ table").inner_text()


def test_a_cooperative_member_claims_its_listed_profile_on_its_domain_and_edits_it(
    page, live_server, small_directory
):
    igla = CooperativePage.objects.get(slug="ss-igla")
    igla.website = "https://www.igla-poznan.pl/"
    igla.save_revision().publish()
    member = UserFactory(email="anna@igla-poznan.pl")
    profile = UserProfile.get_for_user(member)
    profile.preferred_language = "en"
    profile.save()
    signed_in(page, member, live_server)

    page.goto("/spoldzielnie/ss-igla/")
    page.get_by_role(
        "link", name="Przejmij profil organizacji Spółdzielnia Socjalna „Igła”"
    ).click()
    page.get_by_text("anna@igla-poznan.pl jest w domenie profilu").wait_for()
    page.get_by_role("button", name="Przejmij ten profil").click()
    page.wait_for_url("**/organisations/")
    assert Claim.objects.get().status == "approved"

    page.get_by_role("link", name="Edytuj profil").click()
    page.get_by_role("textbox", name="Short description").fill(NEW_TEXT)
    page.get_by_role("button", name="Save draft").click()
    page.get_by_text("has been updated").wait_for()
    igla.refresh_from_db()
    assert igla.get_latest_revision_as_object().description == NEW_TEXT
    assert igla.description != NEW_TEXT  # a draft: published after moderation


@pytest.fixture
def joining_pages(small_directory):
    """An administrator with a registration, a claim waiting, and a claim refused without
    a reason (so the error summary is on the page)."""
    Registration.objects.create(
        registrant=UserFactory(),
        name="Spółdzielnia Socjalna „Nowa”",
        kind="cooperative",
        voivodeship=Voivodeship.objects.get(teryt="30"),
        krs="0000555444",
    )
    igla = CooperativePage.objects.get(slug="ss-igla")
    claim = Claim.objects.create(claimant=UserFactory(), page=igla, message="To my.")
    return {"admin": UserFactory(is_staff=True, is_superuser=True), "igla": igla, "claim": claim}


def test_joining_pages_have_no_axe_violations(page, live_server, joining_pages):
    signed_in(page, joining_pages["admin"], live_server)
    igla, claim = joining_pages["igla"], joining_pages["claim"]
    problems = {}
    for language, width in itertools.product(("", "/en"), (1280, 375)):
        page.set_viewport_size({"width": width, "height": 900})
        for path in (
            "/organisations/",
            "/organisations/register/",
            "/organisations/claim/?q=spółdzielnia",
            f"/organisations/claim/{igla.pk}/",
            "/organisations/queue/",
            "/spoldzielnie/ss-igla/",
        ):
            page.goto(language + path)
            found = problems[f"{language}{path} at {width}px"] = axe_violations(page)
            if page.evaluate("document.documentElement.scrollWidth > window.innerWidth"):
                found.append("wider than the window: it scrolls sideways (WCAG 1.4.10)")
        page.goto(f"{language}/organisations/register/")
        send = re.compile("Wyślij rejestrację|Send the registration")
        page.get_by_role("button", name=send).click()
        page.locator(".error-summary").wait_for()
        problems[f"{language} register with errors at {width}px"] = axe_violations(page)
        page.goto(f"{language}/organisations/queue/claims/{claim.pk}/")
        page.get_by_role("button", name=re.compile("^(Odmów|Refuse)$")).click()
        page.locator(".error-summary").wait_for()
        problems[f"{language} refusal without a reason at {width}px"] = axe_violations(page)
    assert len(problems) == 32
    assert {path: found for path, found in problems.items() if found} == {}
