"""Accounts: sign-up with e-mail verification, login rate limits and password reset."""

import pytest
from django.core import mail

pytestmark = pytest.mark.django_db


def test_signup_sends_a_verification_email_and_does_not_log_in(client):
    response = client.post(
        "/accounts/signup/",
        {
            "email": "nowa@example.org",
            "password1": "Spoldzielnia-2026!",
            "password2": "Spoldzielnia-2026!",
        },
    )
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["nowa@example.org"]
    assert "/accounts/confirm-email/" in mail.outbox[0].body
    assert "_auth_user_id" not in client.session


def test_signup_form_errors_are_shown_in_polish(client):
    response = client.post(
        "/accounts/signup/", {"email": "to-nie-jest-email", "password1": "a", "password2": "b"}
    )
    assert response.status_code == 200
    assert "Wprowadź poprawny adres email." in response.content.decode()


def test_repeated_failed_logins_are_rate_limited_even_with_the_right_password(
    client, django_user_model
):
    django_user_model.objects.create_user("ola", "ola@example.org", "Poprawne-haslo-1")
    limited = "Zbyt wiele nieudanych prób logowania"
    first = client.post("/accounts/login/", {"login": "ola@example.org", "password": "zle"})
    assert limited not in first.content.decode()
    for _ in range(5):
        client.post("/accounts/login/", {"login": "ola@example.org", "password": "zle"})
    blocked = client.post(
        "/accounts/login/", {"login": "ola@example.org", "password": "Poprawne-haslo-1"}
    )
    assert limited in blocked.content.decode()
    assert "_auth_user_id" not in client.session


def test_password_reset_by_emailed_link_sets_a_new_password(client, django_user_model):
    from allauth.account.models import EmailAddress

    user = django_user_model.objects.create_user("jan", "jan@example.org", "Stare-haslo-2026")
    EmailAddress.objects.create(user=user, email="jan@example.org", verified=True, primary=True)
    client.post("/accounts/password/reset/", {"email": "jan@example.org"})
    assert len(mail.outbox) == 1
    link = next(word for word in mail.outbox[0].body.split() if "/password/reset/key/" in word)
    form_page = client.get(link, follow=True)
    response = client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else link,
        {"password1": "Nowe-haslo-2026!", "password2": "Nowe-haslo-2026!"},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Nowe-haslo-2026!")
