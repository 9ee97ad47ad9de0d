"""A need's own words are mapped to capability codes through labels and synonyms."""

import pytest

from search.taxonomy import load_taxonomy, within_one_edit

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("szycie fartuchów roboczych, 2000 szt.", ["sewing"]),
        ("szycie fartuchow", ["sewing"]),
        ("szycei fartuchów", ["sewing"]),
        ("konfekcjonowanie zestawów prezentowych", ["co_packing"]),
        ("katering dla 100 osób", ["catering"]),
        ("sewing work aprons", ["sewing"]),
        ("wiązki kablowe do maszyn", ["electrical_assembly"]),
        ("koszenie trawników przy biurze", ["green_maintenance"]),
        ("naprawa zegarów wieżowych", []),
    ],
)
def test_need_text_maps_to_capabilities(text, codes):
    assert load_taxonomy().capabilities_in(text) == codes


def test_a_synonym_added_in_the_admin_is_used_at_once():
    from cooperatives.models import Capability

    laundry = Capability.objects.get(code="laundry")
    laundry.synonyms += "\nmaglownica"
    laundry.save()
    assert load_taxonomy().capabilities_in("potrzebna maglownica") == ["laundry"]


def test_one_edit_tolerance():
    assert within_one_edit("katering", "catering")
    assert within_one_edit("szycei", "szycie") is False  # a swap is two edits
    assert not within_one_edit("ceramika", "cement")
