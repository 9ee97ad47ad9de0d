"""E-mail is queued with the change and sent by the worker; a mail server that is down costs
a delayed e-mail, never a 500, a lost message or a stored duplicate.

The mail server that is "down" is a real SMTP connection to a port where
nothing listens; the worker is django-tasks' own ``db_worker`` command.
"""

import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from cms import roles
from cms.models import Organisation
from cooperatives.models import CooperativePage
from partners import needs
from partners.models import Inquiry, InquiryReply, Need, PartnerPage
from tests.cms.factories import OrganisationFactory, member_of

LOCMEM = "django.core.mail.backends.locmem.EmailBackend"
SMTP = "django.core.mail.backends.smtp.EmailBackend"


@pytest.fixture
def queued_mail(settings):
    settings.EMAIL_BACKEND = "cms.mail.QueuedEmailBackend"
    settings.EMAIL_DELIVERY_BACKEND = LOCMEM
    return settings


@pytest.fixture
def mail_server_down(queued_mail):
    queued_mail.EMAIL_DELIVERY_BACKEND = SMTP
    queued_mail.EMAIL_HOST, queued_mail.EMAIL_PORT, queued_mail.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    return queued_mail


def run_worker():
    call_command(
        "db_worker",
        "--backend",
        "queue",
        "--queue-name",
        "email",
        "--batch",
        "--no-startup-delay",
        stdout=io.StringIO(),
    )


def waiting_jobs():
    return DBTaskResult.objects.filter(status="READY")


@pytest.fixture
def inquiry_parties(small_directory):
    company = OrganisationFactory(
        name="Firma", kind=Organisation.Kind.COMPANY, page=PartnerPage.objects.get()
    )
    igla = CooperativePage.objects.get(slug="ss-igla")
    igla.email = "biuro@igla.example"
    igla.save_revision().publish()
    return member_of(company), igla, Need.objects.get()


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("baseline_site")
def test_mail_waits_in_the_queue_until_the_worker_sends_it(queued_mail, inquiry_parties):
    company_member, igla, need = inquiry_parties
    needs.send_inquiry(need, igla, company_member, "Czy uszyjecie 2000 fartuchów do marca?")
    assert mail.outbox == []
    assert waiting_jobs().count() == 1
    run_worker()
    assert [message.to for message in mail.outbox] == [["biuro@igla.example"]]
    assert "2000 fartuchów" in mail.outbox[0].body
    assert not waiting_jobs().exists()


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("baseline_site")
def test_a_rolled_back_change_sends_nothing(queued_mail, django_user_model):
    organisation = OrganisationFactory(name="Igła")
    admin = django_user_model.objects.create_superuser("admin", "admin@example.org", "x")
    with pytest.raises(RuntimeError), transaction.atomic():
        roles.invite(organisation, "nowa@example.org", by=admin)
        assert waiting_jobs().count() == 1
        raise RuntimeError("the change is rolled back")
    assert not waiting_jobs().exists()
    run_worker()
    assert mail.outbox == []


def test_sign_up_works_while_the_mail_server_is_down(client, mail_server_down, db):
    response = client.post(
        "/accounts/signup/",
        {
            "email": "nowa@example.org",
            "password1": "Dluga-fraza-123",
            "password2": "Dluga-fraza-123",
        },
    )
    assert response.status_code == 302
    assert waiting_jobs().count() == 1  # the verification e-mail, waiting for the worker


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("baseline_site")
def test_undelivered_mail_is_tried_again_later_not_lost(mail_server_down, inquiry_parties):
    company_member, igla, need = inquiry_parties
    needs.send_inquiry(need, igla, company_member, "Pytanie o termin.")
    before = timezone.now()
    run_worker()
    assert mail.outbox == []
    retry = waiting_jobs().get()
    assert retry.args_kwargs["args"][1] == 2  # the second attempt
    assert retry.run_after > before  # waits before trying again
    mail_server_down.EMAIL_DELIVERY_BACKEND = LOCMEM  # the server is back
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    run_worker()
    assert [message.to for message in mail.outbox] == [["biuro@igla.example"]]


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("baseline_site")
def test_sending_the_same_inquiry_twice_stores_and_sends_it_once(queued_mail, inquiry_parties):
    company_member, igla, need = inquiry_parties
    for _ in range(2):  # e.g. a retry after an error page, or a double click
        needs.send_inquiry(need, igla, company_member, "Czy zdążycie do marca?")
    assert Inquiry.objects.count() == 1
    assert not InquiryReply.objects.exists()
    assert waiting_jobs().count() == 1
    needs.send_inquiry(need, igla, company_member, "A do kwietnia?")
    assert InquiryReply.objects.get().message == "A do kwietnia?"
