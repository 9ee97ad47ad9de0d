"""Fresh profiles: yearly reminders to members, one-click confirmation by a signed link,
publishing renews the date (the import keeps its own), stale after eighteen months on the
page, in the search index and on the regional centre's list to chase."""

import datetime as dt
import io
import json
import re

import pytest
from django.core import mail, signing
from django.core.management import call_command
from django.test import Client
from django.utils import timezone, translation

from cms import freshness, jobs, roles
from cms.models import FreshnessReminder, Notification, Organisation, Voivodeship
from cms.models.freshness import is_stale, months_before
from cooperatives.models import CooperativePage
from search.client import get_client
from search.documents import CooperativeDocument
from search.models import IndexTask
from search.sync import enqueue, flush
from tests.cms.factories import (
    OrganisationFactory,
    RegionalCentreFactory,
    UserFactory,
    member_of,
)
from tests.conftest import SMALL_DIRECTORY
from tests.cooperatives.factories import CooperativePageFactory
from tests.partners.factories import PartnerPageFactory
from tests.workshops.factories import WorkshopPageFactory

pytestmark = pytest.mark.django_db

CONFIRM_LINK = re.compile(r"http://testserver(/(?:en/)?profiles/confirm/[^/\s]+/)")
EDIT_LINK = re.compile(r"http://testserver/admin/pages/(\d+)/edit/")


def today():
    return timezone.localdate()


def ago(months: int, days: int = 0) -> dt.date:
    return months_before(today(), months) - dt.timedelta(days=days)


def owned(factory=CooperativePageFactory, kind=Organisation.Kind.COOPERATIVE, **fields):
    """A published profile with an approved organisation and one active member; (page, member)."""
    page = factory(**fields)
    member = member_of(OrganisationFactory(name=f"Org {page.title}", kind=kind, page=page))
    return page, member


SUBJECT = re.compile(r"\[Kooperacja\] Czy profil (.+) jest nadal aktualny\?")


def reminded_titles() -> set[str]:
    return {SUBJECT.fullmatch(message.subject).group(1) for message in mail.outbox}


# -- the calendar


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2026, 8, 31), 6, dt.date(2026, 2, 28)),  # a shorter month: its last day
        (dt.date(2028, 2, 29), 12, dt.date(2027, 2, 28)),  # leap day a year later
        (dt.date(2026, 1, 15), 1, dt.date(2025, 12, 15)),  # across the new year
        (dt.date(2026, 11, 29), 18, dt.date(2025, 5, 29)),
    ],
)
def test_months_before_counts_calendar_months(day, months, expected):
    assert months_before(day, months) == expected


def test_stale_means_confirmed_more_than_eighteen_months_ago():
    day = dt.date(2026, 11, 29)
    assert not is_stale(dt.date(2025, 6, 29), day)  # 17 months
    assert not is_stale(dt.date(2025, 5, 29), day)  # exactly 18 months
    assert is_stale(dt.date(2025, 5, 28), day)  # 18 months and a day
    assert is_stale(dt.date(2025, 4, 29), day)  # 19 months
    assert not is_stale(None, day)


def test_a_profile_never_confirmed_counts_from_its_last_publish():
    page = CooperativePageFactory(title="Nigdy", verified_on=None)
    # Noon of a local day, so the day is the same whatever the hour and the summer time.
    published = today() - dt.timedelta(days=600)
    CooperativePage.objects.filter(pk=page.pk).update(
        last_published_at=timezone.make_aware(dt.datetime.combine(published, dt.time(12)))
    )
    page.refresh_from_db()
    assert page.verified_since == published
    assert page.stale
    page.verified_on = ago(17)
    assert page.verified_since == ago(17)
    assert not page.stale


# -- reminders


def test_reminders_go_to_profiles_confirmed_twelve_months_ago_or_earlier():
    for title, verified in [
        ("Jedenaście", ago(11)),
        ("Prawie rok", ago(12) + dt.timedelta(days=1)),
        ("Równo rok", ago(12)),
        ("Trzynaście", ago(13)),
        ("Trzy lata", ago(36)),
    ]:
        owned(title=title, verified_on=verified)

    assert freshness.send_reminders(today()) == 3
    assert reminded_titles() == {"Równo rok", "Trzynaście", "Trzy lata"}
    assert set(FreshnessReminder.objects.values_list("page__title", flat=True)) == {
        "Równo rok",
        "Trzynaście",
        "Trzy lata",
    }


def test_a_profile_never_confirmed_is_reminded_a_year_after_it_was_published():
    for title, days in [("Stara", 400), ("Nowa", 300)]:
        page, _member = owned(title=title, verified_on=None)
        CooperativePage.objects.filter(pk=page.pk).update(
            last_published_at=timezone.now() - dt.timedelta(days=days)
        )
    assert freshness.send_reminders(today()) == 1
    assert reminded_titles() == {"Stara"}
    assert "nikt go od tego czasu nie potwierdził" in mail.outbox[0].body


def test_reminded_ten_days_ago_waits_and_forty_days_ago_is_asked_again():
    recent, _ = owned(title="Niedawno", verified_on=ago(14))
    earlier, _ = owned(title="Dawno", verified_on=ago(14))
    FreshnessReminder.objects.create(page=recent, sent_on=today() - dt.timedelta(days=10))
    FreshnessReminder.objects.create(page=earlier, sent_on=today() - dt.timedelta(days=40))

    assert freshness.send_reminders(today()) == 1
    assert reminded_titles() == {"Dawno"}
    # The same day again: nothing more.
    assert freshness.send_reminders(today()) == 0
    assert len(mail.outbox) == 1
    # Twenty days later the first one is due too (thirty days after its reminder), the
    # second (reminded today) is not.
    assert [page.title for page in freshness.due_for_reminder(today() + dt.timedelta(20))] == [
        "Niedawno"
    ]


def test_every_active_member_of_every_owning_organisation_is_reminded_and_nobody_else():
    page = CooperativePageFactory(title="Igła", verified_on=ago(13))
    owner = OrganisationFactory(name="Igła", page=page)
    first, second = member_of(owner), member_of(owner)
    asking = UserFactory()
    owner.memberships.create(user=asking)  # asked to join, not let in
    closed = member_of(owner)
    closed.is_active = False
    closed.save()
    unapproved = member_of(OrganisationFactory(name="Igła bis", page=page, approved=False))
    other = member_of(OrganisationFactory(name="Inna"))
    CooperativePageFactory(title="Szkic", verified_on=ago(30), live=False)

    assert freshness.send_reminders(today()) == 1
    told = {row.user for row in Notification.objects.all()}
    assert told == {first, second}
    assert sorted(message.to[0] for message in mail.outbox) == sorted([first.email, second.email])
    assert FreshnessReminder.objects.get().recipients == 2
    assert {asking, closed, unapproved, other}.isdisjoint(told)


def test_a_profile_without_members_is_not_recorded_as_reminded():
    CooperativePageFactory(title="Bez członków", verified_on=ago(20))
    assert freshness.send_reminders(today()) == 0
    assert FreshnessReminder.objects.count() == 0


def test_workshop_members_get_an_edit_link_and_company_members_are_sent_to_their_centre():
    workshop, _ = owned(
        WorkshopPageFactory, Organisation.Kind.WORKSHOP, title="WTZ", verified_on=ago(13)
    )
    owned(PartnerPageFactory, Organisation.Kind.COMPANY, title="Firma", verified_on=ago(13))

    assert freshness.send_reminders(today()) == 2
    by_title = {message.subject: message.body for message in mail.outbox}
    workshop_mail = by_title["[Kooperacja] Czy profil WTZ jest nadal aktualny?"]
    partner_mail = by_title["[Kooperacja] Czy profil Firma jest nadal aktualny?"]
    assert EDIT_LINK.search(workshop_mail).group(1) == str(workshop.pk)
    assert EDIT_LINK.search(partner_mail) is None
    assert "ośrodka polityki społecznej" in partner_mail
    for body in (workshop_mail, partner_mail):
        assert CONFIRM_LINK.search(body)
        assert "18 miesięcy" in body


def test_the_reminder_speaks_english_when_english_is_active():
    owned(title="Igła", verified_on=dt.date(2025, 3, 14))
    with translation.override("en"):
        freshness.send_reminders(dt.date(2026, 11, 29))
    message = mail.outbox[0]
    assert message.subject == "[Kooperacja] Is the profile of Igła still up to date?"
    assert "Igła was last confirmed on 14 March 2025." in message.body
    assert "the link works until 28 January 2027" in message.body
    assert CONFIRM_LINK.search(message.body).group(1).startswith("/en/")


def test_the_daily_job_sends_the_reminders():
    owned(title="Igła", verified_on=ago(13))
    assert jobs.freshness_reminders.call() == 1
    assert len(mail.outbox) == 1


# -- the one-click link


@pytest.fixture
def reminded():
    """A cooperative confirmed thirteen months ago, reminded today; (page, its link path)."""
    page, _member = owned(title="Igła", verified_on=ago(13))
    freshness.send_reminders(today())
    return page, CONFIRM_LINK.search(mail.outbox[0].body).group(1)


def test_opening_the_link_changes_nothing_and_the_button_confirms_without_sign_in(reminded):
    page, link = reminded
    browser = Client()
    shown = browser.get(link)
    assert shown.status_code == 200
    html = shown.content.decode()
    assert "Igła" in html
    assert 'method="post"' in html
    page.refresh_from_db()
    assert page.verified_on == ago(13)  # a mail scanner opening the link confirms nothing

    done = browser.post(link)
    assert done.status_code == 302
    assert done["Location"] == page.url
    page.refresh_from_db()
    assert page.verified_on == today()
    assert page.live_revision.content["verified_on"] == today().isoformat()
    assert "potwierdzony" in browser.get(done["Location"]).content.decode()


def test_the_notification_on_the_site_opens_the_confirmation_page(reminded):
    _page, link = reminded
    notification = Notification.objects.get()
    assert notification.url == link
    assert notification.kind == freshness.REMINDER_KIND


def test_a_tampered_token_is_refused_and_changes_nothing(reminded):
    page, link = reminded
    token = link.rstrip("/").rsplit("/", 1)[1]
    tampered = token[:-1] + ("A" if token[-1] != "A" else "B")
    for method in ("get", "post"):
        response = getattr(Client(), method)(f"/profiles/confirm/{tampered}/")
        assert response.status_code == 400
        assert "nie jest prawidłowy" in response.content.decode()
    page.refresh_from_db()
    assert page.verified_on == ago(13)


def test_a_token_works_for_sixty_days_and_not_one_more():
    page = CooperativePageFactory(title="Igła", verified_on=ago(14))
    last_day = freshness.confirmation_token(page, today() - dt.timedelta(days=60))
    too_late = freshness.confirmation_token(page, today() - dt.timedelta(days=61))

    response = Client().post(f"/profiles/confirm/{too_late}/")
    assert response.status_code == 400
    assert "wygasł" in response.content.decode()
    page.refresh_from_db()
    assert page.verified_on == ago(14)

    assert Client().post(f"/profiles/confirm/{last_day}/").status_code == 302
    page.refresh_from_db()
    assert page.verified_on == today()


def test_a_token_confirms_its_own_profile_only():
    mine = CooperativePageFactory(title="Moja", verified_on=ago(14))
    other = CooperativePageFactory(title="Cudza", verified_on=ago(14))
    token = freshness.confirmation_token(mine, today())
    Client().post(f"/profiles/confirm/{token}/")
    mine.refresh_from_db()
    other.refresh_from_db()
    assert (mine.verified_on, other.verified_on) == (today(), ago(14))

    # The same payload for the other profile, signed without the key's salt, is refused.
    forged = signing.dumps({"p": other.pk, "i": today().isoformat()}, salt="something else")
    assert Client().post(f"/profiles/confirm/{forged}/").status_code == 400
    # A correctly signed token for a page that is not a profile (the home page) is refused.
    home = mine.get_parent().get_parent()
    assert (
        Client()
        .post(f"/profiles/confirm/{freshness.confirmation_token(home, today())}/")
        .status_code
        == 400
    )
    other.refresh_from_db()
    assert other.verified_on == ago(14)


def test_a_token_for_an_unpublished_profile_is_refused():
    page = CooperativePageFactory(title="Igła", verified_on=ago(14))
    token = freshness.confirmation_token(page, today())
    page.unpublish()
    assert Client().post(f"/profiles/confirm/{token}/").status_code == 400


def test_confirming_keeps_a_draft_waiting_for_moderation(reminded):
    page, link = reminded
    page.description = "Zmiana czeka na ROPS."
    draft = page.save_revision(user=UserFactory())
    Client().post(link)
    page.refresh_from_db()
    assert page.latest_revision_id == draft.pk
    assert page.has_unpublished_changes
    assert page.description != "Zmiana czeka na ROPS."
    draft.refresh_from_db()
    assert draft.content["description"] == "Zmiana czeka na ROPS."
    assert draft.content["verified_on"] == today().isoformat()


# -- publishing renews the date; the import keeps its own


def test_publishing_a_members_edited_revision_after_approval_renews_verified_on(small_directory):
    igla = CooperativePage.objects.get(slug="ss-igla")
    CooperativePage.objects.filter(pk=igla.pk).update(verified_on=ago(20))
    owner = OrganisationFactory(name="Igła", page=igla)
    roles.grant_page_rights(owner)
    editor = member_of(owner)
    moderator = member_of(RegionalCentreFactory())
    igla.refresh_from_db()
    assert igla.stale

    igla.description = "Szyjemy też torby."
    igla.save_revision(user=editor)
    igla.get_workflow().start(igla, editor)
    igla.refresh_from_db()
    assert igla.verified_on == ago(20)  # submitted is not published
    state = igla.current_workflow_task_state
    state.task.specific.on_action(state, moderator, "approve")

    igla.refresh_from_db()
    assert igla.description == "Szyjemy też torby."
    assert igla.verified_on == today()
    assert not igla.stale
    assert igla.live_revision.content["verified_on"] == today().isoformat()


def test_a_revision_nobody_wrote_keeps_the_date_it_carries():
    page = CooperativePageFactory(title="Igła", verified_on=ago(20))
    page.description = "Zmiana ze skryptu."
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.verified_on == ago(20)


def _import(tmp_path, *records):
    path = tmp_path / "directory.jsonl"
    path.write_text("\n".join(json.dumps(record, ensure_ascii=False) for record in records))
    call_command("import_directory", str(path), stdout=io.StringIO(), stderr=io.StringIO())


def test_an_import_with_an_explicit_verified_on_keeps_the_imported_date(tmp_path, small_directory):
    igla = CooperativePage.objects.get(slug="ss-igla")
    # A member's change waits for moderation, so the import publishes Igła through Wagtail.
    owner = OrganisationFactory(name="Igła", page=igla)
    roles.grant_page_rights(owner)
    editor = member_of(owner)
    igla.save_revision(user=editor)
    igla.get_workflow().start(igla, editor)
    record = json.loads(
        next(line for line in SMALL_DIRECTORY.read_text().splitlines() if '"ss-igla"' in line)
    )
    _import(
        tmp_path,
        {**record, "description": "Nowy opis z importu.", "verified_on": "2024-03-05"},
        {
            "type": "cooperative",
            "slug": "ss-nowa",
            "name": "Spółdzielnia Socjalna „Nowa”",
            "capabilities": ["sewing"],
            "voivodeship": "30",
            "verified_on": "2024-04-06",
        },
    )
    igla.refresh_from_db()
    assert igla.description == "Nowy opis z importu."
    assert igla.verified_on == dt.date(2024, 3, 5)
    assert CooperativePage.objects.get(slug="ss-nowa").verified_on == dt.date(2024, 4, 6)


# -- stale on the page


def test_a_stale_profile_says_since_when_in_polish_and_english(client):
    page = CooperativePageFactory(title="Igła", verified_on=dt.date(2024, 5, 10))
    fresh = CooperativePageFactory(title="Smak", verified_on=ago(17))
    polish = client.get(page.url).content.decode()
    assert "Dane niepotwierdzone od maja 2024" in polish
    english = client.get("/en" + page.url).content.decode()
    assert "Not confirmed since May 2024" in english
    assert "niepotwierdzone od" not in client.get(fresh.url).content.decode()


@pytest.mark.parametrize("factory", [WorkshopPageFactory, PartnerPageFactory])
def test_stale_workshops_and_partners_say_so_too(client, factory):
    page = factory(title="Stary", verified_on=dt.date(2024, 3, 1))
    assert "Dane niepotwierdzone od marca 2024" in client.get(page.url).content.decode()


# -- stale in the search index


def test_the_cooperative_document_carries_the_date_and_stale(search_index):
    stale = CooperativePageFactory(title="Stara", verified_on=ago(19))
    fresh = CooperativePageFactory(title="Świeża", verified_on=ago(17))
    never = CooperativePageFactory(title="Nowa", verified_on=None)
    for page in (stale, fresh, never):
        enqueue("cooperative", page.pk)
    flush()

    client = get_client()
    found = client.search(
        index=CooperativeDocument.alias_name(), query={"term": {"stale": True}}, size=10
    )
    assert [hit["_source"]["name"] for hit in found["hits"]["hits"]] == ["Stara"]
    older = client.search(
        index=CooperativeDocument.alias_name(),
        query={"range": {"verified_on": {"lt": ago(18).isoformat()}}},
        size=10,
    )
    assert [hit["_source"]["name"] for hit in older["hits"]["hits"]] == ["Stara"]
    source = client.get(index=CooperativeDocument.alias_name(), id=never.pk)["_source"]
    assert (source["verified_on"], source["stale"]) == (today().isoformat(), False)


def test_confirming_queues_the_profile_for_the_index_with_its_new_date(search_index):
    page, _member = owned(title="Stara", verified_on=ago(19))
    enqueue("cooperative", page.pk)
    flush()
    freshness.send_reminders(today())
    Client().post(CONFIRM_LINK.search(mail.outbox[0].body).group(1))
    assert IndexTask.objects.filter(kind="cooperative", object_id=page.pk).exists()
    flush()
    source = get_client().get(index=CooperativeDocument.alias_name(), id=page.pk)["_source"]
    assert (source["verified_on"], source["stale"]) == (today().isoformat(), False)


# -- the regional centre's list to chase


@pytest.fixture
def chase():
    """Stale, due and fresh profiles in Wielkopolska and Łódzkie, and who may look."""
    lodzkie = Voivodeship.objects.get(teryt="10")
    _oldest, oldest_member = owned(title="Najstarsza", verified_on=ago(40))
    owned(WorkshopPageFactory, Organisation.Kind.WORKSHOP, title="WTZ stary", verified_on=ago(20))
    PartnerPageFactory(title="Firma stara", verified_on=ago(30), email="biuro@stara.example")
    CooperativePageFactory(title="Prawie", verified_on=ago(17))
    CooperativePageFactory(title="Łódzka", verified_on=ago(25), voivodeship=lodzkie)
    CooperativePageFactory(title="Szkic stary", verified_on=ago(50), live=False)
    return {
        "rops": member_of(RegionalCentreFactory()),
        "admin": UserFactory(is_superuser=True),
        "oldest_member": oldest_member,
    }


def rows(response) -> list[str]:
    return [row.page.title for row in response.context["page_obj"].object_list]


def test_regional_centre_sees_its_stale_profiles_oldest_first_with_whom_to_ask(client, chase):
    client.force_login(chase["rops"])
    response = client.get("/dashboard/stale/")
    assert response.status_code == 200
    assert rows(response) == ["Najstarsza", "Firma stara", "WTZ stary"]
    html = response.content.decode()
    assert chase["oldest_member"].email in html
    assert "biuro@stara.example" in html


def test_administrators_see_every_voivodeship_and_can_narrow_to_one(client, chase):
    client.force_login(chase["admin"])
    assert rows(client.get("/dashboard/stale/")) == [
        "Najstarsza",
        "Firma stara",
        "Łódzka",
        "WTZ stary",
    ]
    assert rows(client.get("/dashboard/stale/", {"voivodeship": "10"})) == ["Łódzka"]


def test_a_regional_centre_may_not_list_another_voivodeship(client, chase):
    client.force_login(chase["rops"])
    response = client.get("/dashboard/stale/", {"voivodeship": "10"})
    assert response.status_code == 400
    assert "Łódzka" not in response.content.decode()


def test_members_of_profiles_and_visitors_may_not_see_the_list(client, chase):
    assert client.get("/dashboard/stale/")["Location"].startswith("/accounts/login/")
    client.force_login(chase["oldest_member"])
    assert client.get("/dashboard/stale/").status_code == 403


def test_the_list_is_paginated_by_twenty(client):
    for number in range(21):
        CooperativePageFactory(title=f"Stara {number:02}", verified_on=ago(19, days=number))
    client.force_login(member_of(RegionalCentreFactory()))
    first = client.get("/dashboard/stale/")
    assert len(rows(first)) == 20
    assert rows(first)[0] == "Stara 20"  # the oldest
    assert rows(client.get("/dashboard/stale/", {"page": 2})) == ["Stara 00"]
    assert "21 profili" in first.content.decode()


def test_the_dashboard_links_to_the_list_for_its_voivodeship(client, chase):
    client.force_login(chase["rops"])
    html = client.get("/dashboard/").content.decode()
    assert 'href="/dashboard/stale/?voivodeship=30"' in html
