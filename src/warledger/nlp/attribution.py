"""Who asserts what a sentence reports, and how sure the text says it is.

Every event reader (kinetic, diplomacy, positions) asks the same two questions of the
sentence it read an event from: *who says so* (the claimant) and *what standing the claim
has* (the ledger ``status``). The answer comes from the sentence's own words:

- "according to X", "X said / reported / claimed / stated / announced / told ..." name a
  claimant; a pronoun subject ("he said") is resolved to the last person named before it.
- "reportedly", "reports say" give status ``reported`` with no claimant: the
  text does not say who, so neither do we; :func:`attribution_of` tells such a hedged
  claim ("hedged") from plain narration ("unattributed") and a named source ("named").
- "could not be independently verified", "unverified", "unconfirmed", "allegedly", "an
  alleged attack" give ``unverified`` (the text itself doubts it);
  a following sentence that says so of "these reports" / "the claims" applies back.
- "independently confirmed / verified" gives ``confirmed``; nothing weaker does.
- a party to the conflict (a side of the theatre, e.g. RU or UA) describing its own
  success or its enemy's losses gives ``claimed``.
- a party's own release (a Kremlin statement) speaks for that party: what it states
  without naming another source is the party's claim, ``claimed``, even told as fact.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from warledger.nlp.actors import ActorRegistry
from warledger.nlp.language import ENGLISH
from warledger.nlp.source_side import unnamed_source_side
from warledger.types import Actor

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from warledger.nlp.context import ActorMention, DocContext

# Lemmas of verbs that introduce what someone asserts (language data).
REPORTING_LEMMAS = ENGLISH.reporting

_UNVERIFIED = re.compile(
    r"\b(?:(?:could|can|cannot|can't|couldn't|were|was|have|has)\s+(?:not\s+)?(?:be(?:en)?\s+)?"
    r"(?:not\s+)?independently\s+(?:verif|confirm)\w*"
    r"|could\s+not\s+(?:independently\s+)?(?:verify|confirm)\w*"
    r"|unable\s+to\s+(?:independently\s+)?(?:verify|confirm)"
    r"|unverified|unconfirmed|remain(?:s|ed)?\s+unverified|allegedly|purportedly"
    # "disputed", but not of land: "along their disputed border" says nothing of the claim
    r"|disputed(?!\s+(?:border|frontier|boundary|territor\w*|region|area|islands?|land|zone"
    r"|waters|province|enclave)))\b",
    re.IGNORECASE,
)
_NEGATED_CONFIRMATION = re.compile(
    r"\b(?:not|n't|unable|cannot|never)\b[^.;]{0,30}\b(?:independently\s+)?(?:verif|confirm)",
    re.IGNORECASE,
)
_CONFIRMED = re.compile(
    r"\bindependently\s+(?:confirmed|verified)\b|\b(?:confirmed|verified)\s+independently\b",
    re.IGNORECASE,
)
_HEARSAY = re.compile(
    r"\b(?:reportedly|allegedly|purportedly|reports\s+(?:say|said|suggest|indicate))\b",
    re.IGNORECASE,
)
# A later sentence that passes judgement on what came just before.
_BACK_REFERENCE = re.compile(
    r"\b(?:these|those|the|such|this|that|both)\s+(?:reports?|claims?|accounts?|figures?|"
    r"numbers?|allegations?|statements?)\b|^\s*(?:this|it|that)\b",
    re.IGNORECASE,
)
# Words that make a party's statement about itself a success claim or about its enemy a
# loss claim: the ledger keeps such statements as ``claimed``.
_SUCCESS = re.compile(
    r"\b(?:intercept\w*|shot\s+down|shoot\s+down|downed|destroy\w*|repel\w*|repuls\w*|"
    r"liberat\w*|captur\w*|took\s+control|taken\s+control|seiz\w*|eliminat\w*|"
    r"neutrali[sz]\w*|hit|struck|recaptur\w*|regain\w*|reclaim\w*|losses|killed|wounded)\b",
    re.IGNORECASE,
)
# Subjects of a reporting verb that do not name who asserts it.
ANONYMOUS_SOURCES = frozenset({"report", "reports", "it", "there"})
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})


def attribute(
    sentence: Span,
    ctx: DocContext,
    *,
    trigger: Token | None = None,
    actor_side: str | None = None,
    war_fact: bool = False,
) -> tuple[Actor | None, str]:
    """Return ``(claimant, status)`` for an event read from ``sentence``.

    ``trigger`` (the word the event was read from) picks the reporting verb that governs
    it when a sentence has several; ``actor_side`` (the side said to have acted), when the
    caller knows it, lets a party describing its own action be marked ``claimed``;
    ``war_fact`` (a strike, a fight, a capture or a toll) makes whatever a party says of it
    its claim, whoever the text says acted.
    """
    claimant = _claimant(sentence, ctx, trigger) or voice_actor(ctx)
    text = sentence.text
    if (
        _UNVERIFIED.search(text)
        or _doubting_adjective(sentence)
        or _following_sentence_doubts(sentence)
    ):
        return claimant, "unverified"
    if _CONFIRMED.search(text) and not _NEGATED_CONFIRMATION.search(text):
        return claimant, "confirmed"
    if claimant is not None and ctx.voice is not None and claimant.side == ctx.voice:
        return claimant, "claimed"  # a party's own release: all it states is its claim
    if claimant is not None and claimant.side in ctx.theatre.codes:
        # A party telling of its own action or of its enemy's ("the ministry claims
        # Ukrainian forces attacked ...") makes a claim either way.
        about_the_war = war_fact or (actor_side is not None and actor_side in ctx.theatre.codes)
        if about_the_war or _SUCCESS.search(text):
            # "Neither side's account could be independently verified." later on
            return claimant, "unverified" if _doubted_later(sentence) else "claimed"
    return claimant, "reported"


def voice_actor(ctx: DocContext) -> Actor | None:
    """The party the document speaks for (see ``DocContext.voice``), as an actor."""
    if ctx.voice is None:
        return None
    return Actor(name=ctx.theatre.party_name(ctx.voice), side=ctx.voice, type="state")


def attribution_of(text: str, claimant: Actor | None) -> str:
    """How the text sources a claim, so an unattributed one says so (``Event.attribution``):

    ``named`` when a claimant is named; ``hedged`` when the text marks it as hearsay
    without naming anyone ("reportedly", "reports say"); ``unattributed`` for plain
    narration that gives no source at all. Status stays ``reported`` for the last two.
    """
    if claimant is not None:
        return "named"
    if _HEARSAY.search(text):
        return "hedged"
    return "unattributed"


def is_party_claim(claimant: Actor | None, text: str, parties: frozenset[str]) -> bool:
    """Does a party to the war state its own success or its enemy's losses in ``text``?"""
    return claimant is not None and claimant.side in parties and bool(_SUCCESS.search(text))


def _claimant(sentence: Span, ctx: DocContext, trigger: Token | None) -> Actor | None:
    """The asserting party named in the sentence, or ``None`` when the text names none."""
    source = _according_to(sentence) or _reporting_subject(sentence, ctx, trigger)
    if source is None:
        return None
    if source.root.lemma_.lower() in ANONYMOUS_SOURCES:
        return None  # "reports say", "media reported": the text names nobody
    first = source[0]
    if len(source) == 1 and first.lower_ in _PRONOUNS:
        if first.lower_ not in {"he", "she"}:
            return None
        mention = last_person_mention(ctx, sentence.start_char)
        if mention is None or mention.actor.side is not None:
            return mention.actor if mention is not None else None
        span = ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        side = unnamed_source_side(span, span.sent, ctx) if span is not None else None
        return _with_side(mention.actor, side)
    actor = _actor_for(source, ctx)
    if actor.side is None:  # "the President of Russia": the side named after the title
        qualified = _actor_for(_subtree(source.root), ctx)
        actor = qualified if qualified.side else actor
    if actor.side is None and _definite(source):
        titled = _titled_person_before(ctx, source)
        if titled is not None:
            return titled
    if actor.side is None:
        actor = _with_side(actor, unnamed_source_side(_with_of(source), sentence, ctx))
    return actor


def _with_of(source: Span) -> Span:
    """The source with the body its title heads: "the head of the city's military
    administration" speaks as that administration does."""
    for child in source.root.children:
        if child.dep_ == "prep" and child.lower_ == "of" and child.i >= source.end:
            return source.doc[source.start : child.right_edge.i + 1]
    return source


def _with_side(actor: Actor, side: str | None) -> Actor:
    """The actor, given ``side`` when the text let us find one for it."""
    if side is None:
        return actor
    return Actor(name=actor.name, side=side, type=actor.type, role=actor.role)


def _according_to(sentence: Span) -> Span | None:
    for tok in sentence:
        if tok.lower_ == "according" and tok.i + 1 < sentence.end:
            to = tok.doc[tok.i + 1]
            if to.lower_ != "to":
                continue
            objects = [c for c in to.children if c.dep_ == "pobj"]
            if objects:
                return _noun_phrase(objects[0])
    return None


def _reporting_subject(sentence: Span, ctx: DocContext, trigger: Token | None) -> Span | None:
    verbs = [
        t
        for t in sentence
        if t.lemma_.lower() in REPORTING_LEMMAS
        # "Ukraine's SBU claims to have destroyed ...": the tagger may call the verb a noun
        and (t.pos_ in {"VERB", "AUX"} or (t.dep_ == "ROOT" and _has_subject(t)))
    ]
    if not verbs:
        return None
    if trigger is not None:
        governing = [v for v in verbs if v in trigger.ancestors or v == trigger]
        # A reporting verb that governs the trigger wins; otherwise a sentence-level one
        # ("Russia attacked Odesa overnight, officials said") still names the source.
        verbs = governing or verbs
    for verb in verbs:
        for child in _subject_holders(verb):
            if child.dep_ == "nsubj" and not _dateline(child, ctx):
                return _noun_phrase(child)
        for child in verb.children:  # "was reported by the Air Force"
            if child.dep_ == "agent":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return _noun_phrase(objects[0])
        quoted = _quoted_as_saying(verb)
        if quoted is not None:
            return quoted
    return _closing_source(verbs[-1], ctx)


def _subject_holders(verb: Token) -> list[Token]:
    """The verb's dependents, and for a verb joined to another with no subject of its own
    ("Ukraine's energy ministry rejected the allegation and said ...") the first verb's."""
    own = list(verb.children)
    if verb.dep_ == "conj" and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in own):
        return own + list(verb.head.children)
    return own


def _dateline(token: Token, ctx: DocContext) -> bool:
    """A dateline the parser took for a subject ("BRUSSELS — U.S. Defense Secretary Pete
    Hegseth told ...", "KHARKIV, April 25 — Ukraine's military said"): where the reporter
    is, not who speaks."""
    if any(lo <= token.idx < hi for lo, hi in ctx.datelines):
        return True
    after = token.doc[token.i + 1 : token.i + 4]  # "KYIV, Ukraine —"
    return (
        token.i - token.sent.start <= 3
        and token.text.isupper()
        and any(t.text in {"—", "–", "--"} for t in after)
    )


def _closing_source(verb: Token, ctx: DocContext) -> Span | None:
    """ "..., the head of the administration, Oleh Kiper, said on Thursday.": a closing
    verb of saying the parser left without a subject (or with a dateline for one) takes
    the name just before it, or the phrase set off by a comma that the parser hung on the
    words before ("... with 40 vehicles, the Ukrainian 7th Rapid Response Corps said")."""
    if verb.dep_ != "ROOT" or any(
        c.dep_ in {"nsubj", "nsubjpass"} and not _dateline(c, ctx) for c in verb.children
    ):
        return None
    sent_start = verb.sent.start
    end = verb.i
    while end > sent_start and verb.doc[end - 1].is_punct:
        end -= 1
    start = end
    while start > sent_start and verb.doc[start - 1].pos_ == "PROPN":
        start -= 1
    if start < end and verb.doc[start - 1].is_punct:
        return verb.doc[start:end]  # a name set off by commas ("..., Oleh Kiper, said")
    last = verb.doc[end - 1]
    if end == sent_start or last.pos_ not in {"NOUN", "PROPN"} or last.dep_ not in _HUNG:
        return None
    start = last.left_edge.i
    if start <= sent_start or verb.doc[start - 1].lower_ != ",":
        return None
    return _noun_phrase(last)


# How a parser hangs a closing source on the phrase before it.
_HUNG = frozenset({"appos", "conj", "npadvmod", "dobj", "pobj"})


def _quoted_as_saying(verb: Token) -> Span | None:
    """ "TASS quoted Peskov as saying ...": the one quoted is the claimant, not the outlet."""
    if verb.dep_ != "pcomp" or verb.head.lower_ != "as":
        return None
    quoting = verb.head.head
    if quoting.lemma_.lower() not in {"quote", "cite"}:
        return None
    objects = [c for c in quoting.children if c.dep_ == "dobj"]
    return _noun_phrase(objects[0]) if objects else None


def _has_subject(token: Token) -> bool:
    return any(c.dep_ == "nsubj" for c in token.children)


def _noun_phrase(head: Token) -> Span:
    """The head's noun phrase without trailing clauses or appositions ("X, who ...")."""
    keep = [head]
    for child in head.children:
        if (
            child.dep_ in {"relcl", "acl", "appos", "punct", "cc", "conj", "prep"}
            and child.i > head.i
        ):
            continue
        keep.extend(child.subtree)
    start = min(t.i for t in keep)
    end = max(t.i for t in keep) + 1
    span = head.doc[start:end]
    while len(span) > 1 and span[0].dep_ == "det" and span[0].lower_ in {"the", "a", "an"}:
        span = span[1:]
    return span


def _actor_for(span: Span, ctx: DocContext) -> Actor:
    """The known actor named by ``span``, else the bare name with unknown side."""
    overlapping = [a for a in ctx.actors if a.start < span.end_char and span.start_char < a.end]
    if overlapping:
        # The mention closest to the phrase's head: "Ukraine's Air Force" is the Air Force.
        head_char = span.root.idx
        best = min(
            overlapping,
            key=lambda a: 0 if a.start <= head_char < a.end else 1 + abs(a.start - head_char),
        )
        return best.actor
    looked_up = ActorRegistry.for_theatre(ctx.theatre).lookup(span.text)
    if looked_up is not None:
        return looked_up
    return Actor(name=span.text, side=None, type="unknown")


def _subtree(head: Token) -> Span:
    """The head's whole phrase, its "of" and other modifiers included."""
    return head.doc[head.left_edge.i : head.right_edge.i + 1]


def _definite(source: Span) -> bool:
    """ "the minister": a description that refers back (the article was left off the span)."""
    return source.start > 0 and source.doc[source.start - 1].lower_ == "the"


# Characters either side of a person's name where their title is written ("Foreign
# Minister Andrii Sybiha", "Sybiha, Ukraine's foreign minister,").
_TITLE_REACH = 40


def _titled_person_before(ctx: DocContext, source: Span) -> Actor | None:
    """ "the minister said", "the spokesman told reporters": the person last named before
    with that title speaks (for their side); None when no one named carries it."""
    head = source.root.lower_
    if head not in ENGLISH.title_heads:
        return None
    title = re.compile(rf"\b{re.escape(head)}\b", re.IGNORECASE)
    people = [
        a for a in ctx.actors
        if a.end <= source.start_char and a.actor.type == "person" and a.actor.side
    ]  # fmt: skip
    for mention in sorted(people, key=lambda a: a.start, reverse=True):
        before = ctx.text[max(0, mention.start - _TITLE_REACH) : mention.start]
        after = ctx.text[mention.end : mention.end + _TITLE_REACH]
        if title.search(before) or title.search(after.split(".", 1)[0]):
            return mention.actor
    return None


def _last_person_before(ctx: DocContext, offset: int) -> Actor | None:
    found = last_person_mention(ctx, offset)
    return found.actor if found else None


def last_person_mention(ctx: DocContext, offset: int) -> ActorMention | None:
    """What "he"/"she" before ``offset`` refers to in news prose. "Zelensky says Kyiv is
    ready to meet Putin. He says ...": the last person named as a subject (a person in a
    sentence the gate left unparsed counts as one), else the last person named."""
    people = [a for a in ctx.actors if a.end <= offset and a.actor.type == "person"]
    subjects = [a for a in people if not _named_as_object(ctx, a.start, a.end)]
    return max(subjects or people, key=lambda a: a.start) if people else None


def _named_as_object(ctx: DocContext, start: int, end: int) -> bool:
    """Is the name, in a parsed sentence, something other than a clause's subject?"""
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None or not span.sent[0].tag:
        return False
    head = span.root
    while head.dep_ in {"compound", "flat", "appos"} and head.head is not head:
        head = head.head
    return head.dep_ not in {"nsubj", "nsubjpass"}


def _doubting_adjective(sentence: Span) -> bool:
    """ "alleged Ukrainian shelling", "a purported strike": the adjective, not the verb of
    an accusation ("Russia alleged that ..." is Russia's claim)."""
    return any(
        t.lower_ in {"alleged", "purported"} and (t.dep_ == "amod" or t.tag_ == "JJ")
        for t in sentence
    )


def _following_sentence_doubts(sentence: Span) -> bool:
    doc = sentence.doc
    if sentence.end >= len(doc):
        return False
    following = doc[sentence.end].sent
    opening = following[:4].text  # "These reports could not be verified." judges what came before
    if _DENIED.search(following.text):
        return True  # "The Ukrainian military denies the claim, saying ..."
    return bool(_UNVERIFIED.search(following.text) and _BACK_REFERENCE.search(opening))


# "Neither claim could be independently verified", "VOA could not verify either side's
# account", "None of the claims could be verified": every claim told before is doubted.
_EVERY_CLAIM = re.compile(
    r"\b(?:neither|either|both|none\s+of\s+(?:the|these|those|their))\s+"
    r"(?:(?:sides?|parties)(?:'s|s'|')?\s+|of\s+the\s+)?"
    r"(?:claims?|accounts?|reports?|figures?|versions?|statements?)\b",
    re.IGNORECASE,
)
# A party denying what the sentence before it claimed.
_DENIED = re.compile(
    r"\b(?:den(?:y|ies|ied)|disput(?:es|ed))\s+"
    r"(?:the|this|that|these|those|its|their)\s+(?:claims?|reports?|accounts?)\b",
    re.IGNORECASE,
)
_DOUBTS_KEY = "warledger.every_claim_doubted_from"


def _doubted_later(sentence: Span) -> bool:
    """Does a later sentence doubt every claim told before it ("Neither side's account
    could be independently verified.")?"""
    doc = sentence.doc
    if _DOUBTS_KEY not in doc.user_data:
        text = doc.text
        found = []
        for m in _EVERY_CLAIM.finditer(text):
            start = max(text.rfind(c, 0, m.start()) for c in ".!?\n") + 1
            ends = [i for i in (text.find(c, m.end()) for c in ".!?\n") if i >= 0]
            if _UNVERIFIED.search(text[start : min(ends, default=len(text))]):
                found.append(start)
        doc.user_data[_DOUBTS_KEY] = found
    return any(at >= sentence.end_char for at in doc.user_data[_DOUBTS_KEY])
