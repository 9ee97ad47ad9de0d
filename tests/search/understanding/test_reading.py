"""A whole request is read apart: the work in its words, and where, how much, by when and
with which certificates, each taken out of the words."""

from datetime import date

from search.capacity import Quantity
from search.places.gazetteer import gazetteer, phrase_key
from search.understanding import Reading, read_request, without_words

TODAY = date(2026, 5, 10)


def _point(town: str) -> tuple[float, float]:
    found = gazetteer().towns[phrase_key(town)]
    return found.lat, found.lon


def test_a_letter_is_read_into_its_parts():
    reading = read_request(
        "Dzień dobry, szukamy spółdzielni do uszycia 2 tys. fartuchów z logo, dostawa do "
        "Gniezna do 15 marca, wymagany HACCP. Pozdrawiam, Jan Kalisz",
        TODAY,
    )
    assert reading.words == "do uszycia fartuchów z logo, dostawa"
    assert (reading.place.name, (reading.place.lat, reading.place.lon)) == (
        "Gniezno",
        _point("Gniezno"),
    )
    assert reading.voivodeship == ""
    assert reading.quantity == Quantity(2000, "szt.")
    assert reading.deadline == date(2027, 3, 15)
    assert reading.certifications == ("haccp",)


def test_a_rate_a_region_and_two_certificates_are_read_and_the_signature_gives_the_address():
    reading = read_request(
        "Dzień dobry,\nSzanowni Państwo, zwracam się z zapytaniem ofertowym. Nasza firma chce "
        "wesprzeć lokalną spółdzielnię socjalną z Małopolski. Potrzebujemy codziennie 120 "
        "obiadów dla pracowników, od 1 czerwca. Wymagane zatwierdzenie sanepidu i HACCP.\n"
        "Z poważaniem\nAnna Nowak\nFirma XYZ sp. z o.o.\nul. Polna 5, 62-200 Gniezno\n"
        "tel. 600 100 200",
        TODAY,
    )
    assert reading.words == "obiadów dla pracowników, i"
    assert reading.voivodeship == "12"
    assert reading.quantity == Quantity(120, "posiłków", "day")
    assert reading.deadline is None  # 1 June is when it starts
    assert reading.certifications == ("sanepid", "haccp")
    assert reading.place.name == "Gniezno"  # from the address: the body names no town


def test_a_request_typed_without_polish_letters_is_read_alike():
    reading = read_request("szukamy firmy sprzatajacej biura 300 m2 okolice radomia", TODAY)
    assert reading == Reading(
        words="sprzatajacej biura",
        place=reading.place,
        quantity=Quantity(300, "m²"),
    )
    assert reading.place.name == "Radom"


def test_an_english_request_is_read():
    reading = read_request(
        "We are looking for a social cooperative to pack 5000 pcs per month near Wrocław, "
        "ISO 9001 required, by 15 March. Kind regards, John Smith",
        TODAY,
    )
    assert reading.words == "a to pack"
    assert reading.place.name == "Wrocław"
    assert reading.quantity == Quantity(5000, "szt.", "month")
    assert reading.deadline == date(2027, 3, 15)
    assert reading.certifications == ("iso9001",)


def test_a_town_with_a_regions_adjective_is_a_place_not_a_region():
    reading = read_request("Sprzątanie biur w Rudzie Śląskiej", TODAY)
    assert (reading.place.name, reading.voivodeship, reading.words) == (
        "Ruda Śląska",
        "",
        "Sprzątanie biur",
    )


def test_a_region_named_settles_a_powiat_two_voivodeships_share():
    silesian = read_request("Koszenie trawy w powiecie średzkim, Dolny Śląsk", TODAY)
    greater_poland = read_request("Koszenie trawy w powiecie średzkim", TODAY)
    assert (silesian.place.voivodeship, silesian.voivodeship) == ("02", "02")
    assert (greater_poland.place.voivodeship, greater_poland.voivodeship) == ("30", "")
    assert silesian.words == greater_poland.words == "Koszenie trawy"


def test_a_village_name_of_one_voivodeship_is_read_as_that_region():
    reading = read_request("Pensjonat w Bogaczewie: sprzątanie 14 pokoi co sobotę", TODAY)
    # three Bogaczewos, all in warmińsko-mazurskie: no point, but the region
    assert (reading.place, reading.voivodeship) == (None, "28")


def test_a_region_and_a_town_are_both_read():
    reading = read_request("koszenie trawników 2 ha w woj. małopolskim, w Krakowie", TODAY)
    assert (reading.words, reading.place.name, reading.voivodeship) == (
        "koszenie trawników",
        "Kraków",
        "12",
    )
    assert reading.quantity == Quantity(20000, "m²")


def test_numbers_of_certificates_dates_and_phones_are_not_amounts():
    reading = read_request(
        "Pakowanie zestawów, ISO 9001, do 20.04, tel. 600 100 200, budżet do 5000 zł", TODAY
    )
    assert reading.quantity is None
    assert reading.deadline == date(2027, 4, 20)
    assert reading.certifications == ("iso9001",)


def test_a_request_with_nothing_to_read_keeps_its_words():
    assert read_request("szycie fartuchów", TODAY) == Reading(words="szycie fartuchów")


def test_words_are_blanked_as_a_phrase_where_they_stand_together():
    text = "w biurze, dostawa w Gnieźnie"
    assert " ".join(without_words(text, ("w", "Gnieźnie")).split()) == "w biurze, dostawa"


def test_a_town_in_an_organisations_name_gives_way_to_the_town_the_request_names():
    reading = read_request(
        "We manage „Jaworzyna Residence”, a spa hotel in Krynica-Zdrój, and need soap bars.",
        TODAY,
    )
    assert reading.place.name == "Krynica-Zdrój"


def test_a_town_only_in_an_organisations_name_is_still_the_place():
    reading = read_request(
        "Stowarzyszenie „Razem w Gnieźnie” szuka przewoźnika dla uczestników.", TODAY
    )
    assert reading.place.name == "Gniezno"


def test_the_words_of_two_dates_are_blanked_where_each_stands():
    # Blanked word by word, the "w" of the second date was taken from "w Tomaszowie".
    reading = read_request(
        "Jarmark 22 sierpnia na placu w Tomaszowie Lubelskim, porządek po imprezie. "
        "Płatność w ciągu 14 dni.",
        TODAY,
    )
    assert reading.place.name == "Tomaszów Lubelski"
    assert "Tomaszowie" not in reading.words
    assert "porządek" in reading.words  # "po imprezie": the fair is over (declined.DONE)


def test_a_village_after_a_dash_is_read_where_a_date_before_it_was_taken_out():
    # round 53: the deadline is blanked, and the dash still marks the place that ends the line
    line = "Szkliwione plakietki ceramiczne z herbem gminy, ok. 60 szt. do 15 maja 2027"
    reading = read_request(line + " \u2013 Siołkowice", TODAY)
    assert reading.place.name == "Nowe Siołkowice"
    assert reading.deadline == date(2027, 5, 15)


def test_a_voivodeship_written_right_after_a_village_elsewhere_wins():
    # round 61: the register's Stożne lie in warmińsko-mazurskie, the buyer writes Lubuskie
    reading = read_request("a conference hotel in Stożne (Lubuskie), Poland. We need", TODAY)
    assert (reading.place, reading.voivodeship) == (None, "08")
    assert "Stożne" not in reading.words
    # a region's adjective elsewhere in the text leaves the village alone
    reading = read_request("GOK w Łubnianach zamówi lampiony z wyciętym wzorem śląskim", TODAY)
    assert reading.place.name == "Łubniany"


def test_a_regions_name_is_not_the_village_of_that_name():
    # round 65: "ze Śląska" read the village Śląsko, 300 km from Silesia
    reading = read_request("Zależy nam na firmie ze Śląska, składanie otwieraczy", TODAY)
    assert (reading.place, reading.voivodeship) == (None, "24")
    # a place named besides is the place
    reading = read_request("A festival at Expo Silesia in Sosnowiec, we need a team", TODAY)
    assert reading.place.name == "Sosnowiec"


def test_a_powiat_written_after_a_village_outside_it_is_the_place():
    # round 65: the register's only Nadbrzeż lies by Otwock, 250 km from powiat elbląski
    reading = read_request("Browar z Nadbrzeża (pow. elbląski) zleci pakowanie puszek", TODAY)
    assert reading.place.name == "powiat elbląski"
    assert "Nadbrzeża" not in reading.words
