"""Brokered help: a company asks the regional centre of its need's voivodeship, the centre
(and only it) opens the need, recommends cooperatives, and the company shortlists from the
recommendation in one click; every contact is logged for those two sides only."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from cms.dashboard.brokering import brokering_figures
from cms.dashboard.figures import Period
from cms.models import Notification, Voivodeship
from cooperatives.models import Capability
from partners import brokering, demo
from partners.models import BrokeredRequest, Contact, Recommendation, Shortlist
from search.sync import flush
from tests.cms.factories import RegionalCentreFactory, UserFactory, member_of
from tests.partners.factories import NeedFactory, PartnerPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def centres(market):
    """The need is placed in Wielkopolska (its company is registered in Mazowsze); a centre
    for each of the two voivodeships, with one member each, and an administrator."""
    market.need.voivodeship = Voivodeship.objects.get(teryt="30")
    market.need.save()
    flush()  # the market's new cooperatives are searchable
    return {
        "rops": member_of(RegionalCentreFactory(name="ROPS Poznań")),
        "mazowsze": member_of(
            RegionalCentreFactory(
                name="MCPS Warszawa", voivodeship=Voivodeship.objects.get(teryt="14")
            )
        ),
        "admin": UserFactory(is_superuser=True, is_staff=True),
    }


@pytest.fixture
def searchable(indexed_directory):
    """The market's extra cooperatives go into the index too."""


def ask(client, market, note="Nie wiemy, kogo zapytać o fartuchy.", capture=None):
    client.force_login(market.boss)
    url = f"/needs/{market.need.slug}/ask-for-help/"
    if capture is None:
        return client.post(url, {"help-note": note})
    with capture(execute=True):
        return client.post(url, {"help-note": note})


def test_a_company_asks_the_centre_of_its_needs_voivodeship_once(
    client, market, centres, searchable, django_capture_on_commit_callbacks
):
    response = ask(client, market, capture=django_capture_on_commit_callbacks)
    assert response.status_code == 302
    request = BrokeredRequest.objects.get()
    assert request.voivodeship.teryt == "30" and request.status == "open"
    assert request.asked_by == market.boss
    told = Notification.objects.get(user=centres["rops"])
    assert market.need.title in told.title and told.url.endswith(f"/{market.need.slug}/")
    assert not Notification.objects.filter(user=centres["mazowsze"]).exists()

    again = ask(client, market, note="Jeszcze raz")
    assert again.status_code == 400
    assert "Już poprosiliście regionalny ośrodek o pomoc" in again.content.decode()
    assert BrokeredRequest.objects.count() == 1
    assert list(Contact.objects.values_list("kind", "side", "text")) == [
        ("request", "company", "Nie wiemy, kogo zapytać o fartuchy.")
    ]


def test_a_request_without_a_note_is_refused_and_nothing_is_saved(
    client, market, centres, searchable
):
    response = ask(client, market, note="   ")
    assert response.status_code == 400
    assert "Napisz kilka słów" in response.content.decode()
    assert not BrokeredRequest.objects.exists() and not Contact.objects.exists()


def test_a_need_without_its_own_voivodeship_goes_to_its_companys_centre(
    client, market, centres, searchable
):
    market.need.voivodeship = None
    market.need.save()
    ask(client, market)
    assert BrokeredRequest.objects.get().voivodeship.teryt == "14"  # the company's Mazowsze
    client.force_login(centres["mazowsze"])
    assert client.get(f"/broker/needs/{market.need.slug}/").status_code == 200
    client.force_login(centres["rops"])
    assert client.get(f"/broker/needs/{market.need.slug}/").status_code == 403


def test_the_regional_centre_opens_its_regions_need_and_nobody_else_does(
    client, market, centres, searchable
):
    slug = market.need.slug
    client.force_login(centres["rops"])
    assert client.get(f"/needs/{slug}/")["Location"] == f"/broker/needs/{slug}/"
    page = client.get(f"/broker/needs/{slug}/")
    assert page.status_code == 200
    text = page.content.decode()
    assert market.need.title in text
    assert len(market.cooperatives) == 3
    for cooperative in market.cooperatives:  # the matcher's results
        assert cooperative.title in text
    assert "Zamknij" not in text and f"/needs/{slug}/edit/" not in text  # read-only

    outsiders = [centres["mazowsze"], market.rival, market.tailors[0]]
    for outsider in outsiders:
        client.force_login(outsider)
        assert client.get(f"/needs/{slug}/").status_code == 403
        assert client.get(f"/broker/needs/{slug}/").status_code == 403
        assert (
            client.post(f"/broker/needs/{slug}/recommend/{market.cooperatives[0].pk}/").status_code
            == 403
        )
    assert not Recommendation.objects.exists()
    client.force_login(centres["admin"])
    assert client.get(f"/broker/needs/{slug}/").status_code == 200


def test_the_officer_searches_the_whole_directory_from_the_need(
    client, market, centres, searchable
):
    client.force_login(centres["rops"])
    page = client.get(f"/broker/needs/{market.need.slug}/", {"q": "catering Łódź"})
    text = page.content.decode()
    assert "Spółdzielnia Socjalna „Smak”" in text  # not a match for sewing, found by words
    smak = market.cooperatives[0].__class__.objects.get(slug="ss-smak")
    assert f"/broker/needs/{market.need.slug}/recommend/{smak.pk}/" in text


def recommend_two(client, market, centres, capture, note="Obie szyją fartuchy."):
    client.force_login(centres["rops"])
    slug = market.need.slug
    for cooperative in market.cooperatives[1:]:
        client.post(f"/broker/needs/{slug}/recommend/{cooperative.pk}/", {"q": "szycie"})
    with capture(execute=True):
        return client.post(f"/broker/needs/{slug}/send/", {"recommendation-note": note})


def test_a_recommendation_reaches_the_company_which_shortlists_from_it_in_one_click(
    client, market, centres, searchable, django_capture_on_commit_callbacks
):
    ask(client, market)
    response = recommend_two(client, market, centres, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    recommendation = Recommendation.objects.get()
    assert set(recommendation.cooperatives.all()) == set(market.cooperatives[1:])
    assert recommendation.sent_at is not None and recommendation.made_by == centres["rops"]
    request = BrokeredRequest.objects.get()
    assert request.status == "answered" and request.answered_at == recommendation.sent_at
    assert recommendation.request == request
    told = Notification.objects.get(user=market.boss)
    assert told.kind == "status" and market.cooperatives[1].title in told.body

    client.force_login(market.boss)
    page = client.get(f"/needs/{market.need.slug}/").content.decode()
    assert "Obie szyją fartuchy." in page
    nitka, szew = market.cooperatives[1], market.cooperatives[2]
    shortlist = f"/needs/{market.need.slug}/recommended/{nitka.pk}/shortlist/"
    assert shortlist in page
    client.post(shortlist)
    client.post(shortlist)  # a second click does not take it off
    assert list(Shortlist.objects.values_list("cooperative", flat=True)) == [nitka.pk]
    assert list(Contact.objects.values_list("kind", flat=True)) == [
        "request",
        "recommendation",
        "shortlisted",
    ]
    assert Contact.objects.get(kind="shortlisted").cooperative == nitka
    assert szew.title in Contact.objects.get(kind="recommendation").text
    # Only what was recommended can be shortlisted this way.
    igla = market.cooperatives[0]
    refused = client.post(f"/needs/{market.need.slug}/recommended/{igla.pk}/shortlist/")
    assert refused.status_code == 403


def test_an_empty_recommendation_is_not_sent(client, market, centres, searchable):
    client.force_login(centres["rops"])
    response = client.post(
        f"/broker/needs/{market.need.slug}/send/", {"recommendation-note": "Proszę."}
    )
    assert response.status_code == 400
    assert "Dodaj co najmniej jedną spółdzielnię" in response.content.decode()
    assert not Recommendation.objects.filter(sent_at__isnull=False).exists()


def test_a_recommendation_without_the_companys_request_answers_nothing(
    client, market, centres, searchable, django_capture_on_commit_callbacks
):
    recommend_two(client, market, centres, django_capture_on_commit_callbacks)
    assert Recommendation.objects.get().request is None
    assert not BrokeredRequest.objects.exists()


def test_the_contact_log_is_read_by_the_company_and_the_centre_only(
    client, market, centres, searchable
):
    client.force_login(centres["rops"])
    client.post(
        f"/broker/needs/{market.need.slug}/note/", {"contact-text": "Dzwoniłam do „Nitki”."}
    )
    other_company = PartnerPageFactory(title="Inna Firma", slug="inna-firma")
    other_need = NeedFactory(
        partner=other_company,
        voivodeship=Voivodeship.objects.get(teryt="30"),
        capabilities=[Capability.objects.get(code="sewing")],
    )
    client.post(f"/broker/needs/{other_need.slug}/note/", {"contact-text": "Notatka o innej."})
    assert Contact.objects.count() == 2

    client.force_login(market.boss)
    page = client.get(f"/needs/{market.need.slug}/").content.decode()
    assert "Dzwoniłam do „Nitki”." in page and "Notatka o innej." not in page
    assert client.get(f"/needs/{other_need.slug}/").status_code == 403
    with pytest.raises(PermissionDenied):
        brokering.contacts_of(market.boss, other_need)
    for outsider in (market.rival, market.tailors[1], centres["mazowsze"]):
        with pytest.raises(PermissionDenied):
            brokering.contacts_of(outsider, market.need)
    assert [c.text for c in brokering.contacts_of(centres["admin"], other_need)] == [
        "Notatka o innej."
    ]


def test_an_empty_note_is_refused(client, market, centres, searchable):
    client.force_login(centres["rops"])
    response = client.post(f"/broker/needs/{market.need.slug}/note/", {"contact-text": ""})
    assert response.status_code == 400
    assert not Contact.objects.exists()


def posted(days_ago: int, **fields):
    need = NeedFactory(**fields)
    need.created_at = timezone.now() - dt.timedelta(days=days_ago)
    need.save(update_fields=["created_at"])
    return need


def test_the_queue_holds_the_regions_requests_and_needs_without_a_match_oldest_first(
    client, market, centres, searchable
):
    wielkopolska = Voivodeship.objects.get(teryt="30")
    company = market.company
    clocks = posted(
        5,
        partner=company,
        title="Renowacja zegarów wieżowych",
        description="",
        voivodeship=wielkopolska,
    )
    glass = posted(
        20,
        partner=company,
        title="Dmuchanie szkła artystycznego",
        description="",
        voivodeship=wielkopolska,
    )
    # Matched (sewing near Poznań): not in the queue unless asked about.
    posted(
        30,
        partner=company,
        voivodeship=wielkopolska,
        capabilities=[Capability.objects.get(code="sewing")],
    )
    warsaw = posted(
        8,
        partner=company,
        title="Dmuchanie szkła w Warszawie",
        description="",
        city="Warszawa",
        latitude=52.23,
        longitude=21.01,
        voivodeship=Voivodeship.objects.get(teryt="14"),
    )
    BrokeredRequest.objects.create(
        need=market.need,
        voivodeship=wielkopolska,
        note="Pomocy",
        created_at=timezone.now() - dt.timedelta(days=3),
    )

    closed = posted(4, partner=company, voivodeship=wielkopolska, status="withdrawn")
    BrokeredRequest.objects.create(need=closed, voivodeship=wielkopolska, note="Nieaktualne")

    queue = brokering.queue_for(centres["rops"])
    assert [(item.need, item.age_days) for item in queue.requests] == [(market.need, 3)]
    assert [(item.need, item.age_days) for item in queue.unmatched] == [(glass, 20), (clocks, 5)]

    mazowsze = brokering.queue_for(centres["mazowsze"])
    assert mazowsze.requests == [] and [i.need for i in mazowsze.unmatched] == [warsaw]
    everyone = brokering.queue_for(centres["admin"])
    assert [i.need for i in everyone.unmatched] == [glass, warsaw, clocks]

    client.force_login(centres["rops"])
    page = client.get("/broker/").content.decode()
    assert glass.title in page and clocks.title in page and warsaw.title not in page
    assert f"/broker/needs/{market.need.slug}/" in page
    client.force_login(market.boss)
    assert client.get("/broker/").status_code == 403


def test_the_queue_says_when_the_matcher_is_unavailable(
    client, market, centres, elasticsearch_down
):
    client.force_login(centres["rops"])
    page = client.get("/broker/")
    assert page.status_code == 200
    assert "wyszukiwarka dopasowań jest niedostępna" in page.content.decode()


def test_the_demo_has_an_answered_request_and_one_waiting_in_the_queue(market, centres):
    """``setup_demo``'s brokered help (partners/demo.py), on a need and cooperatives with the
    demo's slugs; run twice, it writes everything once."""
    market.need.slug = demo.NEED
    market.need.save()
    for cooperative, slug in zip(market.cooperatives[1:], demo.RECOMMENDED, strict=True):
        cooperative.slug = slug
        cooperative.save_revision().publish()
    demo.demo_requests(market.boss, centres["rops"])
    demo.demo_requests(market.boss, centres["rops"])

    assert sorted(BrokeredRequest.objects.values_list("status", flat=True)) == ["answered", "open"]
    recommendation = Recommendation.objects.get()
    assert recommendation.made_by == centres["rops"]
    assert set(recommendation.cooperatives.all()) == set(market.cooperatives[1:])
    assert brokering_figures(Voivodeship.objects.get(teryt="30"), Period()).total.median_days == 3.0
    waiting = brokering.queue_for(centres["rops"]).requests
    assert [(item.need.slug, item.age_days) for item in waiting] == [(demo.NEED, 2)]
