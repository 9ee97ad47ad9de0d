"""PostgreSQL unreachable: a plain 503 with Retry-After (JSON on the API), one log line.

The outage is real: the connection is pointed at a port where nothing
listens, as when the server is stopped, and put back afterwards.
"""

import json
import logging

import pytest
from django.db import connections
from django.test import Client, RequestFactory

from cms import errors

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("baseline_site")]


@pytest.fixture
def database_down():
    connection = connections["default"]
    port = connection.settings_dict["PORT"]
    connection.close()
    connection.settings_dict["PORT"] = "9"
    errors.outage.last_seen = 0.0  # a new outage
    yield
    connection.close()
    connection.settings_dict["PORT"] = port


@pytest.fixture
def visitor():
    return Client(raise_request_exception=False)


def test_pages_answer_a_plain_503_that_says_when_to_retry(visitor, database_down):
    response = visitor.get("/spoldzielnie/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    html = response.content.decode()
    assert "Serwis jest chwilowo niedostępny" in html
    assert "The site is briefly unavailable" in html
    assert "Traceback" not in html


def test_the_api_answers_json(visitor, database_down):
    response = visitor.get("/api/v1/map.geojson")
    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    assert "unavailable" in response.json()["error"]


def test_an_outage_is_one_log_line_not_a_traceback_per_request(visitor, database_down, caplog):
    caplog.set_level(logging.INFO)
    for path in ("/", "/spoldzielnie/", "/api/v1/map.geojson", "/partnerships/"):
        assert visitor.get(path).status_code == 503
    errors_logged = [record for record in caplog.records if record.levelno >= logging.ERROR]
    assert [record.getMessage()[:36] for record in errors_logged] == [
        "database unreachable, answering 503:"
    ]
    assert not any(record.exc_info for record in caplog.records)


def test_the_site_recovers_by_itself(visitor):
    connection = connections["default"]
    port = connection.settings_dict["PORT"]
    connection.close()
    connection.settings_dict["PORT"] = "9"
    assert visitor.get("/spoldzielnie/").status_code == 503
    connection.settings_dict["PORT"] = port
    connection.close()
    assert visitor.get("/api/v1/map.geojson").status_code == 200


def test_other_server_errors_stay_plain_500_pages():
    """A failure that is not the database's is not reported as an outage."""
    try:
        raise ValueError("a bug")
    except ValueError:
        page = errors.server_error(RequestFactory().get("/spoldzielnie/"))
        api = errors.server_error(RequestFactory().get("/api/v1/match"))
    assert page.status_code == 500
    assert "Błąd serwera" in page.content.decode()
    assert api.status_code == 500
    assert "error" in json.loads(api.content)
