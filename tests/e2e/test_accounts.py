"""A person signs up, confirms the e-mail, logs in and out, in a real browser."""

import re

import pytest
from django.core import mail

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_sign_up_verify_email_log_in_and_log_out(page):
    page.goto("/")
    page.get_by_role("link", name="Załóż konto").first.click()
    page.get_by_label("Email:").fill("warsztat@example.org")
    page.get_by_label("Hasło:", exact=True).fill("Wtz-Gebice-2026!")
    page.get_by_label("Hasło (ponownie):").fill("Wtz-Gebice-2026!")
    page.get_by_role("button", name="Zarejestruj się").click()
    page.wait_for_url("**/accounts/confirm-email/")

    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+", mail.outbox[0].body).group(0)
    page.goto(link)
    page.get_by_role("button", name="Potwierdź").click()

    page.goto("/accounts/login/")
    page.get_by_label("Email:").fill("warsztat@example.org")
    page.get_by_label("Hasło:", exact=True).fill("Wtz-Gebice-2026!")
    page.get_by_role("button", name="Zaloguj", exact=True).click()
    page.get_by_text("warsztat@example.org").wait_for()

    page.get_by_role("button", name="Wyloguj się").click()
    page.get_by_role("link", name="Zaloguj się").wait_for()
    assert page.get_by_text("warsztat@example.org").count() == 0
