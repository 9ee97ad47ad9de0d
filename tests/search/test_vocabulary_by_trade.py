"""The per-trade vocabulary review (docs/vocabulary.md, "Round 5"): a sample of its terms
read through the seed taxonomy as buyers write them, and the words it chose to leave out
because they name the work of another trade, or none, in ordinary letters."""

import pytest

from search.taxonomy import seed_taxonomy


@pytest.fixture(scope="module")
def taxonomy():
    return seed_taxonomy()


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # things: objects of the trade, named as the order
        ("200 kitli laboratoryjnych i czepki na gumce", ["sewing"]),
        ("fartuszki z kieszonką dla przedszkola", ["sewing"]),
        ("10 ławostołów i 4 leżaki z modrzewia", ["carpentry"]),
        ("filiżanki i spodki z logo", ["ceramics"]),
        ("nakładanie o-ringów i podkładek na złączki", ["light_assembly"]),
        ("druki akcydensowe: papier firmowy i bloczki", ["printing"]),
        # trade jargon, regional and colloquial words, loanwords
        ("położenie fliz w łazience", ["renovation"]),
        ("ekipa z podkaszarkami na zarośnięte skarpy", ["green_maintenance"]),
        ("stypa dla 70 osób po pogrzebie", ["catering"]),
        ("relabeling i przepak towaru z importu", ["co_packing"]),
        ("zgrzewki po sześć słoików w folię termokurczliwą", ["co_packing"]),
        ("teleumawianie spotkań dla handlowców (outbound)", ["call_center"]),
        ("certyfikat SSL wygasł, a na stronce nie działa formularz", ["it_services"]),
        ("ogarnianie sklepiku na Etsy i nadanie w paczkomacie", ["e_commerce"]),
        ("kurtki ze zwrotów z wyrwanymi suwakami do stanu sprzedażowego", ["textile_repair"]),
        ("krochmalenie serwet weselnych", ["laundry"]),
        ("konfekcja kabli: zaciskanie pinów i koszulki termokurczliwe", ["electrical_assembly"]),
        ("trzeba zrobić porządek po budowlańcach w biurze", ["cleaning"]),
        ("private label: mydło w kostce pod naszą marką", ["soap_making"]),
        ("the school run for twelve pupils", ["transport_delivery"]),
        ("cold calling and appointment setting for our sales team", ["call_center"]),
        # a verb is its verbal noun's work, prefixed or not: "myć" of "mycie okien"
        ("umyć posadzkę w hali", ["cleaning"]),
        ("ktoś musiałby przyszyć metki do 150 kurtek", ["sewing"]),
        # a print job told by its specification, and the small publications (round 24)
        ("52 strony A5, okładka na kredzie 250 g, zszyte zszywkami", ["printing"]),
        ("chór szykuje śpiewnik na jubileusz, format A5", ["printing"]),
        ("6 500 kart do głosowania, A4, w kolorze", ["printing"]),
        # laundry told by its result; a dog's bed is sewn
        ("stroje po meczu: w ciągu doby odda rzeczy czyste i suche", ["laundry"]),
        ("120 legowisk dla psów z grubej tkaniny", ["sewing"]),
        # assembly told as putting together from parts; a book's binding (round 27)
        ("złożenie 30 000 lampek ogrodowych z 5 części", ["light_assembly"]),
        ("120 stron A5, miękka okładka, grzbiet klejony", ["printing"]),
        ("z każdej księgi plik PDF, w którym da się wyszukiwać tekst", ["digitization"]),
    ],
)
def test_buyers_words_for_each_trade_name_it(taxonomy, text, codes):
    assert taxonomy.capabilities_in(text) == codes


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # objects of another trade's work, named after it, stay that work's objects
        ("pakowanie śrubek i podkładek w woreczki po 10 sztuk", ["co_packing"]),
        ("pranie pościeli i szlafroków z hotelu", ["laundry"]),
        ("sprzątanie biura, w tym mycie szafek i biurek", ["cleaning"]),
        # words left out: a festival, a jubilee or guests are the occasion, not the work
        ("catering na festiwal dla 200 gości", ["catering"]),
        ("poczęstunek na jubileusz firmy", ["catering"]),
        # stapled papers are no clothing repair; a form on paper is no website
        ("skanowanie zszytych dokumentów z archiwum", ["digitization"]),
        # a phrase of generic words and one common word names nothing
        ("please call our phone number for online orders", []),
        ("wszystko w porządku, dziękujemy", []),
        # cleaning something is no cleaning trade; cleaning's own phrases keep their object
        ("co dwa tygodnie ktoś wyczyści filtry i szyby akwarium", []),
        ("przeczyszczenie rur w łazienkach szkoły", []),
        ("umycie i czyszczenie maszyn w hali", ["cleaning"]),
        # a prefixed verb is its bare verb too, though "umyć" names washing a person
        ("umycie posadzki w hali produkcyjnej", ["cleaning"]),
        ("spakować próbki do kartonów", ["co_packing"]),
        # "suszyć" is no "s" + "uszyć"; "zszyć" staples papers as often as it sews
        ("suszone zioła pakowane do saszetek", ["co_packing"]),
        ("zszyte dokumenty do zeskanowania", ["digitization"]),
        # patched walls are no mended clothes; a stand at a fair is the buyer's own
        ("załatać i pomalować ściany w salce", ["renovation"]),
        # "złożenie" alone submits an offer
        ("złożenie oferty do 15 marca na catering", ["catering"]),
        ("chcemy mieć na stoisku 250 aniołków i zawieszek na choinkę", ["gifts_handicraft"]),
    ],
)
def test_words_of_another_trade_or_of_none_are_not_read_as_work(taxonomy, text, codes):
    assert taxonomy.capabilities_in(text) == codes
