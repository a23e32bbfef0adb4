"""Reading every kind of local input, and one clear error per bad input."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

from warledger.errors import InputError
from warledger.ingest.readers import iter_raw
from warledger.types import RawDocument

STORY = "Air defence units shot down nine drones over the capital overnight, officials said."


def read_all(*sources: str, **kwargs) -> tuple[list[RawDocument], list[InputError]]:
    docs, errors = [], []
    for item in iter_raw(list(sources), **kwargs):
        (errors if isinstance(item, InputError) else docs).append(item)
    return docs, errors


def test_text_file_becomes_one_document(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    docs, errors = read_all(str(path))
    assert errors == []
    assert [d.text for d in docs] == [STORY]
    assert docs[0].origin == str(path)
    assert docs[0].published is None and docs[0].source is None


def test_published_and_source_options_set_metadata(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    docs, _ = read_all(str(path), published="2025-04-20", source="Example Wire")
    assert (docs[0].published, docs[0].source) == ("2025-04-20", "Example Wire")


def test_html_file_gives_article_text_without_comments(ingest_data: Path) -> None:
    docs, errors = read_all(str(ingest_data / "article.html"))
    assert errors == []
    (doc,) = docs
    assert doc.title == "Drones strike port city overnight"
    assert "grain terminal and two apartment blocks" in doc.text
    assert "must never become part of the article" not in doc.text
    assert doc.published == "2025-04-20"
    assert doc.is_html


def test_footer_copyright_year_is_not_a_publication_date(ingest_data: Path) -> None:
    docs, _ = read_all(str(ingest_data / "no_date_article.html"))
    assert docs[0].published is None


def test_voa_jsonl_keeps_ids_urls_dates_and_outlet(ingest_data: Path) -> None:
    docs, errors = read_all(str(ingest_data / "voa_two.jsonl"))
    assert errors == []
    assert [d.doc_id for d in docs] == ["8010842", "8010030"]
    assert docs[0].title == "G7 urges Russia to accept ceasefire or face further sanctions"
    assert docs[0].published == "2025-03-14T16:35:50Z"
    assert docs[0].source == "voanews.com"  # from the URL's host
    assert docs[0].origin.endswith("voa_two.jsonl:1")


def test_jsonl_html_field_is_extracted(tmp_path: Path, ingest_data: Path) -> None:
    html = (ingest_data / "article.html").read_text(encoding="utf-8")
    path = tmp_path / "pages.jsonl"
    path.write_text(json.dumps({"html": html, "source": "Example News"}) + "\n", encoding="utf-8")
    docs, errors = read_all(str(path))
    assert errors == []
    assert "grain terminal" in docs[0].text and docs[0].source == "Example News"


def test_malformed_jsonl_line_is_reported_by_number_and_others_kept(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text(
        json.dumps({"text": "First story text."}) + "\n"
        "{this is not json\n"
        + json.dumps({"title": "no body"})
        + "\n"
        + json.dumps({"text": "Fourth story text."})
        + "\n",
        encoding="utf-8",
    )
    docs, errors = read_all(str(path))
    assert [d.text for d in docs] == ["First story text.", "Fourth story text."]
    assert [e.origin for e in errors] == [f"{path}:2", f"{path}:3"]
    assert "malformed JSON" in errors[0].reason
    assert "no 'text' or 'html'" in errors[1].reason


def test_half_written_jsonl_last_line_is_reported_as_truncated(tmp_path: Path) -> None:
    path = tmp_path / "partial.jsonl"
    path.write_text(
        json.dumps({"text": "Complete story."}) + '\n{"text": "Cut off in the mi', encoding="utf-8"
    )
    docs, errors = read_all(str(path))
    assert [d.text for d in docs] == ["Complete story."]
    assert errors[0].origin == f"{path}:2" and "truncated" in errors[0].reason


def test_directories_are_read_recursively_skipping_other_files(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "b").mkdir()
    (tmp_path / "a" / "one.txt").write_text("Story one.", encoding="utf-8")
    (tmp_path / "a" / "b" / "two.txt").write_text("Story two.", encoding="utf-8")
    (tmp_path / "a" / "notes.csv").write_text("x,y", encoding="utf-8")
    (tmp_path / "a" / ".hidden.txt").write_text("Hidden.", encoding="utf-8")
    docs, errors = read_all(str(tmp_path / "a"))
    assert errors == []
    assert sorted(d.text for d in docs) == ["Story one.", "Story two."]


def test_stdin_text_html_and_jsonl(ingest_data: Path) -> None:
    docs, _ = read_all("-", stdin=io.BytesIO(STORY.encode()))
    assert docs[0].text == STORY and docs[0].origin == "<stdin>"
    html = (ingest_data / "article.html").read_bytes()
    docs, _ = read_all("-", stdin=io.BytesIO(html))
    assert "grain terminal" in docs[0].text and docs[0].is_html
    lines = b'{"text": "Line one story."}\n{"text": "Line two story."}\n'
    docs, _ = read_all("-", stdin=io.BytesIO(lines))
    assert [d.origin for d in docs] == ["<stdin>:1", "<stdin>:2"]


def test_each_bad_file_gives_one_error_naming_it_and_the_batch_continues(
    tmp_path: Path, ingest_data: Path
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    huge = tmp_path / "huge.txt"
    huge.write_text("word " * 400, encoding="utf-8")
    undecodable = tmp_path / "mojibake.txt"
    undecodable.write_bytes(b"Report \x81\x9d text")
    no_article = tmp_path / "blank.html"
    no_article.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    unsupported = tmp_path / "report.pdf"
    unsupported.write_bytes(b"%PDF-1.4")
    good = tmp_path / "good.txt"
    good.write_text(STORY, encoding="utf-8")
    missing = tmp_path / "missing.txt"
    inputs = [empty, binary, huge, undecodable, no_article, unsupported, missing, good]
    docs, errors = read_all(*map(str, inputs), max_bytes=1000)
    assert [d.text for d in docs] == [STORY]
    reasons = {Path(e.origin).name: e.reason for e in errors}
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["image.txt"]
    assert "cap" in reasons["huge.txt"]
    assert "undecodable" in reasons["mojibake.txt"]
    assert "no article text" in reasons["blank.html"]
    assert "unsupported file type" in reasons["report.pdf"]
    assert "no such file" in reasons["missing.txt"]
    assert all("\n" not in str(e) for e in errors)


def test_cp1252_text_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes("Kyiv’s mayor said – “we will rebuild”.".encode("cp1252"))
    docs, errors = read_all(str(path))
    assert errors == [] and docs[0].text == "Kyiv’s mayor said – “we will rebuild”."


def test_over_long_jsonl_line_is_skipped_and_next_line_read(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    path.write_text(
        json.dumps({"text": "x " * 2000}) + "\n" + json.dumps({"text": "Short story."}) + "\n",
        encoding="utf-8",
    )
    docs, errors = read_all(str(path), max_bytes=1000)
    assert [d.text for d in docs] == ["Short story."]
    assert errors[0].origin == f"{path}:1" and "cap" in errors[0].reason


def test_corpus_directory_copy_reads_every_seed(tmp_path: Path, shared_dir: Path) -> None:
    shutil.copytree(shared_dir / "corpus" / "seeds", tmp_path / "seeds")
    docs, errors = read_all(str(tmp_path / "seeds"))
    assert errors == [] and len(docs) == len(list((tmp_path / "seeds").glob("*.txt")))
