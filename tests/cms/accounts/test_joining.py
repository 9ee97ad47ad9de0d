"""Registering a new organisation: every kind, the duplicate numbers refused with the way to
the existing one, and who may decide (an administrator; a regional centre only for workshops
and cooperatives of its own voivodeship; never the registrant)."""

import pytest
from django.core import mail
from wagtail.models import Page

from cms import roles
from cms.accounts import registrations
from cms.models import Membership, Organisation, Registration
from cooperatives.models import CooperativePage
from partners.models import PartnerPage
from tests.cms.factories import (
    MembershipFactory,
    OrganisationFactory,
    RegionalCentreFactory,
    UserFactory,
)
from workshops.models import WorkshopPage

pytestmark = pytest.mark.django_db

# Numbers with valid checksums that the small directory does not use.
NIP, OTHER_NIP = "7770001111", "6310002226"
REGON, OTHER_REGON = "631000224", "300000114"
KRS = "0000555444"


def register(client, user, language="", **fields):
    client.force_login(user)
    data = {"name": "Spółdzielnia Socjalna „Nowa”", "kind": "cooperative", "nip": NIP, **fields}
    data.setdefault("voivodeship", "")
    return client.post(f"{language}/organisations/register/", data)


def voivodeship_field(region):
    return {"voivodeship": str(region.pk)}


def can_edit(user, page):
    """Asked of a fresh copy of ``user``: Wagtail caches a user's page permissions on it."""
    fresh = type(user).objects.get(pk=user.pk)
    return page.permissions_for_user(fresh).can_edit()


@pytest.mark.parametrize(
    ("kind", "page_model"),
    [
        ("workshop", WorkshopPage),
        ("cooperative", CooperativePage),
        ("company", PartnerPage),
        ("regional_centre", None),
        ("owes", None),
    ],
)
def test_each_kind_of_organisation_is_registered_and_approval_gives_what_its_kind_gets(
    client, regions, decide, kind, page_model
):
    registrant = UserFactory()
    response = register(
        client, registrant, kind=kind, name=f"Nowa {kind}", **voivodeship_field(regions["lodzkie"])
    )
    assert response.status_code == 302
    registration = Registration.objects.get(registrant=registrant)
    assert registration.pending and registration.kind == kind
    assert not Organisation.objects.filter(name=f"Nowa {kind}").exists()

    response = decide(regions["admin"], registration, "approve")
    assert response.status_code == 302

    organisation = Organisation.objects.get(name=f"Nowa {kind}")
    assert organisation.approved and organisation.kind == kind
    assert (organisation.voivodeship, organisation.nip) == (regions["lodzkie"], NIP)
    membership = organisation.memberships.get()
    assert membership.user == registrant
    assert (membership.status, membership.role) == ("active", "manager")
    if page_model:
        page = organisation.page.specific
        assert isinstance(page, page_model) and not page.live
        assert page.voivodeship == regions["lodzkie"]
        # Workshops and cooperatives edit their page in the admin; a company works through
        # the site's forms (its needs hang on its draft profile).
        assert can_edit(registrant, page) == (kind != "company")
    else:
        assert organisation.page is None
        assert not registrant.groups.filter(name__startswith="Editors").exists()
    moderates = roles.moderated_voivodeships(registrant)
    assert moderates == ({regions["lodzkie"].pk} if kind == "regional_centre" else set())
    assert [message.to for message in mail.outbox] == [[registrant.email]]
    assert "zatwierdzona" in mail.outbox[0].subject


def test_a_registration_gives_nothing_until_decided_and_the_registrant_sees_it_waiting(
    client, regions
):
    registrant = UserFactory()
    register(client, registrant, **voivodeship_field(regions["wielkopolskie"]))
    assert not Membership.objects.filter(user=registrant).exists()
    assert not Organisation.objects.filter(name="Spółdzielnia Socjalna „Nowa”").exists()
    page = client.get("/organisations/").content.decode()
    assert "Rejestracja organizacji Spółdzielnia Socjalna „Nowa”" in page
    assert "czeka na decyzję" in page


def test_a_refusal_needs_a_reason_which_the_registrant_reads_on_the_site_and_by_email(
    client, regions, decide
):
    registrant = UserFactory()
    register(client, registrant, **voivodeship_field(regions["wielkopolskie"]))
    registration = Registration.objects.get()

    response = decide(regions["rops_wielkopolskie"], registration, "refuse", "   ")
    assert response.status_code == 400
    html = response.content.decode()
    assert f'href="#id_registration-{registration.pk}-reason"' in html
    assert "autofocus" in html
    registration.refresh_from_db()
    assert registration.pending and mail.outbox == []

    decide(regions["rops_wielkopolskie"], registration, "refuse", "Nie ma jej w KRS.")
    registration.refresh_from_db()
    assert registration.status == "refused" and registration.reason == "Nie ma jej w KRS."
    assert not Organisation.objects.filter(name=registration.name).exists()
    assert "Nie ma jej w KRS." in mail.outbox[0].body
    client.force_login(registrant)
    page = client.get("/organisations/").content.decode()
    assert "odrzucono" in page and "Nie ma jej w KRS." in page


def test_the_decision_is_emailed_in_the_language_the_registrant_used(client, regions, decide):
    registrant = UserFactory()
    register(client, registrant, language="/en", **voivodeship_field(regions["wielkopolskie"]))
    decide(regions["admin"], Registration.objects.get(), "approve")
    assert (
        mail.outbox[0].subject
        == "[Kooperacja] Your registration of Spółdzielnia Socjalna „Nowa” was approved"
    )
    assert "/en/organisations/" in mail.outbox[0].body


@pytest.mark.parametrize(
    ("fields", "error_field"),
    [
        ({"nip": "779-243-34-21"}, "nip"),  # ss-igla's NIP, written with hyphens
        ({"nip": "", "krs": "0000123456"}, "krs"),
        ({"nip": "", "regon": "123456785"}, "regon"),
    ],
)
def test_a_number_of_a_listed_profile_is_refused_with_the_way_to_claim_it(
    client, regions, fields, error_field
):
    response = register(client, UserFactory(), **fields, **voivodeship_field(regions["lodzkie"]))
    assert response.status_code == 400
    html = response.content.decode()
    assert f'href="#id_{error_field}"' in html
    assert "Profil Spółdzielnia Socjalna „Igła” jest już w katalogu" in html
    assert f'href="/organisations/claim/{regions["igla"].pk}/"' in html
    assert not Registration.objects.exists()


def test_a_number_of_a_registered_organisation_is_refused_with_the_way_to_join_it(client, regions):
    existing = OrganisationFactory(name="Firma Zarejestrowana", kind="company", nip=OTHER_NIP)
    response = register(
        client,
        UserFactory(),
        kind="company",
        nip=OTHER_NIP,
        **voivodeship_field(regions["lodzkie"]),
    )
    html = response.content.decode()
    assert "Organizacja Firma Zarejestrowana jest już zarejestrowana" in html
    assert 'action="/organisations/join/"' in html
    assert f'name="organisation" value="{existing.pk}"' in html
    assert not Registration.objects.exists()


def test_a_number_of_a_listed_profile_owned_by_an_organisation_points_to_joining_it(
    client, regions
):
    owner = OrganisationFactory(name="Igła (organizacja)", page=regions["igla"])
    html = register(
        client, UserFactory(), nip="7792433421", **voivodeship_field(regions["lodzkie"])
    ).content.decode()
    assert "Organizacja Igła (organizacja) jest już zarejestrowana" in html
    assert f'name="organisation" value="{owner.pk}"' in html


def test_a_number_waiting_in_another_registration_is_refused(client, regions):
    first, second = UserFactory(), UserFactory()
    register(client, first, regon=OTHER_REGON, nip="", **voivodeship_field(regions["lodzkie"]))
    response = register(
        client,
        second,
        name="Inna",
        regon=OTHER_REGON,
        nip="",
        **voivodeship_field(regions["lodzkie"]),
    )
    assert response.status_code == 400
    assert "czeka na decyzję" in response.content.decode()
    assert list(Registration.objects.values_list("registrant", flat=True)) == [first.pk]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"nip": "7770001112"}, "Ten NIP jest błędny"),
        ({"nip": "", "regon": "63100022"}, "REGON ma 9 albo 14 cyfr"),
        ({"nip": "", "krs": "12345"}, "Numer KRS ma dokładnie 10 cyfr"),
        ({"nip": ""}, "Podaj co najmniej jeden z numerów NIP, REGON lub KRS"),
        ({"name": ""}, "To pole jest wymagane"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message_and_stores_nothing(
    client, regions, fields, message
):
    response = register(
        client, UserFactory(), **{**voivodeship_field(regions["lodzkie"]), **fields}
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Registration.objects.exists()


def test_the_registration_form_speaks_english_under_en(client, regions):
    client.force_login(UserFactory())
    html = client.get("/en/organisations/register/").content.decode()
    assert "Register a new organisation" in html
    assert "social economy support centre (OWES)" in html


def test_the_regional_centre_decides_workshops_and_cooperatives_of_its_own_voivodeship_only(
    client, regions, decide
):
    people = UserFactory(), UserFactory(), UserFactory()
    for person, kind, region in zip(
        people,
        ("cooperative", "workshop", "company"),
        ("wielkopolskie", "lodzkie", "wielkopolskie"),
        strict=True,
    ):
        register(
            client,
            person,
            kind=kind,
            name=f"{kind} {region}",
            nip="",
            krs=f"00001{person.pk:05}",
            **voivodeship_field(regions[region]),
        )
    coop_wlkp, workshop_lodz, company_wlkp = Registration.objects.order_by("pk")

    rops = regions["rops_wielkopolskie"]
    assert list(registrations.pending_for(rops)) == [coop_wlkp]
    assert list(registrations.pending_for(regions["rops_lodzkie"])) == [workshop_lodz]
    assert list(registrations.pending_for(regions["admin"])) == [
        coop_wlkp,
        workshop_lodz,
        company_wlkp,
    ]
    assert decide(rops, workshop_lodz, "approve").status_code == 403
    assert decide(rops, company_wlkp, "approve").status_code == 403
    assert decide(regions["rops_lodzkie"], coop_wlkp, "refuse", "Nie nasz.").status_code == 403
    for registration in (workshop_lodz, company_wlkp, coop_wlkp):
        registration.refresh_from_db()
        assert registration.pending
    assert decide(rops, coop_wlkp, "approve").status_code == 302
    assert decide(regions["admin"], company_wlkp, "approve").status_code == 302
    assert set(
        Organisation.objects.filter(approved=True, kind__in=["cooperative", "company"]).values_list(
            "name", flat=True
        )
    ) == {"cooperative wielkopolskie", "company wielkopolskie"}


def test_nobody_decides_their_own_registration_not_even_an_administrator(client, regions, decide):
    for person in (regions["admin"], regions["rops_wielkopolskie"]):
        register(
            client,
            person,
            name=f"Własna {person.pk}",
            nip="",
            krs=f"00002{person.pk:05}",
            **voivodeship_field(regions["wielkopolskie"]),
        )
        own = Registration.objects.get(registrant=person)
        assert own not in registrations.pending_for(person)
        assert decide(person, own, "approve").status_code == 403
        own.refresh_from_db()
        assert own.pending
    assert len(registrations.pending_for(regions["admin"])) == 1  # the moderator's, not its own


def test_a_person_waits_for_three_registrations_at_most(client, regions):
    person = UserFactory()
    for number in (NIP, OTHER_NIP, "1112223332"):
        register(client, person, name=number, nip=number, **voivodeship_field(regions["lodzkie"]))
    response = register(
        client, person, name="Czwarta", nip="7251002000", **voivodeship_field(regions["lodzkie"])
    )
    assert response.status_code == 400
    assert "Masz już 3 rejestracje czekające na decyzję" in response.content.decode()
    assert Registration.objects.filter(registrant=person).count() == 3


def test_a_decided_registration_is_not_decided_again(client, regions, decide):
    register(client, UserFactory(), **voivodeship_field(regions["wielkopolskie"]))
    registration = Registration.objects.get()
    decide(regions["admin"], registration, "refuse", "Dublet.")
    response = decide(regions["rops_wielkopolskie"], registration, "approve")
    assert response.status_code == 400
    assert "To zostało już rozstrzygnięte" in response.content.decode()
    assert not Organisation.objects.filter(name=registration.name).exists()
    assert Membership.objects.filter(user=registration.registrant).count() == 0


def test_the_queue_lists_registrations_for_those_who_decide_them(client, regions):
    register(client, UserFactory(), **voivodeship_field(regions["wielkopolskie"]))
    client.force_login(regions["rops_wielkopolskie"])
    assert "Spółdzielnia Socjalna „Nowa”" in client.get("/organisations/queue/").content.decode()
    client.force_login(regions["rops_lodzkie"])
    assert (
        "Spółdzielnia Socjalna „Nowa”" not in client.get("/organisations/queue/").content.decode()
    )


def test_a_regional_centre_member_without_an_authenticator_app_is_sent_to_set_one_up(
    client, regions
):
    membership = MembershipFactory(organisation=RegionalCentreFactory(), totp=False)
    roles.sync_user_rights(membership.user)
    client.force_login(membership.user)
    response = client.get("/organisations/queue/")
    assert response.status_code == 302
    assert response.url.endswith("/accounts/2fa/totp/activate/")


def test_approval_made_after_the_number_was_listed_is_refused(client, regions, decide):
    register(client, UserFactory(), nip="", krs=KRS, **voivodeship_field(regions["wielkopolskie"]))
    registration = Registration.objects.get()
    regions["smak"].krs = KRS
    regions["smak"].save()
    response = decide(regions["admin"], registration, "approve")
    assert response.status_code == 400
    registration.refresh_from_db()
    assert registration.pending
    assert not Page.objects.filter(title=registration.name).exists()
