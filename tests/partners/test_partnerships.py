"""Partnerships: public pages and list, and who may record or change them."""

import pytest

from cms.models import Organisation, Voivodeship
from cooperatives.models import CooperativePage
from partners.models import PartnerPage, Partnership
from tests.cms.factories import OrganisationFactory, UserFactory, member_of
from workshops.models import WorkshopPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def parties(small_directory):
    return {
        "igla": CooperativePage.objects.get(slug="ss-igla"),
        "smak": CooperativePage.objects.get(slug="ss-smak"),
        "firma": PartnerPage.objects.get(slug="firma-testowa"),
        "wtz": WorkshopPage.objects.get(slug="wtz-testowo"),
    }


def form_data(parties, **changes):
    data = {
        "cooperative": parties["smak"].pk,
        "partner": parties["firma"].pk,
        "status": "planned",
        "started": "2026-01-15",
        "jobs_created": "3",
        "work": "Obiady dla pracowników",
        "capabilities": [],
        "workshops": [],
        "local_government": "",
    }
    data.update(changes)
    return data


def test_partnership_page_shows_the_parties_and_the_facts(client, parties):
    response = client.get("/partnerships/igla-firma/")
    assert response.status_code == 200
    body = response.content.decode()
    assert parties["igla"].title in body
    assert parties["firma"].title in body
    assert parties["igla"].url in body
    assert "/edit/" not in body  # anonymous visitors may not change it


def test_partnership_with_an_unpublished_party_is_not_public(client, parties):
    parties["firma"].unpublish()
    assert client.get("/partnerships/igla-firma/").status_code == 404
    assert "igla-firma" not in client.get("/partnerships/").content.decode()
    # Nor is it listed on the cooperative's own page.
    assert "/partnerships/igla-firma/" not in client.get(parties["igla"].url).content.decode()


def test_profile_pages_list_their_partnerships(client, parties):
    for page in (parties["igla"], parties["firma"]):
        assert "/partnerships/igla-firma/" in client.get(page.url).content.decode()
    assert "/partnerships/igla-firma/" not in client.get(parties["smak"].url).content.decode()


def test_list_filters_by_status_voivodeship_and_kind_of_work(client, parties):
    def slugs(**params):
        response = client.get("/partnerships/", params)
        assert response.status_code == 200
        return response.context["page_obj"].paginator.count

    assert slugs() == 1
    assert slugs(status="active", voivodeship="30", capability="sewing") == 1
    assert slugs(status="ended") == 0
    assert slugs(voivodeship="10") == 0
    assert slugs(capability="catering") == 0


def test_list_refuses_an_unknown_filter_value(client, parties):
    response = client.get("/partnerships/", {"status": "forever"})
    assert response.status_code == 400
    assert response.context["form"].errors["status"]


def test_cooperative_member_records_a_partnership_of_their_cooperative(client, parties):
    user = member_of(OrganisationFactory(page=parties["smak"]))
    client.force_login(user)
    response = client.post("/partnerships/new/", form_data(parties))
    partnership = Partnership.objects.get(cooperative=parties["smak"])
    assert response.status_code == 302
    assert response["Location"] == f"/partnerships/{partnership.slug}/"
    assert partnership.slug == "ss-smak-firma-testowa"
    assert (partnership.status, partnership.jobs_created) == ("planned", 3)


def test_the_form_starts_from_the_members_own_cooperative(client, parties):
    client.force_login(member_of(OrganisationFactory(page=parties["smak"])))
    form = client.get("/partnerships/new/").context["form"]
    assert form["cooperative"].value() == parties["smak"].pk
    assert form["partner"].value() is None


def test_nobody_records_a_partnership_of_organisations_they_are_not_part_of(client, parties):
    user = member_of(OrganisationFactory(page=parties["igla"]))
    client.force_login(user)
    response = client.post("/partnerships/new/", form_data(parties))
    assert response.status_code == 400
    assert response.context["form"].non_field_errors()
    assert not Partnership.objects.filter(cooperative=parties["smak"]).exists()


def test_people_without_an_organisation_may_not_open_the_form(client, parties):
    client.force_login(UserFactory())
    assert client.get("/partnerships/new/").status_code == 403
    assert client.get("/partnerships/igla-firma/edit/").status_code == 403
    client.logout()
    assert client.get("/partnerships/new/").status_code == 302  # to the login page


@pytest.mark.parametrize("party", ["igla", "firma", "wtz"])
def test_each_party_may_change_the_partnership(client, parties, party):
    kind = {"igla": "cooperative", "firma": "company", "wtz": "workshop"}[party]
    partnership = Partnership.objects.get(slug="igla-firma")
    partnership.workshops.add(parties["wtz"])
    client.force_login(member_of(OrganisationFactory(kind=kind, page=parties[party])))
    data = form_data(
        parties,
        cooperative=parties["igla"].pk,
        status="ended",
        workshops=[parties["wtz"].pk],
    )
    response = client.post("/partnerships/igla-firma/edit/", data)
    assert response.status_code == 302
    partnership.refresh_from_db()
    assert partnership.status == "ended"


def test_regional_centre_changes_partnerships_of_its_voivodeship_only(client, parties):
    wielkopolska = Voivodeship.objects.get(teryt="30")
    lodzkie = Voivodeship.objects.get(teryt="10")
    centre = OrganisationFactory(kind=Organisation.Kind.REGIONAL_CENTRE, voivodeship=wielkopolska)
    client.force_login(member_of(centre))
    assert client.get("/partnerships/igla-firma/edit/").status_code == 200
    # Smak is in łódzkie: another centre's region.
    response = client.post("/partnerships/new/", form_data(parties))
    assert response.status_code == 400
    other = OrganisationFactory(kind=Organisation.Kind.REGIONAL_CENTRE, voivodeship=lodzkie)
    client.force_login(member_of(other))
    assert client.get("/partnerships/igla-firma/edit/").status_code == 403
    assert client.post("/partnerships/new/", form_data(parties)).status_code == 302


def test_form_explains_impossible_dates_and_numbers(client, parties):
    client.force_login(member_of(OrganisationFactory(page=parties["smak"])))
    response = client.post(
        "/partnerships/new/",
        form_data(parties, status="active", started="2999-01-01", jobs_created="100000"),
    )
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert set(errors) >= {"started", "jobs_created"}
    assert not Partnership.objects.filter(cooperative=parties["smak"]).exists()


def test_a_card_says_since_when_in_the_polish_case_and_in_english(client, parties):
    """'od maja 2025', not 'od Maj 2025' (the month in the genitive, as Polish needs)."""
    html = client.get("/partnerships/").content.decode()
    assert "od maja 2025" in html
    assert "since May 2025" in client.get("/en/partnerships/").content.decode()
