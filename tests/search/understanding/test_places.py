"""Places are read from a request's words offline: towns in any case, with or without Polish
letters, metropolitan nicknames and powiats; ordinary words, surnames and streets are not."""

import pytest

from search.analysis import fold
from search.places import (
    find_place,
    find_place_or_region,
    find_town,
    is_town_name,
    voivodeship_at,
)
from search.places.gazetteer import gazetteer, phrase_key
from search.places.powiats import powiat_seats


def placed(text: str) -> tuple[str, str]:
    """The name and voivodeship of the place ``text`` names."""
    place = find_place(text)
    return (place.name, place.voivodeship)


@pytest.mark.parametrize(
    ("text", "town", "words", "before"),
    [
        ("Sprzątanie biur, okolice Radomia", "Radom", ("Radomia",), ("okolice",)),
        ("sprzatanie biur okolice radomia", "Radom", ("radomia",), ("okolice",)),
        ("Catering pod Wrocławiem na 200 osób", "Wrocław", ("Wrocławiem",), ("pod",)),
        ("Szukamy pralni koło Gniezna", "Gniezno", ("Gniezna",), ("koło",)),
        ("Koło Gniezna, pranie pościeli", "Gniezno", ("Gniezna",), ("Koło",)),
        ("Pakowanie w pobliżu Kalisza", "Kalisz", ("Kalisza",), ("w", "pobliżu")),
        ("Obiady we Wrocławiu", "Wrocław", ("Wrocławiu",), ("we",)),
        ("Montaż w Zielonej Górze", "Zielona Góra", ("Zielonej", "Górze"), ("w",)),
        ("Szycie w Bielsku-Białej", "Bielsko-Biała", ("Bielsku", "Białej"), ("w",)),
        ("Transport z Nowego Sącza", "Nowy Sącz", ("Nowego", "Sącza"), ("z",)),
        ("Druk ulotek w Białymstoku", "Białystok", ("Białymstoku",), ("w",)),
        ("Sprzątanie w Katowicach", "Katowice", ("Katowicach",), ("w",)),
        ("Pranie w Łodzi", "Łódź", ("Łodzi",), ("w",)),
        ("pranie okolice lodzi", "Łódź", ("lodzi",), ("okolice",)),
        ("Cleaning near Wrocław", "Wrocław", ("Wrocław",), ("near",)),
        ("Catering in Warsaw", "Warszawa", ("Warsaw",), ("in",)),
        (
            "ogrodnictwo w promieniu 30 km od Poznania",
            "Poznań",
            ("Poznania",),
            ("w", "promieniu", "30", "km", "od"),
        ),
        ("Koszenie w Kole", "Koło", ("Kole",), ("w",)),  # the town, inflected, capitalised
        ("Obiady w Markach", "Marki", ("Markach",), ("w",)),
        ("Sprzątanie w Tomaszowie", "Tomaszów Mazowiecki", ("Tomaszowie",), ("w",)),
        (
            "Stolarka w Ostrowie Wielkopolskim",
            "Ostrów Wielkopolski",
            ("Ostrowie", "Wielkopolskim"),
            ("w",),
        ),
    ],
)
def test_a_town_is_found_in_any_case_with_the_words_that_point_at_it(text, town, words, before):
    place = find_place(text)
    assert (place.name, place.words, place.before) == (town, words, before)


def test_a_town_and_its_surroundings_are_dropped_together():
    place = find_place("Sprzątanie klatek, Gniezno i okolice, 2 razy w tygodniu")
    assert place.all_words == ("Gniezno", "i", "okolice")


def test_a_place_knows_its_voivodeship_from_the_town_itself():
    # Sulęcin lies in lubuskie; GeoNames files it under małopolskie.
    assert find_place("Catering w Sulęcinie").voivodeship == "08"
    assert find_place("Catering w Gnieźnie").voivodeship == "30"
    assert voivodeship_at(52.444, 15.117) == "08"


@pytest.mark.parametrize(
    ("text", "name", "point_of"),
    [
        ("Catering dla firmy z Trójmiasta", "Trójmiasto", "Sopot"),
        ("sprzątanie w trojmiescie", "Trójmiasto", "Sopot"),
        ("Montaż, aglomeracja śląska", "Katowice", "Katowice"),
        ("Transport na terenie GZM", "Katowice", "Katowice"),
        ("Packing services in Silesia", "Katowice", "Katowice"),
        ("Pakowanie, Zagłębie", "Sosnowiec", "Sosnowiec"),
        ("Sprzątanie biura w stolicy", "Warszawa", "Warszawa"),
        ("Obiady w aglomeracji poznańskiej", "Poznań", "Poznań"),
        ("Szycie, aglomeracja krakowska", "Kraków", "Kraków"),
        # a city by its famous son or founder, in any case
        ("Dystrybutor kosmetyków z Grodu Kopernika szuka", "Toruń", "Toruń"),
        ("Hotel w Grodzie Kraka zamówi", "Kraków", "Kraków"),
        # by what it is known for (round 43)
        ("otwieramy escape room w mieście scyzoryków", "Kielce", "Kielce"),
        # a valley named after its town, not the village of Kotlin (wielkopolskie)
        ("Księgarnia w Kotlinie Jeleniogórskiej zamówi zakładki", "Jelenia Góra", "Jelenia Góra"),
    ],
)
def test_metropolitan_nicknames_lead_to_their_city(text, name, point_of):
    place = find_place(text)
    town = gazetteer().towns[phrase_key(point_of)]
    assert (place.name, place.lat, place.lon) == (name, town.lat, town.lon)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("biuro w stolicy województwa", None),
        ("Poznań, stolica Wielkopolski", "Poznań"),
        ("stolica Polski", "Warszawa"),
        ("rozwój regionu, zagłębie węglowe", None),
    ],
)
def test_the_capital_and_a_basin_are_nicknames_only_where_they_mean_the_city(text, expected):
    place = find_place(text)
    assert (place.name if place else None) == expected


@pytest.mark.parametrize(
    ("text", "name", "seat", "voivodeship"),
    [
        ("Sprzątanie, powiat gnieźnieński", "powiat gnieźnieński", "Gniezno", "30"),
        ("Koszenie trawy pow. poznański", "powiat poznański", "Poznań", "30"),
        ("Catering w powiecie kaliskim", "powiat kaliski", "Kalisz", "30"),
        ("z powiatu lwóweckiego", "powiat lwówecki", "Lwówek Śląski", "02"),
        (
            "w powiecie warszawskim zachodnim",
            "powiat warszawski zachodni",
            "Ożarów Mazowiecki",
            "14",
        ),
        ("powiat golubsko-dobrzyński", "powiat golubsko-dobrzyński", "Golub-Dobrzyń", "04"),
    ],
)
def test_a_powiat_is_its_seats_point_and_voivodeship(text, name, seat, voivodeship):
    place = find_place(text)
    town = gazetteer().towns[phrase_key(seat)]
    assert (place.name, place.lat, place.lon, place.voivodeship) == (
        name,
        town.lat,
        town.lon,
        voivodeship,
    )


def test_a_powiat_name_two_voivodeships_share_is_settled_by_the_one_named():
    # "średzki": Środa Wielkopolska (the bigger seat) or Środa Śląska.
    assert find_place("w powiecie średzkim").voivodeship == "30"
    assert find_place("w powiecie średzkim", voivodeship="02").voivodeship == "02"
    assert find_place("powiat grodziski", voivodeship="30").lat == pytest.approx(52.23, abs=0.05)
    assert find_place("powiat grodziski", voivodeship="14").lat == pytest.approx(52.11, abs=0.05)


def test_every_powiat_seat_is_a_known_town_of_its_voivodeship():
    seats = powiat_seats()
    assert len(seats) == 314
    towns = gazetteer().towns
    wrong = [
        (adjective, seat, voivodeship)
        for adjective, seat, voivodeship in seats
        if towns[phrase_key(seat)].voivodeship != voivodeship
    ]
    assert wrong == []


def test_every_powiat_is_found_by_its_adjective_in_the_locative():
    missed = []
    for adjective, _seat, voivodeship in powiat_seats():
        words = adjective.split()
        locative = " ".join(word[:-1] + "im" for word in words)  # gnieźnieński → gnieźnieńskim
        place = find_place(f"w powiecie {locative}", voivodeship=voivodeship)
        if place is None or place.voivodeship != voivodeship or place.name != f"powiat {adjective}":
            missed.append(adjective)
    assert missed == []


@pytest.mark.parametrize(
    "text",
    [
        "Szukamy wykonawcy do uszycia 2000 fartuchów do marca",
        "Koło zębate i koła pasowe do maszyn",  # a wheel, at the start of a sentence
        "Montaż kół, usługa pod klucz",  # "Klucze" is a town
        "Police na książki i regały",  # shelves; Police is a town
        "Dostawa do 15 września",  # September's genitive; Września is a town
        "Odbiór do środy",  # Wednesday; Środa Wielkopolska
        "piła tarczowa, krosno tkackie, ryki silników",
        "Z góry dziękuję za ofertę",
        "Kontakt: ul. Gdańska 12",  # a street named after a town
        "Pozdrawiam, Jan Kalisz",  # a surname that is a town
        "Z poważaniem, Pani Anna Opole",
        "Wesoła impreza firmowa dla dzieci",
        "łódź motorowa do remontu",  # a boat; the city only without Polish letters
        "Łodzie, sędziów i nagłośnienie zapewnia federacja.",  # boats, at a sentence's start
        "Po drugiej stronie ulicy, na świecie",
        "Koła Gospodyń Wiejskich prosi o ofertę",  # a women's club; Koło is a town
        "Biuro na Kopernika 5, prosimy o ofertę",  # a street; Kopernika is a village
    ],
)
def test_ordinary_words_surnames_and_streets_are_no_places(text):
    assert find_place(text) is None


def test_the_first_place_named_wins():
    assert find_place("Firma z Poznania, dostawa do Gniezna").name == "Poznań"


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("a battery plant in Kleczew, night-shift meals", "Kleczew"),
        ("pralnia dla pensjonatu w Ustroniu Morskim", "Ustronie Morskie"),
        ("Koła Gospodyń Wiejskich z okolic Bielska Podlaskiego", "Bielsk Podlaski"),
        ("Firma budowlana spod Krzywczy przechodzi na e-teczki", "Krzywcza"),
        # after the commune's own name: its office, its days
        ("Gmina Dobrodzień: 160 tabliczek z numerami domów", "Dobrodzień"),
        ("Urząd Miasta i Gminy Mrocza chce oznakować domy", "Mrocza"),
        ("Na zakończenie Dni Gminy Rozprza chcemy pokazu", "Rozprza"),
        # an adjective no list names, declined: Złoty Stok, Dobrzyniewo Duże
        ("Sklepik przy trasie turystycznej w Złotym Stoku szuka dostawcy", "Złoty Stok"),
        ("Klub judo z Dobrzyniewa Dużego: po sezonie", "Dobrzyniewo Duże"),
        # after "nad" a river as often as a town: taken only when nothing else is named
        ("Ośrodek kolonijny nad Wieprzem pod Baranowem. W lipcu", "Baranów"),
        ("Prowadzimy schronisko turystyczne nad Łodygowicami", "Łodygowice"),
        # "przy" puts the place beside what is there (round 49)
        ("mistrzostwa w żeglarstwie lodowym na jeziorze przy Szymonce", "Szymonka"),
    ],
)
def test_a_village_counts_with_a_capital_letter_after_a_preposition(text, town):
    assert find_place(text).name == town


def test_a_village_without_a_capital_letter_or_a_preposition_is_no_place():
    assert find_place("catering w kleczewie") is None
    assert find_place("Kleczew catering") is None
    assert find_place("Gmina kleczew zamawia catering") is None


def test_a_big_city_counts_in_lowercase_and_a_small_town_only_after_a_preposition():
    assert find_place("catering poznan").name == "Poznań"
    assert find_place("catering gniezno") is None
    assert find_place("catering w gnieznie").name == "Gniezno"


def test_a_short_query_names_its_place_last_without_a_preposition():
    assert find_place("sprzątanie biblioteki gminnej 2 razy w tygodniu Sobków").name == "Sobków"
    assert find_place("szycie toreb Nowa Dęba").name == "Nowa Dęba"
    # "nad"/"pod" inside the name, not at its ends
    place = find_place("pranie strojów ludowych, 40 kompletów, Czerwińsk nad Wisłą")
    assert fold(place.name).lower() == "czerwinsk nad wisla"
    assert find_place("koszenie trawy nad Wisłą") is None
    # not inside a longer text, nor in lowercase
    assert find_place("sprzątanie biblioteki gminnej 2 razy w tygodniu sobków") is None
    letter = "Szukamy firmy do sprzątania biblioteki gminnej dwa razy w tygodniu, od marca "
    assert find_place(letter + "do końca roku, najlepiej z doświadczeniem Sobków") is None


def test_a_place_after_a_dash_ends_a_search_line_of_any_length():
    # round 54: a line longer than a short query still names its village last, after a dash
    line = "Sprzątanie klatek schodowych w 3 blokach wspólnoty mieszkaniowej, raz w tygodniu"
    assert placed(line + " od marca 2027 \u2013 Bierkowo") == ("Bierkowo", "22")
    assert placed(line + " - Bierkowo.") == ("Bierkowo", "22")
    # not without the dash, nor when more follows the name, nor in lowercase
    assert find_place(line + " od marca 2027 Bierkowo") is None
    assert find_place(line + " \u2013 Bierkowo Sp. z o.o. prosi o ofertę") is None
    assert find_place(line + " \u2013 bierkowo") is None


def test_a_place_after_the_dash_and_who_asks_ends_a_search_line():
    # round 60: "- sklep z włóczką, Racławice Śląskie"
    line = "Guziki ceramiczne do swetrów, szkliwione, ok. 1500 szt."
    assert placed(line + " \u2013 sklep z włóczką, Racławice Śląskie") == (
        "Racławice Śląskie",
        "16",
    )
    # not a list of things after a dash, nor after a whole sentence
    assert find_place(line + " \u2013 guziki, kubki i wazony, Racławice Śląskie") is None
    assert find_place("Guziki. Sklep z włóczką, Racławice Śląskie, prosi o ofertę") is None


def test_a_place_alone_on_the_last_line_is_the_place():
    # round 46: the parish signs its request with the village's name
    letter = "Konfesjonał z litego dębu do kościoła parafialnego, prosimy o wycenę"
    assert placed(letter + ". Jedlińsk") == ("Jedlińsk", "14")
    assert placed(letter + ".\nJedlińsk") == ("Jedlińsk", "14")
    # not in lowercase, nor a signature's role
    assert find_place(letter + ". jedlińsk") is None
    assert find_place(letter + ".\nZ poważaniem\nKierownik Magazynu") is None


@pytest.mark.parametrize(
    ("typed", "town"),
    [("Gnieźnie", "Gniezno"), ("wroclaw", "Wrocław"), ("Zielona Gora", "Zielona Góra")],
)
def test_a_town_typed_in_a_form_is_found_in_any_case(typed, town):
    assert find_town(typed).name == town


def test_town_names_are_recognised_in_any_case():
    assert is_town_name("Rudzie Śląskiej")
    assert not is_town_name("Śląskiej")


# Villages GeoNames does not list, from the register of localities (search.places.villages).
@pytest.mark.parametrize(
    ("text", "town", "voivodeship"),
    [
        ("Muzułmańska gmina wyznaniowa w Kruszynianach: teren wokół meczetu", "Kruszyniany", "20"),
        ("Gmina ma na promenadzie w Rewie drewniany pawilon", "Rewa", "22"),
        ("Gmina Mietkow: hala sportowa przy szkole", "Mietków", "02"),
        ("Gospodarstwo zielarskie z Góry Puławskiej. Zioła w workach", "Góra Puławska", "06"),
        ("Ośrodek edukacji leśnej w Nowoberezowie", "Nowoberezowo", "20"),
        # a long name whose first word is an adjective, declined as one
        ("Klub sportowy ze Starej Białej ma 4 drużyny", "Stara Biała", "14"),
    ],
)
def test_a_village_only_the_register_knows_is_found_in_any_case(text, town, voivodeship):
    assert placed(text) == (town, voivodeship)


@pytest.mark.parametrize(
    ("text", "voivodeship", "powiat_point"),
    [
        # ten villages are called Gródek: the one by the town named after it is meant
        ("Stajnia w Gródku pod Białymstokiem", "20", (53.09, 23.67)),
        ("Stajnia w Gródku pod Świeciem", "04", (53.50, 18.36)),
        # GeoNames knows Maków Mazowiecki, 90 km from Skierniewice; the register a village by it
        ("Przetwórnia w Makowie pod Skierniewicami", "10", (51.95, 20.05)),
        # "Chorzelów" is also a case of Chorzele (mazowieckie), 230 km away
        ("We build ride-on cars in Chorzelów near Mielec", "18", (50.33, 21.44)),
    ],
)
def test_of_namesakes_the_one_by_the_town_named_after_it_is_meant(text, voivodeship, powiat_point):
    place = find_place(text)
    assert place.voivodeship == voivodeship
    assert (round(place.lat, 2), round(place.lon, 2)) == pytest.approx(powiat_point, abs=0.02)


def test_the_neighbour_town_is_the_place_when_no_namesake_lies_by_it():
    place = find_place("Magazyn w Kłodawie pod Poznaniem, potrzebne regały")
    assert place.name == "Poznań"
    # the village and its neighbour are where, not what: all their words leave the text
    assert place.all_words == ("w", "Kłodawie", "pod", "Poznaniem")


def test_a_village_and_its_neighbour_both_leave_the_words():
    place = find_place("Klub piłkarski z Budzistowa pod Kołobrzegiem: stroje po meczu")
    assert place.name == "Budzistowo"
    assert place.all_words == ("z", "Budzistowa", "pod", "Kołobrzegiem")


@pytest.mark.parametrize(
    ("text", "town"),
    [
        # villages are also called Kaszuby, Śląsko and Wielkanoc: "na" names regions and feasts
        ("Pasieka na Kaszubach, okolice Żukowa", "Żukowo"),
        ("Najlepiej ktoś na Śląsku, zakład mamy w Rybniku.", "Rybnik"),
        ("Na Wielkanoc dla kontrahentów pisanki. Firma z Raciborza.", "Racibórz"),
        # Jeżyce the village lies 200 km from Poznań, where the text says the move is
        ("Przewiezienie mebli z Jeżyc na Rataje w Poznaniu", "Poznań"),
        # a capitalised word after the name makes it an institution's, not a village's
        ("Zajęcia w Domu Kultury w Kole", "Koło"),
    ],
)
def test_register_names_that_name_something_else_are_no_villages(text, town):
    assert find_place(text).name == town


def test_a_name_shared_by_villages_far_apart_places_nothing_on_its_own():
    # Barkowo: villages in three voivodeships, none in GeoNames' list
    assert find_place("Mydło dla sklepiku w Barkowie") is None
    assert find_place("Mydło dla sklepiku w Barkowie koło Człuchowa").voivodeship == "22"


def test_a_missing_register_of_localities_fails_the_system_check(monkeypatch, tmp_path):
    from search.apps import register_of_localities_installed
    from search.places import villages

    assert register_of_localities_installed() == []
    monkeypatch.setattr(villages, "REGISTER", tmp_path / "data.json")
    [error] = register_of_localities_installed()
    assert error.id == "search.E001"
    assert "npm ci" in error.hint


def test_a_small_town_after_nad_is_the_place_and_a_lake_named_like_a_village_is_not():
    place = find_place("schronisko gorskie nad Swieradowem-Zdrojem chce sprzedawac mydla")
    assert place.name == "Świeradów-Zdrój"
    # Niegocin is a lake by Giżycko (and a village 200 km away); Rydzewo has namesakes
    place = find_place("Robimy zlot nad Niegocinem w Rydzewie, 24-26 lipca")
    assert (place.name, place.voivodeship) == ("Niegocin", "28")
    assert find_town("Giżycko").lat == place.lat


def test_a_river_after_nad_does_not_outweigh_a_village_before_it():
    # Wisła is also a town 300 km from Bochotnica; after "nad" it is the river
    place = find_place("Przetwórnia owoców w Bochotnicy nad Wisłą. W maju rabarbar")
    assert (place.name, place.voivodeship) == ("Bochotnica", "06")


def test_a_longer_name_of_the_register_wins_over_a_shorter_one_of_the_gazetteer():
    place = find_place("Klub lotniczy z Dąbrowy Biskupiej ma trawiasty pas startowy")
    assert (place.name, place.voivodeship) == ("Dąbrowa Biskupia", "04")
    assert place.words == ("Dąbrowy", "Biskupiej")


def test_a_town_named_like_a_weekday_is_read_in_its_other_cases():
    # Piątek (łódzkie): "w piątek" is on Friday, "z Piątku" and "w Piątku" the town
    assert find_place("Kooperatywa spożywcza z Piątku: co piątek rano skrzynki").name == "Piątek"
    assert find_place("Sklep w Piątku zamawia").name == "Piątek"
    assert find_place("Sklep w Piątek otwarty do 18") is None


def test_a_village_called_wies_is_declined():
    place = find_place("Gospodarstwo szklarniowe w Reńskiej Wsi zatrudnia na sezon")
    assert (place.name, place.voivodeship) == ("Reńska Wieś", "16")
    # "Nowa Wieś Wielka" near Bydgoszcz, not Bydgoszcz named later in the text
    text = "Przewoźnik z Nowej Wsi Wielkiej (busy do Bydgoszczy) nie nadąża z telefonami"
    assert find_place(text).name == "Nowa Wieś Wielka"


def test_namesakes_far_apart_in_one_voivodeship_say_where_to_look():
    # two villages called Bilcza, 60 km apart, both in świętokrzyskie
    assert find_place("Gmina urządza salę w okolicach Bilczy. Potrzebujemy malarza") is None
    found = find_place_or_region("Gmina urządza salę w okolicach Bilczy.")
    assert (found.place, found.voivodeship) == (None, "26")
    # Barkowo's villages lie in three voivodeships: nothing to say
    found = find_place_or_region("Mydło dla sklepiku w Barkowie")
    assert (found.place, found.voivodeship) == (None, "")


def test_a_name_a_few_villages_far_apart_share_points_at_all_of_them():
    # two villages called Sławęcinek, 54 km apart (wielkopolskie, kujawsko-pomorskie)
    found = find_place_or_region("Stowarzyszenie spod wiatraka koło Sławęcinka szuka ekipy")
    assert found.place is None
    assert [(place.name, place.voivodeship) for place in found.namesakes] == [
        ("Sławęcinek", "30"),
        ("Sławęcinek", "04"),
    ]
    assert found.namesakes[0].words == ("Sławęcinka",)
    # four Markowice and five villages "w Gruszczynie" (Gruszczyn and Gruszczyno) still do
    found = find_place_or_region("Gospodarstwo rybackie w Markowicach szuka ekipy do sprzątania")
    assert [place.voivodeship for place in found.namesakes] == ["30", "16", "04", "24"]
    assert len(find_place_or_region("Gospodarstwo w Gruszczynie zamówi 200 toreb").namesakes) == 5
    # and eight villages called Krzywe (round 54: the care home by Suwałki)
    found = find_place_or_region("Dom Seniora w Krzywem szuka dostawcy wyżywienia")
    assert len(found.namesakes) == 8
    assert "20" in {place.voivodeship for place in found.namesakes}
    # "w Międzylesiu" is four Międzyleś as much as nine Międzylesie: it says nothing
    assert find_place_or_region("Sklep w Międzylesiu zamówi 200 toreb") == (None, "", ())
    # fifteen Grabówkas say nothing
    assert find_place_or_region("Sklep w Grabówce zamówi 200 toreb").namesakes == ()
    # nor a square's name: "Pod" with a capital letter begins it (three villages are Lipy)
    text = "Rada dzielnicy organizuje w sobotę święto na placu Pod Lipami. Potrzebny catering."
    assert find_place_or_region(text) == (None, "", ())


@pytest.mark.parametrize(
    ("text", "town", "voivodeship"),
    [
        # GeoNames knows a Sułów 350 km off; the commune named is Sułów's own
        ("Urząd Gminy Sułów organizuje festyn na boisku", "Sułów", "06"),
        # two Łupowos: the one of the commune of Bogdaniec
        ("Szkoła podstawowa w Łupowie (gm. Bogdaniec) chce odnowić pokój", "Łupowo", "08"),
        # the village, not the commune's seat 5 km away
        ("Filia biblioteki w Bielawkach (gmina Kutno) szuka kogoś z busem", "Bielawki", "10"),
        ("Klub LZS z Orzeszkowa (gm. Hajnówka) szuka firmy do koszenia", "Orzeszkowo", "20"),
    ],
)
def test_of_namesakes_the_one_in_the_commune_named_is_meant(text, town, voivodeship):
    assert placed(text) == (town, voivodeship)


def test_an_abbreviations_full_stop_ends_no_sentence_before_a_place():
    # "200 szt., Kusięta" ends a search-box query; the full stop is the abbreviation's
    assert find_place("pranie koców z ośrodka wypoczynkowego, ok. 200 szt., Kusięta").name == (
        "Kusięta"
    )


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Przy budynku szkoły w Limanowej woda stoi", "Limanowa"),
        ("prowadzimy klub fitnes we Wrzosowej i szukamy firmy", "Wrzosowa"),
        # a capitalised word after a comma or in brackets is no longer name
        ("Pensjonat w Bukowsku, Beskid Niski. Chcemy kostek mydła", "Bukowsko"),
        ("We run an agritourism farm in Michałowo (Podlasie)", "Michałowo"),
    ],
)
def test_a_one_word_name_in_owa_declines_as_an_adjective_too(text, town):
    assert find_place(text).name == town


@pytest.mark.parametrize(
    ("text", "landmark", "town"),
    [
        ("Stanica wodna nad Mamrami szuka ekipy sprzątającej", "Mamry", "Węgorzewo"),
        ("Prowadzimy pensjonat pod Klimczokiem i chcemy odświeżyć jadalnię", "Klimczok", "Szczyrk"),
        ("sklepik z pamiątkami pod Babią Górą zamówi 300 owieczek", "Babia Góra", "Zawoja"),
        ("Leśniczówka w Puszczy Białowieskiej szuka kogoś do sprzątania", "Puszcza Białowieska",
         "Hajnówka"),
        ("Park rekreacyjny nad Jeziorem Bystrzyckim szuka ekipy", "Jezioro Bystrzyckie",
         "Walim"),
    ],
)  # fmt: skip
def test_a_lake_a_mountain_or_a_forest_stands_for_the_town_at_its_shore_or_foot(
    text, landmark, town
):
    place = find_place(text)
    assert place.name == landmark
    assert (place.lat, place.lon) == (find_town(town).lat, find_town(town).lon)


def test_a_landmark_after_nad_gives_way_to_a_town_named_in_the_text():
    assert find_place("Ośrodek nad Śniardwami, biuro w Olsztynie, szuka firmy").name == "Olsztyn"


@pytest.mark.parametrize(
    "text",
    [
        # Złotoria is missing from the register; Wisła the town is 400 km south
        "przystań kajakowa w Złotorii nad Wisłą szuka obsługi kawiarenki",
        "Stanica nad Wartą szuka kogoś do koszenia",
        "Festyn nad Pilicą, potrzebny catering",
    ],
)
def test_a_river_after_nad_is_never_the_town_of_its_name(text):
    assert find_place(text) is None


@pytest.mark.parametrize(
    ("text", "town", "voivodeship"),
    [
        # the register lists the commune's villages but not its seat
        ("Parafia w Korycinie ma 25 komży do poprawek", "Korycin", "20"),
        ("Urząd Gminy w Sobkowie zamawia sprzątanie", "Sobków", "26"),
        # a village of 300 people in wielkopolskie against the seat of a commune near Kraków
        ("Ośrodek jeździecki w Iwanowicach szuka dostawcy posiłków", "Iwanowice", "12"),
    ],
)
def test_a_communes_seat_missing_from_the_register_is_found_at_its_communes_middle(
    text, town, voivodeship
):
    assert placed(text) == (town, voivodeship)


def test_a_communes_seat_comes_before_a_far_village_of_the_gazetteer_of_its_name():
    # Górno by Kielce (a commune's seat), not the Górno of GeoNames 150 km south-east
    place = find_place("Przychodnia rodzinna w Górnie szuka firmy sprzątającej")
    assert place.voivodeship == "26"
    assert abs(place.lat - find_town("Kielce").lat) < 0.2


def test_of_namesakes_the_one_in_the_powiat_named_is_meant():
    # Adamów: villages in several powiats of lubelskie alone; "pow. zamojski" says which
    place = find_place("osiemnastka w sali wiejskiej w Adamowie (pow. zamojski), 60 gości")
    assert (place.name, place.voivodeship) == ("Adamów", "06")
    assert abs(place.lat - find_town("Zamość").lat) < 0.3
    assert abs(find_place("osiemnastka w Adamowie").lat - find_town("Zamość").lat) > 0.3


def test_english_names_the_powiat_by_its_seat_and_a_bracket_ends_a_name():
    # round 49: the Głuchów of the Skierniewice powiat, not the town of Głuchów by Łańcut;
    # round 48: "Sartowice (Świecie county)" is the village, not the town of Świecie
    text = "Our importer's warehouse is in Głuchów (Skierniewice county), and we"
    assert placed(text) == ("Głuchów", "10")
    assert placed("a new plant in Sartowice (Świecie county)") == ("Sartowice", "04")
    # after a bracket the name has ended; after a space or a comma a capitalised word may
    # go on as another name ("w Domu Kultury")
    assert placed("pallets made in Kwakowo (Pomorskie)") == ("Kwakowo", "22")
    assert find_place("Zajęcia w Domu Kultury") is None


@pytest.mark.parametrize(
    ("text", "town", "voivodeship"),
    [
        # the commune by Grudziądz, not the town of Rogoźno by Poznań: the Polish letters
        # written tell the namesakes apart
        ("an assembly site in Rogóźno (gmina Rogóźno) needs harnesses", "Rogóźno", "04"),
        ("Zakład w Rogoźno szuka pakowaczy", "Rogoźno", "30"),
        # declined, a name matches a village's name as written: still the town meant
        ("Wspólnota mieszkaniowa z Głogowa zleci sprzątanie klatek", "Głogów", "02"),
    ],
)
def test_of_namesakes_apart_in_polish_letters_the_one_spelled_as_written_is_meant(
    text, town, voivodeship
):
    assert placed(text) == (town, voivodeship)


@pytest.mark.parametrize(
    ("text", "town", "voivodeship"),
    [
        ("Jesteśmy stowarzyszeniem mieszkańców wsi Puchły. Szukamy ogrodnika.", "Puchły", "20"),
        ("Dla mieszkańców sołectwa Puchły szukamy opiekunek.", "Puchły", "20"),
    ],
)
def test_a_village_is_trusted_after_the_word_for_a_village(text, town, voivodeship):
    assert placed(text) == (town, voivodeship)


def test_without_it_the_same_village_is_no_place():
    assert find_place("Stowarzyszenie Puchły szuka ogrodnika do klombów.") is None


def test_a_town_after_a_capitalised_adjective_is_part_of_a_name_no_list_holds():
    # round 53: "w Pięknej Górze" is a village by Giżycko, not the town of Góra 450 km off
    assert find_place("prowadzimy pensjonat w Pięknej Górze, sprzątanie pokoi") is None
    assert find_place("dowóz z Pięknej Góry do Poznania").name == "Poznań"
    # names the lists hold whole still count, and so does a town after a lowercase adjective
    assert find_place("w Zielonej Górze").name == "Zielona Góra"
    assert find_place("pod Starym Sączem").name == "Stary Sącz"
    assert find_place("w pięknej Górze") is not None
    # a bracket between them parts the words: the powiat is read
    assert find_place("Świetlica w Bystrej (powiat bielski)").name == "powiat bielski"


def test_a_name_of_several_words_too_ambiguous_to_place_lends_no_word_to_another_place():
    # three villages called Winna Góra lie far apart; "Góry" is not the town of Góra
    assert find_place("Hurtownia warzyw z Winnej Góry szuka ekipy do łuskania bobu") is None
    place = find_place("Hurtownia z Winnej Góry, dowóz do Poznania")
    assert place.name == "Poznań"


@pytest.mark.parametrize(
    ("text", "city"),
    [
        # rounds 53 to 58: buyers name their part of the city and leave the city out
        ("Rodzinna piekarnia na Wyczerpach szuka firmy do sprzątania", "Częstochowa"),
        ("sprzątanie akademika na Lisińcu po roku akademickim", "Częstochowa"),
        ("Biuro rachunkowe na Ślichowicach szuka firmy sprzątającej", "Kielce"),
        ("Dział Żywienia szpitala na Rudaku szuka podwykonawcy", "Toruń"),
        ("filia biblioteki na Podolszycach potrzebuje sprzątania", "Płock"),
        ("zakład z Włostowic szuka kogoś do krojenia warzyw", "Puławy"),
        ("szkoła na Nowej Hucie zamówi 300 fartuchów", "Kraków"),
        ("Sprzątanie 4 klatek schodowych, 2 razy w tygodniu \u2013 Trzepowo", "Płock"),
        ("Ogród zoologiczny (teren na Kobylepolu) szuka wykonawcy", "Poznań"),  # round 61
    ],
)
def test_a_citys_district_is_the_city(text, city):
    place = find_place(text)
    assert place.name == city
    assert place.words[0] in text


def test_a_district_yields_to_a_town_or_village_of_its_name():
    # Ustronie is Radom's estate, but "w Ustroniu" is the town of Ustroń
    assert find_place("pensjonat w Ustroniu szuka pralni").name == "Ustroń"
    # one village of the register called Bierkowo is the place, not a district anywhere
    assert find_place("sprzątanie w Bierkowie").name == "Bierkowo"
    # a district needs its capital letter and a preposition
    assert find_place("sprzątanie hal, wyczerpach nie ma") is None
    assert find_place("Wyczerpy to nasza dzielnica") is None


def test_a_district_without_a_preposition_is_read_only_by_its_own_name():
    # round 41: "Leszczynek" is a village by Kutno, and a case of Gdynia's Leszczynki
    found = find_place_or_region("bus z kierowcą do rozwiezienia urn po lokalach, Leszczynek")
    assert found.place is None
    assert "10" in {place.voivodeship for place in found.namesakes}
    assert find_place("sprzątanie biura na Leszczynkach").name == "Gdynia"


def test_a_village_in_parts_is_found_by_the_word_they_share():
    # round 53: Stare and Nowe Siołkowice lie 3 km apart; people say "Siołkowice"
    assert placed("Agroturystyka w Siołkowicach szuka ekipy") == ("Nowe Siołkowice", "16")
    # a place of the name itself comes first: Krajno, not Krajno Pierwsze or Drugie
    assert find_place("Agroturystyka w Krajnie szuka ekipy").name == "Krajno"


@pytest.mark.parametrize(
    ("text", "town"),
    [
        # round 60: a lake no list of landmarks holds, by its town's adjective
        ("Klub nad Jeziorem Pakoskim szuka firmy do koszenia", "Pakość"),
        ("Ośrodek nad Jeziorem Powidzkim", "Powidz"),
        ("Stanica nad Zalewem Koronowskim", "Koronowo"),
        ("Domki przy zbiorniku Dobczyckim", "Dobczyce"),
        # a landmark the list holds keeps its town
        ("Kemping nad Jeziorem Nyskim", "Nysa"),
    ],
)
def test_a_lake_named_by_its_towns_adjective_is_that_town(text, town):
    expected = gazetteer().towns[phrase_key(town)]
    assert (find_place(text).lat, find_place(text).lon) == (expected.lat, expected.lon)


def test_a_lake_named_by_another_adjective_is_no_place():
    assert find_place("nad Jeziorem Białym") is None
    assert find_place("nad Jeziorem Długim") is None


def test_a_lake_named_by_a_noun_of_its_own_is_its_town():
    # round 61: "nad jeziorem Hańcza", lower case "jeziorem" and the lake's own name
    assert find_place("robimy nad jeziorem Hańcza sesję zdjęciową").name == "Hańcza"
    assert find_place("robimy nad jeziorem Hańcza sesję zdjęciową").voivodeship == "20"


def test_a_communes_seat_comes_before_a_small_town_named_by_its_first_word():
    # round 15: "z Janowca nad Wisłą" is the seat of the commune of Janowiec (lubelskie),
    # not Janowiec Wielkopolski 300 km off, once "Janowca" is a case of both
    place = find_place("wytwórnia soków z Janowca nad Wisłą potrzebuje rąk do obierania")
    assert (place.name, place.voivodeship) == ("Janowiec", "06")
    # a big town named by its first word keeps it
    assert find_place("firma w Ostrowie szuka szwalni").name == "Ostrów Wielkopolski"
    assert find_place("sklep w Janowcu Wielkopolskim").name == "Janowiec Wielkopolski"


def test_of_namesakes_the_one_in_the_voivodeship_named_comes_first():
    assert find_place("GOK w Osieku (świętokrzyskie) wydaje książkę", "26").voivodeship == "26"
    assert find_place("GOK w Osieku, woj. pomorskie", "22").voivodeship == "22"


def test_a_lake_named_after_a_village_alone_of_its_name_is_that_village():
    # round 64: "nad Jeziorem Zdworskim" by Zdwórz, a village the gazetteer lacks
    assert placed("kawiarnia nad Jeziorem Zdworskim szuka pralni") == ("Zdwórz", "14")


def test_a_lake_named_after_a_village_of_two_parts_is_that_village():
    # round 66: "jezioro Chrzypskie" by Chrzypsko Wielkie and Chrzypsko Małe, 2 km apart
    assert placed("stajnia z okolic jeziora Chrzypskiego") == ("Chrzypsko Wielkie", "30")


@pytest.mark.parametrize(
    ("text", "where"),
    [
        # round 66: a district of Konin, a sanctuary and a holy hill
        ("kręgielnia na Morzysławiu szuka operatora bufetu", ("Konin", "30")),
        ("catering na przegląd chórów pod Licheniem", ("Licheń", "30")),
        ("monaster na Grabarce szuka ludzi do koszenia", ("Grabarka", "20")),
    ],
)
def test_districts_and_landmarks_of_round_66(text, where):
    assert placed(text) == where


@pytest.mark.parametrize(
    ("text", "where"),
    [
        # round 68: a search box's line names its place after a dash and goes on
        (
            "pakowanie kaszy gryczanej w torebki 1 kg \u2013 Rąblów, ok. 3 tys. szt.",
            ("Rąblów", "06"),
        ),
        # a lake named after its village, and one of the Suwałki lake land
        ("gospodarstwo nad jeziorem Garczyn. Potrzebujemy 6 karmideł.", ("Garczyn", "22")),
        ("finisaż pleneru nad Szelmentem, poczęstunek dla 50 osób", ("Szelment", "20")),
    ],
)
def test_places_of_round_68(text, where):
    assert placed(text) == where


def test_a_capitalised_word_after_a_dash_and_before_a_comma_is_no_place_unless_one():
    # a firm after the dash names no place
    assert find_place("szycie toreb \u2013 Spółdzielnia, 200 szt.") is None


@pytest.mark.parametrize(
    ("text", "where"),
    [
        # round 69: two lakes, a valley, a Gdańsk estate by the sea, an Ostrów district
        ("agroturystyka nad Szurpiłami szuka prowiantu", ("Szurpiły", "20")),
        ("ośrodek nad jeziorem Niedzięgiel szuka cateringu", ("Niedzięgiel", "30")),
        ("zgromadzenie w starym młynie w Dolinie Prądnika", ("Dolina Prądnika", "12")),
        ("aparthotel w Jelitkowie szuka dostawcy śniadań", ("Gdańsk", "22")),
        ("sprzątanie zsypów w dwóch wieżowcach na Zębcowie", ("Ostrów Wielkopolski", "30")),
    ],
)
def test_places_of_round_69(text, where):
    assert placed(text) == where


@pytest.mark.parametrize(
    ("text", "where"),
    [
        # rounds 71 and 72: districts of Rzeszów, Konin and Poznań, a fortress, an arena
        ("Mamy wózek z hotdogami w Zwięczycy, potrzebujemy wizytówek", ("Rzeszów", "18")),
        ("obiady dla jadłodajni na Niesłuszu", ("Konin", "30")),
        ("Po Nocy Fortecznej na Boyenie trzeba wysprzątać bastiony", ("Boyen", "28")),
        ("spotkanie mieszkańców w Parku Sołackim, gulasz dla 150 osób", ("Park Sołacki", "30")),
        ("we run Orlen Arena and need a janitorial crew", ("Orlen Arena", "14")),
    ],
)
def test_places_of_rounds_71_and_72(text, where):
    assert placed(text) == where


def test_a_firm_named_after_its_village_places_the_request_when_nothing_else_does():
    # rounds 68 and 69: "pensjonat Sierpnica", "szkółka Zochcinek"
    assert placed("koszenie trawy przy strzelnicy, pensjonat Sierpnica, co 2 tyg.") == (
        "Sierpnica",
        "02",
    )
    assert placed("etykiety do drzewek, szkółka Zochcinek \u2013 druk 5 tys. szt.") == (
        "Zochcinek",
        "26",
    )
    # a place named besides is the place
    assert placed("pensjonat Jaworzyna w Krynicy szuka pralni") == ("Krynica-Zdrój", "12")
