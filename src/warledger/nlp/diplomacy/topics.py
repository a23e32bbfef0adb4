"""Whether a plan belongs to the war's peace process or to another subject.

Kremlin releases and leaders' speeches propose many plans ("a plan to develop the R-7
rocket", "a Global Development Initiative"); the theatre's ``proposal_topics`` say what the
war's plans are about.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from warledger.nlp.diplomacy import arguments
from warledger.nlp.diplomacy.lexicon import load

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

    from warledger.nlp.context import DocContext
    from warledger.types import Event


def about_the_war(ctx: DocContext, sent: SpacySpan, earlier: list[Event]) -> bool:
    """A plan is the peace process's when its sentence, or the one before ("The Kremlin
    dismissed the plan"), names a topic of the war's deals, or a plan was read already."""
    pattern = load(ctx.theatre).proposal_topics
    if pattern is None or any(e.kind == "proposal" for e in earlier):
        return True
    prev = arguments.previous_sentence(sent)
    return any(pattern.search(s.text) for s in (sent, prev) if s is not None)
