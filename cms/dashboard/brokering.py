"""What the regional dashboard counts of brokered help (partners.brokering), per region and
period: requests received, the median days to the first recommendation, and the needs
that ended in an order. Defined here once; the page prints :data:`BROKERING_RULES`.

A request is counted in the voivodeship of the regional centre it was sent to
(kept on the request), in the period in which the company sent it. Not cached:
three small queries on a table that grows by a few rows a day.
"""

from dataclasses import dataclass, field
from statistics import median

from django.db.models import Exists, OuterRef
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from cms.dashboard.figures import Column, Period, Table
from cms.models import Voivodeship
from partners.models import BrokeredRequest, Order

BROKERING_RULES = (
    _(
        "Requests received: companies' requests for help sent within the period, counted in "
        "the voivodeship of the regional centre they were sent to."
    ),
    _(
        "Median days to the first recommendation: of the requests received within the period "
        "and answered, the time from the request to the first recommendation sent, in days; "
        "half of them took less, half more."
    ),
    _(
        "Needs that ended in an order: needs with a request received within the period that "
        "have an order placed or delivered (not cancelled), on any day up to today."
    ),
)

SECONDS_A_DAY = 86_400


@dataclass
class BrokeringRow:
    name: str
    code: str = ""
    received: int = 0
    answered: int = 0
    ended_in_order: int = 0
    # Days from request to first recommendation, one per answered request.
    waits: list[float] = field(default_factory=list, repr=False)
    is_total: bool = False

    @property
    def median_days(self) -> float | None:
        """None when no request was answered: no median, which is not zero days."""
        return round(median(self.waits), 1) if self.waits else None


@dataclass
class BrokeringFigures:
    period: Period
    rows: list[BrokeringRow]
    total: BrokeringRow


# The columns the downloads print, as the page shows them.
BROKERING_COLUMNS = (
    Column("received", _("Requests received"), BROKERING_RULES[0]),
    Column("answered", _("Answered"), _("Requests received that have a recommendation.")),
    Column("median_days", _("Median days to the first recommendation"), BROKERING_RULES[1]),
    Column("ended_in_order", _("Needs that ended in an order"), BROKERING_RULES[2]),
)


def as_table(figures: BrokeringFigures) -> Table:
    """The figures as a :class:`~cms.dashboard.figures.Table`, for the CSV and XLSX files."""
    return Table(
        heading=gettext("Voivodeship"),
        columns=BROKERING_COLUMNS,
        rows=figures.rows,
        total=figures.total,
    )


def brokering_figures(voivodeship: Voivodeship | None, period: Period) -> BrokeringFigures:
    """Per voivodeship (all 16, zeros included) or for the one chosen, and the total."""
    requests = BrokeredRequest.objects.all()
    if voivodeship is not None:
        requests = requests.filter(voivodeship=voivodeship)
    if period.start:
        requests = requests.filter(created_at__gte=period.start_moment)
    if period.end:
        requests = requests.filter(created_at__lt=period.end_moment)
    ordered = Order.objects.filter(need=OuterRef("need")).exclude(status=Order.Status.CANCELLED)
    regions = [voivodeship] if voivodeship else list(Voivodeship.objects.order_by("teryt"))
    rows = {region.pk: BrokeringRow(region.name, region.teryt) for region in regions}
    total = BrokeringRow(
        gettext("Total: %(region)s")
        % {"region": voivodeship.name if voivodeship else gettext("Poland")},
        is_total=True,
    )
    needs_per_row: dict[int, set[int]] = {pk: set() for pk in rows}
    needs_in_total: set[int] = set()
    found = requests.annotate(has_order=Exists(ordered)).values_list(
        "voivodeship_id", "need_id", "created_at", "answered_at", "has_order"
    )
    for region, need, asked, answered, has_order in found:
        row = rows[region]
        for counted in (row, total):
            counted.received += 1
            if answered is not None:
                counted.answered += 1
                counted.waits.append((answered - asked).total_seconds() / SECONDS_A_DAY)
        if has_order:
            needs_per_row[region].add(need)
            needs_in_total.add(need)
    for region, row in rows.items():
        row.ended_in_order = len(needs_per_row[region])
    total.ended_in_order = len(needs_in_total)
    return BrokeringFigures(period=period, rows=list(rows.values()), total=total)
