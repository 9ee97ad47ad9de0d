"""``python manage.py rebuild_index``: build fresh indices and swap the aliases with no gap."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from elasticsearch.helpers import bulk

from cooperatives.models import CooperativePage
from search.client import get_client
from search.documents import CooperativeDocument, cooperative_document, create_versioned_index
from search.sync import UNAVAILABLE, IndexUnavailable, apply_pending, enqueue

CHUNK = 500


class Command(BaseCommand):
    help = (
        "Index every live cooperative into a new index, then move the alias to it in one "
        "atomic step: searches never see an empty or half-built index."
    )

    def handle(self, *args, **options):
        try:
            self._rebuild()
        except (*UNAVAILABLE, IndexUnavailable) as error:
            raise CommandError(f"Elasticsearch is unreachable or refused: {error}") from None

    def _rebuild(self):
        client = get_client()
        started = timezone.now()
        alias = CooperativeDocument.alias_name()
        new_index = create_versioned_index(CooperativeDocument)
        pages = (
            CooperativePage.objects.live()
            .select_related("voivodeship")
            .prefetch_related("capabilities", "certificates__certification")
            .order_by("pk")
        )
        total = pages.count()
        done = 0
        batch = []
        for page in pages.iterator(chunk_size=CHUNK):
            batch.append(
                cooperative_document(page).to_dict(include_meta=True) | {"_index": new_index}
            )
            if len(batch) == CHUNK:
                done += self._send(client, batch, total, done)
                batch = []
        if batch:
            done += self._send(client, batch, total, done)
        client.indices.refresh(index=new_index)
        old = (
            list(client.indices.get_alias(name=alias).keys())
            if client.indices.exists_alias(name=alias)
            else []
        )
        actions = [{"remove": {"index": name, "alias": alias}} for name in old]
        actions.append({"add": {"index": new_index, "alias": alias}})
        client.indices.update_aliases(actions=actions)
        for name in old:
            client.indices.delete(index=name)
        # Changes published while we were building went to the old index: redo them.
        for page_id in CooperativePage.objects.filter(last_published_at__gte=started).values_list(
            "pk", flat=True
        ):
            enqueue("cooperative", page_id)
        apply_pending(refresh=True)
        self.stdout.write(f"{alias} → {new_index}: {done} cooperatives indexed")

    def _send(self, client, batch, total, done) -> int:
        bulk(client, batch)
        self.stderr.write(f"  {done + len(batch)}/{total}")
        return len(batch)
