"""Development: debug on, e-mail printed to the console, the project's own services."""

import os

from .base import *  # noqa: F403
from .base import database
from .local_services import LOCAL_DATABASE_URL, LOCAL_ELASTICSEARCH_URL

# The project's own servers unless the environment names others.
DATABASES = {"default": database(os.environ.get("DATABASE_URL") or LOCAL_DATABASE_URL)}
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL") or LOCAL_ELASTICSEARCH_URL

DEBUG = True
SECRET_KEY = "dev-only-secret-key-not-for-production"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
