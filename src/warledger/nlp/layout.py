"""The parts of a story that frame it rather than report: headings and datelines.

A headline or a section heading ("Russian strikes on Kharkiv", "[Kharkiv strikes]") names
what the body then reports; read as a sentence it would make a second event (or an event
the body does not support). A dateline ("KYIV, Ukraine (AP) —") says where the reporter
is, not where anything happened: a nationwide barrage reported from Kyiv is not a strike
on Kyiv. Both give context and create no events; their places are not event places.
"""

from __future__ import annotations

import re

# A line that ends like a sentence (or a Wikipedia item's "(Reuters)") is body text.
SENTENCE_END = tuple(".!?\"”’')…:;")

MAX_HEADING_WORDS = 25

# "KYIV, Ukraine —", "ZAPORIZHZHIA (Reuters) -", "WASHINGTON, D.C. —", "MOSCOW, Oct 23 —",
# "WARSAW/KYIV, Sept 10 —":
# an upper-case place, an optional region, country or day, an optional agency, then a dash;
# or, as agencies date their releases, a place and a day closed by a full stop ("MOSCOW,
# March 3. The Defence Ministry said ...").
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][A-Z'.\-]+(?:[ /][A-Z][A-Z'.\-]+)*)"
    r"(?:"
    r"(?:,[ ][A-Z][\w.']*(?:,?[ ](?:[A-Z][\w.']*|\d{1,2}(?:,[ ]\d{4})?))*)?"
    r"(?:[ ]\([^)\n]{1,40}\))?"
    r"[ ]*(?:—|–|--?)[ ]*"
    r"|,[ ]" + _MONTH + r"[ ]\d{1,2}(?:,[ ]\d{4})?\.[ ]+(?=[A-Z])"
    r")",
    re.MULTILINE,
)


def heading_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of heading lines: short lines that do not end like a sentence,
    followed somewhere by body text. A text that is one line is never all heading."""
    spans: list[tuple[int, int]] = []
    body_after = False
    position = len(text)
    for line in reversed(text.splitlines(keepends=True)):
        start = position - len(line)
        position = start
        stripped = line.strip()
        if not stripped:
            continue
        if _is_heading(stripped) and body_after:
            spans.append((start, start + len(line)))  # with its line break
        elif not _is_heading(stripped):
            body_after = True
    return sorted(spans)


def _is_heading(line: str) -> bool:
    return not line.endswith(SENTENCE_END) and len(line.split()) <= MAX_HEADING_WORDS


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of datelines opening a paragraph ("KYIV, Ukraine (AP) — ")."""
    spans = []
    for m in DATELINE.finditer(text):
        if len(m["place"].replace(" ", "")) >= 3 and any(c.isalpha() for c in m["place"]):
            spans.append((m.start("place"), m.end()))
    return spans


def framing_spans(text: str) -> list[tuple[int, int]]:
    """Headings and datelines, touching ones joined (a headline, then "KYIV —")."""
    joined: list[tuple[int, int]] = []
    for lo, hi in sorted(heading_spans(text) + dateline_spans(text)):
        if joined and not text[joined[-1][1] : lo].strip():
            joined[-1] = (joined[-1][0], max(hi, joined[-1][1]))
        else:
            joined.append((lo, hi))
    return joined


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Is ``[start, end)`` within one of ``spans``?"""
    return any(lo <= start and end <= hi for lo, hi in spans)
