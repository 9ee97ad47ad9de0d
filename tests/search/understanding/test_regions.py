"""A voivodeship is read from a request in any form people name it, offline."""

import pytest

from cms.models.regions import VOIVODESHIPS
from search.understanding.regions import find_region


@pytest.mark.parametrize(
    ("text", "code", "words"),
    [
        ("Szukamy spółdzielni z Małopolski", "12", ("z", "Małopolski")),
        ("szukamy spoldzielni z malopolski", "12", ("z", "malopolski")),
        ("Catering w Małopolsce", "12", ("w", "Małopolsce")),
        ("region: małopolskie", "12", ("małopolskie",)),
        ("firmy z woj. małopolskiego", "12", ("z", "woj", "małopolskiego")),
        ("w województwie wielkopolskim", "30", ("w", "województwie", "wielkopolskim")),
        ("Sprzątanie na Pomorzu", "22", ("na", "Pomorzu")),
        ("Pomorze Zachodnie, okolice morza", "32", ("Pomorze", "Zachodnie")),
        ("na Pomorzu Zachodnim", "32", ("na", "Pomorzu", "Zachodnim")),
        ("montaż na Śląsku", "24", ("na", "Śląsku")),
        ("Górny Śląsk", "24", ("Górny", "Śląsk")),
        ("na Dolnym Śląsku", "02", ("na", "Dolnym", "Śląsku")),
        ("dolnośląskie", "02", ("dolnośląskie",)),
        ("cała Wielkopolska", "30", ("cała", "Wielkopolska")),
        ("z Mazowsza", "14", ("z", "Mazowsza")),
        ("na Podkarpaciu", "18", ("na", "Podkarpaciu")),
        ("Kujawy", "04", ("Kujawy",)),
        ("z Kujaw i Pomorza", "04", ("z", "Kujaw", "i", "Pomorza")),
        ("na Warmii i Mazurach", "28", ("na", "Warmii", "i", "Mazurach")),
        ("na Mazurach", "28", ("na", "Mazurach")),
        ("Lubelszczyzna", "06", ("Lubelszczyzna",)),
        ("na Lubelszczyźnie", "06", ("na", "Lubelszczyźnie")),
        ("z Podlasia", "20", ("z", "Podlasia")),
        ("Opolszczyzna", "16", ("Opolszczyzna",)),
        ("Śląsk Opolski", "16", ("Śląsk", "Opolski")),
        ("na Ziemi Lubuskiej", "08", ("na", "Ziemi", "Lubuskiej")),
        ("z Kielecczyzny", "26", ("z", "Kielecczyzny")),
        ("województwo łódzkie", "10", ("województwo", "łódzkie")),
        ("w łódzkim", "10", ("w", "łódzkim")),
        ("Lesser Poland Voivodeship", "12", ("Lesser", "Poland", "Voivodeship")),
        ("in Lower Silesia", "02", ("in", "Lower", "Silesia")),
    ],
)
def test_a_voivodeship_is_read_with_the_words_that_named_it(text, code, words):
    region = find_region(text)
    assert (region.code, region.words) == (code, words)


@pytest.mark.parametrize(("code", "adjective"), sorted(VOIVODESHIPS.items()))
def test_each_voivodeship_is_read_by_its_adjective_after_woj(code, adjective):
    genitive = adjective[:-1] + "ego"  # małopolskie → małopolskiego
    assert find_region(f"z woj. {genitive}").code == code
    assert find_region(f"w {adjective[:-1]}m").code == code  # w małopolskim


@pytest.mark.parametrize(
    "text",
    [
        "Catering w Łodzi",  # the city, not łódzkie
        "łódzka firma szuka wykonawcy",  # as likely the city's
        "Sprzątanie w Rudzie Śląskiej",  # a town's name
        "Stolarka, Ostrów Wielkopolski",
        "Catering, Wysokie Mazowieckie",  # lies in podlaskie, not mazowieckie
        "Gorzów Wielkopolski",  # lies in lubuskie
        "Pozdrawiam, Jan Mazur",  # a surname
        "dostawa na terenie całej Polski",
    ],
)
def test_town_names_surnames_and_adjectives_of_cities_are_no_voivodeship(text):
    assert find_region(text) is None


def test_the_first_voivodeship_named_wins():
    assert find_region("Firma z Mazowsza, dostawa na Śląsk").code == "14"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("festiwal szant w Krainie Wielkich Jezior, 1500 widzów", "28"),
        ("pensjonat w Bieszczadach zamówi mydło", "18"),
        ("agroturystyka na Roztoczu szuka kucharza", "06"),
        ("schronisko w Karkonoszach, sprzątanie pokoi", "02"),
        ("hotel w Beskidzie Śląskim, pranie pościeli", "24"),
        ("pensjonat w Pieninach, catering na wesele", "12"),
    ],
)
def test_mountains_and_lake_lands_name_their_voivodeship(text, code):
    assert find_region(text).code == code


def test_a_plural_adjective_before_firms_names_the_voivodeship():
    # round 64: "Wolimy któryś z podkarpackich zakładów"
    assert find_region("Wolimy któryś z podkarpackich zakładów").code == "18"
    assert find_region("z kujawsko-pomorskich spółdzielni").code == "04"
    # not before anything else: "w łódzkich szkołach" may be the city's
    assert find_region("w łódzkich szkołach") is None
