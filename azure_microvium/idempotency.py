"""Retries that do not duplicate: the request context of a handler call, and fault injection.

A client that did not get an answer (a connection reset, 503 because the instance serving it
stopped, 504) cannot know whether the handler's writes were applied. It may retry with the same
`Idempotency-Key` header (any 1-200 printable ASCII characters, unique per logical request,
e.g. a UUID). For the handler call of a request with a key:

- the n-th `insert` into a collection, of a document without an `_id`, gets an `_id` derived from
  (app, key, database, collection, n) instead of a fresh one; a retry of the request computes the
  same ids, and an insert whose id exists already is a success that returns that id (the
  document stays as first written). So a retried request inserts each of its documents once,
  however many attempts ran, even at the same time, even across a server restart;
- an insert of a document with its own `_id` is a success on a retry when the stored document is
  identical, and a DatabaseError (as without a key) when it differs.

`update`, `delete` and the reads run again on a retry: they are at-least-once. docs/cloud.md
("Delivery guarantee") states the whole contract.

Faults: the fault-injection hook of the load tests (tools/loadtest_faults.py). `Faults` decides,
at random with a fixed seed, to kill the instance serving a request at one of three points: before
the handler runs, right after one of its database writes committed (later writes of that call
are refused, as they would never happen in a dead process), or after the handler returned but
before the response is sent. A killed instance is discarded (the pool makes a fresh one from the
image) and the client gets 503 with `Retry-After`. `mvc dev` enables it with the environment
variable MVC_FAULTS, e.g. `MVC_FAULTS=kill=0.05,seed=7`; nothing else does.
"""
from __future__ import annotations

import hashlib
import random
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

HEADER = "idempotency-key"
MAX_KEY = 200
POINTS = ("start", "write", "end")


class BadKey(ValueError):
    pass


def request_key(headers: Mapping[str, Any]) -> str | None:
    """The request's Idempotency-Key (header names in lower case), or None. Raises BadKey."""
    key = headers.get(HEADER)
    if key is None:
        return None
    if not isinstance(key, str) or not 1 <= len(key) <= MAX_KEY or not all(
            " " <= c <= "~" for c in key):
        raise BadKey(f"the Idempotency-Key header must be 1-{MAX_KEY} printable ASCII "
                     "characters")
    return key


def derived_id(app: str, key: str, database: str, collection: str, n: int) -> str:
    """The `_id` of the n-th insert into database.collection by a call of app for request key:
    24 hex digits, like the ids new_id() makes."""
    text = "\0".join((app, key, database, collection, str(n)))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


class InstanceKilled(Exception):
    """Fault injection stopped the instance serving this request."""


@dataclass
class Faults:
    """Kills instances at random: each of POINTS happens with probability `kill` / 3."""

    kill: float = 0.0
    seed: int = 0
    killed: dict[str, int] = field(default_factory=lambda: dict.fromkeys(POINTS, 0))

    def __post_init__(self) -> None:
        self._rng = random.Random(self.seed)
        self._lock = threading.Lock()

    @classmethod
    def parse(cls, text: str) -> Faults:
        """`kill=0.05,seed=7` (MVC_FAULTS)."""
        opts: dict[str, str] = {}
        for part in filter(None, (p.strip() for p in text.split(","))):
            name, _, value = part.partition("=")
            opts[name.strip()] = value.strip()
        unknown = set(opts) - {"kill", "seed"}
        if unknown:
            raise ValueError(f"MVC_FAULTS: unknown setting {sorted(unknown)[0]!r} "
                             "(known: kill, seed)")
        kill = float(opts.get("kill", "0"))
        if not 0 <= kill <= 1:
            raise ValueError("MVC_FAULTS: kill must be a probability from 0 to 1")
        return cls(kill=kill, seed=int(opts.get("seed", "0")))

    def strike(self, point: str) -> bool:
        """True when the instance is to die at this point."""
        if self.kill <= 0:
            return False
        with self._lock:
            hit = self._rng.random() < self.kill / len(POINTS)
            if hit:
                self.killed[point] += 1
        return hit


class RequestContext:
    """What the host functions know about the request a handler call serves."""

    def __init__(self, app: str, key: str | None, faults: Faults | None = None) -> None:
        self.app = app
        self.key = key
        self.faults = faults
        self.killed_at: str | None = None
        self._inserts: dict[tuple[str, str], int] = {}

    def next_insert_id(self, database: str, collection: str) -> str | None:
        """The derived `_id` for the next insert into database.collection, None without a key."""
        if self.key is None:
            return None
        n = self._inserts.get((database, collection), 0)
        self._inserts[(database, collection)] = n + 1
        return derived_id(self.app, self.key, database, collection, n)

    def check(self) -> None:
        """Raises InstanceKilled when the instance died earlier in this call: a dead process
        makes no more writes."""
        if self.killed_at is not None:
            raise InstanceKilled(f"instance killed ({self.killed_at})")

    def fault(self, point: str) -> None:
        """Raises InstanceKilled when the instance dies here (or died earlier in this call)."""
        if self.killed_at is None and self.faults is not None and self.faults.strike(point):
            self.killed_at = point
        self.check()
