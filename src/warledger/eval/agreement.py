"""Inter-annotator agreement: event F1 between two independent gold files per document.

Two annotators pick different phrases from the same sentence, so events are matched by
sentence, not by phrase: each gold event's evidence is found in the document text and
widened to its sentence; two events match when their kinds overlap and their sentences
are the same. Pairing is one-to-one and greedy (required events first). The first
annotator is the reference: a required event of either side left unpaired is a miss
(first) or an extra (second); pairs with an optional event on the reference side count
neither way, as in the scorer.

    python -m warledger.eval.agreement [--first evaluation/gold] [--second DIR] [--corpus DIR]

``--first`` is the folder of split folders (train/dev/test) of the first annotator.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from warledger.eval.gold import GoldDocument, load_gold, text_for
from warledger.eval.matching import gold_kinds
from warledger.eval.metrics import PRF, Accuracy
from warledger.eval.splits import SPLITS
from warledger.eval.textmatch import normalize

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+|\n")
COMPARED_FIELDS = ("subtype", "theatre", "country", "negated", "status")


def sentence_of(text: str, phrase: str) -> tuple[int, int] | None:
    """The (start, end) of the sentence holding ``phrase``, or None when it is not found."""
    low_text, low_phrase = normalize(text), normalize(phrase)
    at = low_text.find(low_phrase)
    if at < 0 or len(low_text) != len(text):  # normalisation changed offsets: search raw
        at = text.lower().find(phrase.lower())
    if at < 0:
        return None
    start = 0
    for match in _SENTENCE_END.finditer(text, 0, at):
        start = match.end()
    end_match = _SENTENCE_END.search(text, at + len(phrase))
    return start, end_match.start() if end_match else len(text)


def f1(prf: PRF) -> float | None:
    """2·both / (first + second): 0 when only one annotator saw events, None when neither."""
    total = 2 * prf.tp + prf.fp + prf.fn
    return 2 * prf.tp / total if total else None


@dataclass
class Agreement:
    """Event agreement overall and by the reference's kind, plus field agreement."""

    events: PRF = field(default_factory=PRF)
    by_kind: dict[str, PRF] = field(default_factory=lambda: defaultdict(PRF))
    fields: dict[str, Accuracy] = field(default_factory=lambda: defaultdict(Accuracy))
    documents: int = 0
    unplaced: int = 0  # evidence that could not be found in the text

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "events": {**self.events.to_dict(), "f1": f1(self.events)},
            "by_kind": {k: {**v.to_dict(), "f1": f1(v)} for k, v in sorted(self.by_kind.items())},
            "fields": {k: v.to_dict() for k, v in sorted(self.fields.items())},
            "unplaced_evidence": self.unplaced,
        }


def _placed(doc: GoldDocument, text: str, agreement: Agreement) -> list[tuple[dict, Any]]:
    placed = []
    for event in doc.events:
        where = sentence_of(text, event["evidence"])
        if where is None:
            agreement.unplaced += 1
        placed.append((event, where))
    return placed


def compare_document(first: GoldDocument, second: GoldDocument, text: str, out: Agreement) -> None:
    """Add one document's pairs, misses and extras to ``out``."""
    a, b = _placed(first, text, out), _placed(second, text, out)
    order = sorted(range(len(a)), key=lambda i: bool(a[i][0].get("optional")))
    free = set(range(len(b)))
    pairs = []
    for i in order:
        event, where = a[i]
        candidates = [
            j
            for j in sorted(free, key=lambda j: bool(b[j][0].get("optional")))
            if where is not None
            and b[j][1] == where
            and set(gold_kinds(event)) & set(gold_kinds(b[j][0]))
        ]
        if candidates:
            free.discard(candidates[0])
            pairs.append((i, candidates[0]))
    paired_a = {i for i, _ in pairs}
    for i, j in pairs:
        ref, other = a[i][0], b[j][0]
        if not ref.get("optional"):
            out.events.tp += 1
            out.by_kind[gold_kinds(ref)[0]].tp += 1
        for name in COMPARED_FIELDS:
            if name in ref and name in other:
                out.fields[name].add(ref[name] == other[name])
    for i, (event, _) in enumerate(a):
        if i not in paired_a and not event.get("optional"):
            out.events.fn += 1
            out.by_kind[gold_kinds(event)[0]].fn += 1
    for j in free:
        event = b[j][0]
        if not event.get("optional"):
            out.events.fp += 1
            out.by_kind[gold_kinds(event)[0]].fp += 1


def agreement(first_root: Path, second_root: Path, corpus_dir: Path) -> Agreement:
    """Compare every document the second annotator did with the first one's file."""
    firsts = {
        doc.doc: doc
        for split in SPLITS
        if (first_root / split).is_dir()
        for doc in load_gold(first_root / split)
    }
    out = Agreement()
    for second in load_gold(second_root):
        first = firsts.get(second.doc)
        if first is None:
            continue
        out.documents += 1
        compare_document(first, second, text_for(second.doc, corpus_dir), out)
    out.by_kind = dict(out.by_kind)
    out.fields = dict(out.fields)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description="Event agreement between two annotators.")
    parser.add_argument("--first", type=Path, default=Path("evaluation") / "gold")
    parser.add_argument("--second", type=Path, default=Path("evaluation") / "agreement" / "second")
    parser.add_argument("--corpus", type=Path, default=Path("..") / "shared" / "corpus")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = agreement(args.first, args.second, args.corpus)
    if args.json:
        print(json.dumps(result.to_dict(), indent=2))
        return
    print(f"{result.documents} documents annotated twice")

    def row(name: str, prf: PRF) -> str:
        value = f1(prf)
        shown = "n/a" if value is None else f"{value:.3f}"
        return f"{name:<20} first {prf.tp + prf.fn:>4}  second-only {prf.fp:>3}  F1 {shown}"

    print(row("all events", result.events))
    for kind, prf in sorted(result.by_kind.items()):
        print(row(kind, prf))
    for name, acc in sorted(result.fields.items()):
        value = "n/a" if acc.value is None else f"{acc.value:.3f}"
        print(f"field {name:<14} agree {acc.correct}/{acc.total} = {value}")
    if result.unplaced:
        print(f"{result.unplaced} evidence phrases not found in their text")


if __name__ == "__main__":
    main()
