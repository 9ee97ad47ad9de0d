"""Elasticsearch index definitions: one index per searchable kind, always behind an alias.

Analysis happens in Python (:mod:`search.analysis`); the index only stores
the base forms (``stems``) and their ASCII forms (``folded``) in fields the
core ``standard`` analyzer splits, so the same mapping works on the bare
local node and on a full production cluster. Shard and replica counts come
from settings.
"""

from datetime import UTC, datetime

from django.conf import settings
from elasticsearch.dsl import (
    Boolean,
    Document,
    GeoPoint,
    Integer,
    Keyword,
    Text,
)

from search.client import get_client, index_name


class CooperativeDocument(Document):
    """A live cooperative profile as the matcher sees it."""

    slug = Keyword()
    name = Text()
    url = Keyword(index=False)
    description = Text(index=False)
    capacity_note = Text(index=False)
    city = Keyword()
    voivodeship = Keyword()
    capabilities = Keyword()
    certifications = Keyword()
    location = GeoPoint()
    service_radius_km = Integer()
    employees_total = Integer()
    accepts_orders = Boolean()
    stems = Text(analyzer="standard")
    folded = Text(analyzer="standard")

    class Index:
        name = "cooperatives"  # always overridden by the alias, see alias_name()

    @classmethod
    def alias_name(cls) -> str:
        return index_name("cooperatives")


DOCUMENTS = {"cooperative": CooperativeDocument}


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


def ensure_alias(document: type[Document]) -> str:
    """The alias of ``document``, created with a first index when it does not exist yet."""
    client = get_client()
    alias = document.alias_name()
    if not client.indices.exists_alias(name=alias):
        name = create_versioned_index(document)
        client.indices.put_alias(index=name, name=alias)
    return alias


def cooperative_text(page) -> str:
    """Everything a need's words may match in a cooperative's profile."""
    capabilities = page.capabilities.all()
    parts = [page.title, page.description, page.capacity_note, page.city]
    for capability in capabilities:
        parts += [capability.label_pl, capability.label_en, *capability.synonym_list()]
    return "\n".join(part for part in parts if part)


def cooperative_document(page) -> CooperativeDocument:
    """The document of a live cooperative page (the page's pk is the document id)."""
    from search.analysis import analyse

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
        service_radius_km=page.service_radius_km,
        employees_total=page.employees_total,
        accepts_orders=page.accepts_orders,
        stems=text_stems,
        folded=text_folded,
    )
    if page.has_location:
        document.location = {"lat": page.latitude, "lon": page.longitude}
    return document
