"""B-cubed on hand-computed examples, and alignment of labelled to predicted mentions."""

import json

import pytest

from warledger.eval import bcubed
from warledger.eval.clusters import align, parse_cluster_set
from warledger.types import Mention

# Bagga & Baldwin's example: 12 mentions, truth {1-5} {6,7} {8-12}.
TRUTH = {i: "A" for i in range(1, 6)} | {6: "B", 7: "B"} | {i: "C" for i in range(8, 13)}


def test_textbook_merge_of_the_two_small_clusters():
    # response {1-5} {6-12}: precision 1-5: 1; 6,7: 2/7; 8-12: 5/7 -> (5 + 4/7 + 25/7)/12 = 16/21
    response = {i: "x" for i in range(1, 6)} | {i: "y" for i in range(6, 13)}
    result = bcubed.score(TRUTH, response)
    assert result.precision == pytest.approx(16 / 21)
    assert result.recall == 1.0
    assert result.f1 == pytest.approx(2 * (16 / 21) / (1 + 16 / 21))


def test_textbook_merge_of_the_two_large_clusters_is_worse():
    # response {1-5, 8-12} {6,7}: precision 10 mentions at 5/10, 2 at 1 -> 7/12
    response = {i: "x" for i in [*range(1, 6), *range(8, 13)]} | {6: "y", 7: "y"}
    result = bcubed.score(TRUTH, response)
    assert result.precision == pytest.approx(7 / 12)
    assert result.recall == 1.0


def test_all_singletons_have_full_precision_and_low_recall():
    # recall 1-5: 1/5; 6,7: 1/2; 8-12: 1/5 -> (1 + 1 + 1)/12 = 1/4
    result = bcubed.score(TRUTH, {i: i for i in TRUTH})
    assert result.precision == 1.0
    assert result.recall == pytest.approx(1 / 4)


def test_unpredicted_mentions_are_singletons_and_extra_ones_are_ignored():
    gold = {"a": 1, "b": 1, "c": 2}
    # "b" was never produced; "z" is not labelled
    result = bcubed.score(gold, {"a": "p", "c": "q", "z": "p"})
    # a: P 1/1 R 1/2; b: P 1 R 1/2; c: P 1 R 1 -> P 1, R 2/3
    assert result.precision == 1.0
    assert result.recall == pytest.approx(2 / 3)
    assert result.found == 2


CLUSTERS = {
    "name": "toy",
    "documents": {"voa:1": {"published": "2025-03-11"}},
    "clusters": [
        {
            "id": "geneva-talks",
            "kind": "talks",
            "description": "US-Ukraine talks in Geneva",
            "mentions": [
                {"doc": "voa:1", "evidence": "met in Geneva on Tuesday"},
                {"doc": "voa:2", "evidence": "the Geneva talks between the US and Ukraine"},
            ],
        },
        {
            "id": "ceasefire-offer",
            "kind": "ceasefire",
            "description": "Ukraine accepts a ceasefire",
            "mentions": [
                {"doc": "voa:2", "subtype": "accepted", "evidence": "Ukraine accepted a ceasefire"}
            ],
        },
    ],
}


def mention(doc, i, kind, evidence, subtype=None, event=None):
    return Mention(f"{doc}#{i}", doc, event or _event(kind, evidence, subtype))


def _event(kind, evidence, subtype):
    from warledger.types import Event, Span

    return Event(kind=kind, subtype=subtype, evidence=[Span(0, len(evidence), evidence)])


def test_alignment_needs_same_document_kind_and_evidence():
    labelled = parse_cluster_set(CLUSTERS).mentions
    predicted = [
        ("voa:1", _event("talks", "They met in Geneva on Tuesday.", "held"), "E1"),
        ("voa:2", _event("talks", "Ukraine accepted a ceasefire at the talks.", None), "E2"),
        ("voa:2", _event("ceasefire", "Ukraine accepted a ceasefire at the talks.", None), "E3"),
    ]
    found = align(labelled, predicted)
    assert found[("geneva-talks", "voa:1", "met in Geneva on Tuesday")] == "E1"
    # E2 is a talks event, but it has only "talks" and "Ukraine" of the phrase's content
    # words geneva/talks/ukraine ("the", "between", "us", "and" are stop words): 2/3 < 70 %
    assert ("geneva-talks", "voa:2", "the Geneva talks between the US and Ukraine") not in found
    assert found[("ceasefire-offer", "voa:2", "Ukraine accepted a ceasefire")] == "E3"


def test_alignment_prefers_the_labelled_subtype_in_a_shared_sentence():
    labelled = parse_cluster_set(CLUSTERS).mentions
    sentence = "Ukraine accepted a ceasefire that the US proposed."
    predicted = [
        ("voa:2", _event("ceasefire", sentence, "proposed"), "P"),
        ("voa:2", _event("ceasefire", sentence, "accepted"), "A"),
    ]
    assert (
        align(labelled, predicted)[("ceasefire-offer", "voa:2", "Ukraine accepted a ceasefire")]
        == "A"
    )


def test_bcubed_for_predictions_scores_consolidated_mentions(tmp_path):
    path = tmp_path / "toy.json"
    path.write_text(json.dumps(CLUSTERS))
    m1 = mention("voa:1", 0, "talks", "They met in Geneva on Tuesday.")
    m2 = mention("voa:2", 0, "talks", "After the Geneva talks between the US and Ukraine, ...")
    m3 = mention("voa:2", 1, "ceasefire", "Ukraine accepted a ceasefire.")
    # the consolidator put the two talks mentions together and the ceasefire apart: perfect
    perfect = bcubed.bcubed_for_predictions(path, [(m1, "E1"), (m2, "E1"), (m3, "E2")])
    assert (perfect.precision, perfect.recall, perfect.f1) == (1.0, 1.0, 1.0)
    # everything in one event: talks mentions P 2/3, ceasefire P 1/3 -> P 5/9, R 1
    merged = bcubed.bcubed_for_predictions(path, [(m1, "E"), (m2, "E"), (m3, "E")])
    assert merged.precision == pytest.approx(5 / 9)
    assert merged.recall == 1.0
    # the talks split into two events: R for each talks mention 1/2 -> R (1/2+1/2+1)/3 = 2/3
    split = bcubed.bcubed_for_predictions(path, [(m1, "E1"), (m2, "E3"), (m3, "E2")])
    assert split.precision == 1.0
    assert split.recall == pytest.approx(2 / 3)


def test_cluster_set_rejects_a_cluster_without_kind():
    from warledger.errors import UsageError

    with pytest.raises(UsageError):
        parse_cluster_set([{"id": "x", "mentions": [{"doc": "voa:1", "evidence": "e"}]}])
