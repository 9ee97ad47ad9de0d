"""Towns are found offline in a need's text, in any case ending, with or without diacritics."""

import pytest

from search.places import find_place, find_town, voivodeship_at


def test_town_in_the_locative_case_is_found():
    place = find_place("Catering dla 150 osób w Gnieźnie")
    assert (place.name, place.words) == ("Gniezno", ("Gnieźnie",))
    assert abs(place.lat - 52.535) < 0.05


def test_town_typed_without_diacritics_is_found():
    assert find_place("szycie fartuchow lodz").name == "Łódź"
    assert find_town("wroclaw").name == "Wrocław"


def test_ordinary_words_are_not_places():
    assert find_place("Szukamy wykonawcy do uszycia 2000 fartuchów do marca") is None


@pytest.mark.parametrize(
    ("town", "teryt"),
    [
        ("Wrocław", "02"),
        ("Bydgoszcz", "04"),
        ("Lublin", "06"),
        ("Zielona Góra", "08"),
        ("Łódź", "10"),
        ("Kraków", "12"),
        ("Warszawa", "14"),
        ("Opole", "16"),
        ("Rzeszów", "18"),
        ("Suwałki", "20"),
        ("Gdańsk", "22"),
        ("Katowice", "24"),
        ("Kielce", "26"),
        ("Olsztyn", "28"),
        ("Gniezno", "30"),
        ("Szczecin", "32"),
    ],
)
def test_a_place_is_given_its_voivodeship_offline(town, teryt):
    place = find_town(town)
    assert voivodeship_at(place.lat, place.lon) == teryt
