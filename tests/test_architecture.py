"""The shape the design asks for, checked over the source itself: no import cycles, small
nlp modules, no private CPython regex internals, and one list of event kinds that the
readers, consolidation and the web colours all agree with."""

from __future__ import annotations

import ast
from graphlib import CycleError, TopologicalSorter
from pathlib import Path
from typing import get_args

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "warledger"
NLP_MAX_LINES = 500
KINETIC_MAX_LINES = 400


def _modules() -> dict[str, Path]:
    mods = {}
    for path in SRC.rglob("*.py"):
        parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        mods[".".join(parts)] = path
    return mods


def import_graph() -> dict[str, set[str]]:
    """Module -> the warledger modules it imports anywhere in its body (function-level and
    TYPE_CHECKING imports included: a cycle hidden in a function is still a cycle)."""
    mods = _modules()
    graph: dict[str, set[str]] = {name: set() for name in mods}
    for name, path in mods.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*parts, base] if base else parts)
                targets = [
                    f"{base}.{a.name}" if f"{base}.{a.name}" in mods else base for a in node.names
                ]
            else:
                continue
            for target in targets:
                while target and target not in mods:
                    target = target.rpartition(".")[0]
                if target and target != name:
                    graph[name].add(target)
    return graph


def test_the_import_graph_sees_imports_inside_functions():
    graph = import_graph()
    # nlp.extract imports the language detector inside a method.
    assert "warledger.langid" in graph["warledger.nlp.extract"]
    assert "warledger.nlp.registry" in graph["warledger.nlp.gate"]


def test_no_import_cycle_in_warledger():
    try:
        list(TopologicalSorter(import_graph()).static_order())
    except CycleError as err:
        pytest.fail(f"import cycle: {' -> '.join(err.args[1])}")


def test_no_nlp_module_is_over_500_lines_and_no_kinetic_module_over_400():
    sizes = {
        path.relative_to(SRC).as_posix(): len(path.read_text(encoding="utf-8").splitlines())
        for path in (SRC / "nlp").rglob("*.py")
    }
    assert {p: n for p, n in sizes.items() if n > NLP_MAX_LINES} == {}
    kinetic = {p: n for p, n in sizes.items() if p.startswith("nlp/kinetic/")}
    assert kinetic, "the kinetic reader is a package of small modules"
    assert {p: n for p, n in kinetic.items() if n > KINETIC_MAX_LINES} == {}


def test_no_module_uses_cpythons_private_regex_parser():
    private = ("re._parser", "sre_parse", "_parser as", "sre_constants")
    offenders = [
        path.relative_to(SRC).as_posix()
        for path in SRC.rglob("*.py")
        if any(word in path.read_text(encoding="utf-8") for word in private)
    ]
    assert offenders == []


def test_nlp_reaches_into_no_other_layer():
    """The extractor depends on its own modules, the plain types, the language detector and
    the package version only: not on ingest, the ledger or the interfaces."""
    allowed = {"warledger.version", "warledger.types", "warledger.langid"}
    stray = {
        (name, target)
        for name, targets in import_graph().items()
        if name.startswith("warledger.nlp")
        for target in targets
        if target not in allowed and not target.startswith("warledger.nlp")
    }
    assert stray == set()


# --- event kinds ---------------------------------------------------------------------------


def test_event_kinds_are_defined_once_and_everyone_agrees():
    from warledger.interfaces.web.charts import KIND_COLOURS
    from warledger.ledger.consolidate import MERGEABLE_SUBTYPES
    from warledger.nlp import registry
    from warledger.types import EVENT_KINDS, KIND_FAMILIES, KINETIC_KINDS, SUBTYPES, EventKind

    assert tuple(get_args(EventKind)) == EVENT_KINDS
    assert set(SUBTYPES) == set(EVENT_KINDS)
    # Every kind is produced by exactly one registered reader of its family.
    produced = registry.produced_kinds()
    assert sorted(produced) == sorted(EVENT_KINDS)
    for reader in registry.event_readers():
        assert {KIND_FAMILIES[k] for k in reader.kinds} == {reader.name}
    # Consolidation's kinetic kinds are the kinetic reader's.
    kinetic = next(r for r in registry.event_readers() if r.name == "kinetic")
    assert set(kinetic.kinds) == KINETIC_KINDS
    for kind, pairs in MERGEABLE_SUBTYPES.items():
        assert kind in EVENT_KINDS
        assert all(set(pair) <= set(SUBTYPES[kind]) for pair in pairs)
    # The web has a colour for every kind and no colour for a kind that does not exist.
    assert set(KIND_COLOURS) == set(EVENT_KINDS)


def test_the_packaged_lexicons_signal_only_kinds_and_subtypes_of_the_schema():
    from warledger.nlp.diplomacy.lexicon import load
    from warledger.nlp.lexicon import kinetic_lexicon
    from warledger.types import SUBTYPES

    kinetic = kinetic_lexicon()
    for options in kinetic.triggers.by_first.values():
        for _words, entry in options:
            assert entry["kind"] in kinetic.kinds
            assert entry.get("subtype") in (None, *SUBTYPES[entry["kind"]])
    assert set(kinetic.ranks) <= set(kinetic.kinds) <= set(SUBTYPES)
    diplomacy = load()
    for trigger in diplomacy.triggers:
        assert trigger.kind in diplomacy.kinds
        assert trigger.subtype in (None, *SUBTYPES[trigger.kind])
    flagged = diplomacy.not_speech_acts | diplomacy.prospective
    assert all(subtype in SUBTYPES[kind] for kind, subtype in flagged)
