"""Benchmark (not a test): ingest the 89-story VOA bench corpus into a temporary SQLite ledger.

Run: ``.venv/bin/python benchmarks/bench_ingest.py``. Prints documents per second for a
first ingest (all new) and a re-ingest (all duplicates).
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from warledger.ingest.run import ingest
from warledger.ledger.store import Store
from warledger.settings import BENCH_CORPUS


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp, Store.open(f"sqlite:///{Path(tmp)}/b.db") as store:
        for label in ("first ingest", "re-ingest"):
            started = time.perf_counter()
            summary = ingest([str(BENCH_CORPUS)], store, progress=False)
            seconds = time.perf_counter() - started
            print(
                f"{label}: {summary.read} documents in {seconds:.2f} s = "
                f"{summary.read / seconds:.1f} documents/s "
                f"(new {summary.new}, duplicate {summary.duplicate}, "
                f"near-duplicate {summary.near_duplicate}, skipped {summary.failed})"
            )


if __name__ == "__main__":
    main()
