"""Write evaluation/gold/test-manifest.json: the sha256 of every test gold file and text.

Run once, when the test split's annotation is complete, from the repository root:

    python scripts/freeze_test_split.py [--corpus ../shared/corpus]

From then on `warledger eval --split test` refuses to run on changed files, so the
figures it reports are on the split as frozen.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from warledger.eval.splits import DEFAULT_GOLD_ROOT, default_corpus_dir, write_manifest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=default_corpus_dir())
    parser.add_argument("--gold-root", type=Path, default=DEFAULT_GOLD_ROOT)
    args = parser.parse_args()
    print(f"wrote {write_manifest(args.gold_root, args.corpus)}")


if __name__ == "__main__":
    main()
