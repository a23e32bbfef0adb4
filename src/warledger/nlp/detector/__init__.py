"""The learned event detector: which event kinds a sentence reports, and how.

A spaCy ``textcat_multilabel`` trained on the annotated corpus's train split
(``warledger train detector``) scores every sentence for each event kind and subtype,
for factuality (negated, not asserted, background) and for another conflict's events.
A detector is theatre data: its weights ship in the theatre's folder
(``theatres/ukraine/detector/``, with a model card), so a theatre without one is read by
the rules alone; nothing is downloaded. The rules and the detector are combined in
:mod:`warledger.nlp.detector.combine`.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from warledger.nlp.theatre import Theatre

from warledger.nlp.detector.combine import Policy

FOLDER = "detector"  # inside a theatre's folder
COMPONENT = "textcat_multilabel"


def model_config(arch: str) -> dict[str, Any]:
    """The textcat model: bag of uni- and bigrams, or that with a small CNN over the md
    pipeline's static word vectors (``ensemble``), which generalises to unseen words."""
    bow = {
        "@architectures": "spacy.TextCatBOW.v3",
        "exclusive_classes": False,
        "ngram_size": 2,
        "no_output_layer": False,
        # 2**15 hashed n-gram rows per label keep the shipped weights to a few MB; the
        # CNN over word vectors carries what the hashing collisions lose.
        "length": 32768,
    }
    if arch == "bow":
        return {"model": bow}
    tok2vec = {
        "@architectures": "spacy.Tok2Vec.v2",
        "embed": {
            "@architectures": "spacy.MultiHashEmbed.v2",
            "width": 96,
            "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE"],
            "rows": [5000, 1000, 2500, 2500],
            "include_static_vectors": True,
        },
        "encode": {
            "@architectures": "spacy.MaxoutWindowEncoder.v2",
            "width": 96,
            "depth": 2,
            "window_size": 1,
            "maxout_pieces": 3,
        },
    }
    return {
        "model": {
            "@architectures": "spacy.TextCatEnsemble.v2",
            "tok2vec": tok2vec,
            "linear_model": bow,
            "nO": None,
        }
    }


def blank(vocab: Any, arch: str, labels: tuple[str, ...]) -> Language:
    """An empty English pipeline sharing ``vocab`` (the md pipeline's, for its vectors)."""
    import spacy

    nlp = spacy.blank("en", vocab=vocab)
    textcat = nlp.add_pipe(COMPONENT, config=model_config(arch))
    for label in labels:
        textcat.add_label(label)
    return nlp


def sentence_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges of the rule-based sentences the detector reads."""
    from warledger.nlp.gate import rule_sentences

    out = []
    for start, end in rule_sentences(doc):
        span = doc[start:end]
        out.append((span.start_char, span.end_char))
    return out


@dataclass(frozen=True)
class Detector:
    """A loaded detector: its pipeline, labels and a fingerprint of its weights."""

    nlp: Language
    labels: tuple[str, ...]
    policy: Policy
    fingerprint: str

    @property
    def add_above(self) -> dict[str, float]:
        """Per kind, the probability from which a sentence gets an event of that kind."""
        return dict(self.policy.add_above)

    def scores(self, texts: list[str]) -> list[dict[str, float]]:
        """Per text, each label's probability."""
        return [dict(doc.cats) for doc in self.nlp.pipe(texts, batch_size=64)]


def fingerprint(folder: Path) -> str:
    """A short hash of the weights and settings (shown with figures and in the card)."""
    files = [folder / "model.bin", folder / "meta.json"]
    return hashlib.sha256(b"".join(f.read_bytes() for f in files)).hexdigest()[:12]


def theatre_detector(theatre: Theatre) -> Detector | None:
    """The detector a theatre ships, or None: then its texts are read by the rules."""
    if not theatre.has(f"{FOLDER}/meta.json"):
        return None
    return load_detector(str(theatre.path(FOLDER)))


@lru_cache(maxsize=4)
def load_detector(path: str) -> Detector | None:
    """The detector saved in folder ``path``, or None when it holds none."""
    folder = Path(path)
    meta_file = folder / "meta.json"
    if not meta_file.is_file():
        return None
    from warledger.nlp.pipeline import load_pipeline

    meta = json.loads(meta_file.read_text(encoding="utf-8"))
    labels = tuple(meta["labels"])
    nlp = blank(load_pipeline().vocab, meta["arch"], labels)
    nlp.get_pipe(COMPONENT).model.from_bytes((folder / "model.bin").read_bytes())
    policy = Policy.from_meta(meta.get("thresholds", {}))
    return Detector(nlp, labels, policy, fingerprint(folder))
