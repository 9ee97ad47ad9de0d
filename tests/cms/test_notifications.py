"""Notifications: written for everyone, e-mailed as each person chose, unsubscribed with one
click, collected in a morning digest once, and listed and counted on the site."""

import re

import pytest
from django.core import mail, signing
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from cms import notices
from cms.models import Delivery, Notification
from tests.cms.factories import UserFactory

LINK = re.compile(r"https?://\S+/notifications/unsubscribe/[^/\s]+/")


@pytest.fixture
def people(db):
    """Four people who chose differently for replies, and one whose account is closed."""
    at_once, daily, off = UserFactory(), UserFactory(), UserFactory()
    notices.set_preferences(daily, {"reply": Delivery.DAILY})
    notices.set_preferences(off, {"reply": Delivery.OFF})
    closed = UserFactory()
    closed.is_active = False
    closed.save()
    return at_once, daily, off, closed


def rows_of(user):
    return list(Notification.objects.filter(user=user).values_list("kind", "title"))


def unsubscribe_link(message) -> str:
    return LINK.search(message.body).group(0)


def test_notify_writes_a_row_per_person_and_emails_only_those_who_chose_at_once(people):
    at_once, daily, off, closed = people
    rows = notices.notify(
        [at_once, daily, off, at_once, closed],
        "reply",
        "Odpowiedź od Spółdzielni „Igła” & syn",
        "Uszyjemy do marca.",
        "/zapytania/7/",
    )
    assert len(rows) == 3  # each person once; a closed account is told nothing
    for person in (at_once, daily, off):
        assert rows_of(person) == [("reply", "Odpowiedź od Spółdzielni „Igła” & syn")]
    assert rows_of(closed) == []
    assert [message.to for message in mail.outbox] == [[at_once.email]]
    message = mail.outbox[0]
    assert message.subject == "[Kooperacja] Odpowiedź od Spółdzielni „Igła” & syn"
    assert "Uszyjemy do marca." in message.body
    assert "&amp;" not in message.body  # plain text, not HTML-escaped
    emailed = dict(Notification.objects.values_list("user_id", "emailed_at"))
    assert emailed[at_once.pk] is not None
    assert emailed[daily.pk] is None and emailed[off.pk] is None


def test_off_means_no_email_at_all_but_the_notification_stays_on_the_site(people):
    _, _, off, _ = people
    notices.notify([off], "reply", "Nowa wycena")
    assert mail.outbox == []
    assert notices.send_digests() == 0  # not in the digest either
    assert mail.outbox == []
    assert rows_of(off) == [("reply", "Nowa wycena")]
    assert notices.unread_count(off) == 1


def test_new_needs_go_to_the_daily_digest_by_default(db):
    person = UserFactory()
    notices.notify([person], "new_need", "Szycie 2000 fartuchów")
    assert mail.outbox == []
    assert notices.preferences_of(person) == {
        "new_need": "daily",
        "reply": "immediately",
        "status": "immediately",
        "new_cooperative": "immediately",
        "decision": "immediately",
    }


def test_an_unknown_kind_is_refused_and_writes_nothing(db):
    with pytest.raises(ValueError):
        notices.notify([UserFactory()], "gossip", "Plotka")
    assert not Notification.objects.exists()
    assert mail.outbox == []


def test_email_names_its_kind_and_carries_the_one_click_unsubscribe_headers(db):
    person = UserFactory()
    notices.notify([person], "status", "Zamówienie dostarczone", url="/zamowienia/3/")
    message = mail.outbox[0]
    link = unsubscribe_link(message)
    assert message.extra_headers["List-Unsubscribe"] == f"<{link}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    row = Notification.objects.get()
    assert f"/notifications/{row.pk}/" in message.body  # opens (and marks read) on the site
    assert "w sprawie:\n- Zmiany statusu potrzeb, zapytań, wycen i zamówień\n" in message.body


# One-click unsubscribe


def test_the_unsubscribe_link_asks_first_then_turns_off_only_its_kind_without_signing_in(db):
    person = UserFactory()
    notices.notify([person], "reply", "Odpowiedź")
    link = unsubscribe_link(mail.outbox[0])
    anonymous = Client()

    page = anonymous.get(link)
    assert page.status_code == 200
    assert b'<button type="submit"' in page.content
    assert notices.preferences_of(person)["reply"] == "immediately"  # opening changed nothing

    done = anonymous.post(link)
    assert done.status_code == 200
    assert notices.preferences_of(person) == {
        "new_need": "daily",
        "reply": "off",
        "status": "immediately",
        "new_cooperative": "immediately",
        "decision": "immediately",
    }
    notices.notify([person], "reply", "Druga odpowiedź")
    notices.notify([person], "decision", "Decyzja")
    assert [message.subject for message in mail.outbox[1:]] == ["[Kooperacja] Decyzja"]


def test_a_mail_programs_one_click_post_needs_no_session_or_csrf_token(db):
    person = UserFactory()
    notices.notify([person], "decision", "Decyzja")
    link = unsubscribe_link(mail.outbox[0])
    response = Client(enforce_csrf_checks=True).post(
        link, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert notices.preferences_of(person)["decision"] == "off"


def test_a_tampered_or_foreign_token_is_refused_and_changes_nothing(db):
    person, other = UserFactory(), UserFactory()
    token = notices.unsubscribe_token(person, ["reply"])
    payload, _, signature = token.partition(":")
    widened = signing.dumps({"u": other.pk, "k": ["reply"]}, salt="another.purpose")
    for bad in (
        payload + ":" + signature[:-2] + ("AA" if not signature.endswith("AA") else "BB"),
        widened,
        "nothing-signed",
    ):
        for method in ("get", "post"):
            response = getattr(Client(), method)(f"/notifications/unsubscribe/{bad}/")
            assert response.status_code == 400
            assert b'role="alert"' in response.content
    assert notices.preferences_of(person)["reply"] == "immediately"
    assert notices.preferences_of(other)["reply"] == "immediately"


def test_the_unsubscribe_page_speaks_english_under_en(db):
    person = UserFactory()
    token = notices.unsubscribe_token(person, ["new_need"])
    response = Client().get(f"/en/notifications/unsubscribe/{token}/")
    assert b"Stop these e-mails" in response.content
    assert b"New needs that fit your cooperative" in response.content
    polish = Client().get(f"/notifications/unsubscribe/{token}/")
    assert "Nowe potrzeby pasujące do Twojej spółdzielni" in polish.content.decode()


# The morning digest


def test_digest_collects_unread_not_emailed_daily_kinds_once_per_person(db):
    anna, bartek, celina = UserFactory(), UserFactory(), UserFactory()
    notices.set_preferences(anna, {"status": Delivery.DAILY})
    notices.set_preferences(celina, {"new_need": Delivery.OFF})
    notices.notify([anna, bartek, celina], "new_need", "Catering dla 150 osób")
    notices.notify([anna], "new_need", "Szycie fartuchów")
    read = notices.notify([anna], "new_need", "Już przeczytana")[0]
    notices.open_notification(anna, read.pk)
    notices.notify([anna], "status", "Zapytanie zamknięte")
    notices.notify([anna, bartek], "reply", "Odpowiedź")  # at once: e-mailed already
    mail.outbox.clear()

    assert notices.send_digests() == 2
    digests = {message.to[0]: message for message in mail.outbox}
    assert set(digests) == {anna.email, bartek.email}
    body = digests[anna.email].body
    for title in ("Catering dla 150 osób", "Szycie fartuchów", "Zapytanie zamknięte"):
        assert title in body
    assert "Już przeczytana" not in body and "Odpowiedź" not in body
    assert digests[anna.email].subject == "[Kooperacja] 3 nowe powiadomienia"
    assert digests[bartek.email].subject == "[Kooperacja] 1 nowe powiadomienie"
    assert LINK.search(digests[anna.email].extra_headers["List-Unsubscribe"])

    assert notices.send_digests() == 0  # the same day again: nothing more
    assert len(mail.outbox) == 2


def test_a_digest_link_unsubscribes_from_the_kinds_in_that_digest(db):
    person = UserFactory()
    notices.set_preferences(person, {"status": Delivery.DAILY})
    notices.notify([person], "new_need", "Pakowanie zestawów")
    notices.notify([person], "status", "Potrzeba wygasła")
    notices.send_digests()
    Client().post(unsubscribe_link(mail.outbox[0]))
    preferences = notices.preferences_of(person)
    assert (preferences["new_need"], preferences["status"]) == ("off", "off")
    assert preferences["reply"] == "immediately"


# Through the queue


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("baseline_site")
def test_a_rolled_back_change_leaves_neither_notification_nor_email(settings):
    settings.EMAIL_BACKEND = "cms.mail.QueuedEmailBackend"
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    person = UserFactory()
    with pytest.raises(RuntimeError), transaction.atomic():
        notices.notify([person], "decision", "Rejestracja zatwierdzona")
        assert DBTaskResult.objects.count() == 1
        raise RuntimeError("the decision is rolled back")
    assert not Notification.objects.exists()
    assert not DBTaskResult.objects.exists()

    notices.notify([person], "decision", "Rejestracja zatwierdzona")
    assert mail.outbox == []  # waits for the worker
    call_command("worker", "--until-empty", verbosity=0)
    assert [message.to for message in mail.outbox] == [[person.email]]
    # The unsubscribe headers survive the queue.
    assert mail.outbox[0].extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


# The pages


def test_pages_need_signing_in(client, db):
    for path in ("/notifications/", "/notifications/settings/", "/notifications/1/"):
        response = client.get(path)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_list_is_newest_first_paginated_and_marks_unread_for_eyes_and_ears(client, db):
    person = UserFactory()
    for number in range(25):
        notices.notify([person], "status", f"Zmiana nr {number:02d}")
    Notification.objects.filter(title__in=["Zmiana nr 24", "Zmiana nr 23"]).update(
        read_at=timezone.now()
    )
    client.force_login(person)
    first = client.get("/notifications/").content.decode()
    titles = re.findall(r"Zmiana nr \d\d", first)
    assert titles == [f"Zmiana nr {n:02d}" for n in range(24, 4, -1)]
    items = re.findall(r'<li class="notification( notification--unread)?">', first)
    assert [bool(unread) for unread in items] == [False, False] + [True] * 18
    assert first.count("(nieprzeczytane)") == 18  # said to screen readers, not by colour alone
    assert "Masz 23 nieprzeczytane powiadomienia." in first
    second = client.get("/notifications/?page=2").content.decode()
    assert re.findall(r"Zmiana nr \d\d", second) == [f"Zmiana nr {n:02d}" for n in range(4, -1, -1)]


def test_opening_a_notification_marks_it_read_and_goes_to_its_address(client, db):
    person, other = UserFactory(), UserFactory()
    mine = notices.notify([person], "reply", "Odpowiedź", url="/zapytania/7/")[0]
    elsewhere = notices.notify([person], "reply", "Obcy adres", url="https://evil.example/")[0]
    theirs = notices.notify([other], "reply", "Cudza")[0]
    client.force_login(person)

    response = client.get(f"/notifications/{mine.pk}/")
    assert response.status_code == 302 and response["Location"] == "/zapytania/7/"
    assert Notification.objects.get(pk=mine.pk).read_at is not None
    assert client.get(f"/notifications/{elsewhere.pk}/")["Location"] == "/notifications/"
    assert client.get(f"/notifications/{theirs.pk}/").status_code == 404
    assert Notification.objects.get(pk=theirs.pk).read_at is None


def test_mark_all_read_marks_only_ones_own(client, db):
    person, other = UserFactory(), UserFactory()
    notices.notify([person, other], "status", "Zmiana")
    notices.notify([person], "status", "Druga zmiana")
    client.force_login(person)
    assert client.get("/notifications/read/").status_code == 405  # a change needs a POST
    client.post("/notifications/read/")
    assert notices.unread_count(person) == 0
    assert notices.unread_count(other) == 1


def test_settings_save_each_kind_and_refuse_an_unknown_choice(client, db):
    person = UserFactory()
    client.force_login(person)
    page = client.get("/en/notifications/settings/").content.decode()
    assert page.count("<legend>") == 5
    choices = {
        "new_need": "immediately",
        "reply": "daily",
        "status": "off",
        "new_cooperative": "daily",
        "decision": "immediately",
    }
    response = client.post("/notifications/settings/", choices)
    assert response.status_code == 302
    assert notices.preferences_of(person) == choices

    response = client.post("/notifications/settings/", {**choices, "reply": "hourly"})
    assert response.status_code == 200
    assert notices.preferences_of(person)["reply"] == "daily"  # nothing saved


def test_the_header_counts_only_ones_own_unread_notifications(client, db):
    person, other = UserFactory(), UserFactory()
    for title in ("a", "b", "c", "d", "e"):
        notices.notify([person], "status", title)
    for title in ("x", "y", "z"):
        notices.notify([other], "status", title)
    for row in Notification.objects.filter(user=person, title__in=["d", "e"]):
        notices.open_notification(person, row.pk)
    client.force_login(person)

    header = header_link(client.get("/notifications/settings/"))
    assert header == "Powiadomienia (3 nieprzeczytane)"
    assert header_link(client.get("/en/notifications/settings/")) == "Notifications (3 unread)"
    notices.notify([person], "status", "f")
    notices.notify([person], "status", "g")
    assert header_link(client.get("/notifications/settings/")) == (
        "Powiadomienia (5 nieprzeczytanych)"
    )
    client.post("/notifications/read/")
    assert header_link(client.get("/notifications/settings/")) == "Powiadomienia"


def header_link(response) -> str:
    """The header's notifications link as a screen reader reads it (tags removed)."""
    link = re.search(
        r'<a href="[^"]*" class="notifications-link">(.*?)</a>', response.content.decode()
    )
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", link.group(1))).strip()
