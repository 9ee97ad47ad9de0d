"""Printed matter told by pages and copies or by format and paper is printing
(search.understanding.printed), on its own and through the reading of a whole request."""

import pytest

from search.understanding.printed import printed_matter


@pytest.mark.parametrize(
    "text",
    [
        "Modlitewniki A6 z litanią i pieśniami maryjnymi, 24 str., 500 egz.",
        "broszura 48 stron, nakład 1 200 egzemplarzy",
        "a 16-page programme, 300 copies",
        "Karty paletowe A5 na kartonie 250 g, numerowane od 0001",
        "zaproszenia DL, papier kredowy 300 g/m²",
        "A4 cards, 350 gsm card",
    ],
)
def test_pages_and_copies_or_format_and_paper_are_printed_matter(text):
    assert printed_matter(text)


@pytest.mark.parametrize(
    "text",
    [
        "torby z bawełny 140 g/m², 500 szt.",  # a fabric's weight, no format
        "500 egz. kalendarza",  # copies alone: the vocabulary reads the thing
        "segregatory A4, ok. 2 600 stron do zeskanowania",  # pages to scan, no copies
        "kartony 5-warstwowe 60 x 40 cm, po 12 słoików",  # shipping cartons
        "A5 notatki, 200 g masła",  # a format and a weight, but no paper
    ],
)
def test_other_weights_formats_and_counts_are_not(text):
    assert not printed_matter(text)


def test_a_request_naming_its_printed_thing_by_pages_and_copies_asks_for_printing(kinds_read):
    text = "Modlitewniki A6 z litanią i pieśniami maryjnymi, 24 str., 500 egz. \u2013 parafia"
    assert kinds_read(text) == ["printing"]
