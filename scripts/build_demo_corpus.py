"""Rebuild the demo corpus in src/warledger/data/demo/ from ../shared/corpus.

The demo is about the Russia–Ukraine war: the 2025 day-documents of Wikipedia's
"Portal:Current events" (CC BY-SA 4.0, Wikipedia contributors; each record keeps its
``url`` and ``licence``) and the six VOA war stories (public domain). The Wikipedia text
is copied verbatim; only the record's fields are renamed for the ingest reader (the
portal page becomes ``url``, the outlet ``source``).

    python scripts/build_demo_corpus.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEMO = REPO / "src" / "warledger" / "data" / "demo"
YEAR = "2025"


def build(shared: Path) -> tuple[int, int]:
    days_in = shared / "corpus" / "wikipedia" / "current_events_days.jsonl"
    out = DEMO / "wikipedia_current_events_2025.jsonl"
    n = 0
    with days_in.open(encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        for line in src:
            record = json.loads(line)
            if not record["published"].startswith(YEAR):
                continue
            dst.write(
                json.dumps(
                    {
                        "id": record["id"],
                        "url": record["source"],
                        "source": "Wikipedia (Portal:Current events)",
                        "published": record["published"],
                        "title": record["title"],
                        "text": record["text"],
                        "licence": record["licence"],
                        "provenance": record["provenance"],
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )
            n += 1
    voa = DEMO / "voa_ukraine_war.jsonl"
    shutil.copyfile(shared / "corpus" / "voa" / "ukraine_war.jsonl", voa)
    return n, sum(1 for _ in voa.open(encoding="utf-8"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = parser.parse_args()
    days, stories = build(args.shared)
    print(f"{days} Wikipedia day-documents, {stories} VOA stories in {DEMO}")


if __name__ == "__main__":
    main()
