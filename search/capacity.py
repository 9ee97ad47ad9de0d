"""Whether a cooperative's stated capacity can carry a need's quantity by its deadline.

:func:`capacity_fit` is pure (no database, no clock: ``today`` is passed in),
so the matcher can call it for every hit and a test can pin every boundary.
Its rules:

* Only capacities for the request's parts (the kinds of work it asks for)
  count, and only those in a unit compatible with the request's: pieces
  ("szt.", "sztuk", "pcs", …), meals ("posiłków", "obiadów", "porcji",
  "meals"), kg, m², pages, hours. People ("osób") count as meals for
  catering: one guest, one meal.
* Rates are compared per working day: a week is 5 working days, a month 21
  (:data:`cooperatives.models.WORKING_DAYS`). A rate asked for ("400 obiadów
  dziennie") is compared with the rate stated.
* A one-off amount with a deadline is compared with what the cooperative
  makes from today + its lead time up to the deadline: the working days
  (Monday to Friday) from the first possible delivery, the deadline day
  itself not counted (it is the day of delivery). Without a deadline, with
  four weeks of work (20 working days).
* A one-off head count for catering ("obiad dla 300 osób") is served at one
  sitting, so it is compared with one day's meals; four weeks of cooking
  would make every kitchen look big enough for any banquet.
* When a deadline is given and the first delivery would come after it (or the
  deadline has passed), the capacity is short whatever its size.
* ratio = what can be made / what is needed: 1.2 or more fits, from 0.9 to
  just under 1.2 is tight, below 0.9 is short. Where several parts have a
  comparable capacity, the part with the smallest ratio decides (it is the
  bottleneck); for one part stated in several rows, the largest counts.
* No quantity, or no comparable capacity: unknown. The reason then says that
  capacity is not stated (or stated in other units) only when a quantity was
  asked; with no quantity it is empty.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction

from django.utils.formats import number_format
from django.utils.translation import gettext, ngettext

from cooperatives.models import WORKING_DAYS, per_period_phrase, rate_phrase

PERIODS = ("day", "week", "month")

FITS, TIGHT, SHORT, UNKNOWN = "fits", "tight", "short", "unknown"
# Exact fractions, so that a ratio of exactly 1.2 fits and 1.19 does not.
FITS_FROM = Fraction(6, 5)
TIGHT_FROM = Fraction(9, 10)
# A one-off amount without a deadline is compared with four weeks of work.
UNDATED_WORKING_DAYS = 20

PEOPLE, MEALS = "people", "meals"
# The words a unit is written with -> what is counted. Stated capacities use the first
# word of each line (the import format's units); requests may use any of them.
UNIT_WORDS = {
    "pieces": "szt. szt sztuk sztuki sztuka pcs pcs. pc piece pieces zestawów zestawy "
    "kompletów komplety opakowań paczek kostek wiązek sets packs items",
    MEALS: "posiłków posiłki posiłek obiadów obiady obiad porcji porcje porcja meals meal",
    PEOPLE: "osób osoby osoba people persons person guests gości",
    "kg": "kg kilogramów kilogramy kilogram",
    "m²": "m² m2 mkw",
    "pages": "stron strony strona stronę pages page",
    "hours": "godzin godziny godzina godz. godz h hours hour",
}
UNIT_KINDS = {word: kind for kind, words in UNIT_WORDS.items() for word in words.split()}


@dataclass(frozen=True)
class Quantity:
    """An amount of work a request names: "2000 szt." (one-off) or "400 obiadów dziennie".

    ``unit`` is the unit as written, normalised to one of the capacity units where it is
    known ("szt.", "posiłków", "kg", "m²", "stron", "godzin", "osób"); ``per`` is one of
    :data:`PERIODS`, or None for a one-off amount.
    """

    value: float
    unit: str
    per: str | None = None


@dataclass(frozen=True)
class CapacityFit:
    """The verdict (``fits``, ``tight``, ``short`` or ``unknown``), a sentence saying why in
    the active language, and the ratio it rests on (None when unknown), for ordering."""

    fit: str
    reason: str
    ratio: float | None = None


def unit_kind(unit: str) -> str | None:
    """What a unit counts ("sztuk" and "pcs" both count pieces); None for a unit unknown."""
    return UNIT_KINDS.get(" ".join(unit.lower().split()))


def working_days(start: date, end: date) -> int:
    """Monday-to-Friday days from ``start`` up to ``end``, ``end`` not counted."""
    if end <= start:
        return 0
    weeks, rest = divmod((end - start).days, 7)
    tail = start + timedelta(days=7 * weeks)
    return 5 * weeks + sum((tail + timedelta(days=i)).weekday() < 5 for i in range(rest))


def capacity_fit(
    quantity: Quantity | None,
    parts: list[str],
    capacities: list[dict],
    lead_time_days: int | None,
    deadline: date | None,
    today: date,
) -> CapacityFit:
    """Can a cooperative stating ``capacities`` (dicts with ``capability``, ``amount``,
    ``unit``, ``per``, as indexed) make ``quantity`` of ``parts`` in time? See the module's
    rules."""
    if quantity is None or quantity.value <= 0:
        return CapacityFit(UNKNOWN, "")
    wanted = unit_kind(quantity.unit)
    for_parts = [capacity for capacity in capacities if capacity["capability"] in parts]
    largest: dict[str, dict] = {}
    for capacity in for_parts:
        if not _comparable(capacity, wanted):
            continue
        part = capacity["capability"]
        if part not in largest or _per_day(capacity) > _per_day(largest[part]):
            largest[part] = capacity
    if not largest:
        if for_parts:
            return CapacityFit(UNKNOWN, gettext("capacity stated in other units"))
        return CapacityFit(UNKNOWN, gettext("capacity not stated"))
    start = today + timedelta(days=lead_time_days or 0)
    if deadline is not None and deadline < today:
        return CapacityFit(SHORT, gettext("the deadline has passed"), 0.0)
    if deadline is not None and start > deadline:
        return CapacityFit(SHORT, _too_late(start - today, deadline - today), 0.0)
    ratio, reason = min(
        (_judge(quantity, wanted, capacity, start, deadline) for capacity in largest.values()),
        key=lambda judged: judged[0],
    )
    return CapacityFit(_verdict(ratio), reason, float(ratio))


def _comparable(capacity: dict, wanted: str | None) -> bool:
    stated = unit_kind(capacity["unit"])
    if wanted is None or stated is None:
        return False
    return stated == wanted or (
        wanted == PEOPLE and stated == MEALS and capacity["capability"] == "catering"
    )


def _per_day(capacity: dict) -> Fraction:
    return Fraction(capacity["amount"]) / WORKING_DAYS[capacity["per"]]


def _verdict(ratio: Fraction) -> str:
    if ratio >= FITS_FROM:
        return FITS
    if ratio >= TIGHT_FROM:
        return TIGHT
    return SHORT


def _judge(
    quantity: Quantity, wanted: str, capacity: dict, start: date, deadline: date | None
) -> tuple[Fraction, str]:
    """(ratio, reason) of one stated capacity against the quantity asked."""
    rate = _per_day(capacity)
    values = {
        "capacity": rate_phrase(capacity["amount"], capacity["unit"], capacity["per"]),
        "need": _number(quantity.value),
    }
    needed = Fraction(quantity.value)
    if quantity.per:
        values["need"] = per_period_phrase(values["need"], quantity.per)
        reason = gettext("states %(capacity)s; you need %(need)s") % values
        return rate / (needed / WORKING_DAYS[quantity.per]), reason
    if wanted == PEOPLE:
        reason = ngettext(
            "states %(capacity)s; you need meals for %(need)s person on one day",
            "states %(capacity)s; you need meals for %(need)s people on one day",
            round(quantity.value),
        )
        return rate / needed, reason % values
    if deadline is None:
        can_make = rate * UNDATED_WORKING_DAYS
        reason = gettext("states %(capacity)s, about %(can)s in four weeks; you need %(need)s")
    else:
        days = working_days(start, deadline)
        if days == 0:
            return Fraction(0), gettext(
                "no working day between the first delivery and the deadline"
            )
        can_make = rate * days
        reason = gettext("states %(capacity)s, about %(can)s by the deadline; you need %(need)s")
    return can_make / needed, reason % {**values, "can": int(can_make)}


def _too_late(lead: timedelta, left: timedelta) -> str:
    """Why a first delivery after the deadline does not do."""
    values = {"lead": _days(lead.days)}
    if left.days == 0:
        return gettext("first delivery %(lead)s after the order; the deadline is today") % values
    values["left"] = _days(left.days)
    return gettext("first delivery %(lead)s after the order; the deadline is in %(left)s") % values


def _days(count: int) -> str:
    return ngettext("%(count)s day", "%(count)s days", count) % {"count": count}


def _number(value: float) -> str:
    """A requested amount as people write it: whole numbers without decimals."""
    if float(value).is_integer():
        return str(int(value))
    return number_format(round(value, 1), decimal_pos=1)
