"""A generated batch of hostile inputs beside ordinary articles, with what must happen
to each: stored (its marker found in the ledger), skipped (named in the report),
ignored (not an article file), or either (stored, or skipped and named).

``generate(folder, good=..., rounds=...)`` writes ``good`` plain articles and ``rounds``
copies of every hostile kind (44 kinds, 38 of them bad or odd input). The tests use a
small batch; ``benchmarks/hostile_batch.py`` writes 1,000 files.
"""

from __future__ import annotations

import codecs
import gzip
import json
import os
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ledger_state import article

MAX_BYTES = 1_000_000  # the batch is ingested with --max-bytes 1000000


@dataclass
class Expect:
    input: str  # the origin the report names (path, or path:line for JSONL)
    outcome: str  # stored | skipped | ignored | either
    kind: str
    marker: str | None = None  # a word only this input's text holds


@dataclass
class Batch:
    folder: Path
    expected: list[Expect] = field(default_factory=list)
    counter: int = 0

    def marker(self) -> str:
        self.counter += 1
        return f"M{self.counter:06d}x"

    def text(self, marker: str) -> str:
        seed = int(marker[1:7])  # its own article: two markers never share a text
        return article(seed).strip() + f" Reference code {marker} was given.\n"

    def path(self, kind: str, n: int, suffix: str) -> Path:
        return self.folder / kind / f"{kind}-{n:04d}{suffix}"

    def add(self, origin: Path | str, outcome: str, kind: str, marker: str | None = None) -> None:
        self.expected.append(Expect(str(origin), outcome, kind, marker))


def _write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def _good(b: Batch, kind: str, n: int) -> None:
    m = b.marker()
    b.add(_write(b.path(kind, n, ".txt"), b.text(m)), "stored", kind, m)


def _jsonl(b: Batch, kind: str, n: int, bad: str | bytes, outcome: str = "skipped") -> None:
    """A JSONL file: one good line, then ``bad``, then another good line."""
    m1, m2 = b.marker(), b.marker()
    lines = [
        json.dumps({"text": b.text(m1)}).encode(),
        None,
        json.dumps({"text": b.text(m2)}).encode(),
    ]
    lines[1] = bad if isinstance(bad, bytes) else bad.encode("utf-8", "surrogatepass")
    path = _write(b.path(kind, n, ".jsonl"), b"\n".join(lines) + b"\n")
    b.add(f"{path}:1", "stored", kind, m1)
    b.add(f"{path}:2", outcome, kind)
    b.add(f"{path}:3", "stored", kind, m2)


def _html(text: str) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in text.split(". "))
    head = "<html><head><title>Report</title></head>"
    return f"{head}<body><article>{paragraphs}</article></body></html>"


def k_good_txt(b: Batch, n: int) -> None:
    _good(b, "good_txt", n)


def k_good_html(b: Batch, n: int) -> None:
    m = b.marker()
    b.add(_write(b.path("good_html", n, ".html"), _html(b.text(m))), "stored", "good_html", m)


def k_good_jsonl(b: Batch, n: int) -> None:
    m1, m2 = b.marker(), b.marker()
    path = _write(
        b.path("good_jsonl", n, ".jsonl"),
        json.dumps({"text": b.text(m1), "url": f"https://a.example/{m1}"})
        + "\n"
        + json.dumps({"html": _html(b.text(m2))})
        + "\n",
    )
    b.add(f"{path}:1", "stored", "good_jsonl", m1)
    b.add(f"{path}:2", "stored", "good_jsonl", m2)


def _skip_file(kind: str, suffix: str, data: bytes | str) -> Callable[[Batch, int], None]:
    def write(b: Batch, n: int) -> None:
        b.add(_write(b.path(kind, n, suffix), data), "skipped", kind)

    write.__name__ = f"k_{kind}"
    return write


def _stored_file(
    kind: str, suffix: str, encode: Callable[[str], bytes]
) -> Callable[[Batch, int], None]:
    def write(b: Batch, n: int) -> None:
        m = b.marker()
        b.add(_write(b.path(kind, n, suffix), encode(b.text(m))), "stored", kind, m)

    write.__name__ = f"k_{kind}"
    return write


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4


def k_gzip_txt(b: Batch, n: int) -> None:
    b.add(
        _write(b.path("gzip_txt", n, ".txt"), gzip.compress(b"A" * 200_000)), "skipped", "gzip_txt"
    )


def k_oversize(b: Batch, n: int) -> None:
    b.add(_write(b.path("oversize", n, ".txt"), "word " * (MAX_BYTES // 4)), "skipped", "oversize")


def k_non_utf8_name(b: Batch, n: int) -> None:
    m = b.marker()
    folder = b.folder / "non_utf8_name"
    folder.mkdir(parents=True, exist_ok=True)
    raw = os.path.join(os.fsencode(folder), b"caf\xff-%04d.txt" % n)
    with open(raw, "wb") as f:
        f.write(b.text(m).encode())
    b.add(folder / f"caf\\xff-{n:04d}.txt", "stored", "non_utf8_name", m)


def k_newline_name(b: Batch, n: int) -> None:
    m = b.marker()
    b.add(
        _write(b.folder / "newline_name" / f"two\nlines-{n:04d}.txt", b.text(m)),
        "stored",
        "newline_name",
        m,
    )


def k_koi8r(b: Batch, n: int) -> None:
    m = b.marker()
    rng = random.Random(m)  # each file its own text, or later rounds are near-duplicates
    words = "войска атаковали энергетическую инфраструктуру Харькова ночью сообщили власти"
    russian = ". ".join(" ".join(rng.sample(words.split(), 6)) for _ in range(12))
    data = codecs.encode(f"{russian}. Код {m}.", "koi8_r")
    b.add(_write(b.path("koi8r", n, ".txt"), data), "stored", "koi8r", m)


def k_invalid_utf8_inside(b: Batch, n: int) -> None:
    m = b.marker()
    data = b.text(m).encode().replace(b" was ", b" \xc3\x28 was ")
    b.add(
        _write(b.path("invalid_utf8_inside", n, ".txt"), data), "stored", "invalid_utf8_inside", m
    )


def k_undecodable(b: Batch, n: int) -> None:
    b.add(
        _write(b.path("undecodable", n, ".txt"), b"Report \x81\x9d\x81\x8d text " * 20),
        "skipped",
        "undecodable",
    )


def k_control_chars(b: Batch, n: int) -> None:
    data = "".join(f"word{chr(1 + i % 8)} " for i in range(400))
    b.add(_write(b.path("control_chars", n, ".txt"), data), "skipped", "control_chars")


def k_html_no_article(b: Batch, n: int) -> None:
    nav = "<html><body><nav><a href='/'>Home</a> <a href='/x'>World</a></nav></body></html>"
    b.add(_write(b.path("html_no_article", n, ".html"), nav), "skipped", "html_no_article")


def k_html_xss(b: Batch, n: int) -> None:
    m = b.marker()
    page = _html(b.text(m)).replace(
        "</article>",
        "<script>alert(document.cookie)</script><img src=x onerror=alert(1)></article>",
    )
    b.add(_write(b.path("html_xss", n, ".html"), page), "stored", "html_xss", m)


def k_html_nested(b: Batch, n: int) -> None:
    m = b.marker()
    page = (
        "<html><body>" + "<div>" * 20_000 + _html(b.text(m)) + "</div>" * 20_000 + "</body></html>"
    )
    b.add(_write(b.path("html_nested", n, ".html"), page), "either", "html_nested", m)


def k_html_huge_attribute(b: Batch, n: int) -> None:
    m = b.marker()
    page = _html(b.text(m)).replace("<article>", f"<article data-x='{'y' * 400_000}'>")
    b.add(
        _write(b.path("html_huge_attribute", n, ".html"), page), "either", "html_huge_attribute", m
    )


def k_broken_symlink(b: Batch, n: int) -> None:
    path = b.path("broken_symlink", n, ".txt")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.symlink_to(path.parent / f"missing-{n}.txt")
    b.add(path, "skipped", "broken_symlink")


def k_fifo(b: Batch, n: int) -> None:
    path = b.path("fifo", n, ".txt")
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)
    b.add(path, "skipped", "fifo")


def k_dir_named_txt(b: Batch, n: int) -> None:
    m = b.marker()
    inner = b.folder / "dir_named_txt" / f"folder-{n:04d}.txt" / "inside.txt"
    b.add(_write(inner, b.text(m)), "stored", "dir_named_txt", m)


def k_long_single_line(b: Batch, n: int) -> None:
    m = b.marker()
    seed = 50_000 + 1_000 * int(m[1:7])  # each file its own text
    line = " ".join(article(seed + i).strip().replace("\n", " ") for i in range(500))
    data = line[:300_000] + f" Reference code {m} was given."
    b.add(_write(b.path("long_single_line", n, ".txt"), data), "stored", "long_single_line", m)


def k_invisible_chars(b: Batch, n: int) -> None:
    m = b.marker()
    data = "\u202e\u200b" + b.text(m).replace(" ", " \u200b", 5) + "\u2066\u2069"
    b.add(_write(b.path("invisible_chars", n, ".txt"), data), "stored", "invisible_chars", m)


def k_exact_duplicate(b: Batch, n: int) -> None:
    m = b.marker()
    text = b.text(m)
    b.add(_write(b.path("exact_duplicate", n, "-a.txt"), text), "stored", "exact_duplicate", m)
    b.add(_write(b.path("exact_duplicate", n, "-b.txt"), text), "stored", "exact_duplicate", m)


def k_near_duplicate(b: Batch, n: int) -> None:
    m = b.marker()
    text = b.text(m)
    b.add(_write(b.path("near_duplicate", n, "-a.txt"), text), "stored", "near_duplicate", m)
    copy = "By Staff Reporter\n" + text + "Copyright the agency.\n"
    b.add(_write(b.path("near_duplicate", n, "-b.txt"), copy), "stored", "near_duplicate", m)


def k_updated_article(b: Batch, n: int) -> None:
    m1, m2 = b.marker(), b.marker()
    url = f"https://live.example/story-{m1}"
    first = b.text(m1)
    update = first + f"Later, Russian missiles struck Odesa on 2025-06-21, update {m2} said.\n"
    p1 = _write(
        b.path("updated_article", n, "-1.jsonl"), json.dumps({"text": first, "url": url}) + "\n"
    )
    p2 = _write(
        b.path("updated_article", n, "-2.jsonl"), json.dumps({"text": update, "url": url}) + "\n"
    )
    b.add(f"{p1}:1", "stored", "updated_article", m1)
    b.add(f"{p2}:1", "stored", "updated_article", m2)


def k_unsupported_suffix(b: Batch, n: int) -> None:
    b.add(
        _write(b.path("unsupported_suffix", n, ".pdf"), b"%PDF-1.4 ..."),
        "ignored",
        "unsupported_suffix",
    )


def k_hidden_file(b: Batch, n: int) -> None:
    path = b.folder / "hidden_file" / f".hidden-{n:04d}.txt"
    b.add(_write(path, "Russian drones struck Sumy on 2025-06-02."), "ignored", "hidden_file")


def k_jsonl_bom_crlf(b: Batch, n: int) -> None:
    m1, m2 = b.marker(), b.marker()
    data = (
        "\ufeff"
        + json.dumps({"text": b.text(m1)})
        + "\r\n"
        + json.dumps({"text": b.text(m2)})
        + "\r\n"
    )
    path = _write(b.path("jsonl_bom_crlf", n, ".jsonl"), data)
    b.add(f"{path}:1", "stored", "jsonl_bom_crlf", m1)
    b.add(f"{path}:2", "stored", "jsonl_bom_crlf", m2)


def _jsonl_kind(
    kind: str, bad: Callable[[Batch], str | bytes], outcome: str = "skipped"
) -> Callable[[Batch, int], None]:
    """A JSONL kind: ``bad(batch)`` is the middle line; "MARKER" in it is replaced."""

    def write(b: Batch, n: int) -> None:
        marker = b.marker() if outcome == "stored" else None
        value = bad(b)
        if marker and isinstance(value, str):
            value = value.replace("MARKER", marker)
        _jsonl(b, kind, n, value, outcome)
        b.expected[-2].marker = marker

    write.__name__ = f"k_{kind}"
    return write


def _text_line(b: Batch, extra: str, **fields: object) -> str:
    return json.dumps(
        {
            "text": article(500_000 + b.counter).strip()
            + " Reference code MARKER was given."
            + extra,
            **fields,
        }
    )


KINDS: list[Callable[[Batch, int], None]] = [
    k_good_txt,
    k_good_html,
    k_good_jsonl,
    _skip_file("empty_txt", ".txt", b""),
    _skip_file("whitespace_txt", ".txt", b" \n\t\r\n   \n"),
    _skip_file("binary_png", ".txt", PNG),
    k_gzip_txt,
    k_oversize,
    k_non_utf8_name,
    k_newline_name,
    k_koi8r,
    _stored_file(
        "cp1252", ".txt", lambda t: (t + " \u201cquoted\u201d caf\u00e9").encode("cp1252")
    ),
    _stored_file("utf16_bom", ".txt", lambda t: t.encode("utf-16")),
    _stored_file("utf8_bom", ".txt", lambda t: codecs.BOM_UTF8 + t.encode()),
    _stored_file("cr_only", ".txt", lambda t: t.replace(". ", ".\r\r").encode()),
    k_invalid_utf8_inside,
    k_undecodable,
    k_control_chars,
    _jsonl_kind("jsonl_malformed", lambda b: '{"text": "unfinished",'),
    _jsonl_kind("jsonl_not_object", lambda b: "[1, 2, 3]"),
    _jsonl_kind("jsonl_deep", lambda b: "[" * 100_000 + "]" * 100_000),
    _jsonl_kind("jsonl_no_text", lambda b: json.dumps({"title": "Only a title"})),
    _jsonl_kind("jsonl_wrong_types", lambda b: json.dumps({"text": 5, "html": ["x"]})),
    _jsonl_kind("jsonl_bigint", lambda b: '{"text": "x", "id": ' + "9" * 5000 + "}"),
    _jsonl_kind("jsonl_over_cap", lambda b: json.dumps({"text": "w " * MAX_BYTES})),
    _jsonl_kind("jsonl_invalid_utf8", lambda b: b'{"text": "\xff\xfe\x81 bad"}'),
    _jsonl_kind("jsonl_surrogate", lambda b: _text_line(b, " \ud800 end"), "stored"),
    _jsonl_kind("jsonl_nul", lambda b: _text_line(b, " \u0000 end", title="T\u0000"), "stored"),
    _jsonl_kind(
        "jsonl_script_url", lambda b: _text_line(b, "", url="javascript:alert(1)"), "stored"
    ),
    _jsonl_kind(
        "jsonl_odd_metadata",
        lambda b: _text_line(b, "", url=5, published="99999-99-99", source={"a": 1}, id=[1]),
        "stored",
    ),
    k_jsonl_bom_crlf,
    k_html_no_article,
    k_html_xss,
    k_html_nested,
    k_html_huge_attribute,
    k_broken_symlink,
    k_fifo,
    k_dir_named_txt,
    k_long_single_line,
    k_invisible_chars,
    k_exact_duplicate,
    k_near_duplicate,
    k_updated_article,
    k_unsupported_suffix,
    k_hidden_file,
]


def generate(folder: Path, *, good: int, rounds: int = 1) -> Batch:
    """``good`` plain articles plus ``rounds`` of every kind above, under ``folder``."""
    batch = Batch(folder)
    for n in range(good):
        _good(batch, "good_txt", 1000 + n)
    for n in range(rounds):
        for kind in KINDS:
            kind(batch, n)
    return batch


def files(folder: Path) -> int:
    """How many directory entries that are not directories the batch holds."""
    return sum(1 for p in folder.rglob("*") if p.is_symlink() or not p.is_dir())
