"""Map a need's free text to capability codes through the taxonomy's labels and synonyms.

Each label part and synonym becomes a phrase; a capability matches when
every word of one of its phrases occurs in one sentence of the text, in any
order (words of one phrase scattered over a long letter named other things:
"welcome" from "we also welcome a price" and "kits" from "first-aid kit").
Work nobody here does is read from the whole text, a word of it repeated
elsewhere referring back to it (see ``_find``). Words are compared by their
keys: the ASCII form of the word as written and of its base form, because
the lemmatiser gives some words different base forms in different cases
("sprzątanie" → "sprzątać" but "sprzątania" → "sprzątanie"); comparing both
meets them. A phrase's verbal noun also gets the keys of its genitive
("prowadzenie" / "prowadzenia" → "prowadzić").

These rules keep the mapping from inventing work the text does not ask for:

* **Typos only for unknown words.** A word of the text that is a word of
  the vocabulary, of the directory's lexicon or of the dictionary (also
  when typed without Polish letters) is taken as written: "malowanie" is
  one letter from "maglowanie" but is itself a word, so painting never
  turns into mangling, and "zycie" (życie) never into "szycie". Other
  words may be one edit (a swap of two neighbouring letters counts as one)
  from a vocabulary word of six letters or more, two from one of ten or
  more, and only the nearest such words count ("szycei" → "szycie").
* **A verb is its verbal noun's work.** Buyers write the steps ("umyć
  posadzkę", "przyszyć metki") where the vocabulary has the noun ("mycie",
  "szycie"): a verbal noun's word is keyed by its verb too, and a prefixed
  verb of the text by the bare one, even when a phrase holds the prefixed
  form ("umycie" is "mycie" of "mycie posadzek") or the bare verb is short
  ("zmyć" → "myć"). A verb that is itself another one prefixed is no bare
  verb ("suszyć", to dry, is no "s" + "uszyć"), and "zszyć" is read as
  written (it staples papers as often as it sews). Round 12's unusual words
  0.740 → 0.788, no kind of any set lower. An ongoing verb written as such is
  its finished pair's work ("utrzymywać czystość" is "utrzymanie czystości").
* **Generic words never name work alone.** "usługi", "prace", "dostawa",
  "services", "work" … only count inside a longer phrase ("usługi
  gastronomiczne"); a phrase made of them alone is ignored, whoever wrote it.
* **The longer phrase wins.** When a capability's every matched phrase
  lies inside a longer phrase matched for another ("pranie odzieży
  roboczej" holds "odzież robocza"), only the longer one's capability is
  kept: washing workwear is laundry, not sewing.
* **Things after work are its objects.** Some terms name a thing made
  ("kubki", "obrusy", "notesy": a capability's *things*), not the work. A
  capability found only through things named after another kind of work is
  left out: "pralnia …, obrusy z restauracji" asks for laundry, "paczki
  powitalne: kubek, notes, długopis" for packing. Named first, things are
  what is ordered: "mydło z logo + zapakowanie" asks for soap and packing.
  On the judged set this raised nDCG@5 from 0.914 to 0.919 (long e-mails
  0.941 → 0.949, unusual words 0.810 → 0.829) and the round-3 set from
  0.902 to 0.917; dropping every thing named beside any work, whatever the
  order, was tried first and lowered long e-mails to 0.908 ("mydło z logo +
  zapakowanie" lost its soap).
* **What other work is done on is not ordered.** Repairing, servicing,
  renting, dyeing … (``WORK_ON_THINGS``) name no trade here; the words after
  one, to the end of its clause, are what it is done on, and a kind read only
  from them is left out: "naprawa 40 krzeseł", "wypożyczenie 200 obrusów",
  "tyre swap for 8 delivery vans". A kind's own phrase holding the word wins
  ("naprawa odzieży"), and a kind's own work named after it ends the stretch
  ("naprawa i uszycie pokrowców" is sewing). Round 9's requests nobody can do
  0.591 → 0.682 with the ways of declining added at the same time; round 8's
  0.750 → 0.875.

Labels and synonyms are edited in the admin, so the phrases are read from
the database (see :func:`load_taxonomy`); :func:`seed_taxonomy` builds the
same from the seed list, for tests and counts.
"""

import itertools
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

import simplemma

from cooperatives.models import Capability
from cooperatives.vocabulary import (
    CAPABILITIES,
    OUTSIDE_WORK,
    OUTSIDE_WORK_LABELS,
    REQUEST_THINGS,
    REQUEST_WORK,
    THINGS,
    WORK_ON_THINGS,
    work_terms,
)
from search.analysis import Lexicon, fold, stem, stems, words

PHRASE_SPLIT = re.compile(r"[,;()\n]")
# Where a sentence ends: a capability's phrase is read only from words of one sentence.
# Not after an abbreviation's full stop: "małe kostki ok. 25 g do mycia rąk" is one sentence.
ABBREVIATIONS = ("ok", "np", "tj", "ul", "nr", "tzw", "godz", "szt", "tys", "ca", "woj", "pow")
SENTENCE_BREAK = re.compile(
    r"(?<=[.!?;])"
    + "".join(rf"(?<!\b{abbreviation}\.)" for abbreviation in ABBREVIATIONS)
    + r"(?<!\bm\.in\.)\s+|\n",
    re.IGNORECASE,
)
# Where a clause of a sentence ends: the things work on things is done on stand in its clause.
CLAUSE_BREAK = re.compile(r"[,:()]|\s[\u2013\u2014-]\s")
# A word that names doing (a verbal noun, gerund or participle, folded): "uszycie",
# "sprzątania", "catering", "sprzątający". Such a word of a kind of work ends the things a
# work on things is done on ("naprawa krzeseł i uszycie pokrowców").
DOING = re.compile(r"(?:[nc]i[eau]|ing|ac[aey]|acych|acym)$")
# "IT" written in capitals names the trade, but to the analyser it is the English stop
# word "it"; it is read as the Polish word for the trade before analysis.
# "3D" is a number to it, and dropped: "3D printing" and "druk 3D" would read as printing;
# they are read as one word, which names work nobody here does (OUTSIDE_WORK).
PRINTING_3D = "druktrójwymiarowy"
ACRONYMS = (
    (re.compile(r"\bIT\b"), "informatyka"),
    (re.compile(r"\b3[dD][\s-]*(?:print|druk|wydruk)\w*", re.IGNORECASE), PRINTING_3D),
    (re.compile(r"\b(?:wy)?druk\w*\s+3[dD]\b", re.IGNORECASE), PRINTING_3D),
)
# Words that say a request is for work or for a thing without saying which.
GENERIC_WORDS = """
    usługa usługi usług wykonanie wykonać wykonania realizacja realizacji zamówienie
    zamówienia zamówić oferta ofertę obsługa obsługi świadczenie zlecenie zlecić firma
    klient zakup dostawa dostawy dostaw wsparcie pomoc organizacja przygotowanie
    prowadzenie wytwarzanie produkcja produkcji praca prace prac robota roboty wyrób wyroby
    produkt produkty artykuł artykuły
    service services work works working production supply supplies delivery deliveries
    order orders offer provision support help company client customer product products
    operation manufacturing job
""".split()  # noqa: SIM905 - a list literal of 67 words reads worse
# The endings of an ongoing verb and of its finished pair, folded: "utrzymywać" →
# "utrzymać", "zmywać" → "zmyć", "wypisywać" → "wypisać".
ONGOING_ENDINGS = (("ywac", ("ac", "yc")), ("iwac", ("ac", "ic")))
ONE_EDIT_FROM = 6  # letters a vocabulary word needs before one typo is allowed in it
TWO_EDITS_FROM = 10
VERBAL_NOUN = re.compile(r"(?:[nc]ie)$")  # "sprzątanie", "szycie": declined like "pole"
# A verbal noun's verb: "mycie" → "myć", "szycie" → "szyć", "sprzątanie" → "sprzątać"; at
# least two letters before "cie", three before "nie" ("danie", a dish, is no "dać").
VERB_OF_NOUN = re.compile(r"(?:(?<=\w\w)cie|(?<=\w\wa)nie)$")
# What must remain of a prefixed verb when what remains is such a verb ("zmyć" → "myć").
PREFIXED_VERB_FROM = 3
# Prefixed verbs that are words of their own, read as written: "zszyć" staples papers as
# often as it sews ("zszyte dokumenty", "zszyta broszura"); "podszyć" hems (mending
# clothes, not making them) or, "podszywać się", impersonates; "rozszyć" undoes stitches
# ("teczki trzeba rozszyć" before scanning).
OWN_WORDS = frozenset({"zszyc", "zszywac", "podszyc", "podszywac", "rozszyc", "rozszywac"})
# Polish letters an ASCII-typed word may have lost, to ask the dictionary about it.
POLISH_LETTERS = {"a": "ą", "c": "ć", "e": "ę", "l": "ł", "n": "ń", "o": "ó", "s": "ś", "z": "źż"}
MAX_RESTORATIONS = 512
# The letters Polish spells two ways for one sound: a word written with the other one of a
# pair is a spelling mistake, not an unknown word ("wypieże", "ręcznikuw", "hemia").
SPELLING_MISTAKES = (("ż", "rz"), ("rz", "ż"), ("u", "ó"), ("ó", "u"), ("h", "ch"), ("ch", "h"))


# Prefixes that make a Polish verb (and its verbal noun) perfective, in folded form.
VERBAL_PREFIXES = (
    "prze", "przy", "roz", "pod", "nad", "wy", "za", "ze", "po", "na", "do", "od", "ob",
    "we", "z", "s", "u", "o", "w",
)  # fmt: skip
# What must remain after the prefix, so that short words are not read into others; a verbal
# noun of a one-syllable verb may be a letter shorter ("umycie" of "mycie"). Five-letter nouns
# in -nie are left out: those prefixed are words of their own ("zadanie", "podanie", "wydanie"
# are a task, an application, an edition, not a dish, "danie").
PREFIXED_STEM_FROM = 6
PREFIXED_VERBAL_NOUN_FROM = 5
SHORT_VERBAL_NOUN = re.compile(r"cie$")
# Polish case endings on a word borrowed as written ("na WordPressie", "z Allegro", "w
# helpdesku"): an unknown word is read as the vocabulary word it holds before one of them.
LOANWORD_ENDINGS = ("ie", "em", "u", "a", "y", "ach", "ami", "om", "owi", "ow", "e")
LOANWORD_STEM_FROM = 5
# Diminutive endings and the plain thing's, longest first: "karteczka" → "kartka",
# "woreczek" → "worek", "spódniczka" → "spódnica", "pelerynka" → "peleryna" (folded).
DIMINUTIVES = (("eczka", "ka"), ("eczek", "ek"), ("iczka", "ica"), ("yczka", "yca"), ("ka", "a"))
# Letters a diminutive's stem keeps before its ending ("lampka" → "lampa", not "laka").
DIMINUTIVE_STEM_FROM = 4
VOWELS = frozenset("aeiouy")


@lru_cache(maxsize=1)
def generic_keys() -> frozenset[str]:
    """The keys of the generic words (built on first use: the lemmatiser loads slowly)."""
    return frozenset(fold(form) for word in GENERIC_WORDS for form in (word, stem(word)))


def _phrases(text: str) -> list[str]:
    return [part.strip() for part in PHRASE_SPLIT.split(text or "") if part.strip()]


def edit_distance(a: str, b: str, limit: int) -> int:
    """Insertions, deletions, substitutions and swaps of neighbouring letters from ``a`` to
    ``b`` (each swapped letter moved once); ``limit + 1`` when it takes more than ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before, previous = [], list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            current[j] = min(
                previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] != b[j - 1])
            )
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], before[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        before, previous = previous, current
    return min(previous[-1], limit + 1)


def within_one_edit(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by at most one insertion, deletion, substitution or
    swap of neighbouring letters."""
    return edit_distance(a, b, 1) <= 1


def _edits_allowed(length: int) -> int:
    if length >= TWO_EDITS_FROM:
        return 2
    return 1 if length >= ONE_EDIT_FROM else 0


def _deletions(word: str, depth: int) -> set[str]:
    """``word`` and every string left by deleting up to ``depth`` of its letters."""
    found, frontier = {word}, {word}
    for _ in range(depth):
        frontier = {part[:i] + part[i + 1 :] for part in frontier for i in range(len(part))}
        found |= frontier
    return found


@lru_cache(maxsize=100_000)
def _known(word: str) -> bool:
    return simplemma.is_known(word, lang=("pl", "en"), low_memory=True)


@lru_cache(maxsize=100_000)
def restored(word: str) -> tuple[str, ...]:
    """The dictionary's words that ``word`` is when typed without Polish letters
    ("stolowki" → "stołówki", "swieta" → "święta") or with one of the spelling mistakes
    Polish schools fight ("wypieże" → "wypierze", "ręcznikuw" → "ręczników", "hemia" →
    "chemia"); empty when it is a word as typed or fits none."""
    if _known(word):
        return ()
    misspelt = tuple(variant for variant in _orthographic_variants(word) if _known(variant))
    if misspelt or word != fold(word):
        return misspelt
    choices = [letter + POLISH_LETTERS.get(letter, "") for letter in word]
    if math.prod(len(letters) for letters in choices) > MAX_RESTORATIONS:
        return ()
    candidates = ("".join(letters) for letters in itertools.product(*choices))
    return tuple(c for c in candidates if simplemma.is_known(c, lang="pl", low_memory=True))


def _orthographic_variants(word: str) -> set[str]:
    """``word`` with one of its "ż"/"rz", "u"/"ó" or "h"/"ch" written the other way."""
    variants = set()
    for written, meant in SPELLING_MISTAKES:
        start = word.find(written)
        while start != -1:
            variants.add(word[:start] + meant + word[start + len(written) :])
            start = word.find(written, start + 1)
    return variants - {word}


def in_dictionary(word: str) -> bool:
    """Whether the lemmatiser's dictionary knows ``word``, also typed without Polish letters."""
    return _known(word) or bool(restored(word))


@lru_cache(maxsize=1)
def work_on_things_keys() -> frozenset[str]:
    """The keys of :data:`WORK_ON_THINGS` (built on first use, like :func:`generic_keys`)."""
    return frozenset(fold(form) for word in WORK_ON_THINGS for form in (word, stem(word)))


@dataclass(frozen=True)
class Word:
    """One word as the taxonomy compares it: as written, its base form, and its keys."""

    written: str
    base: str
    keys: frozenset[str]

    @property
    def generic(self) -> bool:
        return bool(self.keys & generic_keys())

    def known(self, lexicon: Lexicon | None) -> bool:
        """A real word (not a typo): in the dictionary, or seen in the directory."""
        if lexicon is not None and lexicon.base_form(fold(self.written)) is not None:
            return True
        return in_dictionary(self.written)


def analysed(text: str, lexicon: Lexicon | None = None) -> list[Word]:
    """The words of ``text`` with their keys (see the module's docstring); a word typed
    without Polish letters has the keys of the words it may be, too."""
    for pattern, replacement in ACRONYMS:
        text = pattern.sub(replacement, text or "")
    return [
        Word(
            written,
            base,
            frozenset({fold(written), fold(base)} | {fold(stem(r)) for r in restored(written)}),
        )
        for written, base in zip(words(text), stems(text, lexicon), strict=True)
    ]


def _phrase_words(text: str) -> tuple[Word, ...]:
    """The words of a label or synonym, a verbal noun with the keys of its genitive too."""
    result = []
    for word in analysed(text):
        if VERBAL_NOUN.search(word.written):
            genitive = word.written[:-1] + "a"
            word = Word(word.written, word.base, word.keys | {fold(genitive), fold(stem(genitive))})
        verb = verb_of_noun(word.written)
        if verb:
            word = Word(word.written, word.base, word.keys | {fold(verb)})
        result.append(word)
    return tuple(result)


def verb_of_noun(written: str) -> str | None:
    """The infinitive of a verbal noun of the vocabulary ("mycie" → "myć"), when it is no
    generic word ("pranie" → "prać" folds to "prac", the genitive of "praca")."""
    if not VERB_OF_NOUN.search(written):
        return None
    verb = written[:-3] + "ć"
    return None if fold(verb) in generic_keys() else verb


def _one_word_once(pairs: list) -> bool:
    """Whether a kind was read from one word, once ("pralnia", "ogród", "porcjowanie"):
    by one-word phrases all found at the same place ("zdigitalizować" is both the phrase
    "zdigitalizować" and, unprefixed, "digitalizować")."""
    if any(len(phrase.words) != 1 for phrase, _ in pairs):
        return False
    return len({span.words for _, span in pairs}) == 1


def _in_one_sentence(at: list[set[int]], sentence_of: list[int]) -> list[set[int]]:
    """The positions of a phrase's words (``at``, one set per word) kept to the sentences
    that hold all of them: "obsługę foto i wideo naszej gali … dwa tygodnie po wydarzeniu"
    is no "obsługa wydarzeń"; empty sets when no sentence holds them all."""
    shared = set.intersection(*({sentence_of[p] for p in where} for where in at))
    return [{p for p in where if sentence_of[p] in shared} for where in at]


def _spellings(word: Word) -> set[str]:
    """How a vocabulary word and the forms it is keyed by are spelled, unfolded."""
    genitive = word.written[:-1] + "a"
    return {word.written, word.base, genitive, stem(genitive)}


@dataclass(frozen=True)
class Phrase:
    code: str
    words: tuple[Word, ...]
    # It names a thing made ("kubki", "obrusy"), not the work.
    thing: bool = False


@dataclass(frozen=True)
class _Span:
    """Where a phrase stands in a text: the positions of its words, and of those that are
    not generic."""

    words: frozenset[int]
    core: frozenset[int]

    @classmethod
    def of(cls, phrase: Phrase, at: list[set[int]]) -> "_Span":
        pairs = list(zip(phrase.words, at, strict=True))
        return cls(
            frozenset().union(*(where for _word, where in pairs)),
            frozenset().union(*(where for word, where in pairs if not word.generic)),
        )

    def inside(self, other: "_Span") -> bool:
        """Within ``other`` and shorter: "odzież robocza" in "pranie odzieży roboczej",
        "kompletacja" in "kompletacja zamówień"."""
        return self.core <= other.core and (self.core < other.core or self.words < other.words)


def _own_phrase_beside(phrase: Phrase, at: list[set[int]], taken: frozenset[int]) -> bool:
    """Whether a kind's phrase of several words, written together, has a word of its own
    beside the words of work nobody here does: "montaż wiązek elektrycznych do instalacji
    12 V" asks for harness assembly, though "montaż instalacji elektrycznej" is an
    installer's; "przewóz zwłok … osobom zmarłym" asks for no "przewóz osób"."""
    core = [where for word, where in zip(phrase.words, at, strict=True) if not word.generic]
    if len(core) < 2 or not any(where - taken for where in core):
        return False
    reach = len(phrase.words)
    return any(
        all(any(abs(other - start) <= reach for other in where) for where in at) for start in at[0]
    )


@dataclass
class Taxonomy:
    """Capability codes with the phrases that name them."""

    labels: dict[str, tuple[str, str]] = field(default_factory=dict)
    phrases: dict[str, list[Phrase]] = field(default_factory=dict)
    # Work no capability covers (cooperatives/vocabulary.py OUTSIDE_WORK): found like the
    # capabilities' phrases, so that a capability named only inside one is dropped, but never
    # returned as a capability.
    outside: dict[str, list[Phrase]] = field(default_factory=dict)
    outside_labels: dict[str, tuple[str, str]] = field(default_factory=dict)
    _by_key: dict[str, set[Phrase]] = field(default_factory=lambda: defaultdict(set))
    # How the vocabulary's words and forms are spelled, unfolded ("łata", "łat", "pranie").
    _spelled: set[str] = field(default_factory=set)
    # The verbs of the vocabulary's verbal nouns, folded ("myc" of "mycie"): a prefixed
    # verb may be shorter than PREFIXED_STEM_FROM when what remains is one ("zmyć").
    # Those that are bare verbs (``_bare_verbs``) are worked out once, when first read.
    _verbs: set[str] = field(default_factory=set)
    _bare: frozenset[str] | None = field(default=None, repr=False, compare=False)
    # Vocabulary keys by what is left of them after deleting the letters a typo may add.
    _by_deletion: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    # The last text read and what was found in it: a request is read for its kinds of work
    # and then for work nobody does, in one pass (a tuple, replaced whole: thread-safe).
    _last_read: tuple | None = field(default=None, repr=False, compare=False)

    def add(
        self,
        code: str,
        label_pl: str,
        label_en: str,
        synonyms: list[str],
        things: list[str] | tuple[str, ...] = (),
    ) -> None:
        texts = _phrases(label_pl) + _phrases(label_en) + list(synonyms)
        phrases = {Phrase(code, _phrase_words(text)) for text in texts}
        phrases |= {Phrase(code, _phrase_words(text), thing=True) for text in things}
        # A phrase of generic words only ("usługi", "dostawy") would name every request.
        kept = [phrase for phrase in phrases if any(not w.generic for w in phrase.words)]
        self.phrases[code] = kept
        self.labels[code] = (label_pl, label_en)
        self._index(kept)

    def add_request_words(
        self, code: str, work: tuple[str, ...], things: tuple[str, ...] = ()
    ) -> None:
        """More phrases of ``code``, read in requests like its own (cooperatives/vocabulary.py
        REQUEST_WORK and REQUEST_THINGS: not indexed into profiles)."""
        added = [Phrase(code, _phrase_words(text)) for text in work]
        added += [Phrase(code, _phrase_words(text), thing=True) for text in things]
        added = [phrase for phrase in added if phrase not in self.phrases.get(code, [])]
        self.phrases.setdefault(code, []).extend(added)
        self._index(added)

    def add_outside(self, name: str, texts: tuple[str, ...], labels: tuple[str, str]) -> None:
        """Phrases of work no capability covers, under ``name`` (see ``outside``), and what
        a page calls it (Polish, English)."""
        self.outside[name] = [Phrase(name, _phrase_words(text)) for text in texts]
        self.outside_labels[name] = labels
        self._index(self.outside[name])

    def _index(self, phrases: list[Phrase]) -> None:
        self._last_read = None
        self._bare = None
        for phrase in phrases:
            for word in phrase.words:
                self._spelled |= _spellings(word)
                verb = verb_of_noun(word.written)
                if verb:
                    self._verbs.add(fold(verb))
                for key in word.keys:
                    if key not in self._by_key:  # a key's deletions are the same each time
                        for deleted in _deletions(key, _edits_allowed(len(key))):
                            self._by_deletion[deleted].add(key)
                    self._by_key[key].add(phrase)

    def _bare_verbs(self) -> frozenset[str]:
        """The verbs that are no prefixed one of another: "suszyć" (to dry) is no "s" +
        "uszyć" (to sew up), whose bare verb is "szyć"."""
        if self._bare is None:
            self._bare = frozenset(
                verb
                for verb in self._verbs
                if not any(
                    verb.startswith(prefix) and verb[len(prefix) :] in self._verbs
                    for prefix in VERBAL_PREFIXES
                )
            )
        return self._bare

    @property
    def vocabulary(self) -> frozenset[str]:
        """Every key of every phrase word."""
        return frozenset(self._by_key)

    def capabilities_in(self, text: str, lexicon: Lexicon | None = None) -> list[str]:
        """Codes whose label or synonym occurs in ``text``, in the order the text names them
        (the first named is the request's main part); ties in taxonomy order."""
        found = self._found_with_spans(text, lexicon)
        first = {code: min(min(span.words) for _, span in pairs) for code, pairs in found.items()}
        return sorted((code for code in self.phrases if code in first), key=first.__getitem__)

    def matches(self, text: str, lexicon: Lexicon | None = None) -> dict[str, list[Phrase]]:
        """The phrases of each capability found in ``text`` (see the module's rules)."""
        return {
            code: [phrase for phrase, _span in found]
            for code, found in self._found_with_spans(text, lexicon).items()
            if code in self.phrases
        }

    def outside_work_in(self, text: str, lexicon: Lexicon | None = None) -> list[str]:
        """The names of the work no capability covers that ``text`` asks for."""
        found = self._found_with_spans(text, lexicon)
        return [name for name in self.outside if name in found]

    def _found_with_spans(
        self, text: str, lexicon: Lexicon | None
    ) -> dict[str, list[tuple[Phrase, "_Span"]]]:
        last = self._last_read
        if last is not None and last[0] == text and last[1] is lexicon:
            return last[2]
        found = self._find(text, lexicon)
        self._last_read = (text, lexicon, found)
        return found

    def _find(self, text: str, lexicon: Lexicon | None) -> dict[str, list[tuple[Phrase, "_Span"]]]:
        positions: dict[str, set[int]] = defaultdict(set)
        as_typed = text != fold(text)
        read, sentence_of, clause_of = [], [], []
        clauses = (
            (number, clause)
            for number, sentence in enumerate(SENTENCE_BREAK.split(text))
            for clause in CLAUSE_BREAK.split(sentence)
        )
        for clause_number, (number, clause) in enumerate(clauses):
            words_in_it = analysed(clause, lexicon)
            read += words_in_it
            sentence_of += [number] * len(words_in_it)
            clause_of += [clause_number] * len(words_in_it)
        for position, word in enumerate(read):
            for key in self._keys_meant(word, lexicon, as_typed):
                positions[key].add(position)
        candidates = {phrase for key in positions for phrase in self._by_key[key]}
        spans, placed = {}, {}
        for phrase in candidates:
            at = [set().union(*(positions[key] for key in word.keys)) for word in phrase.words]
            if len(at) > 1 and phrase.code not in self.outside:
                at = _in_one_sentence(at, sentence_of)
            if all(at):
                spans[phrase] = _Span.of(phrase, at)
                placed[phrase] = at
        # The words of work nobody here does are its own, wherever they stand (a repeated
        # one refers back to it: "montaż instalacji fotowoltaicznej … wykona montaż do
        # końca maja"): a kind of work that can only be read with one of them is not asked
        # for ("auto dostawcze" from "naprawa samochodów dostawczych. Mamy sześć aut").
        taken = frozenset().union(*(spans[p].core for p in spans if p.code in self.outside))
        if taken:
            spans = {
                phrase: span
                for phrase, span in spans.items()
                if phrase.code in self.outside
                or all(
                    where - taken
                    for word, where in zip(phrase.words, placed[phrase], strict=True)
                    if not word.generic
                )
                or _own_phrase_beside(phrase, placed[phrase], taken)
            }
        found: dict[str, list[tuple[Phrase, _Span]]] = defaultdict(list)
        for phrase, span in spans.items():
            if not any(
                other.code != phrase.code and span.inside(other_span)
                for other, other_span in spans.items()
            ):
                found[phrase.code].append((phrase, span))
        # Beside work nobody here does, a kind named only by things is that work's object
        # or the sender's situation ("tapicer … 60 krzeseł", "prowadzimy szwalnię odzieży
        # roboczej … przegląd maszyn szwalniczych"), not a second part of the request.
        # So is a kind read from one word, once: "szkolenia BHP dla … pralni hotelowej",
        # "wiercenie studni do podlewania ogrodu"; named by more ("sprzątanie biura i montaż
        # klimatyzacji" holds "sprzątanie" and "sprzątanie biur") it is still asked for.
        if any(code in self.outside for code in found):
            found = {
                code: pairs
                for code, pairs in found.items()
                if code in self.outside
                or not (all(phrase.thing for phrase, _ in pairs) or _one_word_once(pairs))
            }
        # What work on things is done on is no thing ordered (WORK_ON_THINGS).
        worked_on = _worked_on(
            read, clause_of, {code: pairs for code, pairs in found.items() if code in self.phrases}
        )
        if worked_on:
            found = {
                code: pairs
                for code, pairs in found.items()
                if code in self.outside or not all(span.words <= worked_on for _, span in pairs)
            }
        # Things named after the first work named are that work's objects (module docstring).
        work_starts = [
            min(span.words)
            for pairs in found.values()
            for phrase, span in pairs
            if not phrase.thing
        ]
        if work_starts:
            first_work = min(work_starts)
            found = {
                code: pairs
                for code, pairs in found.items()
                if not all(phrase.thing for phrase, _ in pairs)
                or min(min(span.words) for _, span in pairs) < first_work
            }
        return dict(found)

    def _keys_meant(self, word: Word, lexicon: Lexicon | None, as_typed: bool) -> set[str]:
        """The vocabulary keys a word of a need stands for: its own, or for a word that is
        no known word, the nearest within the typos allowed.

        In a text written with Polish letters (``as_typed``), a word without them that is
        a word as typed means itself: "na dwa lata" is years, not patches ("łata") it
        folds to."""
        keys = word.keys
        if as_typed and word.written == fold(word.written) and _known(word.written):
            spelled = {fold(form) for form in (word.written, word.base) if form in self._spelled}
            keys = frozenset(key for key in keys if key in spelled or key not in self._by_key)
        # A prefixed verb is also its bare verb, even when a phrase holds the prefixed one:
        # "umycie" is "mycie" (of "mycie posadzek") though "umyć" names washing someone.
        finished = self._finished_aspect(frozenset({fold(word.written)}) & keys)
        exact = (
            {key for key in keys if key in self._by_key}
            | self._without_prefix(keys)
            | finished
            | self._without_prefix(frozenset(finished))
        )
        # A thing made small is the thing: "pelerynki" are capes, "karteczki" cards.
        exact = exact or self._undiminished(keys)
        if exact:
            return exact
        # A real word is taken as written; an unknown one may be a declined loanword or a typo.
        guesses = self._without_ending(keys) or self._nearest(keys)
        if guesses and word.known(lexicon):
            return set()
        return guesses

    def _finished_aspect(self, keys: frozenset[str]) -> set[str]:
        """The vocabulary keys of the finished verb of an ongoing one written as such:
        "utrzymywać czystość" is "utrzymać" of "utrzymanie czystości", "zmywać" is "zmyć"
        (both guesses are tried; the one that is no word matches no key). Only the word
        as written: "poczęstunek przygotowuje koło gospodyń" (base "przygotowywać") tells
        who prepares it, and is no "przygotować poczęstunek"."""
        return {
            key[: -len(ongoing)] + finished
            for key in keys
            for ongoing, endings in ONGOING_ENDINGS
            if key.endswith(ongoing)
            for finished in endings
            if key[: -len(ongoing)] + finished in self._by_key
        }

    def _without_prefix(self, keys: frozenset[str]) -> set[str]:
        """The vocabulary keys a word stands for once its verbal prefix is taken off: Polish
        makes a finished action with a prefix ("zeskanowanie" of "skanowanie", "uszycie"
        of "szycie", "wydrukowanie", "zapakowanie", "posprzątanie"), and buyers write
        both."""
        return {
            key[len(prefix) :]
            for key in keys
            for prefix in VERBAL_PREFIXES
            if key.startswith(prefix)
            and key not in OWN_WORDS
            and key[len(prefix) :] in self._by_key
            and (
                len(key) - len(prefix) >= _stem_needed(key)
                or (
                    key[len(prefix) :] in self._bare_verbs()
                    and len(key) - len(prefix) >= PREFIXED_VERB_FROM
                )
            )
        }

    def _undiminished(self, keys: frozenset[str]) -> set[str]:
        """The vocabulary keys of the things a diminutive names ("pelerynka" of "peleryna",
        "serwetka" of "serweta", "woreczek" of "worek"), for a word no key holds as written.
        Only things: a diminutive of a material or a machine is another thing ("glinka" in
        a soap is no potter's clay, "maszynka" to clip a dog no machine to clean)."""
        return {
            key[: -len(small)] + plain
            for key in keys
            for small, plain in DIMINUTIVES
            if key.endswith(small)
            and len(key) - len(small) >= DIMINUTIVE_STEM_FROM
            and key[-len(small) - 1] not in VOWELS
            and any(phrase.thing for phrase in self._by_key.get(key[: -len(small)] + plain, ()))
        }

    def _without_ending(self, keys: frozenset[str]) -> set[str]:
        """The vocabulary keys an unknown word holds before a Polish case ending: loanwords
        are declined as written ("WordPressie", "helpdesku")."""
        return {
            key[: -len(ending)]
            for key in keys
            for ending in LOANWORD_ENDINGS
            if key.endswith(ending)
            and len(key) - len(ending) >= LOANWORD_STEM_FROM
            and key[: -len(ending)] in self._by_key
        }

    def _nearest(self, keys: frozenset[str]) -> set[str]:
        best, nearest = TWO_EDITS_FROM, set()
        for key in keys:
            depth = _edits_allowed(len(key) + 2) if len(key) >= ONE_EDIT_FROM - 1 else 0
            candidates = set().union(
                *(self._by_deletion.get(deleted, ()) for deleted in _deletions(key, depth))
            )
            for candidate in candidates:
                distance = edit_distance(key, candidate, _edits_allowed(len(candidate)))
                if distance <= _edits_allowed(len(candidate)) and distance <= best:
                    if distance < best:
                        best, nearest = distance, set()
                    nearest.add(candidate)
        return nearest


def _worked_on(read: list[Word], clause_of: list[int], found: dict) -> set[int]:
    """The positions of the words that work on things no kind of work here names
    (:data:`WORK_ON_THINGS`: "naprawa", "farbowanie", "tyre swap") is done on: the rest of
    its clause, up to where a kind of work's own words begin ("naprawa krzeseł i uszycie
    pokrowców" still asks for sewing). An action word inside a kind of work's phrase
    found ("naprawa odzieży") is that phrase's own; ``found`` holds only kinds of work."""
    pairs = [pair for found_pairs in found.values() for pair in found_pairs]
    in_phrases = set().union(*(span.words for _, span in pairs))
    # Where other work begins: a word of doing, or the first word of a phrase of work of
    # two words or more ("przegląd i pielęgnacja zieleni" asks for green maintenance).
    doing = {position for position in in_phrases if DOING.search(fold(read[position].written))}
    doing |= {
        min(span.words) for phrase, span in pairs if not phrase.thing and len(phrase.words) > 1
    }
    zone: set[int] = set()
    for position, word in enumerate(read):
        if position in in_phrases or not word.keys & work_on_things_keys():
            continue
        after = position + 1
        while after < len(read) and clause_of[after] == clause_of[position] and after not in doing:
            zone.add(after)
            after += 1
    return zone


def _stem_needed(key: str) -> int:
    return PREFIXED_VERBAL_NOUN_FROM if SHORT_VERBAL_NOUN.search(key) else PREFIXED_STEM_FROM


def seed_taxonomy() -> Taxonomy:
    """The taxonomy of the seed list (cooperatives/vocabulary.py), without the database."""
    taxonomy = Taxonomy()
    for code, seed in sorted(CAPABILITIES.items()):
        taxonomy.add(
            code, seed.label_pl, seed.label_en, list(work_terms(code)), THINGS.get(code, ())
        )
    return _with_phrases_in_code(taxonomy)


def _with_phrases_in_code(taxonomy: Taxonomy) -> Taxonomy:
    """``taxonomy`` with the phrases that live in code: the request words of its kinds and
    the work no kind covers."""
    for code in sorted(set(REQUEST_WORK) | set(REQUEST_THINGS)):
        if code in taxonomy.phrases:
            taxonomy.add_request_words(
                code, REQUEST_WORK.get(code, ()), REQUEST_THINGS.get(code, ())
            )
    for name, texts in OUTSIDE_WORK.items():
        taxonomy.add_outside(name, texts, OUTSIDE_WORK_LABELS[name])
    return taxonomy


def load_taxonomy() -> Taxonomy:
    """The taxonomy as it is in the database now."""

    taxonomy = Taxonomy()
    for capability in Capability.objects.order_by("code"):
        taxonomy.add(
            capability.code,
            capability.label_pl,
            capability.label_en,
            capability.synonym_list(),
            capability.thing_list(),
        )
    return _with_phrases_in_code(taxonomy)
