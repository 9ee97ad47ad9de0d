"""From a WTZ to paid work, per region: the number the whole effort exists to move.

The founding report counts about 22,000 participants of occupational therapy
workshops (WTZ) in Poland, of whom 0.38 % take up a job. The dashboard and
the public summary set beside it what the directory's profiles state:

* WTZ participants: the participants the published workshops give on their
  profiles, added up where the workshop is;
* moved into cooperatives: the workers the published cooperatives state came
  from a WTZ, added up where the cooperative is (wherever the WTZ was);
* share: moved into cooperatives divided by WTZ participants, in per cent;
  none where no participants are stated.

Only live pages visible to everyone count (drafts and private pages never do),
and a period counts the profiles first published by its last day, as for the
other profile figures (:data:`cms.dashboard.figures.PERIOD_RULES`). The two
numbers are what profiles state today, not a flow over the period: the share
is comparable with the national figure only roughly, and the page says so.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import F, Sum
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from cms import public_cache
from cms.dashboard.figures import Column, Period, Table, polish_order
from cms.models import Powiat, Voivodeship
from cooperatives.models import CooperativePage
from workshops.models import WorkshopPage

# The founding report's national figures (../shared/design/brief.md, seed 002).
NATIONAL_PARTICIPANTS = 22_000
NATIONAL_SHARE_PERCENT = Decimal("0.38")

DEFINITIONS = (
    (
        _("WTZ participants"),
        _(
            "The numbers of participants the published workshops give on their profiles, added "
            "up in the region where the workshop is."
        ),
    ),
    (
        _("Moved into cooperatives"),
        _(
            "The workers the published social cooperatives state came from a WTZ, added up in "
            "the region where the cooperative is, wherever the WTZ was."
        ),
    ),
    (
        _("Share"),
        _(
            "Moved into cooperatives divided by WTZ participants, in per cent. Both are what the "
            "profiles state today, not a count of moves within the period, so compare it with "
            "the national figure only roughly."
        ),
    ),
    (
        _("National figure"),
        _(
            "Of about 22,000 WTZ participants in Poland, 0.38% take up a job (the founding "
            "report of the WTZ-to-cooperative model)."
        ),
    ),
)


@dataclass
class WtzRow:
    name: str
    participants: int = 0
    moved: int = 0
    is_total: bool = False
    code: str = ""  # the region's TERYT code, for the downloads

    @property
    def share(self) -> Decimal | None:
        """Moved into cooperatives per hundred WTZ participants, to two decimals."""
        if not self.participants:
            return None
        exact = Decimal(self.moved * 100) / Decimal(self.participants)
        return exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)

    @property
    def is_empty(self) -> bool:
        return not (self.participants or self.moved)


@dataclass
class WtzToWork:
    heading: str
    rows: list[WtzRow]
    total: WtzRow
    national_share: Decimal = NATIONAL_SHARE_PERCENT
    national_participants: int = NATIONAL_PARTICIPANTS


# The columns the downloads print (the page shows the same three).
WTZ_COLUMNS = (
    Column("participants", _("WTZ participants"), DEFINITIONS[0][1]),
    Column("moved", _("Moved into cooperatives"), DEFINITIONS[1][1]),
    Column("share", _("Share (%)"), DEFINITIONS[2][1]),
)


def as_table(figures: WtzToWork) -> Table:
    """The figures as a :class:`~cms.dashboard.figures.Table`, for the CSV and XLSX files."""
    return Table(
        heading=figures.heading, columns=WTZ_COLUMNS, rows=figures.rows, total=figures.total
    )


def wtz_to_work(voivodeship: Voivodeship | None, period: Period) -> WtzToWork:
    """The figures of one voivodeship by powiat, or of Poland by voivodeship, as last
    counted until the directory changes (:mod:`cms.public_cache`)."""
    return public_cache.remember(
        "wtz-to-work",
        [voivodeship.pk if voivodeship else None, period.start, period.end],
        lambda: count_wtz_to_work(voivodeship, period),
    )


def count_wtz_to_work(voivodeship: Voivodeship | None, period: Period) -> WtzToWork:
    """Counted afresh from PostgreSQL (see the module's docstring)."""
    if voivodeship is None:
        key, regions = "voivodeship_id", list(Voivodeship.objects.order_by("teryt"))
        unplaced = WtzRow(gettext("voivodeship not given"))
        heading = gettext("Voivodeship")
    else:
        key = "powiat_id"
        regions = sorted(
            Powiat.objects.filter(voivodeship=voivodeship), key=lambda p: polish_order(p.name)
        )
        unplaced = WtzRow(gettext("powiat not given"))
        heading = gettext("Powiat")
    rows = {region.pk: WtzRow(region.name, code=region.teryt) for region in regions}
    for model, field, column in (
        (WorkshopPage, "participants", "participants"),
        (CooperativePage, "workers_from_wtz", "moved"),
    ):
        pages = model.objects.listed()
        if period.end:
            pages = pages.filter(first_published_at__lt=period.end_moment)
        if voivodeship is not None:
            pages = pages.filter(voivodeship=voivodeship)
        grouped = pages.order_by().values(region=F(key)).annotate(n=Sum(field))
        for item in grouped:
            row = rows.get(item["region"], unplaced)
            setattr(row, column, getattr(row, column) + (item["n"] or 0))
    listed = list(rows.values()) + ([] if unplaced.is_empty else [unplaced])
    region = voivodeship.name if voivodeship else gettext("Poland")
    total = WtzRow(gettext("Total: %(region)s") % {"region": region}, is_total=True)
    for row in listed:
        total.participants += row.participants
        total.moved += row.moved
    return WtzToWork(heading=heading, rows=listed, total=total)
