"""Every Polish town and village by name, from the State Register of Geographical Names
(PRNG) as the npm package ``polskie-miejscowosci`` publishes it: 43,989 places of 2021,
each with its point, voivodeship, powiat and commune (CC BY 3.0; ``make`` installs it
into ``node_modules`` beside Leaflet).

GeoNames, which :mod:`search.places.gazetteer` reads, lists only places of 1,000+
people, so "Kruszyniany", "Mietków" or "Rewa" placed a request nowhere, and it knows
one place of a name that 5,000 villages share ("Gródek" near Białystok and nine
others). This module answers two questions the reader asks of a capitalised word:
which places of this register does it name (:meth:`Villages.named_at`), and, of a
name many places share, which lies by a town the text names beside it.

A name's case forms come from :func:`search.places.declension.name_forms`. A place of
one word is looked up by any of its forms; one of several words by its first word as
the whole name's forms decline it, and then checked whole (the whole forms are kept only
for the few names that get that far: all of them kept at once would be two million
phrases).
"""

import json
import math
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from cms.distance import distance_km
from search.places.declension import name_forms, word_forms
from search.places.gazetteer import EVERYDAY_FORMS, Town, phrase_key, word_set

REGISTER = Path(__file__).resolve().parents[2] / "node_modules/polskie-miejscowosci/data.json"
VOIVODESHIPS = {
    "dolnośląskie": "02", "kujawsko-pomorskie": "04", "lubelskie": "06", "lubuskie": "08",
    "łódzkie": "10", "małopolskie": "12", "mazowieckie": "14", "opolskie": "16",
    "podkarpackie": "18", "podlaskie": "20", "pomorskie": "22", "śląskie": "24",
    "świętokrzyskie": "26", "warmińsko-mazurskie": "28", "wielkopolskie": "30",
    "zachodniopomorskie": "32",
}  # fmt: skip
# The letters a word of a name keeps in every case ("Biała", "Białej", "Białą").
PREFIX = 3
# What follows a commune's name in the register ("Sułów-gmina wiejska").
COMMUNE_KIND = re.compile(r"-(?:gmina|obszar)")
# A register's town has no population; a village counts as none (ties go to the towns).
TOWN_POPULATION = 1


class RegisterMissing(RuntimeError):
    """The register's file is not installed (``make`` installs it from the npm registry)."""


@dataclass(frozen=True)
class Named:
    """A register's place named at a word of a text, and how many words name it."""

    town: Town
    length: int


# Words that tell the parts of a village apart ("Stare Siołkowice", "Krajno Pierwsze",
# "Krajno-Parcele"): people call such places by the other word alone.
PART_BEFORE = word_set("stare stary stara nowe nowy nowa wielkie wielki wielka male maly mala")
PART_AFTER = word_set(
    """pierwsze pierwszy pierwsza drugie drugi druga parcele kolonia gorne gorny gorna
    dolne dolny dolna wielkie wielki wielka male maly mala"""
)


@dataclass
class Villages:
    # folded form of a one-word name, or of a longer name's first word → the places
    by_first_word: dict[str, list[tuple[Town, tuple[str, ...]]]] = field(default_factory=dict)
    # folded form of the word a two-word name's parts share → those places ("siolkowice" →
    # Stare Siołkowice, Nowe Siołkowice)
    by_shared_word: dict[str, list[Town]] = field(default_factory=dict)

    def add(self, town: Town) -> None:
        words = tuple(phrase_key(town.name).split())
        self._add_part(town, words)
        if len(words) == 1:
            forms = name_forms(town.name)
        else:  # a long name's first word as the whole name declines it ("ze Starej Białej")
            forms = word_forms(town.name.lower().replace("-", " ").split()[0], alone=False)
        entry = (town, words)
        for form in {phrase_key(form) for form in forms} - EVERYDAY_FORMS:
            self.by_first_word.setdefault(form, []).append(entry)

    def _add_part(self, town: Town, words: tuple[str, ...]) -> None:
        if len(words) != 2:
            return
        written = town.name.replace("-", " ").split()
        if len(written) != 2:
            return
        if words[0] in PART_BEFORE:
            shared = written[1]
        elif words[1] in PART_AFTER:
            shared = written[0]
        else:
            return
        for form in {phrase_key(form) for form in name_forms(shared)} - EVERYDAY_FORMS:
            self.by_shared_word.setdefault(form, []).append(town)

    def parts_named(self, key: str) -> list[Named]:
        """The parts of a village named by the word they share, in the folded form
        ``key``: "w Siołkowicach" is Stare or Nowe Siołkowice, 3 km apart."""
        return [Named(town, 1) for town in self.by_shared_word.get(key, ())]

    def named_at(self, keys: list[str]) -> list[Named]:
        """The places whose name, in some case, the folded words ``keys`` begin with:
        the longest names first, all namesakes of a length together."""
        if not keys:
            return []
        found = []
        for town, words in self.by_first_word.get(keys[0], ()):
            length = len(words)
            if (
                length == 1
                or (
                    len(keys) >= length
                    # the next word begins as the name's does, before every case is made
                    and keys[1][:PREFIX] == words[1][:PREFIX]
                    and " ".join(keys[:length]) in _forms(town.name)
                )
            ):
                found.append(Named(town, length))
        return sorted(found, key=lambda named: -named.length)


@lru_cache(maxsize=4096)
def _forms(name: str) -> frozenset[str]:
    return frozenset(phrase_key(form) for form in name_forms(name))


def _commune_name(place: dict) -> str:
    """ "Bogdaniec-gmina wiejska" → "Bogdaniec"; "Słupia (Konecka)-gmina wiejska" → "Słupia"."""
    return COMMUNE_KIND.split(place.get("Commune") or "")[0].split(" (")[0]


def _town(place: dict) -> Town:
    population = TOWN_POPULATION if place["Type"] == "city" else 0
    return Town(
        place["Name"],
        place["Latitude"],
        place["Longitude"],
        VOIVODESHIPS[place["Province"]],
        population,
        phrase_key(_commune_name(place)),
        phrase_key(place.get("District") or ""),
    )


def _missing_seats(places: list[tuple[dict, Town]]) -> list[Town]:
    """The seats of communes the register lists villages of but not the seat itself
    ("Korycin", "Suchy Dąb", "Iwanowice": 60-odd communes), each at the middle of its
    commune's villages (a commune is some 10 km across)."""
    communes: dict[tuple[str, str], list[Town]] = {}
    names = {}
    for place, town in places:
        if town.commune:
            communes.setdefault((town.commune, town.voivodeship), []).append(town)
            names[town.commune, town.voivodeship] = _commune_name(place)
    seats = []
    for (commune, voivodeship), towns in communes.items():
        if any(phrase_key(town.name) == commune for town in towns):
            continue
        seats.append(
            Town(
                names[commune, voivodeship],
                round(sum(town.lat for town in towns) / len(towns), 5),
                round(sum(town.lon for town in towns) / len(towns), 5),
                voivodeship,
                0,
                commune,
                towns[0].powiat,
            )
        )
    return seats


def is_seat(town: Town) -> bool:
    """Whether ``town`` is its commune's seat (named as the commune is)."""
    return bool(town.commune) and phrase_key(town.name) == town.commune


@cache
def localities() -> Villages:
    """The register, indexed once per process (about a second)."""
    try:
        places = json.loads(REGISTER.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise RegisterMissing(
            f"{REGISTER} is missing: run `make demo` or `npm ci` to install the register "
            "of Polish localities (polskie-miejscowosci)."
        ) from error
    found = Villages()
    towns = [(place, _town(place)) for place in places]
    for _place, town in towns:
        found.add(town)
    for seat in _missing_seats(towns):
        found.add(seat)
    return found


def nearest_to(places: list[Town], lat: float, lon: float, within_km: float) -> Town | None:
    """Of ``places``, the one nearest (lat, lon) if it lies within ``within_km``."""
    distances = [(distance_km(town.lat, town.lon, lat, lon), town) for town in places]
    distance, town = min(distances, key=lambda pair: pair[0], default=(math.inf, None))
    return town if distance <= within_km else None
