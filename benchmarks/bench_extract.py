"""Benchmark (not a test): extraction with and without the cheap pass, in one process.

Run: ``.venv/bin/python benchmarks/bench_extract.py [--repeat N]``. Prints, for the
packaged demo corpus, articles per second (wall and per CPU second), peak RSS and the
extraction/parse ratios with the gate on and off. Run it on a quiet machine and note the
load average with the figures.
"""

from __future__ import annotations

import argparse
import os

from warledger.bench.run import bench_corpus, load_texts, run_bench


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    texts = load_texts(bench_corpus())
    print(f"load average before: {os.getloadavg()[0]:.2f}")
    for gate in (True, False):
        r = run_bench(texts, repeat=args.repeat, gate=gate)
        print(
            f"gate {'on ' if gate else 'off'}: {r.articles_per_second:.1f} articles/s wall, "
            f"{r.articles_per_cpu_second:.1f} per CPU second; ratio {r.ratio:.2f} "
            f"(CPU {r.cpu_ratio:.2f}); peak RSS {r.peak_rss_mb:.0f} MB"
        )
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
