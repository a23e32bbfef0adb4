"""Bytes are decoded as UTF-8 first, then a declared charset or cp1252; binary is refused."""

from __future__ import annotations

import codecs

import pytest

from warledger.ingest.decode import DecodeError, decode_bytes


def test_utf8_is_read_as_utf8() -> None:
    assert decode_bytes("Київ — “talks”".encode()) == "Київ — “talks”"


def test_utf8_bom_is_dropped() -> None:
    assert decode_bytes(codecs.BOM_UTF8 + b"Odesa") == "Odesa"


def test_utf16_with_bom_is_read() -> None:
    assert decode_bytes("Kharkiv shelled".encode("utf-16")) == "Kharkiv shelled"


def test_windows_1252_falls_back_to_cp1252() -> None:
    data = "Zelenskyy’s “plan” – café".encode("cp1252")
    assert decode_bytes(data) == "Zelenskyy’s “plan” – café"


def test_declared_html_charset_is_used_when_not_utf8() -> None:
    data = '<meta charset="koi8-r"><p>Москва</p>'.encode("koi8_r")
    assert "Москва" in decode_bytes(data)


def test_binary_data_is_refused() -> None:
    with pytest.raises(DecodeError, match="binary"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_bytes_no_candidate_can_decode_are_refused() -> None:
    # 0x81 and 0x9d are invalid UTF-8 lead bytes here and undefined in cp1252.
    with pytest.raises(DecodeError, match="undecodable"):
        decode_bytes(b"Report \x81\x9d text")
