"""Is a trigger an occurrence? One reading of its clause that every reader uses.

A trigger word only makes an event when its clause reports something that happened or
is planned. "urged Russia to accept a ceasefire" is a wish, "to support the ceasefire"
a purpose, "leaders could meet at some point" a possibility, "is shelling increasing?" a
question, "drones strike near-daily" a habit, "the scene of the airstrike" background,
"which annexed Crimea in 2014" history: none is a new event. "Russia has not agreed to
the ceasefire" is an event marked negated; "talks will be held" one marked planned; "the
governor said ..." one reported by the governor. :func:`read_clause` answers all of these
for a trigger word; the kinetic,
diplomacy and positions readers ask it (and the word lists it reads are the language's,
:mod:`warledger.nlp.language`), so a question or a modal means the same to each of them.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cached_property
from typing import TYPE_CHECKING

from warledger.nlp import dates
from warledger.nlp.attribution import attribute
from warledger.nlp.language import ENGLISH

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from warledger.nlp.context import DocContext
    from warledger.types import Actor

FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
REPORTING = ENGLISH.saying  # verbs of saying close a clause; stance verbs do not
FUTURE_LEMMAS = ENGLISH.future
_FUTURE_WORDS = re.compile(
    r"\b(?:will|is (?:scheduled|due|set|slated|expected)|are (?:scheduled|due|set|slated|expected)|"
    r"plans? to|planned|upcoming|next week|tomorrow|hopes? to)\b",
    re.IGNORECASE,
)
FUTURE_AUX = ENGLISH.future_aux
_WEEKDAY = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")


def anchor_token(sent: Span, start_char: int, end_char: int) -> Token:
    """The word a match hangs on: its first verb, else its first noun, else its first word."""
    tokens = [t for t in sent if t.idx < end_char and t.idx + len(t.text) > start_char]
    if not tokens:
        return sent.root
    # A verb after a preposition of the match belongs to the clause around the phrase,
    # not to it ("sanctions on Moscow now would be a mistake": the phrase is the noun's).
    prep = next((i for i, t in enumerate(tokens) if i and t.dep_ == "prep"), len(tokens))
    for pos in ("VERB", "AUX", "NOUN", "PROPN"):
        for i, t in enumerate(tokens):
            if pos in {"VERB", "AUX"} and i > prep:
                continue
            if t.pos_ == pos and not (pos == "AUX" and t.lemma_ in {"be", "have"}):
                return t
    return tokens[0]


def clause_chain(token: Token) -> list[Token]:
    """``token`` and its heads up to (not past) the first reporting verb or the root."""
    chain = [token]
    node = token
    while node.head is not node and len(chain) < 10:
        node = node.head
        if node.lemma_ in REPORTING:
            break
        chain.append(node)
    return chain


def is_hedged(token: Token, hedges: re.Pattern[str] = ENGLISH.hedges) -> bool:
    """A modal, condition or vague time governs the trigger's clause."""
    for node in clause_chain(token):
        for child in node.children:
            if child.dep_ in {"aux", "mark", "advmod", "prep"} and hedges.fullmatch(child.lower_):
                return True
            if child.dep_ == "prep" and child.lower_ == "at":
                phrase = " ".join(t.lower_ for t in child.subtree)
                if hedges.search(phrase):
                    return True
        if (node.tag_ in FINITE_TAGS and node.pos_ == "VERB") or _presupposed(node):
            break
    return False


def in_gerund_subject(token: Token) -> bool:
    """The trigger sits in a gerund that is a clause's subject: the act is a topic being
    judged, not an occurrence ("Lifting sanctions on Russia now would reward aggression",
    "Striking refineries is a mistake")."""
    for node in (token, *token.ancestors):
        if node.tag_ == "VBG" and node.dep_ in {"csubj", "csubjpass"}:
            return True
        if node.tag_ in FINITE_TAGS and node.pos_ in {"VERB", "AUX"}:
            return False
    return False


def _presupposed(node: Token) -> bool:
    """A participle describing a noun ("the ceasefire announced by Putin") states a
    fact whatever the clause around the noun wishes or doubts."""
    return node.dep_ == "acl" and node.tag_ == "VBN"


def is_unlicensed_infinitive(token: Token, licensors: re.Pattern[str] = ENGLISH.licensors) -> bool:
    """The trigger sits in an infinitive that states a wish or a purpose.

    "ready to accept" and "refused to prolong" commit their subject; "urged Russia to
    accept", "called for Russia to reciprocate by agreeing to a ceasefire" and
    "mechanisms to support the ceasefire" do not.
    """
    for node in clause_chain(token):
        if node.tag_ in FINITE_TAGS or _presupposed(node):
            return False
        if node.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
            head = node.head
            if _means_used(head):
                return False  # "used the meeting to hand over a plan": handed over
            return not (licensors.match(head.lower_) or licensors.match(head.lemma_.lower()))
    return False


def _means_used(verb: Token) -> bool:
    """A finite verb of means with its object ("used the meeting to", "uses drones to"):
    its infinitive tells what was done (a fleet "used to get around sanctions" is not)."""
    return (
        verb.lemma_.lower() in ENGLISH.means
        and verb.tag_ in FINITE_TAGS
        and any(c.dep_ == "dobj" for c in verb.children)
    )


def is_negated(token: Token, match_text: str) -> bool:
    """The trigger's verb (or its governing verb) is negated, or the phrase starts with "no"."""
    if match_text.lower().startswith("no "):
        return True
    for node in clause_chain(token)[:3]:
        if any(c.dep_ == "neg" for c in node.children):
            return True
        if node.tag_ in FINITE_TAGS:
            break
    return False


def is_future(token: Token, sent: Span) -> bool:
    """The clause speaks of something still to come (for talks without a tense-bearing
    trigger word: "hopes to resolve ... during talks Tuesday")."""
    for node in clause_chain(token):
        if node.lemma_.lower() in FUTURE_LEMMAS:
            return True
        if any(c.lower_ in {"will", "shall"} and c.dep_ == "aux" for c in node.children):
            return True
    if _FUTURE_WORDS.search(sent.text) and token.tag_ not in {"VBD", "VBN"}:
        return True
    # "There's another in Paris Wednesday": news speaks of coming events in the present.
    return sent.root.tag_ in {"VBZ", "VBP"} and bool(_WEEKDAY.search(sent.text))


def is_future_verb(token: Token) -> bool:
    """A tensed talks verb speaks of what is still to come: "will meet", "would be held",
    "are due to hold", "is to host"."""
    for node in clause_chain(token)[:3]:
        for child in node.children:
            if child.dep_ in {"aux", "auxpass"} and child.lower_ in FUTURE_AUX:
                return True
        if node.lemma_.lower() in FUTURE_LEMMAS or node.lower_ in {"due", "set", "slated"}:
            return True
        if node.tag_ in FINITE_TAGS and node.pos_ == "VERB":
            break
    return False


def is_question(sent: Span, text: str | None = None) -> bool:
    """The sentence (whose text may be given, to save rebuilding it) asks a question,
    also when the question closes a quotation ('"Why now?"')."""
    return (sent.text if text is None else text).rstrip(" \t\n”\"'’").endswith("?")


def is_habitual(text: str) -> bool:
    """The sentence speaks of a pattern ("routinely", "near-daily", "continues to"), not
    of one occurrence."""
    return bool(ENGLISH.habitual.search(text))


def is_hypothetical(token: Token) -> bool:
    """A modal, condition or purpose on the trigger or its head: "could strike", "if they
    attack", "room ... to launch a new attack"."""
    for tok in (token, token.head):
        for child in tok.children:
            if child.dep_ == "aux" and child.tag_ == "TO":
                return True
            if child.dep_ in {"aux", "mark", "advmod"} and child.lower_ in ENGLISH.hypothetical:
                return True
    return False


# Verbs whose infinitive was attempted, not only wished: "tried 19 times to break through".
ATTEMPTS = frozenset({"try", "attempt"})


def is_attempt(token: Token, kind: str) -> bool:
    """The trigger is the infinitive of an attempt made ("the enemy tried to storm the
    village", "is trying to break through"): an assault happened. Ground combat only: an
    attempt to capture a town took nothing."""
    head = token.head
    return (
        kind == "ground_combat"
        and token.dep_ == "xcomp"
        and head.lemma_.lower() in ATTEMPTS
        and head.tag_ in {"VBD", "VBN", "VBG", "VBZ", "VBP"}
    )


def in_quotation(token: Token) -> bool:
    """The token sits inside a quotation opened earlier in its sentence."""
    before = token.doc.text[token.sent.start_char : token.idx]
    straight_open = before.count('"') % 2 == 1
    return straight_open or before.count("\u201c") > before.count("\u201d")


def is_background(token: Token) -> bool:
    """ "the scene of the airstrike", "victims of the attack": a definite act told before,
    background to the news rather than news."""
    definite = any(c.lower_ == "the" for c in token.children) or any(
        c.dep_ == "poss" for c in token.children
    )
    if not definite or token.dep_ != "pobj" or token.head.lower_ != "of":
        return False
    return token.head.head.lemma_.lower() in ENGLISH.background


# Prepositions that put a date beside an act without dating it ("the largest since 2022").
NOT_DATING = frozenset({"since", "until", "till", "before", "after", "from", "than", "by"})

HISTORY_AGE = timedelta(days=365)

# Parts of a year a date can be "of": "in the spring of 2022", "at the end of 2014".
PERIODS = frozenset(
    {"spring", "summer", "autumn", "fall", "winter", "end", "start", "beginning", "middle"}
)


def is_history(token: Token, sent: Span, published: date | None) -> bool:
    """ "which annexed Crimea in 2014", "In 2009, troops shelled ...": the trigger's own
    clause is dated more than a year before the story, so it is background history, not
    the news. Only a date that attaches to the trigger's clause counts ("the largest
    attack since 2022" dates nothing)."""
    if published is None:
        return False
    clause_head = token
    while clause_head.pos_ not in {"VERB", "AUX"} and clause_head.head.i != clause_head.i:
        clause_head = clause_head.head
    for start, end, expression in dates.find(sent.text):
        span = sent.doc.char_span(
            sent.start_char + start, sent.start_char + end, alignment_mode="expand"
        )
        if span is None or not _dates_clause(span.root, {token.i, clause_head.i}):
            continue
        when = dates.resolve(expression, published)
        if when.end and date.fromisoformat(when.end) < published - HISTORY_AGE:
            return True
    return _years_ago(sent, {token.i, clause_head.i})


# Units of "13 years ago", "two decades ago": more than a year before the story.
AGO_UNITS = frozenset({"year", "decade", "century"})


def _years_ago(sent: Span, heads: set[int]) -> bool:
    """ "We first met 13 years ago": the clause is dated years back from the story by
    "ago" (a single "a year ago" is not more than a year)."""
    for ago in sent:
        if ago.lower_ != "ago" or ago.head.i not in heads:
            continue
        for unit in ago.children:
            if unit.lemma_.lower() not in AGO_UNITS:
                continue
            count = [c.lower_ for c in unit.children if c.dep_ in {"nummod", "det"}]
            if unit.lemma_.lower() != "year" or not set(count) & {"a", "one", "1"}:
                return True
    return False


def _dates_clause(root: Token, heads: set[int]) -> bool:
    """Does the date phrase hang on one of ``heads`` (token indices) through "in", "on"
    or "during"?"""
    node = root
    for _ in range(4):
        parent = node.head
        if parent.i == node.i:
            return False
        if parent.i in heads:
            return True
        if node.lower_ == "of" and parent.lemma_.lower() in PERIODS:
            node = parent  # "in the spring of 2022": the season dates the clause
            continue
        if parent.pos_ != "ADP" or parent.lower_ in NOT_DATING:
            return False
        node = parent
    return False


def reported_by(sent: Span, ctx: DocContext, token: Token | None = None) -> Actor | None:
    """Who the sentence says asserts what the trigger reports (None: the text names no
    one); see :mod:`warledger.nlp.attribution` for the status that goes with it."""
    return attribute(sent, ctx, trigger=token)[0]


class Clause:
    """What a trigger's clause says about the event the trigger names. Each answer is
    worked out when first asked: a reader that stops at a question pays for no other."""

    def __init__(self, token: Token, sent: Span, text: str | None = None, match: str = ""):
        self.token, self.sent, self.match = token, sent, match
        if text is not None:
            self.__dict__["text"] = text

    @cached_property
    def text(self) -> str:
        """The sentence's text (built only if an answer needs it)."""
        return self.sent.text

    @cached_property
    def question(self) -> bool:
        """The sentence asks."""
        return is_question(self.sent, self.text)

    @cached_property
    def negated(self) -> bool:
        """ "did not strike", "no talks" (``match``: the trigger phrase)."""
        if self.match:
            return is_negated(self.token, self.match)
        return any(c.dep_ == "neg" for c in self.token.children)

    @cached_property
    def hypothetical(self) -> bool:
        """A modal, condition or purpose on the trigger or its head."""
        return is_hypothetical(self.token)

    @cached_property
    def hedged(self) -> bool:
        """A modal, condition or vague time anywhere up the clause."""
        return is_hedged(self.token)

    @cached_property
    def wish(self) -> bool:
        """An infinitive of wish or purpose ("urged Russia to accept")."""
        return is_unlicensed_infinitive(self.token)

    @cached_property
    def planned(self) -> bool:
        """ "will meet", "are due to hold", "would be held"."""
        return is_future_verb(self.token)

    @cached_property
    def habitual(self) -> bool:
        """ "routinely", "near-daily"."""
        return is_habitual(self.text)

    @cached_property
    def quoted(self) -> bool:
        """Inside a quotation."""
        return in_quotation(self.token)

    @cached_property
    def background(self) -> bool:
        """ "the scene of the airstrike"."""
        return is_background(self.token)

    @property
    def asserted(self) -> bool:
        """Does the clause report an occurrence (happened, or planned), not a question,
        possibility, wish, habit or background?"""
        return not (
            self.question
            or self.hypothetical
            or self.hedged
            or self.wish
            or self.habitual
            or self.background
        )

    def __repr__(self) -> str:
        answers = ("question", "negated", "hypothetical", "hedged", "wish", "planned",
                   "habitual", "quoted", "background")  # fmt: skip
        return "Clause(" + ", ".join(f"{a}={getattr(self, a)}" for a in answers) + ")"


def read_clause(token: Token, sent: Span, *, text: str | None = None, match: str = "") -> Clause:
    """Every answer for the trigger ``token`` in ``sent`` (``text``: the sentence's text if
    already built; ``match``: the trigger phrase, for "no talks")."""
    return Clause(token, sent, text, match)
