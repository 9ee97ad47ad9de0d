"""Python-side text analysis: inflections meet, diacritics are optional, noise words go."""

from search.analysis import Lexicon, fold, folded_stems, stems, words


def test_inflected_forms_share_one_base_form():
    assert set(stems("szycie szycia szyciem")) == {"szycie"}
    assert set(stems("fartuch fartuchy fartuchów fartuchami")) == {"fartuch"}
    assert set(stems("ceramika ceramiki ceramiką")) == {"ceramika"}


def test_folding_removes_polish_letters():
    assert fold("Łódź") == "lodz"
    assert fold("Zażółć gęślą jaźń") == "zazolc gesla jazn"


def test_words_typed_without_diacritics_meet_the_written_ones():
    lexicon = Lexicon(["Szyjemy fartuchów i odzieży roboczej w Łodzi."])
    assert stems("fartuchow", lexicon) == ["fartuch"]
    assert folded_stems("fartuchow odziezy", lexicon) == folded_stems("fartuchów odzieży")


def test_stop_words_and_numbers_are_dropped():
    assert words("Szycie 2000 szt. dla firmy w Poznaniu and the") == [
        "szycie",
        "firmy",
        "poznaniu",
    ]


def test_english_words_get_their_base_form_too():
    assert stems("sewing aprons") == ["sew", "apron"]
