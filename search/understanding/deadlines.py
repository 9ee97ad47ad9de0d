"""Dates in a request, and which of them is its deadline, read relative to a given day.

A deadline is a date after a word that sets one ("do 15 marca", "na 20.04",
"termin: 20.04.2027", "by 15 March", "najpóźniej 3 maja"), or a phrase that is
one by itself ("do końca maja", "w ciągu 2 tygodni", "within a month", "do
piątku"). A date after "od"/"from" starts the work and is no deadline, nor is
a time to pay in ("Płatność przelewem w ciągu 21 dni", "invoices within 30
days"); a date without any such word is taken as the deadline when no other
date is.

Without a year, a date is the next such date from ``today`` on ("15 marca" read
in May is next year's). Months alone: "do marca"/"by March"/"na marzec" mean
its first day (the work is wanted when March begins), "do końca marca" and "w
marcu" its last, "do połowy marca" the 15th; "do końca miesiąca/roku" the last
day of this month or year, "do końca tygodnia" this week's Friday. Every date
found, deadline or not, is dropped from the words: a date says nothing about
the work.
"""

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from search.understanding.folded import FoldedText, Span

# The months in order, as they are written after a day, alone, and after "w", folded.
GENITIVE = """stycznia lutego marca kwietnia maja czerwca lipca sierpnia wrzesnia pazdziernika
    listopada grudnia"""
NOMINATIVE = """styczen luty marzec kwiecien maj czerwiec lipiec sierpien wrzesien pazdziernik
    listopad grudzien"""
LOCATIVE = """styczniu lutym marcu kwietniu maju czerwcu lipcu sierpniu wrzesniu pazdzierniku
    listopadzie grudniu"""
ENGLISH = "january february march april may june july august september october november december"
ABBREVIATED = "jan feb mar apr may jun jul aug sep oct nov dec"


def _months(*lists: str) -> dict[str, int]:
    return {name: number for names in lists for number, name in enumerate(names.split(), 1)}


MONTH_OF = _months(GENITIVE, NOMINATIVE, LOCATIVE, ENGLISH, ABBREVIATED) | {"sept": 9}


def _alternatives(*lists: str) -> str:
    names = sorted({name for names in lists for name in names.split()}, key=len, reverse=True)
    return "|".join(names)


AFTER_DAY = _alternatives(GENITIVE, ENGLISH, ABBREVIATED, "sept")
# "do marca", "by March": the month by when (genitive in Polish).
BY_MONTH = _alternatives(GENITIVE, ENGLISH)
IN_MONTH = _alternatives(LOCATIVE, ENGLISH)
FOR_MONTH = _alternatives(NOMINATIVE)
WEEKDAYS = {
    "poniedzialku": 0, "poniedzialek": 0, "monday": 0, "wtorku": 1, "wtorek": 1,
    "tuesday": 1, "srody": 2, "sroda": 2, "srode": 2, "wednesday": 2, "czwartku": 3,
    "czwartek": 3, "thursday": 3, "piatku": 4, "piatek": 4, "friday": 4, "soboty": 5,
    "sobota": 5, "sobote": 5, "saturday": 5, "niedzieli": 6, "niedziela": 6, "niedziele": 6,
    "sunday": 6,
}  # fmt: skip
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "jeden": 1, "jednego": 1, "jednej": 1, "dwa": 2, "dwoch": 2,
    "dwie": 2, "dwu": 2, "two": 2, "trzy": 3, "trzech": 3, "three": 3, "cztery": 4,
    "czterech": 4, "four": 4, "piec": 5, "pieciu": 5, "five": 5, "szesc": 6, "szesciu": 6,
    "six": 6, "siedem": 7, "siedmiu": 7, "seven": 7, "osiem": 8, "osmiu": 8, "eight": 8,
}  # fmt: skip
UNIT_DAYS = {"dzien": 1, "dni": 1, "dnia": 1, "day": 1, "days": 1, "tydzien": 7, "tygodni": 7,
             "tygodnia": 7, "tygodnie": 7, "week": 7, "weeks": 7}  # fmt: skip
MONTH_UNITS = {"miesiac", "miesiaca", "miesiace", "miesiecy", "month", "months"}
HOUR_UNITS = {"godzin", "godziny", "godz", "godz.", "h", "hour", "hours"}

YEAR = r"(?:\s*,?\s*(?P<year>20\d\d))?(?:\s*(?:r\.|r\b|roku\b))?"
DAY = r"(?P<day>[0-3]?\d)"
# Each pattern and how it dates: "day" (a day and a month), "month_start", "month_middle",
# "month_end" (of a month, or of this month, year or week), "relative" (days, weeks, months
# or hours from today), "weekday" (the next one), "tomorrow".
PATTERNS = [
    ("day", rf"(?P<year>20\d\d)-(?P<month>[01]?\d)-{DAY}(?!\d)"),
    # the full stop after a month is an abbreviation's only before a year ("13 lis. 2027");
    # "w czwartek 13 maja. Kolportażem …" ends a sentence, and the readers after need it
    (
        "day",
        rf"{DAY}(?:\.|st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{AFTER_DAY})\b"
        rf"(?:\.(?=\s*20\d\d))?{YEAR}",
    ),
    ("day", rf"(?P<month>{_alternatives(ENGLISH)})\s+{DAY}(?:st|nd|rd|th)?\b{YEAR}"),
    (
        "day",
        rf"(?<![\d.,]){DAY}[./](?P<month>[01]?\d)(?:[./](?P<year>20\d\d|\d\d))?(?![\d]|[.,]\d)",
    ),
    (
        "month_end",
        rf"(?:do\s+|by\s+|before\s+|until\s+)?(?:konca|koniec|the\s+end\s+of|end\s+of)\s+"
        rf"(?P<month>{BY_MONTH}|miesiaca|roku|tygodnia|the\s+month|the\s+year|the\s+week)\b{YEAR}",
    ),
    (
        "month_middle",
        rf"(?:do\s+|by\s+)?(?:polowy|mid-?|the\s+middle\s+of|middle\s+of)\s*(?P<month>{BY_MONTH})\b{YEAR}",
    ),
    (
        "month_start",
        rf"(?:do\s+|by\s+)?(?:poczatku|the\s+beginning\s+of|beginning\s+of|early)\s+"
        rf"(?P<month>{BY_MONTH})\b{YEAR}",
    ),
    ("month_start", rf"(?:do|by|before|until|till)\s+(?P<month>{BY_MONTH})\b{YEAR}"),
    ("month_start", rf"na\s+(?P<month>{FOR_MONTH})\b{YEAR}"),
    ("month_end", rf"(?:w|in)\s+(?P<month>{IN_MONTH})\b{YEAR}"),
    (
        "relative",
        r"(?:w\s+ciagu|w\s+przeciagu|within|za|in)\s+"
        r"(?:(?P<count>\d{1,3})\s*(?:[-\u2013]\s*\d+\s*)?|(?P<count_word>[a-z]+)\s+)?"
        r"(?P<unit>dni|dnia|dzien|days?|tygodni[ae]?|tydzien|weeks?|miesiac[ae]?|miesiecy|months?"
        r"|godzin[y]?|godz\.?|h|hours?)(?!\w)",
    ),
    ("weekday", rf"(?:do|na|by|before|until)\s+(?P<weekday>{'|'.join(WEEKDAYS)})\b"),
    ("tomorrow", r"(?:do|na|by|until|for)\s+(?P<tomorrow>jutra|jutro|pojutrza|tomorrow)\b"),
]
COMPILED = [(kind, re.compile(rf"(?<![\w]){pattern}")) for kind, pattern in PATTERNS]
# Words before a date that make it the deadline, dropped with it.
DEADLINE_WORDS = re.compile(
    r"(?:(?<!\w)(?:do|na|by|before|until|till|due|deadline|termin\w*|najpozniej|dnia|dn|on|the"
    r"|date|nie\s+pozniej\s+niz|no\s+later\s+than)[\s:.,-]*)+$"
)
# A time to pay in, not a deadline for the work: "Płatność przelewem w ciągu 21 dni".
PAYMENT_WORDS = re.compile(
    r"(?<!\w)(?:platnos\w*|zaplat\w*|faktur\w*|przelew\w*|payment|invoice\w*|pay|paid)"
    r"\b[^.,;!?\n]*$"
)
START_WORDS = re.compile(r"(?<!\w)(?:od|from|since|starting|poczawszy\s+od|start\w*)[\s:.,-]*$")
# Days of the week that say when the work happens, not by when: "od poniedziałku do piątku",
# "na sobotę i niedzielę", "from Monday to Friday".
WEEKDAY_ALTERNATIVES = "|".join(WEEKDAYS)
SCHEDULE_BEFORE = re.compile(rf"(?<!\w)(?:od|from)\s+(?:{WEEKDAY_ALTERNATIVES})[\s,-]*$")
SCHEDULE_AFTER = re.compile(
    rf"\s*(?:,|-|\u2013|i|oraz|lub|albo|and|or)\s*(?:{WEEKDAY_ALTERNATIVES})\b"
)
# Kinds of date that name the day by the calendar, not from today.
CALENDAR = {"day", "month_start", "month_middle", "month_end"}
# A day.month followed by one of these is an amount ("1.5 tys.", "2.5 kg"), not a date.
AMOUNT_AFTER = re.compile(r"\s*(?:tys|k\b|kg|szt|mln|%|t\b|ton|m2|l\b|zl|pln)")


@dataclass(frozen=True)
class Dates:
    deadline: date | None = None
    words: tuple[str, ...] = ()
    spans: tuple[Span, ...] = ()  # where they stand, to blank each where it is


@dataclass(frozen=True)
class Mention:
    span: Span  # in the text as written
    folded_start: int  # in the folded text
    folded_end: int
    day: date | None
    kind: str  # "deadline", "start", "payment", "schedule" or "plain"
    pattern: str  # which kind of PATTERNS found it ("day", "weekday", ...)


def _next(month: int, day: int, today: date, year: str | None) -> date | None:
    """The date of ``day``.``month``: in ``year`` if written, else the next one from today."""
    try:
        if year:
            return date(int(year) + (2000 if len(year) == 2 else 0), month, day)
        this_year = date(today.year, month, day)
        return this_year if this_year >= today else date(today.year + 1, month, day)
    except ValueError:
        return None


def _month_day(month: int, which: str, today: date, year: str | None) -> date:
    """The first, middle or last day of ``month``: in ``year`` if written, else the next
    such day from today on."""

    def day_in(chosen: int) -> date:
        last = calendar.monthrange(chosen, month)[1]
        return date(chosen, month, {"month_start": 1, "month_middle": 15, "month_end": last}[which])

    if year:
        return day_in(int(year))
    this_year = day_in(today.year)
    return this_year if this_year >= today else day_in(today.year + 1)


def _last_day_of_month(today: date) -> date:
    return date(today.year, today.month, calendar.monthrange(today.year, today.month)[1])


def _add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _dated(kind: str, match: re.Match, today: date) -> date | None:
    groups = match.groupdict()
    if kind == "day":
        month = groups["month"]
        number = MONTH_OF.get(month) if not month.isdigit() else int(month)
        if not number or not 1 <= number <= 12:
            return None
        return _next(number, int(groups["day"]), today, groups.get("year"))
    if kind in ("month_start", "month_middle", "month_end"):
        month = " ".join(groups["month"].split())
        if month in ("miesiaca", "the month"):
            return _last_day_of_month(today)
        if month in ("roku", "the year"):
            return date(today.year, 12, 31)
        if month in ("tygodnia", "the week"):
            return today + timedelta(days=(4 - today.weekday()) % 7)
        return _month_day(MONTH_OF[month], kind, today, groups.get("year"))
    if kind == "relative":
        count, unit = groups["count"] or groups["count_word"], groups["unit"]
        if count is None and UNIT_DAYS.get(unit) == 1:
            return None  # "w ciągu dnia" is "during the day"
        number = int(count) if count and count.isdigit() else NUMBER_WORDS.get(count or "a")
        if number is None:
            return None
        if unit in MONTH_UNITS:
            return _add_months(today, number)
        if unit in HOUR_UNITS:  # "w ciągu 48 godzin": the day the hours run out
            return today + timedelta(days=-(-number // 24))
        return today + timedelta(days=number * UNIT_DAYS[unit])
    if kind == "weekday":
        ahead = (WEEKDAYS[groups["weekday"]] - today.weekday()) % 7 or 7
        return today + timedelta(days=ahead)
    return today + timedelta(days=2 if groups["tomorrow"] == "pojutrza" else 1)


def _mentions(found: FoldedText, today: date) -> list[Mention]:
    mentions: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in COMPILED:
        for match in pattern.finditer(found.folded):
            if any(start < match.end() and match.start() < end for start, end in taken):
                continue
            if kind == "day" and not _is_date(found.folded, match):
                continue
            day = _dated(kind, match, today)
            if day is None:
                continue
            before = found.folded[max(0, match.start() - 40) : match.start()]
            cue = DEADLINE_WORDS.search(before)
            starts = START_WORDS.search(before)
            if kind == "weekday" and (
                SCHEDULE_BEFORE.search(before) or SCHEDULE_AFTER.match(found.folded, match.end())
            ):
                role = "schedule"
            elif PAYMENT_WORDS.search(before):
                role = "payment"
            elif kind != "day" or cue:
                role = "deadline"
            elif starts:
                role, cue = "start", starts
            else:
                role = "plain"
            start = match.start() - (len(cue.group(0)) if cue else 0)
            taken.append((start, match.end()))
            span = found.span_at(start, match.end())
            mentions.append(Mention(span, start, match.end(), day, role, kind))
    return sorted(mentions, key=lambda mention: mention.folded_start)


def _is_date(folded: str, match: re.Match) -> bool:
    """A day.month without a year is a date only with a two-digit month ("20.04"), not
    followed by a unit ("1.5 tys.")."""
    text = match.group(0)
    if re.fullmatch(r"[0-3]?\d[./][01]?\d", text):
        if AMOUNT_AFTER.match(folded, match.end()):
            return False
        return len(match.group("month")) == 2
    return True


def dates_in(found: FoldedText, today: date) -> list[tuple[int, int]]:
    """Where dates stand in a folded text (so that their numbers are not read as amounts)."""
    return [(mention.folded_start, mention.folded_end) for mention in _mentions(found, today)]


def read_dates(text: str, today: date) -> Dates:
    """The deadline of ``text`` (see the module's rules) and the words of all its dates."""
    found = FoldedText(text)
    mentions = _mentions(found, today)
    deadlines = [mention for mention in mentions if mention.kind == "deadline"]
    # "Na piątek" beside "12-14 czerwca 2027" is that week's Friday, not the next one from
    # today: a day of the week is the deadline only where no date by the calendar is written.
    if any(mention.pattern in CALENDAR for mention in mentions):
        deadlines = [mention for mention in deadlines if mention.pattern != "weekday"]
    plain = [mention for mention in mentions if mention.kind == "plain"]
    chosen = deadlines[0] if deadlines else (plain[0] if len(plain) == 1 else None)
    return Dates(
        deadline=chosen.day if chosen else None,
        words=found.words(*(mention.span for mention in mentions)),
        spans=tuple(mention.span for mention in mentions),
    )
