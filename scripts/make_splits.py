"""Choose the documents to annotate and split them into train, dev and test.

Run once, before any rule or model work, from the repository root:

    python scripts/make_splits.py --corpus ../shared/corpus

It writes ``evaluation/splits.json`` (the split of every group of every corpus) and
``evaluation/annotation/selection.json`` (the documents chosen for annotation, with their
split and annotation batch). Everything is seeded, so re-running gives the same files.

Why groups: a Wikipedia day's items and that day's day-document hold the same text, so the
day is the unit that goes to one split. Kremlin releases and VOA stories are their own
groups. Documents the rules were already written against (the six VOA war stories of the
first development gold) are placed in train: a figure measured on them would not be honest.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections import defaultdict
from pathlib import Path

SEED = 20261206
FRACTIONS = (("train", 0.55), ("dev", 0.20), ("test", 0.25))
ITEMS_PER_YEAR = 240
DAYS_PER_YEAR = 16
KREMLIN_DOCS = 44
VOA_OTHER_DOCS = 34
SECOND_ANNOTATOR_SHARE = 0.10
SUPPLEMENT_SEED = SEED + 1
SUPPLEMENT_KREMLIN_DOCS = 20
# A second round, chosen after the first round's gold showed which kinds and subtypes had
# fewer than 25 events: every not-yet-chosen Wikipedia item with a cue for one of them.
SUPPLEMENT_CUES = (
    r"death toll|have been killed|casualt|civilians killed|soldiers killed|losses",
    r"peace plan|proposal|framework|point plan|peace deal|peace formula|memorandum|roadmap",
    r"ceasefire|truce|moratorium",
    r"will meet|to meet|scheduled|postpone|cancel|next round|will hold|will host",
    r"deliver|arriv|receiv|transferred|sent to ukraine|hands over",
    r"shot down|intercept|air defen|downed",
    r"clash|fighting|assault|incursion|offensive|counteroffensive|battle",
    r"sanction|embargo|price cap|ban on",
)
SEEN_BY_RULES = {"8010842", "8010030", "8008456", "8007271", "8005899", "7677701"}

# Rough keyword buckets, used only to stratify the choice of Wikipedia items by kind
# (the annotation decides the real kinds). First match wins, rarest kinds first.
BUCKETS = (
    ("ceasefire", r"ceasefire|truce|armistice"),
    ("proposal", r"peace plan|proposal|framework|peace deal|point plan|memorandum"),
    ("sanction", r"sanction|embargo|price cap"),
    ("aid", r"\baid\b|package|deliver|pledge|suppl(?:y|ies)|weapons to|send"),
    ("talks", r"talks|negotiat|meet|summit|phone call|call with|spoke with"),
    ("territory", r"captur|liberat|withdr|control of|recaptur|advance|retake|seiz"),
    ("strike", r"drone|missile|strike|shell|bomb|attack|airstrike|explosion"),
    ("casualty", r"killed|dead|died|casualt|wounded|injured"),
)


def bucket(text: str) -> str:
    low = text.lower()
    return next((name for name, rx in BUCKETS if re.search(rx, low)), "other")


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def water_fill(sizes: dict[str, int], budget: int) -> dict[str, int]:
    """Share ``budget`` as evenly as the buckets allow: small buckets are taken whole."""
    share: dict[str, int] = {}
    left = dict(sizes)
    while left and budget > 0:
        even = budget // len(left)
        small = {k: v for k, v in left.items() if v <= even}
        if not small:
            for i, key in enumerate(sorted(left)):
                share[key] = even + (1 if i < budget - even * len(left) else 0)
            return share
        for key, size in small.items():
            share[key] = size
            budget -= size
            del left[key]
    return share


def assign(groups: list[str], rng: random.Random) -> dict[str, str]:
    """Seeded shuffle, then cut at the split fractions (test gets the rounding)."""
    order = sorted(groups)
    rng.shuffle(order)
    n = len(order)
    n_train = round(n * FRACTIONS[0][1])
    n_dev = round(n * FRACTIONS[1][1])
    out = {}
    for i, group in enumerate(order):
        out[group] = "train" if i < n_train else "dev" if i < n_train + n_dev else "test"
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="../shared/corpus", type=Path)
    parser.add_argument("--out", default="evaluation", type=Path)
    args = parser.parse_args()
    rng = random.Random(SEED)

    items = read_jsonl(args.corpus / "wikipedia" / "current_events_items.jsonl")
    days = read_jsonl(args.corpus / "wikipedia" / "current_events_days.jsonl")
    kremlin = read_jsonl(args.corpus / "kremlin" / "kremlin_en_2021-10_2022-06.jsonl")
    voa = read_jsonl(args.corpus / "voa" / "voa_stories.jsonl")
    war = {r["id"] for r in read_jsonl(args.corpus / "voa" / "ukraine_war.jsonl")}

    # --- choose what to annotate -------------------------------------------------------
    chosen: list[dict] = []
    by_year_bucket: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for item in items:
        by_year_bucket[(item["published"][:4], bucket(item["text"]))].append(item)
    for year in sorted({y for y, _ in by_year_bucket}):
        sizes = {b: len(v) for (y, b), v in by_year_bucket.items() if y == year}
        for name, k in sorted(water_fill(sizes, ITEMS_PER_YEAR).items()):
            pool = sorted(by_year_bucket[(year, name)], key=lambda r: r["id"])
            for item in rng.sample(pool, k):
                chosen.append(
                    {
                        "doc": f"wikipedia:{item['id']}",
                        "group": item["published"],
                        "corpus": "wikipedia",
                        "stratum": f"{year}/{name}",
                    }
                )
    for year in sorted({d["published"][:4] for d in days}):
        pool = sorted(
            (d for d in days if d["published"][:4] == year and 2 <= d["n_items"] <= 8),
            key=lambda r: r["id"],
        )
        for day in rng.sample(pool, DAYS_PER_YEAR):
            chosen.append(
                {
                    "doc": f"wikipedia-day:{day['id']}",
                    "group": day["published"],
                    "corpus": "wikipedia-day",
                    "stratum": year,
                }
            )
    short = sorted((k for k in kremlin if 400 <= len(k["text"]) <= 3500), key=lambda r: r["id"])
    for rel in rng.sample(short, KREMLIN_DOCS):
        chosen.append(
            {
                "doc": f"kremlin:{rel['id']}",
                "group": rel["id"],
                "corpus": "kremlin",
                "stratum": rel["published"][:7],
            }
        )
    others = sorted((s for s in voa if s["id"] not in war), key=lambda r: r["id"])
    for story in list(rng.sample(others, VOA_OTHER_DOCS)) + [s for s in voa if s["id"] in war]:
        chosen.append(
            {
                "doc": f"voa:{story['id']}",
                "group": story["id"],
                "corpus": "voa",
                "stratum": "war" if story["id"] in war else "other",
            }
        )

    # --- split: chosen groups first (exact fractions per corpus), then the rest ---------
    splits: dict[str, dict[str, str]] = {}
    all_groups = {
        "wikipedia": sorted({i["published"] for i in items} | {d["published"] for d in days}),
        "kremlin": sorted(k["id"] for k in kremlin),
        "voa": sorted(s["id"] for s in voa),
    }
    for corpus, groups in all_groups.items():
        family = ("wikipedia", "wikipedia-day") if corpus == "wikipedia" else (corpus,)
        forced = {g: "train" for g in groups if corpus == "voa" and g in SEEN_BY_RULES}
        picked = {c["group"] for c in chosen if c["corpus"] in family} - set(forced)
        if corpus == "wikipedia":  # stratify days that have a day-document apart
            day_groups = {c["group"] for c in chosen if c["corpus"] == "wikipedia-day"}
            out = assign(sorted(day_groups), rng)
            out |= assign(sorted(picked - day_groups), rng)
        else:
            out = assign(sorted(picked), rng)
        out |= forced
        out |= assign(sorted(set(groups) - set(out)), rng)
        splits[corpus] = dict(sorted(out.items()))
    for c in chosen:
        corpus = "wikipedia" if c["corpus"].startswith("wikipedia") else c["corpus"]
        c["split"] = splits[corpus][c["group"]]

    # --- a random tenth for the second, independent annotator ---------------------------
    second = set(
        rng.sample(sorted(c["doc"] for c in chosen), round(len(chosen) * SECOND_ANNOTATOR_SHARE))
    )
    for c in chosen:
        c["second_annotator"] = c["doc"] in second

    # --- second round: more of the kinds the first round had too few of ----------------
    more = random.Random(SUPPLEMENT_SEED)
    taken = {c["doc"] for c in chosen}
    added: list[dict] = []
    for item in sorted(items, key=lambda r: r["id"]):
        low = item["text"].lower()
        if f"wikipedia:{item['id']}" not in taken and any(
            re.search(r, low) for r in SUPPLEMENT_CUES
        ):
            added.append(
                {
                    "doc": f"wikipedia:{item['id']}",
                    "group": item["published"],
                    "corpus": "wikipedia",
                    "stratum": "supplement",
                }
            )
    longer = sorted(
        (k for k in kremlin if 3500 < len(k["text"]) <= 7000 and f"kremlin:{k['id']}" not in taken),
        key=lambda r: r["id"],
    )
    for rel in more.sample(longer, SUPPLEMENT_KREMLIN_DOCS):
        added.append(
            {
                "doc": f"kremlin:{rel['id']}",
                "group": rel["id"],
                "corpus": "kremlin",
                "stratum": "supplement",
            }
        )
    second_more = set(
        more.sample(sorted(a["doc"] for a in added), round(len(added) * SECOND_ANNOTATOR_SHARE))
    )
    for a in added:
        corpus = "wikipedia" if a["corpus"].startswith("wikipedia") else a["corpus"]
        a["split"] = splits[corpus][a["group"]]
        a["second_annotator"] = a["doc"] in second_more
        a["round"] = 2
    chosen.extend(added)

    args.out.joinpath("annotation").mkdir(parents=True, exist_ok=True)
    meta = {
        "seed": SEED,
        "fractions": dict(FRACTIONS),
        "unit": "group",
        "seen_by_rules_forced_to_train": sorted(SEEN_BY_RULES),
    }
    (args.out / "splits.json").write_text(
        json.dumps({**meta, "groups": splits}, indent=1) + "\n", encoding="utf-8"
    )
    (args.out / "annotation" / "selection.json").write_text(
        json.dumps({**meta, "documents": chosen}, indent=1) + "\n", encoding="utf-8"
    )
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for c in chosen:
        counts[(c["corpus"], c["split"])] += 1
    for key in sorted(counts):
        print(*key, counts[key])
    print("second annotator:", len(second))


if __name__ == "__main__":
    main()
