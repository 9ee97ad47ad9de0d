"""Towns are found offline in a need's text, in any case ending, with or without diacritics."""

from search.places import find_place, find_town


def test_town_in_the_locative_case_is_found():
    place = find_place("Catering dla 150 osób w Gnieźnie")
    assert (place.name, place.words) == ("Gniezno", ("Gnieźnie",))
    assert abs(place.lat - 52.535) < 0.05


def test_town_typed_without_diacritics_is_found():
    assert find_place("szycie fartuchow lodz").name == "Łódź"
    assert find_town("wroclaw").name == "Wrocław"


def test_ordinary_words_are_not_places():
    assert find_place("Szukamy wykonawcy do uszycia 2000 fartuchów do marca") is None
