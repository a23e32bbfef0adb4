"""Regenerate docs/cli.md from the CLI itself, so the reference cannot drift.

python scripts/gen_cli_docs.py          # rewrite docs/cli.md
python scripts/gen_cli_docs.py --check  # exit 1 if docs/cli.md is out of date
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import typer.main

from warledger.interfaces.cli.app import app

DOC = Path(__file__).resolve().parent.parent / "docs" / "cli.md"

HEADER = """# Command-line reference

Generated from the CLI by `scripts/gen_cli_docs.py`; `tests/test_docs.py` fails when it is
out of date. Every command also answers `--help`.

Exit codes: `0` success; `1` failure, or some inputs could not be read (the rest were
processed); `2` bad usage. The ledger is `--db URL` (a SQLite path or an SQLAlchemy URL such as
`postgresql+psycopg://user@host/db`), else `$WARLEDGER_DB`, else `./warledger.db`.
"""


def _option_line(param: Any) -> str:
    names = ", ".join(f"`{o}`" for o in [*param.opts, *param.secondary_opts])
    help_text = " ".join((getattr(param, "help", None) or "").split())
    return f"- {names}: {help_text}" if help_text else f"- {names}"


def commands() -> list[tuple[str, Any, Any]]:
    """Every command and subcommand as (full name, command, context), depth first."""
    # typer carries its own copy of click, so the objects are used by their interface.
    group: Any = typer.main.get_command(app)
    root = group.make_context("warledger", [], resilient_parsing=True)
    found: list[tuple[str, Any, Any]] = []

    def walk(prefix: str, grp: Any, ctx: Any) -> None:
        for name in grp.list_commands(ctx):
            command = grp.get_command(ctx, name)
            full = f"{prefix} {name}"
            found.append((full, command, ctx))
            if hasattr(command, "list_commands"):
                sub = command.make_context(name, [], parent=ctx, resilient_parsing=True)
                walk(full, command, sub)

    walk("warledger", group, root)
    return found


def render() -> str:
    parts = [HEADER]
    root: Any = typer.main.get_command(app)
    options = [p for p in root.params if p.param_type_name == "option" and p.name != "help"]
    if options:
        parts.append("\nOptions of `warledger` itself:\n\n")
        parts.append("\n".join(_option_line(p) for p in options) + "\n")
    for full, command, ctx in commands():
        parts.append(f"\n{'#' * (full.count(' ') + 1)} {full}\n")
        usage = " ".join(command.collect_usage_pieces(ctx))
        parts.append(f"`{full} {usage}`\n")
        doc = (command.help or "").strip()
        if doc:
            parts.append("\n" + "\n".join(line.strip() for line in doc.splitlines()) + "\n")
        options = [p for p in command.params if p.param_type_name == "option" and p.name != "help"]
        if options:
            parts.append("\n" + "\n".join(_option_line(p) for p in options) + "\n")
    return "".join(parts)


def main() -> int:
    text = render()
    if "--check" in sys.argv:
        if not DOC.exists() or DOC.read_text(encoding="utf-8") != text:
            print("docs/cli.md is out of date: run python scripts/gen_cli_docs.py")
            return 1
        return 0
    DOC.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
