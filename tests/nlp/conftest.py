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
