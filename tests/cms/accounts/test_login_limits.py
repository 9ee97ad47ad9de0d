"""Every login form resists guessing, per address and per account, and a stranger cannot lock
the owner out (the reasons are in cms/accounts/adapters.py).

Addresses are set per request (``REMOTE_ADDR``), as a server sees them; each browser is a
``Client`` of its own, with its own cookies.
"""

import re

import pytest
from django.core import mail
from django.test import Client

from cms.accounts import devices
from tests.cms.factories import PASSWORD, UserFactory, totp_code

pytestmark = pytest.mark.django_db

ATTACKER = "198.51.100.7"
OWNER = "203.0.113.20"
LIMITED = "Zbyt wiele nieudanych prób logowania"
WRONG = "Podany adres e-mail i/lub hasło są niepoprawne."


def attempt(client, email, password, address, url="/accounts/login/"):
    return client.post(url, {"login": email, "password": password}, REMOTE_ADDR=address)


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def from_addresses(email, count):
    """One wrong password from each of ``count`` addresses, each a browser of its own."""
    return [
        attempt(Client(), email, "zle-haslo", f"192.0.2.{number}") for number in range(1, count + 1)
    ]


def known_browser(user):
    """A browser the owner has signed in with (and signed out of)."""
    client = Client()
    assert attempt(client, user.email, PASSWORD, OWNER).status_code == 302
    assert devices.COOKIE_NAME in client.cookies
    client.post("/accounts/logout/", REMOTE_ADDR=OWNER)
    assert not signed_in(client)
    return client


@pytest.mark.parametrize(
    ("entry", "administrator"),
    [("/admin/login/", True), ("/accounts/login/", False)],
    ids=["admin login", "public login"],
)
def test_thirty_guesses_from_one_address_are_refused_after_five_and_the_owner_still_gets_in(
    entry, administrator
):
    user = UserFactory(is_staff=administrator, is_superuser=administrator)
    attacker = Client()
    form = attacker.get(entry, follow=True, REMOTE_ADDR=ATTACKER)
    login_url = form.redirect_chain[-1][0] if form.redirect_chain else entry
    assert 'name="password"' in form.text

    answers = [attempt(attacker, user.email, f"haslo-{n}", ATTACKER, login_url) for n in range(30)]
    assert [LIMITED in answer.text for answer in answers] == [False] * 5 + [True] * 25
    assert all(WRONG in answer.text for answer in answers[:5])
    # The right password from the attacker's address is refused too (the 31st post in a
    # minute meets allauth's limit on all login posts: a 429 page).
    right = attempt(attacker, user.email, PASSWORD, ATTACKER, login_url)
    assert right.status_code == 429
    assert not signed_in(attacker)

    # The owner, at another address, signs in (with the second factor when they need it).
    owner = Client()
    response = attempt(owner, user.email, PASSWORD, OWNER, login_url)
    assert response.status_code == 302
    if administrator:
        assert response["Location"] == "/accounts/2fa/authenticate/"
        response = owner.post(response["Location"], {"code": totp_code()}, REMOTE_ADDR=OWNER)
        assert response["Location"] == "/admin/"
        assert owner.get("/admin/", REMOTE_ADDR=OWNER).status_code == 200
    assert signed_in(owner)


def test_guesses_from_many_addresses_pause_the_account_for_unknown_browsers_only():
    user = UserFactory()
    owners_browser = known_browser(user)

    answers = from_addresses(user.email, 12)
    assert [LIMITED in answer.text for answer in answers] == [False] * 10 + [True] * 2
    stranger = Client()
    assert LIMITED in attempt(stranger, user.email, PASSWORD, "192.0.2.99").text
    assert not signed_in(stranger)

    response = attempt(owners_browser, user.email, PASSWORD, OWNER)
    assert response.status_code == 302
    assert signed_in(owners_browser)


def test_the_owners_browser_has_a_limit_of_its_own():
    """A known browser is exempt from the others' failures, not from limits."""
    user = UserFactory()
    owners_browser = known_browser(user)
    answers = [attempt(owners_browser, user.email, "zle-haslo", OWNER) for _ in range(11)]
    assert [LIMITED in answer.text for answer in answers] == [False] * 10 + [True]
    assert LIMITED in attempt(owners_browser, user.email, PASSWORD, OWNER).text
    assert not signed_in(owners_browser)


def test_a_browser_known_to_one_account_is_a_stranger_to_another():
    attacker = UserFactory()
    victim = UserFactory()
    browser = known_browser(attacker)
    answers = [attempt(browser, victim.email, "zle-haslo", ATTACKER) for _ in range(6)]
    assert [LIMITED in answer.text for answer in answers] == [False] * 5 + [True]


def test_a_forged_device_cookie_counts_for_nothing():
    user = UserFactory()
    from_addresses(user.email, 10)
    browser = Client()
    browser.cookies[devices.COOKIE_NAME] = "eyJpZCI6ImZha2UifQ:forged:signature"
    assert LIMITED in attempt(browser, user.email, PASSWORD, OWNER).text


def test_owner_at_a_new_browser_signs_in_with_an_emailed_code_while_the_account_is_paused():
    user = UserFactory()
    from_addresses(user.email, 10)
    owner = Client()
    assert LIMITED in attempt(owner, user.email, PASSWORD, OWNER).text
    assert "Wyślij mi kod logowania" in owner.get("/accounts/login/", REMOTE_ADDR=OWNER).text

    owner.post("/accounts/login/code/", {"email": user.email}, REMOTE_ADDR=OWNER)
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [user.email]
    code = re.search(r"^\s*([A-Z0-9]{3,}(?:-[A-Z0-9]+)*)\s*$", mail.outbox[0].body, re.M)[1]
    response = owner.post("/accounts/login/code/confirm/", {"code": code}, REMOTE_ADDR=OWNER)
    assert response.status_code == 302
    assert signed_in(owner)


def test_asking_for_a_sign_in_code_answers_the_same_for_unknown_addresses(client):
    """The code login, now on, must not tell a stranger which addresses have accounts."""
    user = UserFactory()
    known = client.post("/accounts/login/code/", {"email": user.email}, REMOTE_ADDR=OWNER)
    unknown = Client().post(
        "/accounts/login/code/", {"email": "nikt@example.org"}, REMOTE_ADDR="192.0.2.50"
    )
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])


def test_a_password_reset_by_email_forgets_the_accounts_failures():
    user = UserFactory()
    from_addresses(user.email, 10)
    assert LIMITED in attempt(Client(), user.email, PASSWORD, OWNER).text

    owner = Client()
    owner.post("/accounts/password/reset/", {"email": user.email}, REMOTE_ADDR=OWNER)
    link = next(word for word in mail.outbox[0].body.split() if "/password/reset/key/" in word)
    form = owner.get(link, follow=True, REMOTE_ADDR=OWNER)
    new_password = "Nowe-haslo-2026!"
    owner.post(
        form.redirect_chain[-1][0],
        {"password1": new_password, "password2": new_password},
        REMOTE_ADDR=OWNER,
    )
    response = attempt(Client(), user.email, new_password, OWNER)
    assert response.status_code == 302
