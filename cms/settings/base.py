"""Settings shared by every environment; nothing here is secret or machine-specific.

Values that differ between machines come from the environment (see the
README and ``../shared/design/interfaces.md``): ``DATABASE_URL``,
``ELASTICSEARCH_URL`` and ``ELASTICSEARCH_INDEX_PREFIX``. When the URLs are
unset, the dev and test settings point at the project's own servers
(``local_services.py``); production refuses to start without them.
"""

import os
from importlib.util import find_spec
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

INSTALLED_APPS = [
    "cms",
    "workshops",
    "cooperatives",
    "partners",
    "search",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django.contrib.admin",
    "django.contrib.postgres",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Content-Security-Policy and Permissions-Policy on every page (cms/headers.py).
    "cms.headers.SecurityHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # After authentication and messages: the admin and the dashboard need a second factor.
    "cms.accounts.middleware.SecondFactorRequiredMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Innermost: whole public pages kept for anonymous visitors (cms/page_cache.py); every
    # middleware above treats a kept page as a new one (headers, nonce, Vary).
    "cms.page_cache.PublicPageCacheMiddleware",
]

# Content-Security-Policy (django-csp, written by cms/headers.py). Public pages run our own
# scripts only: no inline script, no eval, no other origin. The one inline block we render,
# the map's <style> of layer colours, carries the request's nonce (request.csp_nonce);
# json_script and JSON-LD blocks are data, never executed, so they need none. Images may be
# data: URLs (the authenticator QR code, icons inside Leaflet's and Swagger UI's CSS); the
# map tile server's origin (MAP_TILE_URL) is added per request. Nobody may frame a public
# page ('none' = X-Frame-Options: DENY).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
# The Wagtail admin (signed-in editors only) gets its own policy, and 'unsafe-inline' only
# there: Wagtail 8 still writes inline scripts (page explorer, page editor, users: measured
# in Chromium) and its bundles insert <style> elements at run time (wagtail/wagtail#1288).
# Everything else still comes from our origin alone; image previews may be blob: URLs and
# its preview panel frames our own pages. A page previewed there keeps the public policy
# (cms/headers.py).
CONTENT_SECURITY_POLICY_ADMIN = {
    "PATH_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    },
}
# Nor does the admin reach other origins: no Gravatar pictures (which would also hand editors'
# e-mail hashes to a third party) and no check for new Wagtail releases.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Browser features no page uses, switched off for every page and anything it frames.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
)

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"


def database(url: str) -> dict:
    """The DATABASES entry for a PostgreSQL URL."""
    return dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)


# Dev and test settings fall back to the project's own server; production requires the URL.
DATABASES = (
    {"default": database(os.environ["DATABASE_URL"])} if os.environ.get("DATABASE_URL") else {}
)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
ELASTICSEARCH_INDEX_PREFIX = os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "kooperacja")
# Shard and replica counts belong to the cluster, not to the code.
ELASTICSEARCH_SHARDS = int(os.environ.get("ELASTICSEARCH_SHARDS", "1"))
ELASTICSEARCH_REPLICAS = int(os.environ.get("ELASTICSEARCH_REPLICAS", "0"))
# Web requests wait this long for Elasticsearch, without retrying; after a timeout or a lost
# connection they fail at once for ELASTICSEARCH_BREAKER_SECONDS (search/client.py). Commands
# doing heavy work (sync worker, rebuild_index, import) wait ELASTICSEARCH_PATIENT_TIMEOUT.
ELASTICSEARCH_TIMEOUT = float(os.environ.get("ELASTICSEARCH_TIMEOUT", "3"))
ELASTICSEARCH_BREAKER_SECONDS = float(os.environ.get("ELASTICSEARCH_BREAKER_SECONDS", "15"))
ELASTICSEARCH_PATIENT_TIMEOUT = float(os.environ.get("ELASTICSEARCH_PATIENT_TIMEOUT", "30"))
# An index change Elasticsearch refuses this many times is parked (sync_index --status).
INDEX_TASK_MAX_ATTEMPTS = int(os.environ.get("INDEX_TASK_MAX_ATTEMPTS", "5"))

# The map's background tiles. Any XYZ tile server works; the map page stays
# usable (its list of places) when the tiles cannot be loaded.
MAP_TILE_URL = os.environ.get("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = os.environ.get(
    "MAP_TILE_ATTRIBUTION",
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>',
)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

# Internationalisation: Polish first, English second. English pages live
# under /en/; Polish ones have no prefix.
LANGUAGE_CODE = "pl"
LANGUAGES = [("pl", "Polski"), ("en", "English")]
WAGTAIL_CONTENT_LANGUAGES = [("pl", "Polski")]
LOCALE_PATHS = [PROJECT_DIR / "locale"]
TIME_ZONE = "Europe/Warsaw"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
# Leaflet and its marker-cluster plugin come from the npm registry at build
# time (package.json; `make` runs `npm ci`) and are served as our own files.
STATICFILES_DIRS = [
    ("vendor/leaflet", BASE_DIR / "node_modules" / "leaflet" / "dist"),
    ("vendor/leaflet.markercluster", BASE_DIR / "node_modules" / "leaflet.markercluster" / "dist"),
    # Swagger UI for /api/v1/docs: the copy django-ninja ships (so pinned with it), served as
    # our own files instead of from ninja's default CDN (cms/api.py).
    ("ninja", Path(find_spec("ninja").origin).parent / "static" / "ninja"),
]
# Where collectstatic writes (WhiteNoise serves it); `make load` collects into a temporary one.
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or BASE_DIR / "static")
STATIC_URL = "/static/"
MEDIA_ROOT = BASE_DIR / "media"
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    # Each process's own copy of the public figures and map features (cms/public_cache.py);
    # the version that says whether they are current lives in "default".
    "public": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "public",
        "OPTIONS": {"MAX_ENTRIES": 200},
    },
    # Each process's own copy of whole public pages for anonymous visitors (cms/page_cache.py):
    # about 1,000 pages of 30-200 kB at most.
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages",
        "OPTIONS": {"MAX_ENTRIES": 1000},
    },
}

# Accounts (django-allauth): e-mail is the login, and it must be verified.
LOGIN_REDIRECT_URL = "/"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Kooperacja] "
ACCOUNT_RATE_LIMITS_ENABLED = True
# Login limits that slow guessing without locking the owner out; the reasons for each
# number are in cms/accounts/adapters.py. "key" is the account (with the browser, for
# browsers that signed in to it before); "ip" the address.
ACCOUNT_ADAPTER = "cms.accounts.adapters.AccountAdapter"
ACCOUNT_RATE_LIMITS = {
    "login_failed": "5/5m/ip,10/h/key",
    "login_failed_known_device": "10/h/key",
    "request_login_code": "3/15m/ip,6/15m/key",
}
# "Send me a sign-in code": the owner's way in while their account is being guessed at.
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
# How many reverse proxies in front of the site append to X-Forwarded-For: the limits count
# the address the outermost of them saw (0, the default: the connection's own address). Too
# low and every visitor shares the proxy's address, and its limit; too high and a client
# can name its own address.
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
# The second factor: an authenticator app (TOTP) with recovery codes; required for
# administrators and regional centres (cms/accounts/middleware.py).
MFA_ADAPTER = "cms.accounts.adapters.MFAAdapter"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Kooperacja"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Kooperacja <noreply@kooperacja.local>")

# Wagtail
WAGTAIL_SITE_NAME = "Kooperacja"
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# The admin signs in through the site's login (cms/accounts/admin_login.py): the same rate
# limits and second factor; passwords are reset there too, never by Wagtail's unlimited form.
WAGTAILADMIN_LOGIN_URL = "admin-login"
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "txt", "xlsx", "zip"]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("pl", _("Polish")), ("en", _("English"))]
WAGTAIL_FINISH_WORKFLOW_ACTION = "cms.workflow_actions.publish_approved"

# Background work waits in PostgreSQL, in the "queue" backend, for `python manage.py worker`:
# e-mail delivery ("email") and the scheduled daily jobs ("jobs", cms/jobs.py). Wagtail's own
# tasks (its search and reference indexes) use "default" and still run inline, as they did
# before there was a queue.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "queue": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["email", "jobs"]},
}

# An outage is logged once (and a database outage once a minute), not per request.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"database_outage": {"()": "cms.errors.DatabaseOutageFilter"}},
    "loggers": {
        "django.request": {"filters": ["database_outage"]},
        # search.client reports a lost or hung cluster once; the pool would repeat it.
        "elastic_transport.node_pool": {"level": "ERROR"},
    },
}
