"""The person of a trade an asking clause names first (search.understanding.trades)."""

import pytest

from search.understanding.trades import trades_asked


@pytest.mark.parametrize(
    ("text", "persons"),
    [
        ("Koło łowieckie szuka rusznikarza z koncesją do przeglądu broni.", ["rusznikarza z"]),
        ("Szukamy doświadczonego szkutnika albo warsztatu do remontu łodzi.", ["szkutnika albo"]),
        ("Potrzebny jest nam pilnie arborystę do przycięcia lip.", ["arborystę do"]),
        ("Spółdzielnia szuka brokera ubezpieczeniowego.", ["brokera ubezpieczeniowego"]),
        # a trade the kinds here cover is still a person asked for: the taxonomy decides
        ("Szukamy kucharza na wesele.", ["kucharza na"]),
        # any contractor, a thing, a price list: no trade named
        ("Szukamy partnera do szycia toreb.", []),
        ("Szukamy wykonawcy, który uszyje 300 toreb.", []),
        ("Szukamy specjalisty od sprzątania biur.", []),
        ("Prosimy o cennik szycia toreb.", []),
        ("Potrzebujemy 300 toreb z nadrukiem.", []),
        # a person named outside an asking clause is the setting
        ("Nasz szkutnik wyremontował łodzie; potrzebujemy uszycia pokrowców.", []),
    ],
)
def test_the_first_person_an_asking_clause_names_is_the_trade_asked_for(text, persons):
    assert [person for _clause, person in trades_asked(text)] == persons
