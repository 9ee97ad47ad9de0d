"""A page the import publishes in bulk is the page Wagtail's own add_child, save_revision and
publish make: same fields, place in the tree, revision, history, search and reference index."""

import re

import pytest
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from cms.exchange.writer import DirectoryWriter
from cms.models import Voivodeship
from cooperatives.models import (
    Capability,
    Certification,
    CooperativeCapacity,
    CooperativeCertificate,
    CooperativeIndexPage,
    CooperativePage,
)
from partners.models import Need, PartnerPage
from search.models import IndexTask
from tests.cms.factories import UserFactory

pytestmark = pytest.mark.django_db

TITLE = "Spółdzielnia Socjalna „Porównanie”"
DESCRIPTION = "Szyjemy fartuchy i gotujemy obiady dla firm z okolicy."
# Fields that differ between any two pages, however they were made.
OWN = {
    "id",
    "page_ptr_id",
    "path",
    "slug",
    "url_path",
    "translation_key",
    "latest_revision_id",
    "live_revision_id",
    "first_published_at",
    "last_published_at",
    "latest_revision_created_at",
}


def published_by_wagtail(slug: str) -> CooperativePage:
    """The cooperative published the ordinary Wagtail way (what the import did before)."""
    codes = Capability.objects.in_bulk(["catering", "sewing"], field_name="code")
    page = CooperativePage(
        slug=slug,
        title=TITLE,
        description=DESCRIPTION,
        city="Poznań",
        postal_code="60-101",
        voivodeship=Voivodeship.objects.get(teryt="30"),
        latitude=52.4,
        longitude=16.9,
        nip="7792433421",
        employees_total=10,
        employees_with_disabilities=4,
        lead_time_days=7,
    )
    page.capabilities = [codes["catering"], codes["sewing"]]
    page.certificates = [
        CooperativeCertificate(certification=Certification.objects.get(code="haccp"))
    ]
    page.capacities = [
        CooperativeCapacity(capability=codes["sewing"], amount=400, unit="szt.", per="week")
    ]
    CooperativeIndexPage.add_profile(page)
    page.save_revision().publish()
    return page


def published_in_bulk(slug: str) -> CooperativePage:
    DirectoryWriter().write(
        "cooperative",
        {
            "slug": slug,
            "name": TITLE,
            "description": DESCRIPTION,
            "address": {"street": "", "postal_code": "60-101", "city": "Poznań"},
            "voivodeship": Voivodeship.objects.get(teryt="30"),
            "location": {"lat": 52.4, "lon": 16.9},
            "nip": "7792433421",
            "employees_total": 10,
            "employees_with_disabilities": 4,
            "lead_time_days": 7,
            "capabilities": ["catering", "sewing"],
            "certifications": ["haccp"],
            "capacities": [{"capability": "sewing", "amount": 400, "unit": "szt.", "per": "week"}],
        },
    )
    return CooperativePage.objects.get(slug=slug)


@pytest.fixture
def pair():
    """The same cooperative published both ways (Wagtail's first, so the listing page exists
    before either and both are measured against the same one)."""
    wagtail = published_by_wagtail("ss-wagtail")
    bulk = published_in_bulk("ss-bulk")
    return CooperativePage.objects.get(pk=wagtail.pk), bulk


def fields(page: CooperativePage) -> dict:
    page = CooperativePage.objects.get(pk=page.pk)
    return {
        f.attname: getattr(page, f.attname)
        for f in CooperativePage._meta.concrete_fields
        if f.attname not in OWN
    }


def without_own(data):
    """Revision content without what differs between any two pages, children included."""
    if isinstance(data, dict):
        return {
            key: without_own(value)
            for key, value in data.items()
            if key not in {*OWN, "pk", "page", "live_revision", "latest_revision", "sort_order"}
        }
    if isinstance(data, list):
        return [without_own(item) for item in data]
    return data


def references(obj) -> set[tuple]:
    root = [type(obj), *type(obj)._meta.get_parent_list()][-1]
    rows = ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(root), object_id=str(obj.pk)
    ).values_list(
        "content_type_id", "base_content_type_id", "to_content_type_id", "to_object_id",
        "model_path", "content_path",
    )  # fmt: skip
    # Content paths name the child row: the row differs, its relation and field do not.
    return {(*row[:5], re.sub(r"\.\d+\.", ".<row>.", row[5])) for row in rows}


def test_a_bulk_published_page_has_the_fields_and_place_a_wagtail_published_one_has(pair):
    wagtail, bulk = pair
    listing = CooperativeIndexPage.objects.get()
    assert fields(bulk) == fields(wagtail)
    for page in (wagtail, bulk):
        page = CooperativePage.objects.get(pk=page.pk)
        assert page.get_parent().pk == listing.pk
        assert page.depth == listing.depth + 1
        assert page.url_path == f"{listing.url_path}{page.slug}/"
        assert page.url == f"/spoldzielnie/{page.slug}/"
        assert page.live and not page.has_unpublished_changes
        assert page.live_revision_id == page.latest_revision_id
        assert page.first_published_at is not None
        assert page.latest_revision_created_at is not None
    # treebeard finds nothing wrong: depths, paths, the listing page's child count.
    assert Page.find_problems() == ([], [], [], [], [])
    assert CooperativeIndexPage.objects.get().numchild == 2


def test_a_bulk_published_page_has_the_same_revision_history_and_links(pair):
    wagtail, bulk = pair
    revisions = [Revision.objects.get(object_id=str(page.pk)) for page in (wagtail, bulk)]
    assert [r.pk for r in revisions] == [wagtail.live_revision_id, bulk.live_revision_id]
    assert without_own(revisions[1].content) == without_own(revisions[0].content)
    for attribute in ("content_type_id", "base_content_type_id", "object_str", "user_id"):
        assert getattr(revisions[1], attribute) == getattr(revisions[0], attribute)
    # The revision shows the page, not something else, when Wagtail reads it back.
    assert revisions[1].as_object().capacities.get().amount == 400

    def history(page):
        return sorted(
            (entry.action, entry.label, entry.content_type_id, entry.content_changed,
             entry.revision_id == page.live_revision_id, entry.user_id, entry.data)
            for entry in PageLogEntry.objects.filter(page_id=page.pk)
        )  # fmt: skip

    assert history(bulk) == history(wagtail)
    assert [e.action for e in PageLogEntry.objects.filter(page_id=bulk.pk)] != []

    assert references(bulk) == references(wagtail)
    assert {row[4] for row in references(bulk)} >= {
        "voivodeship",
        "certificates.item.certification",
    }

    for page in (wagtail, bulk):
        page = CooperativePage.objects.get(pk=page.pk)
        assert sorted(page.capabilities.values_list("code", flat=True)) == ["catering", "sewing"]
        assert [c.certification.code for c in page.certificates.all()] == ["haccp"]
        assert page.stated_capacities() == [
            {"capability": "sewing", "amount": 400, "unit": "szt.", "per": "week"}
        ]
        assert IndexTask.objects.filter(kind="cooperative", object_id=page.pk).exists()


def test_a_bulk_published_page_is_in_wagtails_search_index_as_a_saved_one_is(pair, client):
    wagtail, bulk = pair

    def entry(page):
        row = IndexEntry.objects.get(object_id=str(page.pk), content_type__model="cooperativepage")
        return (str(row.title), str(row.body), str(row.autocomplete), row.title_text, row.body_text)

    assert entry(bulk) == entry(wagtail)
    found = CooperativePage.objects.live().search("fartuchy obiady")
    assert {page.slug for page in found} == {"ss-wagtail", "ss-bulk"}
    # The admin's own page search, as an editor uses it.
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = client.get("/admin/pages/search/", {"q": "Porównanie"})
    assert response.status_code == 200
    assert {page.slug for page in response.context["pages"]} == {"ss-wagtail", "ss-bulk"}
    # And the page itself is served at its address.
    public = client.get("/spoldzielnie/ss-bulk/")
    assert public.status_code == 200
    assert "Porównanie" in public.content.decode()


def test_a_need_written_in_bulk_is_indexed_and_referenced_as_a_saved_one():
    DirectoryWriter().write("partner", {"slug": "firma", "name": "Firma"})
    partner = PartnerPage.objects.get(slug="firma")
    saved = Need.objects.create(slug="saved", partner=partner, title="Pakowanie zestawów")
    saved.capabilities.set(Capability.objects.filter(code="co_packing"))
    need = {"slug": "bulk", "partner": "firma", "title": "Pakowanie zestawów"}
    DirectoryWriter().write("need", need | {"capabilities": ["co_packing"]})
    bulk = Need.objects.get(slug="bulk")
    assert list(bulk.capabilities.values_list("code", flat=True)) == ["co_packing"]

    def entry(need):
        row = IndexEntry.objects.get(object_id=str(need.pk), content_type__model="need")
        return (str(row.title), str(row.body), row.title_text)

    assert entry(bulk) == entry(saved)
    assert references(bulk) == references(saved) != set()
    found = get_search_backend().search("zestawów", Need)
    assert {need.slug for need in found} == {"saved", "bulk"}
    assert IndexTask.objects.filter(kind="need", object_id=bulk.pk).exists()
