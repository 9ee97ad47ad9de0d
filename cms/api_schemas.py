"""Schemas every router of the public HTTP API shares."""

from ninja import Schema


class ErrorOut(Schema):
    """Every 4xx and 5xx answer of the API: one sentence saying what is wrong."""

    error: str
