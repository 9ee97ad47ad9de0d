"""Work a request declines is not asked for: the clause rule of search.understanding.declined,
on its own and through the reading of a whole request and the seed taxonomy."""

import pytest

from search.understanding.declined import without_declined


def kept(text: str) -> str:
    return " ".join(without_declined(text).split())


@pytest.mark.parametrize(
    ("text", "left"),
    [
        (
            "Trawy tam po pas, ale koszeniem zajmie się potem nasz referat. Prosimy o cenę.",
            "Trawy tam po pas, ale . Prosimy o cenę.",
        ),
        (
            "Catering mamy już zamówiony gdzie indziej. Potrzeba 8 osób do szatni.",
            ". Potrzeba 8 osób do szatni.",
        ),
        (
            "Szukamy firmy do sprzątania, cateringu nie potrzebujemy.",
            "Szukamy firmy do sprzątania, .",
        ),
        # misspelt (round 72)
        (
            "Szukamy firmy do spszątania szaletów, wykaszania nie potszebujemy.",
            "Szukamy firmy do spszątania szaletów, .",
        ),
        ("Szukamy pralni, prasowania nie potżebujemy.", "Szukamy pralni, ."),
        (
            "Mamy już sprawdzonego dostawcę pieczywa, szukamy cateringu na wesele.",
            ", szukamy cateringu na wesele.",
        ),
        ("Transport is already arranged, we need 200 aprons sewn.", ", we need 200 aprons sewn."),
        (
            "We need cleaning after the event - catering is handled in-house.",
            "We need cleaning after the event - .",
        ),
        # A cue that points back takes the clause before it too.
        (
            "W budynku działa już pralnia, więc tych usług nie potrzebujemy. Szukamy ochrony.",
            ", więc . Szukamy ochrony.",
        ),
        # What someone else already does for the buyer.
        ("Scenę i ochronę zapewnia miasto. Potrzebujemy sprzątania.", ". Potrzebujemy sprzątania."),
        ("Opiekuna w busie zapewniamy sami. Szukamy przewoźnika.", ". Szukamy przewoźnika."),
        ("Tkaninę dowieziemy sami, potrzebujemy uszycia zasłon.", ", potrzebujemy uszycia zasłon."),
        # A condition on the supplier is no second part of the request.
        (
            "Codzienne obiady do szkoły. Wymagamy własnego transportu z termosami.",
            "Codzienne obiady do szkoły. .",
        ),
        (
            "szycie zlecamy szwalni za granicą, a zdjęcia robi nam fotograf; szukamy pakowania",
            ", ; szukamy pakowania",
        ),
        # An aside in brackets about the buyer's own workrooms goes whole, and only it.
        (
            "Prowadzimy dom (mamy pracownię kulinarną, stolarską i ogród). Szukamy przewoźnika.",
            "Prowadzimy dom . Szukamy przewoźnika.",
        ),
        # What the buyer's own people already do.
        (
            "Zieleń na dachu pielęgnuje już nasz ogrodnik. Szukamy pszczelarza.",
            ". Szukamy pszczelarza.",
        ),
        (
            "Sprzątanie zapewniają nasi wolontariusze, a potrzebujemy cateringu.",
            ", a potrzebujemy cateringu.",
        ),
        (
            "Obsługę szatni zapewniamy we własnym zakresie; prosimy o catering.",
            "; prosimy o catering.",
        ),
        # Round 7: what is arranged, ordered or delivered already, and what is not organised.
        (
            "Pakowanie mamy od dawna ułożone z lokalną spółdzielnią, więc chodzi o panele.",
            ", więc chodzi o panele.",
        ),
        ("Ławki zamówiliśmy już w spółdzielni. Szukamy ślusarza.", ". Szukamy ślusarza."),
        ("Obiady dowozi nam już spółdzielnia. Szukamy lektora.", ". Szukamy lektora."),
        ("Dyplomy drukuje nam drukarnia, więc chodzi o kubki.", ", więc chodzi o kubki."),
        (
            "Sprzątanie terenu bierze na siebie nasz zakład komunalny, więc szukamy jedzenia.",
            ", więc szukamy jedzenia.",
        ),
        (
            "Salę udostępnia nam liceum, a naczynia zapewnia szkolna stołówka; prosimy o obiad.",
            ", ; prosimy o obiad.",
        ),
        (
            "Nie organizujemy stypy, więc catering nie jest potrzebny. Szukamy zakładu.",
            ", więc . Szukamy zakładu.",
        ),
        ("Obiady to nie jest przedmiot zapytania. Szukamy lektora.", ". Szukamy lektora."),
        (
            "Housekeeping is done by our own staff, so we need nothing on that side. We need "
            "extinguishers checked.",
            ", so . We need extinguishers checked.",
        ),
        (
            "Assembly is already done for us by a cooperative. We need CNC turning.",
            ". We need CNC turning.",
        ),
        # Every item of a list the clause declines goes with it.
        (
            "Catering, dekorację sali i obsługę rejestracji mamy już zamówione. Szukamy fotografa.",
            ", . Szukamy fotografa.",
        ),
        (
            "Szukamy cateringu, sprzątanie mamy już zamówione.",
            "Szukamy cateringu, .",
        ),
        # Round 9: the buyer's own team, a regular contractor, what is tendered apart.
        (
            "Koszenie terenów zielonych robimy własną ekipą, więc szukamy serwisu sprzętu.",
            ", więc szukamy serwisu sprzętu.",
        ),
        (
            "Samo sadzenie zrobi potem nasz stały wykonawca. Potrzebny jest projekt.",
            ". Potrzebny jest projekt.",
        ),
        (
            "We are not looking for anyone to run the cafés. We need a technician.",
            ". We need a technician.",
        ),
        (
            "The fit-out itself will be tendered separately. We need a designer.",
            ". We need a designer.",
        ),
        (
            "Mamy w pracowni piec, który nie grzeje. Szukamy serwisu.",
            ", który nie grzeje. Szukamy serwisu.",
        ),
        (
            "Klatek schodowych nie trzeba sprzątać, mamy na to firmę. Szukamy kominiarza.",
            ", mamy na to firmę. Szukamy kominiarza.",
        ),
        # Work already done, named as the time after it.
        (
            "Po wymianie okien i malowaniu hali zostało pobojowisko: pył i folie.",
            "zostało pobojowisko: pył i folie.",
        ),
        ("Sprzątanie biura po remoncie, 300 m².", "Sprzątanie biura , 300 m²."),
        # Work that frames the request at a sentence's start: when, not what (round 28).
        (
            "Piszę z biura. Przy przeprowadzce do nowej siedziby chcemy zeskanować akta.",
            "Piszę z biura. do nowej siedziby chcemy zeskanować akta.",
        ),
        ("Przed przeprowadzką trzeba zeskanować akta.", "trzeba zeskanować akta."),
        # the work first, then who else does it (round 32)
        ("Druk informatora. Kolportażem zajmą się sołtysi.", "Druk informatora. ."),
        ("Obiad dla 300 osób. Kolportażem ulotek zajmą się sołtysi.", "Obiad dla 300 osób. ."),
        (
            "Podczas remontu i malowania szkoły potrzebne sprzątanie.",
            "szkoły potrzebne sprzątanie.",
        ),
        ("After the renovation we need a cleaning crew.", "need a cleaning crew."),
        # the work asked for after it stays
        ("Catering, a po imprezie sprzątanie sali.", "Catering, a sprzątanie sali."),
        # the buyer's side takes care of it (rounds 47, 50)
        (
            "Uszycie 4000 pokrowców. Pakowanie i transport są po naszej stronie.",
            "Uszycie 4000 pokrowców. .",
        ),
        # counting the parts or telling the time is no work done (round 48)
        ("Po drugie sprzątania budynku przystani.", "Po drugie sprzątania budynku przystani."),
        ("Po południu sprzątania sali.", "Po południu sprzątania sali."),
        # arranged, or done by someone else, or by the buyer's own people (round 17)
        (
            "Scena, nagłośnienie i poczęstunek są już zamówione. Chcemy pokazu ogni.",
            ", . Chcemy pokazu ogni.",
        ),
        ("Nowe regały robi już stolarz. Trzeba zeskanować akta.", ". Trzeba zeskanować akta."),
        ("Tarcze zrobił nam już stolarz, szukamy preparatora.", ", szukamy preparatora."),
        ("Paczki pakują nasi wolontariusze. Potrzebny bus.", ". Potrzebny bus."),
        ("Pliki PDF przygotuje nasz grafik, potrzebny druk.", ", potrzebny druk."),
        (
            "Malowaniem ścian zajmie się osobno firma budowlana. Szukamy konserwatora.",
            ". Szukamy konserwatora.",
        ),
        ("Kostki do mycia włosów. Etykiety i pudełka mamy swoje.", "Kostki do mycia włosów. ."),
        (
            "Bottles and printed boxes come from us, no design or printing needed. 1,500 boxes.",
            ", . 1,500 boxes.",
        ),
        (
            "We deliver all the parts and the bags. Pegs put together by hand.",
            ". Pegs put together by hand.",
        ),
        (
            "Mamy swoją kuchnię, ale potrzebujemy obierania warzyw.",
            ", ale potrzebujemy obierania warzyw.",
        ),
        (
            "Ekipa wypełni dziury masą, a na koniec posprząta resztki z jezdni. 350 m².",
            "Ekipa wypełni dziury masą, . 350 m².",
        ),
        ("Magnesy, klej i oczka dajemy my. Termin 3 tygodnie.", ", . Termin 3 tygodnie."),
        # the cooperative sought, not someone else: kept
        (
            "Poczęstunek, obsługa szatni, a na koniec posprzątanie sali.",
            "Poczęstunek, obsługa szatni, a na koniec posprzątanie sali.",
        ),
        (
            "Szukamy firmy, która zajmie się sprzątaniem.",
            "Szukamy firmy, która zajmie się sprzątaniem.",
        ),
        ("Kto zrobi nam już w marcu 200 fartuchów?", "Kto zrobi nam już w marcu 200 fartuchów?"),
        # a list a leading cue begins runs to the sentence's end, item by item ...
        (
            "We do not need PCB assembly, final assembly of the fixtures or packaging. Price?",
            ", . Price?",
        ),
        ("Nie potrzebujemy transportu, pakowania ani etykiet. Szyjemy.", ", . Szyjemy."),
        # ... and stops at a clause that asks, or one too long to be an item
        (
            "Nie potrzebujemy transportu, potrzebujemy tylko uszycia toreb.",
            ", potrzebujemy tylko uszycia toreb.",
        ),
        (
            "We don't need transport, the 300 aprons must be sewn in our own colours and sizes.",
            ", the 300 aprons must be sewn in our own colours and sizes.",
        ),
        # what stays with the buyer
        (
            "We supply the wire; the ovens and the final assembly stay with us. Price?",
            "We supply the wire; . Price?",
        ),
        # rounds 65 to 69: made already, bought elsewhere or under contract, declined "too"
        (
            "Do pakietów włożymy ulotkę z zaleceniami, ulotki są już wydrukowane. Ok. 800.",
            "Do pakietów włożymy ulotkę z zaleceniami, . Ok. 800.",
        ),
        ("Pakowanie w czteropaki. Puszki są zadrukowane.", "Pakowanie w czteropaki. ."),
        (
            "Potrzebujemy ludzi do przeprowadzki biblioteki, księgozbiór jest spakowany.",
            "Potrzebujemy ludzi do przeprowadzki biblioteki, .",
        ),
        ("Kremacja zwierząt. Urny ceramiczne mamy od innego dostawcy.", "Kremacja zwierząt. ."),
        (
            "Serwis sejfu. Sprzątanie skarbca i drobne naprawy mamy w umowie z inną firmą.",
            "Serwis sejfu. .",
        ),
        ("Projektu ani druku nie potrzebujemy, rozwiezienia do mieszkań też nie.", ", ."),
    ],
)
def test_the_clause_that_declines_work_is_taken_out_and_the_rest_kept(text, left):
    assert kept(text) == left


@pytest.mark.parametrize(
    "text",
    [
        "Potrzebujemy cateringu już w marcu, nie później niż 15 marca.",
        "Szukamy firmy, która już teraz przyjmie zlecenie na szycie.",
        "Nie ma u nas kuchni, dlatego szukamy cateringu.",
        "We need the aprons already hemmed, not later than Friday.",
        "Prosimy dostarczyć nam już w marcu 200 fartuchów.",
        "Szukamy firmy, która zapewnia catering na 100 osób.",
        # A team or a supplier named as what is sought, not as the buyer's own.
        "Szukamy firmy z własną ekipą do sprzątania biura.",
        "Chcemy zmienić naszego dostawcę cateringu na spółdzielnię.",
        # "po" before an amount or a manner names no work done.
        "Pakowanie po 12 sztuk do kartonu.",
        "Opisy produktów po angielsku.",
        # "przy" asks for the work inside a sentence, and "przy okazji" is "by the way".
        "Szukamy pomocy przy przeprowadzce biura.",
        "Przy okazji potrzebujemy uszycia zasłon.",
        # a question, and "też" asking for more
        "Czy są Państwo gotowi przyjąć zlecenie na szycie?",
        "Potrzebujemy też nie tylko sprzątania, ale i prania.",
    ],
)
def test_now_and_not_alone_decline_nothing(text):
    assert kept(text) == " ".join(text.split())


@pytest.mark.parametrize(
    ("text", "asked", "declined"),
    [
        (
            "Organizujemy kongres dla 400 osób i szukamy ekipy do obsługi szatni i rejestracji "
            "gości. Catering mamy już zamówiony gdzie indziej.",
            "event_support",
            "catering",
        ),
        (
            "Szukamy firmy do prania pościeli i ręczników. Sprzątanie pokoi robimy we własnym "
            "zakresie, więc tego nie potrzebujemy.",
            "laundry",
            "cleaning",
        ),
        (
            "We are looking for someone to sew 300 tote bags. Printing is already arranged "
            "with our usual print shop.",
            "sewing",
            "printing",
        ),
    ],
)
def test_a_request_asks_only_for_the_work_it_does_not_decline(
    taxonomy, kinds_read, text, asked, declined
):
    found = kinds_read(text)
    assert asked in found
    assert declined not in found
    # The same words without the declining clause would ask for it: the rule is what removes it.
    assert declined in taxonomy.capabilities_in(text)
