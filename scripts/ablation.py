"""The ablation table: rules only, detector only, combined — per kind, on one split.

    python scripts/ablation.py --split dev [--corpus ../shared/corpus] [--json out.json]

Each mode is the extractor as `warledger eval --split SPLIT --mode MODE` runs it. Test is
read only to report (the thresholds were chosen on dev).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from warledger.eval import harness, splits
from warledger.eval.gold import load_gold
from warledger.types import EVENT_KINDS

MODES = ("rules", "model", "combined")


def fig(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=splits.SPLITS)
    parser.add_argument("--corpus", type=Path, default=splits.default_corpus_dir())
    parser.add_argument("--gold-root", type=Path, default=splits.DEFAULT_GOLD_ROOT)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    if args.split == "test" and (problems := splits.verify_manifest(args.gold_root, args.corpus)):
        raise SystemExit("the test split differs from its manifest: " + "; ".join(problems))
    docs = load_gold(splits.split_dir(args.gold_root, args.split))
    reports = {
        mode: harness.evaluate_documents(docs, args.corpus, harness.default_extract(mode))
        for mode in MODES
    }
    print(f"### {args.split}: {len(docs)} documents\n")
    print("| kind | " + " | ".join(f"{m} F1" for m in MODES) + " |")
    print("|---|" + "---|" * len(MODES))
    for kind in EVENT_KINDS:
        cells = [fig(r.by_kind[kind].f1) if kind in r.by_kind else "–" for r in reports.values()]
        print(f"| {kind} | " + " | ".join(cells) + " |")
    rows = (
        ("events P", lambda r: r.events.precision),
        ("events R", lambda r: r.events.recall),
        ("**events F1**", lambda r: r.events.f1),
        ("field accuracy", lambda r: r.field_accuracy.value),
        ("positions F1", lambda r: r.positions.f1),
        ("theatre", lambda r: r.metrics().get("fields.theatre")),
    )
    for name, get in rows:
        print(f"| {name} | " + " | ".join(fig(get(r)) for r in reports.values()) + " |")
    if args.json:
        data = {m: r.to_dict() for m, r in reports.items()}
        args.json.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
