"""Ingest a hostile batch with the real CLI in a child process and score the ledger:
inputs lost, stored twice, crashes, bad inputs not named."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field

import sqlalchemy as sa
from hostile import MAX_BYTES, Batch

from warledger.ledger.schema import documents

_MARKER = re.compile(r"M\d{6}x")
WARLEDGER = [sys.executable, "-m", "warledger"]


@dataclass
class Score:
    inputs: int = 0
    lost: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    crashes: list[str] = field(default_factory=list)
    unnamed: list[str] = field(default_factory=list)

    def row(self) -> dict[str, int]:
        return {
            "inputs": self.inputs,
            "lost": len(self.lost),
            "duplicates": len(self.duplicates),
            "crashes": len(self.crashes),
            "unnamed": len(self.unnamed),
        }


def ingest_cli(folder: str, url: str, *, in_process: bool = False) -> tuple[int, dict, str]:
    """``warledger ingest <folder> --json``: (exit code, report, stderr).

    In a child process (the real command line), or in this process through Click's test
    runner, where a crash is the exception the command let out.
    """
    args = ["ingest", folder, "--db", url, "--json", "--max-bytes", str(MAX_BYTES)]
    if in_process:
        from typer.testing import CliRunner

        from warledger.interfaces.cli.app import app

        result = CliRunner().invoke(app, args)
        crashed = result.exception is not None and not isinstance(result.exception, SystemExit)
        stderr = result.stderr + (f"Traceback: {result.exception!r}" if crashed else "")
        out, code = result.stdout, result.exit_code
    else:
        proc = subprocess.run([*WARLEDGER, *args], capture_output=True, timeout=900, check=False)
        out = proc.stdout.decode("utf-8", "replace")
        stderr, code = proc.stderr.decode("utf-8", "replace"), proc.returncode
    try:
        report = json.loads(out)
    except json.JSONDecodeError:
        report = {}
    return code, report, stderr


def score(batch: Batch, url: str, code: int, report: dict, stderr: str) -> Score:
    result = Score(inputs=len(batch.expected))
    if code not in (0, 1) or "Traceback" in stderr or not report:
        result.crashes.append(f"exit {code}: {stderr[-400:]}")
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            # (read by name, so the same scoring runs on ledgers of older versions too)
            versions = "superseded_by" in {
                c["name"] for c in sa.inspect(conn).get_columns("documents")
            }
            current = documents.c.superseded_by if versions else sa.null()
            rows = conn.execute(sa.select(documents.c.text, current.label("superseded_by"))).all()
    finally:
        engine.dispose()
    everywhere = {m for r in rows for m in _MARKER.findall(r.text)}
    current = Counter(
        m for r in rows if r.superseded_by is None for m in set(_MARKER.findall(r.text))
    )
    named = {s["input"] for s in report.get("skipped_inputs", [])}
    for e in batch.expected:
        if e.outcome == "stored" and e.marker not in everywhere:
            result.lost.append(f"{e.kind}: {e.input}")
        if e.outcome == "either" and e.marker not in everywhere and e.input not in named:
            result.lost.append(f"{e.kind}: {e.input} (neither stored nor named)")
        if e.outcome == "skipped" and e.input not in named:
            result.unnamed.append(f"{e.kind}: {e.input}")
    result.duplicates = sorted(m for m, n in current.items() if n > 1)
    return result
