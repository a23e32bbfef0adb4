"""``run_bench``: the speed figures it reports are consistent with one another."""

from __future__ import annotations

import pytest

from warledger.bench.run import load_texts, run_bench

pytestmark = pytest.mark.model

STORY = (
    "Russian drones struck Odesa overnight, injuring three people, the governor said. "
    "Schools stayed open."
)


def test_bench_reports_wall_and_cpu_figures_for_the_same_passes():
    result = run_bench([STORY, STORY], repeat=2)
    assert (result.articles, result.repeat) == (2, 2)
    assert result.tokens == 2 * 2 * 18  # 14 words, 2 commas, 2 full stops per story
    assert result.parse_cpu_seconds > 0 and result.extract_cpu_seconds > 0
    assert result.articles_per_cpu_second == pytest.approx(4 / result.extract_cpu_seconds)
    assert result.cpu_ratio == pytest.approx(result.extract_cpu_seconds / result.parse_cpu_seconds)
    assert result.ratio == pytest.approx(result.extract_seconds / result.parse_seconds)


def test_load_texts_reads_the_text_field_of_json_lines_and_skips_blank_texts(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"text": "One."}\n\n{"body": "Two."}\n{"text": "  "}\n', encoding="utf-8")
    assert load_texts(corpus) == ["One.", "Two."]


def test_bench_can_measure_the_extractor_without_the_gate():
    result = run_bench([STORY], gate=False)
    assert result.articles == 1 and result.extract_cpu_seconds > 0
