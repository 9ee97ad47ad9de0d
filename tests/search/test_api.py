"""HTTP API v1: the match and directory endpoints, their errors, and the OpenAPI document."""

import pytest


def test_match_returns_the_contract_body(client, indexed_directory):
    response = client.get("/api/v1/match", {"q": "szycie fartuchów, Poznań", "limit": 5})
    assert response.status_code == 200
    body = response.json()
    assert body["query"] == "szycie fartuchów, Poznań"
    assert body["capabilities"] == ["sewing"]
    first = body["results"][0]
    assert first["slug"] == "ss-igla"
    assert set(first) >= {"slug", "name", "score", "distance_km", "explanation"}
    assert set(first["explanation"]) >= {"capabilities", "terms", "distance_km", "certifications"}


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({}, "q: Field required"),
        ({"q": "szycie", "lat": "52.4"}, "give both lat and lon"),
        ({"q": "szycie", "radius_km": "10"}, "radius_km needs lat and lon"),
        ({"q": "szycie", "limit": "0"}, "limit"),
        ({"q": "szycie", "lat": "abc", "lon": "16"}, "lat"),
    ],
)
def test_bad_parameters_get_400_with_a_json_error(client, db, params, message):
    response = client.get("/api/v1/match", params)
    assert response.status_code == 400
    assert message in response.json()["error"]


def test_elasticsearch_down_gives_503_and_directory_pages_keep_working(
    client, small_directory, elasticsearch_down
):
    response = client.get("/api/v1/match", {"q": "szycie"})
    assert response.status_code == 503
    assert "unavailable" in response.json()["error"]
    assert client.get("/api/v1/cooperatives").status_code == 503
    assert client.get("/spoldzielnie/?capability=sewing").status_code == 200


def test_directory_endpoint_filters_and_paginates(client, indexed_directory):
    body = client.get("/api/v1/cooperatives", {"capability": "catering"}).json()
    assert (body["total"], body["page"], body["page_size"]) == (1, 1, 20)
    assert body["results"][0]["slug"] == "ss-smak"
    near = client.get("/api/v1/cooperatives", {"lat": 51.76, "lon": 19.46}).json()
    # Sorted by distance; a profile without a map point comes last.
    assert [(r["slug"], r["distance_km"] is None) for r in near["results"]] == [
        ("ss-igla", False),
        ("ss-smak", True),
    ]
    assert client.get("/api/v1/cooperatives", {"page": "0"}).status_code == 400


def test_openapi_document_describes_the_endpoints(client, db):
    document = client.get("/api/v1/openapi.json").json()
    assert {"/api/v1/match", "/api/v1/cooperatives"} <= set(document["paths"])


def test_api_says_what_dropping_one_condition_would_find(client, indexed_directory):
    body = client.get("/api/v1/match", {"q": "szycie odzieży", "certification": "haccp"}).json()
    assert body["results"] == []
    assert body["relaxed"]["dropped"] == "certification"
    assert [r["slug"] for r in body["relaxed"]["results"]] == ["ss-igla"]


def test_api_accepts_the_service_area_filter(client, indexed_directory):
    body = client.get(
        "/api/v1/match",
        {"q": "szycie", "lat": 52.41, "lon": 16.93, "within_service_area": "true"},
    ).json()
    assert [r["slug"] for r in body["results"]] == ["ss-igla"]
    bad = client.get("/api/v1/match", {"q": "szycie", "within_service_area": "maybe"})
    assert bad.status_code == 400
