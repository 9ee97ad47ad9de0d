"""axe-core finds no WCAG 2.1 AA violations on the foundation's pages, in both languages."""

import pytest

from tests.e2e.conftest import axe_violations, axe_violations_on

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_foundation_pages_have_no_axe_violations(page):
    paths = [
        "/",
        "/accounts/login/",
        "/accounts/signup/",
        "/en/",
        "/en/accounts/login/",
        "/en/accounts/signup/",
    ]
    assert axe_violations_on(page, paths) == {}


def test_keyboard_user_reaches_main_content_through_the_skip_link(page):
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Przejdź do treści")
    assert skip.evaluate("element => element === document.activeElement")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_language_switcher_works_without_javascript(browser, live_server):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/accounts/login/")
    page.get_by_role("link", name="English").click()
    assert page.url.endswith("/en/accounts/login/")
    assert page.locator("html").get_attribute("lang") == "en"
    context.close()


def test_directory_pages_have_no_axe_violations(page, small_directory):
    paths = [
        "/spoldzielnie/",
        "/spoldzielnie/?capability=ceramics",
        "/spoldzielnie/ss-igla/",
        "/warsztaty/",
        "/warsztaty/wtz-testowo/",
        "/partnerzy/firma-testowa/",
        "/en/spoldzielnie/",
        "/en/spoldzielnie/ss-igla/",
        "/en/warsztaty/wtz-testowo/",
        "/en/partnerzy/",
    ]
    assert axe_violations_on(page, paths) == {}


def test_directory_filters_work_with_the_keyboard_and_without_javascript(
    browser, live_server, small_directory
):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/spoldzielnie/")
    page.get_by_label("Czym się zajmują").focus()
    page.get_by_label("Czym się zajmują").select_option("sewing")
    submit = page.get_by_role("button", name="Pokaż wyniki")
    for _ in range(5):  # voivodeship and "accepting orders" come first
        page.keyboard.press("Tab")
        if submit.evaluate("element => element === document.activeElement"):
            break
    assert submit.evaluate("element => element === document.activeElement")
    page.keyboard.press("Enter")
    page.wait_for_url("**capability=sewing**")
    assert page.get_by_role("heading", level=3).all_inner_texts() == [
        "Spółdzielnia Socjalna „Igła”"
    ]
    context.close()


def test_my_organisations_page_has_no_axe_violations(page, small_directory):
    from cms import roles
    from tests.cms.factories import PASSWORD, MembershipFactory, OrganisationFactory, UserFactory

    manager = MembershipFactory(organisation=OrganisationFactory(name="Igła"), role="manager").user
    roles.request_to_join(manager.memberships.get().organisation, UserFactory(), "Proszę o dostęp.")
    manager.is_superuser = True  # sees the pending request too
    manager.save()
    page.goto("/accounts/login/")
    page.get_by_label("Email:").fill(manager.email)
    page.get_by_label("Hasło:", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Zaloguj", exact=True).click()
    page.goto("/organisations/")
    page.get_by_role("heading", name="Prośby czekające na Twoją decyzję").wait_for()
    assert axe_violations(page) == []


def test_search_page_has_no_axe_violations(page, indexed_directory):
    paths = ["/search/", "/search/?q=szycie&near=Poznan", "/en/search/?q=sewing"]
    paths.append("/search/?near=Xyz")  # a place nobody knows: the error is announced
    assert axe_violations_on(page, paths) == {}
