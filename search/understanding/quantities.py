"""The amount a request asks for, and how often: "2 tys. szt.", "10 000 sztuk miesięcznie",
"codziennie 120 obiadów", "500 osób", "5000 pcs per month", "ok. 50 porcji" →
:class:`search.capacity.Quantity`.

An amount is a number (spaces or dots between thousands, a decimal comma,
"tys."/"k"/"mln" after it, a range read as its upper end; or written in words, see
:mod:`search.understanding.numerals`) followed by a unit ("szt.", "kg", "t", "m²",
"ha", "osób", "godzin", meals), by the thing counted ("2000 fartuchów": pieces) or by
a rate alone ("ok. 3 000 tygodniowo": pieces). A rate phrase just before or after it
("codziennie", "tygodniowo", "per month", "/mies."; "rocznie" is read as a twelfth a
month) makes it a rate. Numbers that are not amounts are passed over: dates (see
:mod:`search.understanding.deadlines`), phone numbers, postcodes, tax and
register numbers, prices ("do 5000 zł"), years ("2026 r."), percentages,
distances, durations ("3 dni"), sizes ("60x80"), times ("12:30"), numbers
after "ul.", "nr", "tel." and the like, and a number before a town's name
("Polna 12 Gniezno").

When a request states several amounts, the first rate wins, else the first
amount. The number, the unit and the rate words are dropped from the words;
the thing counted stays ("fartuchów", "obiadów": they say what the work is).
"""

import re
from dataclasses import dataclass
from datetime import date

from search.capacity import Quantity
from search.places import is_town_name
from search.places.gazetteer import word_set
from search.understanding.deadlines import dates_in
from search.understanding.folded import FoldedText, Span
from search.understanding.numerals import Worded, worded_numbers

NUMBER = r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d{1,3}(?:[.,]\d{3})+(?![\d.,]\d)|\d+(?:[.,]\d+)?"
APPROXIMATELY = (
    r"ok\.?|okolo|ca\.?|about|approx\.?|approximately|around|~|min\.?|minimum|co\s+najmniej"
    r"|at\s+least|ponad|over|przynajmniej|do|up\s+to|max\.?|maks\.?"
)
AMOUNT = re.compile(
    rf"(?<![\w.,/:+#§-])(?:(?:{APPROXIMATELY})\s*)?"
    rf"(?P<number>{NUMBER})(?:\s*[-\u2013]\s*(?P<upper>{NUMBER}))?"
    r"(?![\d%]|[.,:]\d|\s*[x\u00d7]\s*\d)"
    r"(?:\s*(?P<times>tys\.?|tysiac[ea]?|tysiecy|k|thousand|mln\.?|milion(?:y|ow)?|million)(?!\w))?"
)
MULTIPLIERS = {
    "tys": 1000, "tysiac": 1000, "tysiace": 1000, "tysiaca": 1000, "tysiecy": 1000, "k": 1000,
    "thousand": 1000, "mln": 1_000_000, "milion": 1_000_000, "miliony": 1_000_000,
    "milionow": 1_000_000, "million": 1_000_000,
}  # fmt: skip
# Numbers that are never amounts, blanked before amounts are read.
NOT_AMOUNTS = re.compile(
    "|".join(
        (
            r"(?:\+|00)48[\s-]?\d{2,3}(?:[\s-]?\d{2,3}){2,3}",  # phone, international
            r"(?<![\d.,])\d{3}[\s-]\d{3}[\s-]\d{3}(?![\d]|[.,]\d)",  # phone, mobile
            r"(?<![\d.,])\(?\d{2}\)?[\s-]\d{3}[\s-]\d{2}[\s-]\d{2}(?!\d)",  # phone, landline
            r"(?<![\d.,])\d{3}-\d{2,3}-\d{2}-\d{2,3}(?!\d)",  # NIP
            r"(?<![\d.,])\d{9,}(?!\d)",  # phone, NIP, KRS, REGON, bank account
            r"(?<![\d-])\d{2}-\d{3}(?![\d-])",  # postcode
            r"(?<!\w)(?:tel|telefon|phone|fax|kom|nip|krs|regon|nr|no|ul|al|lok|pkt|art|poz)"
            r"\.?\s*:?\s*[\d\s()+/-]*\d",  # after a label: never an amount of work
            r"(?<!\d)(?:19|20)\d\d\s*(?:r\.|r\b|roku\b|rok\b)",  # a year
            r"(?<!\d)\d{1,2}:\d\d(?!\d)",  # a time
            r"(?:zl|pln|eur|usd|[$€£])\s*\d[\d\s.,]*",  # a price, the currency first
        )
    )
)


def _units(*groups: tuple[str, str, bool]) -> dict[str, tuple[str, bool]]:
    return {word: (unit, dropped) for words, unit, dropped in groups for word in words.split()}


# The word after a number, folded → (unit of the Quantity, dropped from the words?).
UNITS = _units(
    ("szt szt. sztuk sztuki sztuka pcs pcs. pc piece pieces items units egz egz. egzemplarzy",
     "szt.", True),
    ("zestawow zestawy kompletow komplety paczek opakowan kartonow palet sets packs", "szt.",
     False),
    ("posilkow posilki obiadow obiady obiad porcji porcje sniadan kolacji dan meals lunches "
     "dinners breakfasts", "posiłków", False),
    ("osob osoby os os. people persons guests gosci uczestnikow participants", "osób", True),
    ("kg kilogramow kilogramy kilo kilograms kgs", "kg", True),
    ("m2 m² mkw mkw. sqm", "m²", True),
    ("stron strony pages kartek", "stron", False),
    ("godzin godziny godz godz. h hours hrs roboczogodzin", "godzin", True),
    ("l litrow litry liters litres", "l", True),
)  # fmt: skip
# Units read as another: (words, unit, multiplier): tonnes as kg, hectares and ares as m².
SCALED = [
    (word_set("t t. ton tony tone tonnes tons"), "kg", 1000),
    (word_set("ha hektar hektara hektary hektarow hektarach hectares hectare"), "m²", 10_000),
    (word_set("ar ary arow"), "m²", 100),
]
TWO_WORD_UNITS = re.compile(
    r"\s*(?:m\s+kw\.?|metrow\s+kwadratowych|sq\.?\s+m|square\s+met(?:er|re)s)"
)
# Words after a number that make it anything but an amount of work.
NOT_UNITS = word_set(
    "zl zl. zlotych pln eur euro usd netto brutto groszy gr procent proc proc. dni dnia dzien "
    "tygodni tygodnie tydzien tygodnia miesiecy miesiace miesiac miesiaca lat lata rok roku r "
    "r. minut minuty sekund days day weeks week months month years year minutes km km. "
    "kilometrow cm mm m razy raz x times percent lok lok. nr etap etapy rozmiar "
    # what a buyer has, not what it orders: "sieć 14 sklepów", "hotel (48 pokoi)"
    "sklepow sklepy sklepach pokoi pokoje pokojow oddzialow oddzialy placowek placowki filii "
    "lokali lokalizacji hoteli restauracji biur szkol przedszkoli pieter budynkow "
    "stores shops rooms branches offices locations floors buildings"
)
STOPWORDS = word_set(
    "i a w we z ze na do dla od po o u za pod przy oraz lub albo and or of in for to the per "
    "from with on at by"
)
RATES = {
    "day": r"(?:raz\s+)?dziennie|co\s*dziennie|na\s+dzien|dobowo|na\s+dobe|co\s+dzien"
    r"|kazdego\s+dnia|per\s+day|a\s+day|each\s+day|every\s+day|daily",
    "week": r"tygodniowo|na\s+tydzien|(?:raz\s+)?w\s+tygodniu|co\s+tydzien|kazdego\s+tygodnia"
    r"|per\s+week|a\s+week|each\s+week|every\s+week|weekly",
    "month": r"miesiecznie|na\s+miesiac|(?:raz\s+)?w\s+miesiacu|co\s+miesiac|kazdego\s+miesiaca"
    r"|per\s+month|a\s+month|each\s+month|every\s+month|monthly",
    "year": r"rocznie|na\s+rok|co\s+roku|kazdego\s+roku|per\s+year|a\s+year|yearly|annually",
}
SLASH_RATES = {"day": r"dzien|doba|day|d", "week": r"tydz\w*|tyg\.?|week|wk",
               "month": r"mies\w*\.?|m-?c|month|mo", "year": r"rok|year|yr"}  # fmt: skip
RATE = re.compile(
    "|".join(
        [rf"(?<!\w)(?P<{period}>{words})(?!\w)" for period, words in RATES.items()]
        + [rf"/\s*(?P<slash_{period}>{words})(?!\w)" for period, words in SLASH_RATES.items()]
    )
)
CLAUSE_END = re.compile(r"[.;!?\n]")
SPACES = re.compile(r"\s*")
ONLY_APPROXIMATELY = re.compile(rf"[\s,:]*(?:(?:{APPROXIMATELY})\s*)?")
AMOUNT_BEFORE = re.compile(r"\d\S*(?:\s+[^\s\d]+){0,2}\s*$")
NEXT_WORD = re.compile(r"\s*(?P<word>[^\W\d_][\w²]*\.?|m²)")


@dataclass(frozen=True)
class Amount:
    """An amount read from a text, and the words that stated it (as written)."""

    quantity: Quantity
    words: tuple[str, ...]
    spans: tuple[Span, ...] = ()  # where they stand, to blank each where it is

    @property
    def rate(self) -> bool:
        return self.quantity.per is not None


def _number(text: str) -> float:
    """ "10 000" → 10000, "1,5" → 1.5, "1.500" → 1500."""
    text = re.sub(r"[ \u00a0\u202f]", "", text)
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", text):
        return float(re.sub(r"[.,]", "", text))
    return float(text.replace(",", "."))


def _period(match: re.Match) -> str:
    return next(name for name, value in match.groupdict().items() if value).removeprefix("slash_")


def _rate_after(folded: str, end: int) -> re.Match | None:
    """A rate phrase within three words after ``end``, in the same clause."""
    clause = CLAUSE_END.split(folded[end : end + 60])[0]
    match = RATE.search(folded, end, end + len(clause))
    between = folded[end : match.start()] if match else ""
    if match and len(between.split()) <= 3 and not re.search(r"\d", between):
        return match
    return None


def _rate_before(folded: str, start: int) -> re.Match | None:
    """A rate phrase right before ``start`` ("codziennie ok. 120 obiadów")."""
    window = max(0, start - 40)
    clause = max([window, *(match.end() for match in CLAUSE_END.finditer(folded, window, start))])
    for match in RATE.finditer(folded, clause, start):
        if not ONLY_APPROXIMATELY.fullmatch(folded, match.end(), start):
            continue
        # "400 obiadów dziennie, 30 kolacji": the rate closes the amount before it
        if not AMOUNT_BEFORE.search(folded, clause, match.start()):
            return match
    return None


def _unit(folded: str, position: int) -> tuple[str, bool, float, int] | None:
    """(unit, dropped?, multiplier, end) of the word(s) after a number at ``position``;
    None when they say the number is no amount of work."""
    two_words = TWO_WORD_UNITS.match(folded, position)
    if two_words:
        return "m²", True, 1, two_words.end()
    word = NEXT_WORD.match(folded, position)
    if word is None:
        return None
    token = word.group("word")
    bare = token.rstrip(".")
    for words, unit, multiplier in SCALED:
        if token in words or bare in words:
            return unit, True, multiplier, word.end()
    if token in UNITS or bare in UNITS:
        unit, dropped = UNITS.get(token) or UNITS[bare]
        return unit, dropped, 1, word.end()
    counted = (
        token not in NOT_UNITS
        and bare not in NOT_UNITS
        and bare not in STOPWORDS
        and len(bare) >= 3
        and not is_town_name(token)
    )
    return ("szt.", False, 1, word.end()) if counted else None


def _amount(found: FoldedText, folded: str, match: re.Match) -> Amount | None:
    value = _number(match.group("upper") or match.group("number"))
    times = (match.group("times") or "").rstrip(".")
    value *= MULTIPLIERS.get(times, 1)
    return _counted(found, folded, match.start(), match.end(), value, bool(times))


def _worded_amount(found: FoldedText, folded: str, worded: Worded) -> Amount | None:
    """An amount written in words ("dwanaście tysięcy sztuk"); "tysięcy" says it as
    "tys." does."""
    thousands = worded.value >= 1000
    return _counted(found, folded, worded.start, worded.end, worded.value, thousands)


def _counted(
    found: FoldedText, folded: str, start: int, end: int, value: float, times: bool
) -> Amount | None:
    """The amount of ``value`` whose number stands at ``start:end``, with the unit or thing
    counted after it and a rate phrase around it; None when the words after it say it is
    no amount of work (and no "tys." said it is)."""
    # a rate right after the number counts pieces ("ok. 3 000 tygodniowo"), it is no unit
    rate_next = RATE.match(folded, SPACES.match(folded, end).end())
    unit = None if rate_next else _unit(folded, end)
    if unit is None and not (times or rate_next):
        return None
    name, dropped, multiplier, unit_end = unit or ("szt.", False, 1, end)
    spans = [found.span_at(start, unit_end if dropped else end)]
    per = None
    rate = _rate_after(folded, unit_end) or _rate_before(folded, start)
    if rate:
        per = _period(rate)
        spans.append(found.span(rate))
    value *= multiplier
    if per == "year":
        per, value = "month", value / 12
    return Amount(Quantity(value, name, per), found.words(*spans), tuple(spans))


def amounts(text: str, today: date | None = None) -> list[Amount]:
    """Every amount in ``text``, in order (``today`` only helps tell dates apart)."""
    found = FoldedText(text)
    not_amounts = dates_in(found, today or date.today())
    not_amounts += [match.span() for match in NOT_AMOUNTS.finditer(found.folded)]
    characters = list(found.folded)
    for start, end in not_amounts:
        characters[start:end] = " " * (end - start)
    folded = "".join(characters)
    read = [(match.start(), _amount(found, folded, match)) for match in AMOUNT.finditer(folded)]
    read += [
        (worded.start, _worded_amount(found, folded, worded)) for worded in worded_numbers(folded)
    ]
    return [amount for _start, amount in sorted(read, key=lambda pair: pair[0]) if amount]


def find_quantity(text: str, today: date | None = None) -> Amount | None:
    """The amount ``text`` asks for: its first rate, else its first amount; None if none."""
    found = amounts(text, today)
    return next((amount for amount in found if amount.rate), found[0] if found else None)
