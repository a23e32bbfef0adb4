"""What a number counts when the noun after it says so: attempts and counterattacks are
attacks, villages are settlements a capture changed hands, dropped bombs were launched."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        (
            "The enemy made 14 attempts to advance near Pokrovsk; all of them were repelled.",
            "ground_combat",
            {"attacks": 14},
        ),
        (
            "Ukrainian troops repelled five Russian counterattacks near Kupiansk on Monday.",
            "ground_combat",
            {"attacks": 5},
        ),
        (
            "Ukrainian forces said they had retaken three villages near Velyka Novosilka.",
            "territorial_change",
            {"settlements": 3},
        ),
        (
            "On 2 May 2026, Russian aircraft dropped four guided aerial bombs on Orikhiv, "
            "Zaporizhzhia oblast.",
            "strike",
            {"launched": 4},
        ),
    ],
)
def test_the_noun_after_the_number_says_what_it_counts(extractor, text, kind, expected):
    events = [e for e in extractor.extract(text, "2026-05-03").events if e.kind == kind]
    assert [{k: c.value for k, c in e.counts.items()} for e in events] == [expected]
