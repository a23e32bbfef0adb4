"""The documentation stays true: the CLI reference is regenerated from the CLI, every
command explains itself, and the README's two set-up commands are the ones CI runs."""

from __future__ import annotations

import importlib.util
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _gen_cli_docs():
    spec = importlib.util.spec_from_file_location(
        "gen_cli_docs", REPO / "scripts" / "gen_cli_docs.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_cli_reference_is_up_to_date():
    rendered = _gen_cli_docs().render()
    assert (REPO / "docs" / "cli.md").read_text(encoding="utf-8") == rendered, (
        "docs/cli.md is out of date: run python scripts/gen_cli_docs.py"
    )


def test_cli_reference_covers_every_subcommand():
    import re

    module = _gen_cli_docs()
    names = [full for full, _, _ in module.commands()]
    assert "warledger analyze timeline" in names  # groups are walked, not only top level
    doc = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    headings = set(re.findall(r"^#+ (warledger[\w -]*)$", doc, flags=re.M))
    assert set(names) <= headings, sorted(set(names) - headings)
    assert "--version" in doc


def test_every_command_has_help_text():
    import typer.main

    from warledger.interfaces.cli.app import app

    group = typer.main.get_command(app)
    ctx = group.make_context("warledger", [], resilient_parsing=True)
    names = group.list_commands(ctx)
    assert {"ingest", "extract", "events", "export", "stats", "eval", "bench"} <= set(names)
    for name in names:
        assert (group.get_command(ctx, name).help or "").strip(), f"{name} has no help"


def test_readme_gives_the_two_setup_commands_and_ci_runs_the_second():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "warledger demo" in readme
    assert "bash scripts/test.sh" in readme
    assert "bash scripts/test.sh" in (REPO / ".ci" / "run").read_text(encoding="utf-8")


def test_readme_credits_the_data_sources():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for credit in ("OCHA", "geoBoundaries", "Voice of America", "GeoNames"):
        assert credit in readme
