"""Editors' changes reach the search index by themselves, once their transaction commits.

Publishing, editing, unpublishing and deleting a cooperative each queue an
index task in the same transaction (:mod:`search.signals`); the web process
applies the queue after the commit (:func:`search.sync.enqueue`'s on-commit
hook). These tests never call ``flush()`` or ``apply_pending()``: each change
runs in a real, committed transaction and the test polls the index as a
visitor's search would see it (at most a few seconds, Elasticsearch makes
writes searchable within one second). A change that is rolled back reaches
nothing. A sync that ran only from ``sync_index``, or before the commit (and
so saw the old row), leaves the index as it was and fails here.
"""

import time

import pytest
from django.db import transaction

from cooperatives.models import Capability, CooperativeIndexPage, CooperativePage
from search.client import get_client
from search.documents import CooperativeDocument
from search.models import IndexTask

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("baseline_site")]

# Elasticsearch refreshes every second; a loaded machine may take a few.
WAIT_S = 8


def indexed() -> dict[str, str]:
    """Slug → name of every cooperative a search finds now (nothing before the index exists)."""
    client = get_client()
    alias = CooperativeDocument.alias_name()
    if not client.indices.exists_alias(name=alias):
        return {}
    hits = client.search(index=alias, size=100, query={"match_all": {}})["hits"]["hits"]
    return {hit["_source"]["slug"]: hit["_source"]["name"] for hit in hits}


def eventually(wanted: dict[str, str]) -> dict[str, str]:
    """What the index holds once it holds ``wanted``, or after :data:`WAIT_S` seconds."""
    deadline = time.monotonic() + WAIT_S
    while True:
        seen = indexed()
        if seen == wanted or time.monotonic() > deadline:
            return seen
        time.sleep(0.2)


def new_cooperative(title: str, slug: str) -> CooperativePage:
    page = CooperativePage(title=title, slug=slug, description="Szyjemy fartuchy.", live=False)
    page.capabilities = [Capability.objects.get(code="sewing")]
    CooperativeIndexPage.add_profile(page)
    return page


def publish(page: CooperativePage) -> None:
    """Publish the page's current state in one transaction, as the admin's publish does."""
    with transaction.atomic():
        page.save_revision().publish()
        # Nothing is sent before the commit: the change waits in the queue.
        assert IndexTask.objects.filter(object_id=page.pk).exists()


def test_publishing_reaches_the_index_after_the_commit(search_index):
    with transaction.atomic():
        page = new_cooperative("Spółdzielnia Socjalna „Fartuch”", "ss-fartuch")
        page.save_revision().publish()
        assert IndexTask.objects.filter(object_id=page.pk).exists()
        assert indexed() == {}  # still inside the transaction: not applied
    assert eventually({"ss-fartuch": "Spółdzielnia Socjalna „Fartuch”"}) == {
        "ss-fartuch": "Spółdzielnia Socjalna „Fartuch”"
    }
    assert not IndexTask.objects.exists()  # applied and removed from the queue


def test_an_edit_replaces_the_indexed_version_after_the_commit(search_index):
    page = new_cooperative("Spółdzielnia Socjalna „Fartuch”", "ss-fartuch")
    publish(page)
    assert eventually({"ss-fartuch": "Spółdzielnia Socjalna „Fartuch”"}) == {
        "ss-fartuch": "Spółdzielnia Socjalna „Fartuch”"
    }
    page = CooperativePage.objects.get(pk=page.pk)
    page.title = "Spółdzielnia Socjalna „Nowy Fartuch”"
    publish(page)
    assert eventually({"ss-fartuch": "Spółdzielnia Socjalna „Nowy Fartuch”"}) == {
        "ss-fartuch": "Spółdzielnia Socjalna „Nowy Fartuch”"
    }
    assert not IndexTask.objects.exists()


def test_unpublishing_removes_the_cooperative_from_the_index_after_the_commit(search_index):
    kept, hidden = (
        new_cooperative("Spółdzielnia Socjalna „Zostaje”", "ss-zostaje"),
        new_cooperative("Spółdzielnia Socjalna „Znika”", "ss-znika"),
    )
    publish(kept)
    publish(hidden)
    both = {"ss-zostaje": kept.title, "ss-znika": hidden.title}
    assert eventually(both) == both
    with transaction.atomic():
        CooperativePage.objects.get(pk=hidden.pk).unpublish()
    assert eventually({"ss-zostaje": kept.title}) == {"ss-zostaje": kept.title}
    assert not IndexTask.objects.exists()


def test_deleting_removes_the_cooperative_from_the_index_after_the_commit(search_index):
    kept, deleted = (
        new_cooperative("Spółdzielnia Socjalna „Zostaje”", "ss-zostaje"),
        new_cooperative("Spółdzielnia Socjalna „Usunięta”", "ss-usunieta"),
    )
    publish(kept)
    publish(deleted)
    both = {"ss-zostaje": kept.title, "ss-usunieta": deleted.title}
    assert eventually(both) == both
    with transaction.atomic():
        CooperativePage.objects.get(pk=deleted.pk).delete()
    assert eventually({"ss-zostaje": kept.title}) == {"ss-zostaje": kept.title}
    assert not IndexTask.objects.exists()


def test_a_rolled_back_publish_reaches_nothing(search_index):
    kept = new_cooperative("Spółdzielnia Socjalna „Zostaje”", "ss-zostaje")
    publish(kept)
    assert eventually({"ss-zostaje": kept.title}) == {"ss-zostaje": kept.title}
    draft = new_cooperative("Spółdzielnia Socjalna „Wycofana”", "ss-wycofana")
    with pytest.raises(RuntimeError), transaction.atomic():
        draft.save_revision().publish()
        assert IndexTask.objects.filter(object_id=draft.pk).exists()
        raise RuntimeError("the editor's request failed after publishing")
    # Give a wrongly sent change every chance to show up, then look.
    time.sleep(1.5)
    get_client().indices.refresh(index=CooperativeDocument.alias_name())
    assert indexed() == {"ss-zostaje": kept.title}
    assert not IndexTask.objects.exists()
    assert not CooperativePage.objects.get(pk=draft.pk).live
    # The same publish, committed this time, does reach the index.
    publish(CooperativePage.objects.get(pk=draft.pk))
    both = {"ss-zostaje": kept.title, "ss-wycofana": draft.title}
    assert eventually(both) == both
