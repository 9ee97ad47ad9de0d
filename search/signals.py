"""Changes to anything searchable queue an index task in the same transaction.

Pages (cooperatives, workshops, partners) on publish, unpublish and delete;
needs on every save and delete.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished

from cooperatives.models import CooperativePage
from partners.models import Need, PartnerPage
from search.sync import enqueue
from workshops.models import WorkshopPage

KINDS = {
    CooperativePage: "cooperative",
    WorkshopPage: "workshop",
    PartnerPage: "partner",
    Need: "need",
}


def _queue(sender, instance, **kwargs):
    enqueue(KINDS[sender], instance.pk)


def connect() -> None:
    for model in (CooperativePage, WorkshopPage, PartnerPage):
        for signal in (page_published, page_unpublished, post_delete):
            signal.connect(
                _queue, sender=model, dispatch_uid=f"search-{model.__name__}-{id(signal)}"
            )
    for signal in (post_save, post_delete):
        signal.connect(_queue, sender=Need, dispatch_uid=f"search-need-{id(signal)}")
