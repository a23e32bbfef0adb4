"""Identity and near-identity of texts.

Exact: the SHA-256 of the canonical text names a document, so re-ingesting the same
input changes nothing. Near: a MinHash of word shingles finds syndicated copies (the
same wire story with a different byline, footer or headline) through LSH: each
signature is cut into bands, and documents sharing a band are candidates, confirmed by
their estimated Jaccard similarity. ``StoredNearDuplicates`` looks the bands up in the
ledger's ``minhash_bands`` index, so a check costs the same at a thousand documents or a
million; ``NearDuplicateIndex`` is the in-memory index it replaces (same decisions).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from functools import lru_cache

from datasketch import LeanMinHash, MinHash, MinHashLSH

NUM_PERM = 128
SHINGLE_WORDS = 5
THRESHOLD = 0.8
# An edited article at the same URL: a paragraph added to a ten-paragraph story keeps
# about 0.9 of its shingles, a rewrite of half of it about 0.3; another story shares ~0.
UPDATE_THRESHOLD = 0.3
SEED = 1
_WORD = re.compile(r"\w+")


def content_hash(text: str) -> str:
    """SHA-256 hex digest of the canonical text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def doc_id_for(hash_hex: str) -> str:
    """The document id derived from a content hash: ``"d-"`` + its first 16 hex digits."""
    return "d-" + hash_hex[:16]


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """Overlapping runs of ``size`` lower-cased words (the whole text if it is shorter)."""
    words = _WORD.findall(text.casefold())
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def signature(text: str) -> LeanMinHash:
    """MinHash of the text's word shingles (fixed seed, so signatures compare across runs)."""
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED)
    minhash.update_batch([s.encode("utf-8") for s in shingles(text)])
    return LeanMinHash(minhash)


def serialize(sig: LeanMinHash) -> bytes:
    buffer = bytearray(sig.bytesize())
    sig.serialize(buffer)
    return bytes(buffer)


def deserialize(data: bytes) -> LeanMinHash:
    return LeanMinHash.deserialize(bytearray(data))


class NearDuplicateIndex:
    """Which stored document, if any, a new text is a syndicated copy of."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._signatures: dict[str, LeanMinHash] = {}

    @classmethod
    def from_signatures(
        cls, rows: Iterable[tuple[str, bytes | None]], threshold: float = THRESHOLD
    ) -> NearDuplicateIndex:
        """Build the index from ``(doc_id, serialized signature)`` rows, e.g. the store's."""
        index = cls(threshold)
        for doc_id, data in rows:
            if data:
                index.add(doc_id, deserialize(data))
        return index

    def __len__(self) -> int:
        return len(self._signatures)

    def add(self, doc_id: str, sig: LeanMinHash) -> None:
        if doc_id not in self._signatures:
            self._lsh.insert(doc_id, sig)
            self._signatures[doc_id] = sig

    def best_match(self, sig: LeanMinHash, *, exclude: str | None = None) -> str | None:
        """The most similar indexed document at or above the threshold, else None.

        LSH only proposes candidates; each is confirmed by its estimated Jaccard
        similarity so a chance collision is never reported as a copy.
        """
        best, best_score = None, self.threshold
        for doc_id in sorted(self._lsh.query(sig)):
            if doc_id == exclude:
                continue
            score = sig.jaccard(self._signatures[doc_id])
            if score >= best_score:
                best, best_score = doc_id, score
        return best


@lru_cache(maxsize=1)
def _band_ranges() -> tuple[tuple[int, int], ...]:
    """The (start, end) slices of a signature that datasketch's LSH uses as bands for our
    threshold and permutations (9 bands of 13 values at 0.8 and 128)."""
    return tuple(MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM).hashranges)


def band_keys(sig: LeanMinHash) -> list[tuple[int, int]]:
    """(band number, 64-bit key) for each band: two signatures share a key exactly when
    they agree on that whole band (up to a 2**-64 hash collision, which the Jaccard check
    then rejects)."""
    keys = []
    for band, (start, end) in enumerate(_band_ranges()):
        data = bytes(sig.hashvalues[start:end].byteswap().data)
        digest = hashlib.blake2b(data, digest_size=8).digest()
        keys.append((band, int.from_bytes(digest, "big", signed=True)))
    return keys


BandLookup = Callable[[list[tuple[int, int]]], Iterable[tuple[str, bytes]]]


class StoredNearDuplicates:
    """The near-duplicate check against bands persisted in the ledger.

    ``lookup(keys)`` returns ``(doc_id, signature)`` of the stored documents sharing a
    band key (``Store.band_candidates``: one indexed query); documents stored with their
    band keys (``Store.add_document(..., bands=...)``) are found by later checks at once.
    """

    def __init__(self, lookup: BandLookup, threshold: float = THRESHOLD) -> None:
        self.lookup = lookup
        self.threshold = threshold

    def best_match(self, sig: LeanMinHash, *, exclude: str | None = None) -> str | None:
        """The most similar stored document at or above the threshold, else None (ties:
        as ``NearDuplicateIndex.best_match``, the last by doc_id)."""
        best, best_score = None, self.threshold
        for doc_id, data in sorted(self.lookup(band_keys(sig))):
            if doc_id == exclude:
                continue
            score = sig.jaccard(deserialize(data))
            if score >= best_score:
                best, best_score = doc_id, score
        return best
