"""A toiletry named by its use is soap, not washing (search.understanding.products), on
its own and through the reading of a whole request and the seed taxonomy."""

import pytest

from search.understanding.products import made_of_cloth, named_by_use


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("Płyn do mycia rąk na olejach", "Płyn mydło na olejach"),
        ("500 kostek do mycia rąk i ciała z dodatkiem", "500 kostek mydło z dodatkiem"),
        ("zel do mycia twarzy, bez zapachu", "zel mydło, bez zapachu"),
        ("Kostki do mycia z dziegciem brzozowym", "Kostki mydło z dziegciem brzozowym"),
        ("małe kostki ok. 25 g do mycia rąk", "małe kostki ok. 25 g mydło"),
        ("400 bars for washing hands and face", "400 bars soap"),
    ],
)
def test_a_toiletrys_use_is_read_as_its_name(text, read):
    assert " ".join(named_by_use(text).split()) == read


@pytest.mark.parametrize(
    "text",
    [
        "Trzeba pomóc przy myciu i ubieraniu",  # helping a person wash is care
        "200 zapasek wiązanych w pasie, do mycia w 60 stopniach",  # washing the garment
        "Kule musujące do kąpieli i sól",  # the vocabulary's own phrase stays
        "mycie okien i podłóg w biurze",
        "help with washing and dressing",
    ],
)
def test_washing_that_is_no_toiletrys_use_is_left_alone(text):
    assert named_by_use(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "Płyn do mycia rąk na naturalnych olejach, w kanistrach po 5 l, ok. 40 l miesięcznie.",
        "Kostki do mycia z dziegciem brzozowym, ok. 100 g, w szarym papierze, 250 szt.",
        "We'd like about 400 bars for washing hands and face made with our spent grain.",
    ],
)
def test_a_toiletry_named_by_its_use_asks_for_soap_not_cleaning(kinds_read, text):
    kinds = kinds_read(text)
    assert "soap_making" in kinds
    assert "cleaning" not in kinds


def test_washing_named_as_work_still_asks_for_cleaning(kinds_read):
    assert kinds_read("Mycie okien i podłóg w biurze, 300 m², raz w tygodniu") == ["cleaning"]


@pytest.mark.parametrize(
    ("text", "cloth"),
    [
        ("obciążniki z mocnego materiału, 60 szt.", True),
        ("kołnierze ochronne z materiału dla psów", True),
        ("pelerynki dla ministrantów, materiał mamy swój", True),
        ("Tkaninę dostarczymy, 40 sztuk", True),
        ("fleece hats, made of fabric we supply", True),
        ("płachty do odsłonięcia auta z logo, satyna, 3 szt.", True),
        ("torby: bawełna, 200 szt.", True),
        # materials for packing are no cloth, nor is a word of cloth inside another
        ("Materiały dostarczamy, ulotki są już wydrukowane.", False),
        ("pudełka z kartonu, 500 szt.", False),
    ],
)
def test_things_of_cloth_are_told_by_it(text, cloth):
    assert made_of_cloth(text) is cloth
