"""Our additions to the spaCy pipeline: small, rule-based, each with one job."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.language import Language

if TYPE_CHECKING:
    from spacy.tokens import Doc

LINE_BREAKS = "line_breaks"


@Language.component(LINE_BREAKS)
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headings and list items carry no final period.

    Without this the parser glues a heading ("Intensifying Aerial Assaults") onto the next
    paragraph's first sentence, and an event would borrow the heading's words.
    """
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
    return doc


def install(nlp: Language) -> Language:
    """Add our components to ``nlp`` (idempotent); they run before the parser."""
    if LINE_BREAKS not in nlp.pipe_names:
        nlp.add_pipe(LINE_BREAKS, before="parser")
    return nlp
