"""The deployment record of one local environment: `.mvc/<env>/state.json`.

It is what the last successful deploy made: databases, function apps (image digest, export id,
options) and routes. Deploy compares a new program's declarations with it to say what changes;
the server builds its routes and instances from it and reloads when it changes.
"""
from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field
from typing import Any

from .fsutil import read_json, write_json_private
from .project import EnvPaths
from .resources import AppSpec, DatabaseSpec, RouteSpec

FORMAT = 1


class StateError(Exception):
    """The state file is missing or unreadable."""


@dataclass(frozen=True)
class DeployedApp:
    name: str
    export_id: int
    image: str  # digest; the image is EnvPaths.image(digest)
    isolation: str
    instances: int

    def spec(self) -> AppSpec:
        return AppSpec(self.name, self.isolation, self.instances)


@dataclass
class LocalState:
    connection: str = ""
    entry: str = ""
    deployed_at: str = ""
    databases: dict[str, DatabaseSpec] = field(default_factory=dict)
    apps: dict[str, DeployedApp] = field(default_factory=dict)
    routes: dict[tuple[str, str], RouteSpec] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "provider": "local",
            "connection": self.connection,
            "entry": self.entry,
            "deployed_at": self.deployed_at,
            "databases": {n: {"api": d.api} for n, d in sorted(self.databases.items())},
            "apps": {n: {k: v for k, v in asdict(a).items() if k != "name"}
                     for n, a in sorted(self.apps.items())},
            "routes": [asdict(r) for _, r in sorted(self.routes.items())],
        }

    @classmethod
    def from_json(cls, data: Any) -> LocalState:
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise StateError("state file of an unknown format")
        try:
            return cls(
                connection=str(data["connection"]),
                entry=str(data.get("entry", "")),
                deployed_at=str(data.get("deployed_at", "")),
                databases={n: DatabaseSpec(n, d["api"]) for n, d in data["databases"].items()},
                apps={n: DeployedApp(n, int(a["export_id"]), a["image"], a["isolation"],
                                     int(a["instances"])) for n, a in data["apps"].items()},
                routes={(r["method"], r["path"]): RouteSpec(r["method"], r["path"], r["app"],
                                                            r["url"]) for r in data["routes"]},
            )
        except (KeyError, TypeError, ValueError, AttributeError) as e:
            raise StateError(f"damaged state file ({type(e).__name__}: {e})") from e

    def same_deployment(self, other: LocalState) -> bool:
        """Equal apart from when and from which file it was deployed."""
        mine, theirs = self.to_json(), other.to_json()
        for d in (mine, theirs):
            d.pop("deployed_at")
            d.pop("entry")
        return mine == theirs


def load_state(paths: EnvPaths) -> LocalState | None:
    """The environment's state, or None if it was never deployed."""
    if not os.path.isfile(paths.state):
        return None
    try:
        return LocalState.from_json(read_json(paths.state))
    except (OSError, ValueError) as e:
        raise StateError(f"{paths.state}: cannot read it: {e}") from e


def save_state(paths: EnvPaths, state: LocalState) -> None:
    write_json_private(paths.state, state.to_json())
