"""Tests: their own database (pytest-django's test_ prefix) and their own index prefix."""

import os

from .base import *  # noqa: F403
from .base import database
from .local_services import LOCAL_DATABASE_URL, LOCAL_ELASTICSEARCH_URL

# The project's own servers unless the environment names others.
DATABASES = {"default": database(os.environ.get("DATABASE_URL") or LOCAL_DATABASE_URL)}
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL") or LOCAL_ELASTICSEARCH_URL

DEBUG = False
SECRET_KEY = "test-only-secret-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Every test run gets indices of its own, removed when the run ends.
ELASTICSEARCH_INDEX_PREFIX = os.environ.get(
    "ELASTICSEARCH_INDEX_PREFIX", f"test-kooperacja-{os.getpid()}"
)
WAGTAILADMIN_BASE_URL = "http://testserver"
# Several test processes may share two cores with Elasticsearch: give it longer than the
# 3 s a production web request waits (the resilience tests set their own short timeouts).
ELASTICSEARCH_TIMEOUT = float(os.environ.get("ELASTICSEARCH_TIMEOUT", "10"))
# Nothing listens here: the map's tiles always fail in tests, as they may for users.
MAP_TILE_URL = "http://127.0.0.1:9/{z}/{x}/{y}.png"
