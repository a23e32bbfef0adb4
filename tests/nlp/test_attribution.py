"""Who says so, and how sure the text is: read from the sentence's own words."""

from __future__ import annotations

import pytest

from warledger.nlp.attribution import attribute
from warledger.nlp.context import ActorMention, DocContext
from warledger.types import Actor

pytestmark = pytest.mark.model

AIR_FORCE = Actor(name="Ukrainian Air Force", side="UA", type="military")
RU_MOD = Actor(name="Russian Defense Ministry", side="RU", type="military")
ZELENSKYY = Actor(name="Volodymyr Zelenskyy", side="UA", type="person")


def _ctx(nlp, text: str, actors: dict[str, Actor]) -> DocContext:
    """A context whose actor mentions are the given names, found by plain search."""
    doc = nlp(text)
    mentions = []
    for name, actor in actors.items():
        start = text.find(name)
        assert start >= 0, name
        mentions.append(ActorMention(start, start + len(name), name, actor))
    return DocContext(doc=doc, actors=mentions)


def _first_sentence(ctx: DocContext):
    return next(ctx.doc.sents)


def test_said_names_the_claimant(nlp):
    ctx = _ctx(
        nlp,
        "Russia attacked Odesa overnight, the Ukrainian Air Force said.",
        {"Ukrainian Air Force": AIR_FORCE},
    )
    claimant, status = attribute(_first_sentence(ctx), ctx)
    assert claimant == AIR_FORCE
    assert status == "reported"


def test_according_to_names_the_claimant(nlp):
    ctx = _ctx(
        nlp,
        "According to the Ukrainian Air Force, Russia launched 54 drones at Odesa.",
        {"Ukrainian Air Force": AIR_FORCE},
    )
    claimant, _ = attribute(_first_sentence(ctx), ctx)
    assert claimant == AIR_FORCE


def test_reportedly_is_reported_without_a_claimant(nlp):
    ctx = _ctx(nlp, "Russian troops have reportedly taken control of Novoselivka.", {})
    assert attribute(_first_sentence(ctx), ctx) == (None, "reported")


def test_party_claiming_its_own_success_is_claimed(nlp):
    ctx = _ctx(
        nlp,
        "The Russian Defense Ministry said its forces captured the village.",
        {"Russian Defense Ministry": RU_MOD},
    )
    claimant, status = attribute(_first_sentence(ctx), ctx)
    assert claimant == RU_MOD
    assert status == "claimed"


def test_party_reporting_interceptions_is_claimed(nlp):
    ctx = _ctx(
        nlp,
        "The Ukrainian Air Force said 38 drones were shot down.",
        {"Ukrainian Air Force": AIR_FORCE},
    )
    assert attribute(_first_sentence(ctx), ctx) == (AIR_FORCE, "claimed")


def test_unverifiable_report_is_unverified(nlp):
    ctx = _ctx(nlp, "The claim could not be independently verified.", {})
    assert attribute(_first_sentence(ctx), ctx)[1] == "unverified"


def test_doubt_in_the_next_sentence_applies_back(nlp):
    text = (
        "Moscow said it struck a Ukrainian arms depot in Kharkiv. "
        "These reports could not be independently verified."
    )
    ctx = _ctx(nlp, text, {})
    assert attribute(_first_sentence(ctx), ctx)[1] == "unverified"


def test_unrelated_next_sentence_does_not_apply_back(nlp):
    text = "Russia struck Kharkiv on Monday. The mayor said power was restored."
    ctx = _ctx(nlp, text, {})
    assert attribute(_first_sentence(ctx), ctx) == (None, "reported")


def test_independent_confirmation_is_confirmed(nlp):
    text = "Reuters independently confirmed that the hospital in Sumy was hit."
    ctx = _ctx(nlp, text, {})
    assert attribute(_first_sentence(ctx), ctx)[1] == "confirmed"


def test_a_party_confirming_is_not_independent(nlp):
    ctx = _ctx(
        nlp,
        "Zelenskyy confirmed that talks would take place in Istanbul.",
        {"Zelenskyy": ZELENSKYY},
    )
    claimant, status = attribute(_first_sentence(ctx), ctx)
    assert claimant == ZELENSKYY
    assert status != "confirmed"


def test_he_said_resolves_to_the_last_person_named(nlp):
    text = "Volodymyr Zelenskyy spoke in Kyiv. Russia fired 40 missiles overnight, he said."
    ctx = _ctx(nlp, text, {"Volodymyr Zelenskyy": ZELENSKYY})
    second = list(ctx.doc.sents)[1]
    claimant, _ = attribute(second, ctx)
    assert claimant == ZELENSKYY


def test_unknown_source_keeps_its_name_without_a_side(nlp):
    ctx = _ctx(nlp, "Drones hit a depot near Bryansk, local residents said.", {})
    claimant, status = attribute(_first_sentence(ctx), ctx)
    assert claimant is not None and claimant.name == "local residents"
    assert claimant.side is None
    assert status == "reported"


SYBIHA = Actor(name="Andrii Sybiha", side="UA", type="person")
PESKOV = Actor(name="Dmitry Peskov", side="RU", type="person")


def test_a_title_refers_back_to_the_person_named_with_it(nlp):
    text = (
        "Kremlin spokesman Dmitry Peskov spoke first. Ukraine's Foreign Minister Andrii Sybiha "
        "met his counterparts in Brussels. Russia struck Kyiv overnight, the minister said."
    )
    ctx = _ctx(nlp, text, {"Dmitry Peskov": PESKOV, "Andrii Sybiha": SYBIHA})
    third = list(ctx.doc.sents)[2]
    claimant, _ = attribute(third, ctx)
    assert claimant == SYBIHA


def test_a_title_no_one_named_carries_names_no_party(nlp):
    text = "Andrii Sybiha met reporters in Brussels. Russia struck Kyiv overnight, the mayor said."
    ctx = _ctx(nlp, text, {"Andrii Sybiha": SYBIHA})
    second = list(ctx.doc.sents)[1]
    claimant, _ = attribute(second, ctx)
    assert claimant is not None and claimant.side is None


PUTIN = Actor(name="Vladimir Putin", side="RU", type="person")


def test_he_said_resolves_to_the_last_person_named_as_a_subject(nlp):
    text = "Volodymyr Zelenskyy said he was ready to meet Vladimir Putin. Russia must go, he said."
    ctx = _ctx(nlp, text, {"Volodymyr Zelenskyy": ZELENSKYY, "Vladimir Putin": PUTIN})
    second = list(ctx.doc.sents)[1]
    claimant, _ = attribute(second, ctx)
    assert claimant == ZELENSKYY


MACRON = Actor(name="Emmanuel Macron", side="FR", type="person")
RUSSIA = Actor(name="Russia", side="RU", type="state")


def test_a_title_with_its_country_after_it_speaks_for_that_country(nlp):
    text = (
        "French President Emmanuel Macron called on Tuesday. "
        "The President of Russia stressed that the talks must go on."
    )
    ctx = _ctx(nlp, text, {"Emmanuel Macron": MACRON, "Russia": RUSSIA})
    second = list(ctx.doc.sents)[1]
    claimant, _ = attribute(second, ctx)
    assert claimant is not None and claimant.side == "RU"
