"""The figures as files: CSV (one file per table) and XLSX (one workbook, a sheet per table).

Both print the same lines as the page (``Table.lines``), headers in the
active language. Numbers are numbers; a count that could not be made (needs
without a match while the matcher is down) is an empty cell, never a 0.
Text is text: a name or title that starts like a formula is neutralised
(:mod:`cms.spreadsheets`), so a need titled ``=HYPERLINK(…)`` never runs.

CSV is UTF-8 with a byte-order mark, because Excel otherwise reads Polish
letters as Windows-1250, and it is separated the way Excel expects in the
reader's language: semicolons in Polish (where the comma is the decimal
mark), commas in English.
"""

import csv
import io
from dataclasses import dataclass
from decimal import Decimal
from urllib.parse import urlencode

from django.http import Http404, HttpResponse
from django.utils import formats, timezone
from django.utils.text import slugify
from django.utils.translation import get_language, gettext
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from cms import public_cache
from cms.dashboard.brokering import as_table as brokering_table
from cms.dashboard.brokering import brokering_figures
from cms.dashboard.figures import MATCHLESS_RULE, PERIOD_RULES, Figures, Table
from cms.dashboard.orders import (
    COMPARISON_COLUMNS,
    CURRENT_COLUMNS,
    ORDER_RULES,
    remembered_order_figures,
)
from cms.dashboard.wtz_to_work import as_table as wtz_table
from cms.dashboard.wtz_to_work import wtz_to_work
from cms.spreadsheets import append_row, csv_cell
from partners.models import Need
from search.analysis import fold

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
# In every table sheet of the workbook: a title, the region and period, when the figures
# were made, a blank line, then the header row.
XLSX_HEADER_ROW = 5
BOLD = Font(bold=True)


@dataclass(frozen=True)
class Download:
    """A file the page offers, with its size so people know what they are getting."""

    label: str
    query: str  # the whole query string: region and period spelled out, not taken from the page
    size: int


def tables(figures: Figures, private: bool = False) -> dict[str, Table]:
    """Every table the page shows, in its order; ``private`` adds what only the region's
    centre sees (brokered help)."""
    # The orders and WTZ figures of the same region and period, as the page shows them.
    period = figures.period
    orders = remembered_order_figures(figures.voivodeship, period.start, period.end)
    found = {
        "regions": figures.regions,
        "needs": figures.needs,
        "orders": orders.regions,
        "order_kinds": orders.kinds,
        "wtz": wtz_table(wtz_to_work(figures.voivodeship, period)),
    }
    if private:
        found["brokering"] = brokering_table(brokering_figures(figures.voivodeship, period))
    return found


def _csv_value(value):
    """A cell: an amount in PLN as the reader's spreadsheet reads it ("-1234,50" in Polish,
    a number, so never neutralised as a formula), a fraction ("2,5" days) likewise, anything
    else through ``csv_cell``."""
    if isinstance(value, Decimal):
        return formats.number_format(value, 2)
    if isinstance(value, float):
        return formats.number_format(value)
    return csv_cell(value)


def table_lines(table: Table) -> list[list]:
    """The header row, then every row (the total last) with its name and code."""
    header = [table.heading, gettext("Code"), *(str(column.label) for column in table.columns)]
    return [header, *([row.name, row.code, *values] for row, values in table.lines)]


def csv_bytes(figures: Figures, table: str, private: bool = False) -> bytes:
    buffer = io.StringIO()
    delimiter = ";" if (get_language() or "pl").startswith("pl") else ","
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerows(
        ["" if value is None else _csv_value(value) for value in line]
        for line in table_lines(tables(figures, private)[table])
    )
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def xlsx_bytes(figures: Figures, unmatched: list[Need] | None = None) -> bytes:
    """The workbook: a sheet per table, a sheet of definitions and, for a regional
    centre, the needs without a match."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    titles = {
        "regions": gettext("Regions"),
        "needs": gettext("Kinds of work"),
        "orders": gettext("Orders by region"),
        "order_kinds": gettext("Orders by kind of work"),
        "wtz": gettext("From a WTZ to work"),
        "brokering": gettext("Brokered help"),
    }
    for name, table in tables(figures, private=unmatched is not None).items():
        sheet = workbook.create_sheet(_sheet_title(titles[name]))
        _preamble(sheet, figures)
        lines = table_lines(table)
        for line in lines:
            append_row(sheet, line)
        for row in (XLSX_HEADER_ROW, XLSX_HEADER_ROW + len(lines) - 1):  # header and total
            for cell in sheet[row]:
                cell.font = BOLD
        sheet.freeze_panes = sheet.cell(XLSX_HEADER_ROW + 1, 3)
        _widths(sheet)
    if unmatched is not None:
        _unmatched_sheet(workbook, figures, unmatched)
        # After the needs, before the sheets of orders and the rest, as the page has it.
        workbook.move_sheet(workbook.worksheets[-1], offset=-(len(workbook.worksheets) - 3))
    _definitions_sheet(workbook, figures)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def file_name(figures: Figures, extension: str, table: str = "") -> str:
    """E.g. ``kooperacja-wielkopolskie-2026.xlsx``: region, then the period (a calendar
    year, from/to dates, or the day the figures were made)."""
    region = slugify(fold(figures.voivodeship.name)) if figures.voivodeship else "polska"
    start, end = figures.period.start, figures.period.end
    if start and end and (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        period = str(start.year) if start.year == end.year else f"{start.year}-{end.year}"
    elif start or end:
        period = "_".join(
            part
            for part in (start and f"from-{start:%Y-%m-%d}", end and f"to-{end:%Y-%m-%d}")
            if part
        )
    else:
        period = f"{timezone.localdate(figures.made_at):%Y-%m-%d}"
    return "-".join(part for part in ("kooperacja", region, period, table) if part) + (
        f".{extension}"
    )


def response(
    figures: Figures, file_format: str, table: str, unmatched: list[Need] | None = None
) -> HttpResponse:
    """The download as an HTTP attachment."""
    if file_format == "csv":
        private = unmatched is not None
        if table not in tables(figures, private):
            raise Http404
        content, name = csv_bytes(figures, table, private), file_name(figures, "csv", table)
    else:
        content, name = xlsx_bytes(figures, unmatched), file_name(figures, "xlsx")
    reply = HttpResponse(content, content_type=CONTENT_TYPES[file_format])
    reply["Content-Disposition"] = f'attachment; filename="{name}"'
    return reply


def downloads(figures: Figures, unmatched: list[Need] | None = None) -> list[Download]:
    """What the page offers to download, each with its size in bytes.

    Each link names the region and period of ``figures``: the dashboard opens
    on a voivodeship without one in its address, and its files must hold the
    same numbers as the page. Sizes are measured by writing the files, which
    takes longer than the rest of the page, so they are kept with the figures
    (the moment they were counted is part of the key).
    """
    return public_cache.remember(
        "figure-downloads",
        [
            figures.voivodeship.pk if figures.voivodeship else None,
            figures.period.start,
            figures.period.end,
            figures.made_at,
            unmatched is not None,
        ],
        lambda: _offered(figures, unmatched),
    )


def _offered(figures: Figures, unmatched: list[Need] | None) -> list[Download]:
    filters = {
        "voivodeship": figures.voivodeship.teryt if figures.voivodeship else "",
        "start": figures.period.start.isoformat() if figures.period.start else "",
        "end": figures.period.end.isoformat() if figures.period.end else "",
    }
    offered = [
        Download(
            gettext("Workbook with every table (XLSX)"),
            urlencode({**filters, "format": "xlsx"}),
            len(xlsx_bytes(figures, unmatched)),
        )
    ]
    labels = {
        "regions": gettext("Regions table (CSV)"),
        "needs": gettext("Kinds of work table (CSV)"),
        "orders": gettext("Orders by region (CSV)"),
        "order_kinds": gettext("Orders by kind of work (CSV)"),
        "wtz": gettext("From a WTZ to work (CSV)"),
        "brokering": gettext("Brokered help (CSV)"),
    }
    private = unmatched is not None
    for table in tables(figures, private):
        offered.append(
            Download(
                labels[table],
                urlencode({**filters, "format": "csv", "table": table}),
                len(csv_bytes(figures, table, private)),
            )
        )
    return offered


def _sheet_title(title: str) -> str:
    """Excel allows 31 characters and none of []:*?/\\ in a sheet's name."""
    return "".join(char for char in title if char not in "[]:*?/\\")[:31]


def _preamble(sheet, figures: Figures) -> None:
    """The lines above a sheet's table: what, where, which period, made when."""
    append_row(
        sheet,
        [gettext("Kooperacja: regional figures, %(region)s") % {"region": figures.region_name}],
    )
    sheet["A1"].font = Font(bold=True, size=13)
    append_row(sheet, [gettext("Period: %(period)s") % {"period": figures.period}])
    made_at = timezone.localtime(figures.made_at)
    append_row(
        sheet,
        [
            gettext("Counted on %(day)s at %(hour)s.")
            % {"day": formats.date_format(made_at, "DATE_FORMAT"), "hour": f"{made_at:%H:%M}"}
        ],
    )
    append_row(sheet, [])


def _widths(sheet) -> None:
    for index, column in enumerate(sheet.iter_cols(min_row=XLSX_HEADER_ROW), start=1):
        longest = max(len(str(cell.value)) for cell in column if cell.value is not None)
        sheet.column_dimensions[get_column_letter(index)].width = min(max(longest + 2, 8), 40)
    for cell in sheet[XLSX_HEADER_ROW]:
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def _unmatched_sheet(workbook: Workbook, figures: Figures, unmatched: list[Need]) -> None:
    sheet = workbook.create_sheet(_sheet_title(gettext("Needs without a match")))
    _preamble(sheet, figures)
    append_row(
        sheet, [gettext("Need"), gettext("Company"), gettext("Posted"), gettext("Kinds of work")]
    )
    for cell in sheet[XLSX_HEADER_ROW]:
        cell.font = BOLD
    for need in unmatched:
        append_row(
            sheet,
            [
                need.title,
                need.partner.title,
                timezone.localdate(need.created_at),
                ", ".join(capability.label for capability in need.capabilities.all()),
            ],
        )
    _widths(sheet)


def _definitions_sheet(workbook: Workbook, figures: Figures) -> None:
    sheet = workbook.create_sheet(_sheet_title(gettext("Definitions")))
    _preamble(sheet, figures)
    append_row(sheet, [gettext("How the period is counted")])
    sheet.cell(sheet.max_row, 1).font = BOLD
    for rule in PERIOD_RULES:
        append_row(sheet, [str(rule)])
    append_row(sheet, [])
    append_row(sheet, [gettext("What the columns count")])
    sheet.cell(sheet.max_row, 1).font = BOLD
    for column in figures.regions.columns:
        append_row(sheet, [str(column.label), str(column.meaning)])
    append_row(sheet, [str(MATCHLESS_RULE)])
    append_row(sheet, [])
    append_row(sheet, [gettext("How orders are counted")])
    sheet.cell(sheet.max_row, 1).font = BOLD
    for rule in ORDER_RULES:
        append_row(sheet, [str(rule)])
    for column in (*CURRENT_COLUMNS, *COMPARISON_COLUMNS):
        append_row(sheet, [str(column.label), str(column.meaning)])
    if not figures.matching_available:
        append_row(sheet, [gettext("The matcher was unavailable, so those cells are empty.")])
    sheet.column_dimensions["A"].width = 40
    sheet.column_dimensions["B"].width = 80
