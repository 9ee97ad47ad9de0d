"""The matcher: a need in a company's words → ranked cooperatives, each with its reasons.

Signals, strongest first:

1. capability: the need's text is mapped to capability codes through the
   taxonomy (labels and synonyms); a cooperative offering one scores most;
2. words: BM25 on the base forms and on their ASCII forms (with one typo
   allowed), so "szycia", "szyciem" and "szycia" without diacritics meet;
3. distance: a Gaussian decay from the need's location.

Filters: only live cooperatives are in the index; orders must be accepted;
required certificates must all be held and valid on the day of asking (their
dates are in the index, so one that lapsed since indexing no longer
matches); ``radius_km`` keeps only cooperatives within that distance of the
need.
"""

import datetime as dt
import re
import time
from dataclasses import dataclass, field, replace
from functools import lru_cache

from django.utils import timezone
from elasticsearch.dsl import MultiSearch, Q, Search

from cms.distance import distance_km
from cms.models.freshness import STALE_AFTER_MONTHS, months_before
from cooperatives.models import Capability, CooperativePage, reserved_share
from cooperatives.vocabulary import HANDOVER
from search.analysis import Lexicon, fold, folded_stems, stems
from search.capacity import FITS, SHORT, TIGHT, UNKNOWN, Quantity, capacity_fit
from search.client import get_client
from search.documents import CooperativeDocument
from search.examples import without_passing_things
from search.places import Place
from search.taxonomy import Phrase, Taxonomy, load_taxonomy
from search.understanding import read_request, work_words
from search.understanding.asked import asked_clauses, asks_besides
from search.understanding.products import CLOTH_WORK, made_of_cloth
from search.understanding.trades import nominative, trades_asked

CAPABILITY_BOOST = 6.0
STEMS_BOOST = 1.0
FOLDED_BOOST = 0.7
SHARED_WORDS_BOOST = 0.5
# Distance: near counts most and fades over some 30 km (half at 35 km, a sixteenth at 65 km);
# beyond that a long, low tail (a tenth) keeps the kinds of work and the words deciding
# among far cooperatives, and still orders them by distance. With the near curve alone
# everything past some 80 km scored ~0 whatever it did: a cooperative 60 km away doing
# related work came before one 120 km away doing exactly the work, though buyers of goods
# that are sent (and the judges) take anyone within some 200 km. Work done at the buyer's
# place (DONE_ON_SITE) has a shorter tail (half at 75 km, against 125 km): a crew or a
# kitchen 250 km away is no answer, however well its profile reads. The best of the curves
# counts (score_mode max). Over the 2,336 judged requests, each set out of the model,
# 0.910 → 0.916 nDCG@5 with no floor crossed (README, "Distance"); one 200 km tail for
# all work scored 0.917 but crossed 16 floors, caterers 200 km off overtaking nearer ones.
DECAY_SCALE_KM = 30
ON_SITE_TAIL_KM = 70
SHIPPED_TAIL_KM = 120
TAIL_WEIGHT = 0.1
DONE_ON_SITE = frozenset(
    {
        "cafe",
        "care_services",
        "catering",
        "cleaning",
        "event_support",
        "food_preparation",
        "green_maintenance",
        "laundry",
        "renovation",
        "transport_delivery",
    }
)
UNLOCATED_WEIGHT = 0.1
WORDS_WITHOUT_CAPABILITY = "2<75%"
WORDS_WITH_CAPABILITY = "2<75%"
SERVICE_AREA_CANDIDATES = 5
LEXICON_TTL_SECONDS = 300
OUTSIDE_REGION_WEIGHT = 0.3
# A request with a quantity asks for this many times the limit, so capacity can reorder.
CAPACITY_CANDIDATES = 3
# A profile nobody has confirmed for 18 months ranks lower (and says so), still listed.
STALE_WEIGHT = 0.6
# How much a capacity verdict weighs on the score: "short" ranks below "fits", still shown.
FIT_WEIGHTS = {FITS: 1.0, TIGHT: 0.85, UNKNOWN: 0.7, SHORT: 0.35}
# A mixed request: a cooperative doing only some of its parts weighs this much per part it
# lacks, so one doing all parts 30 km away comes before one doing half of them next door
# (the distance decay alone would reverse them); far beyond the region it still does not.
PARTIAL_COVER_WEIGHT = 0.5


@dataclass
class MatchRequest:
    """What a company asks the matcher: words, place, filters (a saved need gives one too)."""

    text: str
    lat: float | None = None
    lon: float | None = None
    radius_km: float | None = None
    capabilities: list[str] = field(default_factory=list)
    certifications: list[str] = field(default_factory=list)
    limit: int = 10
    # Keep only cooperatives whose own service radius reaches the need's place.
    within_service_area: bool = False
    voivodeship: str = ""  # TERYT code: only cooperatives registered there
    # The day certificates must be valid on; None: today.
    as_of: dt.date | None = None
    # A voivodeship the words named ("z Małopolski"): preferred, not required.
    region: str = ""
    # How much and by when: from the need's fields, or read from its words.
    quantity: Quantity | None = None
    deadline: dt.date | None = None
    # Certificates the words name ("z HACCP") are required too, unless relaxed away.
    certificates_from_text: bool = True
    # Only cooperatives that may take part in contracts reserved under art. 94.
    reserved_contracts: bool = False
    # More points the request may mean besides ``lat``/``lon`` (villages of one name far
    # apart): a cooperative is as near as it is to the nearest of them.
    also_near: tuple[tuple[float, float], ...] = ()
    # Tradespeople the words ask for whom no kind of work here covers ("szkutnik"), in
    # their base form (set when the request is understood).
    trades_outside: tuple[str, ...] = ()

    @property
    def located(self) -> bool:
        return self.lat is not None and self.lon is not None

    @property
    def points(self) -> list[tuple[float, float]]:
        """Every point the request may mean, its own first."""
        return [(self.lat, self.lon), *self.also_near] if self.located else []

    @property
    def day(self) -> dt.date:
        """The day the request is asked on (certificates are checked against it)."""
        return self.as_of or timezone.localdate()

    @classmethod
    def from_need(cls, need) -> "MatchRequest":
        """The question a company's saved need (``partners.models.Need``) asks the matcher:
        its words, its map point, and the kinds of work and certificates it names.

        Reads capabilities and certificates through ``.all()``, so a caller that
        prefetched them asks the database nothing more.
        """
        quantity = None
        if getattr(need, "quantity_value", None):
            quantity = Quantity(
                float(need.quantity_value), need.quantity_unit, need.quantity_per or None
            )
        return cls(
            text=f"{need.title}\n{need.description}\n{need.quantity}",
            lat=need.latitude,
            lon=need.longitude,
            capabilities=[capability.code for capability in need.capabilities.all()],
            certifications=[
                certification.code for certification in need.required_certifications.all()
            ],
            quantity=quantity,
            deadline=need.deadline,
        )


@dataclass
class Explanation:
    capabilities: list[str]
    terms: list[str]
    distance_km: float | None
    certifications: list[str]
    capacity: str = ""
    capacity_reason: str = ""

    def as_dict(self) -> dict:
        return {
            "capabilities": self.capabilities,
            "terms": self.terms,
            "distance_km": self.distance_km,
            "certifications": self.certifications,
            "capacity": self.capacity,
            "capacity_reason": self.capacity_reason,
        }


@dataclass
class Match:
    slug: str
    name: str
    score: float
    distance_km: float | None
    url: str
    city: str
    explanation: Explanation
    # The parts of the request (kinds of work) this cooperative does.
    covers: list[str] = field(default_factory=list)
    capacity_fit: str = UNKNOWN
    reserved_contracts: bool = False
    # The figures behind ``reserved_contracts``, as stated (see reserved_statement).
    reserved_groups: dict | None = None
    stale: bool = False

    def as_dict(self) -> dict:
        return {
            "slug": self.slug,
            "name": self.name,
            "score": round(self.score, 3),
            "distance_km": self.distance_km,
            "url": self.url,
            "city": self.city,
            "explanation": self.explanation.as_dict(),
            "covers": self.covers,
            "capacity_fit": self.capacity_fit,
            "reserved_contracts": self.reserved_contracts,
            "reserved_groups": _as_json(self.reserved_groups),
            "stale": self.stale,
        }


@dataclass
class MatchResult:
    query: str
    capabilities: list[str]
    results: list[Match]
    place: Place | None = None
    region: str = ""
    quantity: Quantity | None = None
    deadline: dt.date | None = None
    # When no cooperative does every part of a mixed request: two that do them together.
    pair: list[Match] = field(default_factory=list)
    # Work the words ask for that no kind of work here covers (Taxonomy.outside), by name.
    outside: list[str] = field(default_factory=list)
    # The other villages of the place's name, when it names one of a few far apart.
    also_near: tuple[tuple[float, float], ...] = ()

    @property
    def parts(self) -> list[str]:
        return self.capabilities

    def as_dict(self) -> dict:
        data = {
            "query": self.query,
            "capabilities": self.capabilities,
            "parts": self.parts,
            "results": [match.as_dict() for match in self.results],
        }
        if self.place:
            data["place"] = {"name": self.place.name, "lat": self.place.lat, "lon": self.place.lon}
            if self.also_near:
                # distances are from the nearest village of the name
                data["place"]["namesakes"] = [
                    {"lat": lat, "lon": lon}
                    for lat, lon in ((self.place.lat, self.place.lon), *self.also_near)
                ]
        if self.region:
            data["region"] = self.region
        if self.quantity:
            data["quantity"] = {
                "value": self.quantity.value,
                "unit": self.quantity.unit,
                "per": self.quantity.per,
            }
        if self.deadline:
            data["deadline"] = self.deadline.isoformat()
        if self.pair:
            data["pair"] = [match.slug for match in self.pair]
        if self.outside:
            data["outside_work"] = self.outside
        return data


def hit_distance(source: dict, lat: float | None, lon: float | None) -> float | None:
    """Kilometres from (lat, lon) to an indexed profile, to one decimal; None when unknown."""
    location = source.get("location")
    if lat is None or lon is None or not location:
        return None
    return round(distance_km(lat, lon, location["lat"], location["lon"]), 1)


def nearest_distance(source: dict, need: MatchRequest) -> float | None:
    """How far an indexed cooperative lies from the nearest point ``need`` may mean."""
    distances = [hit_distance(source, lat, lon) for lat, lon in need.points]
    return min((d for d in distances if d is not None), default=None)


def _as_json(statement: dict | None) -> dict | None:
    """A :func:`reserved_statement` with its day written YYYY-MM-DD, for JSON."""
    if statement is None or statement["stated_on"] is None:
        return statement
    return {**statement, "stated_on": statement["stated_on"].isoformat()}


def reserved_statement(source: dict) -> dict | None:
    """What an indexed cooperative states for art. 94's reserved contracts: employees from
    the named groups, all employees, that share in per cent and the day it was stated;
    None when it states no count from the groups."""
    groups = source.get("employees_reserved_groups")
    if groups is None:
        return None
    total = source.get("employees_total")
    share = reserved_share(groups, total)
    stated_on = source.get("employees_reserved_groups_on")
    return {
        "employees": groups,
        "employees_total": total,
        "share_percent": float(share) if share is not None else None,
        "stated_on": dt.date.fromisoformat(stated_on[:10]) if stated_on else None,
    }


def certificate_held(code: str, day: dt.date) -> Q:
    """A cooperative holds a certificate ``code`` valid on ``day`` (both ends included)."""
    within = [
        Q("term", **{"certificates.code": code}),
        Q(
            "bool",
            should=[
                Q("bool", must_not=Q("exists", field="certificates.valid_from")),
                Q("range", **{"certificates.valid_from": {"lte": day.isoformat()}}),
            ],
            minimum_should_match=1,
        ),
        Q(
            "bool",
            should=[
                Q("bool", must_not=Q("exists", field="certificates.valid_until")),
                Q("range", **{"certificates.valid_until": {"gte": day.isoformat()}}),
            ],
            minimum_should_match=1,
        ),
    ]
    held = Q("nested", path="certificates", query=Q("bool", filter=within), ignore_unmapped=True)
    # A document indexed before certificates carried their dates (until rebuild_index runs)
    # has only the codes that were valid when it was indexed.
    indexed_before = Q(
        "bool",
        filter=[Q("term", certifications=code)],
        must_not=[Q("nested", path="certificates", query=Q("match_all"), ignore_unmapped=True)],
    )
    return Q("bool", should=[held, indexed_before], minimum_should_match=1)


def certificates_valid_on(source: dict, day: dt.date) -> set[str]:
    """The codes of an indexed cooperative's certificates that are valid on ``day``."""
    if "certificates" not in source:
        return set(source.get("certifications", []))
    today = day.isoformat()
    return {
        certificate["code"]
        for certificate in source["certificates"]
        if (certificate.get("valid_from") or today)[:10] <= today
        and today <= (certificate.get("valid_until") or today)[:10]
    }


@lru_cache(maxsize=1)
def _taxonomy_and_lexicon(stamp: int) -> tuple[Taxonomy, Lexicon]:
    """The taxonomy and the lexicon of the directory's words, rebuilt every few minutes."""

    lexicon = Lexicon()
    for description, capacity in CooperativePage.objects.listed().values_list(
        "description", "capacity_note"
    ):
        lexicon.add(f"{description}\n{capacity}")
    for capability in Capability.objects.all():
        lexicon.add(f"{capability.label_pl}\n{capability.synonyms}\n{capability.things}")
    return load_taxonomy(), lexicon


def taxonomy_and_lexicon() -> tuple[Taxonomy, Lexicon]:
    return _taxonomy_and_lexicon(int(time.time() // LEXICON_TTL_SECONDS))


def scored_query(need: MatchRequest, codes: list[str], lexicon: Lexicon, filters: list[Q]) -> Q:
    """How well a cooperative answers ``need``: its kinds of work, its words, its distance.

    The matcher and the directory's search boxes both rank with this, so the same
    words give the same cooperatives wherever they are typed; each adds its own filters.
    """
    query_stems = " ".join(stems(need.text, lexicon))
    query_folded = " ".join(folded_stems(need.text, lexicon))
    # One clause per kind of work, each worth the same whatever the code's rarity: a
    # cooperative doing both parts of a mixed request scores above one doing either.
    should = [
        Q("constant_score", filter=Q("term", capabilities=code), boost=CAPABILITY_BOOST)
        for code in codes
    ]
    if query_stems:
        # Without a capability, words alone must carry the match: most of them must be there,
        # so "naprawa zegarów wieżowych" does not bring every clothes-repair shop.
        enough = WORDS_WITH_CAPABILITY if codes else WORDS_WITHOUT_CAPABILITY
        by_words = [
            Q(
                "match",
                stems={"query": query_stems, "boost": STEMS_BOOST, "minimum_should_match": enough},
            ),
            Q(
                "match",
                folded={
                    "query": query_folded,
                    "fuzziness": "AUTO:5,8",
                    "boost": FOLDED_BOOST,
                    "minimum_should_match": enough,
                },
            ),
        ]
        if codes:
            # Beside kinds of work, enough words only let a cooperative without them in; they
            # add nothing to the score: the ranking below weighs every shared word. Scored
            # here too, a profile one word over the "enough" line jumped ahead of one a word
            # under it: "uszyje 3000 toreb z nadrukiem" put a sew-and-repair cooperative
            # whose profile happened to hold "który" and "towar" above the one that sews and
            # prints (39.9 against 23.2 before the distance and parts were weighed).
            by_words = [
                Q(
                    "constant_score",
                    filter=Q("bool", should=by_words, minimum_should_match=1),
                    boost=0.0,
                )
            ]
        should += by_words
    # What a cooperative must match to be listed (above); below, what only ranks those
    # listed: every word they share with the request counts a little, so among the
    # caterers the one whose profile speaks of sandwiches and cakes comes first.
    ranking = []
    if query_stems:
        ranking = [
            Q("match", stems={"query": query_stems, "boost": SHARED_WORDS_BOOST}),
            Q(
                "match",
                folded={
                    "query": query_folded,
                    "fuzziness": "AUTO:5,8",
                    "boost": SHARED_WORDS_BOOST * FOLDED_BOOST,
                },
            ),
        ]
    listed = Q("bool", should=should, minimum_should_match=1)
    base = Q("bool", must=[listed], should=ranking, filter=filters)
    if len(codes) > 1:
        base = _by_coverage(base, codes)
    if need.region:
        # A region the words named is a strong preference, not a wall: those outside it
        # come after, where a buyer can still see them.
        base = Q(
            "function_score",
            query=base,
            functions=[
                {"filter": Q("term", voivodeship=need.region).to_dict(), "weight": 1.0},
                {
                    "filter": Q("bool", must_not=Q("term", voivodeship=need.region)).to_dict(),
                    "weight": OUTSIDE_REGION_WEIGHT,
                },
            ],
            score_mode="first",
            boost_mode="multiply",
        )
    if not need.located:
        return base
    # Near counts, far fades (from the nearest of the points the request may mean); a
    # profile without a map point cannot be near anything.
    return Q(
        "function_score",
        query=base,
        functions=[
            *(
                {
                    "filter": Q("exists", field="location").to_dict(),
                    "gauss": {
                        "location": {
                            "origin": {"lat": lat, "lon": lon},
                            "scale": f"{scale}km",
                            "offset": "5km",
                            "decay": 0.5,
                        }
                    },
                    "weight": weight,
                }
                for lat, lon in need.points
                for scale, weight in _decays(codes)
            ),
            {
                "filter": Q("bool", must_not=Q("exists", field="location")).to_dict(),
                "weight": UNLOCATED_WEIGHT,
            },
        ],
        score_mode="max",
        boost_mode="multiply",
    )


def _decays(codes: list[str]) -> tuple[tuple[float, float], ...]:
    """The distance curves (scale in km, weight) for a request asking for ``codes``: the
    far tail of work done at the buyer's place fades sooner than that of goods sent."""
    tail = ON_SITE_TAIL_KM if set(codes) & DONE_ON_SITE else SHIPPED_TAIL_KM
    return ((DECAY_SCALE_KM, 1.0), (tail, TAIL_WEIGHT))


def _by_coverage(query: Q, codes: list[str]) -> Q:
    """``query`` with each cooperative's score weighed by the parts of a mixed request it
    does: all of them 1, then :data:`PARTIAL_COVER_WEIGHT` per missing part (the first
    function whose filter matches applies, most parts first). In the query, not after it,
    so the search page and the listings rank mixed requests as the matcher does. Which part
    is missing does not count: weighing a missing main part more lowered the judged set's
    mixed requests from 0.976 to 0.955 nDCG@5 (judges grade any one part alike)."""
    functions = [
        {
            "filter": Q(
                "bool",
                should=[Q("term", capabilities=code) for code in codes],
                minimum_should_match=len(codes) - missing,
            ).to_dict(),
            "weight": PARTIAL_COVER_WEIGHT**missing,
        }
        for missing in range(len(codes))
    ]
    # Found by its words alone, doing none of the parts.
    functions.append({"weight": PARTIAL_COVER_WEIGHT ** len(codes)})
    return Q(
        "function_score",
        query=query,
        functions=functions,
        score_mode="first",
        boost_mode="multiply",
    )


def within(need: MatchRequest) -> list[Q]:
    """The place conditions of ``need``: its voivodeship and its distance limit."""
    filters = []
    if need.voivodeship:
        filters.append(Q("term", voivodeship=need.voivodeship))
    if need.located and need.radius_km:
        filters.append(
            Q(
                "geo_distance",
                distance=f"{need.radius_km}km",
                location={"lat": need.lat, "lon": need.lon},
            )
        )
    return filters


def build_search(need: MatchRequest, codes: list[str], lexicon: Lexicon) -> Search:
    """The Elasticsearch query for ``need`` (exposed so benchmarks can send it directly)."""
    filters = [Q("term", accepts_orders=True)]
    filters += [certificate_held(code, need.day) for code in need.certifications]
    filters += within(need)
    if need.reserved_contracts:
        filters.append(Q("term", reserved_contracts=True))
    search = Search(using=get_client(), index=CooperativeDocument.alias_name())
    # The service-area check happens in Python (the core node has no scripts or shapes to
    # compare a document's radius with a distance), so ask for more candidates then.
    size = min(need.limit * SERVICE_AREA_CANDIDATES, 500) if _checks_area(need) else need.limit
    query = scored_query(need, codes, lexicon, filters)
    return search.query(query).extra(size=size, track_total_hits=False)


def _checks_area(need: MatchRequest) -> bool:
    return need.within_service_area and need.located


def understand(need: MatchRequest) -> tuple[MatchRequest, Place | None, list[str], Lexicon]:
    """The need as the matcher asks it, read from the buyer's own words
    (:func:`search.understanding.read_request`): the words that describe the work
    (greetings, form phrases, places, amounts and certificates taken out), placed at the
    town they name when no map point was given, preferring the region they name, with
    the amount, deadline and certificates they state; the kinds of work asked for, in
    order (those chosen in a form first); and the lexicon the words are analysed with."""
    day = need.day
    text = need.text
    reading = read_request(text, day)
    place = reading.place if not need.located else None
    # A name a few villages far apart share: the first stands for them, measured from the
    # nearest (MatchRequest.also_near).
    namesakes = reading.namesakes if not (need.located or place) else ()
    place = place or (namesakes[0] if namesakes else None)
    need = replace(
        need,
        text=reading.words,
        as_of=day,  # one day for the filter and the explanation
        lat=place.lat if place else need.lat,
        lon=place.lon if place else need.lon,
        also_near=tuple((namesake.lat, namesake.lon) for namesake in namesakes[1:]),
        region=need.region or reading.voivodeship,
        quantity=need.quantity or reading.quantity,
        deadline=need.deadline or reading.deadline,
        certifications=list(
            dict.fromkeys(
                [*need.certifications, *(reading.certifications * need.certificates_from_text)]
            )
        ),
    )
    taxonomy, lexicon = taxonomy_and_lexicon()
    named = taxonomy.capabilities_in(reading.words, lexicon)
    thing_only = {
        code
        for code, phrases in taxonomy.matches(reading.words, lexicon).items()
        if all(phrase.thing for phrase in phrases)
    }
    named = without_passing_things(named, thing_only, text)
    named = without_handover(named, text, reading.words, taxonomy, lexicon)
    if named and asks_only_outside(text, named, lexicon, taxonomy, reading.words):
        named = []
    trades, named = trades_nobody_does(text, named, taxonomy, lexicon)
    # Nothing named a kind of work: a thing of cloth still asks for sewing ("kołnierze
    # ochronne z materiału"); beside any other kind or work nobody does, the cloth is what
    # that work handles ("pranie zasłon z grubego materiału").
    if not (named or trades or taxonomy.outside_work_in(reading.words, lexicon)):
        named = [CLOTH_WORK] if made_of_cloth(text) else []
    need = replace(need, trades_outside=trades)
    codes = list(dict.fromkeys([*need.capabilities, *named]))
    return need, place, codes, lexicon


def trades_nobody_does(
    text: str, named: list[str], taxonomy: Taxonomy, lexicon: Lexicon
) -> tuple[tuple[str, ...], list[str]]:
    """The tradespeople the request ``text`` asks for whom no kind of work here covers
    (:func:`search.understanding.trades.trades_asked`: "szukamy szkutnika", "brokera
    ubezpieczeniowego"), by their base form, and ``named`` without the kinds read only
    around them: a shipwright's boats to caulk and paint ask no carpenter or painter here.
    Kinds another asking clause names stay ("Potrzebujemy też uszycia pokrowców")."""
    trades = {}
    for clause, person in trades_asked(text):
        if taxonomy.capabilities_in(person, lexicon) or taxonomy.outside_work_in(person, lexicon):
            continue
        trades[clause] = nominative(person.split()[0].lower())
    if not trades:
        return (), named
    others = [clause for clause in asked_clauses(text) if clause not in trades]
    asked = set(taxonomy.capabilities_in(" . ".join(map(work_words, others)), lexicon))
    return tuple(dict.fromkeys(trades.values())), [code for code in named if code in asked]


HANDOVER_KIND, HANDOVER_WORDS, _WITH_WORDS = HANDOVER
WITH_HANDOVER = re.compile(
    rf"\b(?:z|ze|with)(?: \w+)? (?:{'|'.join(_WITH_WORDS)})"
    rf"(?:,? (?:i|oraz|and) (?:{'|'.join(_WITH_WORDS)}))*\b",
    re.IGNORECASE,
)


def without_handover(
    named: list[str], text: str, words: str, taxonomy: Taxonomy, lexicon: Lexicon
) -> list[str]:
    """``named`` (read in ``words``, the work words of the request ``text``) without
    carrying when it is read only from how another kind's work is handed over ("pralnia z
    odbiorem i odwozem", "dowóz mile widziany": the laundry collects and returns, nobody is
    asked to carry anything else). As a part it ranked a laundry that also drives above a
    nearer one that does not. Carrying stays when it is named with what is carried
    ("transport mebli") or asked for alone ("potrzebny jest tylko dowóz w termosach")."""
    if HANDOVER_KIND not in named or len(named) < 2:
        return named
    read = taxonomy.matches(WITH_HANDOVER.sub(" ", words), lexicon).get(HANDOVER_KIND, [])
    if any(_phrase_text(phrase) not in HANDOVER_WORDS for phrase in read):
        return named
    for clause in asked_clauses(text):
        if taxonomy.capabilities_in(WITH_HANDOVER.sub(" ", clause), lexicon) == [HANDOVER_KIND]:
            return named
    return [code for code in named if code != HANDOVER_KIND]


def _phrase_text(phrase: Phrase) -> str:
    return " ".join(word.written for word in phrase.words)


def asks_only_outside(
    text: str, codes: list[str], lexicon: Lexicon, taxonomy: Taxonomy, words: str
) -> bool:
    """Whether the clauses that ask for work ("szukamy lutnika", "potrzebujemy
    dietetyka") name work nobody here does and none of ``codes``, or the first of them
    does and none asks for more: ``codes`` were read from the request's setting ("własna
    stołówka", "pokrowce uszyła nam już szwalnia") or from what that work involves, and
    the work asked for is the other."""
    if not taxonomy.outside_work_in(words, lexicon):
        return False
    clauses = asked_clauses(text)
    # "Potrzebujemy też tłumacza" asks for the rest of the request too, unless an earlier
    # clause already asked for work nobody does and "też" adds to that ("szuka apteki …
    # Potrzebujemy też przeglądu lekowego").
    besides = [asks_besides(clause) for clause in clauses]
    if any(besides) and not any(
        not adds and taxonomy.outside_work_in(work_words(clause), lexicon)
        for clause, adds in zip(clauses, besides, strict=True)
    ):
        return False
    # The first clause that asks names work nobody does and nothing else, and no later one
    # asks for more: the later ones say what that work involves ("szuka serwisu projektora.
    # Potrzebujemy przeglądu: czyszczenia optyki, aktualizacji oprogramowania").
    first = work_words(clauses[0]) if clauses else ""
    if (
        taxonomy.outside_work_in(first, lexicon)
        and not taxonomy.capabilities_in(first, lexicon)
        and not any(besides)
    ):
        return True
    asked = " . ".join(work_words(clause) for clause in clauses)
    return bool(taxonomy.outside_work_in(asked, lexicon)) and not (
        set(taxonomy.capabilities_in(asked, lexicon)) & set(codes)
    )


def asks_nothing(need: MatchRequest, codes: list[str], lexicon: Lexicon) -> bool:
    """No capability and no meaningful word: nothing to search for, so nothing matches."""
    return not codes and not stems(need.text, lexicon)


def work_outside(need: MatchRequest, lexicon: Lexicon) -> list[str]:
    """The work no kind of work here covers that the (understood) words ask for, by name."""
    taxonomy, _lexicon = taxonomy_and_lexicon()
    return [*taxonomy.outside_work_in(need.text, lexicon), *need.trades_outside]


def only_work_nobody_does(need: MatchRequest, codes: list[str], lexicon: Lexicon) -> bool:
    """The words ask for work nobody here does and for no kind of work anyone does: nobody
    matches, whatever the other words ("naprawa samochodów dostawczych" shares words with a
    carrier's profile, "montaż klimatyzacji w biurze" with an office cleaner's)."""
    return not codes and bool(work_outside(need, lexicon))


def stale_on(source: dict, day: dt.date) -> bool:
    """Whether an indexed profile is unconfirmed for :data:`STALE_AFTER_MONTHS` on ``day``:
    from the date it was confirmed (it turns stale without being indexed again), or as
    indexed when the document has no date."""
    confirmed = source.get("verified_on")
    if not confirmed:
        return bool(source.get("stale"))
    return dt.date.fromisoformat(confirmed[:10]) < months_before(day, STALE_AFTER_MONTHS)


def explain(source: dict, need: MatchRequest, codes: list[str], lexicon: Lexicon) -> Explanation:
    """Why an indexed cooperative (``source``) answers ``need``, in the terms a person checks."""
    own_words = set(source.get("folded", "").split())
    return Explanation(
        capabilities=sorted(set(codes) & set(source.get("capabilities", []))),
        terms=sorted(word for word in set(stems(need.text, lexicon)) if fold(word) in own_words),
        distance_km=nearest_distance(source, need),
        certifications=sorted(set(need.certifications) & certificates_valid_on(source, need.day)),
        capacity=source.get("capacity_note") or "",
    )


def match(need: MatchRequest) -> MatchResult:
    """Ranked, explained cooperatives for ``need``; raises elasticsearch errors when down.

    Elasticsearch ranks by kinds of work, words and distance; then each candidate's
    stated capacity is set against the amount and deadline asked for, and weighs on
    its place (:data:`FIT_WEIGHTS`): a cooperative that cannot make enough comes after
    those that can, still listed, with the reason.
    """
    original_text = need.text
    need, place, codes, lexicon = understand(need)
    answer = MatchResult(
        query=original_text,
        capabilities=codes,
        results=[],
        place=place,
        region=need.region,
        quantity=need.quantity,
        deadline=need.deadline,
        outside=work_outside(need, lexicon),
        also_near=need.also_near,
    )
    if asks_nothing(need, codes, lexicon) or (answer.outside and not codes):
        return answer
    search = build_search(need, codes, lexicon)
    if need.quantity:
        # Capacity reorders what Elasticsearch ranked: ask for more candidates.
        search = search.extra(size=min(search.to_dict()["size"] * CAPACITY_CANDIDATES, 500))
    response = search.execute()
    if response._shards.failed:
        # A shard copy went away mid-search (a node stopping): the answer is partial, and
        # asking again reaches its replica.
        response = search.execute()
    results = []
    for hit in response:
        source = hit.to_dict()
        distance = nearest_distance(source, need)
        radius = source.get("service_radius_km")
        if _checks_area(need) and radius and distance is not None and distance > radius:
            continue
        covers = [code for code in codes if code in source.get("capabilities", [])]
        fit = capacity_fit(
            need.quantity,
            covers,
            source.get("capacities", []),
            source.get("lead_time_days"),
            need.deadline,
            need.day,
        )
        explanation = explain(source, need, codes, lexicon)
        explanation.capacity_reason = fit.reason
        results.append(
            Match(
                slug=source["slug"],
                name=source["name"],
                score=hit.meta.score
                * (fit_weight(fit.fit, codes, covers) if need.quantity else 1.0)
                * (STALE_WEIGHT if stale_on(source, need.day) else 1.0),
                distance_km=distance,
                url=source.get("url", ""),
                city=source.get("city") or "",
                explanation=explanation,
                covers=covers,
                capacity_fit=fit.fit,
                reserved_contracts=bool(source.get("reserved_contracts")),
                reserved_groups=reserved_statement(source),
                stale=stale_on(source, need.day),
            )
        )
    results.sort(key=lambda match: -match.score)
    answer.results = results[: need.limit]
    answer.pair = pair_for(codes, results)
    return answer


def fit_weight(fit: str, parts: list[str], covers: list[str]) -> float:
    """How much a cooperative's capacity weighs on its place (:data:`FIT_WEIGHTS`). One
    doing none of the kinds of work asked for can make none of it, whatever it states: it
    weighs no more than one that is short (a ceramics workshop sharing the words "etui z
    filcu" came before the sewing rooms too small for 600 a week)."""
    if parts and not covers:
        return min(FIT_WEIGHTS[fit], FIT_WEIGHTS[SHORT])
    return FIT_WEIGHTS[fit]


def asked_quantity(text: str, value: float | None, per: str | None) -> Quantity | None:
    """The quantity an API caller or a form gives as a number, in the unit the words use
    ("400" and "obiadów" in the text → 400 meals); None when no number was given."""
    if value is None:
        return None
    written = read_request(text, timezone.localdate()).quantity
    return Quantity(value, written.unit if written else "", per)


def pair_for(parts: list[str], results: list[Match]) -> list[Match]:
    """Two cooperatives that together do every part of a mixed request, the best-ranked
    first, when none of ``results`` does all parts; otherwise nothing."""
    if len(parts) < 2 or not results or any(len(m.covers) == len(parts) for m in results):
        return []
    for first in results:
        for second in results:
            if set(first.covers) | set(second.covers) >= set(parts) and first is not second:
                return [first, second]
    return []


def needs_without_match(needs) -> set[int]:
    """The primary keys of those saved needs for which the matcher finds no cooperative.

    Each need is asked exactly as its company's page asks it (see
    :meth:`MatchRequest.from_need`), so "without a match" here means the company sees an
    empty list there. The questions go in one multi-search request, because a
    region has dozens of needs. Raises the Elasticsearch errors of
    ``search.sync.UNAVAILABLE`` when the engine is unreachable: a count that
    cannot be made is not zero.
    """
    needs = list(needs)
    asked, multi = [], MultiSearch(using=get_client(), index=CooperativeDocument.alias_name())
    for saved in needs:
        question, _place, codes, lexicon = understand(
            replace(MatchRequest.from_need(saved), limit=1)
        )
        if not asks_nothing(question, codes, lexicon) and not only_work_nobody_does(
            question, codes, lexicon
        ):
            asked.append(saved.pk)
            multi = multi.add(build_search(question, codes, lexicon))
    answered = zip(asked, multi.execute() if asked else [], strict=True)
    return {saved.pk for saved in needs} - {pk for pk, response in answered if response.hits}


RELAXATIONS = (
    ("radius_km", {"radius_km": None}),
    ("voivodeship", {"voivodeship": ""}),
    ("certifications", {"certifications": [], "certificates_from_text": False}),
    ("reserved_contracts", {"reserved_contracts": False}),
)


def relaxations(need: MatchRequest) -> list[tuple[str, MatchResult]]:
    """When nothing matches, what dropping each condition in turn would find: ("radius_km",
    "voivodeship", "certifications" or "reserved_contracts", the result) for each that
    finds someone. Shown each under its own heading, never mixed into the matches."""
    found = []
    # The certificates asked for include those the words name.
    asked = understand(need)[0]
    for name, dropped in RELAXATIONS:
        if not getattr(asked, name):
            continue
        result = match(replace(need, **dropped))
        if result.results:
            found.append((name, result))
    return found


def relax(need: MatchRequest) -> tuple[str, MatchResult] | None:
    """The first of :func:`relaxations` (the API's ``relaxed``)."""
    found = relaxations(need)
    return found[0] if found else None
