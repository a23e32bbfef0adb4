"""A child process for the reliability tests: ``python worker.py <step> <db> [inputs...]``.

Steps: ``ingest`` (the real ingest of the given paths), ``extract`` (the real extract
workflow with a small rule-based reader, so two processes can run it at once without
loading spaCy twice, then consolidation, as ``warledger extract`` does), ``read``
(extraction alone), ``consolidate``, ``pipeline`` (all three). Exit status 0 when the
step finished, 1 when it skipped inputs. Tests kill it, run two at once, and compare.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator

from warledger.ingest.run import ingest
from warledger.ledger.consolidated_store import run_consolidation
from warledger.ledger.store import Store
from warledger.types import Document, DocumentResult, Event, Location, Span, When
from warledger.workflow import extract_pending

VERSION = "reliability-reader-1"
_STRUCK = re.compile(r"struck (?P<place>[A-Z][a-z]+) on (?P<day>2025-\d\d-\d\d)")


class StruckReader:
    """One strike per 'struck <Place> on <date>' phrase: deterministic and quick."""

    def extract_many(self, docs: Iterable[Document]) -> Iterator[DocumentResult]:
        for doc in docs:
            events = [
                Event(
                    kind="strike",
                    locations=[Location(name=m["place"])],
                    date=When(start=m["day"], end=m["day"], precision="day", text=m["day"]),
                    evidence=[Span(m.start(), m.end(), m.group())],
                )
                for m in _STRUCK.finditer(doc.text)
            ]
            yield DocumentResult(doc_id=doc.doc_id, language=doc.language, events=events)


def main(step: str, db: str, inputs: list[str]) -> int:
    with Store.open(db) as store:
        ok = True
        if step in ("ingest", "pipeline"):
            ok = ingest(inputs, store, progress=False).ok
        if step in ("extract", "read", "pipeline"):
            extract_pending(store, extractor=StruckReader(), version=VERSION)
        if step in ("extract", "consolidate", "pipeline"):
            run_consolidation(store)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3:]))
