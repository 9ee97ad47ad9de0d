"""Work a request says it does not need: what the buyer already has, or leaves out.

Long requests mention other work only to rule it out: "Catering mamy już
zamówiony gdzie indziej", "W budynku działa już firma sprzątająca, więc tych
usług nie potrzebujemy", "Transport is already arranged". Read as words, each
such clause asks for the very work it declines, and the cooperatives doing it
come first.

The rule works clause by clause. A sentence is cut at its commas, dashes,
colons and joining words ("ale", "więc", "but", "so"); a clause holding a cue
of what the buyer has or does not want (:data:`CUES`) is taken out, and so is
the clause before it when the cue points back to it ("tych usług nie
potrzebujemy", "we don't need those"), and so are the short items of a list
it ends ("Catering, dekorację sali i obsługę rejestracji mamy już
zamówione"); an aside in brackets with a cue goes whole ("(mamy pracownię
kulinarną, stolarską i ogród)"). A clause that only mentions "już" or "nie"
stays: "potrzebujemy już w marcu" and "nie później niż w piątek" ask for
work. The cues are phrases, not single words, for that reason.

Work already done is named as the time after it: "Po wymianie okien i
malowaniu hali zostało pobojowisko" asks for the cleaning, not windows or
painting; "po" with a noun in the locative, and the word it governs, goes
(:data:`DONE`), while "po 12 sztuk" and "po angielsku" stay. Work that frames the
request at a sentence's start is when, not what: "Przy przeprowadzce do nowej siedziby
postanowiliśmy pozbyć się papieru" asks for scanning, not moving (:data:`CIRCUMSTANCE`);
inside a sentence "pomoc przy przeprowadzce" asks for the moving.
"""

import re

from search.understanding.folded import FoldedText, Span

# "potrzeb-" as buyers also misspell it: "potszebujemy", "potżebujemy" (folded "potzeb"),
# "pożebujemy" (round 72: "wykaszania koło budynku nie potszebujemy").
NEED = r"po(?:trz|tsz|tz|sz|z)eb"
# What the buyer has or does not want, in folded text.
CUES = re.compile(
    r"\b(?:"
    rf"nie (?:{NEED}ujemy|{NEED}uje|szukamy|szukam|zamawiamy|zlecamy|wymagamy|obejmuje|dotyczy)"
    r"|nie (?:organizujemy|planujemy|przewidujemy|wyceniamy|oczekujemy)"
    rf"|nie (?:jest|sa|bedzie|beda) (?:nam )?{NEED}n\w*"
    r"|nie (?:jest|sa) przedmiot\w*"
    r"|nie trzeba"
    # "pakowanie i transport są po naszej stronie", "transport leży po stronie zamawiającego"
    r"|po naszej stronie|po stronie zamawiajacego"
    r"|(?:mamy|posiadamy) juz|juz (?:mamy|posiadamy)"
    r"|(?:dziala|pracuje) (?:u nas )?juz|juz (?:dziala|pracuje)"
    r"|juz zamowil\w*|zamowil\w* juz|mamy (?:juz )?zamowion\w*|zamowion\w* gdzie indziej"
    # "Scena, nagłośnienie i poczęstunek są już zamówione", "hydraulik jest już umówiony"
    r"|(?:sa|jest|zostal\w*) (?:juz )?(?:zamowion|zarezerwowan|zalatwion|umowion"
    r"|zakontraktowan)\w*"
    # made already: "ulotki są już wydrukowane", "puszki są zadrukowane", "księgozbiór jest
    # spakowany w kartony"
    r"|(?:sa|jest) (?:juz )?(?:zadrukowan|wydrukowan|nadrukowan|uszyt|spakowan|zapakowan)\w*"
    r"|(?:sa|jest) (?:juz )?gotow(?:e|y|a)\b"
    # bought elsewhere or under another contract: "Urny ceramiczne mamy od innego dostawcy",
    # "Sprzątanie skarbca i drobne naprawy mamy w umowie z inną firmą"
    r"|(?:mamy|bierzemy|kupujemy) (?:juz )?od (?:innego|innej|stalego|naszego|swojego)"
    r"|mamy w umowie|w umowie z (?:inna|innym)"
    # a clause that ends declining too: "Projektu nie potrzebujemy, rozwiezienia też nie."
    r"|(?:tez|rowniez) nie(?=\s*(?:[.!?;\n]|$))"
    # someone else does it or did it: "regały robi już stolarz", "tarcze zrobił nam już
    # stolarz"
    r"|(?:robi|robia|zrobil\w*|wykonal\w*|przygotowal\w*) (?:nam )?juz|juz (?:nam )?zrobil\w*"
    # the buyer's own people: "paczki pakują nasi wolontariusze", "PDF przygotuje nasz
    # grafik", "sprzątanie bierze na siebie nasz zakład komunalny"
    r"|nasi (?:wolontariusze|pracownicy|nauczyciele|podopieczni|uczestnicy|rodzice|harcerze"
    r"|strazacy|czlonkowie|mieszkancy|konserwatorzy|kierowcy|kucharze)"
    r"|nasz (?:konserwator|grafik|stolarz|kierowca|kucharz|informatyk|ogrodnik|woz\w+"
    r"|dozorca|gospodarz|elektryk|hydraulik|fotograf|projektant|zaklad|dzial|personel)"
    r"|nasza ekipa|bierze na siebie|biora na siebie"
    # ordered apart: "malowaniem ścian zajmie się osobno firma budowlana"
    r"|zajmie sie (?:\w+ )?(?:osobno|oddzielnie|inna|inny)|(?:osobno|oddzielnie) zajmie sie"
    # arranged long ago: "pakowanie mamy od dawna ułożone z lokalną spółdzielnią"
    r"|mamy (?:od dawna |juz |od lat )?(?:ulozon|zalatwion|zorganizowan|zapewnion|ogarniet"
    r"|zakontraktowan|podpisan)\w*"
    r"|we wlasnym zakresie|poza zakresem"
    # "Etykiety i papierowe pudełka mamy swoje": what the buyer brings
    r"|mamy (?:swoje|swoja|swoj|swojego|wlasne|wlasna|wlasny|wlasnego)\b"
    r"|juz nasz\w*|zapewniaj\w* nasi"
    r"|(?:by|with) our own (?:staff|team|people|employees)|our own (?:staff|team|people) does"
    r"|(?:stay|stays|remain|remains) with us"
    # "koszenie robimy własną ekipą", "sprzątanie mamy z własnych sił", "zrobi potem nasz
    # stały wykonawca"
    r"|\w+(?:imy|emy|amy|ymy) (?:\w+ )?wlasn\w+ (?:ekip|sil)\w*|z wlasnych sil|wlasnymi silami"
    r"|(?:zrobi|wykona|robi|wykonuje)\w* (?:\w+ )?nasz\w* (?:staly |stali )?"
    r"(?:wykonawc|podwykonawc|dostawc)\w*"
    r"|\w+my sami|sami \w+my|dajemy (?:my|sami|od siebie)"
    # "koszeniem zajmie się potem nasz referat", "tym zajmiemy się sami"
    r"|zajmie sie (?:\w+ )?nasz\w*|zajmiemy sie (?:\w+ )?sami"
    # the work first, then who does it: "Kolportażem (ulotek) zajmą się sołtysi" (not
    # "firmy, która zajmie się sprzątaniem", which asks)
    r"|(?:(?<=^)|(?<=[.,:;!?\n] )|(?<=\n))\w+(?:em|ami)(?: \w+)? (?:zajmie|zajma|zajmuje|zajmuja)"
    r" sie"
    # the supplier clears up after its own work: "na koniec posprząta resztki z jezdni",
    # "posprząta po sobie", "uporządkuje teren po zakończeniu prac"
    r"|na koniec posprzata(?!nie)\w*|posprzata(?!nie)\w* (?:po sobie|resztki)"
    r"|uporzadk\w+ teren\w* po (?:zakonczeniu|pracach|robotach)"
    # a condition on the supplier, not a second part: "wymagamy własnego transportu"
    r"|wlasn\w+ (?:transport|samochod|aut|pojazd)\w*"
    r"|zapewnia\w* (?:miasto|gmina|urzad|organizator\w*|wolontariusz\w*)"
    # someone else provides it ("naczynia zapewnia szkolna stołówka", "salę udostępnia nam
    # liceum"); not the firm sought ("firmy, która zapewnia catering")
    r"|(?<!ktora )(?<!ktory )(?<!ktore )(?:zapewnia|zapewniaja|udostepnia|udostepniaja)\b"
    r"|zlecamy \w+ za granic\w*"
    # someone already does it for the buyer: "obiady dowozi nam już spółdzielnia",
    # "zaproszenia drukuje nam drukarnia"
    r"|(?:robi|dowozi|przywozi|dostarcza|sprzata|prowadzi|obsluguje|wykonuje|pierze|szyje"
    r"|drukuje|gotuje|kosi|pielegnuje|myje|pakuje|wozi)(?:a|ja)? (?:nam|dla nas)"
    # what stays as it is, or is ordered apart: "to zostaje bez zmian", "zamówimy osobno",
    # "printing will be ordered separately"
    r"|zostaje bez zmian|(?:zamowimy|zlecimy|zamawiamy|zlecamy) (?:osobno|oddzielnie|sami)"
    r"|(?:ordered|booked|arranged|handled|done|tendered|contracted|procured) separately"
    r"|booked through|not (?:looking|searching) for"
    r"|juz nam (?:robi|dowozi|przywozi|dostarcza|sprzata|prowadzi|obsluguje|wykonuje|pierze"
    r"|szyje|drukuje|zapewnia|gotuje|kosi|pielegnuje|myje|pakuje|wozi)"
    # the buyer's own workrooms: "mamy pracownię kulinarną, stolarską i ogród"
    r"|mamy (?:wlasn\w+ |swoj\w+ )?(?:pracowni|warsztat|kuchni|stolowk|ogrod|pralni|szwalni)\w*"
    # "haftujemy we własnej pracowni": the buyer does it in their own workroom
    r"|we wlasnej (?:pracowni|szwalni|kuchni|pralni|drukarni)|we wlasnym (?:warsztacie|zakladzie)"
    # "mamy w pracowni ceramiki piec, który …": what stands in the buyer's own workroom
    r"|mamy w (?:naszej |naszym |wlasnej |swojej )?(?:pracowni|warsztacie|szwalni|pralni)"
    r"|(?:do not|don't|dont|won't|will not) (?:need|require)|no need for|(?:need|needs) no"
    r"|not (?:needed|required|included|part of)"
    # "no design or printing needed"; what the buyer supplies: "printed boxes and leaflets
    # come from us", "we deliver all the parts"
    r"|no (?:[\w-]+ ){1,4}(?:needed|required)|(?:come|comes) from us|supplied by us"
    r"|we (?:deliver|supply|provide|send) (?:you )?(?:all )?(?:the )?(?:parts|components"
    r"|materials|fabric|cartons|boxes|bags|packaging)"
    r"|already (?:have|has|booked|arranged|covered|ordered|sorted|handled|taken care|done"
    r"|contracted|provided|supplied|in place|taken)"
    r"|(?:done|handled|provided|run|covered) (?:for us )?by (?:our own|our|an outside|another)"
    r"|(?:goes|go|sent|send) to an? (?:outside|external)|need nothing|nothing on that side"
    r"|(?:booked|arranged|ordered|sorted|handled|covered) (?:elsewhere|in-house|in house)"
    r")\b"
)
# An aside in brackets, taken out whole when it holds a cue (its commas cut no clauses).
ASIDE = re.compile(r"\([^()]{1,300}\)")
# A clause that asks for work: not part of a list the next clause declines.
ASKS = re.compile(
    rf"\b(?:{NEED}\w*|szuka\w*|prosi\w*|prosze|zamawia\w*|chce\w*|chcial\w*|interesuj\w*"
    r"|need\w*|look\w*|seek\w*|want\w*|requir\w*|please)\b"
)
# The most words an item of such a list has: "Catering, dekorację sali i obsługę … mamy już".
LIST_ITEM_WORDS = 3
# A cue at a clause's start that declines what follows it, list and all: "Nie potrzebujemy
# transportu, pakowania ani etykiet", "We do not need PCB assembly, final assembly of the
# fixtures or packaging"; such an item runs longer than one before a cue.
LEADS = re.compile(
    r"\s*(?:(?:we|i) )?(?:do not|don't|dont|will not|won't) (?:need|require)\b"
    r"|\s*no need for\b"
    rf"|\s*nie (?:{NEED}ujemy|{NEED}uje|zamawiamy|zlecamy|szukamy)\b"
    r"|\s*nie trzeba\b"
)
LIST_AFTER_WORDS = 8
# A cue that points back at the clause before it.
BACK = re.compile(r"\b(?:tych|tego|tej|these|those|them)\b")
# Where a sentence ends and where a clause ends inside it.
SENTENCE = re.compile(r"[.!?;\n]+")
CLAUSE = re.compile(r",|:|\s[\u2013\u2014-]\s|\s(?:ale|lecz|wiec|zas|but|so|however)\s")


# Work already done, named as the time after it: "po malowaniu hali", "po wymianie okien",
# "po remoncie", "after the renovation": a noun in the locative after "po", with the word
# it governs (not a verbal noun: "po imprezie sprzątanie sali" asks for the cleaning).
# "Sprzątanie po remoncie" asks for cleaning; the renovation is over. "Po drugie
# sprzątania budynku" counts the parts of a request and "po południu" tells the time: no
# work is done in them.
_NOT_DONE = r"(?!(?:pierwsze|drugie|trzecie|czwarte|piate|poludniu)\b)"
_DONE_NOUN = (
    rf"{_NOT_DONE}(?:\w+(?:iu|ie)|przeprowadzce|renovation|refurbishment|building work|move)\b"
)
_GOVERNED = r"(?: (?!\w+(?:nie|cie|ing)\b)\w+)?"
DONE = re.compile(
    rf"\b(?:[Pp]o|[Aa]fter the) {_DONE_NOUN}{_GOVERNED}(?: (?:i|oraz|and) {_DONE_NOUN}{_GOVERNED})?"
)


# Work that frames the request, named at a sentence's start: "Przy przeprowadzce do nowej
# siedziby postanowiliśmy pozbyć się papieru", "Przed przeprowadzką chcemy zeskanować",
# "Podczas remontu": the moving or the renovation is when, not what is asked. The noun
# (and a second joined by "i") goes; "Przy okazji" (by the way) stays.
CIRCUMSTANCE = re.compile(
    r"(?:^|(?<=[.!?\n])\s*)(?:przy|przed|podczas|w trakcie|w czasie) "
    r"(?!okazji\b|tym\b|tej\b|kazd\w*\b)\w+(?: (?:i|oraz) \w+)?"
)


def declined(text: str) -> list[Span]:
    """Where the clauses that decline work stand in ``text``, and work already done."""
    folded = FoldedText(text)
    asides = [aside.span() for aside in ASIDE.finditer(folded.folded)]
    spans = [folded.span_at(*aside) for aside in asides if CUES.search(folded.folded, *aside)]
    spans += [folded.span_at(*done.span()) for done in DONE.finditer(folded.folded)]
    spans += [folded.span_at(*at.span()) for at in CIRCUMSTANCE.finditer(folded.folded)]
    for sentence in _pieces(folded.folded, SENTENCE, 0, len(folded.folded)):
        clauses = _pieces(folded.folded, CLAUSE, *sentence)
        for number, (start, end) in enumerate(clauses):
            cues = [cue.start() for cue in CUES.finditer(folded.folded, start, end)]
            if not [at for at in cues if not any(a <= at < b for a, b in asides)]:
                continue
            spans.append(folded.span_at(start, end))
            if number and BACK.search(folded.folded, start, end):
                spans.append(folded.span_at(*clauses[number - 1]))
            spans += [
                folded.span_at(*item) for item in _listed_before(folded.folded, clauses, number)
            ]
            if LEADS.match(folded.folded, start):
                spans += [
                    folded.span_at(*item) for item in _listed_after(folded.folded, clauses, number)
                ]
    return spans


def _listed_after(text: str, clauses: list[tuple[int, int]], number: int) -> list[tuple[int, int]]:
    """The items of a list the declining clause ``number`` begins ("We do not need PCB
    assembly, final assembly of the fixtures or packaging"): the clauses right after it
    that ask for nothing, each of a few words, to the sentence's end."""
    items = []
    for start, end in clauses[number + 1 :]:
        if len(text[start:end].split()) > LIST_AFTER_WORDS or ASKS.search(text, start, end):
            break
        items.append((start, end))
    return items


def _listed_before(text: str, clauses: list[tuple[int, int]], number: int) -> list[tuple[int, int]]:
    """The items of a list the declining clause ``number`` ends ("Catering, dekorację sali
    i obsługę rejestracji mamy już zamówione"): the short clauses right before it that ask
    for nothing, up to the sentence's start or a clause that does not fit."""
    items = []
    for start, end in reversed(clauses[:number]):
        if len(text[start:end].split()) > LIST_ITEM_WORDS or ASKS.search(text, start, end):
            break
        items.append((start, end))
    return items


def without_declined(text: str) -> str:
    """``text`` with the clauses that decline work blanked out (spaces keep the other
    words' places)."""
    for span in declined(text):
        text = text[: span.start] + " " * (span.end - span.start) + text[span.end :]
    return text


def clauses(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each clause of ``text``, sentence by sentence."""
    return [
        clause
        for sentence in _pieces(text, SENTENCE, 0, len(text))
        for clause in _pieces(text, CLAUSE, *sentence)
    ]


def _pieces(text: str, separator: re.Pattern, start: int, end: int) -> list[tuple[int, int]]:
    """``text[start:end]`` cut at ``separator``: the (start, end) of each piece."""
    pieces, position = [], start
    for match in separator.finditer(text, start, end):
        pieces.append((position, match.start()))
        position = match.end()
    pieces.append((position, end))
    return [(a, b) for a, b in pieces if text[a:b].strip()]
