"""HTML → RawDocument: the article's main text (trafilatura), headline and date (htmldate).

Comments, navigation and boilerplate are left to trafilatura. The date comes from the
page's metadata or URL through htmldate with its extensive search switched off, so a
footer's "© 2019" is never taken for the publication date.
"""

from __future__ import annotations

import trafilatura

from warledger.errors import InputError
from warledger.ingest.metadata import normalize_published
from warledger.types import RawDocument

# Fewer words than this is page furniture trafilatura fell back to ("Home", a menu), not
# an article; the shortest news briefs run to several sentences.
MIN_ARTICLE_WORDS = 12
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def raw_from_html(
    html: str,
    origin: str,
    *,
    url: str | None = None,
    title: str | None = None,
    published: str | None = None,
    source: str | None = None,
    doc_id: str | None = None,
) -> RawDocument | InputError:
    """Extract one article from a page; ``title``/``published`` fill what the page lacks."""
    try:
        extracted = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params=dict(_DATE_PARAMS),
        )
    except Exception as exc:  # lxml raises many types on corrupt markup
        return InputError(origin, f"unreadable HTML ({type(exc).__name__})")
    text = getattr(extracted, "text", None) if extracted is not None else None
    if not text or len(text.split()) < MIN_ARTICLE_WORDS:
        return InputError(origin, "no article text found in the HTML")
    return RawDocument(
        text=text,
        origin=origin,
        title=getattr(extracted, "title", None) or title,
        url=url,
        published=normalize_published(getattr(extracted, "date", None)) or published,
        source=source,
        is_html=True,
        doc_id=doc_id,
    )
