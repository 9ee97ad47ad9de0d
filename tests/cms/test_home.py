"""The home page: explained matches for anyone from its box, the words kept through signing up
into the new-need form, the directory's live numbers, and English without Polish text."""

import re

import pytest
from django.core import mail
from wagtail.models import PageViewRestriction

from cms.models import Organisation
from cms.site_setup import HOME_INTRO
from cooperatives.models import Capability, CooperativePage
from partners.models import PartnerPage, Partnership
from search.sync import enqueue, flush
from tests.cms.factories import PASSWORD, OrganisationFactory, member_of
from tests.cooperatives.factories import CooperativePageFactory
from tests.partners.factories import PartnerPageFactory, sewing_cooperative
from tests.workshops.factories import WorkshopPageFactory

pytestmark = pytest.mark.django_db

TYPED = "Szycie 2000 fartuchów roboczych do marca"


def result_names(html: str) -> list[str]:
    results = html.split('class="find-results"')[1].split("</section>")[0]
    return re.findall(r"<h3><a [^>]*>(.*?)</a></h3>", results)


@pytest.fixture
def sewing_market(indexed_directory):
    """Igła in Poznań (small directory), two more sewing cooperatives around Poznań and a
    caterer beside them, all indexed: a wrong match or a wrong place shows."""
    sewing_cooperative("ss-nitka", "Spółdzielnia Socjalna „Nitka”", 52.45, 16.95)
    sewing_cooperative("ss-szew", "Spółdzielnia Socjalna „Szew”", 52.30, 16.80)
    CooperativePageFactory(
        title="Spółdzielnia Socjalna „Garnek”",
        slug="ss-garnek",
        latitude=52.41,
        longitude=16.93,
        city="Poznań",
        capabilities=[Capability.objects.get(code="catering")],
    )
    for page_id in CooperativePage.objects.values_list("pk", flat=True):
        enqueue("cooperative", page_id)
    flush()


def test_anyone_sees_explained_matches_for_what_they_type_in_the_home_box(client, sewing_market):
    home = client.get("/").content.decode()
    assert 'action="/find/"' in home and 'name="q"' in home and 'name="town"' in home

    response = client.get("/find/", {"q": TYPED, "town": "Poznan"})

    html = response.content.decode()
    assert response.status_code == 200
    assert sorted(result_names(html)) == [
        "Spółdzielnia Socjalna „Igła”",
        "Spółdzielnia Socjalna „Nitka”",
        "Spółdzielnia Socjalna „Szew”",
    ]
    cards = html.split('class="find-results"')[1].split('<li class="card">')[1:]
    assert cards
    for card in cards:
        assert "Dlaczego" in card and "szycie" in card
        assert re.search(r"(około \d+|mniej niż 1) km od miejscowości Poznań", card), card
    # Asking costs no account: the way on is to save it, which keeps the words.
    assert 'action="/find/save/"' in html and f'name="q" value="{TYPED}"' in html


def test_the_home_box_says_what_is_wrong_and_keeps_the_words(client, sewing_market):
    response = client.get("/find/", {"q": TYPED, "town": "Xyzzyvo"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Nie znamy miejscowości" in html and "Xyzzyvo" in html
    assert "Popraw, proszę, to, co jest tu wymienione" in html  # the summary, linking the field
    assert 'href="#id_town"' in html
    assert TYPED in html
    assert client.get("/find/", {"q": "  "}).status_code == 400


def test_the_home_box_says_plainly_when_matching_is_unavailable(client, elasticsearch_down):
    response = client.get("/find/", {"q": TYPED})
    assert response.status_code == 503
    assert "Dopasowywanie jest chwilowo niedostępne" in response.content.decode()


def test_what_a_visitor_typed_survives_sign_up_into_the_new_need_form(client, small_directory):
    saved = client.post("/find/save/", {"q": TYPED, "town": "Gniezno"})
    assert saved.status_code == 302
    assert saved["Location"] == "/accounts/signup/?next=/find/save/"

    email = "nowa.firma@example.org"
    signed_up = client.post(
        "/accounts/signup/?next=/find/save/",
        {"email": email, "password1": PASSWORD, "password2": PASSWORD},
    )
    assert signed_up.status_code == 302
    link = re.search(r"https?://\S+(/accounts/confirm-email/\S+)", mail.outbox[-1].body).group(1)
    client.post(link)
    assert "_auth_user_id" not in client.session  # confirming does not sign in
    client.post("/accounts/login/?next=/find/save/", {"login": email, "password": PASSWORD})
    # No company yet: a need needs one, so the person is sent to register theirs.
    going_on = client.get("/find/save/")
    assert going_on["Location"] == "/organisations/register/"

    person = client.session["_auth_user_id"]
    company = PartnerPage.objects.get(slug="firma-testowa")
    organisation = OrganisationFactory(kind=Organisation.Kind.COMPANY, page=company)
    organisation.memberships.create(user_id=person, status="active")
    assert client.get("/find/save/")["Location"] == "/needs/new/"

    form = client.get("/needs/new/").content.decode()
    assert re.search(rf'name="title" value="{TYPED}"', form)
    assert 'name="town" value="Gniezno"' in form
    # Filled in once: a later new need starts empty.
    assert TYPED not in client.get("/needs/new/").content.decode()


def test_a_company_member_goes_straight_to_the_filled_form_and_logging_out_forgets_it(
    client, small_directory
):
    """On a shared computer, the next person never finds someone else's words."""
    company = PartnerPage.objects.get(slug="firma-testowa")
    boss = member_of(OrganisationFactory(kind=Organisation.Kind.COMPANY, page=company))
    client.force_login(boss)
    assert client.post("/find/save/", {"q": TYPED, "town": ""})["Location"] == "/needs/new/"
    assert client.session["pending_need_text"] == TYPED
    client.logout()
    client.force_login(boss)
    assert TYPED not in client.get("/needs/new/").content.decode()


def home_numbers(html: str) -> list[int]:
    numbers = html.split('<ul class="numbers">')[1].split("</ul>")[0]
    return [int(n) for n in re.findall(r"<strong>(\d+)</strong>", numbers)]


def test_the_home_numbers_equal_independent_counts(client, small_directory):
    # Small directory: 2 cooperatives, 1 workshop, 1 active partnership with 5 jobs.
    kamyk = CooperativePageFactory(title="Spółdzielnia Socjalna „Kamyk”")
    CooperativePageFactory(title="Szkic spółdzielni", live=False)
    hidden = CooperativePageFactory(title="Spółdzielnia za hasłem")
    PageViewRestriction.objects.create(page=hidden, restriction_type="password", password="x")
    WorkshopPageFactory(title="WTZ w Kórniku")
    WorkshopPageFactory(title="Szkic warsztatu", live=False)
    listed_company = PartnerPage.objects.get(slug="firma-testowa")
    draft_company = PartnerPageFactory(title="Firma w szkicu", live=False)
    for slug, cooperative, partner, status, jobs in [
        ("kamyk-zakonczone", kamyk, listed_company, "ended", 3),
        ("kamyk-planowane", kamyk, listed_company, "planned", 7),  # not begun: not counted
        ("kamyk-bez-miejsc", kamyk, listed_company, "active", None),
        ("kamyk-szkic", kamyk, draft_company, "active", 11),  # company not listed
        ("ukryte", hidden, listed_company, "active", 13),  # cooperative not listed
    ]:
        Partnership.objects.create(
            slug=slug, cooperative=cooperative, partner=partner, status=status, jobs_created=jobs
        )

    expected = [
        CooperativePage.objects.live().public().count(),
        2,  # workshops: the small directory's and Kórnik
        3,  # partnerships begun and public: igla-firma, kamyk-zakonczone, kamyk-bez-miejsc
        5 + 3,
    ]
    assert expected[0] == 3
    assert home_numbers(client.get("/").content.decode()) == expected

    # Kept until the directory changes, and counted again at once when it does.
    CooperativePageFactory(title="Spółdzielnia Socjalna „Nowa”")
    assert home_numbers(client.get("/").content.decode())[0] == 4


def test_the_latest_partnerships_link_to_their_pages(client, small_directory):
    html = client.get("/").content.decode()
    latest = html.split('id="latest-heading"')[1].split("</section>")[0]
    assert 'href="/partnerships/igla-firma/"' in latest
    assert client.get("/partnerships/igla-firma/").status_code == 200


def test_workshops_and_cooperatives_have_their_own_way_in(client):
    html = client.get("/").content.decode()
    assert 'href="/organisations/register/"' in html
    assert 'href="/organisations/claim/"' in html


def test_the_home_page_map_has_a_way_in_without_javascript(client):
    html = client.get("/").content.decode()
    assert 'href="/map/"' in html.split('id="home-map-heading"')[1]
    assert "/api/v1/map.geojson?kind=cooperative" in html


def intro(html: str) -> str:
    return html.split("<h1>")[1].split('<section class="home-find"')[0]


def test_the_english_home_page_has_no_polish_intro(client):
    polish, english = client.get("/").content.decode(), client.get("/en/").content.decode()
    assert "Kooperacja łączy firmy" in intro(polish)
    assert "Kooperacja łączy firmy" not in english
    assert HOME_INTRO not in english
    assert "Kooperacja connects companies with social cooperatives" in intro(english)
    assert "Describe what you need" in english and "Opisz, czego potrzebujesz" not in english


E_MAIL = (
    "Dzień dobry, jesteśmy firmą z Gniezna i szukamy wykonawcy, który uszyje 3000 bawełnianych "
    "toreb z nadrukiem naszego logo. Zależy nam na spółdzielni z Wielkopolski, a towar "
    "potrzebujemy w ciągu sześciu tygodni. Prosimy o ofertę z ceną jednostkową i terminem."
)


def test_a_whole_e_mail_fits_the_box_and_is_kept_whole_in_the_need_form(client, indexed_directory):
    assert len(E_MAIL) > 200  # longer than a need's title
    assert client.get("/find/", {"q": E_MAIL}).status_code == 200
    company = PartnerPage.objects.get(slug="firma-testowa")
    boss = member_of(OrganisationFactory(kind=Organisation.Kind.COMPANY, page=company))
    client.force_login(boss)
    client.post("/find/save/", {"q": E_MAIL, "town": ""})
    form = client.get("/needs/new/").content.decode()
    title = re.search(r'name="title" value="([^"]*)"', form).group(1)
    assert E_MAIL.startswith(title.removesuffix("…")) and len(title) <= 121
    description = re.search(r'name="description"[^>]*>([^<]*)</textarea>', form).group(1)
    assert description.strip() == E_MAIL


def test_the_box_refuses_more_than_a_thousand_characters_and_says_so(client, small_directory):
    response = client.get("/find/", {"q": "szycie " * 150})
    assert response.status_code == 400
    assert "1000" in response.content.decode()
