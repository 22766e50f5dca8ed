"""The local provider: the whole cloud on this machine, kept in `.mvc/<env>/`.

- A database is a montydb database in the environment's repository folder `data/`; its
  connection string is `montydb:///<abs path>/data`.
- A function app is a record in state.json: the image (stored once under images/, by digest,
  0600) and the export id of its handler. The server (cloud.py) resumes that image.
- A route is a record in state.json; the server's gateway routes by it.

Nothing is changed before `apply`, and `apply` writes the new state in one atomic replace,
so a deploy that fails leaves the environment as it was, and a server reading the state sees
the old deployment or the new one.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import os
import shutil

from .fsutil import write_private
from .local_state import DeployedApp, LocalState, load_state, save_state
from .project import EnvPaths
from .provider import (
    CREATED,
    KEPT,
    REMOVED,
    UNCHANGED,
    UPDATED,
    Change,
    Connection,
)
from .resources import AppSpec, DatabaseSpec, Plan, ResourceError, RouteSpec
from .store import DEFAULT_COLLECTION, local_connection

# Export ids of handlers are assigned from here up, clear of the small ids a program may give
# its own `vmExport` calls.
FIRST_EXPORT_ID = 0xF000
LAST_EXPORT_ID = 0xFFFF


def image_digest(image: bytes) -> str:
    return hashlib.sha256(image).hexdigest()[:24]


def _now() -> str:
    return _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")


def describe_app(app: DeployedApp) -> str:
    plural = "s" if app.instances != 1 else ""
    return f"{app.isolation}, up to {app.instances} instance{plural}"


def _app_detail(old: DeployedApp, new: DeployedApp) -> str:
    what = []
    if old.image != new.image:
        what.append("new image")
    if old.export_id != new.export_id:
        what.append(f"export {new.export_id}")
    if old.isolation != new.isolation:
        what.append(f"isolation {new.isolation}")
    if old.instances != new.instances:
        what.append(f"up to {new.instances} instance{'s' if new.instances != 1 else ''}")
    return ", ".join(what)


class LocalProvider:
    name = "local"

    def __init__(self, paths: EnvPaths) -> None:
        self.paths = paths
        self.previous = load_state(paths) or LocalState()
        self.connection = local_connection(paths.data)
        self.plan = Plan()
        self._export_ids: dict[str, int] = {}

    # ---- during the program's run ----
    def ensure_database(self, spec: DatabaseSpec) -> Connection:
        self.plan.add_database(spec)
        return Connection(self.connection, spec.name)

    def ensure_function_app(self, spec: AppSpec) -> int:
        self.plan.add_app(spec)
        # An app keeps its export id across deploys when it can, so that an unchanged program
        # gives a byte-identical image.
        taken = set(self._export_ids.values())
        old = self.previous.apps.get(spec.name)
        if old is not None and old.export_id not in taken:
            export_id = old.export_id
        else:
            used = taken | {a.export_id for a in self.previous.apps.values()}
            export_id = max(used, default=FIRST_EXPORT_ID - 1) + 1
            if export_id > LAST_EXPORT_ID:
                free = set(range(FIRST_EXPORT_ID, LAST_EXPORT_ID + 1)) - taken
                if not free:
                    raise ResourceError("too many function apps in one program")
                export_id = min(free)
        self._export_ids[spec.name] = export_id
        return export_id

    def bind_route(self, spec: RouteSpec) -> None:
        self.plan.add_route(spec)

    # ---- after it ----
    def apply(self, image: bytes, entry: str) -> list[Change]:
        digest = image_digest(image)
        changes = self._database_changes()
        apps = {
            name: DeployedApp(name, self._export_ids[name], digest, spec.isolation, spec.instances)
            for name, spec in self.plan.apps.items()
        }
        changes += self._app_changes(apps)
        changes += self._route_changes()
        new = LocalState(self.connection, entry, _now(), dict(self.plan.databases), apps,
                         dict(self.plan.routes))
        changed = any(c.action in (CREATED, UPDATED, REMOVED) for c in changes)
        intact = os.path.isfile(self.paths.image(digest)) or not apps
        if not changed and intact and new.same_deployment(self.previous):
            return changes  # nothing to write: an unchanged deploy leaves every file alone
        self._create_databases(changes)
        if not os.path.isfile(self.paths.image(digest)):
            write_private(self.paths.image(digest), image)
        save_state(self.paths, new)
        self._remove_unused_images({digest})
        return changes

    def _database_changes(self) -> list[Change]:
        from .store_montydb import MontyStore

        changes = []
        store = MontyStore(self.paths.data) if self.plan.databases else None
        for name, spec in self.plan.databases.items():
            exists = store is not None and store.database_exists(name)
            action = UNCHANGED if name in self.previous.databases and exists else CREATED
            changes.append(Change("database", name, action, spec.api if action == CREATED else ""))
        for name in self.previous.databases:
            if name not in self.plan.databases:
                changes.append(Change("database", name, KEPT,
                                      "no longer declared; its data is kept until mvc destroy"))
        return changes

    def _create_databases(self, changes: list[Change]) -> None:
        from .store_montydb import MontyStore

        created = [c.name for c in changes if c.kind == "database" and c.action == CREATED]
        if created:
            store = MontyStore(self.paths.data)
            for name in created:
                store.ensure_database(name, [DEFAULT_COLLECTION])

    def _app_changes(self, apps: dict[str, DeployedApp]) -> list[Change]:
        changes = []
        for name, app in apps.items():
            old = self.previous.apps.get(name)
            if old is None:
                changes.append(Change("function app", name, CREATED, describe_app(app)))
            elif old != app:
                changes.append(Change("function app", name, UPDATED, _app_detail(old, app)))
            else:
                changes.append(Change("function app", name, UNCHANGED))
        for name in self.previous.apps:
            if name not in apps:
                changes.append(Change("function app", name, REMOVED))
        return changes

    def _route_changes(self) -> list[Change]:
        changes = []
        for key, route in self.plan.routes.items():
            label = f"{route.method} {route.path}"
            old = self.previous.routes.get(key)
            if old is None:
                changes.append(Change("route", label, CREATED, f"-> {route.app}"))
            elif old.app != route.app:
                changes.append(Change("route", label, UPDATED, f"-> {route.app}"))
            else:
                changes.append(Change("route", label, UNCHANGED, f"-> {route.app}"))
        for key, route in self.previous.routes.items():
            if key not in self.plan.routes:
                changes.append(Change("route", f"{route.method} {route.path}", REMOVED))
        return changes

    def _remove_unused_images(self, keep: set[str]) -> None:
        if not os.path.isdir(self.paths.images):
            return
        for name in os.listdir(self.paths.images):
            digest, ext = os.path.splitext(name)
            if ext == ".mvm-bc" and digest not in keep:
                os.unlink(os.path.join(self.paths.images, name))

    def destroy(self) -> list[Change]:
        """Removes the environment: routes, apps, databases with their data, logs."""
        changes = [Change("route", f"{r.method} {r.path}", REMOVED)
                   for r in self.previous.routes.values()]
        changes += [Change("function app", n, REMOVED) for n in self.previous.apps]
        from .store_montydb import iter_databases

        names = set(self.previous.databases) | set(iter_databases(self.paths.data))
        changes += [Change("database", n, REMOVED, "with its data") for n in sorted(names)]
        shutil.rmtree(self.paths.root, ignore_errors=True)
        return changes
