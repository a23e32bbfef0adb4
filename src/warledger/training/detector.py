"""Train the event detector on the train split and measure it on dev, per label.

Reproducible: a fixed seed fixes spaCy's and the shuffling's randomness, and the data are
the committed gold files. The epoch count and the architecture are chosen on dev; test is
never read here. The result is written as ``model.bin`` (the textcat weights), ``meta.json``
(labels, architecture, thresholds, training data summary and dev figures) and is loaded
by :func:`warledger.nlp.detector.load_detector`.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from warledger.eval.gold import load_gold
from warledger.eval.metrics import PRF
from warledger.eval.splits import split_dir
from warledger.nlp.detector import COMPONENT, blank, sentence_ranges
from warledger.training.examples import LABELS, SentenceExample, corpus_examples, oversampled
from warledger.types import EVENT_KINDS

Progress = Callable[[str], None]


@dataclass
class TrainResult:
    """What a training run produced, for the model card and the CLI."""

    epochs: int
    train_sentences: int
    dev_sentences: int
    label_counts: dict[str, int]
    dev: dict[str, dict[str, Any]]
    out: Path


def split_examples(gold_root: Path, split: str, corpus: Path) -> list[SentenceExample]:
    """Sentence examples of one split, split into sentences as the extractor does."""
    from warledger.nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    docs = load_gold(split_dir(gold_root, split))
    return list(
        corpus_examples(docs, str(corpus), lambda text: sentence_ranges(nlp.make_doc(text)))
    )


def score_labels(
    examples: list[SentenceExample], scores: list[dict[str, float]], threshold: float = 0.5
) -> dict[str, PRF]:
    """Sentence-level P/R/F1 per label at ``threshold``."""
    out = {label: PRF() for label in LABELS}
    for ex, cats in zip(examples, scores, strict=True):
        for label in LABELS:
            said, gold = cats.get(label, 0.0) >= threshold, label in ex.labels
            out[label].tp += said and gold
            out[label].fp += said and not gold
            out[label].fn += gold and not said
    return out


def selection_score(examples: list[SentenceExample], scores: list[dict[str, float]]) -> float:
    """Mean over event kinds of the best dev F1 over the thresholds the policy can pick.

    The kept epoch should be the one whose scores rank sentences best for the policy that
    follows, not the one that happens to cross 0.5: a rare kind scored 0.4 on its true
    sentences and 0.1 elsewhere is useful, and a fixed 0.5 calls it worthless."""
    from warledger.training.policy import ADD_GRID

    grid = [t for t in ADD_GRID if t <= 1.0]  # leave out "never add"
    by_threshold = [score_labels(examples, scores, t) for t in grid]
    best = [max((f[k].f1 or 0.0) for f in by_threshold) for k in EVENT_KINDS]
    return sum(best) / len(best)


def train_detector(
    gold_root: Path,
    corpus: Path,
    out: Path,
    *,
    arch: str = "ensemble",
    epochs: int = 12,
    seed: int = 0,
    oversample: int = 1,
    progress: Progress | None = None,
) -> TrainResult:
    """Train on train, keep the epoch with the best dev macro-F1 over event kinds (each
    kind at its best threshold of the policy's grid, see :func:`selection_score`)."""
    import spacy
    from spacy.training import Example
    from spacy.util import fix_random_seed, minibatch

    from warledger.nlp.pipeline import load_pipeline

    say = progress or (lambda _msg: None)
    fix_random_seed(seed)
    rng = random.Random(seed)
    train = split_examples(gold_root, "train", corpus)
    dev = split_examples(gold_root, "dev", corpus)
    say(f"{len(train)} train and {len(dev)} dev sentences")
    nlp = blank(load_pipeline().vocab, arch, LABELS)
    make = nlp.make_doc

    def to_examples(items: list[SentenceExample]) -> list[Example]:
        return [Example.from_dict(make(ex.text), {"cats": ex.cats()}) for ex in items]

    train_ex = to_examples(oversampled(train, cap=oversample))
    optimizer = nlp.initialize(lambda: train_ex)
    best: tuple[float, int, bytes] = (-1.0, 0, b"")
    textcat = nlp.get_pipe(COMPONENT)
    for epoch in range(1, epochs + 1):
        rng.shuffle(train_ex)
        losses: dict[str, float] = {}
        for batch in minibatch(train_ex, size=spacy.util.compounding(8.0, 32.0, 1.001)):
            nlp.update(batch, sgd=optimizer, drop=0.2, losses=losses)
        scores = [dict(d.cats) for d in nlp.pipe([ex.text for ex in dev], batch_size=64)]
        macro = selection_score(dev, scores)
        say(f"epoch {epoch}: loss {losses.get(COMPONENT, 0.0):.2f}, dev macro-F1 {macro:.3f}")
        if macro > best[0]:
            best = (macro, epoch, textcat.model.to_bytes())
    textcat.model.from_bytes(best[2])
    scores = [dict(d.cats) for d in nlp.pipe([ex.text for ex in dev], batch_size=64)]
    dev_figures = {k: v.to_dict() for k, v in score_labels(dev, scores).items()}
    counts = {label: sum(label in ex.labels for ex in train) for label in LABELS}
    out.mkdir(parents=True, exist_ok=True)
    (out / "model.bin").write_bytes(best[2])
    meta = {
        "arch": arch,
        "labels": list(LABELS),
        "seed": seed,
        "epochs_run": epochs,
        "oversample": oversample,
        "epoch_kept": best[1],
        "train_sentences": len(train),
        "dev_sentences": len(dev),
        "train_label_counts": counts,
        "dev_sentence_figures": dev_figures,
        "thresholds": {},
    }
    (out / "meta.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    return TrainResult(best[1], len(train), len(dev), counts, dev_figures, out)
