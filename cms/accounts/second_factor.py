"""The second factor: who must have one, and whether they do.

Every signed-in person may turn on an authenticator app (TOTP, allauth's MFA,
at ``/accounts/2fa/``). Administrators and members of an approved regional
centre must: they see what the public may not (every profile, unpublished
drafts, needs without a match, the moderation queue), so a guessed or reused
password alone must not open the Wagtail admin or the regional dashboard to
them. :mod:`cms.accounts.middleware` sends them to set one up first.
"""

from __future__ import annotations

from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP

from cms import roles


def is_required(user) -> bool:
    """Must ``user`` have an authenticator app? Administrators and regional moderators: the
    same people :func:`cms.roles.can_see_regional_dashboard` lets in."""
    return roles.can_see_regional_dashboard(user)


def has_authenticator_app(user) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def set_authenticator_app(user, secret: str) -> list[str]:
    """Give ``user`` a TOTP authenticator with a known base32 ``secret`` and fresh recovery
    codes, replacing any they had, and return the codes: for demo accounts, whose secret
    and codes are printed so that the demo can be walked with or without a phone."""
    Authenticator.objects.filter(
        user=user, type__in=[Authenticator.Type.TOTP, Authenticator.Type.RECOVERY_CODES]
    ).delete()
    TOTP.activate(user, secret)
    return RecoveryCodes.activate(user).get_unused_codes()
