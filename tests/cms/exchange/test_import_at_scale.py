"""The import in batches: all or nothing across every batch, updates in place, progress, a
listing page editors can still add to while it runs, and files read as streams."""

import io
import json
import threading

import pytest
from django.core.management import call_command
from django.db import connection
from wagtail.models import Page, PageLogEntry, Revision

from cms.exchange import importer
from cms.exchange.importer import read_objects
from cms.management.commands.import_directory import duration
from cms.models import Organisation
from cooperatives.models import CooperativeIndexPage, CooperativePage
from partners.models import Need, PartnerPage, Partnership
from search.client import get_client
from search.documents import CooperativeDocument
from search.models import IndexTask
from tests.cms.factories import UserFactory
from workshops.models import WorkshopPage

BATCH = 4  # records written together in these tests, so a small file spans many batches


def cooperative(number: int, **fields) -> dict:
    return {
        "type": "cooperative",
        "slug": f"ss-{number}",
        "name": f"Spółdzielnia Socjalna nr {number}",
        "capabilities": ["sewing"],
        "voivodeship": "30",
        **fields,
    }


def write(tmp_path, records: list[dict], name="directory.jsonl"):
    path = tmp_path / name
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n")
    return path


def run_import(path):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_directory", str(path), stdout=out, stderr=err)
        code = 0
    except SystemExit as exit_:
        code = exit_.code
    return code, out.getvalue(), err.getvalue()


def nothing_written() -> bool:
    return not (
        # (the publications' section index is made by its migration, not by imports)
        Page.objects.filter(depth__gt=2)
        .exclude(content_type__model="publicationsindexpage")
        .exists()
        or Revision.objects.exists()
        or PageLogEntry.objects.exists()
        or Need.objects.exists()
        or Partnership.objects.exists()
        or IndexTask.objects.exists()
    )


@pytest.fixture
def small_batches(monkeypatch):
    monkeypatch.setattr(importer, "BATCH", BATCH)


@pytest.mark.django_db
def test_a_bad_last_record_after_several_batches_writes_nothing(tmp_path, small_batches):
    records = [
        *({"type": "workshop", "slug": f"wtz-{n}", "name": f"WTZ {n}"} for n in range(9)),
        *(cooperative(n) for n in range(10)),
        cooperative(10, nip="7792433422"),  # the check digit is wrong
    ]
    code, _, err = run_import(write(tmp_path, records))
    assert code == 1
    assert err.splitlines()[0] == "20: nip: This NIP is not valid: its check digit does not match."
    assert nothing_written()


@pytest.mark.django_db
def test_a_record_failing_in_the_last_batch_undoes_every_batch_before_it(tmp_path, small_batches):
    """The partner of the last record is deleted after the file was checked and before it is
    written: the import stops there and the ten batches written before it are rolled back."""
    partner = write(tmp_path, [{"type": "partner", "slug": "p", "name": "P"}], "partner.jsonl")
    assert run_import(partner)[0] == 0
    records = [
        *({"type": "workshop", "slug": f"wtz-{n}", "name": f"WTZ {n}"} for n in range(20)),
        *(cooperative(n) for n in range(20)),
        {"type": "need", "slug": "potrzeba", "partner": "p", "title": "Szycie"},
    ]
    path = write(tmp_path, records)

    def partner_leaves(stage, done, total):
        if stage == "checking" and done == len(records):
            PartnerPage.objects.filter(slug="p").delete()

    report = importer.import_directory(path, progress=partner_leaves)
    assert [str(error) for error in report.errors] == [
        "41: partner: no partner with slug 'p' (deleted while the file was imported)"
    ]
    assert not WorkshopPage.objects.exists() and not CooperativePage.objects.exists()
    assert not Need.objects.exists()
    written = {"content_type__model__in": ["workshoppage", "cooperativepage"]}
    assert not Revision.objects.filter(**written).exists()
    assert not PageLogEntry.objects.filter(**written).exists()
    assert not IndexTask.objects.filter(kind__in=["workshop", "cooperative"]).exists()
    assert Page.find_problems() == ([], [], [], [], [])


@pytest.mark.django_db
def test_reimport_updates_pages_in_place_and_leaves_the_unchanged_alone(tmp_path, small_batches):
    records = [cooperative(n, certifications=["haccp"]) for n in range(10)]
    records.append({"type": "partner", "slug": "p", "name": "P"})
    records.append({"type": "need", "slug": "n", "partner": "p", "title": "Szycie fartuchów"})
    assert run_import(write(tmp_path, records))[0] == 0
    first = {p.slug: p for p in CooperativePage.objects.all()}
    certificate = first["ss-3"].certificates.get()
    certificate.issuer = "Sanepid Poznań"  # an editor's detail the file does not carry
    certificate.save()
    revisions = Revision.objects.count()

    records[3] = cooperative(3, name="Nowa nazwa", capabilities=["catering", "sewing"])
    records[3]["certifications"] = ["haccp", "iso9001"]
    records[7]["certifications"] = []
    records[-1]["title"] = "Szycie toreb"
    code, out, _ = run_import(write(tmp_path, records, "again.jsonl"))

    assert code == 0
    assert "updated: cooperative 2, need 1" in out
    assert "unchanged: cooperative 8, partner 1" in out
    assert Revision.objects.count() == revisions + 2
    renamed = CooperativePage.objects.get(slug="ss-3")
    assert (renamed.pk, renamed.path, renamed.url_path) == (
        first["ss-3"].pk,
        first["ss-3"].path,
        first["ss-3"].url_path,
    )
    assert renamed.title == renamed.draft_title == "Nowa nazwa"
    assert renamed.live_revision_id == renamed.latest_revision_id != first["ss-3"].live_revision_id
    assert renamed.first_published_at == first["ss-3"].first_published_at
    assert renamed.last_published_at > first["ss-3"].last_published_at
    assert sorted(renamed.capabilities.values_list("code", flat=True)) == ["catering", "sewing"]
    kept = {c.certification.code: c.issuer for c in renamed.certificates.all()}
    assert kept == {"haccp": "Sanepid Poznań", "iso9001": ""}
    assert not CooperativePage.objects.get(slug="ss-7").certificates.exists()
    assert (
        CooperativePage.objects.get(slug="ss-5").live_revision_id == first["ss-5"].live_revision_id
    )
    actions = PageLogEntry.objects.filter(page=renamed).values_list("action", flat=True)
    assert sorted(actions) == [
        "wagtail.create",
        "wagtail.publish",
        "wagtail.publish",
        "wagtail.rename",
    ]
    assert Need.objects.get(slug="n").title == "Szycie toreb"
    assert [page.slug for page in CooperativePage.objects.search("Nowa")] == ["ss-3"]
    assert Page.find_problems() == ([], [], [], [], [])
    assert CooperativeIndexPage.objects.get().numchild == 10


@pytest.mark.django_db
def test_reimported_pages_are_searchable_in_elasticsearch_after_the_command(tmp_path, search_index):
    records = [cooperative(n, description="Szyjemy fartuchy robocze.") for n in range(3)]
    assert run_import(write(tmp_path, records))[0] == 0
    records[1]["name"] = "Spółdzielnia Socjalna „Nici”"
    assert run_import(write(tmp_path, records, "again.jsonl"))[0] == 0
    alias = CooperativeDocument.alias_name()
    page = CooperativePage.objects.get(slug="ss-1")
    assert get_client().get(index=alias, id=page.pk)["_source"]["name"] == page.title
    assert page.title == "Spółdzielnia Socjalna „Nici”"
    assert get_client().count(index=alias)["count"] == 3
    assert not IndexTask.objects.exists()


@pytest.mark.django_db
def test_a_page_in_moderation_is_published_by_wagtail_which_ends_its_workflow(tmp_path):
    records = [cooperative(1), cooperative(2)]
    assert run_import(write(tmp_path, records))[0] == 0
    page = CooperativePage.objects.get(slug="ss-1")
    page.get_workflow().start(page, UserFactory())
    assert page.current_workflow_state is not None

    records[0]["description"] = "Opis z pliku."
    records[1]["description"] = "Opis z pliku."
    code, out, _ = run_import(write(tmp_path, records, "again.jsonl"))
    assert code == 0 and "updated: cooperative 2" in out
    for slug in ("ss-1", "ss-2"):
        page = CooperativePage.objects.get(slug=slug)
        assert page.description == "Opis z pliku." and page.live
        assert page.current_workflow_state is None
        assert not page.has_unpublished_changes


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("baseline_site")
def test_an_editor_adds_a_profile_while_an_import_runs_without_waiting_for_it(
    tmp_path, small_batches
):
    """The import locks the listing page only when it ends: a page created under it in the
    meantime (an approved organisation's draft) neither waits nor takes an import's place."""
    listing = CooperativeIndexPage.get_or_create()
    listing.add_child(instance=CooperativePage(title="Pierwsza", slug="pierwsza"))
    records = [cooperative(n) for n in range(12)]
    added = []

    def editor_adds_a_profile():
        try:
            organisation = Organisation.objects.create(
                name="Spółdzielnia w trakcie", kind=Organisation.Kind.COOPERATIVE
            )
            added.append(CooperativeIndexPage.add_draft_profile(organisation).pk)
        finally:
            connection.close()

    def meanwhile(stage, done, total):
        if stage == "writing" and done == BATCH:  # one batch written, not yet committed
            editor = threading.Thread(target=editor_adds_a_profile)
            editor.start()
            editor.join(timeout=30)
            assert not editor.is_alive(), "the editor waited for the import"

    report = importer.import_directory(write(tmp_path, records), progress=meanwhile)
    assert report.ok and sum(report.created.values()) == 12
    assert len(added) == 1
    assert CooperativePage.objects.count() == 14
    assert Page.find_problems() == ([], [], [], [], [])
    assert CooperativeIndexPage.objects.get().numchild == 14
    paths = list(CooperativePage.objects.order_by("path").values_list("slug", flat=True))
    assert paths[:2] == ["pierwsza", CooperativePage.objects.get(pk=added[0]).slug]


@pytest.mark.django_db
def test_the_progress_line_gives_the_rate_and_the_time_left(tmp_path):
    records = [{"type": "partner", "slug": f"firma-{n}", "name": f"Firma {n}"} for n in range(200)]
    code, _, err = run_import(write(tmp_path, records))
    assert code == 0
    last = err.splitlines()[-2]  # then "making 200 changes searchable…"
    assert last.startswith("  200 / 200 records · ") and last.endswith(" records/s")
    assert err.splitlines()[-1] == "  making 200 changes searchable…"
    assert [duration(s) for s in (40, 280, 3900)] == ["40 s", "4 min 40 s", "1 h 5 min"]


def test_a_stream_is_read_in_chunks_to_the_same_objects_and_lines(monkeypatch):
    monkeypatch.setattr(importer, "CHUNK", 7)
    records = [{"type": "partner", "slug": f"p-{n}", "name": "Zażółć „gęślą”"} for n in range(40)]
    lines = "\n".join(json.dumps(r, ensure_ascii=False) for r in records)
    pretty = json.dumps(records, ensure_ascii=False, indent=1)
    one_line = json.dumps(records, ensure_ascii=False)
    assert [obj for _, obj, _ in read_objects(io.StringIO(lines))] == records
    assert [line for line, _, _ in read_objects(io.StringIO(lines))] == list(range(1, 41))
    assert [obj for _, obj, _ in read_objects(io.StringIO(pretty))] == records
    assert [line for line, _, _ in read_objects(io.StringIO(pretty))] == [
        2 + 5 * n for n in range(40)
    ]
    assert [obj for _, obj, _ in read_objects(io.StringIO(one_line))] == records
    broken = one_line[:-1] + ', {"slug": oops}]'
    *_, (line, obj, problem) = read_objects(io.StringIO(broken))
    column = len(one_line[:-1] + ', {"slug": ') + 1
    assert (line, obj, problem) == (1, None, f"not valid JSON (Expecting value at column {column})")
