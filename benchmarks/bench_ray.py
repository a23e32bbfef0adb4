"""Benchmark (not a test): extraction on Ray against the single process.

Extracts the packaged VOA bench corpus (89 stories, ``--repeat`` passes) three ways, the
models loaded before the clock starts in each: in this process; on a local Ray with one
actor; with two actors. Prints articles/s, the scaling efficiency (2 actors / (2 x 1
actor)) and the overhead of one actor against the single process.
Goals: efficiency >= 0.85, overhead <= 10 %.

Run: ``python benchmarks/bench_ray.py [--repeat 2] [--batch 8]``
"""

from __future__ import annotations

import argparse
import time

from warledger.bench.run import bench_corpus
from warledger.distributed.ray_extract import RayPool, batched
from warledger.ingest.prepare import prepare
from warledger.ingest.readers import iter_raw
from warledger.nlp.extract import Extractor
from warledger.types import RawDocument


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--batch", type=int, default=8)
    args = parser.parse_args()
    docs = [prepare(i) for i in iter_raw([str(bench_corpus())]) if isinstance(i, RawDocument)]
    docs = docs * args.repeat
    extractor = Extractor()
    list(extractor.extract_many(docs[:4]))  # warm-up
    began = time.perf_counter()
    list(extractor.extract_many(docs))
    single = len(docs) / (time.perf_counter() - began)
    del extractor
    print(f"single process: {single:.2f} articles/s ({len(docs)} articles)", flush=True)

    import ray

    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    rates = {}
    for workers in (1, 2):
        pool = RayPool(ray, workers)
        list(pool.map([docs[:4]]))  # warm-up
        began = time.perf_counter()
        done = sum(len(o.results) for o in pool.map(batched(docs, args.batch)))
        rates[workers] = done / (time.perf_counter() - began)
        pool.close()
        print(f"ray, {workers} actor(s): {rates[workers]:.2f} articles/s", flush=True)
    ray.shutdown()
    print(
        f"scaling efficiency {rates[2] / (2 * rates[1]):.2f} (goal >= 0.85); "
        f"overhead of 1 actor vs single process {1 - rates[1] / single:+.1%} (goal <= 10 %)"
    )


if __name__ == "__main__":
    main()
