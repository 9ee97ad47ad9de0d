"""A request's deadline is read relative to the day it is asked, as the next such date."""

from datetime import date

import pytest

from search.understanding.deadlines import read_dates

TODAY = date(2026, 5, 10)  # a Sunday


@pytest.mark.parametrize(
    ("text", "deadline"),
    [
        ("Dostawa na 15 marca", date(2027, 3, 15)),  # March has passed this year
        ("na 12 maja", date(2026, 5, 12)),
        ("na 10 maja", date(2026, 5, 10)),  # today still counts
        ("do 20.04", date(2027, 4, 20)),
        ("do 20.06", date(2026, 6, 20)),
        ("do 20.04.2027", date(2027, 4, 20)),
        ("termin: 2026-06-01", date(2026, 6, 1)),
        ("najpóźniej do 3 maja 2027 r.", date(2027, 5, 3)),
        ("do końca maja", date(2026, 5, 31)),
        ("do końca lutego", date(2027, 2, 28)),
        ("do połowy lipca", date(2026, 7, 15)),
        ("w czerwcu", date(2026, 6, 30)),
        ("do marca", date(2027, 3, 1)),
        ("na marzec", date(2027, 3, 1)),
        ("do konca miesiaca", date(2026, 5, 31)),
        ("w ciągu 2 tygodni", date(2026, 5, 24)),
        ("w ciągu tygodnia", date(2026, 5, 17)),
        ("w ciągu 48h", date(2026, 5, 12)),
        ("za 3 tygodnie", date(2026, 5, 31)),
        ("w ciągu miesiąca", date(2026, 6, 10)),
        ("do piątku", date(2026, 5, 15)),
        ("do jutra", date(2026, 5, 11)),
        ("by 15 March", date(2027, 3, 15)),
        ("by March 15th, 2027", date(2027, 3, 15)),
        ("by the end of June", date(2026, 6, 30)),
        ("within 10 days", date(2026, 5, 20)),
        ("within a month", date(2026, 6, 10)),
        ("Potrzebujemy 200 szt, 15 czerwca", date(2026, 6, 15)),  # the only date
    ],
)
def test_a_deadline_is_the_next_such_date(text, deadline):
    assert read_dates(text, TODAY).deadline == deadline


@pytest.mark.parametrize(
    "text",
    [
        "od 1 czerwca codziennie 120 obiadów",  # a start, not a deadline
        "starting 1 June",
        "1,5 tys. szt.",  # an amount
        "o godz. 12.30",  # a time
        "do 31.02",  # no such day
        "w ciągu dnia",  # during the day
        "szycie fartuchów",
        "Płatność przelewem w ciągu 21 dni.",  # a time to pay in
        "Please quote; we pay invoices within 30 days.",
    ],
)
def test_starts_amounts_and_impossible_dates_are_no_deadline(text):
    assert read_dates(text, TODAY).deadline is None


def test_the_deadline_of_a_range_is_its_end_and_every_date_is_dropped():
    dates = read_dates("Catering od 1 czerwca do 30 czerwca", TODAY)
    assert dates.deadline == date(2026, 6, 30)
    assert dates.words == ("od", "1", "czerwca", "do", "30", "czerwca")


def test_a_time_to_pay_in_leaves_the_deadline_of_the_work():
    dates = read_dates("Uszycie w ciągu 14 dni. Płatność przelewem w ciągu 30 dni.", TODAY)
    assert dates.deadline == date(2026, 5, 24)
    # In another clause the payment word says nothing of the date.
    assert read_dates("Faktura co miesiąc, dostawa do 10 czerwca", TODAY).deadline == date(
        2026, 6, 10
    )


def test_two_dates_without_a_deadline_word_leave_the_deadline_open():
    assert read_dates("spotkanie 3 czerwca, próbki 5 czerwca", TODAY).deadline is None


def test_a_sentences_full_stop_after_a_month_is_not_the_dates():
    text = "Cały nakład najpóźniej w czwartek 13 maja. Kolportażem zajmą się sołtysi."
    [span] = read_dates(text, TODAY).spans
    assert text[span.start : span.end] == "13 maja"


@pytest.mark.parametrize(
    ("text", "deadline"),
    [
        # Each would be next week's Friday or Saturday if the days of the week were read as
        # deadlines, and the matcher would call a June festival's crew "short" of time.
        (
            "Festiwal 11\u201313 czerwca 2027 r., ekipa 6 osób na sobotę i niedzielę",
            date(2027, 6, 13),
        ),
        ("ok. 200 kg dziennie, od poniedziałku do piątku, od 28 czerwca do 30 lipca 2027 r.",
         date(2027, 7, 30)),
        ("Sprzątanie od poniedziałku do piątku", None),
        ("cleaning from Monday to Friday", None),
        ("obiady na sobotę i niedzielę", None),
        ("na piątek 12 czerwca", date(2026, 6, 12)),
    ],
)  # fmt: skip
def test_days_of_the_week_that_say_when_the_work_happens_set_no_deadline(text, deadline):
    assert read_dates(text, TODAY).deadline == deadline


def test_a_day_of_the_week_alone_is_still_a_deadline():
    assert read_dates("Potrzebujemy 300 pierogów na sobotę", TODAY).deadline == date(2026, 5, 16)
