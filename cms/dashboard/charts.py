"""Horizontal bar charts drawn on the server as inline SVG: no JavaScript, no library.

A chart repeats numbers that stand in the table beside it, so it is hidden
from assistive technology (``aria-hidden``): the table is the accessible
version. Bars are the site's green (#0b5a3c) on white, a contrast of about
7.9:1 where WCAG asks 3:1 of graphics, and each bar carries its number as
text, so nothing depends on colour or on judging lengths. The drawing scales
with its box (``viewBox``), text included, so it stays whole when zoomed;
in forced-colours mode the stylesheet repaints it in system colours.
"""

from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from cms.dashboard.figures import REGION_COLUMNS, Figures, Table

BAR_COLOUR = "#0b5a3c"
TEXT_COLOUR = "#1b1b1b"
ROW_HEIGHT = 26
BAR_HEIGHT = 18
BAR_AREA = 200
VALUE_ROOM = 56
FONT_SIZE = 14
# Average width of a character at FONT_SIZE, to leave room for the longest label; longer
# labels are shortened (the table beside the chart has them whole).
CHARACTER_WIDTH = 7.6
LABEL_ROOM = (72, 220)
LONGEST_LABEL = int((LABEL_ROOM[1] - 12) / CHARACTER_WIDTH)

# One bar: its label, the bar, its number. Colours are attributes, so the drawing keeps them
# without a stylesheet (the site's stylesheet only overrides them in forced-colours mode).
BAR = (
    f'<text x="{{}}" y="{{}}" text-anchor="end" dominant-baseline="middle" fill="{TEXT_COLOUR}">'
    "{}</text>"
    f'<rect x="{{}}" y="{{}}" width="{{}}" height="{{}}" fill="{BAR_COLOUR}"></rect>'
    f'<text x="{{}}" y="{{}}" dominant-baseline="middle" fill="{TEXT_COLOUR}">{{}}</text>'
)

# The region columns drawn beside the regions table: where cooperatives are, where
# partnerships work, and the jobs they made.
REGION_CHARTS = ("cooperatives", "partnerships_active", "jobs_created")


@dataclass(frozen=True)
class Chart:
    title: str
    svg: SafeString


def bar_chart(bars: list[tuple[str, int]]) -> SafeString:
    """An SVG of one horizontal bar per (label, number), longest bar = largest number."""
    bars = [(_shortened(label), value) for label, value in bars]
    largest = max((value for _, value in bars), default=0) or 1
    longest = max((len(label) for label, _ in bars), default=0)
    label_room = min(max(LABEL_ROOM[0], int(longest * CHARACTER_WIDTH) + 12), LABEL_ROOM[1])
    width = label_room + BAR_AREA + VALUE_ROOM
    height = ROW_HEIGHT * len(bars) + 4
    rows = []
    for index, (label, value) in enumerate(bars):
        top = index * ROW_HEIGHT + 2
        middle = top + ROW_HEIGHT / 2
        length = round(BAR_AREA * value / largest, 1)
        rows.append(
            (
                label_room - 8,
                middle,
                label,
                label_room,
                top + (ROW_HEIGHT - BAR_HEIGHT) / 2,
                length,
                BAR_HEIGHT,
                label_room + length + 6,
                middle,
                value,
            )
        )
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="chart__svg" viewBox="0 0 {} {}" '
        'width="{}" aria-hidden="true" focusable="false" font-size="{}">{}</svg>',
        width,
        height,
        width,
        FONT_SIZE,
        format_html_join("", BAR, rows),
    )


def _shortened(label: str) -> str:
    return label if len(label) <= LONGEST_LABEL else label[: LONGEST_LABEL - 1].rstrip() + "…"


def table_chart(table: Table, column: str) -> SafeString:
    """The bars of one column of ``table``, a bar per row (the total row left out)."""
    return bar_chart([(row.name, getattr(row, column) or 0) for row in table.rows])


def charts_for(figures: Figures) -> dict[str, list[Chart]]:
    """The charts shown beside each table of ``figures``."""
    labels = {column.name: column.label for column in REGION_COLUMNS}
    regions = [Chart(labels[name], table_chart(figures.regions, name)) for name in REGION_CHARTS]
    needs = []
    if figures.needs.rows:
        needs.append(Chart(labels["open_needs"], table_chart(figures.needs, "open_needs")))
    return {"regions": regions, "needs": needs}
