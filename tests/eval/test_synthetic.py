"""The synthetic news-prose documents: their text is read from the repository, their gold
files pass the annotation checks, the first writer's sit in the train split only and the
later writers' (``w2-`` … ``w7-``) alternate between train and dev."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from warledger.errors import UsageError
from warledger.eval.gold import REPOSITORY_FILES, load_gold, parse_gold, text_for
from warledger.eval.goldcheck import problems
from warledger.eval.splits import split_dir

REPO = Path(__file__).resolve().parents[2]
GOLD = REPO / "evaluation" / "gold"
SYNTHETIC_GOLD = GOLD / "train" / "synthetic"
SYNTHETIC_DEV = GOLD / "dev" / "synthetic"


def test_a_synthetic_doc_is_read_from_the_repository_whatever_the_corpus(tmp_path: Path):
    assert REPOSITORY_FILES["synthetic"] == REPO / "evaluation" / "synthetic" / "documents.jsonl"
    note = text_for("synthetic:syn-035", tmp_path / "no-corpus-here")
    assert note.startswith("On 10 February 2025, Russian forces shelled Bilozerka, Kherson oblast.")
    # a wire story's headline is its record's title, not part of the text the extractor reads
    story = text_for("synthetic:syn-001", tmp_path)
    assert story.startswith("ODESA, Ukraine — Russian drones struck port infrastructure")
    assert "two dead" not in story
    with pytest.raises(UsageError, match="no record with id syn-none"):
        text_for("synthetic:syn-none", tmp_path)


def test_synthetic_gold_files_name_their_corpus_and_pass_the_checks():
    docs = load_gold(SYNTHETIC_GOLD) + load_gold(SYNTHETIC_DEV)
    assert {doc.corpus for doc in docs} == {"synthetic"}
    found = [p for doc in docs for p in problems(doc, text_for(doc.doc, REPO))]
    assert found == []


def test_every_synthetic_record_has_one_gold_file_in_its_split():
    records = [
        json.loads(line)
        for line in REPOSITORY_FILES["synthetic"].read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids))
    train = sorted(p.stem for p in SYNTHETIC_GOLD.glob("*.json"))
    dev = sorted(p.stem for p in SYNTHETIC_DEV.glob("*.json"))
    assert sorted(train + dev) == sorted(ids)
    # the first writer's documents are training data only; the later writers' odd numbers
    # are train and even numbers dev, so dev measures wordings no rule was written from
    assert not [i for i in dev if not i.startswith(("w2-", "w3-", "w4-", "w5-", "w6-", "w7-"))]
    later = [i for i in ids if i.startswith(("w2-", "w3-", "w4-", "w5-", "w6-", "w7-"))]
    assert dev == sorted(i for i in later if int(i.split("-")[1]) % 2 == 0)
    dev_docs = {d.doc for d in load_gold(split_dir(GOLD, "dev")) if d.corpus == "synthetic"}
    assert dev_docs == {f"synthetic:{i}" for i in dev}
    # the test split is guarded by its frozen manifest (tests/eval/test_quality_gate.py)


def test_real_gold_of_train_and_dev_passes_the_checks(shared_dir: Path):
    corpus = shared_dir / "corpus"
    for split in ("train", "dev"):
        docs = [d for d in load_gold(split_dir(GOLD, split)) if d.corpus != "synthetic"]
        assert [p for doc in docs for p in problems(doc, text_for(doc.doc, corpus))] == []


def test_the_checks_name_what_is_wrong():
    text = "Drones hit a depot in Izmail overnight. The mayor said two people were hurt."
    gold = parse_gold(
        {
            "doc": "synthetic:x",
            "published": "2025-13",
            "events": [
                {
                    "kind": "strike",
                    "subtype": "captured",
                    "actor": {"side": "Russia"},
                    "counts": {"injured": {"value": "two", "qualifier": "exact"}},
                    "evidence": "Drones hit a depot in Izmail overnight",
                },
                {"kind": "raid", "theatre": None, "evidence": "drones struck a port"},
            ],
            "non_events": [{"kind": "talks", "reason": "rumour", "evidence": "The mayor said"}],
            "positions": [
                {"party": {"side": "UA"}, "issue": "weather", "stance": "x", "evidence": "hurt"}
            ],
        }
    )
    found = "\n".join(problems(gold, text))
    assert "'captured' is no subtype of strike" in found
    assert "side 'Russia' is not an ISO alpha-2 code" in found
    assert "count injured needs an integer value" in found
    assert "event 1: 'theatre' must be given" in found
    assert "unknown kind 'raid'" in found
    assert "evidence not in the document: 'drones struck a port'" in found
    assert "unknown reason 'rumour'" in found
    assert "unknown issue 'weather'" in found
    assert "published '2025-13' is not YYYY-MM-DD" in found
    assert len(problems(gold, text)) == 9
