"""The Wagtail admin signs in through the site's login.

Wagtail's own login form has no rate limit, no second factor and a username
field; one door is easier to guard than two. ``/admin/login/`` (mounted before
the admin in ``cms/urls.py``, and named by ``WAGTAILADMIN_LOGIN_URL``, so the
admin sends every visitor it refuses here) sends visitors to allauth's login,
which comes back to the admin afterwards. Nothing posted to it is read, so a
script posting passwords there learns nothing.

A signed-in person the admin refuses (a company member, say) is told so here,
with a 403: sending them to the login, which sends signed-in people back to
where they came from, would go round in circles.
"""

from urllib.parse import urlencode

from django.contrib.auth import REDIRECT_FIELD_NAME
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

ADMIN_PERMISSION = "wagtailadmin.access_admin"


def admin_login(request):
    """To the site's login, then back to the admin page asked for (its dashboard by default)."""
    wanted = request.GET.get(REDIRECT_FIELD_NAME, "")
    if not url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        wanted = reverse("wagtailadmin_home")
    if request.user.is_authenticated:
        if request.user.has_perm(ADMIN_PERMISSION):
            return redirect(wanted)
        return render(request, "account/no_admin_access.html", {"wanted": wanted}, status=403)
    return redirect(f"{reverse('account_login')}?{urlencode({REDIRECT_FIELD_NAME: wanted})}")
