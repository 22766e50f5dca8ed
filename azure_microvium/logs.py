"""The environment's log, `.mvc/<env>/logs/cloud.log`: requests, handler output, errors.

Everything the local cloud logs goes through the `azure_microvium` logger; `attach` adds a
handler writing one line per record to the environment's file (and to the terminal under
`mvc dev`). `mvc logs` reads the file back. A handler's print() lines are logged as
"APP: text", errors with their error id, so the id in a 500 response finds its line here.
"""
from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Iterator
from typing import TextIO

LOGGER = "azure_microvium"
_FORMAT = "%(asctime)s %(levelname)s %(message)s"


class _UTCFormatter(logging.Formatter):
    """ISO 8601 times in UTC with milliseconds: one clock for every environment's log."""

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:
        t = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created))
        return f"{t}.{int(record.msecs):03d}Z"


class Attached:
    """Handlers added by `attach`, removed again by `detach` (tests run several clouds)."""

    def __init__(self, handlers: list[logging.Handler], propagate: bool = True) -> None:
        self.handlers = handlers
        self._propagate = propagate

    def detach(self) -> None:
        logger = logging.getLogger(LOGGER)
        for h in self.handlers:
            logger.removeHandler(h)
            h.close()
        if not logger.handlers:  # the last one out restores what attach found
            logger.propagate = self._propagate


def attach(log_file: str | None, console: TextIO | None = None) -> Attached:
    logger = logging.getLogger(LOGGER)
    was_propagating = logger.propagate if not logger.handlers else True
    logger.setLevel(logging.INFO)
    # The environment's log is the record; do not also print through the root logger.
    logger.propagate = False
    handlers: list[logging.Handler] = []
    if log_file is not None:
        os.makedirs(os.path.dirname(log_file), exist_ok=True)
        handlers.append(logging.FileHandler(log_file, encoding="utf-8"))
    if console is not None:
        handlers.append(logging.StreamHandler(console))
    for h in handlers:
        h.setFormatter(_UTCFormatter(_FORMAT))
        logger.addHandler(h)
    return Attached(handlers, was_propagating)


def tail(log_file: str, lines: int) -> list[str]:
    """The last `lines` lines of the log (all when lines <= 0)."""
    try:
        with open(log_file, encoding="utf-8", errors="replace") as f:
            content = f.read().splitlines()
    except FileNotFoundError:
        return []
    return content if lines <= 0 else content[-lines:]


def follow(log_file: str, poll: float = 0.25) -> Iterator[str]:
    """Lines appended to the log from now on, until interrupted."""
    while not os.path.exists(log_file):
        time.sleep(poll)
    with open(log_file, encoding="utf-8", errors="replace") as f:
        f.seek(0, os.SEEK_END)
        partial = ""
        while True:
            chunk = f.readline()
            if not chunk:
                time.sleep(poll)
                continue
            partial += chunk
            if partial.endswith("\n"):
                yield partial.rstrip("\n")
                partial = ""


def console_stream() -> TextIO:
    return sys.stderr
