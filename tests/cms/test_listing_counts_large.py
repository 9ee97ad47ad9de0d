"""The counts beside every filter option of the three listings, checked against plain SQL.

Each listing says beside each option how many profiles it would list with
the other filters as they are (:func:`cms.listing.browse`). The expected
numbers here are raw SQL over the tables, written without the ORM helper
under test: "listed" is a published page with no view restriction on it or
above it. The data has several profiles per option with counts that differ
from option to option, drafts, an unpublished page and a password-protected
page (none of which may count), a profile with no region, and profiles with
several kinds of work; and every listing is also checked with another filter
applied (the count of each kind of work within one voivodeship, of each
voivodeship for one kind of work, with "accepting orders" ticked). A count
that ignores the other filter, counts a draft, counts a profile once per
joined row, or applies its own filter to itself gives a different number.
"""

import re
from dataclasses import dataclass

import pytest
from django.db import connection
from wagtail.models import PageViewRestriction

from cms.models import Voivodeship
from cooperatives.models import Capability
from tests.cooperatives.factories import CooperativePageFactory
from tests.partners.factories import PartnerPageFactory
from tests.workshops.factories import WorkshopPageFactory

pytestmark = pytest.mark.django_db

WIELKOPOLSKIE, LODZKIE, MAZOWIECKIE = "30", "10", "14"


@dataclass(frozen=True)
class Listing:
    path: str
    table: str
    # The many-to-many table of kinds of work and its column for the page ("" for none).
    work_table: str = ""
    work_column: str = ""
    accepts_orders: bool = False


LISTINGS = {
    "cooperative": Listing(
        "/spoldzielnie/",
        "cooperatives_cooperativepage",
        "cooperatives_cooperativepage_capabilities",
        "cooperativepage_id",
        accepts_orders=True,
    ),
    "workshop": Listing(
        "/warsztaty/",
        "workshops_workshoppage",
        "workshops_workshoppage_activity_areas",
        "workshoppage_id",
    ),
    "partner": Listing("/partnerzy/", "partners_partnerpage"),
}

# Published, and no view restriction on the page or any page above it.
LISTED = """
    SELECT page.id FROM wagtailcore_page page
    WHERE page.live AND NOT EXISTS (
        SELECT 1 FROM wagtailcore_pageviewrestriction restriction
        JOIN wagtailcore_page restricted ON restricted.id = restriction.page_id
        WHERE page.path LIKE restricted.path || '%%'
    )
"""


def where(listing: Listing, voivodeship="", capability="", accepts_orders=False):
    """The SQL conditions on profile ``t`` (region ``v``) and their parameters."""
    conditions, params = [f"t.page_ptr_id IN ({LISTED})"], []
    if voivodeship:
        conditions.append("v.teryt = %s")
        params.append(voivodeship)
    if capability:
        conditions.append(
            f"""EXISTS (SELECT 1 FROM {listing.work_table} w
            JOIN cooperatives_capability c ON c.id = w.capability_id
            WHERE w.{listing.work_column} = t.page_ptr_id AND c.code = %s)"""  # noqa: S608 - names are ours
        )
        params.append(capability)
    if accepts_orders:
        conditions.append("t.accepts_orders")
    return " AND ".join(conditions), params


def rows(sql: str, params: list) -> dict[str, int]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {key: count for key, count in cursor.fetchall()}


def sql_capability_counts(listing: Listing, voivodeship="", accepts_orders=False):
    condition, params = where(listing, voivodeship=voivodeship, accepts_orders=accepts_orders)
    return rows(
        f"""SELECT c.code, COUNT(DISTINCT t.page_ptr_id) FROM {listing.table} t
        JOIN {listing.work_table} w ON w.{listing.work_column} = t.page_ptr_id
        JOIN cooperatives_capability c ON c.id = w.capability_id
        LEFT JOIN cms_voivodeship v ON v.id = t.voivodeship_id
        WHERE {condition} GROUP BY c.code""",  # noqa: S608 - names are ours
        params,
    )


def sql_voivodeship_counts(listing: Listing, capability="", accepts_orders=False):
    condition, params = where(listing, capability=capability, accepts_orders=accepts_orders)
    return rows(
        f"""SELECT v.teryt, COUNT(*) FROM {listing.table} t
        JOIN cms_voivodeship v ON v.id = t.voivodeship_id
        WHERE {condition} GROUP BY v.teryt""",  # noqa: S608 - names are ours
        params,
    )


def sql_total(listing: Listing, **filters) -> int:
    condition, params = where(listing, **filters)
    with connection.cursor() as cursor:
        cursor.execute(
            f"""SELECT COUNT(*) FROM {listing.table} t
            LEFT JOIN cms_voivodeship v ON v.id = t.voivodeship_id WHERE {condition}""",  # noqa: S608 - names are ours
            params,
        )
        return cursor.fetchone()[0]


def all_codes(table: str, column: str) -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table}")  # noqa: S608 - names are ours
        return {value for (value,) in cursor.fetchall()}


# -- what the listing page shows


def option_counts(html: str, name: str) -> dict[str, int]:
    """The count in each option of the ``name`` select (the "All" option has none)."""
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', html, re.S).group(1)
    options = re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select)
    counts = {}
    for value, label in options:
        if value:
            counts[value] = int(re.fullmatch(r".*\((\d+)\)", label.strip()).group(1))
    return counts


def results_total(html: str) -> int:
    heading = re.search(r'<h2 id="results-heading"[^>]*>(.*?)</h2>', html, re.S).group(1)
    return int(re.search(r"\d+", heading).group(0))


def shown(client, listing: Listing, **filters) -> str:
    params = {key: value for key, value in filters.items() if value}
    if params.get("accepts_orders"):
        params["accepts_orders"] = "on"
    response = client.get(listing.path, params)
    assert response.status_code == 200
    return response.content.decode()


def check(client, listing: Listing, **filters) -> None:
    """Every option's count and the number of results, with ``filters`` applied."""
    html = shown(client, listing, **filters)
    voivodeships = option_counts(html, "voivodeship")
    assert set(voivodeships) == all_codes("cms_voivodeship", "teryt")
    wanted = sql_voivodeship_counts(
        listing,
        capability=filters.get("capability", ""),
        accepts_orders=filters.get("accepts_orders", False),
    )
    assert voivodeships == {teryt: wanted.get(teryt, 0) for teryt in voivodeships}, filters
    if listing.work_table:
        capabilities = option_counts(html, "capability")
        assert set(capabilities) == all_codes("cooperatives_capability", "code")
        wanted = sql_capability_counts(
            listing,
            voivodeship=filters.get("voivodeship", ""),
            accepts_orders=filters.get("accepts_orders", False),
        )
        assert capabilities == {code: wanted.get(code, 0) for code in capabilities}, filters
    assert results_total(html) == sql_total(listing, **filters), filters


# -- the data


def work(*codes: str) -> list[Capability]:
    return list(Capability.objects.filter(code__in=codes))


def region(teryt: str | None):
    return Voivodeship.objects.get(teryt=teryt) if teryt else None


def not_listed(factory, **fields) -> None:
    """A draft, a page published and then unpublished, and a password-protected page, each
    with the same kinds of work and region: none of them may count."""
    factory(title=f"Szkic {fields}", live=False, **fields)
    factory(title=f"Wycofany {fields}", **fields).unpublish()
    protected = factory(title=f"Za hasłem {fields}", **fields)
    PageViewRestriction.objects.create(
        page=protected, restriction_type=PageViewRestriction.PASSWORD, password="tajne"
    )


@pytest.fixture
def cooperatives():
    for n, (codes, teryt, accepts) in enumerate(
        [
            (["sewing"], WIELKOPOLSKIE, True),
            (["sewing"], WIELKOPOLSKIE, True),
            (["sewing", "catering"], WIELKOPOLSKIE, False),
            (["sewing"], LODZKIE, True),
            (["catering"], LODZKIE, True),
            (["catering", "cleaning"], LODZKIE, True),
            (["sewing"], MAZOWIECKIE, False),
            (["cleaning"], WIELKOPOLSKIE, True),
            (["sewing", "cleaning"], WIELKOPOLSKIE, True),
            ([], MAZOWIECKIE, True),
            (["catering"], None, True),
        ]
    ):
        CooperativePageFactory(
            title=f"Spółdzielnia {n}",
            capabilities=work(*codes),
            voivodeship=region(teryt),
            accepts_orders=accepts,
        )
    not_listed(
        CooperativePageFactory, capabilities=work("sewing", "catering"), voivodeship=region("30")
    )
    return LISTINGS["cooperative"]


@pytest.fixture
def workshops():
    for n, (codes, teryt) in enumerate(
        [
            (["ceramics"], LODZKIE),
            (["ceramics"], LODZKIE),
            (["ceramics", "sewing"], WIELKOPOLSKIE),
            (["sewing"], WIELKOPOLSKIE),
            (["ceramics", "carpentry"], WIELKOPOLSKIE),
            (["carpentry"], MAZOWIECKIE),
            ([], WIELKOPOLSKIE),
        ]
    ):
        WorkshopPageFactory(
            title=f"WTZ {n}", activity_areas=work(*codes), voivodeship=region(teryt)
        )
    not_listed(WorkshopPageFactory, activity_areas=work("ceramics"), voivodeship=region("10"))
    return LISTINGS["workshop"]


@pytest.fixture
def partners():
    for n, teryt in enumerate(
        [WIELKOPOLSKIE, WIELKOPOLSKIE, WIELKOPOLSKIE, LODZKIE, LODZKIE, MAZOWIECKIE, None]
    ):
        PartnerPageFactory(title=f"Firma {n}", voivodeship=region(teryt))
    not_listed(PartnerPageFactory, voivodeship=region("30"))
    return LISTINGS["partner"]


def spread(counts: dict[str, int]) -> None:
    """The data is worth checking against: several profiles per option, not all alike."""
    assert max(counts.values()) > 1
    assert len(set(counts.values())) > 1


# -- the checks


def test_the_sql_sees_drafts_and_protected_pages_as_not_listed(cooperatives):
    listing = LISTINGS["cooperative"]
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM cooperatives_cooperativepage")
        stored = cursor.fetchone()[0]
    assert (stored, sql_total(listing)) == (14, 11)


def test_cooperative_listing_counts_match_sql_with_and_without_other_filters(client, cooperatives):
    assert sql_capability_counts(cooperatives) == {"sewing": 6, "catering": 4, "cleaning": 3}
    spread(sql_capability_counts(cooperatives, voivodeship=WIELKOPOLSKIE))
    spread(sql_voivodeship_counts(cooperatives, capability="sewing"))
    for filters in [
        {},
        {"voivodeship": WIELKOPOLSKIE},
        {"voivodeship": LODZKIE},
        {"capability": "sewing"},
        {"capability": "catering", "voivodeship": LODZKIE},
        {"accepts_orders": True},
        {"accepts_orders": True, "voivodeship": WIELKOPOLSKIE, "capability": "sewing"},
    ]:
        check(client, cooperatives, **filters)


def test_capability_counts_within_a_voivodeship_are_that_voivodeships_own(client, cooperatives):
    """Written out once, so the SQL above is not the only judge."""
    html = shown(client, cooperatives, voivodeship=WIELKOPOLSKIE)
    counts = option_counts(html, "capability")
    assert {code: n for code, n in counts.items() if n} == {
        "sewing": 4,
        "catering": 1,
        "cleaning": 2,
    }
    assert option_counts(html, "voivodeship")[LODZKIE] == 3  # its own filter not applied


def test_workshop_listing_counts_match_sql_with_and_without_other_filters(client, workshops):
    spread(sql_capability_counts(workshops))
    spread(sql_voivodeship_counts(workshops))
    for filters in [
        {},
        {"voivodeship": WIELKOPOLSKIE},
        {"voivodeship": LODZKIE},
        {"capability": "ceramics"},
        {"capability": "carpentry", "voivodeship": MAZOWIECKIE},
    ]:
        check(client, workshops, **filters)


def test_partner_listing_counts_match_sql_with_and_without_a_region(client, partners):
    spread(sql_voivodeship_counts(partners))
    for filters in [{}, {"voivodeship": WIELKOPOLSKIE}, {"voivodeship": MAZOWIECKIE}]:
        check(client, partners, **filters)
