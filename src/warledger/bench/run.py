"""``warledger bench``: extraction speed and memory, measured against the bare parse.

The figure that matters is the ratio of full extraction time to the bare ``nlp.pipe``
time over the same texts in the same run: it says what our readers cost on top of
spaCy, independent of how fast this machine happens to be today. Both are also taken in
CPU seconds of this process: on a machine shared with other jobs, wall time measures the
neighbours too, while CPU time gives the speed per core. The two measurements alternate
within each pass so that a change in load touches both alike.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from importlib import resources
from pathlib import Path


@dataclass(frozen=True)
class BenchResult:
    articles: int
    repeat: int
    tokens: int
    parse_seconds: float
    extract_seconds: float
    articles_per_second: float
    tokens_per_second: float
    ratio: float  # full extraction time / bare parse time
    peak_rss_mb: float
    parse_cpu_seconds: float = 0.0
    extract_cpu_seconds: float = 0.0
    articles_per_cpu_second: float = 0.0  # articles per second per core
    cpu_ratio: float = 0.0  # the ratio in CPU time

    def to_dict(self) -> dict[str, float | int]:
        return {k: round(v, 3) if isinstance(v, float) else v for k, v in asdict(self).items()}


def bench_corpus() -> Path:
    """The packaged 89 VOA stories of all kinds of news (public domain): the bench corpus."""
    return Path(str(resources.files("warledger").joinpath("data", "bench", "voa_stories.jsonl")))


def load_texts(path: Path) -> list[str]:
    """Texts of a JSON Lines corpus (``text`` field) or of a plain-text file."""
    if path.suffix != ".jsonl":
        return [path.read_text(encoding="utf-8")]
    texts = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                record = json.loads(line)
                texts.append(record.get("text") or record.get("body") or "")
    return [t for t in texts if t.strip()]


def peak_rss_mb() -> float:
    """Peak resident set size of this process (Linux reports kilobytes)."""
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kb / 1024 if sys.platform != "darwin" else kb / (1024 * 1024)


def run_bench(
    texts: Sequence[str], *, repeat: int = 1, batch_size: int = 16, gate: bool = True
) -> BenchResult:
    """Time the bare parse and the full extraction over ``texts``, ``repeat`` times each.

    ``gate=False`` measures the extractor parsing every sentence (what the cheap pass
    saves is the difference)."""
    from warledger.nlp.extract import Extractor

    extractor = Extractor(gate=gate)
    nlp = extractor.nlp
    list(nlp.pipe(texts[:2]))  # warm up caches so neither timing pays first-call costs
    list(extractor.extract_many(texts[:2]))
    parse_seconds = extract_seconds = parse_cpu = extract_cpu = 0.0
    tokens = 0
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        docs = list(nlp.pipe(texts, batch_size=batch_size))
        parse_seconds += time.perf_counter() - wall
        parse_cpu += time.process_time() - cpu
        tokens += sum(len(d) for d in docs)
        del docs
        wall, cpu = time.perf_counter(), time.process_time()
        for _result in extractor.extract_many(texts, batch_size=batch_size):
            pass
        extract_seconds += time.perf_counter() - wall
        extract_cpu += time.process_time() - cpu
    n = len(texts) * repeat
    return BenchResult(
        articles=len(texts),
        repeat=repeat,
        tokens=tokens,
        parse_seconds=parse_seconds,
        extract_seconds=extract_seconds,
        articles_per_second=n / extract_seconds if extract_seconds else 0.0,
        tokens_per_second=tokens / extract_seconds if extract_seconds else 0.0,
        ratio=extract_seconds / parse_seconds if parse_seconds else 0.0,
        peak_rss_mb=peak_rss_mb(),
        parse_cpu_seconds=parse_cpu,
        extract_cpu_seconds=extract_cpu,
        articles_per_cpu_second=n / extract_cpu if extract_cpu else 0.0,
        cpu_ratio=extract_cpu / parse_cpu if parse_cpu else 0.0,
    )
