"""Claiming a listed profile: approved at once only on a verified address on the profile's own
domain, otherwise decided by the regional centre of its voivodeship, an administrator, or the
managers of the organisation that already owns it; and every way of abusing it refused."""

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from cms.accounts import claims
from cms.models import Claim, Membership, Organisation
from partners.models import PartnerPage
from tests.cms.factories import MembershipFactory, OrganisationFactory, UserFactory
from workshops.models import WorkshopPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def domains(regions):
    """Igła has a website on its own domain; Smak only an e-mail address on free mail."""
    regions["igla"].website = "https://www.igla-poznan.pl/o-nas/"
    regions["igla"].save()
    regions["smak"].email = "smak.lodz@gmail.com"
    regions["smak"].save()
    return regions


def person(*addresses, verified=True):
    """Someone whose verified address is the first, with more addresses after it."""
    user = UserFactory(email=addresses[0])
    for address in addresses[1:]:
        EmailAddress.objects.create(user=user, email=address, verified=verified)
    return user


def claim(client, user, page, message=""):
    client.force_login(user)
    return client.post(f"/organisations/claim/{page.pk}/", {"message": message})


def can_edit(user, page):
    """Asked of a fresh copy of ``user``: Wagtail caches a user's page permissions on it."""
    fresh = type(user).objects.get(pk=user.pk)
    return page.permissions_for_user(fresh).can_edit()


def test_a_verified_address_on_the_profiles_website_domain_approves_the_claim_at_once(
    client, domains
):
    anna = person("anna@igla-poznan.pl")
    response = claim(client, anna, domains["igla"])
    assert response.status_code == 302
    item = Claim.objects.get()
    assert item.status == "approved" and item.evidence_email == "anna@igla-poznan.pl"
    organisation = item.organisation
    assert (organisation.kind, organisation.page_id, organisation.approved) == (
        "cooperative",
        domains["igla"].pk,
        True,
    )
    assert organisation.nip == "7792433421"
    assert organisation.memberships.get().role == "manager"
    assert can_edit(anna, domains["igla"])
    assert not can_edit(anna, domains["smak"])
    assert [message.to for message in mail.outbox] == [["anna@igla-poznan.pl"]]
    client.force_login(anna)
    assert client.get(f"/admin/pages/{domains['igla'].pk}/edit/").status_code == 200


def test_the_domain_of_the_profiles_email_counts_as_well(client, regions):
    workshop = WorkshopPage.objects.get(slug="wtz-testowo")
    workshop.email = "biuro@wtz-testowo.org.pl"
    workshop.save()
    claim(client, person("jan@wtz-testowo.org.pl"), workshop)
    item = Claim.objects.get()
    assert item.status == "approved"
    assert item.organisation.kind == "workshop"


@pytest.mark.parametrize(
    ("addresses", "verified"),
    [
        (("ktos@example.org", "anna@igla-poznan.pl"), False),  # on the domain, not verified
        (("ktos@example.org", "anna@igla-poznan.com"), True),  # another domain
        (("ktos@example.org", "anna@poczta.igla-poznan.pl"), True),  # a subdomain is not it
    ],
)
def test_an_unverified_or_other_domain_address_grants_nothing_and_waits(
    client, domains, addresses, verified
):
    user = person(*addresses, verified=verified)
    claim(client, user, domains["igla"])
    item = Claim.objects.get()
    assert item.pending and item.evidence_email == ""
    assert not Organisation.objects.filter(page=domains["igla"]).exists()
    assert not can_edit(user, domains["igla"])
    assert mail.outbox == []


def test_a_free_mail_address_never_counts_even_on_the_profiles_own_free_mail_domain(
    client, domains
):
    user = person("inny.smak@gmail.com")
    claim(client, user, domains["smak"])
    assert Claim.objects.get().pending
    assert not can_edit(user, domains["smak"])


def test_a_regional_centre_decides_claims_of_its_own_voivodeship_only(client, domains, decide):
    on_igla, on_smak = person("ktos@example.org"), person("ktos@example.net")
    claim(client, on_igla, domains["igla"], "Jestem prezeską.")
    claim(client, on_smak, domains["smak"])
    igla_claim, smak_claim = Claim.objects.order_by("pk")

    assert claims.pending_for(domains["rops_wielkopolskie"]) == [igla_claim]
    assert claims.pending_for(domains["rops_lodzkie"]) == [smak_claim]
    assert claims.pending_for(domains["admin"]) == [igla_claim, smak_claim]
    assert decide(domains["rops_lodzkie"], igla_claim, "approve").status_code == 403
    assert decide(domains["rops_lodzkie"], igla_claim, "refuse", "Nie.").status_code == 403
    igla_claim.refresh_from_db()
    assert igla_claim.pending and not can_edit(on_igla, domains["igla"])

    assert decide(domains["rops_wielkopolskie"], igla_claim, "approve").status_code == 302
    assert can_edit(on_igla, domains["igla"])
    assert not can_edit(on_igla, domains["smak"])
    assert decide(domains["admin"], smak_claim, "approve").status_code == 302
    assert can_edit(on_smak, domains["smak"])


def test_a_refused_claim_grants_nothing_and_the_claimant_reads_why(client, domains, decide):
    user = person("ktos@example.org")
    claim(client, user, domains["igla"])
    item = Claim.objects.get()
    assert decide(domains["rops_wielkopolskie"], item, "refuse", "").status_code == 400
    item.refresh_from_db()
    assert item.pending

    decide(domains["rops_wielkopolskie"], item, "refuse", "Nie pracuje Pani w Igle.")
    item.refresh_from_db()
    assert item.status == "refused"
    assert not Organisation.objects.filter(page=domains["igla"]).exists()
    assert not can_edit(user, domains["igla"])
    assert "Nie pracuje Pani w Igle." in mail.outbox[0].body
    client.force_login(user)
    page = client.get("/organisations/").content.decode()
    assert "Przejęcie profilu organizacji Spółdzielnia Socjalna „Igła”" in page
    assert "Nie pracuje Pani w Igle." in page


def test_a_profile_with_members_is_never_claimed_on_evidence_and_its_managers_decide(
    client, domains, decide
):
    owner = OrganisationFactory(name="Igła", page=domains["igla"])
    manager = MembershipFactory(organisation=owner, role=Membership.Role.MANAGER).user
    plain_member = MembershipFactory(organisation=owner).user
    newcomer = person("nowa@igla-poznan.pl")
    claim(client, newcomer, domains["igla"])
    item = Claim.objects.get()
    assert item.pending and not can_edit(newcomer, domains["igla"])

    assert claims.pending_for(manager) == [item]
    assert claims.pending_for(plain_member) == []
    assert decide(plain_member, item, "approve").status_code == 403
    assert decide(manager, item, "approve").status_code == 302
    membership = owner.memberships.get(user=newcomer)
    assert (membership.status, membership.role) == ("active", "member")
    assert Organisation.objects.filter(page=domains["igla"]).count() == 1
    assert can_edit(newcomer, domains["igla"])


def test_the_manager_of_one_profile_does_not_decide_claims_of_another(client, domains, decide):
    owner = OrganisationFactory(name="Smak", page=domains["smak"])
    manager = MembershipFactory(organisation=owner, role=Membership.Role.MANAGER).user
    claim(client, person("ktos@example.org"), domains["igla"])
    item = Claim.objects.get()
    assert claims.pending_for(manager) == []
    assert decide(manager, item, "approve").status_code == 403


@pytest.mark.parametrize("claimant", ["admin", "rops_wielkopolskie"])
def test_nobody_approves_their_own_claim(client, domains, decide, claimant):
    user = domains[claimant]
    claim(client, user, domains["igla"])
    item = Claim.objects.get()
    assert item.pending
    assert item not in claims.pending_for(user)
    assert decide(user, item, "approve").status_code == 403
    item.refresh_from_db()
    assert item.pending
    assert not Membership.objects.filter(user=user, organisation__page=domains["igla"]).exists()


def test_a_second_claim_of_the_same_profile_while_the_first_waits_is_refused(client, domains):
    user = person("ktos@example.org")
    claim(client, user, domains["igla"])
    response = claim(client, user, domains["igla"])
    assert response.status_code == 400
    assert "Ten profil już przejmujesz" in response.content.decode()
    assert Claim.objects.count() == 1


def test_a_person_waits_for_three_claims_at_most(client, domains):
    user = person("ktos@example.org")
    workshop = WorkshopPage.objects.get(slug="wtz-testowo")
    partner = PartnerPage.objects.get(slug="firma-testowa")
    for page in (domains["igla"], domains["smak"], workshop):
        assert claim(client, user, page).status_code == 302
    response = claim(client, user, partner)
    assert response.status_code == 400
    assert "Masz już 3 zgłoszenia przejęcia czekające na decyzję" in response.content.decode()
    assert Claim.objects.filter(claimant=user).count() == 3


def test_a_member_of_the_profiles_organisation_cannot_claim_it_again(client, domains):
    owner = OrganisationFactory(name="Igła", page=domains["igla"])
    member = MembershipFactory(organisation=owner).user
    response = claim(client, member, domains["igla"])
    assert response.status_code == 400
    assert not Claim.objects.exists()


def test_only_listed_profiles_can_be_claimed(client, domains):
    user = person("ktos@example.org")
    client.force_login(user)
    domains["igla"].unpublish()
    assert client.get(f"/organisations/claim/{domains['igla'].pk}/").status_code == 404
    home = domains["igla"].get_parent().get_parent()
    assert client.post(f"/organisations/claim/{home.pk}/").status_code == 404
    assert not Claim.objects.exists()


def test_a_signed_out_visitor_is_sent_to_log_in(client, domains):
    response = client.get(f"/organisations/claim/{domains['igla'].pk}/")
    assert response.status_code == 302 and "/accounts/login/" in response.url


def test_the_claim_page_says_whether_the_claim_will_be_approved_at_once(client, domains):
    client.force_login(person("anna@igla-poznan.pl"))
    html = client.get(f"/organisations/claim/{domains['igla'].pk}/").content.decode()
    assert "anna@igla-poznan.pl jest w domenie profilu" in html
    client.force_login(person("ktos@example.org"))
    html = client.get(f"/en/organisations/claim/{domains['igla'].pk}/").content.decode()
    assert "on the profile's own domain (igla-poznan.pl)" in html


@pytest.mark.parametrize(
    ("path", "kind"),
    [("/spoldzielnie/ss-igla/", "igla"), ("/warsztaty/wtz-testowo/", "workshop")],
)
def test_cooperative_and_workshop_pages_offer_the_claim(client, domains, path, kind):
    page = domains["igla"] if kind == "igla" else WorkshopPage.objects.get(slug="wtz-testowo")
    html = client.get(path).content.decode()
    assert f'href="/organisations/claim/{page.pk}/"' in html


def test_the_search_finds_unclaimed_listed_profiles_by_name_or_town(client, domains, decide):
    user = person("ktos@example.org")
    client.force_login(user)
    found = client.get("/organisations/claim/", {"q": "lodz"}).context["results"]
    assert [page.slug for page in found] == ["ss-smak"]  # "lodz" finds Łódź
    found = client.get("/organisations/claim/", {"q": "spółdzielnia"}).context["results"]
    assert [page.slug for page in found] == ["ss-igla", "ss-smak"]

    claim(client, person("anna@igla-poznan.pl"), domains["igla"])  # approved at once
    client.force_login(user)
    found = client.get("/organisations/claim/", {"q": "spółdzielnia"}).context["results"]
    assert [page.slug for page in found] == ["ss-smak"]
    assert client.get("/organisations/claim/", {"q": "Igła"}).context["results"] == []
