"""Paging through a directory deeper than Elasticsearch's result window, in the API and on
the search page.

Elasticsearch pages through the first 10,000 hits only (``from + size``);
:mod:`search.directory` therefore stops at page 500 of 20 and both surfaces
refuse page 501 with a plain message instead of passing Elasticsearch's 400
on as an outage. Here 10,007 cooperatives are in the index, so page 500 is
full and page 501 would have had results: an off-by-one in the page
arithmetic, a window computed from the wrong page size, or a total capped at
10,000 gives a different answer. Without words every result scores the same
and the order is by slug, so each page's slugs are known exactly.

The documents are the engine's own (:func:`search.documents.cooperative_document`
of in-memory pages, never saved) bulk-written straight into the test index:
ten thousand saved pages would take minutes.
"""

import itertools
import re

import pytest
from elasticsearch.helpers import bulk

from cms.models import Voivodeship
from cooperatives.models import Capability, CooperativePage
from search.client import delete_prefixed_indices, get_client, patient_client
from search.directory import MAX_PAGE, PAGE_SIZE
from search.documents import CooperativeDocument, cooperative_document, ensure_alias

COOPERATIVES = 10_007
# Every seventh cooperative caters, the others sew: a filtered directory with a short last page.
CATERERS = len(range(0, COOPERATIVES, 7))  # 1,430: 71 full pages and 10 on page 72
# Building and indexing the 10,007 documents takes about 14 s on the shared two-core machine,
# once for the module.


def slug(number: int) -> str:
    """The slug of cooperative ``number`` (1-based); zero-padded, so slug order is number order."""
    return f"ss-{number:05d}"


def documents():
    """The index actions for the generated cooperatives, built by the engine's document code."""
    sewing, catering = (Capability.objects.get(code=code) for code in ("sewing", "catering"))
    regions = list(Voivodeship.objects.order_by("teryt"))
    alias = ensure_alias(CooperativeDocument)
    for number in range(1, COOPERATIVES + 1):
        page = CooperativePage(
            pk=number,
            title=f"Spółdzielnia nr {number}",
            slug=slug(number),
            description="Szyjemy i gotujemy na zamówienie.",
            city="Poznań",
            voivodeship=regions[number % len(regions)],
        )
        page.capabilities = [catering if (number - 1) % 7 == 0 else sewing]
        page.certificates = []
        page.capacities = []
        document = cooperative_document(page)
        document.url = f"/spoldzielnie/{page.slug}/"
        yield document.to_dict(include_meta=True) | {"_index": alias}


@pytest.fixture(scope="module")
def deep_index(django_db_blocker):
    """The generated cooperatives, indexed once for this module (the tests only read them);
    the vocabularies they use are the migrations' own, so no test transaction is needed."""
    with django_db_blocker.unblock(), patient_client():
        delete_prefixed_indices()
        indexed, errors = bulk(get_client(), documents(), chunk_size=2000, raise_on_error=False)
        get_client().indices.refresh(index=CooperativeDocument.alias_name())
    assert (indexed, errors) == (COOPERATIVES, [])
    yield
    with patient_client():
        delete_prefixed_indices()


@pytest.fixture
def deep_directory(db, deep_index):
    """The deep index, for a test with its own database transaction."""


def expected_slugs(page: int, numbers: list[int]) -> list[str]:
    start = (page - 1) * PAGE_SIZE
    return [slug(n) for n in numbers[start : start + PAGE_SIZE]]


EVERYONE = list(range(1, COOPERATIVES + 1))
CATERING = [n for n in EVERYONE if (n - 1) % 7 == 0]

# (page, expected length): first, the 50th (results 981-1000), the 51st, the last allowed.
PAGES = [(1, 20), (50, 20), (51, 20), (MAX_PAGE, 20)]


def api_page(client, page: int, **filters) -> dict:
    response = client.get("/api/v1/cooperatives", {"page": page, **filters})
    assert response.status_code == 200, response.content
    return response.json()


def results_heading(html: str) -> str:
    return re.search(r'<h2 id="results-heading"[^>]*>(.*?)</h2>', html, re.S).group(1).strip()


def search_page_slugs(client, page: int, **filters) -> tuple[str, list[str]]:
    response = client.get("/search/", {"page": page, **filters})
    assert response.status_code == 200, response.status_code
    html = response.content.decode()
    return html, re.findall(r'<h3><a href="/spoldzielnie/([^/"]+)/">', html)


def test_the_limits_are_the_result_window_divided_into_pages():
    assert (PAGE_SIZE, MAX_PAGE) == (20, 500)
    assert COOPERATIVES > MAX_PAGE * PAGE_SIZE


def test_api_pages_hold_exactly_their_slice_up_to_the_last_allowed_page(client, deep_directory):
    previous: set[str] = set()
    for page, length in PAGES:
        body = api_page(client, page)
        assert (body["total"], body["page"], body["page_size"]) == (COOPERATIVES, page, 20)
        slugs = [result["slug"] for result in body["results"]]
        assert len(slugs) == length
        assert slugs == expected_slugs(page, EVERYONE)
        assert previous.isdisjoint(slugs)
        previous = set(slugs)
    # Page 50 ends with result 1,000 and page 51 starts with 1,001; page 500 ends with 10,000.
    assert api_page(client, 50)["results"][-1]["slug"] == slug(1000)
    assert api_page(client, 51)["results"][0]["slug"] == slug(1001)
    assert api_page(client, MAX_PAGE)["results"][-1]["slug"] == slug(10_000)


def test_consecutive_api_pages_never_repeat_a_slug(client, deep_directory):
    pages = [api_page(client, page) for page in (49, 50, 51, 52)]
    assert pages, "no page was fetched"
    for before, after in itertools.pairwise(pages):
        before_slugs = {r["slug"] for r in before["results"]}
        after_slugs = {r["slug"] for r in after["results"]}
        assert len(before_slugs) == len(after_slugs) == 20
        assert before_slugs.isdisjoint(after_slugs)


def test_api_refuses_the_page_after_the_last_with_a_plain_reason(client, deep_directory):
    response = client.get("/api/v1/cooperatives", {"page": MAX_PAGE + 1})
    assert response.status_code == 400
    error = response.json()["error"]
    assert "at most 500" in error
    assert "narrow the search" in error


def test_api_last_page_of_a_filtered_directory_holds_the_remainder(client, deep_directory):
    last = -(-CATERERS // PAGE_SIZE)
    assert (last, CATERERS % PAGE_SIZE) == (72, 10)
    body = api_page(client, last, capability="catering")
    assert body["total"] == CATERERS
    assert [r["slug"] for r in body["results"]] == expected_slugs(last, CATERING)
    assert len(body["results"]) == 10
    assert api_page(client, last + 1, capability="catering")["results"] == []


def test_search_page_pages_hold_exactly_their_slice_up_to_the_last_allowed_page(
    client, deep_directory
):
    previous: list[str] = []
    for page, length in PAGES:
        html, slugs = search_page_slugs(client, page)
        assert results_heading(html) == "10007 wyników"
        assert len(slugs) == length
        assert slugs == expected_slugs(page, EVERYONE)
        assert set(previous).isdisjoint(slugs)
        previous = slugs
        # Page 500 is the last the form accepts: it offers no next page though more match.
        assert ('rel="next"' in html) == (page < MAX_PAGE)


def test_search_page_refuses_the_page_after_the_last_with_a_plain_message(client, deep_directory):
    response = client.get("/search/", {"page": MAX_PAGE + 1})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Wyniki kończą się na stronie 500" in html
    assert "zawęź wyszukiwanie" in html
    assert '<ul class="cards">' not in html


def test_search_page_last_page_of_a_filtered_directory_holds_the_remainder(client, deep_directory):
    html, slugs = search_page_slugs(client, 72, capability="catering")
    assert slugs == expected_slugs(72, CATERING)
    assert len(slugs) == 10
    assert 'rel="next"' not in html
