"""One guarded door: no Wagtail admin, no regional dashboard and no queue of registrations
and claims without a second factor for those who must have one
(:func:`cms.accounts.second_factor.is_required`).

A middleware rather than a decorator on each view, because the admin is
Wagtail's hundreds of views (its API and choosers included) under one prefix.
The door looks at the person, not at how they signed in: someone who must have
an authenticator app and has none is sent to set it up, with a plain message;
once they have one, allauth asks for its code at every login.
"""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from cms.accounts import second_factor

DASHBOARD_URL_NAME = "regional-dashboard"
# Outside the admin, the pages that show or grant what the public may not: deciding a
# registration or a claim gives a stranger the rights of a member.
GUARDED_URL_NAMES = {
    DASHBOARD_URL_NAME,
    "joining-queue",
    "decide-registration",
    "decide-claim",
    # The regional centre's list of stale profiles shows their members' contact data.
    "stale-profiles",
    # The regional centre's queue and its view of companies' needs (partners.brokering).
    "broker-queue",
    "broker-need",
}
# Leaving the admin stays possible.
OPEN_ADMIN_URL_NAMES = {"wagtailadmin_logout"}


class SecondFactorRequiredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not self._guarded(request):
            return None
        user = request.user
        if not user.is_authenticated or not second_factor.is_required(user):
            return None
        if second_factor.has_authenticator_app(user):
            return None
        messages.warning(
            request,
            _(
                "Administrators and regional centres must use two-factor authentication. "
                "Set up an authenticator app on your phone (for example FreeOTP, Aegis or "
                "Google Authenticator) and enter the code it shows; then open the page again."
            ),
        )
        return redirect("mfa_activate_totp")

    @staticmethod
    def _guarded(request) -> bool:
        match = request.resolver_match
        if match is None:
            return False
        if match.url_name in GUARDED_URL_NAMES:
            return True
        return (
            request.path_info.startswith(reverse("wagtailadmin_home"))
            and match.url_name not in OPEN_ADMIN_URL_NAMES
        )
