#!/usr/bin/env python3
"""How often places resolve to the gold oblast (admin1) and country, in their article.

For every gold event location, the article is parsed and run through ``find_places``;
the mention of that name nearest the event's evidence gives the prediction. A name the
finder did not report is resolved directly with the document's other places as context
(and counted as "not found"). Prints the fraction resolved to the right admin1 (over
gold locations that have one) and to the right country.

    python scripts/measure_places.py [--gold ../shared/gold] [--corpus ../shared/corpus] [-v]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from warledger.eval.gold import document_text, load_gold
from warledger.eval.placenames import same_place
from warledger.nlp.context import PlaceMention
from warledger.nlp.pipeline import load_pipeline
from warledger.nlp.places import Gazetteer, find_places
from warledger.types import Location

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def predict(
    name: str, evidence: str, text: str, mentions: list[PlaceMention], gaz: Gazetteer
) -> tuple[Location, bool]:
    """The location the pipeline gives ``name`` near ``evidence``; and whether it was found."""
    near = text.find(evidence)
    same = [m for m in mentions if same_place(m.text, name) or same_place(m.location.name, name)]
    if same:
        best = min(same, key=lambda m: abs(m.start - near) if near >= 0 else m.start)
        return best.location, True
    areas = [m.location.admin1 for m in mentions if m.location.admin1]
    return gaz.resolve(name, context_names=areas), False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=SHARED / "gold")
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every location")
    args = parser.parse_args()

    nlp, gaz = load_pipeline(), Gazetteer.load()
    admin1_right = admin1_total = country_right = country_total = missed = 0
    for gold in load_gold(args.gold):
        text = document_text(gold, args.corpus)
        mentions = find_places(nlp(text), gaz)
        for event in gold.events:
            for loc in event.get("locations", []):
                if not loc.get("name"):
                    continue
                pred, found = predict(loc["name"], event["evidence"], text, mentions, gaz)
                missed += not found
                ok_admin1 = ok_country = None
                if loc.get("admin1"):
                    admin1_total += 1
                    ok_admin1 = same_place(pred.admin1, loc["admin1"])
                    admin1_right += ok_admin1
                if loc.get("country"):
                    country_total += 1
                    ok_country = pred.country == loc["country"]
                    country_right += ok_country
                if args.verbose or ok_admin1 is False or ok_country is False:
                    print(
                        f"{gold.name}: {loc['name']!r} gold={loc.get('admin1')}/"
                        f"{loc.get('country')} got={pred.admin1}/{pred.country} "
                        f"found={found}"
                    )
    print(
        f"admin1 accuracy: {admin1_right}/{admin1_total} = "
        f"{admin1_right / max(admin1_total, 1):.3f}"
    )
    print(
        f"country accuracy: {country_right}/{country_total} = "
        f"{country_right / max(country_total, 1):.3f}"
    )
    print(f"gold locations the finder did not report: {missed}")


if __name__ == "__main__":
    main()
