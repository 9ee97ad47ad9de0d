"""Work no kind of work here covers (car repair, chimney sweeping, building installations):
a request for it alone finds nobody, on every page and in the API, and says so; asked
beside work a cooperative does, the rest is matched and the page says which part nobody
does.

The carrier below writes "samochody dostawcze" in its profile, so the words of
"naprawa samochodów dostawczych" alone would find it: the data gives a different
answer when the rule is missing.
"""

import re

import pytest

from cms.models import Organisation
from cooperatives.models import Capability, CooperativePage
from search.models import IndexTask
from search.query import MatchRequest, match, needs_without_match
from search.sync import enqueue, flush
from tests.cms.factories import OrganisationFactory, member_of
from tests.cooperatives.factories import CooperativePageFactory
from tests.partners.factories import NeedFactory, PartnerPageFactory

pytestmark = pytest.mark.django_db

CAR_REPAIR = "naprawa samochodów dostawczych"
CLEANING_AND_AIR_CONDITIONING = "sprzątanie biura i montaż klimatyzacji"


@pytest.fixture
def trades(search_index):
    rows = [
        ("Furgonetka", "transport_delivery", "Przewóz paczek i mebli samochodami dostawczymi."),
        ("Czysty Kąt", "cleaning", "Sprzątanie biur i klatek schodowych, mycie okien."),
        ("Złota Rączka", "light_assembly", "Montaż i konfekcjonowanie drobnych elementów."),
    ]
    for title, code, description in rows:
        CooperativePageFactory(
            title=title,
            capabilities=[Capability.objects.get(code=code)],
            description=description,
            latitude=52.41,
            longitude=16.93,
            city="Poznań",
        )
    IndexTask.objects.all().delete()
    for page_id in CooperativePage.objects.values_list("pk", flat=True):
        enqueue("cooperative", page_id)
    flush()


def names(result) -> list[str]:
    return [item.name for item in result.results]


def card_titles(response) -> list[str]:
    return re.findall(r"<h3>(?:<a [^>]*>)?([^<]+)", response.content.decode())


def test_the_words_alone_would_find_the_carrier(trades):
    assert "Furgonetka" in names(match(MatchRequest(text="samochody dostawcze")))


def test_work_nobody_does_finds_nobody_and_is_named(trades):
    result = match(MatchRequest(text=CAR_REPAIR))
    assert (result.results, result.capabilities, result.outside) == ([], [], ["vehicle_repair"])


def test_beside_work_a_cooperative_does_the_rest_is_matched(trades):
    result = match(MatchRequest(text=CLEANING_AND_AIR_CONDITIONING))
    assert result.capabilities == ["cleaning"]
    assert names(result)[0] == "Czysty Kąt"
    assert result.outside == ["building_installations"]


def test_the_api_returns_nothing_and_names_the_work(client, trades):
    body = client.get("/api/v1/match", {"q": CAR_REPAIR}).json()
    assert (body["results"], body["outside_work"]) == ([], ["vehicle_repair"])
    found = client.get("/api/v1/match", {"q": "sprzątanie biura"}).json()
    assert found.get("outside_work") is None and found["results"]


def test_the_home_box_says_nobody_does_it_in_either_language(client, trades):
    polish = client.get("/find/", {"q": CAR_REPAIR}).content.decode()
    assert "Żadna spółdzielnia w katalogu nie wykonuje tej pracy: naprawa pojazdów." in polish
    assert "O tę pracę warto zapytać firmę z tej branży." in polish
    assert "Furgonetka" not in polish
    english = client.get("/en/find/", {"q": CAR_REPAIR}).content.decode()
    assert "No cooperative in the directory does this work: vehicle repair." in english


def test_the_home_box_matches_the_rest_and_says_which_part_nobody_does(client, trades):
    response = client.get("/find/", {"q": CLEANING_AND_AIR_CONDITIONING})
    html = response.content.decode()
    assert "nie wykonuje tej pracy: montaż instalacji w budynkach" in html
    assert "Spółdzielnie poniżej odpowiadają na pozostałą część zapytania." in html
    assert card_titles(response)[0] == "Czysty Kąt"


def test_the_search_page_and_the_listing_agree_with_the_matcher(client, trades):
    search = client.get("/search/", {"q": CAR_REPAIR})
    assert "nie wykonuje tej pracy: naprawa pojazdów" in search.content.decode()
    assert card_titles(search) == []
    listing = client.get("/spoldzielnie/", {"q": CAR_REPAIR}).content.decode()
    assert "Furgonetka" not in listing
    # The same listing finds the carrier by its own work.
    assert "Furgonetka" in client.get("/spoldzielnie/", {"q": "przewóz paczek"}).content.decode()


def test_a_saved_need_for_it_says_so_and_counts_as_without_a_match(client, trades):
    company = PartnerPageFactory(title="Flota Sp. z o.o.", slug="flota")
    boss = member_of(OrganisationFactory(kind=Organisation.Kind.COMPANY, page=company))
    need = NeedFactory(
        partner=company,
        title="Naprawa samochodów dostawczych",
        description="Mamy sześć aut w Poznaniu.",
        quantity="",
    )
    sewing = NeedFactory(partner=company, title="Przewóz mebli", description="", quantity="")
    client.force_login(boss)
    html = client.get(f"/needs/{need.slug}/").content.decode()
    assert "nie wykonuje tej pracy: naprawa pojazdów" in html
    assert "Furgonetka" not in html
    assert needs_without_match([need, sewing]) == {need.pk}


# The cleaning is the request's setting; the clause that asks names only a translator.
SETTING_AND_TRANSLATOR = (
    "Dom kultury w Poznaniu: sprzątanie biur i klatek schodowych robi u nas gmina. "
    "Szukamy tłumacza, który przełoży regulamin na niemiecki."
)


def test_work_nobody_does_asked_for_finds_nobody_whatever_the_setting_names(trades):
    result = match(MatchRequest(text=SETTING_AND_TRANSLATOR))
    assert (result.results, result.capabilities, result.outside) == ([], [], ["translation"])


@pytest.mark.parametrize(
    "text",
    [
        # the clause that asks names the cleaning too
        "Dom kultury w Poznaniu szuka firmy do sprzątania biur i klatek schodowych oraz "
        "tłumacza, który przełoży regulamin na niemiecki.",
        # the translator is asked for besides the rest ("też")
        "Dom kultury w Poznaniu: sprzątanie biur i klatek schodowych. Potrzebujemy też "
        "tłumacza regulaminu.",
    ],
)
def test_work_a_cooperative_does_asked_beside_it_is_still_matched(trades, text):
    result = match(MatchRequest(text=text))
    assert (result.capabilities, result.outside) == (["cleaning"], ["translation"])
    assert names(result)[0] == "Czysty Kąt"


@pytest.mark.parametrize(
    ("text", "outside"),
    [
        ("Szkoła prowadzi stołówkę na 260 obiadów i szuka dietetyka.", ["dietetics"]),
        ("Szukamy mobilnego planetarium na dzień z astronomią.", ["astronomy_shows"]),
        ("Potrzebujemy 35 m³ drewna kominkowego z dowozem.", ["firewood"]),
        ("Szukamy kogoś, kto napisze wniosek o dofinansowanie.", ["grant_writing"]),
        ("Na piknik szukamy karykaturzysty.", ["caricatures"]),
        # rounds 47-50: each found a carrier, a packer or a carpenter
        ("Beton towarowy C25/30 z pompą do betonu, 38 m³.", ["ready_mix_concrete"]),
        ("Winnica szuka warsztatu bednarskiego: 10 nowych beczek.", ["cooperage"]),
        ("Wspólnota szuka mediatora do sporu mieszkańców.", ["mediation"]),
        ("Na Dzień Dziecka szukamy iluzjonisty z pokazem magii.", ["kids_entertainment"]),
        ("Karczma szuka browaru, który uwarzy piwo pod naszą marką.", ["contract_brewing"]),
        # rounds 53-58: their scope words read assembly, renovation or digitisation
        ("Salon szuka podwykonawcy do montażu haków holowniczych w autach.", ["towbar_fitting"]),
        ("Gmina szuka serwisu fontanny: uruchomienie, montaż pomp i dysz.", ["fountain_service"]),
        ("Na wyjazd na stok szukamy instruktora narciarstwa dla 40 osób.", ["ski_instruction"]),
        (
            "Dom opieki szuka apteki, która przygotuje leki w dawkach jednostkowych. "
            "Potrzebujemy też przeglądu lekowego raz na kwartał.",
            ["pharmacy"],
        ),
        # rounds 59 and 61
        ("Szukamy firmy do opróżniania parkomatów i konwojowania gotówki.", ["cash_handling"]),
        ("Marka odzieżowa szuka 2 modelek do sesji lookbooka.", ["modelling"]),
        # round 63
        ("Warsztat szuka partnera do regeneracji turbosprężarek.", ["vehicle_repair"]),
        ("Akademik zamawia ekspertyzę mykologiczno-budowlaną więźby.", ["building_inspection"]),
        # rounds 65 and 66: the washing of the dead is no cleaner's, the urn no potter's
        (
            "Dom pogrzebowy szuka współpracy przy przygotowaniu zmarłych: tanatopraksja, "
            "mycie i ubieranie ciała.",
            ["funeral_services"],
        ),
        (
            "Lecznica szuka partnera do kremacji zwierząt, zwrot prochów w urnie. Urny "
            "ceramiczne mamy od innego dostawcy.",
            ["funeral_services"],
        ),
        # rounds 67 and 68: the panes are washed first, the nursery's trees are green
        (
            "Flota 12 aut: chcemy przyciemnić tylne szyby folią, szyby trzeba przed "
            "oklejeniem dokładnie umyć.",
            ["window_tinting"],
        ),
        (
            "Szkółka drzew owocowych szuka ludzi do okulizacji podkładek jabłoni: cięcie "
            "zrazów i zakładanie tasiemki.",
            ["tree_grafting"],
        ),
        # round 69: a safe's locks are no zips to sew in, its boxes' locks no assembly
        (
            "Oddział banku: serwis sejfu w skarbcu oraz wymiana zamków w 40 skrytkach "
            "depozytowych (montaż nowych wkładek). Sprzątanie skarbca i drobne naprawy mebli "
            "mamy w umowie z inną firmą.",
            ["locksmith"],
        ),
    ],
)
def test_trades_named_by_their_person_or_object_are_work_nobody_does(trades, text, outside):
    result = match(MatchRequest(text=text))
    assert (result.results, result.outside) == ([], outside)


def test_the_pages_do_not_advise_other_words_for_work_nobody_does(client, trades):
    # the note says a firm of that trade is the one to ask; "try other words" would not help
    home = client.get("/find/", {"q": CAR_REPAIR}).content.decode()
    assert "nie wykonuje tej pracy: naprawa pojazdów" in home
    assert "Spróbuj innych słów" not in home
    assert "find-save" not in home
    search = client.get("/search/", {"q": CAR_REPAIR}).content.decode()
    assert "nie wykonuje tej pracy" in search and "empty-state" not in search
    # work a kind covers that no cooperative of this directory does still gets the advice
    other = client.get("/find/", {"q": "szycie fartuchów kuchennych"}).content.decode()
    assert "Spróbuj innych słów" in other and "find-save" in other


# A trade no list of work names, asked for by its person: the carrier's words ("samochody
# dostawcze") and the cleaner's ("biur") would find them otherwise.
WRAPPER = "Szukamy foliarza, który oklei nasze samochody dostawcze logo, przy biurze w Poznaniu."


def test_a_tradesperson_nobody_here_is_finds_nobody_and_is_named(trades):
    result = match(MatchRequest(text=WRAPPER))
    assert (result.results, result.capabilities, result.outside) == ([], [], ["foliarz"])


def test_a_tradesperson_of_a_kind_here_is_matched_as_that_kind(trades):
    result = match(MatchRequest(text="Szukamy sprzątacza do biura w Poznaniu"))
    assert (result.capabilities, result.outside) == (["cleaning"], [])
    assert names(result)[0] == "Czysty Kąt"


def test_work_another_clause_asks_for_beside_the_trade_is_matched(trades):
    result = match(MatchRequest(text=f"{WRAPPER} Potrzebujemy też sprzątania biura po pracy."))
    assert (result.capabilities, result.outside) == (["cleaning"], ["foliarz"])
    assert names(result) == ["Czysty Kąt"]


def test_every_box_names_the_trade_nobody_here_practises(client, trades):
    for path in ("/find/", "/search/"):
        html = client.get(path, {"q": WRAPPER}).content.decode()
        assert "nie wykonuje tej pracy: foliarz." in html, path
        assert "Furgonetka" not in html and "Czysty Kąt" not in html, path
    listing = client.get("/spoldzielnie/", {"q": WRAPPER}).content.decode()
    assert "Furgonetka" not in listing
    english = client.get("/en/find/", {"q": WRAPPER}).content.decode()
    assert "No cooperative in the directory does this work: foliarz." in english


# Round 62: what servicing a projector involves reads IT and wiring in the second clause.
PROJECTOR = (
    "Kino w Poznaniu szuka serwisu projektora cyfrowego. Potrzebujemy przeglądu przed "
    "sezonem: czyszczenia optyki, aktualizacji oprogramowania serwera i sprawdzenia "
    "okablowania."
)


def test_what_work_nobody_does_involves_asks_for_no_kind(trades):
    result = match(MatchRequest(text=PROJECTOR))
    assert (result.results, result.capabilities) == ([], [])
    assert result.outside == ["machine_servicing"]


def test_a_later_clause_asking_for_more_is_still_matched(trades):
    result = match(MatchRequest(text=f"{PROJECTOR} Potrzebujemy też sprzątania biur po pracy."))
    assert "cleaning" in result.capabilities
    assert "Czysty Kąt" in names(result)


def test_a_vets_clinic_to_clean_is_the_place_not_the_work(trades):
    # round 65: "przychodnia weterynaryjna … 2 gabinety" read a vet's surgery and nobody
    result = match(
        MatchRequest(
            "Szukamy firmy do sprzatania przychodni weterynaryjnej - poczekalnia, 2 gabinety, "
            "sala zabiegowa i korytarz, ok. 140 m2."
        )
    )
    assert (result.capabilities, result.outside) == (["cleaning"], [])
    assert names(result)[0] == "Czysty Kąt"
