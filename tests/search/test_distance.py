"""How distance weighs on the matcher's score (search.query: DECAY_SCALE_KM and the tails).

Near counts most; past the near curve a low tail keeps far cooperatives ordered by what
they do, and the tail of work done at the buyer's place is shorter than that of goods
that are sent. The cooperatives stand due north of the request's point at the distances
their slugs say, away from the small directory's."""

import pytest

from search.query import MatchRequest, match
from search.sync import flush
from tests.search.test_matching import add_cooperative

POINT = (50.0, 23.5)
KM_PER_DEGREE = 111.2


def north(km: float) -> tuple[float, float]:
    return POINT[0] + km / KM_PER_DEGREE, POINT[1]


def scores(text: str) -> dict[str, float]:
    result = match(MatchRequest(text, lat=POINT[0], lon=POINT[1], limit=50))
    return {item.slug: item.score for item in result.results}


def test_far_cooperative_doing_the_work_comes_before_a_near_one_sharing_words(
    indexed_directory,
):
    """With the near curve alone, 110 km scored a millionth of 60 km: the profile sharing
    two words came first."""
    add_cooperative(
        "ss-60-km-mugs", "Spółdzielnia Upominki", *north(60),
        capabilities=["gifts_handicraft"], description="Kubki z logo i upominki dla firm.",
    )  # fmt: skip
    add_cooperative(
        "ss-110-km-ceramics", "Spółdzielnia Glina", *north(110),
        capabilities=["ceramics"], description="Ceramika użytkowa: kubki, talerze, wazony.",
    )  # fmt: skip
    flush()
    found = scores("kubki ceramiczne z logo firmy, 300 szt.")
    assert found["ss-110-km-ceramics"] > found["ss-60-km-mugs"], found


@pytest.mark.parametrize(
    ("code", "description", "kept"),
    [
        # a kitchen 150 km away is no answer to a lunch: under a quarter of 100 km's score
        ("catering", "Catering: obiady dla firm i szkół.", (0.0, 0.25)),
        # boxes are sent: 150 km away keeps over half of 100 km's score
        ("co_packing", "Konfekcjonowanie i pakowanie zestawów w kartony.", (0.5, 1.0)),
    ],
)
def test_work_done_on_site_fades_sooner_than_goods_sent(indexed_directory, code, description, kept):
    for km in (100, 150):
        add_cooperative(
            f"ss-{km}-km", f"Spółdzielnia {km}", *north(km),
            capabilities=[code], description=description,
        )  # fmt: skip
    flush()
    text = {"catering": "catering obiady dla firm", "co_packing": "pakowanie zestawów"}[code]
    found = scores(text)
    low, high = kept
    assert low < found["ss-150-km"] / found["ss-100-km"] < high, found
