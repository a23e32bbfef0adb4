"""Ingestion: read news from files, JSONL, stdin, URLs and feeds into canonical documents.

``readers.iter_raw`` turns inputs into ``RawDocument``s (or ``InputError``s),
``clean.clean_text`` gives the canonical text, ``prepare.prepare`` hashes it, detects its
language and signs it for near-duplicate search, and ``run.ingest`` stores the lot.
"""
