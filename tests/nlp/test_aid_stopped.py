"""Aid that is paused, suspended or halted did not happen: a negated aid event (the
annotation guide), with the giver and recipient of the aid that was stopped. Undoing the
stop ("lifts its suspension") resumes aid.

Sentences are written for these tests; expected values come from reading them.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _aid(extractor, text):
    return [e for e in extractor.extract(text, "2026-03-12").events if e.kind == "aid"]


@pytest.mark.parametrize(
    ("text", "giver", "subtype"),
    [
        ("The White House paused all military aid to Ukraine on Monday.", "US", "pledged"),
        (
            "Slovakia's new government announced the cessation of arms aid to Ukraine.",
            "SK",
            "pledged",
        ),
        ("Germany has halted deliveries of Taurus missiles to Ukraine.", "DE", "delivered"),
        (
            "The Pentagon stopped some shipments of artillery shells to Kyiv last week.",
            "US",
            "delivered",
        ),
        (
            "Washington suspended intelligence sharing with Ukraine after the meeting.",
            "US",
            "delivered",
        ),
    ],
)
def test_stopped_aid_is_negated_with_its_giver_and_recipient(extractor, text, giver, subtype):
    (aid,) = _aid(extractor, text)
    assert aid.negated is True
    assert (aid.actor.side, aid.target.side, aid.subtype) == (giver, "UA", subtype)


def test_lifting_a_suspension_resumes_aid(extractor):
    (aid,) = _aid(extractor, "The United States lifted its pause on military aid to Ukraine.")
    assert aid.negated is False
    assert (aid.actor.side, aid.target.side) == ("US", "UA")


@pytest.mark.parametrize(
    "text",
    [
        # A stop that is only a topic, or stopping something that is no aid.
        "The pause in aid is something we hope to resolve soon, the senator said.",
        "Moscow demands stopping NATO expansion, not deploying weapons near its borders.",
        "Russia must stop its attacks on Ukraine's power grid, the minister said.",
        # A call to stop aid is a wish, not a stop.
        "Senators urged the administration to halt weapons deliveries to Kyiv.",
        "Diplomats called on Belarus to cease its support for Russia's war in Ukraine.",
    ],
)
def test_a_stop_that_is_no_stopped_aid_is_no_aid_event(extractor, text):
    assert _aid(extractor, text) == []
