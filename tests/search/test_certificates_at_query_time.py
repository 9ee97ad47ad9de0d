"""A certificate counts on the day it is valid, judged when matching, not when indexing.

The index is written once; the day of asking moves. Indexing happens on
"yesterday" (only the clock the page model reads is set back: Elasticsearch
is the real one) or the request names the day it is asked on.
"""

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from cooperatives.models import (
    Capability,
    Certification,
    CooperativeCertificate,
    CooperativePage,
)
from partners.models import Need, PartnerPage
from search.client import get_client
from search.documents import CooperativeDocument, add_new_fields, cooperative_document
from search.models import IndexTask
from search.query import MatchRequest, match, needs_without_match
from search.sync import flush
from tests.cooperatives.factories import CooperativePageFactory

TODAY = timezone.localdate()
YESTERDAY = TODAY - dt.timedelta(days=1)
TOMORROW = TODAY + dt.timedelta(days=1)


def kitchen(slug: str, **dates) -> None:
    """A catering cooperative near Poznań holding HACCP with ``dates`` (valid_from/until)."""
    CooperativePageFactory(
        title=slug,
        slug=slug,
        latitude=52.4,
        longitude=16.9,
        capabilities=[Capability.objects.get(code="catering")],
        certificates=[
            CooperativeCertificate(certification=Certification.objects.get(code="haccp"), **dates)
        ],
    )


def indexed_yesterday(monkeypatch) -> None:
    """Apply the queued index tasks as if it were yesterday."""
    with monkeypatch.context() as yesterday:
        yesterday.setattr(timezone, "localdate", lambda *args, **kwargs: YESTERDAY)
        flush()


def found(**request) -> list[str]:
    return [item.slug for item in match(MatchRequest("catering", **request)).results]


@pytest.fixture
def lapsed_since_indexing(indexed_directory, monkeypatch):
    """One certificate valid until yesterday, indexed yesterday; one that stays valid."""
    kitchen("ss-wygasla", valid_until=YESTERDAY)
    kitchen("ss-wazna", valid_from=YESTERDAY, valid_until=TOMORROW)
    indexed_yesterday(monkeypatch)


def test_certificate_that_lapsed_since_indexing_no_longer_matches(lapsed_since_indexing):
    assert found(certifications=["haccp"]) == ["ss-wazna"]
    # Without the certificate asked for, both still do the work.
    assert set(found()) == {"ss-wygasla", "ss-wazna"}


def test_on_the_day_it_was_valid_it_matches_and_is_explained(lapsed_since_indexing):
    results = match(MatchRequest("catering", certifications=["haccp"], as_of=YESTERDAY)).results
    assert sorted(item.slug for item in results) == ["ss-wazna", "ss-wygasla"]
    assert [item.explanation.certifications for item in results] == [["haccp"], ["haccp"]]
    # Valid until tomorrow, that day included; not a day longer.
    assert found(certifications=["haccp"], as_of=TOMORROW) == ["ss-wazna"]
    assert found(certifications=["haccp"], as_of=TOMORROW + dt.timedelta(days=1)) == []


def test_certificate_starting_after_indexing_matches_from_its_first_day(indexed_directory):
    kitchen("ss-od-jutra", valid_from=TOMORROW)
    flush()
    assert found(certifications=["haccp"]) == []
    assert found(certifications=["haccp"], as_of=TOMORROW) == ["ss-od-jutra"]


def test_a_need_asking_for_a_certificate_that_lapsed_since_indexing_is_without_a_match(
    lapsed_since_indexing, monkeypatch
):
    partner = PartnerPage.objects.get(slug="firma-testowa")
    need = Need.objects.create(slug="obiady", partner=partner, title="Catering dla 40 osób")
    need.capabilities.set([Capability.objects.get(code="catering")])
    need.required_certifications.set([Certification.objects.get(code="haccp")])
    assert needs_without_match([need]) == set()
    # The day after ss-wazna's certificate lapses, with nothing indexed since.
    day_after = TOMORROW + dt.timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: day_after)
    assert needs_without_match([need]) == {need.pk}


def test_an_index_built_before_certificates_had_dates_keeps_working(indexed_directory):
    """Until ``rebuild_index`` runs, an index of the old mapping answers as before: its old
    documents match by the codes they were indexed with; the new field is added on first
    use, so new documents are written and filtered by their dates, with no error."""
    client = get_client()
    alias = CooperativeDocument.alias_name()
    client.indices.delete(index=",".join(client.indices.get_alias(name=alias)))
    mapping = CooperativeDocument._doc_type.mapping.to_dict()
    del mapping["properties"]["certificates"]
    client.indices.create(index=f"{alias}-old", mappings=mapping, aliases={alias: {}})
    kitchen("ss-stara", valid_until=TOMORROW)
    IndexTask.objects.all().delete()
    page = CooperativePage.objects.get(slug="ss-stara")
    old = cooperative_document(page).to_dict()
    del old["certificates"]  # what the old code indexed: only the codes valid that day
    client.index(index=alias, id=page.pk, document=old, refresh=True)
    add_new_fields.cache_clear()
    assert found(certifications=["haccp"]) == ["ss-stara"]

    kitchen("ss-nowa", valid_until=TOMORROW)
    flush()
    properties = client.indices.get_mapping(index=alias)[f"{alias}-old"]["mappings"]["properties"]
    assert properties["certificates"]["type"] == "nested"
    assert set(found(certifications=["haccp"])) == {"ss-stara", "ss-nowa"}
    day_after = TOMORROW + dt.timedelta(days=1)
    assert found(certifications=["haccp"], as_of=day_after) == ["ss-stara"]

    # rebuild_index gives every document its dates.
    call_command("rebuild_index", stdout=io.StringIO(), stderr=io.StringIO())
    assert f"{alias}-old" not in client.indices.get_alias(name=alias)
    assert found(certifications=["haccp"], as_of=day_after) == []
