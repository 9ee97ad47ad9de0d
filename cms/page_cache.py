"""Whole public pages kept for anonymous visitors, until the directory changes.

Most requests are people without an account browsing the directory: the home
page, the listings with their filters and pages, profiles, the map, the
statistics, the publications and the events. Each costs 10 to 30 queries to
make, yet every anonymous visitor is shown the same bytes until something
public changes. :class:`PublicPageCacheMiddleware` keeps the response of such a
page in this process's memory (the ``"pages"`` cache) and hands it to the next
anonymous visitor without calling the view: one query (the directory
version) instead of a page's worth.

Why a kept page is never someone else's:

* **Who.** Only a request that carries neither a session cookie nor a
  messages cookie is served from or fills the cache. Everything personal the
  layout shows comes from the session (who is signed in and their e-mail,
  the notification counter, pending messages, a need typed on the home page,
  a password-protected page already unlocked), so a visitor without one sees
  what any other sees. A signed-in visitor always has a session cookie, so
  they neither get a kept page nor leave theirs behind.
* **What.** Only GET (HEAD is answered from what GET kept) of the views in
  :data:`CACHEABLE_VIEWS`; never the admin, the accounts, the API, forms
  posted, previews (they are under the admin), ``/search/`` or ``/find/``
  (each buyer's words go to Elasticsearch afresh). A response is kept only
  when it is a 200 HTML page that set no cookie, rendered no CSRF token (a
  form posting to us carries the visitor's own token), left the session
  untouched and no message queued, and did not ask not to be cached.
* **Keyed on** the language, the scheme, host and full path with its query
  string (absolute links in JSON-LD use the host the visitor asked for; each
  filter and page is its own entry) and the *directory version* of
  :mod:`cms.public_cache`: a saved, published, unpublished or deleted page,
  need, partnership or restriction replaces the version when it commits, so
  older pages are never read again. Nothing is kept longer than
  :data:`cms.public_cache.MAX_AGE` either, for what no signal announces
  (the date moving on, a bulk import).
* **Per response.** The map's inline ``<style>`` carries the request's CSP
  nonce: a page is kept with a placeholder in its place, and each response
  made from it gets the nonce of its own request, which the
  Content-Security-Policy header then names. The middleware stands innermost,
  so the security headers, ``Content-Language``, ``Vary`` and the CSRF and
  session middleware act on a kept page exactly as on a new one; the headers
  kept are only the view's own (no ``Set-Cookie``).

The pages live in each process's memory, not in the shared database cache:
they are large (a profile 30 to 60 kB, the map 200 kB), a database write per
miss would cost more than it saves, and there they would crowd out the
version token and the login limits. The version itself is shared, so a
change made in any process retires the pages of all.
"""

import hashlib
import secrets

from django.conf import settings
from django.contrib import messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.cache import cc_delim_re

from cms.public_cache import MAX_AGE, changing, directory_version

# settings.CACHES: this process's own memory.
CACHE = "pages"

# The URL names of the public pages that are the same for every anonymous visitor:
# Wagtail's pages (home, listings, profiles, publications), the map, the statistics,
# the events list and the partnerships.
CACHEABLE_VIEWS = frozenset(
    {
        "wagtail_serve",
        "partnership-map",
        "regional-statistics",
        "events",
        "partnerships",
        "partnership",
    }
)

# Stands in a kept page for the CSP nonce of the request that made it; random per
# process, so no text written into a page can forge it.
NONCE_PLACEHOLDER = f"csp-nonce-{secrets.token_hex(16)}"

# django-csp's per-response directives (decorators such as @csp_update), kept with the page.
CSP_ATTRIBUTES = (
    "_csp_config",
    "_csp_update",
    "_csp_replace",
    "_csp_exempt",
    "_csp_config_ro",
    "_csp_update_ro",
    "_csp_replace_ro",
    "_csp_exempt_ro",
)

# What a kept page's Vary may name: both are the same for every request that reaches it.
SHAREABLE_VARY = {"cookie", "accept-language"}


def page_key(request: HttpRequest) -> str | None:
    """The cache key of this request's page, or None when it must be made for this visitor."""
    if request.method not in ("GET", "HEAD"):
        return None
    if settings.SESSION_COOKIE_NAME in request.COOKIES or CookieStorage.cookie_name in (
        request.COOKIES
    ):
        return None
    if request.user.is_authenticated or getattr(request, "is_preview", False):
        return None
    if changing():
        # Inside a transaction that changed the directory: its pages are its own.
        return None
    try:
        view = resolve(request.path_info).url_name
    except Resolver404:
        return None
    if view not in CACHEABLE_VIEWS:
        return None
    address = f"{translation.get_language()} {request.build_absolute_uri()}"
    digest = hashlib.sha256(address.encode()).hexdigest()[:32]
    return f"page:{directory_version()}:{digest}"


def shareable(request: HttpRequest, response: HttpResponseBase) -> bool:
    """Whether this response, made for an anonymous visitor, is the same for every other."""
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if not response.get("Content-Type", "").startswith("text/html"):
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    session = getattr(request, "session", None)
    if session is not None and (session.modified or session.session_key):
        return False
    if len(messages.get_messages(request)):
        return False
    if request.user.is_authenticated:
        return False
    control = response.get("Cache-Control", "").lower()
    if any(word in control for word in ("private", "no-store", "no-cache")):
        return False
    vary = {word.lower() for word in cc_delim_re.split(response.get("Vary", "")) if word}
    return vary <= SHAREABLE_VARY


def keep(request: HttpRequest, response: HttpResponse) -> dict:
    """What is kept of a page: its bytes (the nonce replaced), status, the view's headers."""
    content = response.content
    nonce = getattr(request, "_csp_nonce", None)
    if isinstance(nonce, str):
        content = content.replace(nonce.encode(), NONCE_PLACEHOLDER.encode())
    return {
        "content": content,
        "status": response.status_code,
        "headers": [(name, value) for name, value in response.items() if name != "Set-Cookie"],
        "csp": {
            name: getattr(response, name) for name in CSP_ATTRIBUTES if hasattr(response, name)
        },
    }


def replay(request: HttpRequest, kept: dict) -> HttpResponse:
    """A new response from a kept page, with this request's own nonce."""
    content = kept["content"]
    placeholder = NONCE_PLACEHOLDER.encode()
    if placeholder in content:
        content = content.replace(placeholder, str(request.csp_nonce).encode())
    response = HttpResponse(content, status=kept["status"])
    for name, value in kept["headers"]:
        response[name] = value
    for name, value in kept["csp"].items():
        setattr(response, name, value)
    return response


class PublicPageCacheMiddleware:
    """Serves a kept public page to an anonymous visitor, and keeps those it makes.

    Innermost in ``settings.MIDDLEWARE``: it needs the session, the user, the
    messages and the language, and every middleware outside it must treat a kept
    page as a new one.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        key = page_key(request)
        if key is None:
            return self.get_response(request)
        pages = caches[CACHE]
        kept = pages.get(key)
        if kept is not None:
            return replay(request, kept)
        response = self.get_response(request)
        if shareable(request, response):
            pages.set(key, keep(request, response), MAX_AGE)
        return response
