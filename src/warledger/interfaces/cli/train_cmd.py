"""``warledger train``: train the learned components from the annotated corpus."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from warledger.interfaces.cli.common import console, err_console

train_app = typer.Typer(
    help="Train learned components on the annotated corpus (train split; choices on dev).",
    no_args_is_help=True,
)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the CLI."""
    app.add_typer(train_app, name="train")


# The options both commands read the annotated corpus with.
DEFAULT_GOLD_ROOT = Path("evaluation") / "gold"
GoldRootOption = Annotated[
    Path, typer.Option("--gold-root", help="Folder holding the split folders.")
]
CorpusOption = Annotated[
    Path | None,
    typer.Option("--corpus", help="Corpus folder (default $WARLEDGER_CORPUS or ../shared/corpus)."),
]


@train_app.command("detector")
def train_detector_command(
    gold_root: GoldRootOption = DEFAULT_GOLD_ROOT,
    corpus: CorpusOption = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", help="Where to write the weights (default: the theatre's detector/)."
        ),
    ] = None,
    arch: Annotated[str, typer.Option("--arch", help="ensemble or bow.")] = "ensemble",
    epochs: Annotated[int, typer.Option("--epochs", min=1, help="Training epochs.")] = 10,
    seed: Annotated[int, typer.Option("--seed", help="Random seed.")] = 0,
    oversample: Annotated[
        int,
        typer.Option(
            "--oversample",
            min=1,
            help="Repeat a sentence with a rare label up to this many times (1: never).",
        ),
    ] = 1,
) -> None:
    """Train the sentence event detector on train, keep the epoch with the best dev score,
    then choose on dev how it combines with the rules; write weights and thresholds.

    Test is never read. Reproducible: same data, seed and versions give the same model.
    """
    from warledger.eval import splits
    from warledger.training.detector import train_detector

    corpus_dir = corpus or splits.default_corpus_dir()
    target = out or _theatre_detector_dir()
    result = train_detector(
        gold_root,
        corpus_dir,
        target,
        arch=arch,
        epochs=epochs,
        seed=seed,
        oversample=oversample,
        progress=err_console.print,
    )
    console.print(
        f"detector written to {target}: epoch {result.epochs} of {epochs}, "
        f"{result.train_sentences} train sentences"
    )
    _choose_thresholds(target, gold_root, corpus_dir)


@train_app.command("policy")
def train_policy_command(
    gold_root: GoldRootOption = DEFAULT_GOLD_ROOT,
    corpus: CorpusOption = None,
    detector_dir: Annotated[
        Path | None,
        typer.Option("--detector", help="Detector folder (default: the theatre's detector/)."),
    ] = None,
) -> None:
    """Choose again, on dev, how the detector and the rules combine (after a rule change),
    without retraining the detector; the thresholds are written to its meta.json."""
    from warledger.eval import splits

    target = detector_dir or _theatre_detector_dir()
    _choose_thresholds(target, gold_root, corpus or splits.default_corpus_dir())


def _theatre_detector_dir() -> Path:
    from warledger.nlp.detector import FOLDER
    from warledger.nlp.theatre import default_theatre

    return Path(str(default_theatre().path(FOLDER)))


def _choose_thresholds(target: Path, gold_root: Path, corpus_dir: Path) -> None:
    """Per-kind thresholds with the best dev F1, written into the detector's meta.json."""
    from warledger.errors import UsageError
    from warledger.nlp.detector import load_detector
    from warledger.training.policy import cache_split, choose_policy, policy_to_meta

    load_detector.cache_clear()
    detector = load_detector(str(target))
    if detector is None:
        raise UsageError(f"no detector in {target} (run `warledger train detector`)")
    cached = cache_split(detector, gold_root, "dev", corpus_dir, progress=err_console.print)
    policy = choose_policy(cached, progress=err_console.print)
    meta_file = target / "meta.json"
    meta = json.loads(meta_file.read_text(encoding="utf-8"))
    meta["thresholds"] = policy_to_meta(policy)
    meta_file.write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    load_detector.cache_clear()
    console.print(f"thresholds written to {meta_file}: {meta['thresholds']}")
