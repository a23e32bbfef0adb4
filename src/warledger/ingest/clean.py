"""Canonical text: the article as a reader sees it, without the junk scrapers leave in.

The cleaned text is what the ledger stores and every later character offset points
into, so cleaning is deterministic and conservative: it drops whole junk lines (comment
widgets, bylines, avatars, cross-promotion headings), strips artifacts glued into
sentences (``[cite: …]``, ``[link to …]``, "Find out more about …" SEO tails) and
removes paragraphs that repeat the title or an earlier paragraph. It never rewrites
the words of the article itself.
"""

from __future__ import annotations

import re
import unicodedata

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_LINE_BREAKS = re.compile(r"\r\n|[\r\u2028\u2029\x0b\x0c\x85]")

# Editing artifacts pasted from AI drafts and CMS templates: "[cite: 3]", "[cite_start]",
# "[link to an internal article about …]".
_ARTIFACT = r"\[(?:cite(?:_start|_end)?\b[^\]\n]*|link to\b[^\]\n]*)\]"
_ARTIFACT_BEFORE_PUNCT = re.compile(r"[ \t]*" + _ARTIFACT + r"(?=[.,;:!?)\]]|$)", re.I)
_ARTIFACT_ANYWHERE = re.compile(_ARTIFACT, re.I)

# An SEO tail glued after a sentence's full stop: "…pronouncements.. Find out more about
# <keywords>." The sentence keeps its own punctuation; the tail to the end of the line goes.
_FIND_OUT_MORE_TAIL = re.compile(r"(?<=[.!?])\.?[ \t]*Find out more about\b.*$")
_FIND_OUT_MORE_LINE = re.compile(r"^Find out more about\b", re.I)

_COMMENT_WIDGET = re.compile(
    r"""^(?:
        (?:\d+\s+)?comments?(?:\s*\(\d+\))?
      | (?:leave|post|add|write|submit)\s+(?:a|your)\s+(?:comment|reply|response)s?
      | (?:view|show|load|see|read)\s+(?:all\s+)?(?:\d+\s+)?comments?
      | no\s+comments?(?:\s+yet)?
      | comments?\s+(?:are\s+)?closed
      | \d+\s+(?:responses?|replies|reactions?)
      | be\s+the\s+first\s+to\s+comment
      | join\s+the\s+(?:conversation|discussion)
      | advertisement | sponsored(?:\s+content)? | share(?:\s+this(?:\s+article|\s+story)?)?
    )[.!:]?$""",
    re.I | re.X,
)
_AVATAR = re.compile(r"^(?:[\w .'’-]{0,40}\s)?(?:avatar|gravatar)(?:\s[\w .'’()-]{0,40})?$", re.I)
_NAME = r"[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|de|van|von|al|bin))*"
_BYLINE = re.compile(
    r"^(?i:by|written\s+by|posted\s+by|reporting\s+by|author:?)\s+"
    + _NAME
    + r"(?:\s*(?:,|&|\band\b)\s*"
    + _NAME
    + r")*(?:\s*[,|•·–—-]\s*[^.!?]{0,60})?$"
)
# Cross-promotion: "IN FOCUS: …", "READ MORE: …", "Related: …" pointing at other stories.
_PROMO = re.compile(
    r"^(?:in\s+focus|read\s+more|read\s+also|also\s+read|related(?:\s+(?:stories|articles?|"
    r"coverage|content))?|see\s+also|more\s+on\s+this|watch|listen|recommended|trending|"
    r"don[’']t\s+miss|editor[’']s\s+picks?)\s*[:|»]",
    re.I,
)
_PROMO_ALONE = re.compile(
    r"^(?:read\s+more|related(?:\s+(?:stories|articles?|coverage))?|see\s+also|"
    r"more\s+stories|you\s+may\s+also\s+like)$",
    re.I,
)
# Calls to the reader to comment, which close scraped posts.
_ENGAGEMENT = re.compile(
    r"\b(?:share\s+your\s+thoughts|let\s+us\s+know\s+(?:in\s+the\s+comments|what\s+you\s+think)"
    r"|tell\s+us\s+(?:in\s+the\s+comments|what\s+you\s+think)|in\s+the\s+comments\s+below)\b",
    re.I,
)
_MAX_JUNK_LINE = 200


def normalize_characters(text: str) -> str:
    """NFC, one kind of line break, no invisible characters, single spaces."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    text = _LINE_BREAKS.sub("\n", text)
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))


def strip_artifacts(paragraph: str) -> str:
    """Remove citation/link artifacts and a glued "Find out more about" tail."""
    paragraph = _ARTIFACT_BEFORE_PUNCT.sub("", paragraph)
    paragraph = _ARTIFACT_ANYWHERE.sub("", paragraph)
    paragraph = _FIND_OUT_MORE_TAIL.sub("", paragraph)
    return _SPACES.sub(" ", paragraph).strip()


def is_junk_line(paragraph: str) -> bool:
    """True for a whole line that is page furniture rather than article text."""
    if len(paragraph) > _MAX_JUNK_LINE:
        return False
    if _FIND_OUT_MORE_LINE.match(paragraph) or _PROMO.match(paragraph):
        return True
    if _COMMENT_WIDGET.match(paragraph) or _PROMO_ALONE.match(paragraph):
        return True
    short = len(paragraph) <= 80
    return short and bool(_AVATAR.match(paragraph) or _BYLINE.match(paragraph))


def _key(paragraph: str) -> str:
    """Comparison key for repeated paragraphs: case, spacing and end punctuation ignored."""
    return re.sub(r"\W+", " ", paragraph.casefold()).strip()


def drop_repeats(paragraphs: list[str], title: str | None) -> list[str]:
    """Drop paragraphs that repeat the title (kept as metadata) or an earlier paragraph.

    Scraped pages often carry the headline and lead twice (page header plus article
    body); keeping one copy stops the same event being read twice.
    """
    seen: set[str] = set()
    if title and _key(title):
        seen.add(_key(title))
    kept = []
    for paragraph in paragraphs:
        key = _key(paragraph)
        if key and key in seen:
            continue
        seen.add(key)
        kept.append(paragraph)
    return kept


def drop_closing_engagement(paragraphs: list[str]) -> list[str]:
    """Drop a short closing paragraph that invites comments ("Share your thoughts below")."""
    while paragraphs and len(paragraphs[-1]) <= 400 and _ENGAGEMENT.search(paragraphs[-1]):
        paragraphs = paragraphs[:-1]
    return paragraphs


def clean_text(text: str, *, title: str | None = None) -> str:
    """The canonical text of an article: one paragraph per line, junk removed.

    ``title`` is the document's headline; a copy of it inside the text is removed so
    the same story read from HTML, JSONL or a scraped text file gets the same text.
    """
    paragraphs = [strip_artifacts(p) for p in normalize_characters(text).split("\n")]
    paragraphs = [p for p in paragraphs if p and not is_junk_line(p)]
    clean_title = normalize_characters(title).replace("\n", " ") if title else None
    paragraphs = drop_closing_engagement(drop_repeats(paragraphs, clean_title))
    return "\n".join(paragraphs)
