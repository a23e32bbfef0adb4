"""Errors that know their audience: a code, a CLI exit status and an HTTP status."""

from __future__ import annotations


class WarledgerError(Exception):
    """Base class; the CLI prints ``message`` and exits with ``exit_code``."""

    code = "warledger_error"
    exit_code = 1
    http_status = 500

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InputError(WarledgerError):
    """One input (file, URL, JSONL line) could not be read; the batch goes on."""

    code = "bad_input"
    http_status = 422

    def __init__(self, origin: str, reason: str) -> None:
        from warledger.safe_text import safe_text  # names can hold undecodable bytes

        origin, reason = safe_text(origin), safe_text(reason)
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason


class StoreError(WarledgerError):
    """The ledger store could not be opened or written."""

    code = "store_error"


class NotFound(WarledgerError):
    code = "not_found"
    http_status = 404


class UsageError(WarledgerError):
    code = "usage"
    exit_code = 2
    http_status = 422
