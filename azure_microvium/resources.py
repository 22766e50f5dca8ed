"""What a program declares, checked once for every provider.

The deploy-time host turns each `new CosmosDB`, `new FunctionsApp` and `Internet.listenAt` into
a spec here. The rules are the strictest of the targets (Azure's resource-name rules), so a
program that deploys locally also deploys to Azure. A `Plan` collects the specs of one run and
refuses contradictions (two apps with one name, two apps on one route).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit


class ResourceError(Exception):
    """A declaration is invalid. Raised inside the program, so the class name is what the
    program's author reads: `Uncaught ResourceError: ...`."""


# Cosmos DB account names: 3-44 lowercase letters, digits and hyphens, not at either end.
_DATABASE_NAME = re.compile(r"^[a-z0-9](?:[a-z0-9-]{1,42})[a-z0-9]$")
# Function app (site) names: 2-60 letters, digits and hyphens, not at either end.
_APP_NAME = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,58})[A-Za-z0-9]$")
# A path segment: what URL routing can match exactly.
_PATH = re.compile(r"^(/[A-Za-z0-9._~!$&'()*+,;=:@%-]+)+$|^/$")

METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
ISOLATIONS = ("warm", "per-request")
DEFAULT_INSTANCES = 4
MAX_INSTANCES = 64


@dataclass(frozen=True)
class DatabaseSpec:
    name: str
    api: str = "mongo-db"


@dataclass(frozen=True)
class AppSpec:
    name: str
    isolation: str = "warm"
    instances: int = DEFAULT_INSTANCES


@dataclass(frozen=True)
class RouteSpec:
    method: str
    path: str
    app: str
    url: str


def _options(value: Any, what: str) -> dict[str, Any]:
    """A JS options argument (the deploy host passes undefined as None): None or an object."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ResourceError(f"{what}: options must be an object")
    return value


def _no_unknown(options: dict[str, Any], known: tuple[str, ...], what: str) -> None:
    unknown = sorted(set(options) - set(known))
    if unknown:
        raise ResourceError(f"{what}: unknown option {unknown[0]!r} (known: {', '.join(known)})")


def database_spec(name: Any, options: Any) -> DatabaseSpec:
    what = f"new CosmosDB({name!r})"
    if not isinstance(name, str) or not _DATABASE_NAME.match(name):
        raise ResourceError(f"{what}: a database name is 3-44 lowercase letters, digits and "
                            "hyphens, starting and ending with a letter or digit")
    opts = _options(options, what)
    _no_unknown(opts, ("api",), what)
    api = opts.get("api", "mongo-db")
    if api != "mongo-db":
        raise ResourceError(f"{what}: api {api!r} is not supported (use 'mongo-db')")
    return DatabaseSpec(name, api)


def app_spec(name: Any, options: Any) -> AppSpec:
    what = f"new FunctionsApp({name!r})"
    if not isinstance(name, str) or not _APP_NAME.match(name):
        raise ResourceError(f"{what}: a function app name is 2-60 letters, digits and hyphens, "
                            "starting and ending with a letter or digit")
    opts = _options(options, what)
    _no_unknown(opts, ("isolation", "instances"), what)
    isolation = opts.get("isolation", "warm")
    if isolation not in ISOLATIONS:
        raise ResourceError(f"{what}: isolation must be 'warm' or 'per-request'")
    instances = opts.get("instances", DEFAULT_INSTANCES)
    if not isinstance(instances, int) or isinstance(instances, bool) or \
            not 1 <= instances <= MAX_INSTANCES:
        raise ResourceError(f"{what}: instances must be a whole number from 1 to {MAX_INSTANCES}")
    return AppSpec(name, isolation, instances)


def normalize_path(path: str) -> str:
    """Route paths compare without a trailing slash ("/a/" is "/a")."""
    if len(path) > 1 and path.endswith("/"):
        path = path.rstrip("/") or "/"
    return path


def route_spec(url: Any, method: Any, app: str) -> RouteSpec:
    what = f"Internet.listenAt({url!r}, {method!r})"
    if not isinstance(url, str) or not url:
        raise ResourceError(f"{what}: the url must be a string such as "
                            "'https://example.com/path' or '/path'")
    parts = urlsplit(url)
    if parts.scheme and parts.scheme not in ("http", "https"):
        raise ResourceError(f"{what}: the url must be http(s)")
    if parts.query or parts.fragment:
        raise ResourceError(f"{what}: the url must not have a query or a fragment")
    path = normalize_path(parts.path or "/")
    if not _PATH.match(path):
        raise ResourceError(f"{what}: the path {path!r} has characters a route cannot use")
    if not isinstance(method, str) or method.upper() not in METHODS:
        raise ResourceError(f"{what}: the method must be one of {', '.join(METHODS)}")
    return RouteSpec(method.upper(), path, app, url)


@dataclass
class Plan:
    """Everything one run of a program declared, in declaration order."""

    databases: dict[str, DatabaseSpec] = field(default_factory=dict)
    apps: dict[str, AppSpec] = field(default_factory=dict)
    routes: dict[tuple[str, str], RouteSpec] = field(default_factory=dict)

    def add_database(self, spec: DatabaseSpec) -> None:
        old = self.databases.get(spec.name)
        if old is not None and old != spec:
            raise ResourceError(f"CosmosDB {spec.name!r} is declared twice with different options")
        self.databases[spec.name] = spec

    def add_app(self, spec: AppSpec) -> None:
        if spec.name in self.apps:
            raise ResourceError(f"FunctionsApp {spec.name!r} is declared twice")
        self.apps[spec.name] = spec

    def add_route(self, spec: RouteSpec) -> None:
        if spec.app not in self.apps:
            raise ResourceError(f"Internet.listenAt: unknown function app {spec.app!r}")
        key = (spec.method, spec.path)
        old = self.routes.get(key)
        if old is not None:
            raise ResourceError(f"{spec.method} {spec.path} is already routed to {old.app!r}")
        self.routes[key] = spec


