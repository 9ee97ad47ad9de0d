"""Reading a buyer's request: what work, where, how much, by when, with which certificates.

:func:`read_request` takes a request as the buyer wrote it ("Dzień dobry, szukamy
spółdzielni do uszycia 2 tys. fartuchów z logo, dostawa do Gniezna do 15 marca,
wymagany HACCP. Pozdrawiam, Jan Kalisz") apart, one concern per module:

* :mod:`.certificates` — the certificates asked for ("HACCP" → ``haccp``);
* :mod:`.deadlines` — the deadline ("do 15 marca" → the next 15 March);
* :mod:`search.places` — the place ("do Gniezna" → Gniezno's point);
* :mod:`.quantities` — the amount ("2 tys. fartuchów" → 2000 pieces), in figures or in
  words (:mod:`.numerals`: "osiem tysięcy sztuk" → 8000);
* :mod:`.regions` — a voivodeship ("z Małopolski" → ``12``);
* :mod:`.products` — toiletries named by their use ("kostki do mycia rąk"): soap,
  not washing (and things told by their cloth, which the matcher reads);
* :mod:`.printed` — printed matter told by pages and copies or format and paper
  ("24 str., 500 egz."): printing;
* :mod:`.names` — names in quotes ("Pensjonat „Wydmowy Dwór”"): who writes, not
  what is to be done;
* :mod:`.declined` — work the buyer already has or does not want ("catering mamy
  już zamówiony gdzie indziej");
* :mod:`.sender` — who writes ("jesteśmy restauracją z cateringiem"): the sender's
  own trade, not work asked for;
* :mod:`.filler` — greetings, form phrases, the signature and the words that say
  nothing about the work.

Each takes its words out of the text before the next reads it (a date's
numbers are no amount, a certificate's "9001" neither), and what is left is
the work, in the buyer's words: "uszycia fartuchów z logo". The signature is
read for nothing but an address ("62-200 Gniezno"), used when the body names
no place; a name in it is a person, not a town.
"""

import re
from dataclasses import dataclass
from datetime import date

from cms.distance import distance_km
from search.capacity import Quantity
from search.places import Place, find_place, find_place_or_region, find_town
from search.understanding.certificates import find_certificates
from search.understanding.deadlines import read_dates
from search.understanding.declined import without_declined
from search.understanding.filler import split_signature, strip_filler
from search.understanding.folded import blanked
from search.understanding.names import without_names
from search.understanding.printed import printed_matter
from search.understanding.products import named_by_use
from search.understanding.quantities import find_quantity
from search.understanding.regions import find_region
from search.understanding.sender import without_sender

# How a powiat read as a place is named, and how far from its middle a village of the
# register lies before it is taken for another of that name ("powiat elbląski" is 50 km
# across).
POWIAT_PREFIX = "powiat "
POWIAT_WRITTEN = re.compile(r"\bpow(?:\.|iat\w*|iecie)", re.IGNORECASE)
OUTSIDE_POWIAT_KM = 60
ADDRESS = re.compile(r"\b\d{2}-\d{3}[ \t]+(?P<town>[^\W\d_][\w-]*(?:[ \t]+[^\W\d_][\w-]*)?)")


@dataclass(frozen=True)
class Reading:
    """What a request's text says.

    ``words``: the text the matcher compares, everything below taken out of it;
    ``place``: the town, area or powiat it names (with its own voivodeship);
    ``voivodeship``: the TERYT code of a voivodeship it names, or of the one all
    villages of its place's name lie in when it says no more ("w okolicach Bilczy"),
    "" if none (a town's voivodeship is ``place.voivodeship``, not this);
    ``namesakes``: when it names no place but a name a few villages far apart share
    ("koło Sławęcinka"), those villages;
    ``quantity`` and ``deadline``: how much and by when; ``certifications``: the
    codes of the certificates it asks for, in the order written.
    """

    words: str
    place: Place | None = None
    voivodeship: str = ""
    quantity: Quantity | None = None
    deadline: date | None = None
    certifications: tuple[str, ...] = ()
    namesakes: tuple[Place, ...] = ()


def without_words(text: str, words: tuple[str, ...]) -> str:
    """``text`` with ``words`` (found in it, in this order) blanked out: as one phrase
    where they stand together, else one by one."""
    if not words:
        return text
    phrase = r"\W*".join(re.escape(word) for word in words)
    match = re.search(rf"(?<!\w){phrase}(?!\w)", text)
    if match:
        return text[: match.start()] + " " * (match.end() - match.start()) + text[match.end() :]
    position = 0
    for word in words:
        match = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)").search(text, position)
        if match:
            text = text[: match.start()] + " " * len(word) + text[match.end() :]
            position = match.end()
    return text


def _written_right_after(text: str, words: tuple[str, ...], after: tuple[str, ...]) -> bool:
    """Whether ``after`` follows ``words`` in ``text`` with only a bracket, a comma or "woj."
    between: "Stożne (Lubuskie)", "Osiek, woj. świętokrzyskie"."""
    if not words or not after:
        return False
    pattern = (
        rf"(?<!\w){re.escape(words[-1])}[\s(,]+(?:woj\.?\s*)?"
        + r"\W+".join(map(re.escape, after))
        + r"(?!\w)"
    )
    return re.search(pattern, text) is not None


def _names_a_region(place: Place) -> bool:
    """Whether the words ``place`` was read from name a region, all of them and no more
    ("Śląska"; not "aglomeracja śląska" or "Chełmsko Śląskie")."""
    region = find_region(" ".join(place.words))
    return region is not None and region.words == place.words


def _powiat_right_after(text: str, place: Place | None) -> Place | None:
    """The powiat written right after ``place`` in ``text`` ("Nadbrzeże (pow. elbląski)",
    "Osiek, powiat olkuski") when ``place`` lies outside it: the buyer's village is that
    powiat's, not the register's namesake far away."""
    if (
        place is None
        or place.name.startswith(POWIAT_PREFIX)
        or not POWIAT_WRITTEN.search(text)  # the text is read once more only when it may
    ):
        return None
    rest = without_words(text, place.all_words)
    powiat = find_place(rest)
    if (
        powiat is None
        or not powiat.name.startswith(POWIAT_PREFIX)
        or not _written_right_after(text, place.words, powiat.words)
        or distance_km(place.lat, place.lon, powiat.lat, powiat.lon) <= OUTSIDE_POWIAT_KM
    ):
        return None
    return powiat


def _addressed_town(signature: str) -> Place | None:
    """The town of a postal address in a signature ("62-200 Gniezno")."""
    match = ADDRESS.search(signature)
    if match is None:
        return None
    town = match.group("town")
    return find_town(town) or find_town(town.split()[0])


def work_words(text: str) -> str:
    """The words of ``text`` that tell the work: without what the buyer declines, who the
    sender is, names in quotes and filler."""
    return strip_filler(without_names(without_sender(without_declined(named_by_use(text)))))


def read_request(text: str, today: date) -> Reading:
    """The parts of a request's ``text`` (see the module); dates are read relative to
    ``today``. Offline and quick: it runs on every request."""
    body, signature = split_signature(text or "")
    # read before the amounts that tell it are taken out as a quantity
    printed = printed_matter(body)
    certificates = find_certificates(body)
    # Each reader's finds are blanked where they stand: words of two dates blanked one by
    # one took the "w" of "w Tomaszowie Lubelskim" for that of "w ciągu 14 dni".
    body = blanked(body, certificates.spans)
    dates = read_dates(body, today)
    body = blanked(body, dates.spans)
    region = find_region(body)  # also settles a powiat's name shared by two voivodeships
    # A town in an organisation's name ("pensjonat „Jaworzyna Residence” w Krynicy") is the
    # place only when the request names no other.
    in_region = region.code if region else ""
    whereabouts = find_place_or_region(without_names(body), in_region)
    if whereabouts.place is None:
        whereabouts = find_place_or_region(body, in_region)
    place, namesakes_region, namesakes = whereabouts
    if place and _names_a_region(place):
        # "firma ze Śląska": the region, not the village Śląsko its words also name; a
        # place named besides is the place ("at Expo Silesia in Sosnowiec")
        place, namesakes_region, namesakes = find_place_or_region(
            without_words(body, place.all_words), in_region
        )
    written_powiat = _powiat_right_after(body, place)
    if written_powiat:
        # "Browar z Nadbrzeża (pow. elbląski)": a village of that name elsewhere is not it
        body = without_words(body, place.all_words)
        place = written_powiat
    if (
        place
        and region
        and place.voivodeship != region.code
        and _written_right_after(body, place.words, region.words)
    ):
        # "in Stożne (Lubuskie)": the voivodeship written right after the village is not
        # that of the register's Stożne; what the buyer names is surer than a village of
        # that name elsewhere
        body = without_words(body, place.all_words)
        place = None
    if place:
        body = without_words(body, place.all_words)
        if region and set(region.words) & set(place.all_words):
            region = find_region(body)  # it was a town's word ("Ruda Śląska")
    else:
        place = _addressed_town(signature)
        # a village's name shared by villages of one voivodeship: that voivodeship; shared
        # by a few far apart: those villages
        namesakes_region = "" if place else namesakes_region
        namesakes = () if place or region else namesakes
        if namesakes:
            body = without_words(body, namesakes[0].all_words)
    amount = find_quantity(body, today)
    if amount:
        body = blanked(body, amount.spans)
    if region:
        body = without_words(body, region.words)
    return Reading(
        words=work_words(body) + (" druk" if printed else ""),
        place=place,
        voivodeship=region.code if region else namesakes_region,
        namesakes=namesakes,
        quantity=amount.quantity if amount else None,
        deadline=dates.deadline,
        certifications=certificates.codes,
    )
