"""Whether a cooperative's stated capacity can carry a need's quantity by its deadline."""

from dataclasses import dataclass

PERIODS = ("day", "week", "month")


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
