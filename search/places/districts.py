"""Districts and estates of Polish cities, by the names their people use ("na Wyczerpach",
"na Lisińcu", "na Rudaku"), each pointing at its city.

Buyers name their own part of a city and leave the city out: a bakery "na Wyczerpach"
is in Częstochowa, a sports club "na Szydłówku" in Kielce. Neither the gazetteer nor
the register of localities knows such names (the register lists villages, and a
village of the same name often lies far away), so the city is found here.

Written for this project from general knowledge of the cities, one line per city:
the districts and estates best known by name. Left out: names every city has
("Śródmieście", "Stare Miasto", "Zatorze", "Nowe Miasto", "Centrum"), names two
cities share ("Bielany", "Bronowice", "Gocław", "Podgórze"), names of countries
and cities abroad ("Praga", "Włochy"), ordinary words ("Górna", "Piaski",
"Ogrody") and names of towns or regions ("Chełm", "Polesie", "Błonie").
"""

from functools import cache

from search.places.declension import name_forms
from search.places.gazetteer import phrase_key

DISTRICTS = {
    "Warszawa": """Bemowo, Białołęka, Mokotów, Ochota, Praga-Południe, Praga-Północ,
        Rembertów, Targówek, Ursus, Ursynów, Wawer, Wesoła, Wilanów, Wola, Żoliborz,
        Saska Kępa, Tarchomin, Bródno, Natolin, Kabaty, Służewiec, Muranów, Powiśle,
        Grochów, Sadyba, Stegny, Chomiczówka, Wawrzyszew, Młociny, Marymont, Jelonki""",
    "Kraków": """Nowa Huta, Krowodrza, Zwierzyniec, Dębniki, Łagiewniki, Prokocim,
        Bieżanów, Swoszowice, Czyżyny, Mistrzejowice, Bieńczyce, Prądnik Biały,
        Prądnik Czerwony, Grzegórzki, Salwator, Ruczaj, Kurdwanów, Azory, Kliny,
        Wola Justowska, Tyniec, Łobzów""",
    "Wrocław": """Krzyki, Fabryczna, Psie Pole, Biskupin, Sępolno, Karłowice, Nadodrze,
        Ołbin, Leśnica, Kozanów, Gądów Mały, Oporów, Muchobór, Maślice, Jagodno,
        Klecina, Partynice, Pilczyce, Popowice, Swojczyce, Zakrzów, Różanka, Tarnogaj""",
    "Poznań": """Jeżyce, Łazarz, Wilda, Rataje, Winogrady, Piątkowo, Naramowice, Górczyn,
        Junikowo, Ławica, Smochowice, Podolany, Strzeszyn, Sołacz, Starołęka, Dębiec,
        Świerczewo, Szczepankowo, Spławie, Antoninek, Garbary, Chwaliszewo, Śródka,
        Chartowo, Żegrze, Morasko, Umultowo, Kiekrz, Krzyżowniki, Kobylepole, Franowo,
        Marcelin, Łacina""",
    "Gdańsk": """Wrzeszcz, Oliwa, Przymorze, Zaspa, Żabianka, Orunia, Stogi, Brzeźno,
        Nowy Port, Morena, Jasień, Ujeścisko, Łostowice, Letnica, Przeróbka,
        Wyspa Sobieszewska, Matarnia, Kokoszki, Brętowo, Suchanino, Jelitkowo""",
    "Gdynia": """Chylonia, Cisowa, Demptowo, Działki Leśne, Grabówek, Karwiny, Leszczynki,
        Mały Kack, Obłuże, Oksywie, Orłowo, Redłowo, Wielki Kack, Witomino, Babie Doły""",
    "Szczecin": """Pogodno, Niebuszewo, Gumieńce, Pomorzany, Dąbie, Prawobrzeże, Warszewo,
        Żelechowa, Golęcino, Słoneczne, Klęskowo, Podjuchy, Zdroje, Turzyn, Niemierzyn,
        Krzekowo, Bezrzecze""",
    "Bydgoszcz": """Fordon, Wyżyny, Szwederowo, Bartodzieje, Kapuściska, Górzyskowo,
        Miedzyń, Osowa Góra, Czyżkówko, Okole, Wzgórze Wolności, Jachcice, Smukała,
        Łęgnowo, Zimne Wody, Brdyujście""",
    "Toruń": """Rubinkowo, Na Skarpie, Chełmińskie Przedmieście, Bydgoskie Przedmieście,
        Jakubskie Przedmieście, Mokre, Podgórz, Stawki, Rudak, Barbarka, Czerniewice,
        Wrzosy, Koniuchy, Katarzynka, Kaszczorek""",
    "Łódź": """Bałuty, Widzew, Teofilów, Retkinia, Karolew, Koziny, Radogoszcz, Julianów,
        Stoki, Chojny, Olechów, Zarzew, Marysin, Nowosolna, Lublinek, Ruda Pabianicka,
        Rokicie, Kurczaki, Stare Polesie, Żubardź""",
    "Lublin": """Czechów, Kalinowszczyzna, Tatary, Wieniawa, Sławinek, Czuby, Węglin,
        Kośminek, Felin, Hajdów, Ponikwoda, Zemborzyce, Sławin, Wrotków""",
    "Białystok": """Antoniuk, Bojary, Dziesięciny, Wysoki Stoczek, Bacieczki,
        Zielone Wzgórza, Dojlidy, Skorupy, Starosielce, Słoneczny Stok, Leśna Dolina,
        Białostoczek, Jaroszówka""",
    "Kielce": """Ślichowice, Szydłówek, Barwinek, Czarnów, Białogon, Baranówek, Bocianek,
        Uroczysko, Bukówka, Słowik, Kadzielnia""",
    "Częstochowa": """Wyczerpy, Wyczerpy Górne, Wyczerpy Dolne, Lisiniec, Tysiąclecie,
        Parkitka, Błeszno, Stradom, Ostatni Grosz, Kiedrzyn, Mirów, Gnaszyn, Dźbów,
        Kawodrza, Trzech Wieszczów""",
    "Olsztyn": """Kortowo, Jaroty, Pieczewo, Nagórki, Dajtki, Gutkowo, Redykajny, Likusy,
        Kormoran, Podgrodzie""",
    "Katowice": """Ligota, Brynów, Załęże, Bogucice, Szopienice, Giszowiec, Nikiszowiec,
        Murcki, Kostuchna, Koszutka, Wełnowiec, Józefowiec, Panewniki""",
    "Opole": """Bierkowice, Zaodrze, Malinka, Szczepanowice, Gosławice, Grudzice, Półwieś,
        Nowa Wieś Królewska, Groszowice, Grotowice, Chmielowice""",
    "Rzeszów": """Baranówka, Staromieście, Pobitno, Drabinianka, Słocina, Budziwój,
        Przybyszówka, Wilkowyja, Staroniwa, Zwięczyca""",
    "Płock": """Podolszyce, Radziwie, Borowiczki, Trzepowo, Imielnica, Ciechomice""",
    "Zielona Góra": """Jędrzychów, Chynów, Łężyca, Ochla, Przylep, Stary Kisielin,
        Nowy Kisielin, Raculka, Drzonków""",
    "Gorzów Wielkopolski": """Zakanale, Zawarcie, Karnin, Siedlice, Wieprzyce, Małyszyn,
        Chróścik""",
    "Inowrocław": """Mątwy, Rąbin, Rąbinek, Szymborze""",
    "Puławy": """Włostowice, Górna Niwa, Wólka Profecka""",
    "Radom": """Ustronie, Gołębiów, Zamłynie, Wacyn, Firlej, Glinice, Obozisko, Długojów,
        Potkanów, Idalin, Wośniki, Malenice""",
    "Zamość": """Karolówka, Planty, Zamoście""",
    "Bielsko-Biała": """Mikuszowice, Straconka, Olszówka, Wapienica, Komorowice,
        Aleksandrowice, Hałcnów, Złote Łany, Leszczyny, Górne Przedmieście,
        Stare Bielsko""",
    "Jelenia Góra": """Cieplice, Cieplice Śląskie-Zdrój, Sobieszów, Jagniątków, Maciejowa,
        Zabobrze, Goduszyn""",
    "Wałbrzych": """Piaskowa Góra, Biały Kamień, Sobięcin, Szczawienko, Stary Zdrój,
        Rusinowa, Poniatów, Książ, Konradów""",
    "Gliwice": """Sośnica, Łabędy, Bojków, Szobiszowice, Sikornik, Ligota Zabrska, Trynek,
        Stare Gliwice, Ostropa""",
    "Nowy Sącz": """Gołąbkowice, Biegonice, Zabełcze, Chruślice, Poręba Mała,
        Przetakówka, Falkowa""",
    "Grudziądz": """Tarpno, Mniszek, Rządz, Strzemięcin, Kuntersztyn, Owczarki""",
    "Kalisz": """Dobrzec, Majków, Rajsków, Zagorzynek, Szczypiorno, Piwonice, Rypinek""",
    "Koszalin": """Rokosowo, Jedliny""",
    "Konin": """Morzysław, Chorzeń, Pątnów, Laskówiec, Czarków, Niesłusz""",
    "Ostrów Wielkopolski": """Zębców""",
    "Słupsk": """Ryczewo""",
}


@cache
def district_forms() -> dict[str, tuple[str, str]]:
    """Every case form of every district (folded phrase) → (district, city)."""
    forms: dict[str, tuple[str, str]] = {}
    for city, names in DISTRICTS.items():
        for name in " ".join(names.split()).split(", "):
            for form in name_forms(name):
                forms.setdefault(phrase_key(form), (name, city))
    return forms
