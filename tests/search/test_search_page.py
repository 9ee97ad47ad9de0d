"""The public search page: words, filters, facet counts, a town to search near, and failures."""

import re

import pytest


def names(response):
    return re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', response.content.decode())


def test_empty_form_explains_what_to_do(client, db):
    response = client.get("/search/")
    assert response.status_code == 200
    assert "Opisz pracę własnymi słowami" in response.content.decode()


def test_words_find_cooperatives_with_facet_counts(client, indexed_directory):
    response = client.get("/search/", {"q": "szycie odzieży"})
    html = response.content.decode()
    assert names(response) == ["Spółdzielnia Socjalna „Igła”"]
    assert "1 wynik" in html
    assert re.search(r'capability=sewing">szycie, krawiectwo</a> \(1\)', html)


def test_near_a_town_orders_by_distance_and_says_how_far(client, indexed_directory):
    response = client.get("/search/", {"near": "lodz", "sort": "distance"})
    html = response.content.decode()
    assert "w pobliżu: Łódź" in html
    assert names(response)[0] == "Spółdzielnia Socjalna „Igła”"
    assert re.search(r"Poznań — około \d+ km od miejscowości Łódź", html)


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"near": "Xyzzy"}, "Nie znamy miejscowości „Xyzzy”"),
        ({"sort": "distance"}, "podaj miejscowość"),
    ],
)
def test_bad_input_gets_400_and_a_plain_message(client, db, params, message):
    response = client.get("/search/", params)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_elasticsearch_down_says_so_plainly_in_both_languages(client, db, elasticsearch_down):
    polish = client.get("/search/", {"q": "szycie"})
    assert polish.status_code == 503
    assert "Wyszukiwanie jest chwilowo niedostępne" in polish.content.decode()
    english = client.get("/en/search/", {"q": "szycie"})
    assert "Search is temporarily unavailable" in english.content.decode()
