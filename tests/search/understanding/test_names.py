"""Names in quotes are who writes, not the work: the rule of search.understanding.names, on
its own and through the reading of a whole request and the seed taxonomy."""

import pytest

from search.understanding.names import is_name, quoted_names, without_names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Stowarzyszenie „Wspólny Stół” z Łowicza", "„Wspólny Stół”"),
        ("Pensjonat „Wydmowy Dwór” w Mielnie", "„Wydmowy Dwór”"),
        ("zarządca Centrum Handlowego »Kasztanowy Pasaż« szuka", "»Kasztanowy Pasaż«"),
        ('the "Green Valley" hotel', '"Green Valley"'),
        ("Hotel “Pod Złotym Lwem”", "“Pod Złotym Lwem”"),
        ("Fundacja Rozwoju „Promyk” zamawia", "„Promyk”"),
        ("we run the 'Blue Harbour' bistro", "'Blue Harbour'"),
        # A capitalised preposition opens an inn's or a sanatorium's name.
        ("Sanatorium „Pod Luboniem” w Rabce-Zdroju", "„Pod Luboniem”"),
        ("Sanatorium „Jodła” w Rabce", "„Jodła”"),
        ("Cech „Rzemiosło” z Wągrowca", "„Rzemiosło”"),
    ],
)
def test_a_capitalised_name_in_quotes_is_taken_out(text, name):
    assert [text[span.start : span.end] for span in quoted_names(text)] == [name]
    assert name not in without_names(text)
    assert len(without_names(text)) == len(text)  # the other words keep their places


@pytest.mark.parametrize(
    "text",
    [
        "szukamy firmy do „sprzątania po remoncie”",
        "usługa „Sprzątanie po remoncie” w biurze",  # a capital only at the start
        'we need "pick and pack" for our shop',
        "usługa „Sprzątanie” raz w tygodniu",  # one capitalised word, no organisation before
        "usługa typu „Pod klucz” w biurze",  # a preposition opening, then lower case
        "we don't need 'cleaning' but the client's laundry",  # apostrophes are no quotes
    ],
)
def test_the_buyers_words_for_the_work_in_quotes_stay(text):
    assert quoted_names(text) == []
    assert without_names(text) == text


def test_one_capitalised_word_is_a_name_only_after_a_kind_of_organisation():
    assert is_name("Promyk", "Spółdzielnia Socjalna ")
    assert is_name("Promyk", "Fundacji ")
    assert not is_name("Promyk", "zlecenie typu ")
    assert not is_name("Sprzątanie", "usługa ")


def test_a_name_of_a_table_asks_for_no_carpentry(kinds_read):
    text = (
        "Dzień dobry, Stowarzyszenie „Wspólny Stół” z Łowicza szuka kogoś, kto raz w "
        "tygodniu rozwiezie paczki z magazynu autem dostawczym do rodzin w gminie."
    )
    assert kinds_read(text) == ["transport_delivery"]
    # The same request with the name written without quotes is read word by word.
    unquoted = text.replace("„Wspólny Stół”", "Wspólny Stół")
    assert kinds_read(unquoted) == ["carpentry", "transport_delivery"]


def test_work_in_quotes_is_still_read_as_work(kinds_read):
    assert kinds_read("szukamy firmy do „sprzątania po remoncie” biura") == ["cleaning"]
    assert kinds_read("Restauracja „Stoły i Ławy” zamawia obrusy") == ["sewing"]
    assert kinds_read("zamawiamy „stoły i ławy” do ogródka") == ["carpentry"]


@pytest.mark.parametrize(
    ("text", "left"),
    [
        ("Pozdrawiamy, Dział Floty, Trans-Rad Logistyka Sp. z o.o.", "Pozdrawiamy, Dział Floty,"),
        ("Catering Smaczek S.A. zamawia sprzątanie biura", "zamawia sprzątanie biura"),
        ("Dzial Techniczny, Metal-Pol Pila sp. z o.o.", "Dzial Techniczny,"),
        ("Green Valley Ltd needs soap for its rooms", "needs soap for its rooms"),
    ],
)
def test_a_name_before_its_legal_form_is_taken_out_with_the_form(text, left):
    assert without_names(text).strip() == left


def test_a_legal_form_after_lower_case_words_takes_nothing_out():
    text = "szukamy firmy sprzątającej, najlepiej sp. z o.o. z Łodzi"
    assert without_names(text) == text


def test_a_companys_name_asks_for_none_of_its_words(kinds_read):
    text = (
        "Dział Zakupów firmy Trans-Rad Logistyka Sp. z o.o. szuka szwalni do uszycia 200 "
        "kamizelek odblaskowych."
    )
    assert kinds_read(text) == ["sewing"]
    assert kinds_read(text.replace(" Sp. z o.o.", "")) == ["transport_delivery", "sewing"]
