"""schemathesis over the whole OpenAPI document, against the app itself (WSGI) and the
indexed test directory: no answer is a 5xx, and every answer keeps to what the document
declares for it (status code, media type, body schema, headers).

Bounded and derandomised, so every run sends the same cases in well under a minute: the
examples, schemathesis's boundary values (coverage) and 50 generated cases per operation,
both valid and invalid by the document.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
    # A request the document calls invalid must get a 4xx, never be answered as if valid.
    negative_data_rejection,
]


@pytest.fixture
def api_document(indexed_directory):
    """The document, read from the app through WSGI. As in Django's test client, a request
    does not close the database connection, which holds the test's transaction and data."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


schema = schemathesis.pytest.from_fixture("api_document")


@schema.parametrize()
@settings(
    max_examples=50,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_every_operation_keeps_to_its_document(case):
    case.call_and_validate(checks=CHECKS)
