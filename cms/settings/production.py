"""Production: refuses to start half-configured.

Required environment: SECRET_KEY, ALLOWED_HOSTS (comma-separated),
DATABASE_URL and ELASTICSEARCH_URL. Nothing is started locally.
"""

import os

from django.core.exceptions import ImproperlyConfigured

REQUIRED = ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "ELASTICSEARCH_URL")
_missing = [name for name in REQUIRED if not os.environ.get(name, "").strip()]
if _missing:
    raise ImproperlyConfigured(
        "Production settings need these environment variables: " + ", ".join(_missing)
    )

from .base import *  # noqa: E402, F403

DEBUG = False
SECRET_KEY = os.environ["SECRET_KEY"]
ALLOWED_HOSTS = [host.strip() for host in os.environ["ALLOWED_HOSTS"].split(",") if host.strip()]
CSRF_TRUSTED_ORIGINS = [f"https://{host}" for host in ALLOWED_HOSTS if not host.startswith(".")]

STORAGES["staticfiles"]["BACKEND"] = "whitenoise.storage.CompressedManifestStaticFilesStorage"  # noqa: F405

# HTTPS only; the site sits behind a TLS-terminating proxy that sets this header.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Absolute links (JSON-LD `url`, e-mails) use the host the visitor asked for. A proxy that
# passes the Host header on needs nothing; one that sends it as X-Forwarded-Host instead needs
# USE_X_FORWARDED_HOST=true, and must then set (or strip) that header itself, never pass on a
# client's. Either way the host is checked against ALLOWED_HOSTS.
USE_X_FORWARDED_HOST = os.environ.get("USE_X_FORWARDED_HOST", "false").lower() == "true"
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() != "false"
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# allauth's rate limits, and the version of the public figures and map features
# (cms/public_cache.py), need a cache shared by every web process, worker and command:
# the database's (`createcachetable`), since PostgreSQL is there anyway. The "public"
# local-memory copy of base.py stays.
CACHES = {
    **CACHES,  # noqa: F405
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "django_cache",
        # Django's default of 300 entries is reached in minutes under load (a kept value
        # per filter, region, period and language), and culling deletes the lowest keys,
        # the directory version among them: every kept figure and page was then made
        # again. Values expire within five minutes, so 10,000 is rarely reached.
        "OPTIONS": {"MAX_ENTRIES": 10_000},
    },
}

# E-mail is queued with the change and sent by the worker (cms/mail.py), over SMTP.
EMAIL_BACKEND = "cms.mail.QueuedEmailBackend"
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "false").lower() == "true"

ELASTICSEARCH_REPLICAS = int(os.environ.get("ELASTICSEARCH_REPLICAS", "1"))

LOGGING = {
    **LOGGING,  # noqa: F405 - the database-outage filter of base.py
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
}
