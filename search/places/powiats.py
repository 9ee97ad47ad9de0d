"""Poland's 314 land powiats: the adjective that names each, its seat, its voivodeship.

A request says "powiat gnieźnieński" or "pow. poznański", never "the powiat
seated in Gniezno"; the seat's point stands for the powiat (a powiat is some
thirty kilometres across, the matcher's distance scale). City powiats are left
out: "Poznań" already names its own point. The list is the administrative
division in force since 2002, written out by voivodeship (TERYT code); a test
checks that every seat is a town the gazetteer knows, in the voivodeship
given here.
"""

from functools import cache

SEATS_BY_VOIVODESHIP = {
    "02": """bolesławiecki=Bolesławiec, dzierżoniowski=Dzierżoniów, głogowski=Głogów,
        górowski=Góra, jaworski=Jawor, jeleniogórski=Jelenia Góra,
        kamiennogórski=Kamienna Góra, kłodzki=Kłodzko, legnicki=Legnica, lubański=Lubań,
        lubiński=Lubin, lwówecki=Lwówek Śląski, milicki=Milicz, oleśnicki=Oleśnica,
        oławski=Oława, polkowicki=Polkowice, strzeliński=Strzelin, średzki=Środa Śląska,
        świdnicki=Świdnica, trzebnicki=Trzebnica, wałbrzyski=Wałbrzych, wołowski=Wołów,
        wrocławski=Wrocław, ząbkowicki=Ząbkowice Śląskie, zgorzelecki=Zgorzelec,
        złotoryjski=Złotoryja""",
    "04": """aleksandrowski=Aleksandrów Kujawski, brodnicki=Brodnica, bydgoski=Bydgoszcz,
        chełmiński=Chełmno, golubsko-dobrzyński=Golub-Dobrzyń, grudziądzki=Grudziądz,
        inowrocławski=Inowrocław, lipnowski=Lipno, mogileński=Mogilno, nakielski=Nakło nad
        Notecią, radziejowski=Radziejów, rypiński=Rypin, sępoleński=Sępólno Krajeńskie,
        świecki=Świecie, toruński=Toruń, tucholski=Tuchola, wąbrzeski=Wąbrzeźno,
        włocławski=Włocławek, żniński=Żnin""",
    "06": """bialski=Biała Podlaska, biłgorajski=Biłgoraj, chełmski=Chełm,
        hrubieszowski=Hrubieszów, janowski=Janów Lubelski, krasnostawski=Krasnystaw,
        kraśnicki=Kraśnik, lubartowski=Lubartów, lubelski=Lublin, łęczyński=Łęczna,
        łukowski=Łuków, opolski=Opole Lubelskie, parczewski=Parczew, puławski=Puławy,
        radzyński=Radzyń Podlaski, rycki=Ryki, świdnicki=Świdnik,
        tomaszowski=Tomaszów Lubelski, włodawski=Włodawa, zamojski=Zamość""",
    "08": """gorzowski=Gorzów Wielkopolski, krośnieński=Krosno Odrzańskie,
        międzyrzecki=Międzyrzecz, nowosolski=Nowa Sól, słubicki=Słubice,
        strzelecko-drezdenecki=Strzelce Krajeńskie, sulęciński=Sulęcin,
        świebodziński=Świebodzin, wschowski=Wschowa, zielonogórski=Zielona Góra,
        żagański=Żagań, żarski=Żary""",
    "10": """bełchatowski=Bełchatów, brzeziński=Brzeziny, kutnowski=Kutno, łaski=Łask,
        łęczycki=Łęczyca, łowicki=Łowicz, łódzki wschodni=Łódź, opoczyński=Opoczno,
        pabianicki=Pabianice, pajęczański=Pajęczno, piotrkowski=Piotrków Trybunalski,
        poddębicki=Poddębice, radomszczański=Radomsko, rawski=Rawa Mazowiecka,
        sieradzki=Sieradz, skierniewicki=Skierniewice, tomaszowski=Tomaszów Mazowiecki,
        wieluński=Wieluń, wieruszowski=Wieruszów, zduńskowolski=Zduńska Wola,
        zgierski=Zgierz""",
    "12": """bocheński=Bochnia, brzeski=Brzesko, chrzanowski=Chrzanów,
        dąbrowski=Dąbrowa Tarnowska, gorlicki=Gorlice, krakowski=Kraków,
        limanowski=Limanowa, miechowski=Miechów, myślenicki=Myślenice,
        nowosądecki=Nowy Sącz, nowotarski=Nowy Targ, olkuski=Olkusz,
        oświęcimski=Oświęcim, proszowicki=Proszowice, suski=Sucha Beskidzka,
        tarnowski=Tarnów, tatrzański=Zakopane, wadowicki=Wadowice, wielicki=Wieliczka""",
    "14": """białobrzeski=Białobrzegi, ciechanowski=Ciechanów, garwoliński=Garwolin,
        gostyniński=Gostynin, grodziski=Grodzisk Mazowiecki, grójecki=Grójec,
        kozienicki=Kozienice, legionowski=Legionowo, lipski=Lipsko, łosicki=Łosice,
        makowski=Maków Mazowiecki, miński=Mińsk Mazowiecki, mławski=Mława,
        nowodworski=Nowy Dwór Mazowiecki, ostrołęcki=Ostrołęka,
        ostrowski=Ostrów Mazowiecka, otwocki=Otwock, piaseczyński=Piaseczno, płocki=Płock,
        płoński=Płońsk, pruszkowski=Pruszków, przasnyski=Przasnysz, przysuski=Przysucha,
        pułtuski=Pułtusk, radomski=Radom, siedlecki=Siedlce, sierpecki=Sierpc,
        sochaczewski=Sochaczew, sokołowski=Sokołów Podlaski, szydłowiecki=Szydłowiec,
        warszawski zachodni=Ożarów Mazowiecki, węgrowski=Węgrów, wołomiński=Wołomin,
        wyszkowski=Wyszków, zwoleński=Zwoleń, żuromiński=Żuromin, żyrardowski=Żyrardów""",
    "16": """brzeski=Brzeg, głubczycki=Głubczyce, kędzierzyńsko-kozielski=Kędzierzyn-Koźle,
        kluczborski=Kluczbork, krapkowicki=Krapkowice, namysłowski=Namysłów, nyski=Nysa,
        oleski=Olesno, opolski=Opole, prudnicki=Prudnik, strzelecki=Strzelce Opolskie""",
    "18": """bieszczadzki=Ustrzyki Dolne, brzozowski=Brzozów, dębicki=Dębica,
        jarosławski=Jarosław, jasielski=Jasło, kolbuszowski=Kolbuszowa,
        krośnieński=Krosno, leski=Lesko, leżajski=Leżajsk, lubaczowski=Lubaczów,
        łańcucki=Łańcut, mielecki=Mielec, niżański=Nisko, przemyski=Przemyśl,
        przeworski=Przeworsk, ropczycko-sędziszowski=Ropczyce, rzeszowski=Rzeszów,
        sanocki=Sanok, stalowowolski=Stalowa Wola, strzyżowski=Strzyżów,
        tarnobrzeski=Tarnobrzeg""",
    "20": """augustowski=Augustów, białostocki=Białystok, bielski=Bielsk Podlaski,
        grajewski=Grajewo, hajnowski=Hajnówka, kolneński=Kolno, łomżyński=Łomża,
        moniecki=Mońki, sejneński=Sejny, siemiatycki=Siemiatycze, sokólski=Sokółka,
        suwalski=Suwałki, wysokomazowiecki=Wysokie Mazowieckie, zambrowski=Zambrów""",
    "22": """bytowski=Bytów, chojnicki=Chojnice, człuchowski=Człuchów,
        gdański=Pruszcz Gdański, kartuski=Kartuzy, kościerski=Kościerzyna,
        kwidzyński=Kwidzyn, lęborski=Lębork, malborski=Malbork,
        nowodworski=Nowy Dwór Gdański, pucki=Puck, słupski=Słupsk,
        starogardzki=Starogard Gdański, sztumski=Sztum, tczewski=Tczew,
        wejherowski=Wejherowo""",
    "24": """będziński=Będzin, bielski=Bielsko-Biała, bieruńsko-lędziński=Bieruń,
        cieszyński=Cieszyn, częstochowski=Częstochowa, gliwicki=Gliwice,
        kłobucki=Kłobuck, lubliniecki=Lubliniec, mikołowski=Mikołów, myszkowski=Myszków,
        pszczyński=Pszczyna, raciborski=Racibórz, rybnicki=Rybnik,
        tarnogórski=Tarnowskie Góry, wodzisławski=Wodzisław Śląski,
        zawierciański=Zawiercie, żywiecki=Żywiec""",
    "26": """buski=Busko-Zdrój, jędrzejowski=Jędrzejów, kazimierski=Kazimierza Wielka,
        kielecki=Kielce, konecki=Końskie, opatowski=Opatów,
        ostrowiecki=Ostrowiec Świętokrzyski, pińczowski=Pińczów, sandomierski=Sandomierz,
        skarżyski=Skarżysko-Kamienna, starachowicki=Starachowice, staszowski=Staszów,
        włoszczowski=Włoszczowa""",
    "28": """bartoszycki=Bartoszyce, braniewski=Braniewo, działdowski=Działdowo,
        elbląski=Elbląg, ełcki=Ełk, giżycki=Giżycko, gołdapski=Gołdap, iławski=Iława,
        kętrzyński=Kętrzyn, lidzbarski=Lidzbark Warmiński, mrągowski=Mrągowo,
        nidzicki=Nidzica, nowomiejski=Nowe Miasto Lubawskie, olecki=Olecko,
        olsztyński=Olsztyn, ostródzki=Ostróda, piski=Pisz, szczycieński=Szczytno,
        węgorzewski=Węgorzewo""",
    "30": """chodzieski=Chodzież, czarnkowsko-trzcianecki=Czarnków, gnieźnieński=Gniezno,
        gostyński=Gostyń, grodziski=Grodzisk Wielkopolski, jarociński=Jarocin,
        kaliski=Kalisz, kępiński=Kępno, kolski=Koło, koniński=Konin, kościański=Kościan,
        krotoszyński=Krotoszyn, leszczyński=Leszno, międzychodzki=Międzychód,
        nowotomyski=Nowy Tomyśl, obornicki=Oborniki, ostrowski=Ostrów Wielkopolski,
        ostrzeszowski=Ostrzeszów, pilski=Piła, pleszewski=Pleszew, poznański=Poznań,
        rawicki=Rawicz, słupecki=Słupca, szamotulski=Szamotuły,
        średzki=Środa Wielkopolska, śremski=Śrem, turecki=Turek, wągrowiecki=Wągrowiec,
        wolsztyński=Wolsztyn, wrzesiński=Września, złotowski=Złotów""",
    "32": """białogardzki=Białogard, choszczeński=Choszczno, drawski=Drawsko Pomorskie,
        goleniowski=Goleniów, gryficki=Gryfice, gryfiński=Gryfino, kamieński=Kamień
        Pomorski, kołobrzeski=Kołobrzeg, koszaliński=Koszalin, łobeski=Łobez,
        myśliborski=Myślibórz, policki=Police, pyrzycki=Pyrzyce, sławieński=Sławno,
        stargardzki=Stargard, szczecinecki=Szczecinek, świdwiński=Świdwin,
        wałecki=Wałcz""",
}


@cache
def powiat_seats() -> list[tuple[str, str, str]]:
    """(adjective, seat, voivodeship TERYT code) of every land powiat."""
    seats = []
    for voivodeship, listing in SEATS_BY_VOIVODESHIP.items():
        for entry in " ".join(listing.split()).split(", "):
            adjective, seat = entry.split("=")
            seats.append((adjective, seat, voivodeship))
    return seats
