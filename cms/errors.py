"""What a person sees when the server fails: a plain page, or JSON on the API, never a traceback.

When PostgreSQL cannot be reached, every request fails the same way. The
answer is then 503 with ``Retry-After`` (the page says, in Polish and
English, that the site is briefly unavailable), and the log gets one line
when the outage starts and one a minute while it lasts, instead of a
traceback per request (:class:`DatabaseOutageFilter` keeps those out of
``django.request``). Neither page reads the database or the session.
"""

import logging
import sys
import threading
import time

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30
# Failures further apart than this are separate outages.
OUTAGE_GAP_SECONDS = 60
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)


def _database_down(error: BaseException | None) -> bool:
    return isinstance(error, DATABASE_UNAVAILABLE)


class _Outage:
    """Counts requests refused during one database outage, to log it once a minute."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.started = self.last_seen = self.last_logged = 0.0
        self.refused = 0

    def record(self, error: BaseException) -> None:
        now = time.monotonic()
        with self._lock:
            if now - self.last_seen > OUTAGE_GAP_SECONDS:
                self.started, self.refused, self.last_logged = now, 0, now
                logger.error("database unreachable, answering 503: %s", str(error).strip()[:300])
            elif now - self.last_logged >= OUTAGE_GAP_SECONDS:
                self.last_logged = now
                logger.error(
                    "database still unreachable after %d s: %d request(s) answered 503",
                    now - self.started,
                    self.refused,
                )
            self.refused += 1
            self.last_seen = now


outage = _Outage()


class DatabaseOutageFilter(logging.Filter):
    """Keeps per-request lines of an outage out of ``django.request``: the traceback of a lost
    database, and every deliberate 503 (a service briefly unavailable is logged once by
    whoever noticed it: this module, or the search client's breaker)."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        return not _database_down(error) and getattr(record, "status_code", None) != 503


def _wants_json(request) -> bool:
    return request.path.startswith("/api/")


def server_error(request, *args, **kwargs):
    """handler500: the plain error page, or 503 while the database is unreachable."""
    error = sys.exc_info()[1]
    if _database_down(error):
        outage.record(error)
        if _wants_json(request):
            response = JsonResponse(
                {"error": "The service is briefly unavailable; try again in a moment."},
                status=503,
            )
        else:
            response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    if _wants_json(request):
        return JsonResponse({"error": "Server error; it has been logged."}, status=500)
    return HttpResponse(render_to_string("500.html"), status=500)
