"""The security headers of every response: Content-Security-Policy and Permissions-Policy.

django-csp writes the policy of ``settings.CONTENT_SECURITY_POLICY`` (the
reasons for each directive are beside it in ``cms/settings/base.py``). This
subclass adds what settings cannot say once at import time:

* under the admin's path prefixes, the admin's own policy
  (``CONTENT_SECURITY_POLICY_ADMIN``), because Wagtail's admin still needs
  inline scripts and styles;
* on a page previewed in the admin (Wagtail renders it through the
  middleware as if at its public address), the public policy, except that
  our own admin may frame it in its preview panel;
* the map tile server's origin in ``img-src``: ``MAP_TILE_URL`` is a setting
  each environment (and the test settings) may change.

It also sets ``Permissions-Policy`` (``settings.PERMISSIONS_POLICY``): no page
of ours uses the camera, the microphone, the visitor's location or payments,
so a script that got in could not ask for them either.
"""

import re
from urllib.parse import urlsplit

from csp.constants import SELF
from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase

PERMISSIONS_POLICY_HEADER = "Permissions-Policy"


def tile_source(url: str) -> str:
    """The CSP source of an XYZ tile URL: its scheme and host, a ``{s}`` subdomain as ``*``."""
    parts = urlsplit(url)
    host = re.sub(r"^\{[a-z]+\}\.", "*.", parts.netloc)
    if not parts.scheme or not host or "{" in host:
        return ""
    return f"{parts.scheme}://{host}"


def is_admin(request: HttpRequest) -> bool:
    prefixes = settings.CONTENT_SECURITY_POLICY_ADMIN["PATH_PREFIXES"]
    return request.path_info.startswith(tuple(prefixes))


class SecurityHeadersMiddleware(CSPMiddleware):
    """django-csp's middleware with the admin's policy, the tile server, Permissions-Policy."""

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        if is_admin(request):
            if parts.config is None:
                parts.config = default_config(settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"])
            return parts
        if getattr(request, "is_preview", False):
            parts.replace = {**(parts.replace or {}), "frame-ancestors": [SELF]}
        tiles = tile_source(settings.MAP_TILE_URL)
        if tiles:
            update = dict(parts.update or {})
            extra = update.get("img-src") or []
            update["img-src"] = [*([extra] if isinstance(extra, str) else extra), tiles]
            parts.update = update
        return parts

    def process_response(self, request: HttpRequest, response: HttpResponseBase):
        response = super().process_response(request, response)
        if PERMISSIONS_POLICY_HEADER not in response:
            response[PERMISSIONS_POLICY_HEADER] = settings.PERMISSIONS_POLICY
        return response
