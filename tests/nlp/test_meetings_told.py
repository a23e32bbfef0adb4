"""Meetings told without the word "talks": the present of news summaries ("meet on the
sidelines"), a leader hosting another, a call by telephone, a call promised.

Sentences are written for these tests; expected values come from reading them.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

PUBLISHED = "2026-05-14"


def _talks(rules, text: str) -> list:
    return [e for e in rules.extract(text, PUBLISHED).events if e.kind == "talks"]


def _sides(event) -> set[str]:
    return {p.side for p in event.participants if p.side}


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        ("Polish President Karol Nawrocki and Ukrainian President Volodymyr Zelenskyy meet "
         "on the sidelines of the summit in Vilnius.", {"PL", "UA"}),
        ("French President Emmanuel Macron hosted Volodymyr Zelensky at the Elysee Palace "
         "on Monday.", {"FR", "UA"}),
        ("German Chancellor Friedrich Merz and U.S. President Donald Trump speak by "
         "telephone about air defence for Ukraine.", {"DE", "US"}),
    ],
)  # fmt: skip
def test_a_meeting_told_without_the_word_talks_is_held(rules, text, sides):
    (talks,) = _talks(rules, text)
    assert talks.subtype == "held"
    assert sides <= _sides(talks)


def test_a_call_promised_is_scheduled(rules):
    (talks,) = _talks(rules, "Trump said he would speak to Vladimir Putin by phone next week.")
    assert talks.subtype == "scheduled"


@pytest.mark.parametrize(
    "text",
    [
        "Qatar hosted the World Cup in 2022.",
        "The mayor hosted a reception for volunteers on Monday.",
        "The president will speak at a rally in Ohio on Friday.",
        "Putin and Trump agreed to meet in Budapest.",
    ],
)
def test_no_meeting_held(rules, text):
    assert [e for e in _talks(rules, text) if e.subtype == "held"] == []
