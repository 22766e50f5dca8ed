"""The provider interface: what a deploy asks of a cloud, local or Azure.

A deploy runs the program once. While it runs, each declaration calls the provider:
`ensure_database` must answer at once with what the run time needs to reach the database (the
program captures it in a closure, so it goes into the image); `ensure_function_app` answers with
the export id the handler is registered under; `bind_route` records a route. When the top level
has finished, the image is taken and `apply(image)` makes the cloud match the declarations:
creates what is new, updates what changed, removes apps and routes no longer declared (a
database that is no longer declared is left alone: its data is not the deploy's to delete).

The local provider (local_provider.py) defers all changes to `apply`, so a program that fails
half-way changes nothing. The Azure provider (azure/provider.py, `--target azure`) creates the
Cosmos DB account in `ensure_database` (it needs the real connection string) and the rest in
`apply`, with the same host functions and the same JS module; every step of it is idempotent,
so a failed deploy is continued by the next one.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from .resources import AppSpec, DatabaseSpec, RouteSpec

CREATED = "created"
UPDATED = "updated"
UNCHANGED = "unchanged"
REMOVED = "removed"
KEPT = "left alone"


@dataclass(frozen=True)
class Connection:
    """How the run time reaches one database: a connection string and a database name."""

    connection: str
    database: str


@dataclass(frozen=True)
class Change:
    kind: str  # "database", "function app", "route"
    name: str
    action: str  # CREATED, UPDATED, UNCHANGED, REMOVED, KEPT
    detail: str = ""

    def line(self) -> str:
        detail = f" ({self.detail})" if self.detail else ""
        return f"{self.kind} {self.name}: {self.action}{detail}"


class Provider(Protocol):
    name: str

    def ensure_database(self, spec: DatabaseSpec) -> Connection: ...

    def ensure_function_app(self, spec: AppSpec) -> int:
        """The export id under which the program registers this app's handler."""
        ...

    def bind_route(self, spec: RouteSpec) -> None: ...

    def apply(self, image: bytes, entry: str) -> list[Change]: ...

    def destroy(self) -> list[Change]: ...


def summary(changes: list[Change]) -> str:
    """The closing line of a deploy: counts of what happened."""
    counts: dict[str, int] = {}
    for c in changes:
        counts[c.action] = counts.get(c.action, 0) + 1
    if not any(a in counts for a in (CREATED, UPDATED, REMOVED)):
        return "no changes: everything is up to date"
    order = (CREATED, UPDATED, REMOVED, UNCHANGED, KEPT)
    return ", ".join(f"{counts[a]} {a}" for a in order if a in counts)
