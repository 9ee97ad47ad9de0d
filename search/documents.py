"""Elasticsearch index definitions: one index per searchable kind, always behind an alias.

Analysis happens in Python (:mod:`search.analysis`); the index only stores
the base forms (``stems``) and their ASCII forms (``folded``) in fields the
core ``standard`` analyzer splits, so the same mapping works on the bare
local node and on a full production cluster. Shard and replica counts come
from settings.

A cooperative's certificates are indexed with their dates, not judged when
indexed: a certificate lapses on its day without anyone saving the profile,
so the matcher checks validity against the day it is asked
(:func:`search.query.certificate_held`).
"""

import logging
from datetime import UTC, datetime
from functools import cache

from django.conf import settings
from elasticsearch import BadRequestError
from elasticsearch.dsl import (
    Boolean,
    Date,
    Document,
    Float,
    GeoPoint,
    InnerDoc,
    Integer,
    Keyword,
    Nested,
    Text,
)

from cms.kinds import PROFILE_KINDS
from partners.models import Need
from search.analysis import analyse
from search.client import get_client, index_name

logger = logging.getLogger(__name__)


class DirectoryDocument(Document):
    """What every searchable kind has: who, where, what they do, and the analysed text."""

    slug = Keyword()
    name = Text()
    url = Keyword(index=False)
    description = Text(index=False)
    city = Keyword()
    voivodeship = Keyword()
    capabilities = Keyword()
    location = GeoPoint()
    stems = Text(analyzer="standard")
    folded = Text(analyzer="standard")

    kind = ""  # the index's name after the prefix, e.g. "cooperatives"

    @classmethod
    def alias_name(cls) -> str:
        return index_name(cls.kind)


class Certificate(InnerDoc):
    """A certificate a cooperative holds and the days it is valid (an open end: no date)."""

    code = Keyword()
    valid_from = Date()
    valid_until = Date()


class Capacity(InnerDoc):
    """How much of one kind of work a cooperative states it can make, and that amount per
    working day, so that rates stated per week and per month compare (search.capacity)."""

    capability = Keyword()
    amount = Integer()
    unit = Keyword()
    per = Keyword()
    per_day = Float()


class CooperativeDocument(DirectoryDocument):
    """A live cooperative profile as the matcher sees it."""

    capacity_note = Text(index=False)
    capacities = Nested(Capacity)
    lead_time_days = Integer()
    # The codes valid on the day of indexing, for listing; the matcher filters on certificates.
    certifications = Keyword()
    certificates = Nested(Certificate)
    service_radius_km = Integer()
    employees_total = Integer()
    # Art. 94 of the public procurement act: the stated count from the groups it names, the
    # day it was stated, and whether that reaches 30 % of employees_total
    # (cooperatives.models.reserved). Elasticsearch cannot compare two fields without
    # scripts, so the verdict is indexed; documents indexed before it existed lack it (and
    # so do not qualify) until ``rebuild_index`` runs.
    employees_reserved_groups = Integer()
    employees_reserved_groups_on = Date()
    reserved_contracts = Boolean()
    accepts_orders = Boolean()
    # The day it was last confirmed (never confirmed: last published), and whether that was
    # more than 18 months before indexing (cms.models.freshness). A profile turns stale on its
    # day without being saved, so a query that must be exact compares ``verified_on`` with
    # the day it is asked, as it does for certificates.
    verified_on = Date()
    stale = Boolean()

    kind = "cooperatives"

    class Index:
        name = "cooperatives"  # always overridden by the alias, see alias_name()


class WorkshopDocument(DirectoryDocument):
    """A live WTZ profile."""

    operator = Text(index=False)
    participants = Integer()

    kind = "workshops"

    class Index:
        name = "workshops"


class PartnerDocument(DirectoryDocument):
    """A live business partner."""

    sector = Keyword()

    kind = "partners"

    class Index:
        name = "partners"


class NeedDocument(DirectoryDocument):
    """A company's outsourcing need (open or closed)."""

    partner = Keyword()
    status = Keyword()
    deadline = Date()
    required_certifications = Keyword()

    kind = "needs"

    class Index:
        name = "needs"


DOCUMENTS = {
    "cooperative": CooperativeDocument,
    "workshop": WorkshopDocument,
    "partner": PartnerDocument,
    "need": NeedDocument,
}


def index_settings() -> dict:
    return {
        "number_of_shards": settings.ELASTICSEARCH_SHARDS,
        "number_of_replicas": settings.ELASTICSEARCH_REPLICAS,
    }


def create_versioned_index(document: type[Document]) -> str:
    """A new, empty concrete index for ``document``, named after the alias and the time."""
    stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S%f")
    name = f"{document.alias_name()}-{stamp}"
    index = document._index.clone(name=name)
    index.settings(**index_settings())
    index.create(using=get_client())
    return name


def move_alias(document: type[Document], new_index: str) -> list[str]:
    """Point the alias of ``document`` at ``new_index`` alone and delete the indices it left.

    Removing the old indices and adding the new one is a single
    ``update_aliases`` call, which Elasticsearch applies atomically: a search
    sent at any moment finds either the old complete index or the new one,
    never none. Returns the names of the deleted indices.
    """
    client = get_client()
    alias = document.alias_name()
    old = (
        list(client.indices.get_alias(name=alias))
        if client.indices.exists_alias(name=alias)
        else []
    )
    removals = [{"remove": {"index": name, "alias": alias}} for name in old if name != new_index]
    client.indices.update_aliases(
        actions=[*removals, {"add": {"index": new_index, "alias": alias}}]
    )
    for action in removals:
        client.indices.delete(index=action["remove"]["index"])
    return [action["remove"]["index"] for action in removals]


def ensure_alias(document: type[Document]) -> str:
    """The alias of ``document``, created with a first index when it does not exist yet, and
    its index given the fields added to ``document`` since it was built."""
    client = get_client()
    alias = document.alias_name()
    if not client.indices.exists_alias(name=alias):
        name = create_versioned_index(document)
        client.indices.put_alias(index=name, name=alias)
    else:
        add_new_fields(document, alias)
    return alias


@cache
def add_new_fields(document: type[Document], alias: str) -> None:
    """Once per process, add the fields ``document`` has gained to the index behind ``alias``.

    An index built by an older version keeps working until ``rebuild_index``
    replaces it: a new field (a cooperative's dated ``certificates``) is
    mapped as designed before the first document carrying it arrives, instead
    of being guessed by Elasticsearch's dynamic mapping, which would make
    every query on it fail. Adding fields is all a mapping update may do; a
    changed field is logged and needs ``rebuild_index``.
    """
    try:
        get_client().indices.put_mapping(index=alias, **document._doc_type.mapping.to_dict())
    except BadRequestError as error:
        logger.error("index %s needs `manage.py rebuild_index`: %s", alias, error)


def cooperative_text(page) -> str:
    """Everything a need's words may match in a cooperative's profile."""
    capabilities = page.capabilities.all()
    parts = [page.title, page.description, page.capacity_note, page.city]
    for capability in capabilities:
        parts += [capability.label_pl, capability.label_en, *capability.term_list()]
    return "\n".join(part for part in parts if part)


def _place(obj) -> dict:
    place = {
        "city": obj.city,
        "voivodeship": obj.voivodeship.teryt if obj.voivodeship_id else None,
    }
    if obj.latitude is not None and obj.longitude is not None:
        place["location"] = {"lat": obj.latitude, "lon": obj.longitude}
    return place


def _analysed(*parts: str) -> dict:

    text_stems, text_folded = analyse("\n".join(part for part in parts if part))
    return {"stems": text_stems, "folded": text_folded}


def workshop_document(page) -> WorkshopDocument:
    areas = list(page.activity_areas.all())
    return WorkshopDocument(
        meta={"id": page.pk},
        slug=page.slug,
        name=page.title,
        url=page.url or "",
        description=page.description,
        operator=page.operator,
        participants=page.participants,
        capabilities=[area.code for area in areas],
        **_place(page),
        **_analysed(page.title, page.description, *(a.label_pl for a in areas)),
    )


def partner_document(page) -> PartnerDocument:
    return PartnerDocument(
        meta={"id": page.pk},
        slug=page.slug,
        name=page.title,
        url=page.url or "",
        description=page.description,
        sector=page.sector,
        **_place(page),
        **_analysed(page.title, page.description, page.sector),
    )


def need_document(need) -> NeedDocument:
    capabilities = list(need.capabilities.all())
    return NeedDocument(
        meta={"id": need.pk},
        slug=need.slug,
        name=need.title,
        url="",
        description=need.description,
        partner=need.partner.slug,
        status=need.status,
        deadline=need.deadline,
        capabilities=[c.code for c in capabilities],
        required_certifications=[c.code for c in need.required_certifications.all()],
        **_place(need),
        **_analysed(need.title, need.description, *(c.label_pl for c in capabilities)),
    )


def cooperative_document(page) -> CooperativeDocument:
    """The document of a live cooperative page (the page's pk is the document id)."""

    text_stems, text_folded = analyse(cooperative_text(page))
    document = CooperativeDocument(
        meta={"id": page.pk},
        slug=page.slug,
        name=page.title,
        url=page.url or "",
        description=page.description,
        capacity_note=page.capacity_note,
        city=page.city,
        voivodeship=page.voivodeship.teryt if page.voivodeship_id else None,
        capabilities=[capability.code for capability in page.capabilities.all()],
        certifications=sorted(c.certification.code for c in page.valid_certificates()),
        certificates=[
            Certificate(
                code=certificate.certification.code,
                valid_from=certificate.valid_from,
                valid_until=certificate.valid_until,
            )
            for certificate in page.certificates.all()
        ],
        capacities=[
            Capacity(**capacity.as_record(), per_day=capacity.per_day)
            for capacity in page.capacities.all()
        ],
        lead_time_days=page.lead_time_days,
        service_radius_km=page.service_radius_km,
        employees_total=page.employees_total,
        employees_reserved_groups=page.employees_reserved_groups,
        employees_reserved_groups_on=page.employees_reserved_groups_on,
        reserved_contracts=page.may_take_reserved_contracts,
        accepts_orders=page.accepts_orders,
        verified_on=page.verified_since,
        stale=page.stale,
        stems=text_stems,
        folded=text_folded,
    )
    if page.has_location:
        document.location = {"lat": page.latitude, "lon": page.longitude}
    return document


def indexable(kind: str):
    """(queryset of what belongs in the index, document builder) for one kind.

    Profiles are in the index exactly while they are publicly listed.
    """
    if kind == "need":
        needs = Need.objects.select_related("voivodeship", "partner").prefetch_related(
            "capabilities", "required_certifications"
        )
        return needs, need_document
    profile = PROFILE_KINDS[kind]
    pages = profile.page_model.objects.listed().select_related("voivodeship")
    if profile.capability_field:
        pages = pages.prefetch_related(profile.capability_field)
    if kind == "cooperative":
        pages = pages.prefetch_related("certificates__certification", "capacities__capability")
    builders = {
        "cooperative": cooperative_document,
        "workshop": workshop_document,
        "partner": partner_document,
    }
    return pages, builders[kind]
