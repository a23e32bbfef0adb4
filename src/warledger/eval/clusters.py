"""Labelled cluster sets: which mentions in which documents report the same occurrence.

A cluster set file (see ``evaluation/clusters/``) lists clusters, each one real-world
occurrence with an id, a description, a ``kind`` (or ``kind_any``) and its mentions:
``{"doc": "voa:<id>", "evidence": "<phrase copied from that story>"}``, optionally with a
``subtype`` (used only to choose between two same-kind events read from one sentence).
A top-level ``documents`` object may give each document's ``published`` date.
"""

from __future__ import annotations

import json
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from warledger.errors import UsageError
from warledger.eval.textmatch import contains_phrase
from warledger.types import Event, Mention


@dataclass(frozen=True)
class LabelledMention:
    """One story's report of a labelled occurrence."""

    cluster_id: str
    doc: str
    evidence: str
    kinds: tuple[str, ...]
    subtype: str | None = None

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.cluster_id, self.doc, self.evidence)


@dataclass
class ClusterSet:
    name: str
    mentions: list[LabelledMention]
    published: dict[str, str | None] = field(default_factory=dict)
    descriptions: dict[str, str] = field(default_factory=dict)

    @property
    def documents(self) -> list[str]:
        """Every document the set names, in first-mention order."""
        return list(dict.fromkeys(m.doc for m in self.mentions))

    def gold_clusters(self) -> dict[tuple[str, str, str], str]:
        """Labelled mention key -> its cluster id (the input ``bcubed.score`` expects)."""
        return {m.key: m.cluster_id for m in self.mentions}


def parse_cluster_set(data: Any, name: str = "<clusters>") -> ClusterSet:
    """Accept ``{"clusters": [...], "documents": {...}}`` or a bare list of clusters."""
    clusters = data.get("clusters") if isinstance(data, dict) else data
    if not isinstance(clusters, list):
        raise UsageError(f"{name}: expected a list of clusters")
    mentions: list[LabelledMention] = []
    descriptions: dict[str, str] = {}
    for cluster in clusters:
        cid = cluster.get("id")
        kinds = tuple(cluster.get("kind_any") or [cluster.get("kind")])
        if not cid or not all(kinds) or not cluster.get("mentions"):
            raise UsageError(f"{name}: every cluster needs an id, a kind and mentions")
        if cid in descriptions:
            raise UsageError(f"{name}: duplicate cluster id {cid!r}")
        descriptions[cid] = cluster.get("description", "")
        for m in cluster["mentions"]:
            mention_kinds = tuple(m.get("kind_any") or [m.get("kind")]) if "kind" in m else kinds
            mentions.append(
                LabelledMention(cid, m["doc"], m["evidence"], mention_kinds, m.get("subtype"))
            )
    documents = data.get("documents", {}) if isinstance(data, dict) else {}
    published = {doc: (info or {}).get("published") for doc, info in documents.items()}
    label = data.get("name", name) if isinstance(data, dict) else name
    return ClusterSet(label, mentions, published, descriptions)


def load_cluster_set(path: str | Path) -> ClusterSet:
    file = Path(path)
    if not file.is_file():
        raise UsageError(f"cluster set not found: {file}")
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise UsageError(f"{file}: not valid JSON ({exc})") from exc
    return parse_cluster_set(data, file.stem)


def _evidence(event: Event) -> str:
    return " ".join(span.text for span in event.evidence)


def align(
    labelled: Sequence[LabelledMention], predicted: Iterable[tuple[str, Event, Hashable]]
) -> dict[tuple[str, str, str], Hashable]:
    """Labelled mention key -> the predicted cluster id of the mention that reports it.

    ``predicted`` holds ``(doc, event, predicted_cluster_id)``. Within each document a
    labelled mention takes the first still-unused predicted mention of an accepted kind
    whose evidence contains its phrase (the event-matching rule), preferring one with
    the labelled subtype. Labelled mentions with no such prediction are left out.
    """
    by_doc: dict[str, list[tuple[Event, Hashable]]] = {}
    for doc, event, cluster in predicted:
        by_doc.setdefault(doc, []).append((event, cluster))
    used: set[tuple[str, int]] = set()
    found: dict[tuple[str, str, str], Hashable] = {}
    for mention in labelled:
        candidates = [
            i
            for i, (event, _) in enumerate(by_doc.get(mention.doc, []))
            if (mention.doc, i) not in used
            and event.kind in mention.kinds
            and contains_phrase(_evidence(event), mention.evidence)
        ]
        if not candidates:
            continue
        events = by_doc[mention.doc]
        best = min(candidates, key=lambda i: (events[i][0].subtype != mention.subtype, i))
        used.add((mention.doc, best))
        found[mention.key] = events[best][1]
    return found


def mentions_for(doc: str, events: Sequence[Event], published: str | None) -> list[Mention]:
    """Mentions as the ledger would make them from one document's events."""
    return [
        Mention(mention_id=f"{doc}#{i}", doc_id=doc, event=event, published=published)
        for i, event in enumerate(events)
    ]
