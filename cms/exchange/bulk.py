"""Publish many pages at once, leaving what Wagtail's own ``add_child``, ``save_revision`` and
``publish`` leave, at a fixed number of statements per batch instead of dozens per page.

Wagtail writes one page at a time: treebeard locks the listing page's row
until the transaction ends, each table is saved, the revision is written and
the page saved again, its database search backend recomputes the average
title length over every entry on each save, the reference index is rebuilt
for the page, and each step logs a line. An import of 10,000 records took
25 minutes that way, slowing as it went. Here each step is one statement per
table for a whole batch:

* tree positions (path, depth, url_path, locale) after the listing page's last
  child (:class:`TreePositions`); the listing page's ``numchild`` is written
  once, at the end, so its row is locked only from then until the commit;
* one revision per page, with the page's content, as ``save_revision`` writes it,
  and the page published with it (``live``, ``live_revision``, ``latest_revision``,
  first and last published, no unpublished changes);
* history entries "wagtail.create" and "wagtail.publish" (and "wagtail.rename"
  when an update changes the title), as the admin shows them;
* Wagtail's own search index (the admin's search) and reference index (usage
  counts), written for the batch in the same transaction, so that they are
  never stale and an import that fails leaves neither behind.

``tests/cms/exchange/test_bulk_pages.py`` compares a page published here
with one published by Wagtail, field by field, revision, history, search
and reference index entries, so an upgrade that changes what Wagtail writes
fails there. Internals are relied on where Wagtail or Django offers no bulk
form: Django's ``Manager._insert`` (how its own ``save`` writes each table of
a multi-table model; ``bulk_create`` refuses them), treebeard's
``_get_path``/``_str2int``, the reference index's
``_extract_references_from_object``/``_get_content_path_hash``, and the
PostgreSQL search backend's ``ObjectIndexer``, entry statement and
``_refresh_title_norms`` (:class:`SearchEntries`).
"""

from collections import Counter, defaultdict
from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import F, Model
from django.db.models.sql.subqueries import InsertQuery
from modelcluster.models import get_all_child_m2m_relations, get_all_child_relations
from modelsearch.backends.database.postgres.postgres import ObjectIndexer, PostgresSearchBackend
from modelsearch.utils import get_content_type_pk
from treebeard.exceptions import PathOverflow
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision
from wagtail.search import index
from wagtail.search.backends import get_search_backends
from wagtail.search.models import IndexEntry

# PostgreSQL takes at most 65,535 parameters in one statement.
MAX_PARAMETERS = 65_000


def new_ids(model: type[Model], count: int) -> list[int]:
    """``count`` primary keys taken from the table's own sequence, so that rows pointing at
    each other (a page and its revision) are written with their links, not updated after."""
    if count == 0:
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [model._meta.db_table, model._meta.pk.column, count],
        )
        return [row[0] for row in cursor.fetchall()]


class TreePositions:
    """Places new pages after the last child of their listing page.

    ``room`` positions are left free first: a profile an editor creates under
    the same listing page while an import runs (an approved organisation's
    draft page) takes one of them and neither waits for the import nor
    collides with its pages. The parents' child counts are written by
    :meth:`finish`, the one statement that locks a parent's row.
    """

    def __init__(self, room: int = 0) -> None:
        self.room = room
        self._next_step: dict[int, int] = {}
        self._added: Counter = Counter()

    def place(self, page: Page, parent: Page) -> None:
        if parent.pk not in self._next_step:
            last = (
                Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
                .order_by("-path")
                .values_list("path", flat=True)
                .first()
            )
            taken = Page._str2int(last[-Page.steplen :]) if last else 0
            self._next_step[parent.pk] = taken + 1 + self.room
        step = self._next_step[parent.pk]
        if step >= len(Page.alphabet) ** Page.steplen:
            raise PathOverflow(f"no room for more pages below {parent.url_path}")
        self._next_step[parent.pk] += 1
        self._added[parent.pk] += 1
        page.depth = parent.depth + 1
        page.path = Page._get_path(parent.path, page.depth, step)
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.locale_id = parent.locale_id

    def finish(self) -> None:
        for parent_id, added in self._added.items():
            Page.objects.filter(pk=parent_id).update(numchild=F("numchild") + added)
        self._next_step.clear()
        self._added.clear()


def _chunks(items: list, size: int) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def insert_pages(model: type[Page], pages: list[Page]) -> None:
    """Insert new pages (their ids already set) into each table of their model."""
    for table in (*reversed(model._meta.get_parent_list()), model):
        fields = list(table._meta.local_concrete_fields)
        for chunk in _chunks(pages, MAX_PARAMETERS // len(fields)):
            table._base_manager._insert(chunk, fields=fields, using=connection.alias)
    for page in pages:
        page._state.adding = False
        page._state.db = connection.alias


# -- child rows and many-to-many links, which pages keep in memory until published


def child_relations(model: type[Model]) -> dict[str, object]:
    """The model's child relations (photos, certificates, comments, …) by accessor name."""
    return {relation.get_accessor_name(): relation for relation in get_all_child_relations(model)}


def held_children(model, ids: list[int], related: dict[str, tuple[str, ...]]) -> dict:
    """``{relation: {page id: [child, …]}}`` for every child relation of ``model``, read in one
    query each (with ``related[relation]`` selected along)."""
    held = {}
    for name, relation in child_relations(model).items():
        by_page = defaultdict(list)
        if ids:
            rows = relation.related_model.objects.filter(**{f"{relation.field.attname}__in": ids})
            for child in rows.select_related(*related.get(name, ())):
                by_page[getattr(child, relation.field.attname)].append(child)
        held[name] = by_page
    return held


def m2m_fields(model) -> dict:
    """The model's many-to-many fields by name (parental ones for pages)."""
    return {field.name: field for field in model._meta.many_to_many}


def held_links(model, ids: list[int]) -> dict[str, dict[int, list[int]]]:
    """``{field: {object id: [linked ids, sorted]}}`` for every many-to-many field of ``model``."""
    held = {}
    for name, field in m2m_fields(model).items():
        through = field.remote_field.through
        source = through._meta.get_field(field.m2m_field_name()).attname
        target = through._meta.get_field(field.m2m_reverse_field_name()).attname
        by_object = defaultdict(list)
        if ids:
            rows = through.objects.filter(**{f"{source}__in": ids}).values_list(source, target)
            for object_id, linked_id in rows.order_by(source, target):
                by_object[object_id].append(linked_id)
        held[name] = by_object
    return held


def linked_objects(model, links: dict, skip: set[str]) -> dict[str, dict[int, Model]]:
    """The objects behind held links of parental many-to-many fields (but those in ``skip``),
    in one query per field: a page keeps them in memory for its revision."""
    objects = {}
    for field in get_all_child_m2m_relations(model):
        if field.name in skip:
            continue
        ids = {linked for linked_ids in links[field.name].values() for linked in linked_ids}
        objects[field.name] = field.related_model.objects.in_bulk(ids) if ids else {}
    return objects


def replace_links(model, objects: list[Model], wanted: dict[str, dict[int, list[int]]]) -> None:
    """Write the many-to-many links ``wanted[field][object id]`` of ``objects``, replacing any
    they had (objects absent from ``wanted[field]`` keep theirs)."""
    for name, field in m2m_fields(model).items():
        by_object = wanted.get(name, {})
        changed = [obj.pk for obj in objects if obj.pk in by_object]
        if not changed:
            continue
        through = field.remote_field.through
        source = through._meta.get_field(field.m2m_field_name()).attname
        target = through._meta.get_field(field.m2m_reverse_field_name()).attname
        through.objects.filter(**{f"{source}__in": changed}).delete()
        through.objects.bulk_create(
            [
                through(**{source: object_id, target: linked_id})
                for object_id in changed
                for linked_id in by_object[object_id]
            ],
            batch_size=5000,
        )


def write_children(pages: list[Page], held: dict[str, dict[int, list]]) -> None:
    """Commit the child rows each page holds in memory: delete those it dropped, insert the new
    ones (numbered in the page's order). ``held`` is what the database has."""
    dropped = defaultdict(list)
    added = defaultdict(list)
    for page in pages:
        for name, relation in child_relations(type(page)).items():
            children = list(getattr(page, name).all())
            keep = {child.pk for child in children if child.pk is not None}
            dropped[relation.related_model] += [
                child.pk for child in held.get(name, {}).get(page.pk, []) if child.pk not in keep
            ]
            for position, child in enumerate(children):
                if child.pk is None:
                    setattr(child, relation.field.attname, page.pk)
                    sort_order = getattr(child, "sort_order_field", None)
                    if sort_order and getattr(child, sort_order) is None:
                        setattr(child, sort_order, position)
                    added[relation.related_model].append(child)
    for model, pks in dropped.items():
        if pks:
            model.objects.filter(pk__in=pks).delete()
    for model, children in added.items():
        model.objects.bulk_create(children, batch_size=2000)


# -- publishing


def revisions_for(pages: list[Page], now) -> list[Revision]:
    """A revision of each page's current content, as ``save_revision`` makes it."""
    base = ContentType.objects.get_for_model(Page).pk
    ids = new_ids(Revision, len(pages))
    return [
        Revision(
            id=revision_id,
            content_type_id=page.content_type_id,
            base_content_type_id=base,
            object_id=str(page.pk),
            created_at=now,
            object_str=str(page),
            content=page.serializable_data(),
        )
        for page, revision_id in zip(pages, ids, strict=True)
    ]


def mark_published(page: Page, revision: Revision, now) -> None:
    """The page's own record of being published with ``revision`` (what ``publish`` sets)."""
    page.draft_title = page.title
    page.live = True
    page.has_unpublished_changes = False
    page.expired = False
    page.latest_revision_id = page.live_revision_id = revision.id
    page.latest_revision_created_at = page.last_published_at = now
    if page.first_published_at is None:
        page.first_published_at = now


# The fields of a page that publishing writes.
PUBLISHED_FIELDS = (
    "draft_title",
    "live",
    "has_unpublished_changes",
    "expired",
    "latest_revision",
    "live_revision",
    "latest_revision_created_at",
    "last_published_at",
    "first_published_at",
)


def history(
    pages: list[Page], revisions: list[Revision], now, *, created: bool, old_titles=None
) -> None:
    """The admin's history of each page: created (for new pages), renamed, published."""
    entries = []
    for number, (page, revision) in enumerate(zip(pages, revisions, strict=True)):
        label = page.get_admin_display_title()

        def entry(action, data=None, revision_id=None, changed=True, page=page, label=label):
            return PageLogEntry(
                page_id=page.pk,
                content_type_id=page.content_type_id,
                label=label,
                action=action,
                data=data or {},
                timestamp=now,
                revision_id=revision_id,
                content_changed=changed,
            )

        if created:
            entries.append(entry("wagtail.create"))
        data = None
        old_title = old_titles[number] if old_titles else None
        if old_title is not None and old_title != page.title:
            data = {"title": {"old": old_title, "new": page.title}}
            entries.append(entry("wagtail.rename", data, revision.id, changed=False))
        entries.append(entry("wagtail.publish", data, revision.id))
    PageLogEntry.objects.bulk_create(entries, batch_size=2000)


def index_for_search(model: type[Model], objects: list[Model]) -> None:
    """Write the objects into Wagtail's own search index (the admin's search), in one
    statement per batch; its database backend then recomputes its title norms once, not per
    object as it does on each save."""
    if not objects or not issubclass(model, index.Indexed) or not model.get_search_fields():
        return
    for backend in get_search_backends(with_auto_update=True):
        if isinstance(backend, PostgresSearchBackend):
            SearchEntries(backend, model).write(objects)
        else:
            backend.add_bulk(model, objects)


class SearchEntries:
    """Entries of Wagtail's PostgreSQL search index, as its ``add_items`` writes them: the same
    statement and the same vectors, built by its own ``ObjectIndexer``. Only the SQL of each
    vector is compiled once per shape (how many texts, of which weights) and reused with each
    object's texts; compiling it for every object was most of the cost of an import."""

    def __init__(self, backend, model: type[Model]) -> None:
        self.backend, self.model = backend, model
        self.index = backend.get_index_for_model(model)
        self.compiler = InsertQuery(IndexEntry).get_compiler(connection=self.index.write_connection)
        self._compiled: dict[tuple, tuple[str, list]] = {}

    def write(self, objects: list[Model]) -> None:
        content_type = get_content_type_pk(self.model)
        rows, params = [], []
        for obj in objects:
            indexer = ObjectIndexer(obj, self.backend)
            title, body, autocomplete = self._texts(indexer)
            vectors = [
                self._vector(indexer, title, False),
                self._vector(indexer, autocomplete, True),
                self._vector(indexer, body, False),
            ]
            sql = ", ".join(vector_sql for vector_sql, _params in vectors)
            rows.append(f"(%s, %s, {sql}, 1.0, %s, %s)")
            params += [content_type, indexer.id]
            for _vector_sql, vector_params in vectors:
                params += vector_params
            params += [_plain(title), _plain(body)]
        with self.index.write_connection.cursor() as cursor:
            cursor.execute(
                f"""INSERT INTO {IndexEntry._meta.db_table}
                (content_type_id, object_id, title, autocomplete, body, title_norm, title_text,
                 body_text)
                (VALUES {", ".join(rows)})
                ON CONFLICT (content_type_id, object_id)
                DO UPDATE SET title = EXCLUDED.title, title_norm = 1.0,
                    autocomplete = EXCLUDED.autocomplete, body = EXCLUDED.body,
                    title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text""",
                params,
            )
        self.index._refresh_title_norms()

    @staticmethod
    def _texts(indexer) -> tuple[list, list, list]:
        """(text, weight) of the title, body and autocomplete fields, as the indexer reads them."""
        title, body, autocomplete = [], [], []
        for search_field in indexer.search_fields:
            for field, weight, value in indexer.prepare_field(indexer.obj, search_field):
                if isinstance(field, index.SearchField):
                    (title if field.field_name == "title" else body).append((value, weight))
                elif isinstance(field, index.AutocompleteField):
                    autocomplete.append((value, weight))
        return title, body, autocomplete

    def _vector(self, indexer, texts: list, for_autocomplete: bool) -> tuple[str, list]:
        texts = [(text.strip(), weight) for text, weight in texts if text.strip()]
        shape = (tuple(weight for _text, weight in texts), for_autocomplete)
        if shape not in self._compiled:
            # Placeholders that no real text can be (the import refuses NUL characters).
            marks = [f"\x00{number}\x00" for number in range(len(texts))]
            vector = indexer.as_vector(
                [(mark, weight) for mark, (_text, weight) in zip(marks, texts, strict=True)],
                for_autocomplete=for_autocomplete,
            )
            value = self.compiler.prepare_value(IndexEntry._meta.get_field("title"), vector)
            sql, params = value.as_sql(self.compiler, self.index.write_connection)
            slots = [marks.index(param) if param in marks else None for param in params]
            self._compiled[shape] = (sql, list(zip(slots, params, strict=True)))
        sql, slots = self._compiled[shape]
        return sql, [param if slot is None else texts[slot][0] for slot, param in slots]


def _plain(texts: list) -> str:
    """The texts joined as the index keeps them for fuzzy search (title_text, body_text)."""
    return " ".join(text.strip() for text, _weight in texts if text.strip())


def index_references(model: type[Model], objects: list[Model], *, replace: bool) -> None:
    """Record what the objects refer to in Wagtail's reference index (the "used by" counts),
    replacing their earlier references when ``replace``."""
    if not objects or not ReferenceIndex.is_indexed(model):
        return
    chain = [model, *model._meta.get_parent_list()]
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    base = ContentType.objects.get_for_model(chain[-1], for_concrete_model=False)
    if replace:
        ReferenceIndex.objects.filter(
            base_content_type=base, object_id__in=[str(obj.pk) for obj in objects]
        ).delete()
    rows = [
        ReferenceIndex(
            content_type=content_type,
            base_content_type=base,
            object_id=str(obj.pk),
            to_content_type_id=to_content_type_id,
            to_object_id=to_object_id,
            model_path=model_path,
            content_path=content_path,
            content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
        )
        for obj in objects
        for to_content_type_id, to_object_id, model_path, content_path in set(
            ReferenceIndex._extract_references_from_object(obj)
        )
    ]
    ReferenceIndex.objects.bulk_create(rows, ignore_conflicts=True, batch_size=2000)
