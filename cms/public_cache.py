"""What every visitor is shown alike, kept in the cache until the public directory changes.

The public summary's figures (every profile, partnership and open need counted,
and one Elasticsearch multi-search over all open needs for "without a match")
and the map's features (every listed profile and partnership) cost hundreds of
milliseconds to make, and stay the same until something public changes. They
are kept in Django's default cache under keys that carry the *directory
version*, a random token kept in the same cache. Saving or deleting a page, a
need, a partnership, an order, a view restriction or a vocabulary entry, and publishing,
unpublishing or moving a page (signals, so the admin and the company's forms
alike), replaces the token when the transaction commits; keys made with an old
token are never read again and expire. Until then the changing transaction
itself makes its values afresh and keeps none: nobody else can see its change
yet, and writing the token inside it would hold the token's row locked in the
database cache until the commit, making every other change wait. ``migrate``,
which every deployment runs, replaces the token too: values kept by the old
code may not suit the new.

``import_directory`` writes in bulk, without signals, and replaces the token
itself when it commits. Some changes reach the figures without a signal: the
search index catches up with a publication just after the
commit (or later, through the outbox worker, when Elasticsearch was away), and
"up to today" moves at midnight. So nothing is kept longer than
:data:`MAX_AGE`, and the pages say when they were counted.

Production's default cache is the database cache, shared by every web process,
worker and command: the version lives there, so a change made in any of them
reaches all at once (one indexed SELECT per page), and so does each value the
first time it is made. Each process also keeps the values it has read in its own
memory (the "public" local-memory cache), so the large ones (the map's list of
places is about 180 kB) are not fetched from the database on every request.
Development and tests have one process and local memory for both.
"""

import hashlib
import json
import time
import uuid
from collections.abc import Callable
from contextlib import suppress
from typing import TypeVar

from django.apps import apps
from django.core.cache import cache, caches
from django.db import DatabaseError, connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.utils import translation
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from cms.kinds import PROFILE_KINDS

# The tilde sorts after every letter and digit: a full database cache culls its lowest keys
# first (Django's DatabaseCache, in key order), so the version goes last, after the values.
VERSION_KEY = "~public-directory-version"
# Each process's own copy of the kept values (settings.CACHES), so that a page shown again
# reads them from memory, not from the shared cache.
LOCAL_CACHE = "public"
# Seconds a kept value may be used at most, whatever the signals said (see above); the
# statistics page says "at least every five minutes" (cms/dashboard/figures.html).
MAX_AGE = 5 * 60

# What the public pages are made of, besides every kind of profile page.
WATCHED_MODELS = (
    "wagtailcore.Page",
    "wagtailcore.PageViewRestriction",
    "partners.Need",
    "partners.Partnership",
    "partners.Order",
    "cooperatives.Capability",
    "cooperatives.Certification",
    "cms.Voivodeship",
    "cms.Powiat",
)

Value = TypeVar("Value")


def directory_version() -> str:
    """The current token; a new one when the cache has none (first use, or evicted)."""
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        if not cache.add(VERSION_KEY, version, timeout=None):
            version = cache.get(VERSION_KEY, version)
    return version


def remember(
    name: str,
    parts,
    make: Callable[[], Value],
    keep: Callable[[Value], bool] = lambda value: True,
    translated: bool = True,
) -> Value:
    """``make()`` as last made for ``name`` with these ``parts`` (any JSON-able arguments),
    while the directory has not changed and for at most MAX_AGE.

    Looked for in this process's own copy first, then in the shared cache, where another
    process may have made it. Unless ``translated`` is false, the value is kept per
    language, since it may hold translated text and addresses under /en/. A value for
    which ``keep`` says no (made while a service was away, say) is used once and made
    again next time; nothing is kept when ``make`` raises.
    """
    if changing():
        return make()
    language = translation.get_language() if translated else None
    arguments = json.dumps([language, parts], default=str, sort_keys=True)
    digest = hashlib.sha256(arguments.encode()).hexdigest()[:32]
    key = f"public:{name}:{directory_version()}:{digest}"
    local = caches[LOCAL_CACHE]
    kept = local.get(key)
    if kept is None:
        kept = cache.get(key)
        if kept is None:
            value = make()
            if not keep(value):
                return value
            kept = (time.time() + MAX_AGE, value)
            cache.set(key, kept, MAX_AGE)
        # Here only as long as it is kept there.
        local.set(key, kept, max(kept[0] - time.time(), 1))
    return kept[1]


def directory_changed(**kwargs) -> None:
    """Forget everything kept, once the change is committed (at once outside a
    transaction)."""
    if not changing():
        transaction.on_commit(_new_version)


def changing() -> bool:
    """Whether this connection's transaction has changed the directory: Django's own list
    of commit callbacks says so, and forgets it on commit or rollback."""
    return any(entry[1] is _new_version for entry in connection.run_on_commit)


def _new_version() -> None:
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def _deployed(**kwargs) -> None:
    # The first `migrate` may run before `createcachetable`: nothing is kept yet then.
    with suppress(DatabaseError):
        _new_version()


def _watched_labels() -> set[str]:
    return {*WATCHED_MODELS, *(kind.page_model_label for kind in PROFILE_KINDS.values())}


def _relation_changed(sender, instance, **kwargs) -> None:
    """A many-to-many change (a need's kinds of work, saved after the need itself)."""
    if instance._meta.label in _watched_labels():
        directory_changed()


def watch() -> None:
    """Connect the signals that change the directory version (once, at start-up)."""
    for label in _watched_labels():
        model = apps.get_model(label)
        for signal in (post_save, post_delete):
            signal.connect(directory_changed, sender=model, dispatch_uid=f"public-{label}")
    for signal in (page_published, page_unpublished, page_slug_changed, post_page_move):
        signal.connect(directory_changed, dispatch_uid="public-page")
    m2m_changed.connect(_relation_changed, dispatch_uid="public-relations")
    # A deployment runs `migrate`: values kept by the old code may not suit the new one.
    post_migrate.connect(_deployed, dispatch_uid="public-deployment")
