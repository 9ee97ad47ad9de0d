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

from django.db import connection, transaction
from django.db.models import F
from elasticsearch import ApiError, TransportError
from elasticsearch.helpers import BulkIndexError, bulk

from search.client import get_client
from search.documents import DOCUMENTS, ensure_alias, indexable
from search.models import IndexTask

logger = logging.getLogger(__name__)

UNAVAILABLE = (TransportError, ApiError, BulkIndexError)


class IndexUnavailable(Exception):
    """Elasticsearch could not be reached or refused the change; tasks stay queued."""


def enqueue(kind: str, object_id: int) -> None:
    """Record that ``kind`` #``object_id`` must be (re)indexed or removed; apply after commit."""
    IndexTask.objects.create(kind=kind, object_id=object_id)
    if not getattr(connection, "_kooperacja_sync_scheduled", False):
        connection._kooperacja_sync_scheduled = True
        transaction.on_commit(_apply_after_commit)


def _apply_after_commit() -> None:
    connection._kooperacja_sync_scheduled = False
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


def _actions(tasks: list[IndexTask]):
    """Bulk actions bringing each task's object up to date: indexed, or removed."""
    wanted: dict[str, set[int]] = {}
    for task in tasks:
        wanted.setdefault(task.kind, set()).add(task.object_id)
    for kind, ids in wanted.items():
        queryset, build = indexable(kind)
        objects = {obj.pk: obj for obj in queryset.filter(pk__in=ids)}
        alias = ensure_alias(DOCUMENTS[kind])
        for object_id in sorted(ids):
            obj = objects.get(object_id)
            if obj is None:
                yield {"_op_type": "delete", "_index": alias, "_id": object_id}
            else:
                yield build(obj).to_dict(include_meta=True) | {"_index": alias}


def apply_pending(batch_size: int = 500, refresh: bool = False) -> SyncResult:
    """Apply queued tasks in batches until none is left; raise IndexUnavailable on failure."""
    result = SyncResult()
    while True:
        failure = ""
        with transaction.atomic():
            tasks = list(
                IndexTask.objects.select_for_update(skip_locked=True).order_by("id")[:batch_size]
            )
            if not tasks:
                break
            try:
                actions = list(_actions(tasks))
                _, errors = bulk(get_client(), actions, raise_on_error=False, refresh=refresh)
            except UNAVAILABLE as error:
                failure = f"Elasticsearch is unreachable: {error}"
            else:
                refused = [e for e in errors if e.get("delete", {}).get("status") != 404]
                if refused:
                    failure = f"Elasticsearch refused {len(refused)} change(s): {refused[:3]}"
                else:
                    IndexTask.objects.filter(pk__in=[task.pk for task in tasks]).delete()
                    deleted = sum(1 for action in actions if action.get("_op_type") == "delete")
                    result.deleted += deleted
                    result.indexed += len(actions) - deleted
        if failure:
            IndexTask.objects.filter(pk__in=[task.pk for task in tasks]).update(
                attempts=F("attempts") + 1, last_error=failure[:2000]
            )
            raise IndexUnavailable(failure)
    return result


def pending_count() -> int:
    return IndexTask.objects.count()


def flush() -> SyncResult:
    """Apply everything queued and make it searchable now (for imports and tests)."""
    result = apply_pending()
    try:
        for document in DOCUMENTS.values():
            get_client().indices.refresh(index=ensure_alias(document))
    except UNAVAILABLE as error:
        raise IndexUnavailable(f"Elasticsearch is unreachable: {error}") from error
    return result
