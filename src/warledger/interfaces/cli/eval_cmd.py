"""``warledger eval``: score extraction (and consolidation) against gold files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from warledger.errors import UsageError
from warledger.interfaces.cli.common import JsonOption, console, err_console, print_json

DEFAULT_BASELINE = Path("evaluation") / "baseline.json"


def register(app: typer.Typer) -> None:
    """Add this module's commands to the CLI."""
    app.command("eval")(eval_command)


def eval_command(
    gold_dir: Annotated[
        Path | None,
        typer.Argument(help="Folder of gold *.json files; without it, the --split is scored."),
    ] = None,
    split: Annotated[
        str,
        typer.Option(
            "--split",
            help="Split of the annotated corpus to score: train, dev or test; 'train,dev' "
            "scores both together.",
        ),
    ] = "dev",
    gold_root: Annotated[
        Path, typer.Option("--gold-root", help="Folder holding the split folders.")
    ] = Path("evaluation") / "gold",
    corpus: Annotated[
        Path | None,
        typer.Option(
            "--corpus",
            help="Corpus folder (default: GOLD_DIR/../corpus, or for a split "
            "$WARLEDGER_CORPUS or ../shared/corpus).",
        ),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the full JSON report here.")
    ] = None,
    clusters: Annotated[
        Path | None,
        typer.Option(
            "--clusters", help="Labelled cluster set: also score consolidation (B-cubed)."
        ),
    ] = None,
    details: Annotated[
        bool, typer.Option("--details/--no-details", help="Show per-document misses.")
    ] = True,
    check: Annotated[
        bool, typer.Option("--check", help="Exit 1 if a metric is below its floor in --baseline.")
    ] = False,
    update_baseline: Annotated[
        bool, typer.Option("--update-baseline", help="Raise the floors in --baseline to this run.")
    ] = False,
    allow_regression: Annotated[
        bool, typer.Option("--allow-regression", help="Let --update-baseline lower floors.")
    ] = False,
    baseline: Annotated[
        Path, typer.Option("--baseline", help="Floors file for --check / --update-baseline.")
    ] = DEFAULT_BASELINE,
    docs: Annotated[
        list[str] | None,
        typer.Option(
            "--docs",
            help="Score only the documents whose reference matches this pattern "
            "(repeatable; shell-style, e.g. 'synthetic:w2-*').",
        ),
    ] = None,
    skip_docs: Annotated[
        list[str] | None,
        typer.Option(
            "--skip-docs",
            help="Leave out the documents whose reference matches this pattern (repeatable).",
        ),
    ] = None,
    mode: Annotated[
        str,
        typer.Option(
            "--mode",
            help="How events are found: rules, model (the learned detector alone) or "
            "combined (the default, as extraction runs).",
        ),
    ] = "combined",
    as_json: JsonOption = False,
) -> None:
    """Score extraction against gold: event P/R/F1 by kind, field accuracy, positions,
    places and theatre, overall and per corpus, ending with one summary line.

    Without GOLD_DIR it scores one split of the annotated corpus (default dev). The test
    split is read only to report figures; its files are checked against their frozen
    manifest first.
    """
    from warledger.eval import baseline as floors_file
    from warledger.eval import harness, splits
    from warledger.eval.gold import load_gold, select_documents
    from warledger.eval.render import print_report, summary_line

    if mode not in ("rules", "model", "combined"):
        raise UsageError(f"--mode must be rules, model or combined, not {mode!r}")
    extract = harness.cached(harness.default_extract(mode))
    if gold_dir is not None:
        label = str(gold_dir)
        corpus_dir = corpus or harness.default_corpus(gold_dir)
        gold_docs = load_gold(gold_dir)
    else:
        names = [name.strip() for name in split.split(",") if name.strip()]
        if "test" in names and len(names) > 1:
            raise UsageError("the test split is scored alone: --split test")
        label = f"{'+'.join(names)} split" + ("" if mode == "combined" else f" ({mode})")
        corpus_dir = corpus or splits.default_corpus_dir()
        gold_docs = [doc for name in names for doc in load_gold(splits.split_dir(gold_root, name))]
        splits.check_corpus(corpus_dir, {doc.corpus for doc in gold_docs})
        if names == ["test"]:
            problems = splits.verify_manifest(gold_root, corpus_dir)
            for problem in problems:
                err_console.print(f"[bold red]test split changed:[/] {problem}")
            if problems:
                raise UsageError("the test split differs from its frozen manifest")
    if docs or skip_docs:
        gold_docs = select_documents(gold_docs, docs, skip_docs)
        if not gold_docs:
            raise UsageError("no gold document matches --docs / --skip-docs")
        label += " (" + ", ".join([*(docs or []), *(f"not {p}" for p in skip_docs or [])]) + ")"
    if not corpus_dir.is_dir():
        raise UsageError(f"corpus folder not found: {corpus_dir} (use --corpus)")
    report = harness.evaluate_documents(gold_docs, corpus_dir, extract=extract)
    if clusters:
        bcubed = harness.evaluate_consolidation(clusters, corpus_dir, extract=extract)
        report.extra["bcubed"] = {"cluster_set": str(clusters), **bcubed.to_dict()}
    data = report.to_dict()
    if output:
        output.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    if as_json:
        print_json(data)
    else:
        print_report(report, console, details=details)
        console.print(summary_line(report, label))

    metrics = report.metrics()
    if update_baseline:
        old = floors_file.load_floors(baseline) if baseline.is_file() else {}
        new = floors_file.raise_floors(old, metrics, allow_regression=allow_regression)
        floors_file.write_floors(baseline, new)
        err_console.print(f"floors written to {baseline}")
    if check:
        shortfalls = floors_file.check(metrics, floors_file.load_floors(baseline))
        for s in shortfalls:
            value = "n/a" if s.value is None else f"{s.value:.3f}"
            err_console.print(f"[bold red]below floor:[/] {s.metric} {value} < {s.floor:.2f}")
        if shortfalls:
            raise typer.Exit(1)
        err_console.print(f"all floors in {baseline} met")
