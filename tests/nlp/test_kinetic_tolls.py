"""How many were killed or hurt, read the way a reader counts them.

Each text is written for this test; the expected figures are what a reader counts in it:
people named one by one add up with the people counted by a number in the same phrase,
a word for a pair or a family says how many it holds, a role ("the driver") is a person,
an age in apposition is no count, a toll named before its number ("the toll rose to 20",
"the number of injured rose to 9") keys that number, and the toll paragraph after a lede
that names the strike again ("the toll from the strike") belongs to that strike.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _tolls(extractor, text: str) -> list[dict[str, int]]:
    result = extractor.extract(text, published="2025-10-15")
    return [
        {k: c.value for k, c in e.counts.items() if k in {"killed", "injured"}}
        for e in result.events
        if e.kind == "strike"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # one named by role and two counted: three
            "Russian drones hit Sumy on Monday, wounding the driver and two passengers.",
            {"injured": 3},
        ),
        (  # one named with her two grandchildren: three
            "Russian forces shelled Nikopol on Monday. A grandmother and her two grandchildren "
            "were killed.",
            {"killed": 3},
        ),
        ("Russian drones hit Sumy on Monday. A couple were killed.", {"killed": 2}),
        ("Russian drones hit Sumy on Monday. A 45-year-old was killed.", {"killed": 1}),
        ("Russian drones hit Sumy on Monday. Among the injured is a 9-year-old.", {"injured": 1}),
        (  # those named among the dead, when no total was given
            "A Russian missile struck Dnipro on Monday. Among the dead were two children and "
            "a woman.",
            {"killed": 3},
        ),
        (  # the total said first stands: those named among the dead are part of it
            "A Russian missile struck Dnipro on Monday, killing five people. Among the dead "
            "were two children.",
            {"killed": 5},
        ),
        (  # a victim named by age alone counts one beside the others counted
            "Russian drones hit Sumy on Monday, killing a 72-year-old and injuring two others.",
            {"killed": 1, "injured": 2},
        ),
        ("Russian drones hit Sumy on Monday, killing a family of four.", {"killed": 4}),
        (  # the age after the comma counts nobody; the woman counts one
            "Russian drones hit Sumy on Monday. A woman, 58, was wounded.",
            {"injured": 1},
        ),
        (
            "A Russian drone struck a minibus in Marhanets on Monday, killing a mother and her "
            "son. The driver was injured.",
            {"killed": 2, "injured": 1},
        ),
        (
            "Russian forces shelled Nikopol on Monday. A 34-year-old man sustained injuries.",
            {"injured": 1},
        ),
        (
            "A Russian missile struck Dnipro on Monday. Four civilians are reported to have been "
            "killed.",
            {"killed": 4},
        ),
        (
            "A Russian missile struck Dnipro on Monday. The number of people killed rose to 23, "
            "including four children.",
            {"killed": 23},
        ),
        (  # each number keyed by the toll named nearest before it
            "Russian forces shelled Nikopol on Monday. The number of injured rose to 9 and the "
            "death toll to 3.",
            {"injured": 9, "killed": 3},
        ),
        (  # a number of people counts them all: those named after "including" are among them
            "Russian forces shelled Nikopol on Monday, killing 10 people, including a woman and "
            "two children.",
            {"killed": 10},
        ),
    ],
)
def test_people_are_counted_as_a_reader_counts_them(extractor, text, expected):
    assert _tolls(extractor, text) == [expected]


def test_the_toll_paragraph_naming_the_strike_again_is_that_strikes_toll(extractor):
    text = (
        "A Russian missile struck a residential area of Kryvyi Rih on Friday evening.\n"
        "The toll from the strike rose to 20 on Sunday after a 17-year-old girl died in "
        "hospital, the mayor said. More than 70 people were wounded."
    )
    result = extractor.extract(text, published="2025-10-15")
    strikes = [e for e in result.events if e.kind == "strike"]
    assert len(strikes) == 1
    assert {k: c.value for k, c in strikes[0].counts.items()} == {"killed": 20, "injured": 70}
    assert "medical" not in strikes[0].target_kind  # where the girl died, not what was hit
