"""The annotated corpus's splits: loading, corpus look-up, per-corpus figures, the freeze."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from warledger.errors import UsageError
from warledger.eval import harness, splits
from warledger.eval.agreement import agreement, f1, sentence_of
from warledger.eval.gold import load_gold, text_for
from warledger.interfaces.cli.app import app
from warledger.types import Actor, DocumentResult, Location

DATA = Path(__file__).resolve().parent.parent / "data" / "eval_splits"


@pytest.fixture
def annotated(tmp_path: Path) -> Path:
    """A writable copy of the synthetic annotated corpus."""
    shutil.copytree(DATA, tmp_path / "data")
    return tmp_path / "data"


def test_each_corpus_prefix_names_a_record_of_its_own_file():
    corpus = DATA / "corpus"
    assert text_for("wikipedia:wpce-2030-01-05-00", corpus).startswith("Officials of Ukraine")
    day = text_for("wikipedia-day:wpce-2030-01-02", corpus)
    assert "oil depot" in day and "football club" in day
    assert "President of Finland" in text_for("kremlin:kremlin-en-1", corpus)
    with pytest.raises(UsageError, match="no record with id nope"):
        text_for("kremlin:nope", corpus)


def test_a_split_is_read_from_its_corpus_sub_folders_and_knows_their_corpus():
    docs = load_gold(splits.split_dir(DATA / "gold", "dev"))
    assert sorted(d.corpus for d in docs) == ["kremlin", "wikipedia", "wikipedia"]
    with pytest.raises(UsageError, match="unknown split"):
        splits.split_dir(DATA / "gold", "validation")
    with pytest.raises(UsageError, match="does not exist"):
        splits.split_dir(DATA / "corpus", "dev")


def test_a_missing_corpus_file_is_named(tmp_path: Path):
    (tmp_path / "wikipedia").mkdir()
    with pytest.raises(UsageError) as err:
        splits.check_corpus(tmp_path, {"wikipedia", "kremlin"})
    assert "current_events_items.jsonl" in str(err.value)
    assert "kremlin_en_2021-10_2022-06.jsonl" in str(err.value)
    with pytest.raises(UsageError, match="corpus folder not found"):
        splits.check_corpus(tmp_path / "absent", {"voa"})


def zolotonosha_only(text: str, published: str | None = None) -> DocumentResult:
    """Finds the drone strike in the Wikipedia item and nothing in the release."""
    events = []
    if "Zolotonosha" in text:
        from tests.eval.conftest import build_event

        events.append(
            build_event(
                "strike",
                "Russian drones strike an oil depot in the town of Zolotonosha",
                actor=Actor(side="RU"),
                locations=[Location(name="Zolotonosha", admin1="Cherkasy Oblast", country="UA")],
            )
        )
    return DocumentResult(doc_id=None, published=published, events=events)


def test_figures_are_given_per_corpus_as_well_as_overall():
    docs = load_gold(splits.split_dir(DATA / "gold", "dev"))
    report = harness.evaluate_documents(docs, DATA / "corpus", extract=zolotonosha_only)
    # dev: the strike (found), an item without events, the call readout (missed)
    assert (report.events.tp, report.events.fp, report.events.fn) == (1, 0, 1)
    by_corpus = report.extra["by_corpus"]
    assert by_corpus["wikipedia"]["documents"] == 2
    assert by_corpus["wikipedia"]["events"]["recall"] == 1.0
    assert by_corpus["kremlin"]["events"]["recall"] == 0.0
    gold = report.extra["gold"]
    assert gold["documents"] == 3 and gold["documents_without_events"] == 1
    assert gold["events_by_kind"] == {"strike": 1, "talks": 1}
    # the event's country comes from its place: UA, as annotated
    assert report.fields["event_country"].correct == 1


def test_the_test_split_is_checked_against_its_frozen_manifest(annotated: Path):
    gold, corpus = annotated / "gold", annotated / "corpus"
    assert splits.verify_manifest(gold, corpus) == [
        f"{gold / splits.MANIFEST} is missing: the test split is not frozen"
    ]
    splits.write_manifest(gold, corpus)
    assert splits.verify_manifest(gold, corpus) == []

    frozen = gold / "test" / "wikipedia" / "wpce-2030-01-05-00.json"
    data = json.loads(frozen.read_text())
    data["events"][0]["subtype"] = "scheduled"
    frozen.write_text(json.dumps(data))
    extra = gold / "test" / "wikipedia" / "wpce-2030-01-02-01.json"
    shutil.copy(gold / "dev" / "wikipedia" / "wpce-2030-01-02-01.json", extra)
    assert splits.verify_manifest(gold, corpus) == [
        "test/wikipedia/wpce-2030-01-02-01.json: not in the manifest",
        "test/wikipedia/wpce-2030-01-05-00.json: its gold changed since the freeze",
    ]


def test_cli_refuses_a_test_split_that_differs_from_its_manifest(annotated: Path):
    result = CliRunner().invoke(
        app,
        [
            "eval",
            "--split",
            "test",
            "--gold-root",
            str(annotated / "gold"),
            "--corpus",
            str(annotated / "corpus"),
        ],
    )
    assert isinstance(result.exception, UsageError)  # exit code 2 through the CLI's main
    assert "differs from its frozen manifest" in str(result.exception)
    assert "not frozen" in result.output


def test_cli_names_a_missing_corpus(annotated: Path):
    result = CliRunner().invoke(
        app,
        ["eval", "--gold-root", str(annotated / "gold"), "--corpus", str(annotated / "none")],
    )
    assert isinstance(result.exception, UsageError)
    assert "corpus folder not found" in str(result.exception)


def test_sentence_of_widens_a_phrase_to_its_sentence():
    text = "First thing happened. Then drones hit a depot at night. Last line"
    start, end = sentence_of(text, "hit a depot") or (0, 0)
    assert text[start:end] == "Then drones hit a depot at night."
    assert sentence_of(text, "not in the text") is None


def test_agreement_matches_events_by_sentence_and_kind(tmp_path: Path):
    first, second = tmp_path / "first", tmp_path / "second"
    (first / "dev").mkdir(parents=True)
    second.mkdir()
    doc = "wikipedia-day:wpce-2030-01-02"
    one = {
        "doc": doc,
        "events": [
            {"kind": "strike", "theatre": "russia-ukraine", "evidence": "Russian drones strike"},
            {"kind": "ground_combat", "evidence": "wins the national cup final"},
        ],
    }
    two = {
        "doc": doc,
        "events": [
            # another phrase of the same sentence: the same event
            {"kind": "strike", "theatre": "russia-ukraine", "evidence": "injuring two workers"},
        ],
    }
    (first / "dev" / "a.json").write_text(json.dumps(one))
    (second / "a.json").write_text(json.dumps(two))
    result = agreement(first, second, DATA / "corpus")
    assert result.documents == 1
    assert (result.events.tp, result.events.fp, result.events.fn) == (1, 0, 1)
    assert f1(result.by_kind["strike"]) == 1.0
    assert f1(result.by_kind["ground_combat"]) == 0.0
    assert f1(result.events) == 2 / 3
    assert result.fields["theatre"].value == 1.0


def test_cli_scores_two_splits_together_and_only_the_documents_asked_for(
    annotated: Path, monkeypatch, tmp_path: Path
):
    def nothing(text, published=None, url=None):
        return DocumentResult(doc_id=None, published=published)

    monkeypatch.setattr(harness, "default_extract", lambda mode="combined": nothing)
    out = tmp_path / "report.json"
    base = ["eval", "--gold-root", str(annotated / "gold"), "--corpus", str(annotated / "corpus")]
    result = CliRunner().invoke(
        app,
        [
            *base,
            "--split",
            "train,dev",
            "--docs",
            "wikipedia*:wpce-2030-01-02*",
            "--skip-docs",
            "wikipedia:wpce-2030-01-02-01",
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    # the train day-document and one dev item match; the Kremlin release and the skipped
    # item are left out
    scored = [d["doc"] for d in json.loads(out.read_text())["documents"]]
    assert sorted(scored) == ["wikipedia-day:wpce-2030-01-02", "wikipedia:wpce-2030-01-02-00"]

    none = CliRunner().invoke(app, [*base, "--docs", "voa:*"])
    assert "no gold document matches" in str(none.exception)
    mixed = CliRunner().invoke(app, [*base, "--split", "dev,test"])
    assert "the test split is scored alone" in str(mixed.exception)
