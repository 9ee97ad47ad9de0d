"""The company journey: post a need, see explained matches, shortlist, ask; the reply."""

import pytest
from django.core import mail

from cms.models import Organisation
from cooperatives.models import CooperativePage
from partners.models import Inquiry, Need, Shortlist
from tests.cms.factories import OrganisationFactory, member_of


def post_need(client, **extra):
    data = {
        "title": "Szycie fartuchów roboczych",
        "quantity": "2000 szt.",
        "town": "Poznań",
        **extra,
    }
    return client.post("/needs/new/", data)


def test_company_posts_a_need_and_sees_explained_matches(client, people):
    client.force_login(people["company"])
    response = post_need(client)
    need = Need.objects.get(title="Szycie fartuchów roboczych")
    assert response.status_code == 302 and response["Location"] == f"/needs/{need.slug}/"
    assert (need.city, round(need.latitude, 1)) == ("Poznań", 52.4)
    html = client.get(response["Location"]).content.decode()
    matches = html.split('id="matches-heading"')[1]
    assert "Spółdzielnia Socjalna „Igła”" in matches
    assert "szycie, krawiectwo" in matches and "fartuch" in matches
    assert "km od miejscowości Poznań" in matches


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"title": ""}, "To pole jest wymagane."),
        ({"town": "Xyzzy"}, "Nie znamy tej miejscowości"),
        ({"town": "", "latitude": "52.4"}, "Podaj obie współrzędne"),
        ({"town": ""}, "Podaj, gdzie"),
        ({"deadline": "2020-01-01"}, "Termin już minął."),
    ],
)
def test_need_form_says_what_is_wrong(client, people, data, message):
    client.force_login(people["company"])
    before = Need.objects.count()
    response = post_need(client, **data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Need.objects.count() == before


def test_shortlist_and_inquiry_reach_the_cooperative_by_email(client, people):
    client.force_login(people["company"])
    post_need(client)
    need = Need.objects.get(title="Szycie fartuchów roboczych")
    igla = people["igla"]
    client.post(f"/needs/{need.slug}/shortlist/{igla.pk}/")
    assert Shortlist.objects.filter(need=need, cooperative=igla).exists()
    with_callbacks = client.post(
        f"/needs/{need.slug}/inquire/{igla.pk}/", {"message": "Czy zdążycie do marca?"}
    )
    assert with_callbacks.status_code == 302
    inquiry = Inquiry.objects.get()
    assert inquiry.status == Inquiry.Status.NEW


def test_cooperative_sees_replies_and_sets_the_status(
    client, people, django_capture_on_commit_callbacks
):
    client.force_login(people["company"])
    post_need(client)
    need = Need.objects.get(title="Szycie fartuchów roboczych")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/needs/{need.slug}/inquire/{people['igla'].pk}/", {"message": "Czy zdążycie?"}
        )
    assert people["coop"].email in mail.outbox[-1].to
    inquiry = Inquiry.objects.get()
    client.force_login(people["coop"])
    assert "Szycie fartuchów roboczych" in client.get("/inquiries/").content.decode()
    client.post(
        f"/inquiries/{inquiry.pk}/", {"message": "Tak, do końca lutego.", "status": "in_talks"}
    )
    inquiry.refresh_from_db()
    assert inquiry.status == Inquiry.Status.IN_TALKS
    client.force_login(people["company"])
    html = client.get(f"/inquiries/{inquiry.pk}/").content.decode()
    assert "Tak, do końca lutego." in html and "w trakcie rozmów" in html
    client.post(f"/inquiries/{inquiry.pk}/", {"status": "agreed"})
    inquiry.refresh_from_db()
    assert inquiry.status == Inquiry.Status.IN_TALKS  # only the cooperative sets it


def test_other_people_cannot_see_or_touch_a_need_or_inquiry(client, people):
    client.force_login(people["company"])
    post_need(client)
    need = Need.objects.get(title="Szycie fartuchów roboczych")
    client.post(f"/needs/{need.slug}/inquire/{people['igla'].pk}/", {"message": "Pytanie"})
    inquiry = Inquiry.objects.get()
    other_company = OrganisationFactory(name="Inna", kind=Organisation.Kind.COMPANY, page=None)
    stranger = member_of(other_company)
    client.force_login(stranger)
    assert client.get(f"/needs/{need.slug}/").status_code == 403
    assert client.get(f"/inquiries/{inquiry.pk}/").status_code == 403
    assert client.get("/needs/new/").status_code == 403
    client.force_login(people["coop"])
    assert client.get("/needs/new/").status_code == 403


def test_cooperative_sees_open_needs_that_fit_its_work(client, people):
    client.force_login(people["company"])
    post_need(client)
    client.force_login(people["coop"])
    html = client.get("/needs/fitting/").content.decode()
    assert "Szycie fartuchów roboczych" in html


def test_need_without_matches_shows_what_dropping_the_certificate_would_find(client, people):
    from cooperatives.models import Certification

    client.force_login(people["company"])
    haccp = Certification.objects.get(code="haccp")
    response = post_need(client, required_certifications=[haccp.pk])
    html = client.get(response["Location"]).content.decode()
    assert "Żadna spółdzielnia nie spełnia jeszcze wszystkich warunków" in html
    assert "Spółdzielnie, które mogą to zrobić" not in html  # no "here they are" before "none"
    relaxed = html.split('id="relaxed-certifications"')[1]
    assert "Bez wymogu certyfikatu" in relaxed
    igla = CooperativePage.objects.get(slug="ss-igla")
    # A suggestion is a card like any match: its page, and a way to shortlist it.
    assert f'href="{igla.url}"' in relaxed
    assert f'action="/needs/{response["Location"].split("/")[-2]}/shortlist/{igla.pk}/"' in relaxed


def test_a_certificate_named_only_in_the_words_is_relaxed_too(client, people):
    client.force_login(people["company"])
    # Saved as written, without ticking the certificate the form offers to tick.
    response = post_need(client, description="Fartuchy, wykonawca musi mieć HACCP.", confirmed="1")
    html = client.get(response["Location"]).content.decode()
    assert "Żadna spółdzielnia nie spełnia jeszcze wszystkich warunków" in html
    relaxed = html.split('id="relaxed-certifications"')[1]
    assert "Spółdzielnia Socjalna „Igła”" in relaxed


@pytest.mark.parametrize(
    ("data", "city"),
    [
        ({"town": "62-200 Gniezno"}, "Gniezno"),
        ({"town": "61-001"}, "Poznań"),
        # (confirmed: the amount in these words is offered for confirming first)
        (
            {
                "title": "Szycie fartuchów roboczych, 2000 szt., Poznań",
                "town": "",
                "confirmed": "1",
            },
            "Poznań",
        ),
        ({"town": "", "latitude": "52.53", "longitude": "17.58"}, ""),
    ],
)
def test_need_place_from_a_town_a_postcode_its_own_words_or_a_map_point(client, people, data, city):
    client.force_login(people["company"])
    response = post_need(client, **data)
    assert response.status_code == 302
    need = Need.objects.get(slug=response["Location"].strip("/").split("/")[-1])
    assert need.city == city and need.latitude is not None


def test_a_need_is_counted_in_the_voivodeship_of_its_place_not_its_companys(client, people):
    """The company is in Mazowsze; its need in Suwałki counts in Podlasie."""
    from cms.dashboard.figures import need_region, regional_figures
    from cms.models import Voivodeship

    client.force_login(people["company"])
    post_need(client, title="Sprzątanie hali w Suwałkach", town="Suwałki")
    need = Need.objects.get(title="Sprzątanie hali w Suwałkach")
    podlaskie = Voivodeship.objects.get(teryt="20")
    assert need.voivodeship == podlaskie
    assert need.partner.voivodeship.teryt == "14"
    assert need_region(need)[0] == podlaskie.pk
    assert regional_figures(podlaskie).total.open_needs == 1
