"""B-cubed precision, recall and F1 (Bagga & Baldwin, 1998) for event consolidation.

For every labelled mention m, with G(m) its labelled cluster and P(m) its predicted
cluster (both restricted to the labelled mentions):
precision(m) = |G(m) ∩ P(m)| / |P(m)| and recall(m) = |G(m) ∩ P(m)| / |G(m)|; the scores
are the averages over all labelled mentions. A labelled mention the system did not
produce is its own singleton prediction: it costs recall, never precision.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from warledger.eval.clusters import ClusterSet, align, load_cluster_set
from warledger.types import Mention

_UNMATCHED = object()  # with the mention, the singleton id of a mention never predicted


@dataclass(frozen=True)
class BCubed:
    precision: float
    recall: float
    f1: float
    mentions: int
    found: int | None = None  # labelled mentions the system produced, when known
    details: tuple[dict[str, Any], ...] = ()  # per labelled mention: where it ended up

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "mentions": self.mentions,
            "found": self.found,
            "details": list(self.details),
        }


def _members(assignment: Mapping[Hashable, Hashable]) -> dict[Hashable, set[Hashable]]:
    groups: dict[Hashable, set[Hashable]] = defaultdict(set)
    for item, cluster in assignment.items():
        groups[cluster].add(item)
    return groups


def score(
    gold_clusters: Mapping[Hashable, Hashable], predicted: Mapping[Hashable, Hashable]
) -> BCubed:
    """B-cubed over the mentions of ``gold_clusters`` (mention -> cluster id).

    ``predicted`` maps mentions to predicted cluster ids; mentions it lacks become
    singletons, and mentions it has beyond the labelled ones are ignored.
    """
    if not gold_clusters:
        raise ValueError("B-cubed needs at least one labelled mention")
    pred = {m: predicted.get(m, (_UNMATCHED, m)) for m in gold_clusters}
    gold_groups, pred_groups = _members(gold_clusters), _members(pred)
    precision = recall = 0.0
    for mention in gold_clusters:
        g = gold_groups[gold_clusters[mention]]
        p = pred_groups[pred[mention]]
        both = len(g & p)
        precision += both / len(p)
        recall += both / len(g)
    n = len(gold_clusters)
    p_avg, r_avg = precision / n, recall / n
    f1 = 2 * p_avg * r_avg / (p_avg + r_avg) if p_avg + r_avg else 0.0
    found = sum(1 for m in gold_clusters if m in predicted)
    return BCubed(p_avg, r_avg, f1, n, found)


def bcubed_for_predictions(
    cluster_file: str | Path,
    mentions_with_event_ids: Iterable[tuple[Mention, Hashable]],
    *,
    doc_of: Any = None,
) -> BCubed:
    """Score consolidated mentions against a labelled cluster set.

    ``mentions_with_event_ids`` pairs each predicted :class:`Mention` with the id of the
    consolidated event it was put in. Its document is read from ``mention.doc_id``
    (``"voa:<id>"`` as in the cluster file) unless ``doc_of(mention)`` says otherwise,
    e.g. to map a ledger's content-hash ids back to VOA ids.
    """
    cluster_set = load_cluster_set(cluster_file)
    key = doc_of or (lambda m: m.doc_id)
    predicted = [(key(m), m.event, event_id) for m, event_id in mentions_with_event_ids]
    return score_alignment(cluster_set, align(cluster_set.mentions, predicted))


def score_alignment(cluster_set: ClusterSet, found: Mapping[Hashable, Hashable]) -> BCubed:
    """B-cubed of a cluster set given labelled key -> predicted cluster (from ``align``).

    The details list each labelled mention with the predicted event it landed in
    (``null`` when no predicted mention reported it), so splits and merges are visible.
    """
    result = score(cluster_set.gold_clusters(), found)
    details = tuple(
        {
            "cluster": m.cluster_id,
            "doc": m.doc,
            "evidence": m.evidence,
            "predicted_event": None if m.key not in found else str(found[m.key]),
        }
        for m in cluster_set.mentions
    )
    return replace(result, details=details)
