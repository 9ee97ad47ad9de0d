"""Town names are declined by rule, so a town is found in whichever case the request uses."""

import pytest

from search.places.declension import adjective_forms, name_forms


@pytest.mark.parametrize(
    ("name", "written"),
    [
        ("Gniezno", "gnieźnie"),  # neuter, zn → źni before -e
        ("Kłodzko", "kłodzku"),  # neuter, velar stem takes -u
        ("Kraków", "krakowie"),  # ó opens to o
        ("Radom", "radomia"),  # once-soft m: genitive -ia
        ("Radom", "radomiu"),
        ("Lublin", "lublinie"),  # hard n: locative -ie
        ("Sopot", "sopocie"),  # t → ci
        ("Poznań", "poznaniu"),  # soft ń → ni
        ("Mielec", "mielca"),  # fleeting e
        ("Włocławek", "włocławku"),
        ("Łódź", "łodzi"),  # feminine in a consonant
        ("Bydgoszcz", "bydgoszczy"),
        ("Piła", "pile"),  # ł → l
        ("Legnica", "legnicy"),  # hardened c: genitive = locative
        ("Gdynia", "gdyni"),
        ("Katowice", "katowicach"),  # plural
        ("Kielce", "kielc"),
        ("Suwałki", "suwałkach"),
        ("Teremiski", "teremiskach"),  # a plural noun in -ski, not an adjective
        ("Stawiski", "stawisk"),
        ("Reńska Wieś", "reńskiej wsi"),  # wieś is irregular
        ("Limanowa", "limanowej"),  # one word, declined as an adjective
        ("Dąbrowa", "dąbrowie"),  # or as a noun
        ("Zakopane", "zakopanem"),  # an adjective alone
        ("Zielona Góra", "zielonej górze"),  # adjective + noun, r → rz
        ("Nowy Sącz", "nowym sączu"),
        ("Jelenia Góra", "jeleniej górze"),  # soft adjective
        ("Bielsko-Biała", "bielsku białej"),
        ("Tarnowskie Góry", "tarnowskich górach"),
        ("Nakło nad Notecią", "nakle nad notecią"),  # words after "nad" stay
        ("Nowe Miasto Lubawskie", "nowym mieście lubawskim"),  # miasto is irregular
        ("Białystok", "białymstoku"),
        ("Złoty Stok", "złotym stoku"),  # an adjective by its ending only
        ("Dobrzyniewo Duże", "dobrzyniewa dużego"),
        ("Mlewiec", "mlewca"),  # "ie" goes with the fleeting "e" (round 61)
        ("Wągrowiec", "wągrowcu"),
        ("Kamieniec", "kamieńca"),
    ],
)
def test_a_town_name_has_the_case_forms_people_write(name, written):
    assert written in name_forms(name)


def test_an_adjective_has_every_case_and_gender():
    forms = adjective_forms("mazowiecki")
    assert {"mazowieckiego", "mazowieckiej", "mazowiecką", "mazowieckim", "mazowieckie"} <= forms
    assert "mazowieckych" not in forms
