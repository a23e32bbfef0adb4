"""Sentence examples for the detector, read off gold files (synthetic text, own words)."""

from __future__ import annotations

from warledger.eval.gold import parse_gold
from warledger.training.examples import LABELS, document_examples

TEXT = (
    "Drones hit a grain silo in Izmail overnight. "
    "The mayor said nobody was hurt. "
    "Officials did not confirm that talks would resume. "
    "Rebels attacked a convoy near Goma. "
    "A parade was held in Lviv."
)


def bounds(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for part in text.split(". "):
        end = start + len(part) + 1
        out.append((start, min(end, len(text))))
        start = end + 1
    return out


GOLD = parse_gold(
    {
        "doc": "wikipedia:x",
        "events": [
            {
                "kind": "strike",
                "subtype": "air_defense_engagement",
                "evidence": "Drones hit a grain silo",
            },
            {"kind": "talks", "negated": True, "evidence": "not confirm that talks would resume"},
            {"kind": "strike", "theatre": None, "evidence": "Rebels attacked a convoy"},
            {"kind": "talks", "optional": True, "evidence": "A parade was held"},
        ],
        "non_events": [{"reason": "hypothetical", "evidence": "talks would resume"}],
    }
)


def test_each_sentence_gets_the_labels_its_gold_gives():
    examples = document_examples(GOLD, TEXT, bounds(TEXT))
    by_text = {ex.text.split()[0]: ex.labels for ex in examples}
    assert by_text["Drones"] == {"strike", "strike:air_defense_engagement"}
    assert by_text["The"] == set()  # a sentence with no event is a negative example
    assert by_text["Officials"] == {"talks", "negated", "not_asserted"}
    assert by_text["Rebels"] == {"strike", "other_theatre"}
    # the parade sentence holds only an optional reading: neither positive nor negative
    assert "A" not in by_text


def test_every_label_is_scored_for_every_example():
    example = document_examples(GOLD, TEXT, bounds(TEXT))[0]
    cats = example.cats()
    assert set(cats) == set(LABELS)
    assert cats["strike"] == 1.0 and cats["talks"] == 0.0
