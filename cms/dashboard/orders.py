"""Orders from social cooperatives on the dashboard and the public summary: how many, their value,
per region and per kind of work, beside the previous period of the same length.

Counted here, once, for the page and both downloads alike (:data:`ORDER_RULES`
prints the same rules):

* an order counts on the day it was placed (``ordered``), both ends of the
  period included; cancelled orders never count;
* it is counted where its cooperative is (its voivodeship, or its powiat when
  a voivodeship is chosen), as partnerships are;
* only while both the cooperative's and the company's profiles are published
  (listed): the public summary never reveals a draft's orders;
* its kind of work is the order's own (``Order.capability``);
* the previous period is the same number of days just before the first day;
  a period without a first day has nothing to compare with. A period without
  a last day runs to today.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Count, F, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from cms import public_cache
from cms.dashboard.figures import Column, Period, Table, _RegionRows, polish_order
from cms.models import Voivodeship
from cooperatives.models import Capability, CooperativePage
from partners.models import Order, PartnerPage

ZERO = Decimal("0.00")

ORDER_RULES = (
    _(
        "Orders: orders companies placed with social cooperatives on a day within the period "
        "(both the first and the last day included). Cancelled orders are not counted."
    ),
    _(
        "Each order is counted where its cooperative is, and only while both the "
        "cooperative's and the company's profiles are published."
    ),
    _("Value: the orders' values in PLN added up; an order without a value adds nothing."),
    _(
        "Previous period: the same number of days just before the period's first day. "
        "Without a first day there is nothing to compare with; without a last day the "
        "period runs to today."
    ),
)

CURRENT_COLUMNS = (
    Column("orders", _("Orders"), _("Orders placed in the period, not cancelled.")),
    Column("value_pln", _("Value (PLN)"), _("Their values in PLN, added up.")),
)
COMPARISON_COLUMNS = (
    Column(
        "previous_orders",
        _("Orders, previous period"),
        _("Orders placed in the previous period of the same length, not cancelled."),
    ),
    Column(
        "previous_value_pln",
        _("Value, previous period (PLN)"),
        _("Their values in PLN, added up."),
    ),
    Column(
        "value_change_pln",
        _("Change in value (PLN)"),
        _("The value in the period less the value in the previous period."),
    ),
)


@dataclass
class OrderRow:
    """A region or a kind of work, with its orders in the period and the one before."""

    name: str
    code: str = ""
    orders: int = 0
    value_pln: Decimal = ZERO
    previous_orders: int = 0
    previous_value_pln: Decimal = ZERO
    is_total: bool = False

    @property
    def value_change_pln(self) -> Decimal:
        return self.value_pln - self.previous_value_pln

    @property
    def is_empty(self) -> bool:
        return not (self.orders or self.previous_orders)

    def add(self, other: "OrderRow") -> None:
        self.orders += other.orders
        self.value_pln += other.value_pln
        self.previous_orders += other.previous_orders
        self.previous_value_pln += other.previous_value_pln


@dataclass
class OrderFigures:
    period: Period
    previous: Period | None
    regions: Table
    kinds: Table

    @property
    def total(self) -> OrderRow:
        return self.regions.total

    @property
    def value_change_percent(self) -> Decimal | None:
        """The change in value against the previous period in per cent, one decimal; None
        when there is no previous period or its value was nothing."""
        total = self.total
        if self.previous is None or not total.previous_value_pln:
            return None
        change = total.value_change_pln / total.previous_value_pln * 100
        return change.quantize(Decimal("0.1"))


def previous_period(period: Period, today: date | None = None) -> Period | None:
    """The same number of days just before ``period``'s first day (its last day being today
    when open); None without a first day."""
    if period.start is None:
        return None
    end = period.end or today or timezone.localdate()
    days = (end - period.start).days + 1
    return Period(period.start - timedelta(days=days), period.start - timedelta(days=1))


def counted_orders():
    """The orders the figures count: not cancelled, of published cooperatives and companies."""
    return Order.objects.exclude(status=Order.Status.CANCELLED).filter(
        cooperative__in=CooperativePage.objects.listed(),
        need__partner__in=PartnerPage.objects.listed(),
    )


def _within(period: Period, prefix: str = "") -> Q:
    condition = Q()
    if period.start:
        condition &= Q(**{f"{prefix}ordered__gte": period.start})
    if period.end:
        condition &= Q(**{f"{prefix}ordered__lte": period.end})
    return condition


def _sums(period: Period, previous: Period | None) -> dict:
    sums = {
        "n": Count("pk", filter=_within(period)),
        "value": Sum("value_pln", filter=_within(period)),
    }
    if previous:
        sums.update(
            previous_n=Count("pk", filter=_within(previous)),
            previous_value=Sum("value_pln", filter=_within(previous)),
        )
    return sums


def _fill(row: OrderRow, item: dict) -> None:
    row.orders += item["n"]
    row.value_pln += item["value"] or ZERO
    row.previous_orders += item.get("previous_n", 0)
    row.previous_value_pln += item.get("previous_value") or ZERO


def order_figures(
    voivodeship: Voivodeship | None = None,
    start: date | None = None,
    end: date | None = None,
    today: date | None = None,
) -> OrderFigures:
    """Orders and their value by region (voivodeships of Poland, or powiats of one) and by kind
    of work, in the period and, with a first day, the previous period of the same length."""
    period = Period(start, end)
    previous = previous_period(period, today)
    places = _RegionRows(voivodeship)
    rows = {pk: OrderRow(row.name, row.code) for pk, row in places.rows.items()}
    unplaced = OrderRow(places.unplaced.name)
    orders = places.narrow(counted_orders(), through="cooperative__").order_by()
    either = _within(period) | _within(previous) if previous else _within(period)
    orders = orders.filter(either)
    sums = _sums(period, previous)
    for item in orders.values(region=F(f"cooperative__{places.key}")).annotate(**sums):
        _fill(rows.get(item["region"], unplaced), item)
    region_rows = list(rows.values()) + ([] if unplaced.is_empty else [unplaced])
    kinds, unnamed = {}, OrderRow(gettext("kind of work not given"))
    for item in orders.values("capability__code").annotate(**sums):
        code = item["capability__code"]
        row = unnamed if code is None else kinds.setdefault(code, OrderRow("", code))
        _fill(row, item)
    kind_rows = _kind_rows(kinds, unnamed)
    columns = CURRENT_COLUMNS + (COMPARISON_COLUMNS if previous else ())
    region_heading = gettext("Powiat") if voivodeship else gettext("Voivodeship")
    region_name = voivodeship.name if voivodeship else gettext("Poland")
    return OrderFigures(
        period=period,
        previous=previous,
        regions=_table(region_heading, columns, region_rows, region_name),
        kinds=_table(gettext("Kind of work"), columns, kind_rows, region_name),
    )


def _kind_rows(kinds: dict[str, OrderRow], unnamed: OrderRow) -> list[OrderRow]:
    """Kinds of work with their labels in the active language, largest value first."""
    labels = {c.code: c.label for c in Capability.objects.filter(code__in=kinds)}
    for code, row in kinds.items():
        row.name = labels.get(code, code)
    ordered = sorted(
        (row for row in kinds.values() if not row.is_empty),
        key=lambda row: (-row.value_pln, -row.orders, polish_order(row.name)),
    )
    return ordered + ([] if unnamed.is_empty else [unnamed])


def _table(heading: str, columns, rows: list[OrderRow], region_name: str) -> Table:
    total = OrderRow(gettext("Total: %(region)s") % {"region": region_name}, is_total=True)
    for row in rows:
        total.add(row)
    return Table(heading=heading, columns=columns, rows=rows, total=total)


def remembered_order_figures(
    voivodeship: Voivodeship | None = None, start: date | None = None, end: date | None = None
) -> OrderFigures:
    """:func:`order_figures` as last counted, until an order or the directory changes (at most
    ``public_cache.MAX_AGE``), like the rest of the figures."""
    return public_cache.remember(
        "order-figures",
        [voivodeship.pk if voivodeship else None, start, end, timezone.localdate()],
        lambda: order_figures(voivodeship, start, end),
    )
