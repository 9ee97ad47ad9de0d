"""Who is writing, as opposed to what they ask for.

A request often opens with the sender: "jesteśmy restauracją z cateringiem",
"prowadzimy szwalnię odzieży roboczej", "we own three small cafés". The trade
named there is the buyer's own, and the work asked for comes after it: HACCP
advice for the restaurant, servicing for the sewing machines, a technician
for the cafés' espresso machines. Read as words, such a clause asks for the
sender's own trade.

So is what the money a request raises is for ("zbieramy na remont organów i
potrzebujemy cegiełek": the organ is not to be renovated by whoever prints).

So is the sender named with what it does at its clause's start: "Firma z Raby
Wyżnej kompletująca zestawy podróżne … potrzebuje masek do spania" asks for the
masks, not for packing.

A clause opened by one of :data:`OPENINGS` is the sender's, up to the end of
its clause or the first word that asks for something ("jesteśmy szwalnią i
szukamy podwykonawcy do szycia" still asks for sewing, in its own words).
"Jesteśmy zainteresowani" and "we are looking for" ask, and are no opening.
"""

import re

from search.understanding.declined import ASKS, clauses
from search.understanding.folded import FoldedText, Span, blanked

# Where the sender says who they are, in folded text.
OPENINGS = re.compile(
    r"\b(?:"
    r"jestesmy(?! (?:zainteresowani|zainteresowane|otwarci|gotowi|w stanie))"
    r"|jestem(?! (?:zainteresowan\w*|otwart\w*|gotow\w*|w stanie))"
    r"|prowadzimy|prowadze|nasza firma (?:to|jest)|dzialamy jako"
    r"|we (?:are|re)(?! (?:not|looking|seeking|searching|interested|planning|hoping|happy"
    r"|open\b))"
    r"|we run|we own|we operate|our company is"
    # whom the sender employs, and at what: "zatrudniamy 200 osób na liniach sortowania"
    r"|zatrudniamy|we employ"
    # the business the sender has: "mamy pod Grybowem małą tłocznię oleju lnianego"
    r"|mamy\s+(?:\w+\s+){0,3}?(?:firm|zaklad|sklep|tlocz|gospodarstw|stadnin|pensjonat|hotel"
    r"|restauracj|piekarni|hurtowni|fabryk|przetworni|wytworni|manufaktur|pasiek|winnic"
    r"|ferm|szkolk|agroturystyk|osrodek|osrodk)\w*"
    # the sender named with what it does, opening its clause: "Firma z Raby Wyżnej
    # kompletująca zestawy podróżne … potrzebuje masek", "Zakład produkujący okna" (not
    # "potrzebna firma sprzątająca", nor "sprzątanie robi firma sprzątająca")
    r"|(?<![a-z0-9] )(?:firma|zaklad|spolka|producent|wytwornia|hurtownia|sklep|drukarnia"
    r"|przetwornia|manufaktura|piekarnia|pracownia|szwalnia|agencja|fundacja|stowarzyszenie)"
    r"(?:\s+[\w-]+){0,4}?\s+\w+(?:aca|acy)"
    # what the sender makes where it writes from, in a clause of its own: "piszemy z
    # oberży, w której ręcznie robimy kluski" (the kluski are no order for handicraft)
    r"|(?:w ktorej|w ktorym|w ktorych|gdzie) (?:\w+ )?(?:robimy|pieczemy|gotujemy|szyjemy"
    r"|produkujemy|wytwarzamy|wyrabiamy|serwujemy|sprzedajemy)"
    # what the money raised is for: "zbieramy na remont organów i potrzebujemy cegiełek",
    # "kiermasz, z którego dochód idzie na nowe ławki", "raising money for a new roof"
    r"|zbieramy (?:\w+ )?na|dochod (?:\w+ )?(?:idzie|pojdzie|przeznacz\w*) na"
    r"|(?:raising|collecting) (?:money|funds) for|proceeds (?:go|will go) to"
    r")\b"
)


# The sender as the subject of a clause that asks: "Sklep internetowy z artykułami dla
# niemowląt zamówi 400 ręczników", "Palarnia kawy z Kobylina zamówi worki", "Piekarnia z
# Bierutowa ma pięć aut": the words before the verb name who asks (an online shop is no
# order for e-commerce), those after it what is asked. Only a business opening its clause,
# at most two words before it ("Mała rodzinna piekarnia"); a public body's or a school's
# name tells what it asks for ("przedszkole" for lunches), and "do" starts the work.
SUBJECTS = (
    r"sklep|hurtowni\w*|palarni\w*|piekarni\w*|cukierni\w*|gospodarstw\w*|zaklad|firma"
    r"|producent|wytworni\w*|przetworni\w*|manufaktur\w*|restauracj\w*|hotel|pensjonat"
    r"|drukarni\w*|szwalni\w*|pracowni\w*|kawiarni\w*|browar|winnic\w*|pasiek\w*"
    r"|tloczni\w*|ferm\w*|stadnin\w*|wydawnictw\w*|siec|marka|tartak|masarni\w*"
    r"|mleczarni\w*|serowarni\w*|kwiaciarni\w*|ksiegarni\w*|spolka|agencj\w*|salon"
    r"|studio|kemping|camping"
)
SUBJECT = re.compile(
    rf"\s*(?:[\w-]+\s+){{0,2}}?(?:{SUBJECTS})\b(?:\s+(?!do\b)\S+){{0,10}}?\s+(?="
    r"(?:zamowi|zamawia|zleci|zleca|szuka|poszukuje|potrzebuje|chce|chcialby|chcialaby"
    r"|prosi|planuje|ma)\b)"
)


# The buyer's own business named as whom the work is for: "vlepki … dla naszego software
# house'u", "etykiety dla naszej piekarni", "for our café". Only the noun and an adjective
# after it, so that "obiady dla naszych pracowników" keeps its work; "dla naszych gości
# obiady" loses only the guests.
OWN_BUSINESS = re.compile(
    r"\b(?:dla nasz(?:ego|ej|ych)|for our) [\w'-]+"
    r"(?: (?:house[\w'-]*|[\w-]+(?:ego|ej|ych)))?"
)


def sender_clauses(text: str) -> list[Span]:
    """Where the clauses that say who the sender is stand in ``text``."""
    folded = FoldedText(text)
    spans = [folded.span_at(*own.span()) for own in OWN_BUSINESS.finditer(folded.folded)]
    for start, end in clauses(folded.folded):
        subject = SUBJECT.match(folded.folded, start, end)
        if subject:
            spans.append(folded.span_at(start, subject.end()))
            continue
        opening = OPENINGS.search(folded.folded, start, end)
        if opening is None:
            continue
        asks = ASKS.search(folded.folded, opening.end(), end)
        spans.append(folded.span_at(opening.start(), asks.start() if asks else end))
    return spans


def without_sender(text: str) -> str:
    """``text`` with the clauses that say who the sender is blanked out."""
    return blanked(text, sender_clauses(text))
