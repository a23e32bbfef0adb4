"""How a training run weighs its epochs and its rare labels (no model needed)."""

from __future__ import annotations

from warledger.training.detector import selection_score
from warledger.training.examples import SentenceExample, oversampled
from warledger.types import EVENT_KINDS


def test_a_kind_ranked_right_below_one_half_counts_for_the_kept_epoch():
    dev = [
        SentenceExample("d", "Ministers put forward a plan.", {"proposal"}),
        SentenceExample("d", "It rained in Lviv.", set()),
    ]
    # the proposal sentence scores 0.4 and the other 0.1: a 0.4 threshold separates them
    scores = [{"proposal": 0.4}, {"proposal": 0.1}]
    # proposal F1 1.0; every other kind has no gold and no score, so 0
    assert selection_score(dev, scores) == 1.0 / len(EVENT_KINDS)


def test_a_sentence_with_a_rare_label_is_repeated_up_to_the_cap():
    strike_a = SentenceExample("d", "Drones hit a depot.", {"strike"})
    strike_b = SentenceExample("d", "Missiles hit a port.", {"strike"})
    proposal = SentenceExample("d", "A plan was put forward.", {"proposal"})
    plain = SentenceExample("d", "It rained.", set())
    data = [strike_a, strike_b, proposal, plain]
    # target 4: strike is in 2 sentences (x2), proposal in 1 (x4, capped at 3)
    out = oversampled(data, target=4, cap=3)
    assert out == [strike_a, strike_a, strike_b, strike_b, proposal, proposal, proposal, plain]


def test_cap_one_leaves_the_training_data_as_it_is():
    data = [SentenceExample("d", "A plan was put forward.", {"proposal"})]
    assert oversampled(data, target=100, cap=1) == data
