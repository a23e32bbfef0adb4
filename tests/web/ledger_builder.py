"""A small hand-built ledger for the web tests: documents through the real ingest
``prepare`` and ``Store``, hand-written extraction results, then real consolidation.

What it holds (the tests' expectations are read from here):
- two outlets report the same Russian drone strike on Kharkiv on 2025-03-10, one saying
  3 killed, the other 5 → one consolidated event with two claims and a disputed count;
- a Russian missile strike on Odesa (2025-03-11), whose article contains a ``<script>``;
- ground combat near Pokrovsk, Donetsk Oblast (2025-03-12);
- shelling somewhere in Zaporizhzhia Oblast with no coordinates (2025-03-12);
- a 30-day energy ceasefire declared on 2025-03-18 and talks held in Istanbul on 2025-03-14;
- positions of Russia and Ukraine on territory, one changing over time;
- a car bomb in Mogadishu (2025-03-13): another war, outside the default theatre, so the
  dashboard and the API leave it out unless asked for every theatre (``theatre=all``).
On the map: Kharkiv, Odesa and Pokrovsk (3 points); the Zaporizhzhia report has no
coordinates and Istanbul lies outside Ukraine, so neither is drawn.
"""

from __future__ import annotations

from warledger.ingest.prepare import prepare
from warledger.ledger.consolidated_store import run_consolidation
from warledger.ledger.store import Store
from warledger.types import (
    Actor,
    Count,
    Document,
    DocumentResult,
    Event,
    Location,
    Position,
    RawDocument,
    Span,
    When,
)

RU = Actor(name="Russia", side="RU", type="state")
UA = Actor(name="Ukraine", side="UA", type="state")
KHARKIV = Location("Kharkiv", "Kharkiv Oblast", "UA", 49.9935, 36.2304, "settlement")
ODESA = Location("Odesa", "Odesa Oblast", "UA", 46.4825, 30.7233, "settlement")
POKROVSK = Location("Pokrovsk", "Donetsk Oblast", "UA", 48.2826, 37.1758, "settlement")
ZAPORIZHZHIA = Location("Zaporizhzhia Oblast", "Zaporizhzhia Oblast", "UA", None, None, "admin1")
ISTANBUL = Location("Istanbul", None, "TR", 41.0082, 28.9784, "settlement")
MOGADISHU = Location("Mogadishu", None, "SO", 2.0371, 45.3438, "settlement")
SCRIPT = "<script>window.__pwned = 1; document.title = 'pwned';</script>"

ARTICLES = {
    "kharkiv_a": (
        "Drone strike kills three in Kharkiv",
        "outlet-a.example",
        "2025-03-10",
        "Russian drones struck a residential building in Kharkiv overnight, killing three "
        "people, the regional governor said on Monday.\n"
        "Rescue crews worked through the morning.",
    ),
    "kharkiv_b": (
        "Five dead after drone attack on Kharkiv",
        "outlet-b.example",
        "2025-03-10",
        "Five people were killed when Russian drones hit an apartment block in Kharkiv "
        "overnight, the city's mayor said.\n"
        "Officials said the toll could rise.",
    ),
    "odesa": (
        "Missile hits Odesa port",
        "outlet-a.example",
        "2025-03-11",
        "A Russian missile hit port facilities in Odesa on Tuesday, injuring two workers.\n"
        f"A post shared online read {SCRIPT} before it was deleted.",
    ),
    "front": (
        "Fighting near Pokrovsk",
        "outlet-c.example",
        "2025-03-12",
        "Ukrainian forces repelled an assault near Pokrovsk on Wednesday, the general "
        "staff said.\nRussian shelling was also reported in Zaporizhzhia Oblast.",
    ),
    "elsewhere": (
        "Car bomb in Mogadishu",
        "outlet-c.example",
        "2025-03-13",
        "A car bomb exploded near a market in Mogadishu on Thursday, killing four people, "
        "police said.",
    ),
    "peace": (
        "Talks in Istanbul, energy truce declared",
        "outlet-b.example",
        "2025-03-18",
        "Russian and Ukrainian delegations held talks in Istanbul on March 14.\n"
        "On Tuesday both sides declared a 30-day ceasefire on strikes against energy "
        "infrastructure.\nRussia said any deal must recognise its control of occupied "
        "territory, while Ukraine said it would never cede occupied land.",
    ),
}


def span(doc: Document, sentence: str) -> Span:
    start = doc.text.index(sentence)
    return Span(start, start + len(sentence), sentence)


def _doc(store: Store, key: str) -> Document:
    title, source, published, text = ARTICLES[key]
    doc = prepare(
        RawDocument(
            text=text,
            origin=f"test:{key}",
            title=title,
            url=f"https://{source}/{key}",
            published=published,
            source=source,
        )
    )
    store.add_document(doc)
    return store.document(doc.doc_id)


def _day(d: str) -> When:
    return When(start=d, end=d, precision="day")


def results(docs: dict[str, Document]) -> dict[str, DocumentResult]:
    """The hand-written extraction of each article (what a careful reader would code)."""

    def first_line(key: str) -> Span:
        return span(docs[key], docs[key].text.splitlines()[0])

    def line(key: str, n: int) -> Span:
        return span(docs[key], docs[key].text.splitlines()[n])

    def result(key: str, events: list[Event], positions: list[Position] = ()) -> DocumentResult:
        d = docs[key]
        return DocumentResult(
            doc_id=d.doc_id,
            url=d.url,
            source=d.source,
            title=d.title,
            published=d.published,
            events=events,
            positions=list(positions),
        )

    return {
        "kharkiv_a": result(
            "kharkiv_a",
            [
                Event(
                    kind="strike",
                    actor=RU,
                    target=UA,
                    locations=[KHARKIV],
                    date=_day("2025-03-10"),
                    weapon="drone",
                    target_kind=["residential"],
                    counts={"killed": Count(3, "exact", "three")},
                    civilian=True,
                    claimant=Actor(name="regional governor", side="UA", type="person"),
                    evidence=[first_line("kharkiv_a")],
                    confidence=0.8,
                )
            ],
        ),
        "kharkiv_b": result(
            "kharkiv_b",
            [
                Event(
                    kind="strike",
                    actor=RU,
                    target=UA,
                    locations=[KHARKIV],
                    date=_day("2025-03-10"),
                    weapon="drone",
                    target_kind=["residential"],
                    counts={"killed": Count(5, "exact", "Five")},
                    civilian=True,
                    claimant=Actor(name="mayor", side="UA", type="person"),
                    evidence=[first_line("kharkiv_b")],
                    confidence=0.8,
                )
            ],
        ),
        "odesa": result(
            "odesa",
            [
                Event(
                    kind="strike",
                    actor=RU,
                    target=UA,
                    locations=[ODESA],
                    date=_day("2025-03-11"),
                    weapon="missile",
                    target_kind=["port"],
                    counts={"injured": Count(2, "exact", "two")},
                    evidence=[first_line("odesa"), line("odesa", 1)],
                    confidence=0.7,
                )
            ],
        ),
        "front": result(
            "front",
            [
                Event(
                    kind="ground_combat",
                    subtype="assault",
                    actor=RU,
                    target=UA,
                    locations=[POKROVSK],
                    date=_day("2025-03-12"),
                    evidence=[first_line("front")],
                    confidence=0.6,
                ),
                Event(
                    kind="strike",
                    actor=RU,
                    target=UA,
                    locations=[ZAPORIZHZHIA],
                    date=_day("2025-03-12"),
                    weapon="artillery",
                    evidence=[line("front", 1)],
                    confidence=0.5,
                ),
            ],
        ),
        "elsewhere": result(
            "elsewhere",
            [
                Event(
                    kind="strike",
                    locations=[MOGADISHU],
                    date=_day("2025-03-13"),
                    counts={"killed": Count(4, "exact", "four")},
                    evidence=[first_line("elsewhere")],
                    confidence=0.6,
                )
            ],
        ),
        "peace": result(
            "peace",
            [
                Event(
                    kind="talks",
                    subtype="held",
                    participants=[RU, UA],
                    locations=[ISTANBUL],
                    date=_day("2025-03-14"),
                    evidence=[first_line("peace")],
                    confidence=0.7,
                ),
                Event(
                    kind="ceasefire",
                    subtype="declared",
                    participants=[RU, UA],
                    date=_day("2025-03-18"),
                    scope=["energy"],
                    duration="P30D",
                    evidence=[line("peace", 1)],
                    confidence=0.7,
                ),
            ],
            [
                Position(RU, "territory", "no_recognition", _day("2025-03-01"), [line("peace", 2)]),
                Position(RU, "territory", "cede_occupied", _day("2025-03-18"), [line("peace", 2)]),
                Position(UA, "territory", "no_recognition", _day("2025-03-18"), [line("peace", 2)]),
            ],
        ),
    }


def build_ledger(url: str) -> None:
    """Fill an empty ledger at ``url`` with the articles above, extracted and consolidated."""
    with Store.open(url) as store:
        docs = {key: _doc(store, key) for key in ARTICLES}
        for key, res in results(docs).items():
            store.save_extraction(docs[key].doc_id, res, extractor_version="test")
        run_consolidation(store)


ODESA_AGAIN = "A Russian missile strike on the port of Odesa on Tuesday injured four people."


def add_second_odesa_report(url: str) -> None:
    """Another process consolidates a second outlet's report of the Odesa strike (the
    builder's says two injured, this one four): the same event, now disputed."""
    with Store.open(url) as store:
        doc = prepare(
            RawDocument(
                text=ODESA_AGAIN,
                origin="test:odesa-again",
                title="Odesa port strike",
                url="https://outlet-d.example/odesa",
                published="2025-03-11",
                source="outlet-d.example",
            )
        )
        store.add_document(doc)
        event = Event(
            kind="strike",
            actor=RU,
            target=UA,
            locations=[ODESA],
            date=When("2025-03-11", "2025-03-11", "day"),
            weapon="missile",
            counts={"injured": Count(4, "exact", "four")},
            evidence=[Span(0, len(ODESA_AGAIN), ODESA_AGAIN)],
        )
        result = DocumentResult(
            doc_id=doc.doc_id, url=doc.url, source="outlet-d.example", events=[event]
        )
        store.save_extraction(doc.doc_id, result, extractor_version="test")
        run_consolidation(store)
