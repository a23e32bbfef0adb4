"""evaluate() and the CLI with a fake extractor, on the synthetic gold dir."""

import json

import pytest
from typer.testing import CliRunner

from warledger.eval import harness
from warledger.eval.gold import document_text, load_gold
from warledger.interfaces.cli.app import app
from warledger.types import DocumentResult


def fake_extract(predictions):
    """An extractor that returns hand-built events for texts containing a key."""
    calls = []

    def extract(text, published=None, url=None):
        calls.append((text, published, url))
        events = [ev for key, evs in predictions.items() if key in text for ev in evs]
        return DocumentResult(doc_id=None, published=published, events=events)

    extract.calls = calls
    return extract


def test_gold_documents_resolve_to_their_text(eval_data):
    gold = {g.name: g for g in load_gold(eval_data / "gold")}
    corpus = eval_data / "corpus"
    assert "met in Geneva" in document_text(gold["odesa"], corpus)
    voa = document_text(gold["voa-900001"], corpus)
    assert "pledged new military aid" in voa
    assert "Nothing about the war" not in voa


def test_evaluate_runs_the_extractor_on_each_document_with_its_date(eval_data, event):
    extract = fake_extract(
        {"Odesa": [event("strike", "Russian drones struck an apartment block in Odesa.")]}
    )
    report = harness.evaluate(eval_data / "gold", extract=extract)
    assert sorted(published for _, published, _ in extract.calls) == ["2025-03-11", "2025-03-12"]
    # a corpus record's URL goes with it (a party's own release speaks for the party)
    assert sorted(str(url) for _, _, url in extract.calls) == [
        "None",
        "https://example.org/900001",
    ]
    # 4 required gold events in all (2 per document); only the strike was found
    assert (report.events.tp, report.events.fp, report.events.fn) == (1, 0, 3)


def test_an_extractor_crash_is_reported_not_fatal(eval_data):
    def crash(text, published=None, url=None):
        raise RuntimeError("model missing")

    report = harness.evaluate(eval_data / "gold", extract=crash)
    assert report.events.fn == 4
    assert all("model missing" in d.error for d in report.documents)


def test_cli_prints_tables_and_writes_the_json_report(eval_data, event, monkeypatch, tmp_path):
    talks = event("talks", "Negotiators from the United States and Ukraine met in Geneva.")
    monkeypatch.setattr(
        harness, "default_extract", lambda mode="combined": fake_extract({"Geneva": [talks]})
    )
    out = tmp_path / "report.json"
    run = CliRunner().invoke(app, ["eval", str(eval_data / "gold"), "--output", str(out)])
    assert run.exit_code == 0, run.output
    assert "Events" in run.output
    data = json.loads(out.read_text())
    assert data["events"]["tp"] == 1
    assert data["events"]["fn"] == 3
    misses = [m["evidence"] for d in data["documents"] for m in d["misses"]]
    assert "Russian drones struck an apartment block in Odesa" in misses


def test_cli_reports_a_missing_gold_folder(tmp_path):
    run = CliRunner().invoke(app, ["eval", str(tmp_path / "nope")])
    assert run.exit_code != 0


class FakeEvent:
    def __init__(self, event_id, mention_ids):
        self.event_id = event_id
        self.mention_ids = mention_ids


def test_consolidation_is_scored_with_b_cubed_on_the_cluster_set(eval_data, event):
    extract = fake_extract(
        {
            "European Union pledged": [
                event("aid", "The European Union pledged new military aid to Ukraine."),
                event("proposal", "Brussels also proposed a plan to rearm Europe."),
            ],
            "Geneva": [event("talks", "Negotiators from the United States and Ukraine met.")],
        }
    )
    seen = []

    def merge_all(mentions):
        seen.extend(mentions)
        return [FakeEvent("E", [m.mention_id for m in mentions])]

    result = harness.evaluate_consolidation(
        eval_data / "clusters.json", eval_data / "corpus", extract=extract, consolidate=merge_all
    )
    assert {m.doc_id for m in seen} == {"voa:900001", "docs/odesa.txt"}
    assert sorted(p for _, p, _ in extract.calls) == ["2025-03-11", "2025-03-12"]
    # the talks evidence lacks "Geneva" but has 5 of the phrase's 6 content words, so all
    # three labelled mentions are found; all sit in one event: P = 1/3 each, R = 1
    assert result.found == 3
    assert result.precision == pytest.approx(1 / 3)
    assert result.recall == 1.0


def test_cli_clusters_option_prints_b_cubed_and_the_split(eval_data, event, monkeypatch, tmp_path):
    extract = fake_extract(
        {
            "European Union pledged": [
                event("aid", "The European Union pledged new military aid to Ukraine."),
                event("proposal", "Brussels also proposed a plan to rearm Europe."),
            ]
        }
    )

    def one_event_each(mentions):
        return [FakeEvent(f"E{i}", [m.mention_id]) for i, m in enumerate(mentions)]

    monkeypatch.setattr(harness, "default_extract", lambda mode="combined": extract)
    monkeypatch.setattr(harness, "default_consolidate", lambda: one_event_each)
    out = tmp_path / "r.json"
    args = ["eval", str(eval_data / "gold"), "--clusters", str(eval_data / "clusters.json")]
    run = CliRunner().invoke(app, [*args, "-o", str(out)])
    assert run.exit_code == 0, run.output
    assert "B-cubed on 3 labelled mentions" in run.output
    assert "not extracted in geneva" in run.output
    # all three clusters are singletons and every prediction is its own event: perfect,
    # although the Geneva mention was never extracted (2 of 3 found)
    bcubed = json.loads(out.read_text())["bcubed"]
    assert (bcubed["precision"], bcubed["recall"], bcubed["found"]) == (1.0, 1.0, 2)
