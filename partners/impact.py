"""A company's social-procurement statement: what it bought from social cooperatives in a year,
and what that supported, for its CSR/ESG report.

Every figure is counted one way, written once in :data:`DEFINITIONS`, which the
page and the workbook print under the tables:

* orders: the company's orders placed (``ordered``) from 1 January to
  31 December of the year, both days included, that were not cancelled;
* value: the sum of those orders' values in PLN (an order without a value adds
  nothing, and the statement says how many have none);
* cooperatives: the different cooperatives of those orders;
* WTZ: the different published workshops those cooperatives name as their
  founding or partner workshops on their profiles;
* jobs for people with disabilities: the ``employees_with_disabilities`` each
  of those cooperatives states on its profile today, each cooperative counted
  once however many orders it had.
"""

import datetime as dt
import io
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook
from openpyxl.styles import Font

from cms.roles import member_page_ids
from cms.spreadsheets import append_row
from cooperatives.models import CooperativePage
from partners.models import Order, PartnerPage
from workshops.models import WorkshopPage

DEFINITIONS = (
    (
        _("Orders"),
        _(
            "Your company's orders placed from 1 January to 31 December of the year (both "
            "days included), by the day each was placed. Cancelled orders are left out."
        ),
    ),
    (
        _("Value"),
        _(
            "The orders' values in PLN as recorded when they were placed or delivered, added "
            "up. An order without a value adds nothing to it."
        ),
    ),
    (
        _("Social cooperatives supported"),
        _("The different cooperatives those orders went to, each counted once."),
    ),
    (
        _("Workshops (WTZ) supported"),
        _(
            "The different occupational therapy workshops with a published profile that those "
            "cooperatives name on their profiles as their founding or partner workshops, each "
            "counted once."
        ),
    ),
    (
        _("Jobs for people with disabilities"),
        _(
            "The employees with disabilities each of those cooperatives states on its profile "
            "today, added up, each cooperative once however many orders it had. These are the "
            "jobs your orders help keep, not jobs created by them alone."
        ),
    ),
)


@dataclass
class SupportedCooperative:
    """One cooperative of the statement, with what the company ordered from it that year."""

    cooperative: CooperativePage
    workshops: list[WorkshopPage]
    orders: int = 0
    value_pln: Decimal = Decimal("0.00")

    @property
    def jobs_for_people_with_disabilities(self) -> int:
        return self.cooperative.employees_with_disabilities or 0


@dataclass
class Statement:
    """The statement of one company (or of all the user's companies) for one year."""

    companies: list[PartnerPage]
    year: int
    orders: list[Order]
    cooperatives: list[SupportedCooperative]
    workshops: list[WorkshopPage]
    made_at: dt.datetime = field(default_factory=timezone.now)

    @property
    def value_pln(self) -> Decimal:
        return sum((order.value_pln or Decimal(0) for order in self.orders), Decimal("0.00"))

    @property
    def orders_without_value(self) -> int:
        return sum(order.value_pln is None for order in self.orders)

    @property
    def jobs_for_people_with_disabilities(self) -> int:
        return sum(row.jobs_for_people_with_disabilities for row in self.cooperatives)

    @property
    def company_names(self) -> str:
        return ", ".join(company.title for company in self.companies)


def statement_years(user) -> list[int]:
    """The years the user's companies have orders in (cancelled ones included, so a year does
    not vanish from the list), and the current year; newest first."""
    companies = _company_ids(user)
    orders = Order.objects.filter(need__partner_id__in=companies).order_by()
    years = set(orders.values_list("ordered__year", flat=True).distinct())
    years.add(timezone.localdate().year)
    return sorted(years, reverse=True)


def _company_ids(user) -> set[int]:
    companies = member_page_ids(user, "partner")
    if not companies:
        raise PermissionDenied
    return companies


def procurement_statement(user, year: int) -> Statement:
    """The statement of the user's companies for ``year``; PermissionDenied for anyone who is
    not a member of a company."""
    companies = _company_ids(user)
    orders = list(
        Order.objects.filter(
            need__partner_id__in=companies,
            ordered__gte=dt.date(year, 1, 1),
            ordered__lte=dt.date(year, 12, 31),
        )
        .exclude(status=Order.Status.CANCELLED)
        .select_related("need", "cooperative", "capability")
        .order_by("ordered", "pk")
    )
    rows: dict[int, SupportedCooperative] = {}
    cooperative_ids = {order.cooperative_id for order in orders}
    linked = defaultdict(list)
    through = CooperativePage.workshops.through
    for cooperative_id, workshop in _linked_workshops(through, cooperative_ids):
        linked[cooperative_id].append(workshop)
    for order in orders:
        row = rows.get(order.cooperative_id)
        if row is None:
            row = rows[order.cooperative_id] = SupportedCooperative(
                order.cooperative, linked[order.cooperative_id]
            )
        row.orders += 1
        row.value_pln += order.value_pln or Decimal(0)
    workshops = {workshop.pk: workshop for row in rows.values() for workshop in row.workshops}
    return Statement(
        companies=list(PartnerPage.objects.filter(pk__in=companies).order_by("title")),
        year=year,
        orders=orders,
        cooperatives=sorted(rows.values(), key=lambda row: (-row.value_pln, row.cooperative.title)),
        workshops=sorted(workshops.values(), key=lambda workshop: workshop.title),
    )


def _linked_workshops(through, cooperative_ids: set[int]):
    """(cooperative id, workshop) for each published workshop the cooperatives name (a draft
    workshop's name is not for a statement the company may publish)."""
    links = through.objects.filter(cooperativepage_id__in=cooperative_ids).values_list(
        "cooperativepage_id", "workshoppage_id"
    )
    workshops = WorkshopPage.objects.listed().in_bulk({workshop_id for _, workshop_id in links})
    pairs = [(coop_id, workshops[wtz_id]) for coop_id, wtz_id in links if wtz_id in workshops]
    yield from sorted(pairs, key=lambda pair: pair[1].title)


# -- the statement as a workbook: the page's tables, cell for cell

BOLD = Font(bold=True)
# Rows above each sheet's table: title, companies, year, when it was made, a blank line.
HEADER_ROW = 6


def order_lines(statement: Statement) -> list[list]:
    """The orders table as the page prints it: header, one row an order, the total."""
    header = [
        gettext("Placed on"),
        gettext("Need"),
        gettext("Social cooperative"),
        gettext("Kind of work"),
        gettext("Status"),
        gettext("Value (PLN)"),
    ]
    rows = [
        [
            order.ordered,
            order.need.title,
            order.cooperative.title,
            order.capability.label if order.capability else "",
            str(order.get_status_display()),
            order.value_pln,
        ]
        for order in statement.orders
    ]
    total = [gettext("Total"), "", "", "", "", statement.value_pln]
    return [header, *rows, total]


def cooperative_lines(statement: Statement) -> list[list]:
    """The cooperatives table as the page prints it: header, a row a cooperative, the total."""
    header = [
        gettext("Social cooperative"),
        gettext("Workshops (WTZ)"),
        gettext("Orders"),
        gettext("Value (PLN)"),
        gettext("Jobs for people with disabilities"),
    ]
    rows = [
        [
            row.cooperative.title,
            ", ".join(workshop.title for workshop in row.workshops),
            row.orders,
            row.value_pln,
            row.jobs_for_people_with_disabilities,
        ]
        for row in statement.cooperatives
    ]
    total = [
        gettext("Total"),
        len(statement.workshops),
        len(statement.orders),
        statement.value_pln,
        statement.jobs_for_people_with_disabilities,
    ]
    return [header, *rows, total]


def statement_workbook(statement: Statement) -> bytes:
    """The statement as XLSX: the orders, the cooperatives, and how each figure is counted."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    sheets = (
        (gettext("Orders"), order_lines(statement)),
        (gettext("Cooperatives"), cooperative_lines(statement)),
    )
    for title, lines in sheets:
        sheet = workbook.create_sheet(title[:31])
        _preamble(sheet, statement)
        for line in lines:
            append_row(sheet, line)
        for row in (HEADER_ROW, HEADER_ROW + len(lines) - 1):
            for cell in sheet[row]:
                cell.font = BOLD
        for column in "ABCDEF":
            sheet.column_dimensions[column].width = 24
    sheet = workbook.create_sheet(gettext("Definitions")[:31])
    _preamble(sheet, statement)
    for term, meaning in DEFINITIONS:
        append_row(sheet, [str(term), str(meaning)])
    sheet.column_dimensions["A"].width = 36
    sheet.column_dimensions["B"].width = 100
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _preamble(sheet, statement: Statement) -> None:
    append_row(sheet, [gettext("Social-procurement statement %(year)s") % {"year": statement.year}])
    sheet["A1"].font = Font(bold=True, size=13)
    append_row(sheet, [statement.company_names])
    append_row(
        sheet,
        [
            gettext("Orders placed from %(start)s to %(end)s")
            % {
                "start": formats.date_format(dt.date(statement.year, 1, 1), "DATE_FORMAT"),
                "end": formats.date_format(dt.date(statement.year, 12, 31), "DATE_FORMAT"),
            }
        ],
    )
    made_at = timezone.localtime(statement.made_at)
    append_row(
        sheet,
        [
            gettext("Made on %(day)s at %(hour)s.")
            % {"day": formats.date_format(made_at, "DATE_FORMAT"), "hour": f"{made_at:%H:%M}"}
        ],
    )
    append_row(sheet, [])
