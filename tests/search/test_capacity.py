"""capacity_fit: can a cooperative's stated capacity carry a request's quantity by its deadline?

Pure arithmetic on dates and numbers: every boundary of the module's rules
is pinned with data where a slightly wrong rule gives another verdict
(1.19 against 1.2, a week read as a day, the lead time forgotten). The last
test checks that the index holds what the function reads.
"""

import datetime as dt

import pytest
from django.utils import translation

from cooperatives.models import Capability, CooperativeCapacity
from search.capacity import (
    FITS,
    SHORT,
    TIGHT,
    UNKNOWN,
    Quantity,
    capacity_fit,
    unit_kind,
    working_days,
)
from search.client import get_client
from search.documents import CooperativeDocument
from search.query import FIT_WEIGHTS, fit_weight
from search.sync import flush
from tests.cooperatives.factories import CooperativePageFactory

MONDAY = dt.date(2027, 3, 1)


def stated(capability: str, amount: int, unit: str, per: str) -> dict:
    return {"capability": capability, "amount": amount, "unit": unit, "per": per}


def fit(quantity, capacities, parts=("sewing",), lead=None, deadline=None, today=MONDAY):
    return capacity_fit(quantity, list(parts), capacities, lead, deadline, today)


# -- working days


@pytest.mark.parametrize(
    ("start", "end", "days"),
    [
        (MONDAY, MONDAY, 0),
        (MONDAY, MONDAY + dt.timedelta(days=7), 5),
        (MONDAY, MONDAY + dt.timedelta(days=28), 20),
        (dt.date(2027, 3, 5), dt.date(2027, 3, 8), 1),  # Friday to Monday: the Friday
        (dt.date(2027, 3, 6), dt.date(2027, 3, 8), 0),  # a weekend
        (dt.date(2027, 3, 3), dt.date(2027, 3, 13), 8),  # Wednesday to Saturday week after
        (MONDAY + dt.timedelta(days=3), MONDAY, 0),  # backwards
    ],
)
def test_working_days_count_monday_to_friday_without_the_last_day(start, end, days):
    assert working_days(start, end) == days


# -- rates against rates


@pytest.mark.parametrize(
    ("amount", "verdict"),
    [(120, "fits"), (119, "tight"), (108, "tight"), (90, "tight"), (89, "short"), (40, "short")],
)
def test_rate_ratio_boundaries_are_exact(amount, verdict):
    """1.2 fits, 1.19 is tight, 0.9 is tight, 0.89 is short."""
    result = fit(Quantity(100, "szt.", "day"), [stated("sewing", amount, "szt.", "day")])
    assert result.fit == verdict
    assert result.ratio == pytest.approx(amount / 100)


@pytest.mark.parametrize(
    ("capacity", "need", "verdict"),
    [
        # 800 a week is 160 a day: tight against 150 a day, though 800 > 150 * 1.2
        (stated("sewing", 800, "szt.", "week"), Quantity(150, "szt.", "day"), "tight"),
        (stated("sewing", 800, "szt.", "week"), Quantity(600, "szt.", "week"), "fits"),
        # 1000 a week is 200 a day: exactly what is asked
        (stated("sewing", 1000, "szt.", "week"), Quantity(200, "szt.", "day"), "tight"),
        # 2100 a month is 100 a working day (21 of them); 500 a week is 100 a day
        (stated("sewing", 2100, "szt.", "month"), Quantity(500, "szt.", "week"), "tight"),
        (stated("sewing", 2100, "szt.", "month"), Quantity(80, "szt.", "day"), "fits"),
        # 100 a day is 2100 a month: short against 3000 a month
        (stated("sewing", 100, "szt.", "day"), Quantity(3000, "szt.", "month"), "short"),
    ],
)
def test_rates_are_compared_per_working_day(capacity, need, verdict):
    assert fit(need, [capacity]).fit == verdict


def test_reason_of_a_rate_is_written_in_the_active_language():
    kitchen = [stated("catering", 150, "posiłków", "day")]
    need = Quantity(400, "obiadów", "day")
    result = fit(need, kitchen, parts=["catering"])
    assert result.fit == "short"
    assert result.reason == "deklaruje 150 posiłków dziennie; potrzebujesz 400 dziennie"
    with translation.override("en"):
        assert fit(need, kitchen, parts=["catering"]).reason == (
            "states 150 meals a day; you need 400 a day"
        )


def test_reason_keeps_the_request_s_own_period():
    result = fit(Quantity(2000, "szt.", "week"), [stated("sewing", 150, "szt.", "day")])
    assert result.reason == "deklaruje 150 szt. dziennie; potrzebujesz 2000 tygodniowo"
    assert result.fit == "short"  # 150 a day against 400 a day


# -- one-off amounts


@pytest.mark.parametrize(
    ("lead", "verdict", "ratio"),
    [
        (None, "fits", 1.25),  # ten working days: 1000 against 800
        (0, "fits", 1.25),
        (2, "tight", 1.0),  # from Wednesday: eight working days, 800
        (7, "short", 0.625),  # from next Monday: five working days, 500
    ],
)
def test_one_off_amount_counts_working_days_from_the_first_delivery_to_the_deadline(
    lead, verdict, ratio
):
    result = fit(
        Quantity(800, "sztuk"),
        [stated("sewing", 100, "szt.", "day")],
        lead=lead,
        deadline=MONDAY + dt.timedelta(days=14),
    )
    assert (result.fit, result.ratio) == (verdict, pytest.approx(ratio))


def test_one_off_reason_says_what_can_be_made_by_the_deadline():
    result = fit(
        Quantity(2000, "szt."),
        [stated("sewing", 800, "szt.", "week")],
        lead=5,
        deadline=MONDAY + dt.timedelta(days=21),
    )
    # From Saturday 6 March to Monday 22 March: ten working days, 1600 pieces.
    assert result.reason == "deklaruje 800 szt. tygodniowo, ok. 1600 do terminu; potrzebujesz 2000"
    assert result.fit == "short"


def test_lead_time_after_the_deadline_is_short_whatever_the_capacity():
    huge = [stated("sewing", 100_000, "szt.", "day")]
    result = fit(Quantity(10, "szt."), huge, lead=15, deadline=MONDAY + dt.timedelta(days=14))
    assert result.fit == "short"
    assert result.reason == "pierwsza dostawa 15 dni od zamówienia; termin za 14 dni"
    with translation.override("en"):
        late = fit(Quantity(10, "szt."), huge, lead=1, deadline=MONDAY)
        assert late.reason == "first delivery 1 day after the order; the deadline is today"


def test_first_delivery_on_the_deadline_leaves_no_working_day_for_a_one_off_amount():
    result = fit(
        Quantity(10, "szt."),
        [stated("sewing", 1000, "szt.", "day")],
        lead=14,
        deadline=MONDAY + dt.timedelta(days=14),
    )
    assert result.fit == "short"
    assert result.reason == "między pierwszą dostawą a terminem nie ma dnia roboczego"


def test_a_rate_may_start_on_the_deadline_but_not_after_it():
    capacity = [stated("sewing", 1000, "szt.", "week")]
    deadline = MONDAY + dt.timedelta(days=10)
    assert fit(Quantity(100, "szt.", "day"), capacity, lead=10, deadline=deadline).fit == "fits"
    assert fit(Quantity(100, "szt.", "day"), capacity, lead=11, deadline=deadline).fit == "short"


def test_a_passed_deadline_is_short():
    result = fit(
        Quantity(10, "szt."),
        [stated("sewing", 1000, "szt.", "day")],
        deadline=MONDAY - dt.timedelta(days=1),
    )
    assert (result.fit, result.reason) == ("short", "termin już minął")


@pytest.mark.parametrize(
    ("amount", "verdict"), [(2000, "fits"), (2666, "fits"), (2667, "tight"), (3600, "short")]
)
def test_one_off_without_deadline_is_compared_with_four_weeks(amount, verdict):
    """800 a week makes 3200 in four weeks: 3200 / 2666 ≥ 1.2 > 3200 / 2667."""
    result = fit(Quantity(amount, "szt."), [stated("sewing", 800, "szt.", "week")], lead=30)
    assert result.fit == verdict


def test_undated_reason_says_four_weeks():
    with translation.override("en"):
        result = fit(Quantity(5000, "pcs"), [stated("sewing", 800, "szt.", "week")])
    assert result.reason == "states 800 pieces a week, about 3200 in four weeks; you need 5000"


# -- catering for a number of people


def test_people_count_as_meals_for_catering_served_on_one_day():
    kitchens = {
        "small": [stated("catering", 150, "posiłków", "day")],
        "large": [stated("catering", 400, "posiłków", "day")],
        "weekly": [stated("catering", 1500, "posiłków", "week")],  # 300 a day
    }
    verdicts = {
        name: fit(Quantity(300, "osób"), capacity, parts=["catering"]).fit
        for name, capacity in kitchens.items()
    }
    assert verdicts == {"small": "short", "large": "fits", "weekly": "tight"}
    result = fit(Quantity(300, "osób"), kitchens["small"], parts=["catering"])
    assert result.reason == (
        "deklaruje 150 posiłków dziennie; potrzebujesz posiłków dla 300 osób jednego dnia"
    )


def test_people_are_not_meals_outside_catering():
    prepared = [stated("food_preparation", 500, "posiłków", "day")]
    result = fit(Quantity(300, "osób"), prepared, parts=["food_preparation"])
    assert (result.fit, result.reason) == (
        "unknown",
        "możliwości produkcyjne podane w innych jednostkach",
    )


# -- what is compared and what is not


def test_incompatible_units_are_unknown():
    result = fit(Quantity(500, "kg"), [stated("sewing", 800, "szt.", "week")])
    assert result.fit == "unknown"
    assert result.ratio is None
    with translation.override("en"):
        again = fit(Quantity(500, "kg"), [stated("sewing", 800, "szt.", "week")])
        assert again.reason == "capacity stated in other units"


def test_unknown_unit_of_the_request_is_unknown():
    assert fit(Quantity(500, "beczek"), [stated("sewing", 800, "szt.", "week")]).fit == "unknown"


def test_capacity_of_other_work_is_not_compared():
    printing = [stated("printing", 100_000, "szt.", "day")]
    result = fit(Quantity(500, "szt."), printing, parts=["sewing"])
    assert (result.fit, result.reason) == ("unknown", "nie podano możliwości produkcyjnych")


def test_no_quantity_is_unknown_without_a_reason():
    capacities = [stated("sewing", 800, "szt.", "week")]
    assert fit(None, capacities) == fit(None, []) == fit(None, capacities, parts=[])
    result = fit(None, capacities)
    assert (result.fit, result.reason, result.ratio) == ("unknown", "", None)


def test_the_part_with_the_smallest_ratio_decides():
    """Printed bags: sewing 4000 in four weeks, printing 1200 or 1000, for 1000 bags."""
    sewing = stated("sewing", 1000, "szt.", "week")
    for printing, verdict in ((300, "fits"), (250, "tight")):
        capacities = [sewing, stated("printing", printing, "szt.", "week")]
        result = fit(Quantity(1000, "szt."), capacities, parts=["sewing", "printing"])
        assert result.fit == verdict
        assert f"{printing} szt. tygodniowo" in result.reason


def test_a_part_without_comparable_capacity_does_not_decide():
    capacities = [stated("sewing", 1000, "szt.", "week"), stated("printing", 10, "godzin", "day")]
    result = fit(Quantity(1000, "szt."), capacities, parts=["sewing", "printing"])
    assert (result.fit, result.ratio) == ("fits", pytest.approx(4.0))


def test_of_several_rows_for_one_part_the_largest_counts():
    capacities = [stated("sewing", 100, "szt.", "day"), stated("sewing", 800, "szt.", "week")]
    assert fit(Quantity(140, "szt.", "day"), capacities).fit == "tight"  # 160 / 140


@pytest.mark.parametrize(
    ("written", "kind"),
    [
        ("szt.", "pieces"),
        ("sztuk", "pieces"),
        ("PCS", "pieces"),
        ("obiadów", "meals"),
        ("porcji", "meals"),
        ("meals", "meals"),
        ("osób", "people"),
        ("m2", "m²"),
        ("stron", "pages"),
        ("godzin", "hours"),
        ("litrów", None),
    ],
)
def test_unit_words_name_what_is_counted(written, kind):
    assert unit_kind(written) == kind


def test_fractional_amounts_are_written_with_the_language_s_decimal_mark():
    result = fit(
        Quantity(2.5, "kg", "day"), [stated("soap_making", 20, "kg", "week")], ["soap_making"]
    )
    assert result.reason == "deklaruje 20 kg tygodniowo; potrzebujesz 2,5 dziennie"
    assert result.fit == "fits"  # 4 kg a day


# -- the index


@pytest.mark.django_db
def test_index_holds_each_capacity_per_working_day_and_the_lead_time(search_index):
    """Three sewing cooperatives: 40 a day (200 a week), 100 a day (2100 a month), none
    stated. Only the second makes 50 a day; the indexed rows feed capacity_fit as they are."""
    sewing = Capability.objects.get(code="sewing")

    def cooperative(slug, *capacities, lead=None):
        return CooperativePageFactory(
            title=slug,
            slug=slug,
            capabilities=[sewing],
            lead_time_days=lead,
            capacities=[
                CooperativeCapacity(capability=sewing, amount=amount, unit="szt.", per=per)
                for amount, per in capacities
            ],
        )

    small = cooperative("ss-mala", (200, "week"), lead=3)
    large = cooperative("ss-duza", (2100, "month"))
    cooperative("ss-milczaca")
    flush()
    client, alias = get_client(), CooperativeDocument.alias_name()
    client.indices.refresh(index=alias)

    source = client.get(index=alias, id=small.pk)["_source"]
    assert source["capacities"] == [
        {"capability": "sewing", "amount": 200, "unit": "szt.", "per": "week", "per_day": 40.0}
    ]
    assert source["lead_time_days"] == 3
    assert client.get(index=alias, id=large.pk)["_source"]["capacities"][0]["per_day"] == 100.0

    at_least_50_a_day = {
        "nested": {
            "path": "capacities",
            "query": {
                "bool": {
                    "filter": [
                        {"term": {"capacities.capability": "sewing"}},
                        {"range": {"capacities.per_day": {"gte": 50}}},
                    ]
                }
            },
        }
    }
    hits = client.search(index=alias, query=at_least_50_a_day)["hits"]["hits"]
    assert [hit["_source"]["slug"] for hit in hits] == ["ss-duza"]

    verdict = capacity_fit(
        Quantity(45, "szt.", "day"), ["sewing"], source["capacities"], 3, None, MONDAY
    )
    assert verdict.fit == "short"  # 40 a day


@pytest.mark.parametrize("fit", [FITS, TIGHT, UNKNOWN, SHORT])
def test_a_cooperative_doing_none_of_the_work_weighs_no_more_than_one_short_of_it(fit):
    # a ceramics workshop sharing a sewing request's words states no capacity for sewing
    assert fit_weight(fit, ["sewing"], []) <= FIT_WEIGHTS[SHORT]
    assert fit_weight(fit, ["sewing"], ["sewing"]) == FIT_WEIGHTS[fit]
    # words alone, no kind of work asked for: its own capacity counts
    assert fit_weight(fit, [], []) == FIT_WEIGHTS[fit]
