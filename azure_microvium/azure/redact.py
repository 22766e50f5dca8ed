"""Secrets never reach the terminal or a log.

A deploy handles two kinds of secrets: the Cosmos DB connection string (which only belongs in
the image) and the storage account key (in the AzureWebJobsStorage app setting that the
Functions host needs). Each is registered here as soon as it is read from Azure, and every
line the deploy writes, to stdout, stderr or the `azure` loggers, goes through `Redactor`,
so that an error message or a program's print that happens to contain one shows `***`.
"""
from __future__ import annotations

import contextlib
import logging
import re
import sys
from collections.abc import Iterator
from typing import Any, TextIO
from urllib.parse import quote, unquote

MASK = "***"
# The parts of a connection string that are secret on their own.
_MONGO_PASSWORD = re.compile(r"^mongodb(?:\+srv)?://[^:/@]+:([^@]+)@")
_ACCOUNT_KEY = re.compile(r"AccountKey=([^;]+)")


class Redactor:
    def __init__(self) -> None:
        self._secrets: set[str] = set()

    def add(self, secret: str) -> None:
        """Registers a secret, with the key inside it and its URL-encoded forms."""
        parts = {secret}
        for pattern in (_MONGO_PASSWORD, _ACCOUNT_KEY):
            m = pattern.search(secret)
            if m:
                parts.add(m.group(1))
        parts |= {form for p in parts for form in (unquote(p), quote(p, safe=""))}
        # Short fragments would mask ordinary words.
        self._secrets.update(p for p in parts if len(p) >= 8)

    def __call__(self, text: str) -> str:
        for secret in sorted(self._secrets, key=len, reverse=True):
            if secret in text:
                text = text.replace(secret, MASK)
        return text


class RedactingStream:
    """A text stream that masks secrets, then writes to the stream it wraps."""

    def __init__(self, target: TextIO, redactor: Redactor) -> None:
        self._target = target
        self._redact = redactor

    def write(self, text: str) -> int:
        self._target.write(self._redact(text))
        return len(text)

    def flush(self) -> None:
        self._target.flush()

    def isatty(self) -> bool:
        return self._target.isatty()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._target, name)


class RedactingFilter(logging.Filter):
    def __init__(self, redactor: Redactor) -> None:
        super().__init__()
        self._redact = redactor

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = self._redact(record.getMessage())
        record.args = None
        return True


# Loggers whose records may carry request or response text. A logger's own filters do not
# apply to its children's records, so the filter goes on the handlers records end up in.
_LOGGERS = ("", "azure", "azure_microvium", "msal", "urllib3")


@contextlib.contextmanager
def redacted_output(redactor: Redactor) -> Iterator[None]:
    """For the block: sys.stdout, sys.stderr and the SDK loggers mask registered secrets."""
    old_out, old_err = sys.stdout, sys.stderr
    sys.stdout = RedactingStream(old_out, redactor)  # type: ignore[assignment]
    sys.stderr = RedactingStream(old_err, redactor)  # type: ignore[assignment]
    filt = RedactingFilter(redactor)
    handlers = {h for name in _LOGGERS for h in logging.getLogger(name).handlers}
    if logging.lastResort is not None:
        handlers.add(logging.lastResort)
    for h in handlers:
        h.addFilter(filt)
    try:
        yield
    finally:
        for h in handlers:
            h.removeFilter(filt)
        sys.stdout, sys.stderr = old_out, old_err
