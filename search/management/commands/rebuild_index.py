"""``python manage.py rebuild_index``: build fresh indices and swap the aliases with no gap."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from elasticsearch.helpers import bulk

from search.client import get_client, patient_client
from search.documents import DOCUMENTS, create_versioned_index, indexable, move_alias
from search.sync import UNAVAILABLE, IndexUnavailable, apply_pending, enqueue

CHUNK = 500


class Command(BaseCommand):
    help = (
        "Index everything searchable (cooperatives, workshops, partners, needs) into new "
        "indices, then move each alias in one atomic step: searches never see an empty or "
        "half-built index."
    )

    def execute(self, *args, **options):
        # Heavy work: wait for Elasticsearch rather than fail fast as web requests do.
        with patient_client():
            return super().execute(*args, **options)

    def handle(self, *args, **options):
        try:
            for kind, document in DOCUMENTS.items():
                self._rebuild(kind, document)
        except (*UNAVAILABLE, IndexUnavailable) as error:
            raise CommandError(f"Elasticsearch is unreachable or refused: {error}") from None

    def _rebuild(self, kind, document):
        client = get_client()
        started = timezone.now()
        alias = document.alias_name()
        new_index = create_versioned_index(document)
        queryset, build = indexable(kind)
        total = queryset.count()
        batch, done = [], 0
        for obj in queryset.order_by("pk").iterator(chunk_size=CHUNK):
            batch.append(build(obj).to_dict(include_meta=True) | {"_index": new_index})
            if len(batch) == CHUNK:
                done += self._send(client, batch, f"{kind} {done + len(batch)}/{total}")
                batch = []
        if batch:
            done += self._send(client, batch, f"{kind} {done + len(batch)}/{total}")
        client.indices.refresh(index=new_index)
        move_alias(document, new_index)
        # Changes saved while we were building went to the old index: apply them again.
        model = queryset.model
        changed_field = "updated_at" if hasattr(model, "updated_at") else "last_published_at"
        for pk in model.objects.filter(**{f"{changed_field}__gte": started}).values_list(
            "pk", flat=True
        ):
            enqueue(kind, pk)
        apply_pending(refresh=True)
        self.stdout.write(f"{alias} → {new_index}: {done} indexed")

    def _send(self, client, batch, progress: str) -> int:
        bulk(client, batch)
        self.stderr.write(f"  {progress}")
        return len(batch)
