"""The words of a request that say nothing about the work: greetings, the formulas of a
business letter, and the vocabulary every request to a cooperative repeats.

Buyers write to a social cooperative the way they write any inquiry: "Dzień
dobry, zwracam się z zapytaniem ofertowym… Nasza firma chce wesprzeć lokalną
spółdzielnię socjalną… Prosimy o wycenę. Z poważaniem, Jan Kowalski". Left in,
these words outweigh the one that names the work ("spółdzielnia" matches every
cooperative's description, "socjalna" half of them) and the signature's
surname can match a street or a town.

How the lists were chosen:

* the phrases (below): the openings, closings and request formulas of Polish
  and English business letters, as the Polish letter-writing conventions give
  them (the greetings, "uprzejmie proszę o", "w załączeniu", "z poważaniem",
  "zwracam się z zapytaniem"), and the sentences of the project's sample
  requests that state who asks and why ("chcemy wesprzeć lokalną ekonomię
  społeczną") rather than what is to be done;
* the words: those of the phrases that also come alone ("oferta",
  "współpraca", "szukamy", "potrzebujemy", "firma", "zakład"), and the names of
  the sector itself ("spółdzielnia", "socjalna", "ekonomia społeczna"), which
  every profile in the directory shares and so tells none apart;
* checked against the taxonomy: no word of a capability's label or synonym is
  on the lists (a test holds every one of them), so "wsparcie IT", "event
  support", "dostawy" and "prace montażowe" stay. Verbs of helping are filler
  ("wesprzeć"), the nouns are not ("wsparcie"); so they are matched by their
  written forms only, since the lemmatiser gives "wsparcie" the base "wesprzeć".
  For the same reason "zamówienie" ("kompletacja zamówień") and "realizacja"
  ("realizacja wysyłek") stay.

Inflected forms go too: each word is matched on its ASCII form by a pattern
that spells out its endings ("spoldzielnie" typed without Polish letters), and
on its base form through :func:`search.analysis.stem` ("spółdzielniami").
Everything after a closing formula ("Pozdrawiam", "Z poważaniem", "Kind
regards") is the signature (see :func:`split_signature`).
"""

import re

from search.analysis import stem
from search.places.gazetteer import folded, word_set
from search.understanding.folded import FoldedText, Span, merged

# What a sender says it is, in the letter's first lines ("jesteśmy firmą …", "we are a …").
SENDERS_PL = (
    r"firm\w*|spolk\w*|przedsiebiorstw\w*|producent\w*|dystrybutor\w*|hurtowni\w*|siecia"
    r"|agencj\w*|hotel\w*|restauracj\w*|szkol\w*|fundacj\w*|stowarzyszen\w*|instytucj\w*"
    r"|gmin\w*|szpital\w*|klinik\w*|przychodni\w*|osrodk\w*|fabryk\w*|drukarni\w*"
    r"|sklep\w*|software house|szwalni\w*|pracowni\w*|warsztat\w*|zaklad\w*|piekarni\w*"
    r"|pensjonat\w*|kawiarni\w*"
)
SENDERS_EN = (
    r"company|firm|business|manufacturer|producer|distributor|wholesaler|agency|hotel"
    r"|restaurant|school|foundation|charity|hospital|clinic|factory|software house|chain"
)
PHRASES = (
    # who is writing: "jesteśmy (dużą) firmą transportową", "nasza firma transportowa",
    # "we are a software company", "our logistics company", "w imieniu przedsiębiorstwa
    # przewozowego" say what the sender does, not
    # what it asks for ("transportową" is no request for transport); "nasz" only as the
    # subject: "prowadzenie naszego sklepu internetowego" is work asked for
    rf"(?:jestesmy|jestem|nasz[ae]?|prowadzimy|prowadze|w imieniu)(?: \w+)?? (?:{SENDERS_PL})"
    r"(?: \w+(?:ow|n|sk|ck|czn|yjn)\w{0,3}){0,2}",
    r"(?:we are|we're|i am|i'm|our company is|we run) (?:a|an)(?: [\w-]+){0,3}?"
    rf" (?:{SENDERS_EN})",
    rf"our(?: [\w-]+){{0,2}}? (?:{SENDERS_EN})",
    # openings
    r"dzien dobry|dobry wieczor|witam\w*(?: serdecznie)?(?: pana| pania| panstwa)?|witajcie"
    r"|szanown\w+(?: pan\w*| panstw\w*)?(?: i panowie)?|drog\w+ (?:pan\w*|panstw\w*)",
    r"dear(?: sir or madam| sirs?| madam| all| team| colleagues)?|hello|hi|good (?:morning"
    r"|afternoon|evening|day)",
    # closings
    r"(?:serdecznie |cieplo )?pozdrawiamy?(?: serdecznie)?|(?:serdeczne |cieple )?pozdrowienia"
    r"|lacze (?:wyrazy szacunku|pozdrowienia)|z powazaniem|z wyrazami szacunku",
    r"z gory (?:bardzo )?dziekuj\w*(?: za \w+)?|dziekuj\w*(?: bardzo)?(?: za (?:odpowiedz"
    r"|informacj\w*|uwage|pomoc|kontakt|szybka odpowiedz))?",
    r"(?:kind|best|warm|warmest) regards|regards|(?:yours )?sincerely|yours (?:faithfully"
    r"|truly)|thank you(?: very much)?(?: in advance)?(?: for (?:your )?(?:time|help|reply"
    r"|attention|consideration))?|thanks(?: in advance)?|many thanks|cheers",
    # the request and its formulas
    r"(?:uprzejmie |serdecznie |bardzo )?(?:prosze|prosimy|prosil\w*|prosb\w*) o"
    r"(?: (?:pilne|szybkie|niezwloczne))?(?: (?:przeslanie|przedstawienie|zlozenie"
    r"|przygotowanie))?",
    r"zwracam\w* sie(?: do panstwa)?(?: z| ze)?(?: (?:zapytaniem|prosba|pytaniem))?",
    r"w zalaczeniu|w zalaczniku|w nawiazaniu do|w odpowiedzi na|w zwiazku z|w sprawie"
    r"|w imieniu|zalezy nam(?: na tym)?(?:,? (?:aby|by|zeby))?|jak najszybciej|od zaraz",
    # how long the job will take is asked, not work: "ile czasu zajmie taka partia"
    r"(?:i )?ile (?:czasu |dni |tygodni )?(?:to )?(?:zajmie|zajmuje|potrwa|trwa)"
    r"|jak dlugo (?:to )?(?:potrwa|bedzie trwac|zajmie)|how long (?:it|this) (?:will )?takes?",
    r"(?:we are|we're|i am|i'm) (?:looking for|seeking|searching for)|looking for|we need"
    r"|(?:we|i) would like(?: to)?|(?:we|i)'d like(?: to)?|please send(?: us| me)?"
    r"(?: a| an| your)?(?: quote| quotation| offer| price| proposal| estimate)s?"
    r"|please (?:contact|get in touch with|reply to) (?:us|me)|request for (?:a )?(?:quotation"
    r"|quote|proposal)|please find attached|attached|our company|we are a|we want to"
    r"|social (?:economy|enterprises?|cooperatives?)",
)
# Single words, as patterns on their ASCII form (the whole word must match).
WORDS = (
    r"spoldziel\w*|socjaln\w*|spoleczn\w*|ekonomi[aei]?|wesprze\w*|wspier\w*|wspomo\w*"
    r"|wspolprac\w*|ofert\w*|firm(?:a|y|e|ie|om|ami|ach)?|zaklad(?:u|zie|em|y|ow|om|ami|ach)?"
    r"|przedsiebiorstw\w*|potrzeb(?:ujemy|uje|uja|ujecie|owac|na|ne|ny|nych|nym|nej|a|y)?"
    r"|szuk(?:am|amy|a|aja|ac|ajac\w*)|poszuk\w*|prosze|prosimy|prosi|prosic|prosb\w*"
    r"|zapytani\w*|wycen\w*|kontakt(?:u|em|owac|ujemy|uje)?|skontakt\w*|lokaln\w*"
    r"|jestesmy|jestem|nasz(?:a|e|ego|ej|ym|ych|emu|i)?|panstw(?:o|a|u|em)|pan(?:a|u|em|i|ie)?"
    r"|uprzejm\w*|serdeczn\w*|zainteresowan\w*|zlecen\w*|zleci\w*"
    r"|wykonaw\w*|podwykonaw\w*|dostawc(?:a|y|e|ow|om|ami|ach)?|chce(?:my|cie)?|chcial\w*|chcielibysmy|pragn\w*"
    r"|nawiaza\w*|podjac|podjecia|pilnie|pilne|pilna|pilny|asap|informacj\w*"
    r"|przeslanie|przeslac|przesylam\w*|zalaczam\w*|zalacznik\w*|odpowiedz\w*"
    r"|budzet\w*|zl|zlotych|pln|netto|brutto|vat|eur|euro|budget"
    r"|cooperatives?|co-?ops?|social|company|companies|firms?|quotes?|quotation|offers?|local"
    r"|suppliers?|contractors?|vendors?|needs?|needed|looking|seeking|requests?|inquiry|enquiry"
    r"|please|would|like|interested|kindly|hello|dear|regards|thanks|our"
)
# Base forms, for inflections the patterns do not spell out.
LEMMAS = word_set(
    """spółdzielnia spółdzielczy socjalny społeczny współpraca współpracować
    oferta ofertowy firma zakład przedsiębiorstwo potrzebować potrzebny szukać poszukiwać
    prosić prośba zapytanie wycena wycenić kontaktować skontaktować lokalny ekonomia nasz
    uprzejmy serdeczny zainteresowany zlecenie zlecić wykonawca podwykonawca dostawca chcieć
    pragnąć pilny informacja przesłać przesyłać załączyć załącznik
    pozdrawiać pozdrowienie dziękować witać"""
)
SIGN_OFF = re.compile(
    r"(?:^|(?<=[\n.!?,]))\s*(?:z\s+powazaniem|z\s+wyrazami\s+szacunku|(?:serdecznie\s+|cieplo\s+)?"
    r"pozdrawiamy?|(?:serdeczne\s+|cieple\s+)?pozdrowienia|lacze\s+(?:wyrazy\s+szacunku"
    r"|pozdrowienia)|(?:kind|best|warm|warmest)\s+regards|regards|(?:yours\s+)?sincerely"
    r"|yours\s+faithfully|--)(?!\w)"
)
# Longer than this after a closing formula, the text is more than a signature.
SIGNATURE_LENGTH = 300
SPACE = r"\s+"
PHRASE = re.compile(
    "|".join(rf"(?<![\w'-])(?:{phrase.replace(' ', SPACE)})(?![\w'-])" for phrase in PHRASES)
)
WORD = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")
FILLER_WORD = re.compile(WORDS)
# Punctuation left where filler was: no space before a mark, one mark where several meet.
SPACE_BEFORE_MARK = re.compile(r"\s+([,;:.!?])")
MARKS_TOGETHER = re.compile(r"([,;:.!?])(?:\s*[,;:.!?])+")


def split_signature(text: str) -> tuple[str, str]:
    """(body, signature): the signature is what follows the last closing formula, when it
    is short enough to be one; the formula itself goes with it."""
    found = FoldedText(text)
    closings = list(SIGN_OFF.finditer(found.folded))
    if not closings:
        return text, ""
    start = found.span(closings[-1]).start
    if len(text) - start > SIGNATURE_LENGTH:
        return text, ""
    return text[:start], text[start:]


def filler_spans(text: str) -> list[Span]:
    """Where the filler of ``text`` (its signature aside) stands."""
    found = FoldedText(text)
    spans = [found.span(match) for match in PHRASE.finditer(found.folded)]
    for match in WORD.finditer(text):
        word = match.group(0)
        ascii_form = folded(word)
        if FILLER_WORD.fullmatch(ascii_form) or folded(stem(word.lower())) in LEMMAS:
            spans.append(Span(*match.span()))
    return merged(spans)


def strip_filler(text: str) -> str:
    """``text`` without its greetings, form phrases, signature and words that say nothing
    about the work (see the module's lists); whitespace tidied."""
    body, _signature = split_signature(text or "")
    kept, position = [], 0
    for span in filler_spans(body):
        kept.append(body[position : span.start])
        position = span.end
    kept.append(body[position:])
    stripped = " ".join(" ".join(kept).split())
    stripped = MARKS_TOGETHER.sub(r"\1", SPACE_BEFORE_MARK.sub(r"\1", stripped))
    return stripped.strip(" ,;:.!?-")
