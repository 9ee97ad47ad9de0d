"""Printed matter told by its print run, pages, format and paper, not by its name.

A buyer who knows what the thing is names it and no trade: "Modlitewniki A6 z litanią,
24 str., 500 egz.", "Karty paletowe A5 na kartonie 250 g, numerowane". The object
("modlitewniki", "karty paletowe") is in no vocabulary, and the amounts that say it is
printed are taken out as a quantity before the words are read. Pages with copies, or a
paper format with the paper's weight, are what only printed matter has: fabric has a
weight too ("bawełna 140 g/m²"), but no A5 and no pages.

:func:`printed_matter` says whether ``text`` describes printed matter that way.
"""

import re

# "24 str.", "48 stron", "16 pages" and "500 egz.", "1 200 egzemplarzy", "300 copies"
PAGES = re.compile(r"\b\d+[\s-]*(?:str\b\.?|stron\w*|pages?\b|pp\b\.?)", re.IGNORECASE)
COPIES = re.compile(r"\b\d+\s*(?:egz\b\.?|egzemplarz\w*|copies\b)", re.IGNORECASE)
# A paper format, in capitals as written ("A5", "DL"), and a paper's weight
# ("na kartonie 250 g", "papier kredowy 130 g/m²", "350 gsm card")
FORMAT = re.compile(r"(?<!\w)(?:A[3-7]|B[4-6]|DL)(?!\w)")
PAPER_WEIGHT = re.compile(
    r"\b(?:papier\w*|karton\w*|kred\w*|card|paper)\b[^.\n]{0,20}?\b\d{2,3}\s?(?:g|gsm|g/m2|g/m²)"
    r"(?!\w)|\b\d{2,3}\s?(?:g|gsm|g/m2|g/m²)\s+(?:papier\w*|karton\w*|kred\w*|card|paper)\b",
    re.IGNORECASE,
)


def printed_matter(text: str) -> bool:
    """Whether ``text`` gives pages and copies, or a paper format and weight."""
    if PAGES.search(text) and COPIES.search(text):
        return True
    return bool(FORMAT.search(text) and PAPER_WEIGHT.search(text))
