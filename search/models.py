"""The index outbox: what must change in Elasticsearch, written in the data's own transaction."""

from django.db import models


class IndexTask(models.Model):
    """One pending change to the search index.

    Rows are written with the change that caused them, so nothing is lost
    when Elasticsearch is down: they wait here until a sync applies them.
    Only the latest state of the object is indexed, so applying a task
    twice, or old tasks after new ones, gives the same result.

    A change Elasticsearch keeps refusing (not one it cannot be reached for)
    is parked after a few attempts, so it stops blocking the others.
    """

    kind = models.CharField(max_length=20)
    object_id = models.PositiveBigIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    # Set when Elasticsearch refused this change INDEX_TASK_MAX_ATTEMPTS times: the row is
    # kept and reported (sync_index --status), but no longer retried on every write.
    parked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["kind", "object_id"])]

    def __str__(self) -> str:
        return f"{self.kind} #{self.object_id}"
