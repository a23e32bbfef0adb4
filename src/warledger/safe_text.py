"""Text every database and terminal accepts: no NUL, no lone surrogates.

Input can carry both: a file name that is not valid UTF-8 arrives with surrogate escapes
(``'\\udcff'``), a JSON line may hold ``"\\ud800"`` or ``"\\u0000"``. SQLite's driver
cannot encode a surrogate and PostgreSQL refuses NUL in text, so one such input would
stop a whole batch. They are made safe once, where inputs enter.
"""

from __future__ import annotations

import re

_UNSAFE = re.compile("[\x00\ud800-\udfff]")


def _replace(match: re.Match[str]) -> str:
    char = match.group()
    if char == "\x00":
        return ""
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte the file system name held that is not UTF-8
        return f"\\x{code - 0xDC00:02x}"
    return "\ufffd"


def safe_text(value: str) -> str:
    """``value`` without NUL characters, each undecodable name byte as ``\\xNN`` and
    every other lone surrogate as U+FFFD."""
    return _UNSAFE.sub(_replace, value)


def safe_optional(value: str | None) -> str | None:
    return None if value is None else safe_text(value)
