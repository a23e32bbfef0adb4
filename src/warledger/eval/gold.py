"""Load gold files and fetch the text of the documents they describe.

A gold file names its document either as a path under the corpus folder
(``seeds/001_x.txt``) or as ``<corpus>:<id>``, a record of one of the corpus's JSONL
files (``CORPUS_FILES``: ``voa:``, ``wikipedia:``, ``wikipedia-day:``, ``kremlin:``), or
of one of the repository's own JSONL files (``REPOSITORY_FILES``: ``synthetic:``, news
prose written for the project, train split only), which is read from the repository
whatever corpus folder is given.
The text is read with the same readers and cleaning as ``warledger ingest`` when that
package is available, so evidence offsets and wording match what the ledger stores.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from warledger.errors import UsageError

log = logging.getLogger(__name__)

VOA_FILE = Path("voa") / "voa_stories.jsonl"
# Which JSONL file under the corpus folder holds the records a ``<corpus>:<id>`` names.
CORPUS_FILES: dict[str, Path] = {
    "voa": VOA_FILE,
    "wikipedia": Path("wikipedia") / "current_events_items.jsonl",
    "wikipedia-day": Path("wikipedia") / "current_events_days.jsonl",
    "kremlin": Path("kremlin") / "kremlin_en_2021-10_2022-06.jsonl",
}

# The repository's own evaluation folder, beside ``src/`` in a source checkout.
REPOSITORY_EVALUATION = Path(__file__).resolve().parents[3] / "evaluation"
# Documents the project wrote itself: their text lives in the repository, not in the corpus.
REPOSITORY_FILES: dict[str, Path] = {
    "synthetic": REPOSITORY_EVALUATION / "synthetic" / "documents.jsonl",
}


@dataclass
class GoldDocument:
    """One annotated document: its reference, reference date and expected output."""

    doc: str
    published: str | None
    events: list[dict[str, Any]] = field(default_factory=list)
    positions: list[dict[str, Any]] = field(default_factory=list)
    path: str | None = None  # the gold file it came from
    non_events: list[dict[str, Any]] = field(default_factory=list)  # not scored: for learning

    @property
    def name(self) -> str:
        return Path(self.path).stem if self.path else self.doc

    @property
    def corpus(self) -> str:
        """Which corpus the document comes from (``file`` for a path under the corpus)."""
        prefix, sep, _ = self.doc.partition(":")
        return prefix if sep and (prefix in CORPUS_FILES or prefix in REPOSITORY_FILES) else "file"


def parse_gold(data: dict[str, Any], path: str | None = None) -> GoldDocument:
    """Validate the few keys every gold file must have."""
    where = path or "<gold>"
    if not isinstance(data, dict) or not isinstance(data.get("doc"), str):
        raise UsageError(f"{where}: a gold file is an object with a 'doc' string")
    for key in ("events", "positions"):
        if not isinstance(data.get(key, []), list):
            raise UsageError(f"{where}: '{key}' must be a list")
    for event in data.get("events", []):
        if "evidence" not in event or not ("kind" in event or "kind_any" in event):
            raise UsageError(f"{where}: every gold event needs 'evidence' and 'kind'/'kind_any'")
    return GoldDocument(
        doc=data["doc"],
        published=data.get("published"),
        events=list(data.get("events", [])),
        positions=list(data.get("positions", [])),
        path=path,
        non_events=list(data.get("non_events", [])),
    )


def load_gold(gold_dir: str | Path) -> list[GoldDocument]:
    """Every ``*.json`` gold file in ``gold_dir`` and its sub-folders, sorted by path."""
    folder = Path(gold_dir)
    if not folder.is_dir():
        raise UsageError(f"gold folder not found: {folder}")
    docs = []
    for path in sorted(folder.rglob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise UsageError(f"{path}: not valid JSON ({exc})") from exc
        docs.append(parse_gold(data, str(path)))
    if not docs:
        raise UsageError(f"no gold files (*.json) in {folder}")
    return docs


def select_documents(
    gold_docs: list[GoldDocument], only: list[str] | None = None, skip: list[str] | None = None
) -> list[GoldDocument]:
    """The gold documents whose reference (``synthetic:w2-014``) matches one of ``only``
    (all when none is given) and none of ``skip``: shell-style patterns such as
    ``synthetic:w2-*``, so one batch of documents can be scored on its own."""
    from fnmatch import fnmatchcase

    def hit(doc: GoldDocument, patterns: list[str]) -> bool:
        return any(fnmatchcase(doc.doc, pattern) for pattern in patterns)

    return [d for d in gold_docs if (not only or hit(d, only)) and not (skip and hit(d, skip))]


def document_text(gold_doc: GoldDocument, corpus_dir: str | Path) -> str:
    """The cleaned text of the document a gold file describes."""
    return text_for(gold_doc.doc, corpus_dir)


def text_for(doc: str, corpus_dir: str | Path) -> str:
    """The cleaned text of ``doc``: a path under the corpus, or ``<corpus>:<id>`` (a
    ``synthetic:<id>`` from the repository's own file, whatever ``corpus_dir`` is)."""
    corpus = Path(corpus_dir)
    prefix, sep, ident = doc.partition(":")
    if sep and prefix in REPOSITORY_FILES:
        if not REPOSITORY_FILES[prefix].is_file():
            raise UsageError(
                f"{REPOSITORY_FILES[prefix]} not found: {prefix}: documents are read from "
                "the repository's evaluation folder"
            )
        return record_text(REPOSITORY_FILES[prefix], ident)
    if sep and prefix in CORPUS_FILES:
        return record_text(corpus / CORPUS_FILES[prefix], ident)
    path = corpus / doc
    if not path.is_file():
        raise UsageError(f"document not found: {path}")
    return _ingested_texts(str(path)).get(None) or path.read_text(encoding="utf-8")


def url_for(doc: str, corpus_dir: str | Path) -> str | None:
    """Where a corpus record was published (its ``url`` or http(s) ``source``), if known:
    the extractor reads a party's own release as that party's claims."""
    prefix, sep, ident = doc.partition(":")
    if not (sep and prefix in CORPUS_FILES):
        return None
    jsonl = Path(corpus_dir) / CORPUS_FILES[prefix]
    return _raw_urls(str(jsonl)).get(ident) if jsonl.is_file() else None


@lru_cache(maxsize=8)
def _raw_urls(source: str) -> dict[str, str]:
    urls: dict[str, str] = {}
    for line in Path(source).read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            for key in ("url", "source"):
                value = record.get(key)
                if isinstance(value, str) and value.startswith(("http://", "https://")):
                    urls[str(record.get("id"))] = value
                    break
    return urls


def record_text(jsonl: Path, record_id: str) -> str:
    """The text of one record of a corpus JSONL file, by its id."""
    if not jsonl.is_file():
        raise UsageError(f"corpus file not found: {jsonl} (give the corpus folder with --corpus)")
    texts = _ingested_texts(str(jsonl))
    if record_id in texts:
        return texts[record_id]
    raw = _raw_texts(str(jsonl))
    if record_id in raw:
        return raw[record_id]
    raise UsageError(f"no record with id {record_id} in {jsonl}")


@lru_cache(maxsize=8)
def _raw_texts(source: str) -> dict[str, str]:
    """Every record's own text by id: the fallback when ingest cannot read the file."""
    texts: dict[str, str] = {}
    for line in Path(source).read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            texts[str(record.get("id"))] = str(record.get("text", ""))
    return texts


@lru_cache(maxsize=16)
def _ingested_texts(source: str) -> dict[str | None, str]:
    """Texts as ``warledger ingest`` cleans them, keyed by the input's own id.

    Empty when the ingest package is not usable yet (it is developed alongside); the
    callers then read the raw text. A single-document file is also stored under ``None``.
    """
    try:
        from warledger.ingest import prepare, readers

        iter_raw, prepare_one = readers.iter_raw, prepare.prepare
    except (ImportError, AttributeError):
        return {}
    texts: dict[str | None, str] = {}
    try:
        for raw in iter_raw([source]):
            if isinstance(raw, Exception):
                continue
            doc = prepare_one(raw)
            texts[raw.doc_id] = doc.text
            texts.setdefault(None, doc.text)
    except Exception as exc:  # a half-written reader must not stop the evaluation
        log.warning("ingest could not read %s (%s); using the raw text", source, exc)
        return {}
    return texts
