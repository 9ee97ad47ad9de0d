"""Amounts and rates are read from a request; numbers that are not amounts of work are not."""

import pytest

from search.capacity import Quantity
from search.understanding.quantities import amounts, find_quantity


@pytest.mark.parametrize(
    ("text", "quantity", "words"),
    [
        ("Uszycie 2 tys. szt. fartuchów", Quantity(2000, "szt."), ("2", "tys.", "szt.")),
        (
            "10 000 sztuk miesięcznie",
            Quantity(10000, "szt.", "month"),
            ("10", "000", "sztuk", "miesięcznie"),
        ),
        ("400 obiadów dziennie", Quantity(400, "posiłków", "day"), ("400", "dziennie")),
        ("codziennie 120 obiadów", Quantity(120, "posiłków", "day"), ("codziennie", "120")),
        ("Catering dla 500 osób", Quantity(500, "osób"), ("500", "osób")),
        ("ok. 1,5 tys. kubków", Quantity(1500, "szt."), ("ok.", "1,5", "tys.")),
        ("5000 pcs per month", Quantity(5000, "szt.", "month"), ("5000", "pcs", "per", "month")),
        ("200 kg tygodniowo", Quantity(200, "kg", "week"), ("200", "kg", "tygodniowo")),
        ("sprzątanie 300 m2 biura", Quantity(300, "m²"), ("300", "m2")),
        ("ok. 50 porcji", Quantity(50, "posiłków"), ("ok.", "50")),
        ("Uszycie 2000 fartuchów", Quantity(2000, "szt."), ("2000",)),
        ("300-400 obiadów dziennie", Quantity(400, "posiłków", "day"), ("300-400", "dziennie")),
        ("2 tony tygodniowo", Quantity(2000, "kg", "week"), ("2", "tony", "tygodniowo")),
        ("koszenie 2 ha", Quantity(20000, "m²"), ("2", "ha")),
        ("12 000 szt./mies.", Quantity(12000, "szt.", "month"), ("12", "000", "szt./mies")),
        ("12000 sztuk rocznie", Quantity(1000, "szt.", "month"), ("12000", "sztuk", "rocznie")),
        ("1.500 szt", Quantity(1500, "szt."), ("1.500", "szt")),
        ("500szt", Quantity(500, "szt."), ("500szt",)),
        (
            "sprzątanie 1200 m2, raz w tygodniu",
            Quantity(1200, "m²", "week"),
            ("1200", "m2", "raz", "w", "tygodniu"),
        ),
    ],
)
def test_an_amount_is_read_with_its_unit_rate_and_words(text, quantity, words):
    amount = find_quantity(text)
    assert (amount.quantity, amount.words) == (quantity, words)


@pytest.mark.parametrize(
    "text",
    [
        "budżet do 5000 zł",
        "cena 5 000 PLN netto",
        "tel. 600 100 200",
        "kontakt 600-100-200",
        "+48 61 123 45 67",
        "62-200 Gniezno",
        "NIP 123-456-32-18",
        "w 2026 roku",
        "do 20.04.2027",
        "na 15 marca",
        "ISO 9001",
        "20 lat doświadczenia",
        "rozmiar 60x80 cm",
        "dostawa o 12:30",
        "ul. Polna 5, lok. 3",
        "w ciągu 3 dni",
        "rabat 10%",
        "w promieniu 30 km",
        "2 razy w tygodniu",
        "zamówienie nr 125",
    ],
)
def test_numbers_that_are_not_amounts_of_work_are_passed_over(text):
    assert find_quantity(text) is None


def test_a_rate_is_preferred_to_a_one_off_amount_stated_first():
    text = "Catering dla 150 osób: 400 obiadów dziennie, 30 kolacji"
    assert [amount.quantity for amount in amounts(text)] == [
        Quantity(150, "osób"),
        Quantity(400, "posiłków", "day"),
        Quantity(30, "posiłków"),
    ]
    assert find_quantity(text).quantity == Quantity(400, "posiłków", "day")


def test_without_a_rate_the_first_amount_wins():
    assert find_quantity("500 koszulek w 3 kolorach").quantity == Quantity(500, "szt.")


def test_a_number_before_a_town_is_an_address_not_an_amount():
    assert find_quantity("ul. Polna 12 Gniezno") is None
    assert find_quantity("Szycie 15 Fartuchów").quantity == Quantity(15, "szt.")


def test_what_the_buyer_has_is_not_what_it_orders():
    text = "Sieć 14 sklepów we Wrocławiu szuka szwalni: ok. 300 fartuchów, hotel ma 48 pokoi."
    assert find_quantity(text).quantity.value == 300


@pytest.mark.parametrize(
    ("text", "quantity", "words"),
    [
        # rounds 71 and 72: amounts written in words, in any case
        (
            "wikt dla stu czterdziestu stołowników",
            Quantity(140, "szt."),
            ("stu", "czterdziestu"),
        ),
        (
            "przeklejenie nalepek na osiem tysięcy sztuk miesięcznie",
            Quantity(8000, "szt.", "month"),
            ("osiem", "tysięcy", "sztuk", "miesięcznie"),
        ),
        ("zamówi tysiąc kafelków z terakoty", Quantity(1000, "szt."), ("tysiąc",)),
        (
            "pięćset dwadzieścia pięć obiadów dziennie",
            Quantity(525, "posiłków", "day"),
            ("pięćset", "dwadzieścia", "pięć", "dziennie"),
        ),
        (
            "dwa tysiące trzysta ulotek",
            Quantity(2300, "szt."),
            ("dwa", "tysiące", "trzysta"),
        ),
    ],
)
def test_an_amount_written_in_words_is_read_as_its_number(text, quantity, words):
    amount = find_quantity(text)
    assert (amount.quantity, amount.words) == (quantity, words)


@pytest.mark.parametrize(
    "text", ["dwa razy w tygodniu", "jeden z nas odbierze", "trzy kartony", "od dziesięciu lat"]
)
def test_small_numbers_and_durations_in_words_are_no_amount(text):
    assert find_quantity(text) is None


def test_a_rate_right_after_a_bare_number_counts_pieces():
    # round 71: "łącznie dwanaście tysięcy sztuk, około trzech tysięcy tygodniowo"
    for text in (
        "łącznie 12 000 sztuk, około 3 000 tygodniowo",
        "łącznie dwanaście tysięcy sztuk, około trzech tysięcy tygodniowo",
    ):
        assert find_quantity(text).quantity == Quantity(3000, "szt.", "week")
