"""A cooperative profile going live for the first time, or gaining a kind of work, tells the
companies whose open needs it fits: once per company, never again for the same need, and
not on every republish. Found and told by the worker (``manage.py worker --until-empty``).
"""

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from cms import notices, roles
from cms.models import Delivery, Notification, Organisation, Voivodeship
from cooperatives.models import Capability, CooperativePage
from partners.models import FitNotice, Need
from tests.cms.factories import OrganisationFactory, RegionalCentreFactory, member_of
from tests.cooperatives.factories import CooperativePageFactory
from tests.partners.factories import NeedFactory, PartnerPageFactory

GDANSK = (54.35, 18.65)
TELL = "partners.fit_notices.tell_companies"


def run_worker():
    call_command("worker", "--until-empty", verbosity=0)


def kind(code: str) -> Capability:
    return Capability.objects.get(code=code)


def company(title: str, members: int = 1):
    page = PartnerPageFactory(title=title)
    organisation = OrganisationFactory(name=title, kind=Organisation.Kind.COMPANY, page=page)
    return page, [member_of(organisation) for _ in range(members)]


def told() -> list[str]:
    return sorted(
        Notification.objects.filter(kind="new_cooperative").values_list("user__email", flat=True)
    )


def emails(people) -> list[str]:
    return sorted(person.email for person in people)


def waiting_jobs():
    return DBTaskResult.objects.filter(task_path=TELL, status="READY")


@pytest.fixture
def companies():
    """Companies with needs in and around Poznań (the NeedFactory's place): one whose two
    sewing needs a new sewing cooperative fits, and four whose needs it does not fit."""
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    fits, fits_people = company("Odzież Robocza S.A.", members=2)
    NeedFactory(partner=fits, title="Fartuchy", capabilities=[kind("sewing")])
    NeedFactory(partner=fits, title="Worki lniane", capabilities=[kind("sewing")])
    NeedFactory(partner=fits, title="Obiady", capabilities=[kind("catering")])
    far, far_people = company("Stocznia")
    NeedFactory(
        partner=far, city="Gdańsk", latitude=GDANSK[0], longitude=GDANSK[1],
        capabilities=[kind("sewing")],
    )  # fmt: skip
    closed, closed_people = company("Zamknięta")
    NeedFactory(partner=closed, status=Need.Status.WITHDRAWN, capabilities=[kind("sewing")])
    NeedFactory(partner=closed, deadline=yesterday, capabilities=[kind("sewing")])
    cook, cook_people = company("Stołówka")
    NeedFactory(partner=cook, title="Catering", capabilities=[kind("catering")])
    return {
        "fits": fits_people,
        "far": far_people,
        "closed": closed_people,
        "cook": cook_people,
    }


def new_cooperative(**extra):
    return CooperativePageFactory(
        title="Nitka",
        city="Poznań",
        latitude=52.45,
        longitude=16.95,
        service_radius_km=60,
        capabilities=[kind("sewing")],
        **extra,
    )


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("baseline_site")
def test_a_cooperative_published_for_the_first_time_tells_the_fitting_companies_once(companies):
    nitka = new_cooperative(live=False)
    assert not waiting_jobs().exists()  # a draft tells nobody
    nitka.save_revision().publish()
    assert waiting_jobs().count() == 1  # waits in PostgreSQL until a worker runs
    assert told() == []

    run_worker()
    assert told() == emails(companies["fits"])  # each member once, for both needs
    notice = Notification.objects.filter(kind="new_cooperative").first()
    assert notice.title == "Nowa spółdzielnia dla Twojej potrzeby: Nitka (Poznań)"
    assert notice.url == nitka.url
    assert "Fartuchy" in notice.body and "Worki lniane" in notice.body
    assert "Obiady" not in notice.body
    assert f"http://testserver{nitka.url}" in notice.body
    assert sorted(FitNotice.objects.values_list("need__title", "told")) == [
        ("Fartuchy", "company"),
        ("Worki lniane", "company"),
    ]
    # At once by default: an e-mail to each member of the company.
    assert sorted(to for message in mail.outbox for to in message.to) == told()

    latest = CooperativePage.objects.get(pk=nitka.pk)  # as an editor opens it
    latest.save_revision().publish()  # republished: the same kinds of work
    CooperativePage.objects.get(pk=nitka.pk).unpublish()
    latest = CooperativePage.objects.get(pk=nitka.pk)
    latest.save_revision().publish()  # and live again: not for the first time
    assert not waiting_jobs().exists()
    run_worker()
    assert told() == emails(companies["fits"])


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("baseline_site")
def test_a_published_cooperative_gaining_a_kind_tells_only_the_companies_of_that_kind(
    companies,
):
    nitka = new_cooperative()
    run_worker()
    assert told() == emails(companies["fits"])

    nitka.capabilities.add(kind("catering"))
    nitka.save_revision().publish()
    assert waiting_jobs().count() == 1
    run_worker()
    # Odzież Robocza hears of Nitka again for its catering need only; Stołówka for the first
    # time; the sewing needs are not told twice.
    assert told() == emails(companies["fits"] * 2 + companies["cook"])
    second = Notification.objects.filter(kind="new_cooperative").order_by("-pk").first()
    assert "Obiady" in second.body or "Catering" in second.body
    assert "Fartuchy" not in second.body
    assert FitNotice.objects.count() == 4


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("baseline_site")
def test_the_company_members_choice_of_at_once_or_daily_is_honoured(companies):
    at_once, daily = companies["fits"]
    notices.set_preferences(daily, {"new_cooperative": Delivery.DAILY})
    new_cooperative()
    run_worker()
    assert told() == emails([at_once, daily])
    assert [message.to for message in mail.outbox] == [[at_once.email]]
    notices.send_digests()
    assert [message.to for message in mail.outbox] == [[at_once.email], [daily.email]]
    assert "Nitka" in mail.outbox[1].body


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("baseline_site")
def test_a_new_organisations_profile_approved_by_its_regional_centre_tells_the_companies(
    companies,
):
    wielkopolskie = Voivodeship.objects.get(teryt="30")
    organisation = OrganisationFactory(
        name="Spółdzielnia Nowa", approved=False, voivodeship=wielkopolskie
    )
    editor = member_of(organisation)
    moderator = member_of(RegionalCentreFactory(name="ROPS Poznań"))
    roles.approve_organisation(organisation)
    page = organisation.page.specific
    page.city, page.latitude, page.longitude = "Poznań", 52.41, 16.93
    page.service_radius_km = 60
    page.capabilities = [kind("sewing")]
    page.save_revision(user=editor)
    page.get_workflow().start(page, editor)
    run_worker()
    assert told() == []  # waiting for the regional centre

    page.refresh_from_db()
    state = page.current_workflow_task_state
    state.task.specific.on_action(state, moderator, "approve", comment="")
    run_worker()
    assert told() == emails(companies["fits"])
