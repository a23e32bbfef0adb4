"""Where the annotated corpus's splits live, and the freeze of the test split.

Gold files sit in ``evaluation/gold/<split>/<corpus>/<id>.json`` (see
``docs/annotation.md``). The test split is read only to report figures, so its files are
frozen by a manifest of hashes: ``evaluation/gold/test-manifest.json`` holds the sha256 of
every test gold file and of the document text it describes, and ``verify_manifest`` says
what changed, appeared or went missing since the freeze.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from warledger.errors import UsageError
from warledger.eval.gold import CORPUS_FILES, load_gold, text_for

SPLITS = ("train", "dev", "test")
DEFAULT_GOLD_ROOT = Path("evaluation") / "gold"
MANIFEST = "test-manifest.json"
CORPUS_ENV = "WARLEDGER_CORPUS"


def split_dir(gold_root: str | Path, split: str) -> Path:
    """The folder of one split's gold files, with a clear error when it is not there."""
    if split not in SPLITS:
        raise UsageError(f"unknown split {split!r}: choose one of {', '.join(SPLITS)}")
    folder = Path(gold_root) / split
    if not folder.is_dir():
        raise UsageError(
            f"no gold files for the {split} split: {folder} does not exist "
            "(run from the repository root or give --gold-root)"
        )
    return folder


def default_corpus_dir() -> Path:
    """``$WARLEDGER_CORPUS``, else ``../shared/corpus`` beside the working directory."""
    env = os.environ.get(CORPUS_ENV)
    return Path(env) if env else Path("..") / "shared" / "corpus"


def check_corpus(corpus_dir: Path, corpora: set[str]) -> None:
    """Fail early, naming every corpus file the gold needs and the folder lacks."""
    if not corpus_dir.is_dir():
        raise UsageError(
            f"corpus folder not found: {corpus_dir} (give --corpus DIR or set {CORPUS_ENV})"
        )
    missing = [
        str(corpus_dir / CORPUS_FILES[c])
        for c in sorted(corpora)
        if c in CORPUS_FILES and not (corpus_dir / CORPUS_FILES[c]).is_file()
    ]
    if missing:
        raise UsageError("corpus files missing: " + ", ".join(missing))


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def manifest_entries(gold_root: str | Path, corpus_dir: str | Path) -> dict[str, dict[str, str]]:
    """``relative path -> {gold, text}`` hashes for every file of the test split."""
    root = Path(gold_root)
    entries = {}
    for doc in load_gold(split_dir(root, "test")):
        path = Path(doc.path or "")
        entries[path.relative_to(root).as_posix()] = {
            "gold": _sha256(path.read_bytes()),
            "text": _sha256(text_for(doc.doc, corpus_dir).encode("utf-8")),
        }
    return dict(sorted(entries.items()))


def write_manifest(gold_root: str | Path, corpus_dir: str | Path) -> Path:
    """Freeze the test split as it is now."""
    out = Path(gold_root) / MANIFEST
    data: dict[str, Any] = {
        "about": "sha256 of each frozen test gold file and of its document's cleaned text; "
        "the test split is read only to report figures (docs/annotation.md).",
        "files": manifest_entries(gold_root, corpus_dir),
    }
    out.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    return out


def verify_manifest(gold_root: str | Path, corpus_dir: str | Path) -> list[str]:
    """Every difference between the test split and its manifest, as readable lines."""
    path = Path(gold_root) / MANIFEST
    if not path.is_file():
        return [f"{path} is missing: the test split is not frozen"]
    frozen = json.loads(path.read_text(encoding="utf-8")).get("files", {})
    now = manifest_entries(gold_root, corpus_dir)
    problems = [f"{name}: not in the manifest" for name in sorted(set(now) - set(frozen))]
    problems += [f"{name}: missing" for name in sorted(set(frozen) - set(now))]
    for name in sorted(set(now) & set(frozen)):
        for part in ("gold", "text"):
            if now[name][part] != frozen[name].get(part):
                problems.append(f"{name}: its {part} changed since the freeze")
    return problems
