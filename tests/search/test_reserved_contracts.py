"""Reserved contracts (art. 94): buyers find the cooperatives whose stated staff from the
named groups reach 30 % of their employees, on the search page, in the API and the matcher.

Every cooperative below does sewing, so without the filter all of them are found; with it,
only those at or above 30 %: a filter that ignored the share, rounded it, or let a
missing or zero staff through would return a different set.
"""

import io
import json

import pytest
from django.core.management import call_command

from search.directory import search_directory
from search.query import MatchRequest, match

STATED_ON = "2026-03-02"
# slug -> (employees_total, employees_reserved_groups)
STAFF = {
    "ss-trzydziesci": (10, 3),  # exactly 30 %
    "ss-czterdziesci-piec": (20, 9),  # 45 %
    "ss-prawie": (1000, 299),  # 29.9 %
    "ss-dwadziescia-dziewiec": (100, 29),  # 29 %
    "ss-zero": (0, 0),  # no staff: no share
    "ss-bez-etatow": (None, 5),  # total not stated
    "ss-nic": (None, None),  # nothing stated
}
QUALIFYING = {"ss-trzydziesci", "ss-czterdziesci-piec"}


def _record(slug: str, total, groups) -> dict:
    record = {
        "type": "cooperative",
        "slug": slug,
        "name": f"Spółdzielnia Socjalna {slug}",
        "capabilities": ["sewing"],
        "description": "Szyjemy fartuchy i odzież roboczą.",
        "voivodeship": "wielkopolskie",
        "location": {"lat": 52.4, "lon": 16.9},
    }
    if total is not None:
        record["employees_total"] = total
    if groups is not None:
        record["employees_reserved_groups"] = groups
        record["employees_reserved_groups_on"] = STATED_ON
    return record


@pytest.fixture
def staffed_directory(search_index, tmp_path):
    path = tmp_path / "directory.jsonl"
    lines = [json.dumps(_record(slug, *staff), ensure_ascii=False) for slug, staff in STAFF.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    call_command("import_directory", str(path), stdout=io.StringIO(), stderr=io.StringIO())


def test_directory_search_keeps_only_cooperatives_at_or_above_30_percent(staffed_directory):
    everyone = search_directory(text="szycie")
    assert {item["slug"] for item in everyone.results} == set(STAFF)
    reserved = search_directory(text="szycie", reserved_contracts=True)
    assert {item["slug"] for item in reserved.results} == QUALIFYING
    assert reserved.total == len(QUALIFYING)
    without_words = search_directory(reserved_contracts=True)
    assert {item["slug"] for item in without_words.results} == QUALIFYING


def test_matcher_filter_and_each_results_flag(staffed_directory):
    everyone = match(MatchRequest(text="szycie fartuchów", limit=20))
    flags = {item.slug: item.reserved_contracts for item in everyone.results}
    assert flags == {slug: slug in QUALIFYING for slug in STAFF}
    reserved = match(MatchRequest(text="szycie fartuchów", limit=20, reserved_contracts=True))
    assert {item.slug for item in reserved.results} == QUALIFYING


def test_api_reserved_contracts_true_returns_only_qualifying_with_their_figures(
    client, staffed_directory
):
    body = client.get("/api/v1/match", {"q": "szycie fartuchów", "limit": 20}).json()
    assert {r["slug"]: r["reserved_contracts"] for r in body["results"]} == {
        slug: slug in QUALIFYING for slug in STAFF
    }
    figures = {r["slug"]: r["reserved_groups"] for r in body["results"]}
    assert figures["ss-trzydziesci"] == {
        "employees": 3,
        "employees_total": 10,
        "share_percent": 30.0,
        "stated_on": STATED_ON,
    }
    assert figures["ss-prawie"]["share_percent"] == 29.9
    assert figures["ss-zero"]["share_percent"] is None
    assert figures["ss-nic"] is None

    reserved = client.get(
        "/api/v1/match", {"q": "szycie fartuchów", "limit": 20, "reserved_contracts": "true"}
    ).json()
    assert {r["slug"] for r in reserved["results"]} == QUALIFYING
    assert all(r["reserved_contracts"] for r in reserved["results"])

    listed = client.get("/api/v1/cooperatives", {"reserved_contracts": "true"}).json()
    assert {r["slug"] for r in listed["results"]} == QUALIFYING
    assert listed["total"] == len(QUALIFYING)


def test_api_says_what_dropping_the_filter_would_find(client, staffed_directory):
    body = client.get(
        "/api/v1/match",
        {"q": "szycie fartuchów", "reserved_contracts": "true", "voivodeship": "02"},
    ).json()
    assert body["results"] == []
    assert body["relaxed"]["dropped"] == "voivodeship"
    assert {r["slug"] for r in body["relaxed"]["results"]} == QUALIFYING


def test_match_command_reserved_contracts_option(staffed_directory):
    out = io.StringIO()
    call_command(
        "match", "szycie fartuchów", "--limit", "20", "--reserved-contracts", "--json", stdout=out
    )
    results = json.loads(out.getvalue())["results"]
    assert {r["slug"] for r in results} == QUALIFYING
    assert all(r["reserved_contracts"] for r in results)


def test_search_page_checkbox_filters_and_explains(client, staffed_directory):
    page = client.get("/search/", {"q": "szycie", "reserved_contracts": "on"})
    html = page.content.decode()
    assert page.status_code == 200
    for slug in STAFF:
        assert (f"Spółdzielnia Socjalna {slug}<" in html) == (slug in QUALIFYING), slug
    assert "art. 94" in html
    assert "3 z 10 pracowników (30,0%)" in html
    english = client.get("/en/search/", {"q": "szycie", "reserved_contracts": "on"})
    assert "May take part in contracts reserved under art. 94" in english.content.decode()
