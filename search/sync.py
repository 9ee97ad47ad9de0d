"""Keep Elasticsearch in step with PostgreSQL through a transactional outbox.

A change to a cooperative writes an :class:`~search.models.IndexTask` row in
the same transaction (:func:`enqueue`). After the commit, the web process
applies pending tasks in bulk (:func:`apply_pending`); ``sync_index`` does
the same from the command line or, with ``--loop``, as a worker. Workers
take rows with ``SELECT … FOR UPDATE SKIP LOCKED``, so several can run at
once. When Elasticsearch is down the rows stay, with the error, and are
applied when it is back; the document always reflects the object's state
at the time of applying, so order and repetition do not matter.
"""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from elasticsearch import ApiError, BadRequestError, TransportError
from elasticsearch.helpers import BulkIndexError, bulk

from search.client import get_client
from search.documents import DOCUMENTS, ensure_alias, indexable
from search.models import IndexTask

logger = logging.getLogger(__name__)

# Elasticsearch answered that the request itself is wrong (HTTP 400: a result window too
# large, a query it cannot parse). That is not an outage: web callers answer 400, never 503.
# BadRequestError is an ApiError, so catch REFUSED before UNAVAILABLE.
REFUSED = (BadRequestError,)
# Elasticsearch could not answer: unreachable or timed out (TransportError), or failing on its
# side (the client raises a plain ApiError for 429 and 5xx), or a bulk write it refused. Web
# callers answer 503; the outbox keeps its tasks. Its 401, 403 and 404 (a missing index) are
# here too: our configuration or an index not built yet, not the caller's fault.
UNAVAILABLE = (TransportError, ApiError, BulkIndexError)


class IndexUnavailable(Exception):
    """Elasticsearch could not be reached or refused the change; tasks stay queued."""


def enqueue(kind: str, object_id: int) -> None:
    """Record that ``kind`` #``object_id`` must be (re)indexed or removed; apply after commit."""
    IndexTask.objects.create(kind=kind, object_id=object_id)
    # Once per transaction: Django's own list of commit callbacks says whether it is already
    # there, and forgets it when the transaction (or savepoint) is rolled back.
    scheduled = (entry[1] for entry in connection.run_on_commit)
    if _apply_after_commit not in scheduled:
        transaction.on_commit(_apply_after_commit)


def _apply_after_commit() -> None:
    try:
        apply_pending()
    except IndexUnavailable as error:
        logger.warning("search index not updated, tasks kept for sync_index: %s", error)


@dataclass
class SyncResult:
    indexed: int = 0
    deleted: int = 0

    @property
    def applied(self) -> int:
        return self.indexed + self.deleted


def _actions(kind: str, ids: set[int]) -> list[dict]:
    """Bulk actions bringing each object of ``kind`` up to date: indexed, or removed."""
    queryset, build = indexable(kind)
    objects = {obj.pk: obj for obj in queryset.filter(pk__in=ids)}
    alias = ensure_alias(DOCUMENTS[kind])
    actions = []
    for object_id in sorted(ids):
        obj = objects.get(object_id)
        if obj is None:
            actions.append({"_op_type": "delete", "_index": alias, "_id": object_id})
        else:
            actions.append(build(obj).to_dict(include_meta=True) | {"_index": alias})
    return actions


def _refused_ids(errors: list[dict]) -> dict[int, str]:
    """The object ids Elasticsearch refused, with its reason (deleting a missing one is fine)."""
    refused = {}
    for error in errors:
        (operation, item), *_ = error.items()
        if operation == "delete" and item.get("status") == 404:
            continue
        refused[int(item["_id"])] = f"{item.get('status')}: {item.get('error')}"[:2000]
    return refused


def _apply_batch(
    tasks: list[IndexTask], refresh: bool, result: "SyncResult", kept: set[int]
) -> str:
    """Apply one batch of tasks, kind by kind; delete the applied ones, count refusals on
    the others and add those to ``kept``. Returns what went wrong ("" when all applied)."""
    by_kind: dict[str, list[IndexTask]] = {}
    for task in tasks:
        by_kind.setdefault(task.kind, []).append(task)
    problems = []
    for kind, kind_tasks in by_kind.items():
        actions = _actions(kind, {task.object_id for task in kind_tasks})
        _, errors = bulk(get_client(), actions, raise_on_error=False, refresh=refresh)
        refused = _refused_ids(errors)
        done = [task.pk for task in kind_tasks if task.object_id not in refused]
        IndexTask.objects.filter(pk__in=done).delete()
        deleted = {a["_id"] for a in actions if a.get("_op_type") == "delete"} - set(refused)
        result.deleted += len(deleted)
        result.indexed += len(actions) - len(refused) - len(deleted)
        for task in kind_tasks:
            if task.object_id in refused:
                _count_refusal(task, refused[task.object_id])
                kept.add(task.pk)
        if refused:
            problems.append(f"Elasticsearch refused {len(refused)} {kind} change(s)")
    return "; ".join(problems)


def _count_refusal(task: IndexTask, error: str) -> None:
    task.attempts += 1
    task.last_error = error[:2000]
    if task.attempts >= settings.INDEX_TASK_MAX_ATTEMPTS:
        task.parked_at = timezone.now()
        logger.error("index task %s parked after %s refusals: %s", task, task.attempts, error)
    task.save(update_fields=["attempts", "last_error", "parked_at"])


def apply_pending(batch_size: int = 500, refresh: bool = False) -> SyncResult:
    """Apply queued tasks in batches until none is left; raise IndexUnavailable on failure.

    Unreachable: every task of the batch stays, with the error. Refused: the
    other tasks are applied, the refused ones stay and are parked after
    ``INDEX_TASK_MAX_ATTEMPTS`` refusals.
    """
    result = SyncResult()
    refused: set[int] = set()  # not asked again in this call; the applied rows are gone
    problems = []
    while True:
        with transaction.atomic():
            tasks = list(
                IndexTask.objects.select_for_update(skip_locked=True)
                .filter(parked_at=None)
                .exclude(pk__in=refused)
                .order_by("id")[:batch_size]
            )
            if not tasks:
                break
            try:
                problem = _apply_batch(tasks, refresh, result, refused)
            except UNAVAILABLE as error:
                unreachable = f"Elasticsearch is unreachable: {error}"
            else:
                unreachable = ""
                if problem:
                    problems.append(problem)
        if unreachable:
            IndexTask.objects.filter(pk__in=[task.pk for task in tasks]).update(
                attempts=F("attempts") + 1, last_error=unreachable[:2000]
            )
            raise IndexUnavailable(unreachable)
    if problems:
        raise IndexUnavailable("; ".join(problems))
    return result


def pending_count() -> int:
    """Changes waiting to be applied (parked ones not included)."""
    return IndexTask.objects.filter(parked_at=None).count()


def parked():
    """Changes Elasticsearch kept refusing, oldest first: for an operator to look at."""
    return IndexTask.objects.exclude(parked_at=None).order_by("parked_at", "id")


def retry_parked() -> int:
    """Put the parked changes back in the queue (after the cause is fixed); how many."""
    return parked().update(parked_at=None, attempts=0)


def flush() -> SyncResult:
    """Apply everything queued and make it searchable now (for imports and tests)."""
    result = apply_pending()
    try:
        for document in DOCUMENTS.values():
            get_client().indices.refresh(index=ensure_alias(document))
    except UNAVAILABLE as error:
        raise IndexUnavailable(f"Elasticsearch is unreachable: {error}") from error
    return result
