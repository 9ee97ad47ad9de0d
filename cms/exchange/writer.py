"""Write checked directory records to the database: upsert by slug, publish, skip what is unchanged.

Only the fields of the public format are written; what editors add in the
CMS (the body, photos, certificate dates) is left as it is.

Records are written a batch at a time (:data:`BATCH` of one type): the batch
reads what the database holds for its slugs in a few queries, decides for
each record whether it is new, changed or unchanged, and writes the new and
changed ones together, pages through :mod:`cms.exchange.bulk`, which
publishes them as Wagtail would. The search outbox gets one row per written
record, inserted together. A page Wagtail itself must publish (in
moderation, scheduled, or with aliases) is published one by one, the
ordinary way.
"""

from collections import defaultdict

from django.db import transaction
from django.db.models import Model
from django.utils import timezone
from wagtail.models import Page, Revision, WorkflowState

from cms.exchange import bulk
from cms.kinds import PROFILE_KINDS
from cms.models import Powiat
from cooperatives.models import (
    Capability,
    Certification,
    CooperativeCapacity,
    CooperativeCertificate,
    CooperativePage,
)
from partners.models import Need, Order, PartnerPage, Partnership
from partners.quotes import kind_of_work
from search.documents import DOCUMENTS
from search.models import IndexTask
from workshops.models import WorkshopPage

# Records written together; a few statements per table each, whatever their number.
BATCH = 500

# Records that are not profile pages (those are cms.kinds.PROFILE_KINDS).
PLAIN_MODELS = {"need": Need, "partnership": Partnership, "order": Order}

# Scalar fields per record type: format name -> model field.
SCALARS = {
    "workshop": {"operator": "operator", "participants": "participants", "regon": "regon"},
    "cooperative": {
        "krs": "krs",
        "nip": "nip",
        "regon": "regon",
        "founded": "founded",
        "service_radius_km": "service_radius_km",
        "employees_total": "employees_total",
        "employees_with_disabilities": "employees_with_disabilities",
        "employees_reserved_groups": "employees_reserved_groups",
        "employees_reserved_groups_on": "employees_reserved_groups_on",
        "workers_from_wtz": "workers_from_wtz",
        "capacity_note": "capacity_note",
        "lead_time_days": "lead_time_days",
        "accepts_orders": "accepts_orders",
    },
    "partner": {"nip": "nip", "sector": "sector"},
    "need": {
        "title": "title",
        "description": "description",
        "quantity": "quantity",
        "deadline": "deadline",
        "status": "status",
    },
    "partnership": {
        "description": "description",
        "local_government": "local_government",
        "started": "started",
        "work": "work",
        "jobs_created": "jobs_created",
        "status": "status",
    },
    "order": {
        "value_pln": "value_pln",
        "ordered": "ordered",
        "delivered": "delivered",
        "status": "status",
    },
}
# Many-to-many fields per record type: format name -> (model field, related model, key).
MANY = {
    "workshop": {"activity_areas": ("activity_areas", Capability, "code")},
    "cooperative": {
        "capabilities": ("capabilities", Capability, "code"),
        "workshops": ("workshops", WorkshopPage, "slug"),
        "workers_from_workshops": ("workers_from_workshops", WorkshopPage, "slug"),
    },
    "partner": {},
    "need": {
        "capabilities": ("capabilities", Capability, "code"),
        "required_certifications": ("required_certifications", Certification, "code"),
    },
    "partnership": {
        "capabilities": ("capabilities", Capability, "code"),
        "workshops": ("workshops", WorkshopPage, "slug"),
    },
    "order": {},
}
# References to one record by its slug: format name -> (model field, model).
POINTERS = {
    "partner": ("partner", PartnerPage),
    "cooperative": ("cooperative", CooperativePage),
    "need": ("need", Need),
}


class MissingReference(LookupError):
    """A record names a record by slug that is not in the database (any more)."""

    def __init__(self, field: str, kind: str, slug: str) -> None:
        super().__init__(f"no {kind} with slug {slug!r}")
        self.field, self.kind, self.slug = field, kind, slug


def _certificates(codes: dict, values: dict, held: list) -> list:
    """Keep certificates already held (with their dates), add the new, drop the rest."""
    wanted = values.get("certifications", [])
    kept = [c for c in held if c.certification.code in wanted]
    have = {c.certification.code for c in kept}
    return kept + [
        CooperativeCertificate(certification=codes[Certification][code])
        for code in wanted
        if code not in have and code in codes[Certification]
    ]


def _capacities(codes: dict, values: dict, held: list) -> list:
    """A cooperative's capacities: the file's list replaces the page's (none when absent)."""
    stated = values.get("capacities", [])
    if [capacity.as_record() for capacity in held] == stated:
        return held
    return [
        CooperativeCapacity(**{**row, "capability": codes[Capability][row["capability"]]})
        for row in stated
    ]


# Child rows of a page, per record type: relation -> (rows wanted, related fields to read with
# the held rows). Each function gets the vocabularies, the record and the rows the page holds,
# and returns the rows it should hold: the held ones that stay, as they are, and new ones.
CHILDREN = {
    "cooperative": {
        "certificates": (_certificates, ("certification",)),
        "capacities": (_capacities, ("capability",)),
    },
}


def record_model(kind: str):
    """The model that stores records of type ``kind``."""
    if kind in PROFILE_KINDS:
        return PROFILE_KINDS[kind].page_model
    return PLAIN_MODELS[kind]


def existing_slugs() -> dict[str, set[str]]:
    """Slugs already in the database, per record type (for checking references)."""
    return {
        kind: set(record_model(kind).objects.values_list("slug", flat=True))
        for kind in (*PROFILE_KINDS, *PLAIN_MODELS)
    }


class DirectoryWriter:
    """Upserts checked records a batch at a time.

    :meth:`write_batch` returns each record's outcome, "created", "updated"
    or "unchanged"; :meth:`finish` ends the writing (the listing pages' child
    counts). :meth:`write` does both for one record. ``room``: tree positions
    left free before new pages (see :class:`cms.exchange.bulk.TreePositions`).
    """

    def __init__(self, *, room: int = 0) -> None:
        self.positions = bulk.TreePositions(room)
        self.codes = {
            Capability: {item.code: item for item in Capability.objects.all()},
            Certification: {item.code: item for item in Certification.objects.all()},
        }
        self._powiats = {
            (voivodeship_id, name): pk
            for voivodeship_id, name, pk in Powiat.objects.values_list(
                "voivodeship_id", "name", "pk"
            )
        }
        self._listing_pages: dict[str, Page] = {}

    def write(self, kind: str, values: dict) -> str:
        with transaction.atomic():
            (outcome,) = self.write_batch(kind, [values])
            self.finish()
        return outcome

    def write_batch(self, kind: str, batch: list[dict]) -> list[str]:
        """Write records of one type (at most a few :data:`BATCH` fit one statement well)."""
        if kind in PROFILE_KINDS:
            return self._write_pages(kind, batch)
        return self._write_plain(kind, batch)

    def finish(self) -> None:
        self.positions.finish()

    # -- values of one record

    def _fields(self, kind: str, values: dict, refs: dict) -> dict:
        """Model field values (by attribute name) for a record: its place, its own fields and
        its references."""
        location = values.get("location", {})
        fields = {"latitude": location.get("lat"), "longitude": location.get("lon")}
        if kind == "order":  # no place of its own: it is where its cooperative and need are
            fields = {}
        voivodeship = values.get("voivodeship")
        if kind not in ("partnership", "order"):
            # A partnership's region is its cooperative's; its map point is where it works.
            address = values.get("address", {})
            fields.update(
                street=address.get("street", ""),
                postal_code=address.get("postal_code", ""),
                city=address.get("city", ""),
                voivodeship_id=voivodeship.pk if voivodeship else None,
            )
        if kind in PROFILE_KINDS:
            fields.update(
                title=values["name"],
                description=values.get("description", ""),
                website=values.get("website", ""),
                email=values.get("email", ""),
                phone=values.get("phone", ""),
                verified_on=values.get("verified_on"),
                powiat_id=self._powiat_id(voivodeship, values.get("powiat")),
            )
        model = record_model(kind)
        for name, model_field in SCALARS[kind].items():
            value = values.get(name)
            if value is None:
                value = model._meta.get_field(model_field).get_default()
            fields[model_field] = value
        for name, (model_field, target) in POINTERS.items():
            if name in values:
                found = refs[target].get(values[name])
                if found is None:
                    raise MissingReference(name, name, values[name])
                fields[f"{model_field}_id"] = found.pk
        if kind == "order":
            fields["capability_id"] = self._kind_of_work(values, refs)
        return fields

    def _kind_of_work(self, values: dict, refs: dict) -> int | None:
        """An order's kind of work: the one the record names, else the need's kind the
        cooperative does, as for an order placed on the site (two queries an order)."""
        if values.get("capability"):
            return self.codes[Capability][values["capability"]].pk
        need, cooperative = refs[Need][values["need"]], refs[CooperativePage][values["cooperative"]]
        kind = kind_of_work(need, cooperative)
        return kind.pk if kind else None

    def _powiat_id(self, voivodeship, name: str | None) -> int | None:
        if not name or voivodeship is None:
            return None
        key = (voivodeship.pk, name)
        if key not in self._powiats:
            powiat, _ = Powiat.objects.get_or_create(voivodeship=voivodeship, name=name)
            self._powiats[key] = powiat.pk
        return self._powiats[key]

    def _links(self, kind: str, values: dict, refs: dict) -> dict[str, list[Model]]:
        """The objects each many-to-many field of the record names, in primary key order."""
        links = {}
        for name, (model_field, model, key) in MANY[kind].items():
            known = self.codes[model] if key == "code" else refs[model]
            wanted = [known[item] for item in values.get(name, []) if item in known]
            links[model_field] = sorted(wanted, key=lambda obj: obj.pk)
        return links

    def _references(self, kind: str, batch: list[dict]) -> dict[type[Model], dict[str, Model]]:
        """The records the batch refers to by slug, read in one query per model."""
        wanted = defaultdict(set)
        for values in batch:
            for name, (_field, model) in POINTERS.items():
                if name in values:
                    wanted[model].add(values[name])
            for name, (_field, model, key) in MANY[kind].items():
                if key == "slug":
                    wanted[model].update(values.get(name, []))
        return {
            model: {obj.slug: obj for obj in model.objects.filter(slug__in=slugs).only("slug")}
            for model, slugs in wanted.items()
        }

    # -- profile pages

    def _listing_page(self, kind: str) -> Page:
        if kind not in self._listing_pages:
            self._listing_pages[kind] = PROFILE_KINDS[kind].index_model.get_or_create()
        return self._listing_pages[kind]

    def _write_pages(self, kind: str, batch: list[dict]) -> list[str]:
        model = record_model(kind)
        now = timezone.now()
        refs = self._references(kind, batch)
        existing = {page.slug: page for page in model.objects.filter(slug__in=_slugs(batch))}
        held_ids = [page.pk for page in existing.values()]
        rules = CHILDREN.get(kind, {})
        held = bulk.held_children(model, held_ids, {name: rule[1] for name, rule in rules.items()})
        links_held = bulk.held_links(model, held_ids)
        # Parental links the import does not set: kept as they are, so read for the revision.
        managed = {model_field for model_field, _model, _key in MANY[kind].values()}
        linked = bulk.linked_objects(model, links_held, skip=managed)
        by_wagtail = _published_by_wagtail(list(existing.values()), now)
        outcomes, new, changed, old_titles, written_fields = [], [], [], [], []
        for values in batch:
            fields = self._fields(kind, values, refs)
            links = self._links(kind, values, refs)
            page = existing.get(values["slug"])
            holds = {name: held[name].get(page.pk, []) if page else [] for name in held}
            children = {
                name: make(self.codes, values, holds[name]) for name, (make, _) in rules.items()
            }
            if page and page.live and _same(page, fields, links, links_held, children, holds):
                outcomes.append("unchanged")
                continue
            written_fields = list(fields)
            if page is None:
                page = model(slug=values["slug"], **fields)
                new.append(page)
                outcomes.append("created")
            else:
                old_title = page.title
                for name, value in fields.items():
                    setattr(page, name, value)
                outcomes.append("updated")
            # A page holds its links and child rows in memory until it is published.
            for name, objects in linked.items():
                wanted = links_held[name].get(page.pk, [])
                links[name] = [objects[pk] for pk in wanted if pk in objects]
            for name, objects in links.items():
                setattr(page, name, objects)
            for name in held:
                setattr(page, name, children.get(name, holds[name]))
            if page.pk in by_wagtail:
                page.save_revision().publish()
            elif page.pk is not None:
                changed.append(page)
                old_titles.append(old_title)
        if new:
            self._publish_new(kind, model, new, now)
        if changed:
            _publish_changed(model, changed, written_fields, old_titles, held, links_held, now)
        written = new + changed
        bulk.index_for_search(model, written)
        bulk.index_references(model, new, replace=False)
        bulk.index_references(model, changed, replace=True)
        _queue_for_search(kind, written)
        return outcomes

    def _publish_new(self, kind: str, model, pages: list[Page], now) -> None:
        listing = self._listing_page(kind)
        for page, page_id in zip(pages, bulk.new_ids(Page, len(pages)), strict=True):
            page.id = page_id
            setattr(page, model._meta.pk.attname, page_id)
            self.positions.place(page, listing)
            page.draft_title = page.title
        bulk.write_children(pages, {})
        revisions = bulk.revisions_for(pages, now)
        for page, revision in zip(pages, revisions, strict=True):
            bulk.mark_published(page, revision, now)
        bulk.insert_pages(model, pages)
        Revision.objects.bulk_create(revisions)
        bulk.history(pages, revisions, now, created=True)
        bulk.replace_links(model, pages, _links_in_memory(model, pages))

    # -- needs and partnerships

    def _write_plain(self, kind: str, batch: list[dict]) -> list[str]:
        model = record_model(kind)
        refs = self._references(kind, batch)
        existing = {obj.slug: obj for obj in model.objects.filter(slug__in=_slugs(batch))}
        links_held = bulk.held_links(model, [obj.pk for obj in existing.values()])
        outcomes, new, changed, wanted, written_fields = [], [], [], [], []
        for values in batch:
            fields = self._fields(kind, values, refs)
            links = self._links(kind, values, refs)
            obj = existing.get(values["slug"])
            if obj and _same(obj, fields, links, links_held):
                outcomes.append("unchanged")
                continue
            if obj is None:
                obj = model(slug=values["slug"], **fields)
                new.append(obj)
                outcomes.append("created")
            else:
                for name, value in fields.items():
                    setattr(obj, name, value)
                changed.append(obj)
                outcomes.append("updated")
            wanted.append((obj, links))
            written_fields = list(fields)
        model.objects.bulk_create(new)
        if changed:
            # bulk_update leaves "auto_now" dates as they are: set them as save() would.
            now = timezone.now()
            stamped = [f.name for f in model._meta.concrete_fields if getattr(f, "auto_now", False)]
            for obj in changed:
                for name in stamped:
                    setattr(obj, name, now)
            model.objects.bulk_update(changed, [*written_fields, *stamped])
        links_wanted = defaultdict(dict)
        for obj, links in wanted:
            for name, objects in links.items():
                links_wanted[name][obj.pk] = [linked.pk for linked in objects]
        bulk.replace_links(model, new + changed, links_wanted)
        bulk.index_for_search(model, new + changed)
        bulk.index_references(model, new, replace=False)
        bulk.index_references(model, changed, replace=True)
        _queue_for_search(kind, new + changed)
        return outcomes


def _slugs(batch: list[dict]) -> list[str]:
    return [values["slug"] for values in batch]


def _same(obj, fields: dict, links: dict, links_held: dict, children=None, held=None) -> bool:
    """Does the stored ``obj`` already say what the record says?"""
    if any(getattr(obj, name) != value for name, value in fields.items()):
        return False
    for name, objects in links.items():
        if links_held[name].get(obj.pk, []) != [linked.pk for linked in objects]:
            return False
    for name, rows in (children or {}).items():
        holds = held[name]
        if len(rows) != len(holds) or any(a is not b for a, b in zip(rows, holds, strict=True)):
            return False
    return True


def _published_by_wagtail(pages: list[Page], now) -> set[int]:
    """Existing pages that need Wagtail's own publishing: one in moderation (publishing
    cancels its workflow), one scheduled to go live later, an alias or a page with aliases."""
    if not pages:
        return set()
    ids = [page.pk for page in pages]
    special = {page.pk for page in pages if page.alias_of_id or (page.go_live_at or now) > now}
    special.update(Page.objects.filter(alias_of_id__in=ids).values_list("alias_of_id", flat=True))
    moderated = WorkflowState.objects.active().filter(
        base_content_type=pages[0].get_base_content_type(),
        object_id__in=[str(pk) for pk in ids],
    )
    special.update(int(pk) for pk in moderated.values_list("object_id", flat=True))
    return special


def _publish_changed(model, pages, fields, old_titles, held, links_held, now) -> None:
    """Publish changed pages with a new revision each, as ``save_revision().publish()`` would."""
    bulk.write_children(pages, held)
    for page in pages:
        page.draft_title = page.title
    revisions = bulk.revisions_for(pages, now)
    for page, revision in zip(pages, revisions, strict=True):
        bulk.mark_published(page, revision, now)
    model.objects.bulk_update(pages, [*fields, *bulk.PUBLISHED_FIELDS])
    Revision.objects.bulk_create(revisions)
    # Publishing now makes any earlier scheduled revision moot, as Wagtail's publish does.
    Revision.objects.filter(
        base_content_type_id=revisions[0].base_content_type_id,
        object_id__in=[revision.object_id for revision in revisions],
        approved_go_live_at__isnull=False,
    ).update(approved_go_live_at=None)
    bulk.history(pages, revisions, now, created=False, old_titles=old_titles)
    in_memory = _links_in_memory(model, pages)
    for name, by_page in in_memory.items():
        for page_id in list(by_page):
            if by_page[page_id] == links_held[name].get(page_id, []):
                del by_page[page_id]
    bulk.replace_links(model, pages, in_memory)


def _links_in_memory(model, pages: list[Page]) -> dict[str, dict[int, list[int]]]:
    """The parental many-to-many links each page holds in memory, by field and page id."""
    return {
        name: {page.pk: sorted(linked.pk for linked in getattr(page, name).all()) for page in pages}
        for name in bulk.m2m_fields(model)
    }


def _queue_for_search(kind: str, objects: list[Model]) -> None:
    """One outbox row per written record of a searchable kind, as the save signals would
    queue them (search.signals), inserted together."""
    if objects and kind in DOCUMENTS:
        IndexTask.objects.bulk_create(
            [IndexTask(kind=kind, object_id=obj.pk) for obj in objects], batch_size=5000
        )
