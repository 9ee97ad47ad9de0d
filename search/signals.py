"""Changes to anything searchable queue an index task in the same transaction.

Profile pages (every kind of :data:`cms.kinds.PROFILE_KINDS`) on publish,
unpublish and delete, and when a view restriction above them is added or
removed (a restricted profile is not publicly listed, so it leaves the
index); needs on every save and delete.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished

from cms.kinds import PROFILE_KINDS, kind_of_model
from partners.models import Need
from search.sync import enqueue


def _queue_profile(sender, instance, **kwargs):
    enqueue(kind_of_model(sender).code, instance.pk)


def _queue_need(sender, instance, **kwargs):
    enqueue("need", instance.pk)


def _queue_restricted(sender, instance, **kwargs):
    """A restriction hides (or its removal shows) the page and every profile below it."""
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is None:  # deleted with its page, whose own deletion is queued
        return
    models = [kind.page_model for kind in PROFILE_KINDS.values()]
    below = Page.objects.descendant_of(page, inclusive=True).type(*models).specific()
    for page in below:
        enqueue(kind_of_model(type(page)).code, page.pk)


def connect() -> None:
    for kind in PROFILE_KINDS.values():
        for signal in (page_published, page_unpublished, post_delete):
            signal.connect(
                _queue_profile,
                sender=kind.page_model,
                dispatch_uid=f"search-{kind.code}-{id(signal)}",
            )
    for signal in (post_save, post_delete):
        signal.connect(_queue_need, sender=Need, dispatch_uid=f"search-need-{id(signal)}")
        signal.connect(
            _queue_restricted,
            sender=PageViewRestriction,
            dispatch_uid=f"search-restriction-{id(signal)}",
        )
