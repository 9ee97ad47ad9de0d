"""A company's new need tells the members of exactly the cooperatives it fits, in the
background, once per cooperative, as each person chose (at once or in the morning digest).

The work is a job of the task queue in PostgreSQL: these tests run the real
worker command (``manage.py worker --until-empty``) and look at what it wrote.
"""

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone, translation
from django_tasks_db.models import DBTaskResult

from cms import notices
from cms.models import Delivery, Notification, Organisation
from cooperatives.models import Capability
from partners import fit_notices, needs
from partners.models import FitNotice, Need
from tests.cms.factories import OrganisationFactory, member_of
from tests.cooperatives.factories import CooperativePageFactory
from tests.partners.factories import PartnerPageFactory

POZNAN = (52.41, 16.93)
GDANSK = (54.35, 18.65)
TELL = "partners.fit_notices.tell_cooperatives"


def run_worker():
    call_command("worker", "--until-empty", verbosity=0)


def kind(code: str) -> Capability:
    return Capability.objects.get(code=code)


def cooperative(title, place, kinds=("sewing",), radius=60, members=1, **extra):
    """A cooperative at ``place`` (lat, lon) with ``members`` people in its organisation."""
    page = CooperativePageFactory(
        title=title,
        latitude=place[0],
        longitude=place[1],
        city="Gdańsk" if place == GDANSK else "Poznań",
        service_radius_km=radius,
        capabilities=[kind(code) for code in kinds],
        **extra,
    )
    organisation = OrganisationFactory(name=title, page=page)
    return page, [member_of(organisation) for _ in range(members)]


def need_data(title="Szycie 2000 fartuchów", place=POZNAN, kinds=("sewing",), **extra):
    return {
        "title": title,
        "description": "Fartuchy robocze z kieszenią.",
        "city": "Gdańsk" if place == GDANSK else "Poznań",
        "latitude": place[0],
        "longitude": place[1],
        "deadline": timezone.localdate() + dt.timedelta(days=30),
        "capabilities": [kind(code) for code in kinds],
        **extra,
    }


def told(kind_of_notice="new_need") -> list[str]:
    """Who got a notification of that kind: their e-mail addresses, once each time told."""
    return sorted(
        Notification.objects.filter(kind=kind_of_notice).values_list("user__email", flat=True)
    )


def emails(people) -> list[str]:
    return sorted(person.email for person in people)


@pytest.fixture
def company():
    page = PartnerPageFactory(title="Firma Odzieżowa Sp. z o.o.")
    boss = member_of(OrganisationFactory(name="Firma", kind=Organisation.Kind.COMPANY, page=page))
    return page, boss


@pytest.fixture
def cooperatives():
    """Around a need for sewing in Poznań: two that fit it (one with two members) and five
    that do not, each for one reason."""
    return {
        "nitka": cooperative("Nitka", POZNAN, members=2),
        "szew": cooperative("Szew", (52.30, 16.80)),  # 15 km away, radius 60
        "far": cooperative("Bałtyk", GDANSK),  # sews, 240 km away, radius 60
        "cook": cooperative("Smak", POZNAN, kinds=("catering",)),  # another kind of work
        "draft": cooperative("Szkic", POZNAN, live=False),  # not published
        "busy": cooperative("Pełna", POZNAN, accepts_orders=False),  # takes no orders
        "empty": (CooperativePageFactory(title="Bez ludzi", capabilities=[kind("sewing")]), []),
    }


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("baseline_site")
def test_a_new_need_tells_the_members_of_exactly_the_cooperatives_it_fits(company, cooperatives):
    page, boss = company
    need = needs.create_need(page, boss, need_data())
    run_worker()
    fitting = cooperatives["nitka"][1] + cooperatives["szew"][1]
    assert told() == emails(fitting)
    assert sorted(FitNotice.objects.values_list("cooperative__title", "told")) == [
        ("Nitka", "cooperative"),
        ("Szew", "cooperative"),
    ]
    notice = Notification.objects.filter(user=cooperatives["szew"][1][0]).get()
    assert notice.title == "Nowa potrzeba: Szycie 2000 fartuchów (Poznań)"
    assert notice.url == f"/needs/{need.slug}/offer/{cooperatives['szew'][0].pk}/"
    assert "Firma Odzieżowa Sp. z o.o. szuka: Szycie 2000 fartuchów" in notice.body
    assert f"http://testserver{notice.url}" in notice.body  # a link that works from e-mail


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("baseline_site")
def test_edits_tell_only_the_cooperatives_the_need_newly_fits_and_nobody_twice(
    company, cooperatives
):
    page, boss = company
    need = needs.create_need(page, boss, need_data())
    run_worker()
    near = cooperatives["nitka"][1] + cooperatives["szew"][1]
    assert told() == emails(near)

    needs.update_need(boss, need.slug, need_data(description="Fartuchy z bawełny."))
    assert not DBTaskResult.objects.filter(task_path=TELL, status="READY").exists()
    needs.update_need(boss, need.slug, need_data(place=GDANSK))  # moved: Bałtyk reaches it
    run_worker()
    needs.update_need(boss, need.slug, need_data(place=POZNAN))  # and back
    run_worker()
    needs.update_need(boss, need.slug, need_data(kinds=("sewing", "catering")))  # Smak now fits
    run_worker()
    everyone = near + cooperatives["far"][1] + cooperatives["cook"][1]
    assert told() == emails(everyone)  # each once: nobody near heard of it again
    assert FitNotice.objects.filter(need=need).count() == 4


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("baseline_site")
def test_a_need_posted_while_the_worker_is_down_waits_in_the_database_then_is_told(
    company, cooperatives
):
    page, boss = company
    at_once = cooperatives["nitka"][1][0]
    notices.set_preferences(at_once, {"new_need": Delivery.IMMEDIATELY})
    needs.create_need(page, boss, need_data())
    job = DBTaskResult.objects.get(task_path=TELL)
    assert job.status == "READY"  # no worker runs: it waits in PostgreSQL
    assert told() == []
    assert mail.outbox == []

    run_worker()
    job.refresh_from_db()
    assert job.status == "SUCCESSFUL"
    assert [message.to for message in mail.outbox] == [[at_once.email]]
    assert mail.outbox[0].subject == "[Kooperacja] Nowa potrzeba: Szycie 2000 fartuchów (Poznań)"
    run_worker()  # nothing is left to do and nothing is told twice
    assert len(told()) == 3


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("baseline_site")
def test_a_need_that_is_rolled_back_leaves_no_job(company, cooperatives):
    page, boss = company
    with pytest.raises(RuntimeError), transaction.atomic():
        needs.create_need(page, boss, need_data())
        raise RuntimeError("the company's request failed later")
    assert not Need.objects.exists()
    assert not DBTaskResult.objects.filter(task_path=TELL).exists()


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("baseline_site")
def test_each_member_gets_the_new_need_at_once_in_the_digest_or_on_the_site_only(company):
    _, (daily, at_once, off) = cooperative("Nitka", POZNAN, members=3)
    notices.set_preferences(at_once, {"new_need": Delivery.IMMEDIATELY})
    notices.set_preferences(off, {"new_need": Delivery.OFF})
    page, boss = company
    needs.create_need(page, boss, need_data())
    run_worker()
    assert told() == emails([daily, at_once, off])  # on the site, for all three
    assert [message.to for message in mail.outbox] == [[at_once.email]]

    notices.send_digests()  # the morning
    assert [message.to for message in mail.outbox] == [[at_once.email], [daily.email]]
    assert "Szycie 2000 fartuchów" in mail.outbox[1].body


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("baseline_site")
def test_the_notice_speaks_polish_by_default_and_english_when_asked(company):
    nitka, _ = cooperative("Nitka", POZNAN)
    _, (reader,) = cooperative("Szew", POZNAN)
    page, _ = company
    need = Need.objects.create(slug="fartuchy", partner=page, title="Fartuchy", city="Poznań")
    need.capabilities.set([kind("sewing")])
    with translation.override("en"):
        assert fit_notices.tell_cooperatives_of(need.pk) == 2
    english = Notification.objects.get(user=reader)
    assert english.title == "New need: Fartuchy (Poznań)"
    assert "Firma Odzieżowa Sp. z o.o. is looking for: Fartuchy" in english.body
    assert english.url.startswith("/en/")

    need.fit_notices.all().delete()
    Notification.objects.all().delete()
    fit_notices.tell_cooperatives.enqueue(need.pk)
    run_worker()  # the worker writes in the site's language
    polish = Notification.objects.get(user=reader)
    assert polish.title == "Nowa potrzeba: Fartuchy (Poznań)"
    assert "Przeczytaj całą potrzebę i zaproponuj wykonanie" in polish.body
    assert nitka.title not in polish.body
