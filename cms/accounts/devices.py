"""Browsers that have signed in to an account before ("known devices").

A successful login leaves a signed, HTTP-only cookie in the browser: a random
device id and a keyed fingerprint of each e-mail address of the accounts that
signed in there (at most :data:`MAX_ACCOUNTS`, newest first). The login rate
limits (:mod:`cms.accounts.adapters`) read it to tell an account's owner at
their own browser from a stranger guessing at the account: the owner's failures
are counted for that browser alone, so a stranger's failures cannot lock the
owner out of it. The fingerprints are HMACs under the project's secret key, so
the cookie does not reveal the addresses, and it cannot be forged or moved to
another account.
"""

from __future__ import annotations

import secrets
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.utils.crypto import salted_hmac

COOKIE_NAME = "kooperacja_device"
MAX_AGE = timedelta(days=180)
MAX_ACCOUNTS = 10
_SALT = "cms.accounts.devices"


def normalised_login(login: str) -> str:
    """The form in which an e-mail login is counted: case and surrounding spaces do not
    make a new account to guess at."""
    return login.strip().lower()


def account_fingerprint(login: str) -> str:
    return salted_hmac(_SALT, normalised_login(login)).hexdigest()[:20]


def _read(request: HttpRequest) -> tuple[str, list[str]] | None:
    raw = request.COOKIES.get(COOKIE_NAME)
    if not raw:
        return None
    try:
        data = signing.loads(raw, salt=_SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict):
        return None
    device, accounts = data.get("id"), data.get("accounts")
    if not isinstance(device, str) or not isinstance(accounts, list):
        return None
    return device, [account for account in accounts if isinstance(account, str)]


def known_device(request: HttpRequest, login: str) -> str | None:
    """The id of this browser if an account with the e-mail ``login`` signed in here, else None."""
    found = _read(request)
    if found and account_fingerprint(login) in found[1]:
        return found[0]
    return None


def remember_device(request: HttpRequest, response: HttpResponse, user) -> None:
    """Mark this browser as known to every e-mail address of ``user`` (on a successful login)."""
    device, accounts = _read(request) or (secrets.token_urlsafe(16), [])
    addresses = set(EmailAddress.objects.filter(user=user).values_list("email", flat=True))
    if user.email:
        addresses.add(user.email)
    fresh = [account_fingerprint(address) for address in sorted(addresses)]
    kept = [account for account in accounts if account not in fresh]
    value = signing.dumps({"id": device, "accounts": (fresh + kept)[:MAX_ACCOUNTS]}, salt=_SALT)
    response.set_cookie(
        COOKIE_NAME,
        value,
        max_age=int(MAX_AGE.total_seconds()),
        httponly=True,
        secure=settings.SESSION_COOKIE_SECURE,
        samesite="Lax",
    )
