"""What the regional dashboard and the public summary count, and how: defined once, here.

A table's rows are regions. Without a chosen voivodeship there is one row
per voivodeship (all 16 in TERYT order, zeros included); with one, a row per
powiat of it. A "not given" row collects what has no such region, only when
it has something, so that the rows always add up to the total row.

Where things are counted:

* workshop, cooperative and partner profiles: their own voivodeship and
  powiat; only live pages visible to everyone (drafts, unpublished and
  private pages are never counted, so the public summary cannot reveal them);
* partnerships: where their cooperative is; counted only while both the
  cooperative's and the company's profiles are published;
* needs: see :func:`need_region`; counted only while the company's profile
  is published.

The period (both dates optional, both days included) is defined by
:data:`PERIOD_RULES`, which the page and the exports show word for word.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Count, F, Q, Sum
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, WorkflowState

from cms import public_cache
from cms.kinds import PROFILE_KINDS
from cms.models import Powiat, Voivodeship
from partners.models import Need, PartnerPage, Partnership
from search.query import needs_without_match
from search.sync import UNAVAILABLE

PERIOD_RULES = (
    _(
        "Workshops, cooperatives and partners: the profiles published today, "
        "counted if they were first published by the last day of the period."
    ),
    _(
        "Partnerships: counted if they started within the period; a partnership "
        "without a start date is counted only when the period has no first day."
    ),
    _(
        "Needs: counted if they were posted within the period; whether a need is "
        "open is its status today."
    ),
    _("Without dates, everything up to today is counted."),
)

POLISH_ALPHABET = "aąbcćdeęfghijklłmnńoópqrsśtuvwxyzźż"

MATCHLESS_RULE = _(
    "An open need is without a match when the matcher finds no cooperative for it "
    "today, asked exactly as the company's own page asks it: its words, place, "
    "kinds of work and required certificates."
)


@dataclass(frozen=True)
class Column:
    """A number the tables show: its attribute on a row, its header, what it means."""

    name: str
    label: str
    meaning: str


REGION_COLUMNS = (
    Column("workshops", _("Workshops (WTZ)"), _("Published workshop profiles.")),
    Column(
        "participants",
        _("WTZ participants"),
        _("The numbers of participants the workshops give on their profiles, added up."),
    ),
    Column("cooperatives", _("Social cooperatives"), _("Published cooperative profiles.")),
    Column("partners", _("Business partners"), _("Published company profiles.")),
    Column("partnerships_planned", _("Partnerships planned"), _("Partnerships not begun yet.")),
    Column("partnerships_active", _("Partnerships active"), _("Partnerships under way.")),
    Column("partnerships_ended", _("Partnerships ended"), _("Partnerships that have ended.")),
    Column(
        "jobs_created",
        _("Jobs for people with disabilities"),
        _("Jobs the active and ended partnerships created, as they state them."),
    ),
    Column("open_needs", _("Open needs"), _("Companies' outsourcing needs still open.")),
    Column(
        "needs_without_match",
        _("Open needs without a match"),
        _("Open needs for which the matcher finds no cooperative."),
    ),
)
NEED_COLUMNS = (REGION_COLUMNS[-2], REGION_COLUMNS[-1])


@dataclass
class Row:
    """One line of a table: a region or a kind of work, and its numbers.

    ``needs_without_match`` is None when it could not be counted (the
    matching engine was unreachable), which is not the same as zero.
    """

    name: str
    code: str = ""
    workshops: int = 0
    participants: int = 0
    cooperatives: int = 0
    partners: int = 0
    partnerships_planned: int = 0
    partnerships_active: int = 0
    partnerships_ended: int = 0
    jobs_created: int = 0
    open_needs: int = 0
    needs_without_match: int | None = 0
    is_total: bool = False

    def add(self, other: "Row") -> None:
        for column in REGION_COLUMNS:
            mine, theirs = getattr(self, column.name), getattr(other, column.name)
            setattr(self, column.name, None if None in (mine, theirs) else mine + theirs)

    @property
    def is_empty(self) -> bool:
        return not any(getattr(self, column.name) for column in REGION_COLUMNS)


@dataclass
class Table:
    """Rows under the same columns, then the total row."""

    heading: str
    columns: tuple[Column, ...]
    rows: list[Row]
    total: Row

    @property
    def lines(self) -> list[tuple[Row, list[int | None]]]:
        """Each row (the total last) with its numbers in column order: what templates and
        exports print, so the page and the files cannot disagree."""
        return [
            (row, [getattr(row, column.name) for column in self.columns])
            for row in [*self.rows, self.total]
        ]

    @property
    def body(self) -> list[tuple[Row, list[int | None]]]:
        return self.lines[:-1]

    @property
    def footer(self) -> tuple[Row, list[int | None]]:
        return self.lines[-1]


@dataclass(frozen=True)
class Period:
    """The days the figures cover, both included; either end may be open."""

    start: date | None = None
    end: date | None = None

    @property
    def start_moment(self) -> datetime | None:
        if self.start is None:
            return None
        return timezone.make_aware(datetime.combine(self.start, time.min))

    @property
    def end_moment(self) -> datetime | None:
        """The first moment after the period (midnight after its last day)."""
        if self.end is None:
            return None
        return timezone.make_aware(datetime.combine(self.end + timedelta(days=1), time.min))

    def __str__(self) -> str:
        start = self.start and formats.date_format(self.start, "DATE_FORMAT")
        end = self.end and formats.date_format(self.end, "DATE_FORMAT")
        if start and end:
            return gettext("from %(start)s to %(end)s") % {"start": start, "end": end}
        if start:
            return gettext("from %(start)s to today") % {"start": start}
        if end:
            return gettext("up to %(end)s") % {"end": end}
        return gettext("all time up to today")


@dataclass
class Figures:
    """Everything the dashboard and the public summary show, for one region and period."""

    voivodeship: Voivodeship | None
    period: Period
    regions: Table
    needs: Table
    matching_available: bool
    # Which needs found no cooperative: for the regional centre's own list, never printed
    # on the public summary (needs are private to their company).
    unmatched_need_ids: frozenset[int]
    made_at: datetime

    @property
    def region_name(self) -> str:
        return self.voivodeship.name if self.voivodeship else gettext("Poland")

    @property
    def total(self) -> Row:
        return self.regions.total


def regional_figures(
    voivodeship: Voivodeship | None = None, start: date | None = None, end: date | None = None
) -> Figures:
    """The figures of one voivodeship by powiat, or of Poland by voivodeship, for a period.

    Every number comes from PostgreSQL except "without a match", which asks
    the matcher; when Elasticsearch is unreachable that one number is None
    and everything else is still counted.
    """
    period = Period(start, end)
    regions = _RegionRows(voivodeship)
    _count_profiles(regions, period)
    _count_partnerships(regions, period)
    needs = list(_open_needs(voivodeship, period))
    try:
        unmatched = _every_need_without_match() & {need.pk for need in needs}
    except UNAVAILABLE:
        unmatched = None
    for need in needs:
        row = regions.row_for(need_region(need)[1 if voivodeship else 0])
        row.open_needs += 1
        row.needs_without_match += need.pk in (unmatched or ())
    return Figures(
        voivodeship=voivodeship,
        period=period,
        regions=regions.table(matching_available=unmatched is not None),
        needs=_needs_by_capability(needs, unmatched),
        matching_available=unmatched is not None,
        unmatched_need_ids=frozenset(unmatched or ()),
        made_at=timezone.now(),
    )


def remembered_figures(
    voivodeship: Voivodeship | None = None, start: date | None = None, end: date | None = None
) -> Figures:
    """:func:`regional_figures` as last counted, until the directory changes (at most
    ``public_cache.MAX_AGE``): counting takes a multi-search of every open need, and the
    public summary is asked for far more often than the directory changes. ``made_at``
    says when they were counted. Figures counted while the matcher was unreachable are
    not kept, so "without a match" comes back as soon as it does."""
    return public_cache.remember(
        "regional-figures",
        [voivodeship.pk if voivodeship else None, start, end],
        lambda: regional_figures(voivodeship, start, end),
        keep=lambda figures: figures.matching_available,
    )


def _every_need_without_match() -> set[int]:
    """The open needs, of every region and period, for which the matcher finds no
    cooperative. Whether a need has a match does not depend on the table it is counted in,
    so one multi-search answers every region, period and language until the directory
    changes; that search is most of the cost of counting."""
    return public_cache.remember(
        "needs-without-match",
        [],
        lambda: needs_without_match(_open_needs(None, Period())),
        translated=False,
    )


def polish_order(name: str) -> list[int]:
    """A sort key in Polish alphabetical order ("śremski" after "szamotulski"), which the
    database's collation may not know (the "C" locale puts it after "żniński")."""
    return [POLISH_ALPHABET.find(char) + 1 for char in name.casefold()]


def need_region(need: Need) -> tuple[int | None, int | None]:
    """Where a need is counted: (voivodeship id, powiat id), each None when not known.

    A need is placed in its own voivodeship, else in its company's. Needs
    have no powiat of their own: a need takes its company's powiat when it is
    in the company's voivodeship and names no other town.
    """
    company = need.partner
    voivodeship = need.voivodeship_id or company.voivodeship_id
    at_company = voivodeship == company.voivodeship_id and (
        not need.city or need.city.casefold() == company.city.casefold()
    )
    return voivodeship, company.powiat_id if at_company else None


class _RegionRows:
    """The rows of the regions table being counted, and which row a region id goes to."""

    def __init__(self, voivodeship: Voivodeship | None):
        self.voivodeship = voivodeship
        if voivodeship is None:
            self.key = "voivodeship_id"
            regions = Voivodeship.objects.order_by("teryt")
            self.unplaced = Row(gettext("voivodeship not given"))
        else:
            self.key = "powiat_id"
            regions = sorted(
                Powiat.objects.filter(voivodeship=voivodeship),
                key=lambda powiat: polish_order(powiat.name),
            )
            self.unplaced = Row(gettext("powiat not given"))
        self.rows = {region.pk: Row(region.name, region.teryt) for region in regions}

    def row_for(self, region_id: int | None) -> Row:
        return self.rows.get(region_id, self.unplaced)

    def narrow(self, queryset, through: str = ""):
        """``queryset`` limited to the chosen voivodeship (``through`` a relation, if given)."""
        if self.voivodeship is None:
            return queryset
        return queryset.filter(**{f"{through}voivodeship": self.voivodeship})

    def table(self, matching_available: bool) -> Table:
        rows = list(self.rows.values())
        if not self.unplaced.is_empty:
            rows.append(self.unplaced)
        name = gettext("Total: %(region)s") % {
            "region": self.voivodeship.name if self.voivodeship else gettext("Poland")
        }
        total = Row(name, self.voivodeship.teryt if self.voivodeship else "", is_total=True)
        for row in rows:
            total.add(row)
        if not matching_available:
            for row in (*rows, total):
                row.needs_without_match = None
        heading = gettext("Powiat") if self.voivodeship else gettext("Voivodeship")
        return Table(heading=heading, columns=REGION_COLUMNS, rows=rows, total=total)


def _published(model, period: Period):
    """Live profiles everyone may see, first published by the end of the period."""
    pages = model.objects.listed()
    if period.end:
        pages = pages.filter(first_published_at__lt=period.end_moment)
    return pages


def _count_profiles(regions: _RegionRows, period: Period) -> None:
    sums_per_kind = {"workshop": {"participants": Sum("participants")}}
    for kind in PROFILE_KINDS.values():
        column = f"{kind.code}s"  # the table's column for a kind: workshops, cooperatives, …
        sums = sums_per_kind.get(kind.code, {})
        pages = regions.narrow(_published(kind.page_model, period)).order_by()
        for item in pages.values(region=F(regions.key)).annotate(n=Count("pk"), **sums):
            row = regions.row_for(item["region"])
            setattr(row, column, getattr(row, column) + item["n"])
            for name in sums:
                setattr(row, name, getattr(row, name) + (item[name] or 0))


def _count_partnerships(regions: _RegionRows, period: Period) -> None:
    partnerships = Partnership.objects.listed()
    if period.start:
        partnerships = partnerships.filter(started__gte=period.start)
    if period.end:
        partnerships = partnerships.filter(Q(started__lte=period.end) | Q(started__isnull=True))
    grouped = (
        regions.narrow(partnerships, through=Partnership.REGION_THROUGH)
        .order_by()
        .values("status", region=F(f"cooperative__{regions.key}"))
        .annotate(n=Count("pk"), jobs=Sum("jobs_created"))
    )
    for item in grouped:
        row = regions.row_for(item["region"])
        column = f"partnerships_{item['status']}"
        setattr(row, column, getattr(row, column) + item["n"])
        if item["status"] != Partnership.Status.PLANNED:
            row.jobs_created += item["jobs"] or 0


def _open_needs(voivodeship: Voivodeship | None, period: Period):
    needs = Need.objects.filter(status=Need.Status.OPEN, partner__in=PartnerPage.objects.listed())
    if period.start:
        needs = needs.filter(created_at__gte=period.start_moment)
    if period.end:
        needs = needs.filter(created_at__lt=period.end_moment)
    if voivodeship:
        needs = needs.filter(
            Q(voivodeship=voivodeship)
            | Q(voivodeship__isnull=True, partner__voivodeship=voivodeship)
        )
    return needs.select_related("partner").prefetch_related(
        "capabilities", "required_certifications"
    )


def _needs_by_capability(needs: list[Need], unmatched: set[int] | None) -> Table:
    """Open needs per kind of work; a need asking for several kinds counts under each, and
    once in the total."""
    rows: dict[str, Row] = {}
    unnamed = Row(gettext("kind of work not given"))
    total = Row(gettext("All open needs"), is_total=True)
    for need in needs:
        capabilities = list(need.capabilities.all())
        targets = [
            rows.setdefault(capability.code, Row(capability.label, capability.code))
            for capability in capabilities
        ] or [unnamed]
        for row in (*targets, total):
            row.open_needs += 1
            row.needs_without_match += need.pk in (unmatched or ())
    ordered = sorted(rows.values(), key=lambda row: (-row.open_needs, polish_order(row.name)))
    if unnamed.open_needs:
        ordered.append(unnamed)
    if unmatched is None:
        for row in (*ordered, total):
            row.needs_without_match = None
    return Table(heading=gettext("Kind of work"), columns=NEED_COLUMNS, rows=ordered, total=total)


@dataclass
class ModerationQueue:
    """Profiles of a region that are not (fully) public yet."""

    in_review: int
    drafts: int


def moderation_queue(voivodeship: Voivodeship) -> ModerationQueue:
    """Directory profiles of ``voivodeship`` submitted for review, and those with a draft or
    unpublished changes not submitted yet: what the regional centre will be asked about."""
    in_review_ids = {
        int(object_id)
        for object_id in WorkflowState.objects.filter(
            status=WorkflowState.STATUS_IN_PROGRESS,
            base_content_type__model=Page._meta.model_name,
            base_content_type__app_label=Page._meta.app_label,
        ).values_list("object_id", flat=True)
    }
    in_review = drafts = 0
    for kind in PROFILE_KINDS.values():
        pages = kind.page_model.objects.filter(voivodeship=voivodeship)
        in_review += pages.filter(pk__in=in_review_ids).count()
        drafts += (
            pages.filter(Q(live=False) | Q(has_unpublished_changes=True))
            .exclude(pk__in=in_review_ids)
            .count()
        )
    return ModerationQueue(in_review=in_review, drafts=drafts)


def unmatched_needs(figures: Figures) -> list[Need]:
    """The open needs of ``figures`` without a match, oldest first: for the regional centre
    to act on (never for the public summary)."""
    return list(
        Need.objects.filter(pk__in=figures.unmatched_need_ids)
        .select_related("partner")
        .prefetch_related("capabilities")
        .order_by("created_at", "title")
    )
