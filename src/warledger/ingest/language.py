"""Language identification for ingest; the detector itself lives in :mod:`warledger.langid`,
which the extractor uses too without reaching back into ingest."""

from __future__ import annotations

from warledger.langid import detect_language

__all__ = ["detect_language"]
