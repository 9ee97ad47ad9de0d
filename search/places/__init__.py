"""Places named in a request, found offline: towns in any grammatical case ("w Gnieźnie",
"okolice Radomia", "pod Wrocławiem"), the nicknames of metropolitan areas ("Trójmiasto",
"aglomeracja poznańska", "GZM"), powiats ("powiat gnieźnieński"), and postcodes.

:func:`find_place` returns the place, its point, its voivodeship and the words
that named it, so the matcher can drop them from the words it compares (a
town's name is where, not what). At each word of the text, in order:

1. "powiat"/"pow." and an adjective → the powiat's seat; an adjective naming
   two powiats ("grodziski") picks the one in ``voivodeship`` when given, else
   the more populous seat;
2. "aglomeracja", "metropolia", "konurbacja" and a city's adjective → that city;
3. a nickname ("Trójmiasto", "GZM", "Silesia", "Zagłębie"), or "stolica" after a
   preposition ("w stolicy") → its city;
4. a town, in any case (see :mod:`search.places.declension`), the longest name first.

The first place found wins. Guards against a town list's false friends:
a lowercase word counts as a town only after a preposition ("okolice radomia")
or as a big city's or a diacritic-less name ("lodz"); a town that is also an
ordinary word ("Koło", "Police", "Września") needs a capital letter inside a
sentence; a capitalised word after a first name or a title is a surname ("Jan
Kalisz"), after "ul." a street ("ul. Gdańska").
"""

import math
import re
from dataclasses import dataclass
from functools import cache
from itertools import takewhile
from typing import NamedTuple

from cms.distance import distance_km
from search.analysis import fold, stem
from search.places.declension import name_forms
from search.places.districts import district_forms
from search.places.gazetteer import (
    BIG_TOWN,
    EVERYDAY_FORMS,
    ORDINARY_WITH_POLISH_LETTERS,
    ORDINARY_WORDS,
    SMALL_EXCLUDED,
    SMALL_TOWN,
    Entry,
    Gazetteer,
    Town,
    folded,
    gazetteer,
    phrase_key,
    word_set,
)
from search.places.powiats import powiat_seats
from search.places.villages import Named, is_seat, localities, nearest_to

TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
SENTENCE_BREAKS = frozenset(".!?\n")
# Words before a commune's name: "gmina Bogdaniec", "gm. Bogdaniec", "w gminie Sułów".
COMMUNE_WORDS = frozenset({"gmina", "gminy", "gminie", "gmine", "gm"})
# Abbreviations whose full stop ends no sentence.
ABBREVIATIONS = frozenset(
    {"ok", "szt", "tys", "np", "tj", "ul", "nr", "godz", "ca", "woj", "pow", "gm"}
)
POSTCODE = re.compile(r"\b(\d{2})-?(\d{3})\b")

# Words that put a place after them: a lowercase town counts after one of these. The last
# line names the place's own office or commune ("Gmina Dobrodzień", "Urząd Miasta i Gminy
# Mrocza", "Dni Gminy Rozprza"): a village is trusted after it as after a preposition; so
# after the words for a village itself ("mieszkańców wsi Puchły", "sołectwa Łagwy", "w
# miejscowości Zgórsko").
CUES = word_set(
    """w we z ze do na nad pod spod kolo okolice okolic okolicach okolicy okolica poblizu
    niedaleko blisko obok rejon rejonie rejonu teren terenie terenu od near around in from
    outside nearby to of przy
    gmina gminy gminie gmine miasta miasto miescie miastu
    wies wsi wsia solectwo solectwa solectwie miejscowosc miejscowosci"""
)
# Places that name a firm after their village ("pensjonat Sierpnica", "szkółka Zochcinek",
# "stadnina Krzeczów"): a village right after one of these counts when the text names no
# other place, as one after "nad" does.
NAMED_AFTER_PLACE = word_set(
    """pensjonat pensjonatu szkolka szkolki gospodarstwo gospodarstwa stadnina stadniny
    agroturystyka agroturystyki osrodek osrodka schronisko schroniska winnica winnicy
    sad sadu tartak tartaku mlyn mlyna"""
)
# Prepositions that begin a square's, an estate's or an inn's name when written with a
# capital letter inside a sentence ("na placu Pod Lipami").
NAME_PREPOSITIONS = word_set("pod nad")
# Words that put a town after a place as its neighbour ("Gródek pod Białymstokiem",
# "Chorzelów near Mielec"): of the place's namesakes, the one within NEAR_TOWN_KM of that
# town is meant, and that town itself when none is.
NEIGHBOUR_CUES = tuple(
    tuple(cue.split())
    for cue in (
        "pod", "kolo", "k", "obok", "niedaleko", "nieopodal", "w poblizu", "w okolicy",
        "w okolicach", "near", "outside", "close to",
    )
)  # fmt: skip
NEAR_TOWN_KM = 50
# Prepositions a village of the register is not read after: "na Kaszubach", "na Śląsku",
# "na Wielkanoc" name regions and feasts, "nad Niegocinem" a lake (the register's Niegocin
# lies 200 km from it), though villages are called so too. A town of the gazetteer after
# "nad" counts when the text names no other ("schronisko nad Świeradowem-Zdrojem").
NOT_BEFORE_VILLAGES = frozenset({"na", "nad"})
# A town named by the first word of its name alone ("z Janowca") gives way to a commune's
# seat of exactly that name far from it up to this many people; bigger ones keep it ("w
# Ostrowie" is Ostrów Wielkopolski, 70,000 people).
PART_NAMED_TOWN = 20_000
# A query of at most this many words is a search box's: a town may end it uncued.
SHORT_QUERY_WORDS = 12
# A place may stand alone as a text's last sentence of at most this many words.
LAST_LINE_WORDS = 3
# The endings of an adjective's oblique cases ("Pięknej", "Starym", "Dużego").
ADJECTIVE_CASE_ENDINGS = ("ej", "ym", "im", "ego", "emu")
# A dash between spaces, before a search box's place at the end of its line ("... - Łojki"),
# what the dates left blank before it too.
DASH = re.compile(r"\s[-\u2013\u2014]\s+$")
# Who asks, named between the dash and the place ("- sklep z włóczką, Racławice Śląskie"):
# a few words without a sentence's end.
AFTER_DASH = re.compile(r"\s[-\u2013\u2014]\s+([^.!?\n,\u2013\u2014]+),\s*$")
DASH_SENDER_WORDS = 4
# A village of the register farther than this from a town the text names later is taken
# for some other place's name (a district, an estate, a hall), and the town wins.
FAR_KM = 100
# Villages of the register named like what a request names with a capital letter after a
# preposition: countries ("z Czech", "w Niemczech"), the gazetteer's everyday words.
NOT_VILLAGES = (
    SMALL_EXCLUDED
    | ORDINARY_WORDS
    | word_set(
        """Polska Niemcy Niemce Czechy Czechów Litwa Ukraina Słowacja Węgry Europa Francja
        Holandia Anglia Szwecja Dania Austria Włochy Rosja Białoruś Chiny"""
    )
)
# A name shared by at most this many villages far apart still points at them: the matcher
# measures from the nearest (four Markowice, five villages "w Gruszczynie", eight Krzywe).
# More say too little (15 villages are called Grabówka); a form another, commoner name
# shares is left to neither (_Reader._registered).
MAX_NAMESAKES = 8
# The longest name in the register of localities has five words ("Wólka Sokołowska k. Wólki
# Niedźwiedzkiej").
MAX_NAME_WORDS = 5
# Words that may stand before those, and are dropped with the place: "w promieniu 30 km od".
CUE_CHAIN = CUES | word_set(
    "promieniu promien km max maks maksymalnie within the area vicinity close outskirts"
)
AND_SURROUNDINGS = (("i", "oraz", "and"), ("okolice", "okolic", "okolica", "surroundings"))
STREETS = word_set("ul ulica ulicy al aleja alei aleje os osiedle pl plac placu rondo")
TITLES = word_set("pan pani panem pania panu panstwo mr mrs ms dr prof mgr inz")
# Common Polish and English first names: a capitalised town name after one is a surname.
GIVEN_NAMES = word_set(
    """Adam Adrian Agata Agnieszka Aleksander Aleksandra Alicja Andrzej Aneta Anna
    Antoni Arkadiusz Artur Barbara Bartłomiej Bartosz Beata Bogdan Bogusław Bożena Cezary
    Czesław Damian Daniel Danuta Dariusz Dawid Dominik Dorota Edyta Elżbieta Emilia Ewa
    Ewelina Filip Franciszek Grażyna Grzegorz Halina Hanna Henryk Irena Iwona Izabela Jacek
    Jadwiga Jakub Jan Janina Janusz Jarosław Jerzy Joanna Jolanta Józef Julia Justyna Kamil
    Kamila Karol Karolina Katarzyna Kazimierz Kinga Krystyna Krzysztof Lech Lena Leszek
    Łukasz Maciej Magdalena Maja Małgorzata Marcin Marek Maria Marian Mariusz Marta Marzena
    Mateusz Michał Mirosław Monika Natalia Nikola Norbert Oliwia Patrycja Patryk Paulina Paweł
    Piotr Przemysław Radosław Rafał Renata Robert Roman Ryszard Sebastian Stanisław Stefan
    Sylwia Szymon Tadeusz Teresa Tomasz Urszula Wanda Weronika Wiesław Wiktor Wiktoria
    Witold Włodzimierz Wojciech Zbigniew Zdzisław Zofia Zuzanna Zygmunt John James Michael
    David Peter Paul Mark Thomas Sarah Emma Mary Kate"""
)
CAPITAL_OF_COUNTRY = frozenset({"polski", "kraju"})
NOT_THE_CAPITAL = word_set("wojewodztwa regionu powiatu gminy diecezji")
POWIAT_WORDS = word_set("powiat powiatu powiecie powiatem powiatowi powiaty powiatow")
# The folded forms of "stolica" (the capital): "w stolicy", "pod stolicą", "na stolicę".
CAPITAL_FORMS = frozenset({"stolica", "stolicy", "stolice"})


@dataclass(frozen=True)
class Place:
    """A place a text names: its name, its point, the words that named it (as written, in
    order) and its voivodeship's TERYT code ("" when unknown). ``before`` and ``after`` are
    the words around the name that point at it ("w pobliżu", "w promieniu 30 km od",
    "i okolice"), which say nothing about the work either."""

    name: str
    lat: float
    lon: float
    words: tuple[str, ...] = ()
    voivodeship: str = ""
    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()

    @property
    def all_words(self) -> tuple[str, ...]:
        """Every word the place took in the text, in order."""
        return (*self.before, *self.words, *self.after)


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    folded: str
    capitalised: bool
    sentence_start: bool
    dotted: bool  # followed by a full stop ("pow.", "ul.")


def tokens_of(text: str) -> list[Token]:
    """The words of ``text`` with what the readers ask of each (folded form, capital
    letter, whether it opens a sentence, a full stop after it)."""
    lowered = folded(text)
    aligned = len(lowered) == len(text)
    tokens = []
    previous_end = 0
    for match in TOKEN.finditer(text):
        start, end = match.span()
        word = match.group(0)
        gap = text[previous_end:start]
        tokens.append(
            Token(
                start=start,
                end=end,
                text=word,
                folded=lowered[start:end] if aligned else folded(word),
                capitalised=word[0].isupper(),
                sentence_start=not tokens or _breaks_sentence(gap, tokens[-1]),
                dotted=text[end : end + 1] == ".",
            )
        )
        previous_end = end
    return tokens


def _breaks_sentence(gap: str, previous: Token) -> bool:
    """Whether the characters between two words end a sentence: not the full stop of an
    abbreviation ("200 szt., Kusięta", "ok. 20 km")."""
    if previous.folded in ABBREVIATIONS and gap.startswith("."):
        gap = gap[1:]
    return not SENTENCE_BREAKS.isdisjoint(gap)


def _key(tokens: list[Token]) -> str:
    return " ".join(token.folded for token in tokens)


def _texts(tokens: list[Token]) -> tuple[str, ...]:
    return tuple(token.text for token in tokens)


class _Reader:
    """One pass over one text's tokens (see the module's rules)."""

    def __init__(self, text: str, voivodeship: str) -> None:
        self.text = text or ""
        self.tokens = tokens_of(self.text)
        self.voivodeship = voivodeship
        self.found: Gazetteer = gazetteer()
        # the one voivodeship of namesakes too far apart to choose between
        self.namesakes_voivodeship = ""
        # those namesakes themselves, when they are few (see :data:`MAX_NAMESAKES`)
        self.namesakes: tuple[Place, ...] = ()
        # where a name of several words, too ambiguous to place, ends: its last word is no
        # town of its own ("z Winnej Góry" is no Góra)
        self.named_until = 0
        # communes the text names ("Urząd Gminy Sułów", "w Łupowie (gm. Bogdaniec)")
        self.communes = {
            _key(self.tokens[index + 1 : index + 1 + length])
            for index, token in enumerate(self.tokens)
            if token.folded in COMMUNE_WORDS
            for length in (1, 2)
            if index + length < len(self.tokens)
        }

        # powiats the text names ("pow. zamojski", "w powiecie zamojskim")
        self.powiats = set()
        for index, token in enumerate(self.tokens):
            if token.folded in POWIAT_WORDS or (token.folded == "pow" and token.dotted):
                found = self._adjective_at(index + 1, self.found.powiats)
                if found:
                    self.powiats |= {phrase_key(adjective) for adjective, _, _ in found[0]}
            # English names a powiat by its seat: "Głuchów (Skierniewice county)"
            if token.folded == "county":
                for length in (3, 2, 1):
                    seat = _key(self.tokens[max(index - length, 0) : index])
                    if seat in powiats_by_seat():
                        self.powiats |= powiats_by_seat()[seat]
                        break

    def first_place(self) -> Place | None:
        starts = self.found.starts
        above = None  # a place after "nad", taken only when no other is named
        for index, token in enumerate(self.tokens):
            if index < self.named_until:
                continue
            if not (
                token.folded in starts
                or token.capitalised
                or token.folded in POWIAT_WORDS
                or token.folded in CAPITAL_FORMS
                or token.folded in WATER_FORMS
                or token.folded == "pow"
            ):
                continue
            if self._after_nad(index) and token.folded in self.found.rivers:
                continue
            if self._ends_unknown_name(index):
                continue
            for rule in (
                self._powiat,
                self._area,
                self._nickname,
                self._water,
                self._capital,
                self._town,
                self._district,
            ):
                place = rule(index)
                if place and (self._after_nad(index) or self._after_firm(index)):
                    above = above or place
                    break
                if place:
                    return place
        return above

    def _ends_unknown_name(self, index: int) -> bool:
        """Whether the word at ``index`` ends a name of two words that no list holds: "w
        Pięknej Górze" is a village the register lacks, not the town of Góra; a capitalised
        adjective between a preposition and a town's name makes one name with it."""
        if index < 2 or not (self._same_sentence(index) and self._same_sentence(index - 1)):
            return False
        adjective, cue = self.tokens[index - 1], self.tokens[index - 2]
        return (
            self.tokens[index].capitalised
            and self.text[adjective.end : self.tokens[index].start].isspace()
            and adjective.capitalised
            and adjective.folded.endswith(ADJECTIVE_CASE_ENDINGS)
            and adjective.folded not in CUES
            and cue.folded in CUES
        )

    def _same_sentence(self, index: int) -> bool:
        """Whether token ``index`` continues the sentence of token ``index - 1``."""
        return index > 0 and not self.tokens[index].sentence_start

    def _before(self, index: int) -> list[Token]:
        """The prepositions and distance words before a place ("w pobliżu", "30 km od")."""
        start = index
        while self._same_sentence(start):
            previous = self.tokens[start - 1]
            is_distance = previous.folded.isdigit() and self.tokens[start].folded == "km"
            if previous.folded not in CUE_CHAIN and not is_distance:
                break
            start -= 1
        return self.tokens[start:index]

    def _after(self, end: int) -> list[Token]:
        """ "i okolice" after a place."""
        following = self.tokens[end : end + 2]
        conjunctions, surroundings = AND_SURROUNDINGS
        if (
            len(following) == 2
            and self._same_sentence(end)
            and self._same_sentence(end + 1)
            and following[0].folded in conjunctions
            and following[1].folded in surroundings
        ):
            return following
        return []

    def _cued(self, index: int) -> bool:
        return (
            (
                self._same_sentence(index)
                and (self._after_cue(index) or self._ends_short_query(index))
            )
            or self._ends_alone(index)
            or self._ends_after_dash(index)
            or self._between_dash_and_comma(index)
        )

    def _after_cue(self, index: int) -> bool:
        """Whether a preposition, a word for a place or a lake stands before ``index``; "pod" or
        "nad" with a capital letter inside a sentence begins a name ("na placu Pod
        Lipami", "osiedle Nad Potokiem")."""
        before = self.tokens[index - 1]
        # a lake named after its village: "nad jeziorem Garczyn"; a firm: "pensjonat Sierpnica"
        if before.folded in WATER_FORMS or self._after_firm(index):
            return True
        return before.folded in CUES and not (
            before.folded in NAME_PREPOSITIONS
            and before.capitalised
            and self._same_sentence(index - 1)
        )

    def _ends_alone(self, index: int) -> bool:
        """Whether capitalised words from ``index`` are the text's whole last sentence, as a
        signature or a search box's last line names a place ("… prosimy o wycenę.
        Jedlińsk")."""
        rest = self.tokens[index:]
        return (
            index > 0
            and rest[0].sentence_start
            and len(rest) <= LAST_LINE_WORDS
            and all(token.capitalised and not token.sentence_start for token in rest[1:])
        )

    def _ends_after_dash(self, index: int) -> bool:
        """Whether capitalised words from ``index`` end the text after a dash, as a search
        box's line of any length names its place: "Sprzątanie klatek schodowych w 3 blokach,
        raz w tygodniu od marca 2027 - Bierkowo"."""
        rest = self.tokens[index:]
        before = self.text[: rest[0].start] if index else ""
        # the place right after the dash, or after who asks ("... - sklep z włóczką,
        # Racławice Śląskie")
        sender = AFTER_DASH.search(before)
        return (
            (
                DASH.search(before) is not None
                or (sender is not None and len(sender.group(1).split()) <= DASH_SENDER_WORDS)
            )
            and len(rest) <= LAST_LINE_WORDS
            and all(token.capitalised for token in rest)
            and not self.text[rest[-1].end :].strip(" .")
        )

    def _between_dash_and_comma(self, index: int) -> bool:
        """Whether capitalised words from ``index`` stand between a dash and a comma, as a
        search box's line names its place and goes on: "pakowanie kaszy w torebki 1 kg -
        Rąblów, ok. 3 tys. szt."."""
        if not index or DASH.search(self.text[: self.tokens[index].start]) is None:
            return False
        name = list(takewhile(lambda token: token.capitalised, self.tokens[index:]))
        return 0 < len(name) <= LAST_LINE_WORDS and self.text[name[-1].end :].startswith(",")

    def _ends_short_query(self, index: int) -> bool:
        """Whether capitalised words from ``index`` end a query typed into a search box:
        "sprzątanie biblioteki 2 razy w tygodniu Sobków" names its place last, with no
        preposition, "nad"/"pod" inside its name too ("... Czerwińsk nad Wisłą")."""
        rest = self.tokens[index:]
        return len(self.tokens) <= SHORT_QUERY_WORDS and all(
            token.capitalised or (0 < number < len(rest) - 1 and token.folded in ("nad", "pod"))
            for number, token in enumerate(rest)
        )

    def _place(
        self, name: str, town: Town, index: int, end: int, voivodeship: str | None = None
    ) -> Place:
        """The place named by tokens ``index:end``, with the words around them."""
        return Place(
            name,
            town.lat,
            town.lon,
            _texts(self.tokens[index:end]),
            town.voivodeship if voivodeship is None else voivodeship,
            _texts(self._before(index)),
            _texts(self._after(end)),
        )

    def _adjective_at(self, index: int, table: dict) -> tuple[object, int] | None:
        for length in (3, 2, 1):
            if index + length <= len(self.tokens):
                value = table.get(_key(self.tokens[index : index + length]))
                if value is not None:
                    return value, length
        return None

    def _powiat(self, index: int) -> Place | None:
        token = self.tokens[index]
        if not (token.folded in POWIAT_WORDS or (token.folded == "pow" and token.dotted)):
            return None
        found = self._adjective_at(index + 1, self.found.powiats)
        if found is None:
            return None
        candidates, length = found
        in_region = [c for c in candidates if c[2] == self.voivodeship]
        adjective, town, voivodeship = (in_region or sorted(candidates, key=_by_size))[0]
        return self._place(f"powiat {adjective}", town, index, index + 1 + length, voivodeship)

    def _area(self, index: int) -> Place | None:
        for length in (2, 1):
            if index + length > len(self.tokens):
                continue
            if _key(self.tokens[index : index + length]) in self.found.area_words:
                found = self._adjective_at(index + length, self.found.area_adjectives)
                if found:
                    (shown, town), adjective_length = found
                    return self._place(shown, town, index, index + length + adjective_length)
        return None

    def _nickname(self, index: int) -> Place | None:
        for length in (3, 2, 1):
            if index + length > len(self.tokens):
                continue
            entry = self.found.nicknames.get(_key(self.tokens[index : index + length]))
            if entry:
                shown, town, needs_capital = entry
                if needs_capital and not self.tokens[index].capitalised:
                    continue
                return self._place(shown, town, index, index + length)
        return None

    def _water(self, index: int) -> Place | None:
        """A lake or reservoir named by its town's adjective and no list holds ("nad
        Jeziorem Pakoskim", "nad Zalewem Koronowskim") → that town, when the gazetteer has
        one whose name the adjective is made of (Pakość, Koronowo)."""
        if index + 1 >= len(self.tokens) or self.tokens[index].folded not in WATER_FORMS:
            return None
        adjective = self.tokens[index + 1]
        if not adjective.capitalised or not self._same_sentence(index + 1):
            return None
        town = town_of_adjective(adjective.folded)
        if town is None:
            return None
        return self._place(town.name, town, index, index + 2)

    def _capital(self, index: int) -> Place | None:
        """ "w stolicy", "stolica Polski" → Warszawa; not "stolica województwa" nor "stolica
        Wielkopolski"."""
        if self.tokens[index].folded not in CAPITAL_FORMS:
            return None
        following = self.tokens[index + 1] if index + 1 < len(self.tokens) else None
        if following and self._same_sentence(index + 1):
            if following.folded in CAPITAL_OF_COUNTRY:
                return self._place("Warszawa", self._warsaw(), index, index + 2)
            if following.capitalised or following.folded in NOT_THE_CAPITAL:
                return None
        if not self._cued(index):
            return None
        return self._place("Warszawa", self._warsaw(), index, index + 1)

    def _warsaw(self) -> Town:
        return self.found.towns["warszawa"]

    def _town(self, index: int) -> Place | None:
        """The town or village named at token ``index``; of namesakes, the one by the town
        named after it ("Gródek pod Białymstokiem", "w Makowie pod Skierniewicami": not
        Maków Mazowiecki, 90 km off), else that town when none of them is by it ("w
        Kłodawie pod Poznaniem" → Poznań)."""
        if self._is_surname(index) or self._is_street(index):
            return None
        known = self._known_town(index)
        registered = self._registered(index)
        known, registered = self._spelled_as_written(index, known, registered)
        lengths = ([known[1]] if known else []) + [named.length for named in registered]
        if lengths:
            length = max(lengths)
            anchor = self._anchor(index + length)
            if anchor is not None:
                namesakes = [named.town for named in registered if named.length == length]
                if known and known[1] == length:
                    namesakes.insert(0, known[0])
                near, anchor_end = anchor
                town = nearest_to(namesakes, near.lat, near.lon, NEAR_TOWN_KM) or near
                return self._place(town.name, town, index, anchor_end)
        # Of namesakes, the one in the voivodeship the text names: "w Osieku
        # (świętokrzyskie)" is not the gazetteer's Osiek by Oświęcim. Only against a town
        # of the gazetteer elsewhere, or with the voivodeship written right after the name:
        # "z Mazur" in a request for warmińsko-mazurskie is the land, not one of its
        # villages called Mazury.
        elsewhere = known and known[0].voivodeship != self.voivodeship
        if self.voivodeship and (elsewhere or self._voivodeship_follows(index, registered)):
            inside = [n for n in registered if n.town.voivodeship == self.voivodeship]
            if inside and not (known and known[1] > inside[0].length):
                town = max(inside, key=lambda named: named.town.population).town
                return self._place(town.name, town, index, index + inside[0].length)
        # Of namesakes, the one in a commune the text names: "Urząd Gminy Sułów" is the
        # Sułów of the commune of Sułów, not the gazetteer's Sułów 350 km off.
        # Or in a powiat it names: "w Adamowie (pow. zamojski)".
        for chosen in (
            [named for named in registered if named.town.commune in self.communes],
            [named for named in registered if named.town.powiat in self.powiats],
        ):
            if len(chosen) == 1 and not (known and known[1] > chosen[0].length):
                town = chosen[0].town
                return self._place(town.name, town, index, index + chosen[0].length)
        # A commune's seat before a village of the gazetteer of its name far off: "w
        # Górnie" is the seat of the commune of Górno by Kielce, not Górno 150 km south-east.
        # So is it before a small town named by the first word of its name: "z Janowca" is
        # the seat of the commune of Janowiec, not Janowiec Wielkopolski.
        seats = [named for named in registered if is_seat(named.town)]
        if known and len(seats) == 1 and known[1] == seats[0].length:
            seat, town = seats[0].town, known[0]
            far = distance_km(seat.lat, seat.lon, town.lat, town.lon) > NEAR_TOWN_KM
            in_part = len(town.name.replace("-", " ").split()) > known[1]
            small = town.population <= (PART_NAMED_TOWN if in_part else SMALL_TOWN)
            if far and small:
                return self._place(seat.name, seat, index, index + seats[0].length)
        # The longer name wins: "z Dąbrowy Biskupiej" is no Dąbrowa of the gazetteer.
        if registered and not (known and known[1] >= registered[0].length):
            town = self._one_place(registered)
            end = index + registered[0].length
            if town and not self._far_from_town_named_later(town, end):
                return self._place(town.name, town, index, end)
            if town is None and not self.namesakes and len(registered) <= MAX_NAMESAKES:
                self.namesakes = tuple(
                    self._place(named.town.name, named.town, index, end) for named in registered
                )
        if known:
            town, length = known
            return self._place(town.name, town, index, index + length)
        if registered and registered[0].length > 1:
            self.named_until = index + registered[0].length
        return None

    def _voivodeship_follows(self, index: int, registered: list[Named]) -> bool:
        """Whether a voivodeship is written right after the name the register's places
        ``registered`` have at ``index``: "w Grotnikach (woj. łódzkie)", "Lisów, woj. …"."""
        end = index + (registered[0].length if registered else 1)
        if end >= len(self.tokens):
            return False
        gap = self.text[self.tokens[end - 1].end : self.tokens[end].start]
        following = self.tokens[end].folded
        return bool(set(gap) & set("(,")) and (
            following in ("woj", "wojewodztwo") or following.endswith(("skie", "ckie", "zkie"))
        )

    def _district(self, index: int) -> Place | None:
        """A city's district named at ``index`` after a preposition ("na Wyczerpach",
        "z Lisińca") is its city, when no town or village of that name came first."""
        if not (self.tokens[index].capitalised and self._cued(index)):
            return None
        for length in range(min(MAX_NAME_WORDS, len(self.tokens) - index), 0, -1):
            if not self._within_sentence(index, length):
                continue
            key = _key(self.tokens[index : index + length])
            found = district_forms().get(key)
            # without a preposition only its own name: "..., Leszczynek" is a village by
            # Kutno, though it is also a case of Gdynia's Leszczynki
            if found and (self._after_cue(index) or key == phrase_key(found[0])):
                town = self.found.towns[phrase_key(found[1])]
                return self._place(town.name, town, index, index + length)
        return None

    def _spelled_as_written(
        self, index: int, known: tuple[Town, int] | None, registered: list[Named]
    ) -> tuple[tuple[Town, int] | None, list[Named]]:
        """Of namesakes apart only in Polish letters, those spelled as the text writes the
        name: "w Rogóźno (gmina Rogóźno)" is the commune by Grudziądz, not the town of
        Rogoźno by Poznań. Only a name written in full with a Polish letter tells (declined,
        "w Krakowie" has lost the "ó" of Kraków), and only against namesakes of that very
        name: "z Głogowa" is still Głogów, not a village called Głogowa."""

        def written(length: int) -> str:
            return " ".join(token.text for token in self.tokens[index : index + length])

        def same_name(town: Town, length: int) -> bool:
            return folded(town.name) == folded(written(length))

        def spelled(town: Town, length: int) -> bool:
            return town.name.casefold() == written(length).casefold()

        same = [named for named in registered if same_name(named.town, named.length)]
        if known and same_name(*known):
            same.append(Named(*known))
        exact = [named for named in same if spelled(named.town, named.length)]
        if not exact or len(exact) == len(same):
            return known, registered
        if known and same_name(*known) and not spelled(*known):
            known = None
        return known, [
            named
            for named in registered
            if not same_name(named.town, named.length) or spelled(named.town, named.length)
        ]

    def _known_town(self, index: int) -> tuple[Town, int] | None:
        """A town (or village of 1,000+ people) of the gazetteer named at ``index``."""
        longest = min(self.found.longest, len(self.tokens) - index)
        for length in range(longest, 0, -1):
            entry = self.found.forms.get(_key(self.tokens[index : index + length]))
            if entry and self._trusted(entry, index, length):
                return entry.town, length
        token = self.tokens[index]
        # a form the rules missed, that the lemmatiser knows ("w Piątek" is on Friday); not
        # of a name that is an everyday word with its Polish letters: the rules give every
        # form of the city, and the lemmatiser's others are the boats ("Łodzie, sędziów i
        # nagłośnienie zapewnia federacja")
        if token.capitalised and token.folded not in EVERYDAY_FORMS:
            key = phrase_key(stem(token.text.lower()))
            town = self.found.towns.get(key)
            entry = Entry(town, key) if town else None
            if entry and not entry.ordinary_with_polish_letters and self._trusted(entry, index, 1):
                return town, 1
        return None

    def _registered(self, index: int) -> list[Named]:
        """The register's places named at ``index``, the longest name's namesakes, trusted
        as villages are: written with a capital letter after a preposition other than "na"
        or "nad" (see :data:`NOT_BEFORE_VILLAGES`), not an everyday word, not followed by a
        capitalised word of another name ("w Domu Kultury")."""
        token = self.tokens[index]
        if not (token.capitalised and self._cued(index)) or (
            self.tokens[index - 1].folded in NOT_BEFORE_VILLAGES
        ):
            return []
        keys = [t.folded for t in self.tokens[index : index + MAX_NAME_WORDS]]
        within = [n for n in localities().named_at(keys) if self._within_sentence(index, n.length)]
        within = within or localities().parts_named(keys[0])
        named = [n for n in within if phrase_key(n.town.name) not in NOT_VILLAGES]
        if not named:
            return []
        # A form that is also one of a name left out as too common is that name's as
        # likely: "w Międzylesiu" is as much one of nine Międzylesie as of four Międzyleś.
        if any(n.length == named[0].length for n in within if n not in named):
            return []
        end = index + named[0].length
        if self._names_something_else(end) and not self._bracket_before(end):
            return []
        return [n for n in named if n.length == named[0].length]

    def _far_from_town_named_later(self, town: Town, start: int) -> bool:
        """Whether a town of the gazetteer named after ``start`` lies far from ``town``: then
        the register's place was a district's or an estate's name ("z Jeżyc na Rataje w
        Poznaniu": the register's Jeżyce lie 200 km from Poznań)."""
        for index in range(start, len(self.tokens)):
            # "w Bochotnicy nad Wisłą": a river, not the town of Wisła
            if self.tokens[index].capitalised and not self._after_nad(index):
                known = self._known_town(index)
                if known:
                    other = known[0]
                    return distance_km(town.lat, town.lon, other.lat, other.lon) > FAR_KM
        return False

    def _within_sentence(self, index: int, length: int) -> bool:
        return all(self._same_sentence(i) for i in range(index + 1, index + length))

    def _one_place(self, registered: list[Named]) -> Town | None:
        """The place a name stands for when nothing nearby says which: the only one of that
        name, or the first when all lie close together; several far apart, none (noting
        their voivodeship when they share one)."""
        if not registered:
            return None
        first = registered[0].town
        if all(
            distance_km(first.lat, first.lon, named.town.lat, named.town.lon) <= NEAR_TOWN_KM
            for named in registered
        ):
            return first
        # A commune's seat before villages of its name: "w Iwanowicach" is the seat of the
        # commune of Iwanowice (małopolskie), not a village of 300 people 300 km off.
        seats = [named.town for named in registered if is_seat(named.town)]
        if len(seats) == 1:
            return seats[0]
        voivodeships = {named.town.voivodeship for named in registered}
        if len(voivodeships) == 1 and not self.namesakes_voivodeship:
            self.namesakes_voivodeship = voivodeships.pop()
        return None

    def _anchor(self, end: int) -> tuple[Town, int] | None:
        """A town named right after a place as its neighbour: "pod/koło/k./obok/niedaleko
        Białegostoku", "near Mielec", "w pobliżu Kutna". The town and where its name ends."""
        for cue in NEIGHBOUR_CUES:
            at = end + len(cue)
            if (
                at < len(self.tokens)
                and all(self._same_sentence(i) for i in range(end, at + 1))
                and tuple(token.folded for token in self.tokens[end:at]) == cue
            ):
                known = self._known_town(at)
                if known:
                    town, length = known
                    return town, at + length
        return None

    def _trusted(self, entry: Entry, index: int, length: int) -> bool:
        first = self.tokens[index]
        if entry.small:
            # "w Kotlinie Jeleniogórskiej" is a valley, not the village of Kotlin
            return (
                first.capitalised
                and self._cued(index)
                and not self._goes_on_as_a_name(index + length)
            )
        if entry.ordinary and self._names_something_else(index + length):
            return False
        if first.capitalised:
            return not (entry.ordinary and first.sentence_start)
        typed = " ".join(token.text for token in self.tokens[index : index + length])
        if entry.ordinary:
            return False
        if entry.key in ORDINARY_WITH_POLISH_LETTERS and typed != fold(typed):
            return False
        if self._cued(index):
            return True
        name = entry.town.name
        named_whole = phrase_key(typed) == entry.key == phrase_key(name)
        without_letters = typed == fold(typed) and fold(name) != name.lower()
        return named_whole and (entry.town.population >= BIG_TOWN or without_letters)

    def _goes_on_as_a_name(self, end: int) -> bool:
        """Whether the name at ``end`` goes straight on, with nothing but a space between,
        as a longer name with a capital letter ("w Kotlinie Jeleniogórskiej", a valley, not
        the village of Kotlin); "w Bukowsku, Beskid Niski" and "Michałowo (Podlasie)" do
        not."""
        return (
            self._names_something_else(end)
            and self.text[self.tokens[end - 1].end : self.tokens[end].start].isspace()
        )

    def _bracket_before(self, end: int) -> bool:
        """Whether a bracket opens before token ``end``: what follows says where the name
        before it lies ("Głuchów (Skierniewice county)", "Kwakowo (Pomorskie)")."""
        return "(" in self.text[self.tokens[end - 1].end : self.tokens[end].start]

    def _names_something_else(self, end: int) -> bool:
        """Whether a town that is an everyday word goes on as a name with a capital letter:
        "Koło Gospodyń Wiejskich" is a rural women's club, not the town of Koło."""
        return (
            end < len(self.tokens)
            and self._same_sentence(end)
            and self.tokens[end].capitalised
            and not self.tokens[end].sentence_start
        )

    def _is_surname(self, index: int) -> bool:
        if not self._same_sentence(index):
            return False
        previous = self.tokens[index - 1]
        return previous.capitalised and (
            previous.folded in GIVEN_NAMES or previous.folded in TITLES
        )

    def _is_street(self, index: int) -> bool:
        return index > 0 and self.tokens[index - 1].folded in STREETS

    def _after_firm(self, index: int) -> bool:
        """ "pensjonat Sierpnica", "szkółka Zochcinek": a firm named after its village, which
        counts only when the text names no other place (:data:`NAMED_AFTER_PLACE`)."""
        return (
            index > 0
            and self._same_sentence(index)
            and self.tokens[index - 1].folded in NAMED_AFTER_PLACE
        )

    def _after_nad(self, index: int) -> bool:
        """ "nad Wieprzem", "nad Wisłą" name a river or a lake as often as a village ("nad
        Wieprzem pod Baranowem"), though "schronisko nad Łodygowicami" is above the town:
        such a place counts only when the text names no other. A town whose name holds
        "nad" is read from its first word ("Nowe Miasto nad Pilicą")."""
        return self._same_sentence(index) and self.tokens[index - 1].folded == "nad"


# A lake's or a reservoir's word in any case ("nad Jeziorem", "nad zalewem").
WATER_FORMS = frozenset(
    phrase_key(form) for word in ("jezioro", "zalew", "zbiornik") for form in name_forms(word)
)
# The "k" and case ending of a town's adjective: "Pakoskim", "Koronowskiego", "Powidzkie".
ADJECTIVE_ENDING = re.compile(r"k(?:iego|iemu|iej|im|ie|i|a)$")
# How many letters a town's name may have past its adjective's stem ("pako" + "sc").
STEM_TAIL = 3
# How far apart the parts of one village lie at most ("Chrzypsko Wielkie", "Chrzypsko Małe").
PARTS_APART_KM = 10


@cache
def town_of_adjective(adjective: str) -> Town | None:
    """The most populous town of the gazetteer whose folded name the folded ``adjective``
    is made of ("pakoskim" → Pakość, "koronowskim" → Koronowo, "powidzkim" → Powidz), or
    None. The "s" before the "k" is the adjective's ("koronow-ski") or stands for the
    name's own ending ("pako-ski", Pakość)."""
    match = ADJECTIVE_ENDING.search(adjective)
    if match is None:
        return None
    base = adjective[: match.start()]
    stems = {stem for stem in (base, base.removesuffix("s")) if len(stem) >= 3}

    def made_of(key: str) -> bool:
        return " " not in key and any(
            key.startswith(stem) and len(key) - len(stem) <= STEM_TAIL for stem in stems
        )

    towns = [town for key, town in gazetteer().towns.items() if made_of(key)]
    if towns:
        return max(towns, key=lambda town: town.population)
    # else a village of the register, when one alone bears such a name ("nad Jeziorem
    # Zdworskim": Zdwórz)
    named = [
        (town, words)
        for key, entries in localities().by_first_word.items()
        if made_of(key)
        for town, words in entries
        if made_of(words[0])
    ]
    villages = {town for town, words in named if len(words) == 1}
    if len(villages) == 1:
        return villages.pop()
    # or the parts of one village, side by side ("Jezioro Chrzypskie": Chrzypsko Wielkie
    # and Chrzypsko Małe, 2 km apart)
    parts = sorted({town for town, _words in named}, key=lambda town: town.name)
    if not villages and parts and _side_by_side(parts):
        return parts[-1]
    return None


def _side_by_side(towns: list[Town]) -> bool:
    """Whether ``towns`` all lie within :data:`PARTS_APART_KM` of the first."""
    first = towns[0]
    return all(
        distance_km(first.lat, first.lon, town.lat, town.lon) <= PARTS_APART_KM for town in towns
    )


def _by_size(candidate: tuple[str, Town, str]) -> int:
    return -candidate[1].population


@cache
def powiats_by_seat() -> dict[str, set[str]]:
    """The folded adjectives of the powiats seated in each town, by the town's folded name
    ("skierniewice" → {"skierniewicki"})."""
    seats: dict[str, set[str]] = {}
    for adjective, seat, _voivodeship in powiat_seats():
        seats.setdefault(phrase_key(seat), set()).add(phrase_key(adjective))
    return seats


def find_place(text: str, voivodeship: str = "") -> Place | None:
    """The first place named in ``text``, or None (see the module's rules).

    ``voivodeship`` (a TERYT code) settles a powiat adjective shared by two
    voivodeships ("powiat średzki": Środa Śląska or Środa Wielkopolska).
    """
    return _Reader(text, voivodeship).first_place()


class Whereabouts(NamedTuple):
    """Where a text says it is: its place; when it names none, the voivodeship (TERYT
    code) of the villages a name may be if they lie far apart but all in one voivodeship
    ("w okolicach Bilczy": two Bilczas, both świętokrzyskie), and those villages when they
    are few (``namesakes``: "koło Sławęcinka" is one of two, 54 km apart)."""

    place: Place | None
    voivodeship: str = ""
    namesakes: tuple[Place, ...] = ()


def find_place_or_region(text: str, voivodeship: str = "") -> Whereabouts:
    """What :func:`find_place` finds in ``text``, and in the same pass, when it finds
    nothing, what the text's name of several far-apart villages still says."""
    reader = _Reader(text, voivodeship)
    place = reader.first_place()
    if place:
        return Whereabouts(place)
    return Whereabouts(None, reader.namesakes_voivodeship, reader.namesakes)


def is_town_name(phrase: str) -> bool:
    """Whether ``phrase`` is a town's name in some case ("Rudzie Śląskiej", "Gnieźnie")."""
    return phrase_key(phrase) in gazetteer().forms


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
    town = gazetteer().towns[
        phrase_key(POSTCODE_PREFIXES.get(prefix) or POSTAL_DISTRICTS[prefix[0]])
    ]
    return Place(town.name, town.lat, town.lon, (match.group(0),), town.voivodeship)


def find_town(name: str) -> Place | None:
    """A town by its name, typed with or without Polish letters, in any case ("Lodz",
    "Łódź", "Gnieźnie")."""
    found = gazetteer()
    entry = found.forms.get(phrase_key(name))
    town = entry.town if entry else found.towns.get(phrase_key(stem(name.strip().lower())))
    if town is None:
        return None
    return Place(town.name, town.lat, town.lon, (), town.voivodeship)


@cache
def _town_regions() -> list[tuple[float, float, str]]:
    return [(town.lat, town.lon, town.voivodeship) for town in gazetteer().every_town]


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
