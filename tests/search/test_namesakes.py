"""A request naming a village that a few villages far apart are called ("koło Sławęcinka":
one in wielkopolskie, one in kujawsko-pomorskie, 54 km apart) is measured from the
nearest of them, in the matcher and in the directory's search."""

import pytest

from search.directory import search_directory
from search.query import MatchRequest, match
from search.sync import flush
from tests.search.test_matching import add_cooperative

NEED = "Szukamy szwalni do uszycia 200 fartuchów, zakład koło Sławęcinka"


@pytest.fixture
def by_the_northern_one(indexed_directory):
    """Zaciszna 3 km from the northern Sławęcinek; Akacja halfway between the two, 27 km
    from each (and the small directory's Igła in Poznań, 130 km off)."""
    add_cooperative("ss-zaciszna", "Spółdzielnia Zaciszna", 52.80, 18.25, description="Szyjemy.")
    add_cooperative("ss-akacja", "Spółdzielnia Akacja", 52.58, 18.23, description="Szyjemy.")
    flush()


def test_the_cooperative_by_either_village_comes_first_measured_from_it(by_the_northern_one):
    result = match(MatchRequest(NEED))
    assert [item.slug for item in result.results[:2]] == ["ss-zaciszna", "ss-akacja"]
    assert [round(item.distance_km) for item in result.results[:2]] == [3, 27]
    assert result.place.name == "Sławęcinek"
    # the API names every village the distances may be measured from
    assert len(result.as_dict()["place"]["namesakes"]) == 2


def test_the_directory_sorts_by_the_nearest_village_too(by_the_northern_one):
    page = search_directory("szycie fartuchów koło Sławęcinka", sort="distance")
    assert [item["slug"] for item in page.results[:2]] == ["ss-zaciszna", "ss-akacja"]


def test_the_pages_say_the_name_is_shared_and_measure_from_the_nearest(client, by_the_northern_one):
    home = client.get("/find/", {"q": NEED}).content.decode()
    assert "tak nazywa się kilka miejscowości" in home
    assert "3 km od miejscowości Sławęcinek" in home
    search = client.get("/en/search/", {"q": "szycie fartuchów koło Sławęcinka"}).content.decode()
    assert "several places have this name" in search
    # a name only one place has says nothing of the kind
    assert (
        "several places" not in client.get("/en/search/", {"q": "szycie Poznań"}).content.decode()
    )
