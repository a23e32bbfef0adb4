"""Ray is an optional extra: the default install never imports it, and asking for the
Ray engine without it (or with contradictory options) is a clear usage error."""

from __future__ import annotations

import subprocess
import sys

import pytest
from typer.testing import CliRunner

from warledger.distributed.ray_extract import EngineUnavailable, require_ray
from warledger.interfaces.cli.app import app


def test_the_cli_and_the_local_engine_do_not_import_ray() -> None:
    code = (
        "import sys, warledger.interfaces.cli.app, warledger.workflow, "
        "warledger.distributed.ray_extract; print('ray' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_without_ray_the_engine_names_the_extra_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray now raises ImportError
    with pytest.raises(EngineUnavailable, match=r"warledger\[ray\]"):
        require_ray()


def test_ray_file_mode_needs_a_directory_and_address_needs_ray(tmp_path) -> None:
    story = tmp_path / "s.txt"
    story.write_text("Russian drones struck Odesa overnight.\n")
    to_stdout = CliRunner().invoke(app, ["extract", str(story), "--engine", "ray", "-o", "-"])
    assert to_stdout.exit_code == 2 and "directory" in to_stdout.output
    local = CliRunner().invoke(app, ["extract", "--address", "auto", "--db", "sqlite://"])
    assert local.exit_code == 2 and "--engine ray" in local.output
