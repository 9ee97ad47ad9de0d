"""Failure semantics of the API and the search page: what Elasticsearch refuses is the
caller's 400, not an outage; pages stop where Elasticsearch stops; unknown codes are named;
the OpenAPI document says all of it, and its longest address fits gunicorn's request line."""

from urllib.parse import quote, urlencode

import pytest
from gunicorn.config import Config

from search.client import delete_prefixed_indices, get_client
from search.directory import MAX_PAGE, search_directory
from search.documents import CooperativeDocument
from search.sync import REFUSED


@pytest.fixture
def openapi(client, db):
    return client.get("/api/v1/openapi.json").json()


def parameter(openapi, path, name):
    operation = openapi["paths"][path]["get"]
    return next(p for p in operation["parameters"] if p["name"] == name)


# Pages stop where Elasticsearch stops.


def test_elasticsearch_refuses_pages_past_its_result_window_as_a_bad_request(indexed_directory):
    """The engine's own limit, on the real node: a deeper page is a 400 it returns."""
    with pytest.raises(REFUSED):
        search_directory(page=MAX_PAGE + 1)
    assert search_directory(page=MAX_PAGE).results == []


def test_a_directory_page_past_the_last_is_a_400_saying_why_not_a_503(client, indexed_directory):
    response = client.get("/api/v1/cooperatives", {"page": 501})
    assert response.status_code == 400
    assert response.json()["error"].startswith("page: at most 500: results stop at the first")
    assert client.get("/api/v1/cooperatives", {"page": 500}).status_code == 200


@pytest.mark.parametrize(
    ("prefix", "message"),
    [
        ("", "Wyniki kończą się na stronie 500. Aby zobaczyć pozostałe, zawęź wyszukiwanie"),
        ("/en", "Results stop at page 500. To see the rest, narrow the search"),
    ],
)
def test_search_page_past_the_last_says_so_plainly_with_a_400(
    client, indexed_directory, prefix, message
):
    response = client.get(f"{prefix}/search/", {"q": "szycie", "page": 600})
    assert response.status_code == 400
    assert message in response.content.decode()


# What Elasticsearch refuses is a 400 with a plain message; only an outage is a 503.


@pytest.fixture
def index_the_code_does_not_expect(search_index):
    """A real cooperatives index whose ``location`` is not a geo_point (as after a botched
    rebuild): Elasticsearch answers a distance sort on it with a 400."""
    delete_prefixed_indices()
    client = get_client()
    alias = CooperativeDocument.alias_name()
    client.indices.create(index=alias, mappings={"properties": {"location": {"type": "keyword"}}})
    client.index(index=alias, document={"location": "nowhere"}, refresh=True)


def test_a_request_elasticsearch_refuses_is_a_400_in_the_api_not_an_outage(
    client, index_the_code_does_not_expect
):
    response = client.get("/api/v1/cooperatives", {"lat": 52.4, "lon": 16.9})
    assert response.status_code == 400
    assert response.json() == {
        "error": "The search engine cannot answer this request; use fewer or simpler words."
    }


def test_a_question_elasticsearch_refuses_is_a_400_page_in_both_languages(
    client, index_the_code_does_not_expect
):
    polish = client.get("/search/", {"near": "Poznań", "sort": "distance"})
    assert polish.status_code == 400
    assert "Wyszukiwarka nie potrafi odpowiedzieć na to pytanie" in polish.content.decode()
    english = client.get("/en/search/", {"near": "Poznań", "sort": "distance"})
    assert "The search engine cannot answer this question" in english.content.decode()


def test_an_unreachable_engine_is_still_a_503(client, db, elasticsearch_down):
    assert client.get("/api/v1/cooperatives", {"page": 3}).status_code == 503
    assert client.get("/api/v1/match", {"q": "szycie"}).status_code == 503


# Unknown codes are named, never echoed back as if valid.


def test_match_names_unknown_capability_and_certification_codes(client, db):
    response = client.get(
        "/api/v1/match",
        {"q": "szycie", "capability": ["sewing", "knitting", "abseiling"], "certification": "iso"},
    )
    assert response.status_code == 400
    assert response.json()["error"] == (
        "capability: unknown codes: abseiling, knitting; certification: unknown code: iso"
    )


def test_known_codes_still_match(client, indexed_directory):
    body = client.get(
        "/api/v1/match", {"q": "szycie", "capability": "sewing", "certification": "haccp"}
    ).json()
    assert body["capabilities"] == ["sewing"]


def test_directory_names_an_unknown_capability(client, db):
    response = client.get("/api/v1/cooperatives", {"capability": "knitting"})
    assert response.status_code == 400
    assert response.json()["error"] == "capability: unknown code: knitting"


@pytest.mark.parametrize(
    ("prefix", "message"),
    [
        ("", "Nie znamy rodzaju pracy „knitting”. Wybierz go z listy."),
        ("/en", "We do not know the kind of work “knitting”. Choose one from the list."),
    ],
)
def test_search_page_names_an_unknown_kind_of_work(client, db, prefix, message):
    response = client.get(f"{prefix}/search/", {"capability": "knitting"})
    assert response.status_code == 400
    assert message in response.content.decode()


# The map's GeoJSON takes the empty kind= an HTML form sends.


def test_an_empty_kind_means_every_kind(client, small_directory):
    every = client.get("/api/v1/map.geojson").json()
    assert client.get("/api/v1/map.geojson", {"kind": ""}).json() == every
    workshops = client.get("/api/v1/map.geojson?kind=&kind=workshop").json()
    assert {f["properties"]["kind"] for f in workshops["features"]} == {"workshop"}


# The OpenAPI document says all of this.


def test_document_says_lat_and_lon_go_together(openapi):
    for path in ("/api/v1/match", "/api/v1/cooperatives"):
        for name in ("lat", "lon"):
            assert "give lat and lon together" in parameter(openapi, path, name)["description"]


def test_document_accepts_the_empty_kind_and_no_other_unknown_one(openapi):
    kinds = parameter(openapi, "/api/v1/map.geojson", "kind")["schema"]["items"]["enum"]
    assert sorted(kinds) == ["", "cooperative", "partner", "partnership", "workshop"]


def test_document_says_the_map_is_geojson(openapi):
    content = openapi["paths"]["/api/v1/map.geojson"]["get"]["responses"]["200"]["content"]
    assert list(content) == ["application/geo+json"]
    assert content["application/geo+json"]["schema"]["required"] == ["type", "features"]


def test_document_lists_every_error_each_endpoint_returns(openapi):
    assert openapi["paths"]
    for path, item in openapi["paths"].items():
        responses = item["get"]["responses"]
        assert {"400", "503"} <= set(responses), path
        for status in ("400", "503"):
            assert responses[status]["content"]["application/json"]["schema"] == {
                "$ref": "#/components/schemas/ErrorOut"
            }


def test_document_says_where_pages_stop(openapi):
    page = parameter(openapi, "/api/v1/cooperatives", "page")
    assert page["schema"]["maximum"] == MAX_PAGE
    assert "first 10,000 results" in page["description"]


def _longest(schema: dict) -> str:
    """The longest value of a parameter the document allows, as written in the address."""
    schema = next(s for s in schema.get("anyOf", [schema]) if s.get("type") != "null")
    kind = schema["type"]
    if kind == "array":
        return _longest(schema["items"])
    if kind == "boolean":
        return "false"
    if "enum" in schema:
        return max((str(value) for value in schema["enum"]), key=len)
    bounds = [schema[key] for key in ("minimum", "maximum", "exclusiveMinimum") if key in schema]
    if kind == "integer":
        return max((str(bound) for bound in bounds), key=len)
    if kind == "number":
        # A negative float at its full precision: the longest a client is likely to write.
        return repr(-max(abs(bound) for bound in bounds) - 0.1234567890123456)
    # Codes (a pattern) are ASCII; free text may be all Polish letters, 6 bytes each encoded.
    length = schema.get("maxLength", 2 if "pattern" in schema else None)
    assert length is not None, f"unbounded text parameter: {schema}"
    return ("a" if "pattern" in schema else "ż") * length


@pytest.mark.parametrize("path", ["/api/v1/match", "/api/v1/cooperatives"])
def test_longest_documented_address_fits_gunicorns_request_line(openapi, path):
    """Every parameter at its longest (a repeatable one once), every character of text a
    Polish letter: gunicorn must still read the request line."""
    parameters = openapi["paths"][path]["get"]["parameters"]
    query = urlencode({p["name"]: _longest(p["schema"]) for p in parameters}, quote_via=quote)
    request_line = f"GET {path}?{query} HTTP/1.1"
    assert "q=%C5%BC%C5%BC" in query
    assert len(request_line.encode()) <= Config().limit_request_line


def test_the_text_limit_is_in_the_document(openapi):
    q = parameter(openapi, "/api/v1/match", "q")
    assert q["schema"]["maxLength"] == 600
    assert "4,094-byte request line" in q["description"]
