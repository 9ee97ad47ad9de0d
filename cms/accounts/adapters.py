"""allauth adapters: login rate limits that slow guessing but never lock the owner out,
and a second factor administrators and regional moderators cannot switch off.

Every login form of the site is allauth's (the Wagtail admin's ``/admin/login/``
leads there and Django's admin is not mounted), so these limits guard them all.
A failed password is counted, before the password is even checked, in buckets
set in ``ACCOUNT_RATE_LIMITS``:

* ``login_failed``, per address (``5/5m/ip``): one address gets five wrong
  passwords in five minutes, for any accounts, after which it is refused even
  the right one. Guessing from one machine goes from ~1.5 tries a second (the
  audit) to one a minute. IPv6 addresses count by their /64; behind a proxy the
  address is taken from X-Forwarded-For (``TRUSTED_PROXY_COUNT``). allauth counts
  wrong second-factor codes here too, per address and per person.
* ``login_failed``, per account (``10/h/key``): all browsers that never signed in
  to that account share ten wrong passwords an hour, so guessing from many
  addresses is slowed too (240 a day at most; administrators and regional
  moderators also need their TOTP code).
* ``login_failed_known_device``, per account and browser (``10/h/key``): a
  browser that has signed in to the account before (a signed cookie,
  :mod:`cms.accounts.devices`) is counted on its own and is exempt from the two
  limits above. This is why a stranger cannot lock a known user out: whatever
  the stranger tries, the owner's own browser keeps its full allowance.

An owner at a new browser while the account is under attack is not locked out
either: "Send me a sign-in code" (allauth's login by code, on) signs them in with
a code sent to their e-mail, and the second factor still follows. Requests for
codes are limited (``3/15m/ip,6/15m/key``) so one address can neither flood a
mailbox nor use up an account's codes by itself.

Why not progressive delays: a delay holds a web worker for its length, so an
attacker would turn the limit into a denial of service for everyone. A refusal
answers at once and costs nothing.
"""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.internal import ratelimit
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _

from cms.accounts import devices, second_factor
from partners.landing import landing_url

_APP = "allauth.account"


def _login_of(credentials: dict[str, Any]) -> str:
    return devices.normalised_login(credentials.get("email") or credentials.get("username") or "")


class AccountAdapter(DefaultAccountAdapter):
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "too_many_password_attempts": _(
            "Too many failed login attempts. Try again later, or choose “Send me a sign-in "
            "code” to sign in with a code sent to your e-mail."
        ),
    }

    def pre_authenticate(self, request: HttpRequest, **credentials: Any) -> None:
        """Count this attempt in its buckets (see the module docstring) or refuse it.

        allauth's own version keys the account by the site's domain as well, which
        comes from the Host header; ours keys it by the e-mail alone, so that another
        allowed host name is not another ten guesses. A successful login gives its
        count back (allauth's ``authenticate`` rolls back ``_login_failed_rl_usage``).
        """
        login = _login_of(credentials)
        device = devices.known_device(request, login)
        if device:
            action, key = "login_failed_known_device", f"{login} {device}"
        else:
            action, key = "login_failed", login
        self._login_failed_rl_usage = ratelimit.consume(request, app=_APP, action=action, key=key)
        if not self._login_failed_rl_usage:
            raise self.validation_error("too_many_password_attempts")

    def _delete_login_attempts_cached_email(self, request: HttpRequest, **credentials: Any):
        """After a password reset by e-mail, the account's failures are forgotten."""
        ratelimit.clear(request, app=_APP, action="login_failed", key=_login_of(credentials))

    def post_login(self, request: HttpRequest, user, **kwargs: Any) -> HttpResponse:
        response = super().post_login(request, user, **kwargs)
        devices.remember_device(request, response, user)
        return response

    def get_login_redirect_url(self, request: HttpRequest) -> str:
        """Without a ``next`` address, each person lands on what they can do next."""
        return landing_url(request.user)


class MFAAdapter(DefaultMFAAdapter):
    def can_delete_authenticator(self, authenticator: Authenticator) -> bool:
        """Those who must have an authenticator app cannot switch it off."""
        if authenticator.type == Authenticator.Type.TOTP and second_factor.is_required(
            authenticator.user
        ):
            return False
        return super().can_delete_authenticator(authenticator)
