"""Kinds of work learned from the judged requests (search.examples): what a judged request
asks for, the model's likeliest kind, the set left out while it is scored, and kinds read
from things alone left out when the model is sure of another."""

import pytest

from search import examples
from search.examples import (
    NOBODY,
    Example,
    Model,
    held_out,
    kinds_asked,
    likeliest_kind,
    request_words,
    without_passing_things,
)
from search.measure.evaluation import Judged, evaluate

CAPABILITIES = {
    "szwalnia": {"sewing", "textile_repair"},
    "pracownia": {"sewing", "printing"},
    "kuchnia": {"catering"},
}

# Herbs to weigh into bags, seal and label (round 22): the taxonomy also reads sewing from
# the sacks ("w workach") they arrive in.
HERBS = (
    "Gospodarstwo zielarskie. Suszone mieszanki ziół do parzenia mamy w workach po 10 kg. "
    "Trzeba je odważyć po 50 g do torebek kraft z okienkiem, zgrzać, nakleić naszą etykietę "
    "i ułożyć po 24 sztuki w kartonie, razem ok. 4800 torebek."
)


def test_a_judged_request_asks_for_the_kinds_all_its_best_cooperatives_do():
    assert kinds_asked({"szwalnia": 3, "pracownia": 3, "kuchnia": 1}, CAPABILITIES) == ("sewing",)
    # the best alone count: a grade-2 caterer adds nothing
    assert kinds_asked({"szwalnia": 3, "kuchnia": 2}, CAPABILITIES) == (
        "sewing",
        "textile_repair",
    )
    # best cooperatives sharing no kind: the commonest among them
    assert kinds_asked({"pracownia": 3, "kuchnia": 3, "szwalnia": 3}, CAPABILITIES) == ("sewing",)
    assert kinds_asked({}, CAPABILITIES) == (NOBODY,)


def test_the_model_gives_the_kind_whose_requests_share_the_words():
    model = Model(
        [
            Example("a", ("sewing",), frozenset({"uszyc", "fartuch"})),
            Example("b", ("sewing",), frozenset({"uszyc", "torba"})),
            Example("c", ("catering",), frozenset({"obiad", "dowiezc"})),
            Example("d", ("catering",), frozenset({"obiad", "torba"})),
        ]
    )
    assert model.likeliest(frozenset({"uszyc", "torba"}))[0] == "sewing"
    assert model.likeliest(frozenset({"obiad", "torba"}))[0] == "catering"
    _kind, probability = model.likeliest(frozenset({"torba"}))  # one word of each: unsure
    assert probability == pytest.approx(0.5)
    assert Model([]).likeliest(frozenset({"obiad"})) == (NOBODY, 0.0)


def test_a_request_left_out_is_not_learned_from(monkeypatch):
    learned = (
        Example("r1", ("laundry",), frozenset({"przepocone", "stroje"})),
        Example("r2", ("sewing",), frozenset({"stroje", "uszyc"})),
    )
    monkeypatch.setattr(examples, "examples", lambda: learned)
    examples.model.cache_clear()
    try:
        assert likeliest_kind("przepocone stroje")[0] == "laundry"
        with held_out(["r1"]):
            assert likeliest_kind("przepocone stroje")[0] == "sewing"
        assert likeliest_kind("przepocone stroje")[0] == "laundry"
    finally:
        examples.model.cache_clear()


def test_a_kind_read_from_things_alone_goes_when_the_model_is_sure_of_another(monkeypatch):
    # a model of its own: the judged sets grow every round, and with them its certainty
    learned = (
        Example("p1", ("co_packing",), request_words(HERBS)),
        Example("p2", ("co_packing",), request_words("odważyć herbatę do torebek i zgrzać")),
        Example("s1", ("sewing",), request_words("uszyć worki z lnu na zioła")),
    )
    monkeypatch.setattr(examples, "examples", lambda: learned)
    examples.model.cache_clear()
    try:
        kind, probability = likeliest_kind(HERBS)
        assert (kind, probability >= examples.SURE) == ("co_packing", True)
        assert without_passing_things(["sewing", "co_packing"], {"sewing"}, HERBS) == ["co_packing"]
        # read from words of work, a second kind stays: it may be a second part
        assert without_passing_things(["sewing", "co_packing"], set(), HERBS) == [
            "sewing",
            "co_packing",
        ]
        # a kind the model does not name is never dropped for it, nor one kind alone
        assert without_passing_things(["sewing", "printing"], {"sewing"}, HERBS) == [
            "sewing",
            "printing",
        ]
        assert without_passing_things(["sewing"], {"sewing"}, HERBS) == ["sewing"]
    finally:
        examples.model.cache_clear()


def test_an_unsure_model_leaves_the_kinds_alone():
    text = "torby"
    kind, probability = likeliest_kind(text)
    assert probability < examples.SURE or kind != "co_packing"
    assert without_passing_things(["sewing", "co_packing"], {"sewing"}, text) == [
        "sewing",
        "co_packing",
    ]


def test_a_judged_set_is_scored_with_its_requests_left_out_of_the_model():
    judged = [
        Judged("x-1", "szycie fartuchów", "short", None, None, [], {}),
        Judged("x-2", "catering", "short", None, None, [], {}),
    ]
    seen = []

    def ranker(item):
        seen.append(examples._held_out.get())
        return []

    evaluate("probe", ranker, judged)
    assert seen == [frozenset({"x-1", "x-2"})] * 2
    assert examples._held_out.get() == frozenset()


def test_without_the_judged_sets_the_kinds_read_stay(monkeypatch, tmp_path):
    monkeypatch.setattr(examples, "DIRECTORY", tmp_path / "directory.jsonl")
    monkeypatch.setattr(examples, "EXAMPLES", tmp_path)
    examples.examples.cache_clear()
    examples.model.cache_clear()
    try:
        assert examples.examples() == ()
        assert without_passing_things(["sewing", "co_packing"], {"sewing"}, HERBS) == [
            "sewing",
            "co_packing",
        ]
    finally:
        examples.examples.cache_clear()
        examples.model.cache_clear()
