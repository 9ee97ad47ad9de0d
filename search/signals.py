"""Publishing, unpublishing or deleting a cooperative queues an index task in its transaction."""

from django.db.models.signals import post_delete
from wagtail.signals import page_published, page_unpublished

from cooperatives.models import CooperativePage
from search.sync import enqueue


def _queue(sender, instance, **kwargs):
    enqueue("cooperative", instance.pk)


def connect() -> None:
    for signal in (page_published, page_unpublished, post_delete):
        signal.connect(_queue, sender=CooperativePage, dispatch_uid=f"search-{id(signal)}")
