"""Who writes is not what they ask for: the sender's clause of search.understanding.sender,
on its own and through the reading of a whole request and the seed taxonomy."""

import pytest

from search.understanding.sender import without_sender


def kept(text: str) -> str:
    return " ".join(without_sender(text).split())


@pytest.mark.parametrize(
    ("text", "left"),
    [
        (
            "Jesteśmy restauracją z cateringiem w Zambrowie. Potrzebujemy doradcy.",
            ". Potrzebujemy doradcy.",
        ),
        ("Prowadzimy szwalnię, maszyny wymagają przeglądu.", ", maszyny wymagają przeglądu."),
        (
            "Hello, we own three small cafés. Our machines need servicing.",
            ("Hello, . Our machines need servicing."),
        ),
        # whom the sender employs, and at what (round 19)
        (
            "Rusza sezon i zatrudniamy 200 osób na liniach sortowania. Potrzebujemy kamizelek.",
            "Rusza sezon i . Potrzebujemy kamizelek.",
        ),
        # the business the sender has, a place taken out of it (round 19)
        (
            "Mamy  małą tłocznię oleju lnianego. Potrzebujemy kostek do mycia rąk.",
            ". Potrzebujemy kostek do mycia rąk.",
        ),
        # The clause ends where the sender starts asking.
        (
            "Jesteśmy szwalnią i szukamy podwykonawcy do szycia fartuchów.",
            "szukamy podwykonawcy do szycia fartuchów.",
        ),
        (
            "We are a start-up in Lublin looking for a team to sew 300 bags.",
            "looking for a team to sew 300 bags.",
        ),
        # The sender named with what it does, opening its clause (round 42).
        (
            "Firma z Raby kompletująca zestawy podróżne potrzebuje 1500 masek do spania.",
            "potrzebuje 1500 masek do spania.",
        ),
        (
            "Dzień dobry, zakład produkujący okna szuka firmy do sprzątania hali.",
            "Dzień dobry, szuka firmy do sprzątania hali.",
        ),
        # What the sender makes where it writes from (round 71).
        (
            "Piszemy z oberży, w której ręcznie robimy kluski. Potrzebujemy stolnic.",
            "Piszemy z oberży, . Potrzebujemy stolnic.",
        ),
        (
            "Mamy kuchnię, gdzie gotujemy dla szkół, i szukamy pralni.",
            "Mamy kuchnię, , i szukamy pralni.",
        ),
        # What the money raised is for is not asked for either.
        (
            "Zbieramy na remont organów i potrzebujemy 2000 cegiełek.",
            "potrzebujemy 2000 cegiełek.",
        ),
        (
            "Robimy kiermasz, z którego dochód idzie na nowe ławki. Prosimy o aniołki.",
            "Robimy kiermasz, z którego . Prosimy o aniołki.",
        ),
        (
            "We are raising money for a new roof and need 300 mugs.",
            "need 300 mugs.",
        ),
        # a business opening the clause that asks, up to its verb
        ("Palarnia kawy z Kobylina zamówi 4000 worków z juty.", "zamówi 4000 worków z juty."),
        (
            "Dzień dobry, mała rodzinna piekarnia z Bierutowa ma pięć aut do oklejenia.",
            "Dzień dobry, ma pięć aut do oklejenia.",
        ),
    ],
)
def test_the_clause_that_says_who_writes_is_taken_out(text, left):
    assert kept(text) == left


@pytest.mark.parametrize(
    "text",
    [
        "Jesteśmy zainteresowani zamówieniem 500 kubków ceramicznych.",
        "We are looking for a cooperative to sew 300 aprons.",
        "We are interested in catering for 80 people.",
        "Szukamy firmy do sprzątania biura, jesteśmy w stanie zapłacić z góry.",
        # the firm asked for, not the sender
        "Potrzebna firma sprzątająca do biura w Kutnie.",
        "Zrobi to firma sprzątająca z Kutna.",
        # not a public body or a school opening the clause: "przedszkole" tells the lunches
        # whom they are for
        "Niepubliczne przedszkole z Tarnowa szuka dostawcy obiadów.",
        # "do" begins the work, not the sender
        "Firma do sprzątania biur poszukuje podwykonawcy.",
        # a business named as the object of the asking, not its subject
        "Szukamy firmy, która uszyje 300 fartuchów.",
    ],
)
def test_asking_in_the_first_person_is_no_sender(text):
    assert kept(text) == " ".join(text.split())


@pytest.mark.parametrize(
    ("text", "sender_kind"),
    [
        (
            "Jesteśmy nowo otwartą restauracją z cateringiem. Potrzebujemy pomocy przy "
            "wdrożeniu procedur sanepidu i szkolenia personelu.",
            "catering",
        ),
        (
            "Hello, we own three small cafés in Wadowice. Our machines need a technician "
            "every quarter.",
            "cafe",
        ),
        # the sender as the subject of the clause that asks (round 46)
        (
            "Sklep internetowy z artykułami dla niemowląt zamówi 400 ręczników z kapturem "
            "(bawełniana frotte, 80 x 80 cm), dostawa do 15 kwietnia.",
            "e_commerce",
        ),
    ],
)
def test_the_senders_own_trade_is_not_asked_for(taxonomy, kinds_read, text, sender_kind):
    assert sender_kind not in kinds_read(text)
    # The same words read whole would ask for it: the rule is what removes it.
    assert sender_kind in taxonomy.capabilities_in(text)


@pytest.mark.parametrize(
    ("text", "left"),
    [
        # round 72: the buyer's own business as whom the work is for
        (
            "zrobi dla naszego software house'u 3 000 vlepek z sygnetem",
            "zrobi 3 000 vlepek z sygnetem",
        ),
        ("etykiety dla naszej piekarni rzemieślniczej, 2 tys. szt.", "etykiety , 2 tys. szt."),
        ("lunch boxes for our office in Warsaw", "lunch boxes in Warsaw"),
        # only the noun and its adjective: the work after them stays
        ("dla naszych pracowników obiady dwudaniowe", "obiady dwudaniowe"),
    ],
)
def test_the_buyers_own_business_the_work_is_for_is_not_asked_for(text, left):
    assert kept(text) == left


def test_the_buyers_own_business_does_not_ask_for_its_trade(kinds_read):
    text = "Szukamy wykonawcy, który zrobi dla naszego software house'u 3 000 vlepek."
    assert kinds_read(text) == ["printing"]


def test_a_sender_asking_for_their_own_trade_still_asks_for_it(kinds_read):
    text = "Jesteśmy szwalnią z Łodzi i szukamy podwykonawcy do uszycia 2000 fartuchów."
    assert kinds_read(text) == ["sewing"]
