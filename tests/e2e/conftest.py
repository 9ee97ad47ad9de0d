"""Headless Debian Chromium driven by Playwright, and the axe-core accessibility check.

Playwright's own browser download does not work on our machines, so the
suite drives ``/usr/bin/chromium`` (installed by ``make test``).
"""

import os
from pathlib import Path

import axe_playwright_python
import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import sync_playwright

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
# axe-core as shipped inside the axe-playwright-python wheel: no CDN.
AXE_SCRIPT = Path(axe_playwright_python.__file__).with_name("axe.min.js")
WCAG_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(autouse=True)
def _baseline_site(baseline_site):
    """Browser tests are transactional (see ``baseline_site``)."""


@pytest.fixture(scope="session")
def browser():
    # Playwright's sync API runs an event loop in this thread; the Django ORM
    # calls that tests make around it are still plain synchronous calls.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium package")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="pl-PL")
    # axe-core sent to the browser once and put into every document it opens (outside the
    # page's Content-Security-Policy): sent with each check, Playwright validated its half
    # a megabyte character by character, about a tenth of a browser test's time.
    context.add_init_script(path=AXE_SCRIPT)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def axe_violations(page) -> list[str]:
    """WCAG 2.1 A/AA violations axe-core finds on the page, one readable line each."""
    # A check begun while a click's navigation is still loading the next document finds no
    # document at all ("reading 'documentElement'" of null): the page is let finish first.
    page.wait_for_load_state("load")
    # Evaluated, not added as a <script>: the Content-Security-Policy refuses inline scripts.
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(AXE_SCRIPT.read_text())
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        WCAG_AA_TAGS,
    )
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} — "
        + ", ".join(str(node["target"]) for node in violation["nodes"][:5])
        for violation in result["violations"]
    ]


def axe_violations_on(page, paths, ready=None) -> dict[str, list[str]]:
    """Each of ``paths`` visited in turn in one browser page, with what axe finds there; only
    the pages with violations are returned, so a test asserts ``== {}`` and a failure names
    every failing page at once. One page for many paths: each test pays for its database
    and browser once. ``ready(page)`` waits for what the page draws after loading."""
    assert paths, "no page to check"
    found = {}
    for path in paths:
        page.goto(path)
        if ready is not None:
            ready(page)
        found[path] = axe_violations(page)
    return {path: violations for path, violations in found.items() if violations}


def signed_in(page, user, live_server):
    """The browser carries a session of ``user`` (the login form has its own tests)."""
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


def switch_to(page, user, live_server):
    """The same browser, now as ``user`` (or signed out with ``None``): the journeys pass
    from one side to the other without opening a new window."""
    page.context.clear_cookies()
    if user is not None:
        signed_in(page, user, live_server)
