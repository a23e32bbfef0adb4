"""Extraction on a Ray cluster: a pool of actors, each loading the pipeline once.

The driver (the ``warledger extract --engine ray`` process) reads the documents, hands
them out in batches and collects the results; each actor loads the spaCy pipeline,
gazetteer and actor registry once and extracts its batches with the very code of the
single-process path (``workflow.extract_chunk``), so the results are identical.

Against a store, the driver writes each finished batch back in one transaction
(``Store.save_extractions``), idempotent per document and extractor version. An actor
lost mid-batch (its process or node died) is restarted by Ray and its batch re-run; a
batch that still fails leaves its documents pending, so a re-run finishes the job and
nothing is written twice. Without a store (files in, ``--output DIR``), batch *i*
becomes the JSON Lines shard ``part-00000i.jsonl``: the shards in name order are the
single-process output, line for line.

Only the driver talks to the database, so a SQLite ledger works as well as PostgreSQL;
the actors need the package (and its model) installed on every node, nothing else.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from warledger.errors import WarledgerError

if TYPE_CHECKING:
    from warledger.ledger.store import Store
    from warledger.types import Document, DocumentResult
    from warledger.workflow import ExtractSummary

LOGGER = logging.getLogger(__name__)

BATCH = 32  # documents per task: large enough to amortise a round-trip, small to balance
IN_FLIGHT = 2  # batches queued per actor, so none idles while the driver saves a result
RESTARTS = 3  # times Ray restarts a lost actor (and re-runs its batch) before giving up


class EngineUnavailable(WarledgerError):
    """The Ray engine was asked for but Ray is not installed or not reachable."""

    code = "engine_unavailable"


def require_ray() -> Any:
    """The ``ray`` module, or a clear error naming the extra to install."""
    try:
        import ray
    except ImportError as exc:
        raise EngineUnavailable("the Ray engine needs Ray: pip install 'warledger[ray]'") from exc
    return ray


@contextmanager
def ray_session(address: str | None = None, *, workers: int | None = None) -> Iterator[Any]:
    """Connect to the cluster at ``address`` ("auto", "ray://host:10001") or start a
    local Ray with ``workers`` CPUs; shut down on exit only what we started."""
    ray = require_ray()
    started = False
    if not ray.is_initialized():
        options: dict[str, Any] = {"log_to_driver": False, "include_dashboard": False}
        if address:
            options["address"] = address
        elif workers:
            options["num_cpus"] = workers
        try:
            ray.init(**options)
        except (ConnectionError, RuntimeError, ValueError) as exc:
            raise EngineUnavailable(f"cannot reach the Ray cluster {address}: {exc}") from exc
        started = True
    try:
        yield ray
    finally:
        if started:
            ray.shutdown()


ExtractorFactory = Callable[[], Any]


class ExtractionWorker:
    """One actor: the models loaded once, then batch after batch."""

    def __init__(self, factory: ExtractorFactory | None = None) -> None:
        if factory is None:
            from warledger.nlp.extract import Extractor

            factory = Extractor
        self.extractor = factory()

    def ready(self) -> bool:
        return True

    def extract(
        self, docs: list[Document]
    ) -> tuple[list[tuple[str, DocumentResult]], list[tuple[str, str]]]:
        """(doc_id, result) for each document read; (doc_id, reason) for each failure."""
        from warledger.workflow import ExtractSummary, extract_chunk

        summary = ExtractSummary()
        done = extract_chunk(self.extractor, docs, summary)
        return [(doc.doc_id, result) for doc, result in done], summary.failed


@dataclass
class BatchOutcome:
    """A finished batch: its index in submission order, results and failures."""

    index: int
    docs: list[Document]
    results: list[tuple[str, DocumentResult]] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)


class RayPool:
    """``workers`` extraction actors and a bounded queue of batches for them."""

    def __init__(
        self,
        ray: Any,
        workers: int,
        *,
        factory: ExtractorFactory | None = None,
        cpus: float = 1.0,
    ) -> None:
        """Start the actors and wait until each has loaded its models. ``factory`` builds
        each actor's extractor (default: the packaged ``Extractor``)."""
        if workers < 1:
            raise ValueError("workers must be at least 1")
        self.ray = ray
        actor = ray.remote(num_cpus=cpus, max_restarts=RESTARTS, max_task_retries=RESTARTS)(
            ExtractionWorker
        )
        self.actors = [actor.remote(factory) for _ in range(workers)]
        ray.get([a.ready.remote() for a in self.actors])  # models loaded before timing starts

    def close(self) -> None:
        for actor in self.actors:
            self.ray.kill(actor)

    def map(self, batches: Iterable[list[Document]]) -> Iterator[BatchOutcome]:
        """Each batch's outcome as soon as it is done (not in submission order).

        At most ``IN_FLIGHT`` batches per actor are queued, so the driver holds a bounded
        number of documents however long the input. A batch whose actor could not be
        brought back comes out with every document failed (they stay pending).
        """
        ray = self.ray
        source = iter(enumerate(batches))
        running: dict[Any, tuple[Any, int, list[Document]]] = {}
        free = deque(actor for actor in self.actors for _ in range(IN_FLIGHT))

        def submit() -> None:
            while free:
                item = next(source, None)
                if item is None:
                    return
                index, docs = item
                if not docs:
                    continue
                actor = free.popleft()
                running[actor.extract.remote(docs)] = (actor, index, docs)

        submit()
        while running:
            (ref,), _ = ray.wait(list(running), num_returns=1)
            actor, index, docs = running.pop(ref)
            free.append(actor)
            outcome = BatchOutcome(index, docs)
            try:
                outcome.results, outcome.failed = ray.get(ref)
            except Exception as exc:  # the actor is gone for good, or Ray itself failed
                reason = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
                LOGGER.error("a batch of %d documents failed on Ray: %s", len(docs), reason)
                outcome.failed = [(doc.doc_id, reason) for doc in docs]
            submit()
            yield outcome


def batched(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    """Consecutive lists of ``size`` items (the last may be shorter)."""
    batch: list[Document] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def shard_name(index: int) -> str:
    return f"part-{index:06d}.jsonl"


def extract_to_shards(
    pool: RayPool,
    documents: Iterable[Document],
    out_dir: Any,
    *,
    batch_size: int = BATCH,
    on_error: Callable[[str, str], None] | None = None,
) -> tuple[int, int]:
    """Extract ``documents`` into JSON Lines shards under ``out_dir``; (written, failed).

    Batch *i* becomes shard *i*, its lines in input order, written under a temporary
    name and renamed when complete, so a shard present is a shard finished.
    """
    import json
    from pathlib import Path

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    if any(out.glob("part-*.jsonl")):
        raise EngineUnavailable(f"{out} already holds shards; give an empty directory")
    written = failed = 0
    for outcome in pool.map(batched(documents, batch_size)):
        by_id = dict(outcome.results)
        for doc_id, reason in outcome.failed:
            failed += 1
            if on_error is not None:
                on_error(doc_id, reason)
        partial = out / (shard_name(outcome.index) + ".tmp")
        with partial.open("w", encoding="utf-8") as handle:
            for doc in outcome.docs:
                result = by_id.get(doc.doc_id)
                if result is not None:
                    handle.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
                    written += 1
        partial.replace(out / shard_name(outcome.index))
    return written, failed


def extract_pending_ray(
    store: Store,
    pool: RayPool,
    *,
    redo_all: bool = False,
    batch_size: int = BATCH,
    on_start: Callable[[int], None] | None = None,
    on_document: Callable[[str], None] | None = None,
    on_error: Callable[[str, str], None] | None = None,
) -> ExtractSummary:
    """``workflow.extract_pending`` on a Ray pool: same selection, same results, same
    run record (written when it starts, closed with its true status); each finished
    batch is saved in one transaction."""
    from warledger.nlp.extract import EXTRACTOR_VERSION
    from warledger.workflow import ExtractSummary, recorded_run

    summary = ExtractSummary()
    with recorded_run(store, summary, engine="ray"):
        if on_start is not None:
            on_start(store.count_pending(extractor_version=EXTRACTOR_VERSION, redo_all=redo_all))
        pending = store.pending_documents(extractor_version=EXTRACTOR_VERSION, redo_all=redo_all)
        for outcome in pool.map(batched(pending, batch_size)):
            sources = {doc.doc_id: doc.source for doc in outcome.docs}
            store.save_extractions(outcome.results, extractor_version=EXTRACTOR_VERSION)
            for doc_id, result in outcome.results:
                summary.add(sources[doc_id], result)
                if on_document is not None:
                    on_document(doc_id)
            for doc_id, reason in outcome.failed:
                summary.failed.append((doc_id, reason))
                if on_error is not None:
                    on_error(doc_id, reason)
    return summary
