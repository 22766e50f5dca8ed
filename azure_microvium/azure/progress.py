"""Progress lines while Azure works: creating a Cosmos DB account takes minutes, and a deploy
that prints nothing for that long looks hung. Progress goes to stderr, so stdout stays the list
of changes."""
from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, Protocol, TextIO


class Poller(Protocol):
    """What this module needs of azure.core's LROPoller."""

    def done(self) -> bool: ...

    def wait(self, timeout: float | None = None) -> None: ...

    def result(self, timeout: float | None = None) -> Any: ...


class Progress:
    def __init__(self, out: TextIO, *, interval: float = 15.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.out = out
        self.interval = interval
        self.clock = clock

    def say(self, text: str) -> None:
        self.out.write(f"  ... {text}\n")
        self.out.flush()

    def wait(self, poller: Poller, what: str) -> Any:
        """Waits for a long-running operation, saying every `interval` seconds that it still
        runs; returns its result (raises its error)."""
        self.say(what)
        start = self.clock()
        next_report = start + self.interval
        while not poller.done():
            poller.wait(timeout=min(self.interval, 5.0))
            now = self.clock()
            if not poller.done() and now >= next_report:
                self.say(f"{what}: still running ({int(now - start)} s)")
                next_report = now + self.interval
        return poller.result()
