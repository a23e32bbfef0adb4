"""Several sides' tolls in one sentence: one casualty report each.

"Ukraine says it has killed 11,000 Russian troops since the invasion began, while
Russia's defence ministry said 498 of its troops had been killed" gives two totals by two
claimants; read as one report, the second figure is lost. A sentence read as one
casualty report is split at a contrast ("while", "whereas", a semicolon), and each part
that is a total by itself becomes its own report.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from warledger.nlp.kinetic.facts import SentenceFacts
from warledger.nlp.kinetic.totals import is_casualty_total
from warledger.nlp.kinetic.victims import casualty_report, is_total_without_trigger

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

    from warledger.nlp.context import DocContext
    from warledger.types import Event

# Where a sentence turns to another party's figure.
CONTRAST = re.compile(r",?\s+(?:while|whereas)\s+|;\s+", re.IGNORECASE)


def split_tolls(
    events: list[Event],
    facts: SentenceFacts,
    ctx: DocContext,
    last_side: str | None,
    facts_of: Callable[[SpacySpan, DocContext], SentenceFacts],
) -> list[Event]:
    """The sentence's events, with a casualty report of two totals made two reports."""
    if len(events) != 1 or events[0].kind != "casualty_report":
        return events
    sent = facts.sent
    cuts = [m for m in CONTRAST.finditer(sent.text)]
    if not cuts:
        return events
    bounds = [0, *(m.start() for m in cuts), len(sent.text)]
    starts = [0, *(m.end() for m in cuts)]
    parts = []
    for start, end in zip(starts, bounds[1:], strict=True):
        span = ctx.doc.char_span(
            sent.start_char + start, sent.start_char + end, alignment_mode="contract"
        )
        if span is None or not len(span):
            continue
        part = facts_of(span, ctx)
        if is_casualty_total(part, "strike") or is_total_without_trigger(part, ctx, last_side):
            parts.append(part)
    if len(parts) < 2:
        return events
    reports = [casualty_report(part, ctx) for part in parts]
    for report in reports[1:]:
        if report.claimant is None:  # "Zelensky says ..., while estimating ...": his too
            report.claimant, report.status = reports[0].claimant, reports[0].status
    return reports
