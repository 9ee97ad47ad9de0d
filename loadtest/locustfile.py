"""What `make load` asks of the site: anonymous visitors and buyers' systems, on loopback.

Run by ``python manage.py load_test`` (cms/management/commands/load_test.py),
which starts the site as production runs it and points locust here with
``--host``. Each simulated person makes a short *visit* (one to three requests,
as a person clicks from a listing to a profile), then thinks for 0.5 to 1.5 s.
The visits, by weight:

* home page, a listing, a profile (2);
* a listing with filters (capability, voivodeship, words, accepting orders) or
  a further page, then a profile from it (5);
* a profile reached from outside (1);
* the public search, then two profiles (3);
* the map, then the map with a filter, as its script fetches it (2);
* the GeoJSON API, all kinds or one (1);
* the public statistics, then one voivodeship (2);
* a buyer's request to the matching API, then the same narrowed to the
  buyer's town (3).

That is 2.2 requests a visit on average, so 50 people offer about 100
requests a second. One in five page views is in English (``/en/``).
Addresses of profiles, capability codes and voivodeships are read once, at
the start, from the GeoJSON API (that request is not counted). Each person
first loads the style sheets and scripts of the home page, as a browser with
an empty cache would, and never again.

This file is not part of the application (no package imports it).
"""

import random
import re

import requests
from locust import HttpUser, between, events, task

LISTINGS = {"cooperative": "/spoldzielnie/", "workshop": "/warsztaty/", "partner": "/partnerzy/"}
# Kinds whose listing filters by kind of work.
WITH_CAPABILITIES = ("cooperative", "workshop")

SEARCH_WORDS = [
    "szycie",
    "szycie toreb",
    "catering",
    "catering Poznań",
    "sprzątanie biur",
    "ceramika",
    "pakowanie",
    "konfekcjonowanie",
    "ogrodnictwo",
    "pielęgnacja zieleni",
    "pranie",
    "poligrafia",
    "stolarka",
    "rękodzieło",
    "lodz",
    "Gniezno",
]

# What a company's purchasing system sends: the need in the buyer's own words.
BUYER_REQUESTS = [
    "uszycie 300 fartuchów kuchennych z logo w ciągu 3 tygodni",
    "catering na konferencję dla 120 osób",
    "codzienne obiady dla 80 pracowników biurowca",
    "sprzątanie biura 400 m2 dwa razy w tygodniu",
    "konfekcjonowanie i pakowanie 5000 zestawów promocyjnych",
    "pielęgnacja terenów zielonych przy zakładzie produkcyjnym",
    "ceramiczne upominki dla klientów, 200 sztuk",
    "druk i oprawa 1000 broszur",
    "pranie odzieży roboczej dla 50 pracowników co tydzień",
    "malowanie korytarzy i drobne prace remontowe w szkole",
    "40 drewnianych skrzynek na warzywa",
    "koszenie trawy i odśnieżanie parkingu firmy",
    "500 paczek świątecznych z rękodziełem",
    "skanowanie i digitalizacja 20000 stron dokumentów",
    "torby bawełniane z nadrukiem 1000 szt. na targi",
    "catering HACCP dla przedszkola, 60 posiłków dziennie",
]

# Where buyers are: (latitude, longitude).
BUYER_TOWNS = [
    (52.4064, 16.9252),  # Poznań
    (52.2297, 21.0122),  # Warszawa
    (51.7592, 19.4560),  # Łódź
    (50.0647, 19.9450),  # Kraków
    (51.1079, 17.0385),  # Wrocław
    (54.3520, 18.6466),  # Gdańsk
    (52.5348, 17.5826),  # Gniezno
]

STATIC_REFERENCE = re.compile(r'(?:href|src)="(/static/[^"]+\.(?:css|js|svg))"')


class Directory:
    """What the visitors pick from, learnt once from the site's own GeoJSON."""

    profiles: dict[str, list[str]] = {}
    capabilities: dict[str, list[str]] = {}
    voivodeships: list[str] = []


@events.test_start.add_listener
def learn_the_directory(environment, **kwargs):
    reply = requests.get(f"{environment.host}/api/v1/map.geojson", timeout=120)
    reply.raise_for_status()
    profiles, capabilities, voivodeships = {}, {}, set()
    for feature in reply.json()["features"]:
        place = feature["properties"]
        profiles.setdefault(place["kind"], []).append(place["url"])
        capabilities.setdefault(place["kind"], set()).update(place["capabilities"])
        if place["voivodeship"]:
            voivodeships.add(place["voivodeship"])
    if not all(profiles.get(kind) for kind in LISTINGS):
        raise RuntimeError("the site lists no profiles of some kind: is the demo imported?")
    Directory.profiles = profiles
    Directory.capabilities = {kind: sorted(codes) for kind, codes in capabilities.items()}
    Directory.voivodeships = sorted(voivodeships)


def _language() -> str:
    return "/en" if random.random() < 0.2 else ""


class Visitor(HttpUser):
    wait_time = between(0.5, 1.5)

    def on_start(self):
        home = self.client.get("/", name="home")
        for path in sorted(set(STATIC_REFERENCE.findall(home.text))):
            self.client.get(path, name="static (first visit)")

    def _profile(self, kind: str | None = None):
        kind = kind or random.choice([*LISTINGS, "partnership"])
        self.client.get(_language() + random.choice(Directory.profiles[kind]), name=f"{kind}")

    def _listing(self, kind: str, filters: dict | None = None, name: str = "listing"):
        self.client.get(_language() + LISTINGS[kind], params=filters or {}, name=name)

    @task(2)
    def home_listing_profile(self):
        kind = random.choice(list(LISTINGS))
        self.client.get(_language() + "/", name="home")
        self._listing(kind)
        self._profile(kind)

    @task(5)
    def filtered_listing_and_a_profile(self):
        kind = random.choice(list(LISTINGS))
        if random.random() < 0.3:
            self._listing(kind, {"page": random.choice([2, 3])}, name="listing (page 2-3)")
        else:
            filters = {"voivodeship": random.choice(Directory.voivodeships)}
            if kind in WITH_CAPABILITIES and random.random() < 0.7:
                filters = {"capability": random.choice(Directory.capabilities[kind])}
                if random.random() < 0.3:
                    filters["voivodeship"] = random.choice(Directory.voivodeships)
            if random.random() < 0.2:
                filters["q"] = random.choice(SEARCH_WORDS)
            if kind == "cooperative" and random.random() < 0.3:
                filters["accepts_orders"] = "on"
            self._listing(kind, filters, name="listing (filtered)")
        self._profile(kind)

    @task(1)
    def profile_from_outside(self):
        self._profile()

    @task(3)
    def search_and_two_results(self):
        self.client.get(
            _language() + "/search/", params={"q": random.choice(SEARCH_WORDS)}, name="search"
        )
        self._profile("cooperative")
        self._profile("cooperative")

    @task(2)
    def map_then_a_filter(self):
        self.client.get(_language() + "/map/", name="map")
        filters = random.choice(
            [
                {"voivodeship": random.choice(Directory.voivodeships)},
                {"capability": random.choice(Directory.capabilities["cooperative"])},
                {"kind": "partnership"},
            ]
        )
        self.client.get(_language() + "/map/", params=filters, name="map (filtered)")

    @task(1)
    def geojson(self):
        params = random.choice([{}, {"kind": "cooperative"}, {"kind": "partnership"}])
        self.client.get("/api/v1/map.geojson", params=params, name="map.geojson")

    @task(2)
    def statistics(self):
        self.client.get(_language() + "/statistics/", name="statistics")
        self.client.get(
            _language() + "/statistics/",
            params={"voivodeship": random.choice(Directory.voivodeships)},
            name="statistics (voivodeship)",
        )

    @task(3)
    def buyer_asks_the_matcher(self):
        words = random.choice(BUYER_REQUESTS)
        self.client.get("/api/v1/match", params={"q": words}, name="match")
        lat, lon = random.choice(BUYER_TOWNS)
        self.client.get(
            "/api/v1/match",
            params={"q": words, "lat": lat, "lon": lon, "radius_km": 150},
            name="match (near the buyer)",
        )
