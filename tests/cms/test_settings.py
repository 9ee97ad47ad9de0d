"""Production settings refuse to start half-configured and pass Django's deploy checks."""

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

BASE_DIR = Path(__file__).resolve().parents[2]

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "cms.settings.production",
    "SECRET_KEY": "a-production-secret-key-that-is-long-and-random-enough-0123456789-abcdef",
    "ALLOWED_HOSTS": "kooperacja.example.org",
    "ELASTICSEARCH_URL": "http://127.0.0.1:9",
}


def _database_url():
    db = settings.DATABASES["default"]
    return f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def _manage(*args, env):
    # Only what production would have: none of the variables the test run sets.
    dropped = {*PRODUCTION_ENV, "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {key: value for key, value in os.environ.items() if key not in dropped}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_settings_pass_check_deploy_without_warnings():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env={**PRODUCTION_ENV, "DATABASE_URL": _database_url()},
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_settings_name_every_missing_variable():
    env = {"DJANGO_SETTINGS_MODULE": "cms.settings.production", "SECRET_KEY": "x" * 60}
    result = _manage("check", env=env)
    assert result.returncode != 0
    assert (
        "Production settings need these environment variables: "
        "ALLOWED_HOSTS, DATABASE_URL, ELASTICSEARCH_URL"
    ) in result.stderr
