"""Notifications in a real browser: reached from the header and used with the keyboard alone,
and axe finds nothing on the list, the settings and the unsubscribe page, in Polish and English."""

import re

import pytest

from cms import notices
from cms.models import Notification
from tests.cms.factories import UserFactory
from tests.e2e.conftest import axe_violations, signed_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def is_focused(locator) -> bool:
    return locator.evaluate("element => element === document.activeElement")


def test_notifications_by_keyboard_from_the_header_to_read_and_settings(page, live_server):
    person = UserFactory()
    notices.notify([person], "reply", "Odpowiedź od Spółdzielni „Igła”", "Uszyjemy do marca.")
    notices.notify([person], "new_need", "Szycie 2000 fartuchów", url="/notifications/settings/")
    signed_in(page, person, live_server)

    page.goto("/")
    header_link = page.get_by_role("link", name=re.compile(r"^Powiadomienia \(2"))
    header_link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/notifications/")
    assert axe_violations(page) == []

    newest = page.get_by_role("link", name="Szycie 2000 fartuchów")
    newest.focus()
    page.keyboard.press("Enter")  # opens it: marked read, on to its page
    page.wait_for_url("**/notifications/settings/")
    assert Notification.objects.get(title="Szycie 2000 fartuchów").read_at is not None
    assert axe_violations(page) == []

    # Settings with the keyboard: the arrow keys move within a kind's radio group.
    page.get_by_role("group", name="Odpowiedzi i wyceny w Twoich zapytaniach").get_by_role(
        "radio", name="E-mail od razu"
    ).focus()
    page.keyboard.press("ArrowDown")
    page.get_by_role("button", name="Zapisz ustawienia").focus()
    page.keyboard.press("Enter")
    page.get_by_text("Zapisano Twoje ustawienia powiadomień.").wait_for()
    assert notices.preferences_of(person)["reply"] == "daily"

    page.goto("/notifications/")
    mark_all = page.get_by_role("button", name="Oznacz wszystkie jako przeczytane")
    mark_all.focus()
    page.keyboard.press("Enter")
    page.get_by_text("Wszystko przeczytane.").wait_for()
    assert page.get_by_role("link", name="Powiadomienia", exact=True).is_visible()


def test_axe_finds_nothing_on_the_notification_pages_in_both_languages(page, live_server):
    person = UserFactory()
    for number in range(22):  # two pages: the pagination is checked too
        notices.notify([person], "status", f"Zmiana statusu nr {number}", "Zamówienie wysłane.")
    token = notices.unsubscribe_token(person, ["status"])
    signed_in(page, person, live_server)
    for prefix in ("", "/en"):
        for path in (
            "/notifications/",
            "/notifications/?page=2",
            "/notifications/settings/",
            f"/notifications/unsubscribe/{token}/",
        ):
            page.goto(prefix + path)
            assert axe_violations(page) == [], prefix + path
    page.get_by_role("button", name="Stop these e-mails").click()
    page.get_by_text("will get no more e-mails about").wait_for()
    assert axe_violations(page) == []
    assert notices.preferences_of(person)["status"] == "off"
