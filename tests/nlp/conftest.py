"""Session-wide spaCy pipeline and extractor: loading them costs seconds, so load once."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp():
    """The project's spaCy pipeline (md model plus our components)."""
    from warledger.nlp.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def extractor():
    """One :class:`warledger.nlp.extract.Extractor` shared by the session."""
    from warledger.nlp.extract import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def rules():
    """An extractor of the rules alone (``mode="rules"``), for tests of what the rules read."""
    from warledger.nlp.extract import Extractor

    return Extractor(mode="rules")


@pytest.fixture(scope="session")
def make_ctx(nlp):
    """Build a DocContext from text with hand-given places and actors (found by search).

    Keeps reader tests independent of the place finder and actor registry: each test
    states which words are places (with their resolution) and which are actors.
    """
    from datetime import date

    from warledger.nlp.context import ActorMention, DocContext, PlaceMention

    def build(text, places=None, actors=None, published=None):
        def spans(name):
            start = text.find(name)
            assert start >= 0, name
            return start, start + len(name)

        place_mentions = [
            PlaceMention(*spans(name), name, loc) for name, loc in (places or {}).items()
        ]
        actor_mentions = [
            ActorMention(*spans(name), name, actor) for name, actor in (actors or {}).items()
        ]
        return DocContext(
            doc=nlp(text),
            published=date.fromisoformat(published) if published else None,
            places=sorted(place_mentions, key=lambda p: p.start),
            actors=sorted(actor_mentions, key=lambda a: a.start),
        )

    return build


@pytest.fixture(scope="session")
def stances(extractor):
    """Read a text's positions as {(party side, issue): stance}, given its reference date:
    what the position tests compare."""
    from warledger.nlp.positions import extract_positions

    def _read(text: str, published):
        ctx = extractor.context(extractor.nlp(text), published)
        return {(p.party.side, p.issue): p.stance for p in extract_positions(ctx)}

    return _read
