"""Greetings, letter formulas, the signature and the sector's own words carry no weight;
the words that describe the work stay."""

import pytest

from cooperatives.vocabulary import CAPABILITIES
from search.analysis import words
from search.understanding.filler import split_signature, strip_filler


def test_a_polish_letter_is_stripped_to_the_work():
    letter = (
        "Dzień dobry,\nSzanowni Państwo, zwracam się z zapytaniem ofertowym. Nasza firma chce "
        "wesprzeć lokalną spółdzielnię socjalną. Potrzebujemy uszycia fartuchów kuchennych z "
        "logo. Prosimy o przesłanie oferty. W załączeniu wzór.\nZ poważaniem\nJan Kowalski\n"
        "Kalisz Sp. z o.o."
    )
    assert strip_filler(letter) == "uszycia fartuchów kuchennych z logo. wzór"


def test_an_english_letter_is_stripped_to_the_work():
    letter = (
        "Dear Sir or Madam, we are looking for a social cooperative to run our staff canteen. "
        "Please send a quote. Kind regards, John Smith"
    )
    assert strip_filler(letter) == "a to run staff canteen"


@pytest.mark.parametrize(
    "text",
    [
        "spółdzielnia spółdzielni spółdzielnię spółdzielniami spoldzielnie spoldzielni",
        "socjalna socjalnej socjalną społecznej ekonomii ekonomię",
        "wesprzeć wspierać współpraca współpracy wspolpracy współpracę",
        "oferta ofertę oferte ofertowe firma firmy firmie firmę zakład zakładu",
        "potrzebujemy szukamy poszukujemy prosimy zapytanie wycenę",
        "Witam serdecznie, pozdrawiam",
        # how long the job takes is asked, not work ("zajmie" met "zajęć" of tutoring)
        "ile czasu zajmie",
        "jak długo to potrwa",
    ],
)
def test_sector_and_letter_words_go_in_any_form_with_or_without_polish_letters(text):
    assert strip_filler(text) == ""


@pytest.mark.parametrize(
    "text",
    [
        "naszywki na odzież firmową",  # "nasz…" and "firm…" only as whole words
        "wsparcie IT dla biura",  # the noun, not the verb "wesprzeć"
        "event support",
        "dostawy posiłków",
        "prace montażowe",
        "obsługa sklepu internetowego",
    ],
)
def test_words_that_describe_work_stay(text):
    assert strip_filler(text) == text


def test_no_word_of_a_capability_label_or_term_is_filler():
    stripped = []
    for code, seed in CAPABILITIES.items():
        for phrase in (seed.label_pl, seed.label_en, *seed.terms):
            if words(strip_filler(phrase)) != words(phrase):
                stripped.append((code, phrase))
    assert stripped == []


def test_the_signature_is_what_follows_the_last_closing():
    body, signature = split_signature(
        "Szycie 200 toreb. Pozdrawiam serdecznie,\nAnna Nowak\nul. Polna 5, 62-200 Gniezno"
    )
    assert body == "Szycie 200 toreb."
    assert signature == " Pozdrawiam serdecznie,\nAnna Nowak\nul. Polna 5, 62-200 Gniezno"


def test_a_company_signs_off_in_the_plural_too():
    body, signature = split_signature(
        "Szukamy warsztatu do napraw naczep. Pozdrawiamy, Dział Floty, Trans Logistyka"
    )
    assert body == "Szukamy warsztatu do napraw naczep."
    assert signature == " Pozdrawiamy, Dział Floty, Trans Logistyka"
    assert "Logistyka" not in strip_filler("Szycie toreb. Pozdrawiamy serdecznie, Logistyka")


def test_a_long_text_after_a_closing_word_is_not_a_signature():
    text = "Pozdrawiam. " + "Potrzebujemy też transportu palet do magazynu. " * 10
    assert split_signature(text) == (text, "")


@pytest.mark.parametrize(
    ("text", "left"),
    [
        # The sender's own trade is who asks, not what is asked for.
        ("Jesteśmy firmą transportową z Radomia, szukamy pralni", "z Radomia, pralni"),
        ("jestesmy duza firma produkcyjna z Pily", "z Pily"),
        ("Jesteśmy sklepem internetowym i zlecimy pakowanie", "i pakowanie"),
        (
            "We are a small software company in Gdańsk; catering for 40",
            "in Gdańsk; catering for 40",
        ),
        ("prowadzimy szwalnię pod Radomiem i szukamy mechanika", "pod Radomiem i mechanika"),
        # on whose behalf a person writes (round 28): a bus company asking for scanning
        ("Piszę w imieniu przedsiębiorstwa przewozowego z Włocławka", "Piszę z Włocławka"),
        ("w imieniu firmy transportowej prosimy o uszycie kurtek", "uszycie kurtek"),
        # "Our …" as the subject is the sender too...
        ("Nasza firma transportowa z Tarnowa zleci tłumaczenie", "z Tarnowa tłumaczenie"),
        ("Our logistics company in Gdynia needs aprons sewn", "in Gdynia aprons sewn"),
        # ...but "our shop" as what the work is done on is the work.
        (
            "prowadzenie naszego sklepu internetowego z kubkami",
            "prowadzenie sklepu internetowego z kubkami",
        ),
        # Without "we are", a trade named in the request stays.
        ("firma transportowa przewiezie palety", "transportowa przewiezie palety"),
        ("szukamy firmy sprzątającej", "sprzątającej"),
    ],
)
def test_who_the_sender_is_goes_and_what_it_asks_for_stays(text, left):
    assert strip_filler(text) == left
