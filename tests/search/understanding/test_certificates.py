"""Certificates a request asks for are read as the vocabulary's codes."""

import pytest

from cooperatives.vocabulary import CERTIFICATIONS
from search.understanding.certificates import find_certificates


@pytest.mark.parametrize(
    ("text", "codes", "words"),
    [
        ("Catering z HACCP", ("haccp",), ("z", "HACCP")),
        ("haccp wymagane", ("haccp",), ("haccp", "wymagane")),
        (
            "wymagane zatwierdzenie sanepidu",
            ("sanepid",),
            ("wymagane", "zatwierdzenie", "sanepidu"),
        ),
        ("kuchnia z sanepidem", ("sanepid",), ("z", "sanepidem")),
        ("certyfikat ISO 9001", ("iso9001",), ("certyfikat", "ISO", "9001")),
        ("iso9001", ("iso9001",), ("iso9001",)),
        ("ISO 9001:2015", ("iso9001",), ("ISO", "9001:2015")),
        (
            "ze znakiem Zakup Prospołeczny",
            ("zakup_prospoleczny",),
            ("ze", "znakiem", "Zakup", "Prospołeczny"),
        ),
        ("HACCP oraz ISO 9001", ("haccp", "iso9001"), ("HACCP", "ISO", "9001")),
        (
            "sanitary inspection approval and HACCP required",
            ("sanepid", "haccp"),
            ("sanitary", "inspection", "approval", "HACCP", "required"),
        ),
    ],
)
def test_certificates_are_read_as_codes_with_their_words(text, codes, words):
    found = find_certificates(text)
    assert (found.codes, found.words) == (codes, words)


def test_a_certificate_ruled_out_is_not_asked_for_but_its_words_go():
    found = find_certificates("Pakowanie bez HACCP, wymagane ISO 9001")
    assert found.codes == ("iso9001",)
    assert found.words == ("bez", "HACCP", "wymagane", "ISO", "9001")


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # round 54: the buyer's own plan, its own staff's work: nothing asked of the supplier
        ("Hal nie trzeba myć \u2013 robi to nasza ekipa według planu HACCP. Prosimy o wycenę.", ()),
        ("Gotujemy sami, HACCP mamy wdrożony.", ()),
        ("We have ISO 9001 ourselves.", ()),
        # the sentence that also says the supplier must have one still asks for it
        ("Mamy certyfikat ISO 9001 i od dostawców wymagamy ISO 9001.", ("iso9001",)),
        ("Dostawca musi mieć ISO 9001 \u2013 wymaga tego nasz klient.", ("iso9001",)),
        ("Nasza kuchnia ma HACCP. Wykonawca musi mieć HACCP.", ("haccp",)),
    ],
)
def test_a_certificate_the_buyer_holds_itself_is_not_asked_for(text, codes):
    found = find_certificates(text)
    assert found.codes == codes
    assert any(word.upper() in {"HACCP", "ISO"} for word in found.words)


@pytest.mark.parametrize("code", sorted(CERTIFICATIONS))
def test_every_certificate_is_found_by_its_own_labels(code):
    label_pl, label_en, _issuer = CERTIFICATIONS[code]
    assert find_certificates(f"wymagany {label_pl}").codes == (code,)
    assert find_certificates(f"{label_en} required").codes == (code,)


def test_a_text_without_certificates_asks_for_none():
    assert find_certificates("Szycie fartuchów z logo, 2000 szt.").codes == ()


def test_words_are_handed_back_as_written_when_folding_changes_the_length():
    # "ﬁ" folds to two letters: positions in the folded text no longer line up.
    found = find_certificates("Proﬁl: catering z HACCP")
    assert (found.codes, found.words) == (("haccp",), ("z", "HACCP"))
