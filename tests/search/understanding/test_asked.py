"""The clauses that ask for work (search.understanding.asked), on their own."""

import pytest

from search.understanding.asked import asked_clauses, asks_besides


@pytest.mark.parametrize(
    ("text", "clauses"),
    [
        (
            "Ognisko muzyczne przy domu kultury szuka lutnika. Pokrowce uszyła nam szwalnia.",
            ["szuka lutnika"],
        ),
        # to the end of its sentence, past the full stop of an abbreviation
        (
            "Szkoła prowadzi stołówkę (ok. 260 obiadów). Szukamy dietetyka, np. na pół etatu.",
            ["Szukamy dietetyka, np. na pół etatu"],
        ),
        (
            "Hotel in Sopot. We need an interpreter for two days; lunch is arranged.",
            ["We need an interpreter for two days"],
        ),
        # every asking verb, each to its sentence's end, and none in a declined clause
        (
            "Potrzebujemy 300 toreb. Nie szukamy drukarni. Prosimy o wycenę.",
            ["Potrzebujemy 300 toreb", "Prosimy o wycenę"],
        ),
        ("We need no design or sourcing work.", []),
        # misspelt as the typo kind's buyers do (round 72)
        ("Klub z Łosiowa. Potszebujemy uszyć 40 girland.", ["Potszebujemy uszyć 40 girland"]),
        ("Sprzątanie biur i klatek schodowych w Poznaniu", []),
    ],
)
def test_the_clauses_that_ask_run_from_the_verb_to_the_end_of_the_sentence(text, clauses):
    assert asked_clauses(text) == clauses


@pytest.mark.parametrize(
    ("clause", "besides"),
    [
        ("Potrzebujemy też tłumacza regulaminu", True),
        ("We also need an interpreter", True),
        ("Szukamy tłumacza, który przełoży regulamin", False),
    ],
)
def test_a_clause_asking_for_more_asks_besides_the_rest(clause, besides):
    assert asks_besides(clause) is besides
