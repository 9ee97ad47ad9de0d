"""What each side sees of an inquiry (the need in full, both parties and their contacts, a
signed thread), cooperatives offering themselves, what is unread, and where people land after
logging in."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from cms.models import Notification, Organisation
from cooperatives.models import Certification
from partners import conversation
from partners.landing import landing_url
from partners.models import ContactPerson, Inquiry, InquiryReply, Need, Side
from tests.cms.factories import (
    PASSWORD,
    RegionalCentreFactory,
    UserFactory,
    member_of,
)
from tests.partners.factories import InquiryFactory, QuoteFactory

pytestmark = pytest.mark.django_db

SOON = (timezone.localdate() + dt.timedelta(days=10)).isoformat()


def sign(user, name, phone):
    ContactPerson.objects.create(user=user, name=name, phone=phone)


def test_both_sides_see_the_need_in_full_and_each_other_signed_the_same_way(client, market):
    need = market.need
    need.quantity_value, need.quantity_unit, need.quantity_per = 400, "szt.", "week"
    need.street, need.postal_code = "ul. Magazynowa 5", "61-001"
    need.save()
    need.required_certifications.set([Certification.objects.get(code="haccp")])
    sign(market.boss, "Anna Kowalska", "61 123 45 67")
    sign(market.tailors[0], "Jan Nowak", "600 700 800")
    inquiry = InquiryFactory(need=need, cooperative=market.cooperatives[0], sent_by=market.boss)
    InquiryReply.objects.create(
        inquiry=inquiry, author=market.tailors[0], side=Side.COOPERATIVE, message="Damy radę."
    )
    QuoteFactory(inquiry=inquiry, author=market.tailors[0], note="Cena z dostawą.")

    for reader in (market.boss, market.tailors[0]):
        client.force_login(reader)
        html = client.get(f"/inquiries/{inquiry.pk}/").content.decode()
        for fact in (
            "Fartuchy robocze z kieszenią, bawełna.",  # description
            "2000 szt.",
            "400 szt. tygodniowo",
            "ul. Magazynowa 5",
            "61-001 Poznań",
            need.deadline.strftime("%Y"),
            "szycie",  # kind of work
            Certification.objects.get(code="haccp").label_pl,
        ):
            assert fact in html, fact
        parties = html.split('id="parties-heading"')[1].split("</section>")[0]
        for detail in (
            "Firma Testowa Sp. z o.o.",
            "Anna Kowalska",
            market.boss.email,
            "61 123 45 67",
            "Spółdzielnia Socjalna „Igła”",
            "Jan Nowak",
            market.tailors[0].email,
            "600 700 800",
        ):
            assert detail in parties, detail
        thread = html.split('class="conversation"')[1].split("</ol>")[0]
        assert "<strong>Anna Kowalska</strong>, Firma Testowa Sp. z o.o." in thread
        assert thread.count("<strong>Jan Nowak</strong>, Spółdzielnia Socjalna „Igła”") == 2
        assert "12\xa0000 zł" in thread and "Cena z dostawą." in thread


def test_before_the_cooperative_writes_its_profiles_contact_is_shown(client, market):
    inquiry = InquiryFactory(need=market.need, cooperative=market.cooperatives[1])
    client.force_login(market.boss)
    parties = (
        client.get(f"/inquiries/{inquiry.pk}/").content.decode().split('id="parties-heading"')[1]
    )
    assert "biuro@ss-nitka.example" in parties.split("</section>")[0]


def test_a_cooperative_offers_itself_for_a_need_that_fits_it(
    client, market, django_capture_on_commit_callbacks
):
    tailor, nitka = market.tailors[1], market.cooperatives[1]
    client.force_login(tailor)
    fitting = client.get("/needs/fitting/").content.decode()
    offer_url = f"/needs/{market.need.slug}/offer/{nitka.pk}/"
    assert offer_url in fitting
    page = client.get(offer_url).content.decode()
    assert "Fartuchy robocze z kieszenią, bawełna." in page  # the need in full
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            offer_url,
            {"message": "Uszyjemy w 3 tygodnie.", "contact_name": "Ewa", "contact_phone": ""},
        )
    inquiry = Inquiry.objects.get()
    assert response["Location"] == f"/inquiries/{inquiry.pk}/"
    assert (inquiry.cooperative, inquiry.started_by, inquiry.sent_by) == (
        nitka,
        "cooperative",
        tailor,
    )
    assert market.boss.email in mail.outbox[-1].to
    assert mail.outbox[-1].subject.startswith(
        "[Kooperacja] Spółdzielnia Socjalna „Nitka” oferuje wykonanie"
    )
    # …and it is on the company's notifications page too.
    assert Notification.objects.filter(user=market.boss, kind="reply").exists()
    # The company sees it among its inquiries, unread.
    assert conversation.unread(market.boss).company_total == 1
    client.force_login(market.boss)
    assert "Uszyjemy w 3 tygodnie." in client.get(f"/inquiries/{inquiry.pk}/").content.decode()
    # Back on its list the cooperative sees it is in touch, not a second offer button.
    client.force_login(tailor)
    assert offer_url not in client.get("/needs/fitting/").content.decode()


def test_offers_only_for_fitting_open_needs_and_only_as_ones_own_cooperative(client, market):
    client.force_login(market.tailors[1])
    nitka, igla = market.cooperatives[1], market.cooperatives[0]
    data = {"message": "Zrobimy.", "contact_name": "Ewa"}
    assert client.post(f"/needs/{market.need.slug}/offer/{igla.pk}/", data).status_code == 403
    smak_need = market.need
    smak_need.capabilities.clear()  # now asks for nothing Nitka does
    assert client.post(f"/needs/{smak_need.slug}/offer/{nitka.pk}/", data).status_code == 403
    client.force_login(market.boss)
    assert client.post(f"/needs/{market.need.slug}/offer/{nitka.pk}/", data).status_code == 403
    assert not Inquiry.objects.exists()


def test_closed_need_takes_no_offer(client, market):
    Need.objects.filter(pk=market.need.pk).update(status="withdrawn")
    client.force_login(market.tailors[1])
    response = client.post(
        f"/needs/{market.need.slug}/offer/{market.cooperatives[1].pk}/",
        {"message": "Zrobimy.", "contact_name": "Ewa"},
    )
    assert response.status_code == 403 and not Inquiry.objects.exists()


def test_unread_counts_what_the_other_side_wrote_since_the_reader_last_looked(client, market):
    boss, colleague = (
        market.boss,
        member_of(Organisation.objects.get(kind=Organisation.Kind.COMPANY, page=market.company)),
    )
    igla, nitka = market.tailors[0], market.tailors[1]
    first = InquiryFactory(need=market.need, cooperative=market.cooperatives[0], sent_by=boss)
    second = InquiryFactory(need=market.need, cooperative=market.cooperatives[1], sent_by=boss)
    # The cooperatives have not opened what the company sent them.
    assert conversation.unread(igla).cooperative_total == 1
    assert conversation.unread(igla).company_total == 0
    InquiryReply.objects.create(inquiry=first, author=igla, side="cooperative", message="Tak")
    QuoteFactory(inquiry=first, author=igla)
    QuoteFactory(inquiry=second, author=nitka)
    # The colleague's own side's reply is not unread for the boss.
    InquiryReply.objects.create(inquiry=first, author=colleague, side="company", message="Ok")
    assert conversation.unread(boss).as_company == {first.pk: 2, second.pk: 1}

    client.force_login(boss)
    header = client.get("/needs/").content.decode().split("</header>")[0]
    assert "Moje zlecenia" in header and ">3<" in header
    html = client.get(f"/inquiries/{first.pk}/").content.decode()
    assert html.count('<span class="badge">nowa</span>') == 2  # its reply and quote, marked new
    assert conversation.unread(boss).as_company == {second.pk: 1}
    assert conversation.unread(colleague).as_company == {first.pk: 2, second.pk: 1}  # per person
    html = client.get(f"/inquiries/{first.pk}/").content.decode()
    assert '<span class="badge">nowa</span>' not in html
    # Something new after the visit is unread again; the company's own reply never is.
    InquiryReply.objects.create(inquiry=first, author=igla, side="cooperative", message="I jeszcze")
    InquiryReply.objects.create(inquiry=first, author=boss, side="company", message="Dzięki")
    assert conversation.unread(boss).as_company == {first.pk: 1, second.pk: 1}
    # The cooperative reads the company's opening and reply as unread.
    assert conversation.unread(igla).as_cooperative == {first.pk: 3}


def test_the_header_shows_each_role_its_own_links(client, market):
    client.force_login(market.tailors[0])
    header = client.get("/").content.decode().split("</header>")[0]
    assert "Zlecenia dla Was" in header and "Zapytania" in header
    assert "Moje zlecenia" not in header
    client.force_login(market.boss)
    header = client.get("/").content.decode().split("</header>")[0]
    assert "Moje zlecenia" in header and "Zlecenia dla Was" not in header
    client.force_login(UserFactory())
    header = client.get("/").content.decode().split("</header>")[0]
    assert "Moje zlecenia" not in header and "Zapytania" not in header


def test_each_role_lands_on_what_it_can_do_next(client, market):
    centre = member_of(RegionalCentreFactory())
    stranger = UserFactory()
    admin = UserFactory(is_superuser=True, is_staff=True)
    assert landing_url(market.boss) == "/needs/"
    assert landing_url(market.tailors[1]) == "/needs/fitting/"
    InquiryFactory(need=market.need, cooperative=market.cooperatives[1], sent_by=market.boss)
    assert landing_url(market.tailors[1]) == "/inquiries/"  # something waits for an answer
    assert landing_url(centre) == "/dashboard/"
    assert landing_url(admin) == "/admin/"
    assert landing_url(stranger) == "/organisations/"


def test_logging_in_without_a_next_address_lands_on_the_roles_page(client, market):
    response = client.post("/accounts/login/", {"login": market.boss.email, "password": PASSWORD})
    assert response["Location"] == "/needs/"
    client.logout()
    response = client.post(
        "/en/accounts/login/", {"login": market.tailors[2].email, "password": PASSWORD}
    )
    assert response["Location"] == "/en/needs/fitting/"
    client.logout()
    response = client.post(
        "/accounts/login/?next=/partnerships/",
        {"login": market.boss.email, "password": PASSWORD},
    )
    assert response["Location"] == "/partnerships/"  # an explicit next address wins
