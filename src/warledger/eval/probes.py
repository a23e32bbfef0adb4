"""Score the extractor on a file of labelled probe snippets (text it was not written for).

A probe file (``tests/data/generalisation/probes.json``) holds short snippets in outlet
styles the annotated corpus lacks, each labelled by reading it, in four groups:

- ``other_conflict``: an attack, clash or territorial change of another war; *found* when
  an event of one of its ``kinds`` comes out with theatre null and, where the probe gives
  one, the country of its place;
- ``negative``: look-alikes (protests, crime, disasters, accidents, police raids, sport,
  labour strikes, markets); a *false alarm* when any kinetic event comes out;
- ``monitoring``: one incident per note; each expected field (kind, place, oblast,
  coordinates within 15 km, date, attacker side, killed/injured) is scored on its own;
- ``article``: wordings of real war reporting; every ``expected`` event must be found
  (with the fields it gives), no kind in ``absent`` may come out, ``at_most`` caps a kind.

``python -m warledger.eval.probes [FILE] [--mode rules|model|combined]`` prints the
figures and the failures; :func:`score` returns them for tests.
"""

from __future__ import annotations

import argparse
import json
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from warledger.types import DocumentResult, Event

KINETIC = frozenset({"strike", "ground_combat", "territorial_change"})
WITHIN_KM = 15.0


@dataclass
class ProbeReport:
    """Per group: the share that passed; per monitoring field: its accuracy; failures."""

    other_found: float
    false_alarms: float
    monitoring: dict[str, float]
    articles: float
    failures: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        fields = ", ".join(f"{k} {v:.2f}" for k, v in self.monitoring.items())
        return [
            f"other conflicts found {self.other_found:.2f}",
            f"false alarms on look-alikes {self.false_alarms:.2f}",
            f"monitoring notes: {fields}",
            f"article wordings passed {self.articles:.2f}",
        ]


def load(path: Path) -> list[dict[str, Any]]:
    return json.loads(path.read_text(encoding="utf-8"))["probes"]


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def _side(actor: Any) -> str | None:
    return actor.side if actor is not None else None


def _count(event: Event, key: str) -> int | None:
    count = event.counts.get(key)
    return count.value if count is not None else None


def other_found(probe: dict[str, Any], events: list[Event]) -> bool:
    """Is the other war's event extracted, out of the theatre, in the right country?"""
    countries = probe.get("country_any") or ([probe["country"]] if "country" in probe else None)
    for event in events:
        if event.kind not in probe["kinds"] or event.theatre is not None:
            continue
        if countries is None or event.country in countries:
            return True
    return False


def false_alarm(events: list[Event]) -> bool:
    return any(e.kind in KINETIC for e in events)


def monitoring_fields(probe: dict[str, Any], events: list[Event]) -> dict[str, bool]:
    """Each expected field of a monitoring note, right or wrong, on its one event."""
    want = probe["expect"]
    same_kind = [e for e in events if e.kind == want["kind"]]
    event = same_kind[0] if same_kind else None
    loc = event.locations[0] if event and event.locations else None
    out = {"kind": event is not None}
    out["place"] = loc is not None and loc.name == want["place"]
    out["oblast"] = loc is not None and loc.admin1 == want["oblast"]
    out["within_15km"] = bool(
        loc is not None
        and loc.lat is not None
        and loc.lon is not None
        and _km(loc.lat, loc.lon, want["lat"], want["lon"]) <= WITHIN_KM
    )
    out["date"] = event is not None and event.date.start == want["date"]
    out["actor"] = event is not None and _side(event.actor) == want["actor"]
    for key in ("killed", "injured"):
        if key in want:
            out[key] = event is not None and _count(event, key) == want[key]
    return out


def _matches(event: Event, want: dict[str, Any]) -> bool:
    kinds = want.get("kind_any") or [want["kind"]]
    if event.kind not in kinds:
        return False
    if "subtype" in want and event.subtype != want["subtype"]:
        return False
    if "actor" in want and _side(event.actor) != want["actor"]:
        return False
    return not ("killed" in want and _count(event, "killed") != want["killed"])


def article_passes(probe: dict[str, Any], events: list[Event]) -> list[str]:
    """What is wrong with the events of an article probe (empty: it passes)."""
    problems = []
    for want in probe.get("expected", []):
        if not any(_matches(e, want) for e in events):
            problems.append(f"missing {want}")
    for kind in probe.get("absent", []):
        if any(e.kind == kind for e in events):
            problems.append(f"unexpected {kind}")
    for kind, cap in probe.get("at_most", {}).items():
        n = sum(1 for e in events if e.kind == kind)
        if n > cap:
            problems.append(f"{n} {kind} events, at most {cap}")
    return problems


def _describe(events: list[Event]) -> str:
    return "; ".join(
        f"{e.kind}/{e.subtype} {_side(e.actor)} "
        f"{[(loc.name, loc.admin1, loc.country) for loc in e.locations]} "
        f"theatre={e.theatre} country={e.country} "
        f"{ {k: c.value for k, c in e.counts.items()} } {e.date.start}"
        for e in events
    ) or "no events"


def score(
    probes: list[dict[str, Any]],
    extract: Callable[[str, str | None], DocumentResult],
) -> ProbeReport:
    """Run ``extract(text, published)`` on every probe and score it by its group."""
    found: list[bool] = []
    alarms: list[bool] = []
    fields: dict[str, list[bool]] = {}
    articles: list[bool] = []
    failures: list[str] = []
    for probe in probes:
        events = extract(probe["text"], probe.get("published")).events
        group = probe["group"]
        if group == "other_conflict":
            ok = other_found(probe, events)
            found.append(ok)
            if not ok:
                failures.append(f"{probe['id']}: not found ({_describe(events)})")
        elif group == "negative":
            bad = false_alarm(events)
            alarms.append(bad)
            if bad:
                failures.append(f"{probe['id']}: false alarm ({_describe(events)})")
        elif group == "monitoring":
            got = monitoring_fields(probe, events)
            for key, ok in got.items():
                fields.setdefault(key, []).append(ok)
            wrong = [k for k, ok in got.items() if not ok]
            if wrong:
                failures.append(f"{probe['id']}: wrong {wrong} ({_describe(events)})")
        elif group == "article":
            problems = article_passes(probe, events)
            articles.append(not problems)
            if problems:
                failures.append(f"{probe['id']}: {problems} ({_describe(events)})")

    def share(values: list[bool]) -> float:
        return sum(values) / len(values) if values else 0.0

    return ProbeReport(
        other_found=share(found),
        false_alarms=share(alarms),
        monitoring={k: share(v) for k, v in fields.items()},
        articles=share(articles),
        failures=failures,
    )


def main(argv: list[str] | None = None) -> None:
    from warledger.nlp.extract import Extractor

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "file",
        nargs="?",
        default="tests/data/generalisation/probes.json",
        type=Path,
    )
    parser.add_argument("--mode", default="combined", choices=("rules", "model", "combined"))
    args = parser.parse_args(argv)
    extractor = Extractor(mode=args.mode)
    report = score(load(args.file), lambda text, published: extractor.extract(text, published))
    for failure in report.failures:
        print(failure)
    print()
    for line in report.lines():
        print(line)


if __name__ == "__main__":
    main()
