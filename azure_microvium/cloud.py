"""The local cloud at run time: an environment's deployment, served.

`LocalCloud` reads the environment's state.json and keeps one `AppRuntime` (a pool of
instances resumed from the app's image) per function app, and the route table the gateway
resolves paths with. `reload()` follows a new deployment: apps whose image and options did not
change keep their warm instances; the others get new pools and the old ones drain (requests in
flight finish on the old instances, which are then closed).
"""
from __future__ import annotations

import logging
import os
import threading
from collections.abc import Mapping

from hostlib import Host

from .idempotency import Faults
from .instances import AppRuntime, Limits
from .local_state import DeployedApp, LocalState, load_state
from .project import EnvPaths
from .runtime import DataFunctions, LineWriter, run_host
from .sealing import sealer_from_env
from .store import StoreRegistry

log = logging.getLogger("azure_microvium.cloud")


class LocalCloud:
    def __init__(self, paths: EnvPaths, limits: Limits | None = None,
                 faults: Faults | None = None) -> None:
        self.paths = paths
        self.limits = limits or Limits()
        self.faults = faults  # fault injection for load tests only (idempotency.py)
        self.stores = StoreRegistry()
        # Sealed connection strings in the image open with MVC_SEAL_KEY (sealing.py).
        self._data = DataFunctions(self.stores, sealer_from_env())
        self._apps: dict[str, tuple[DeployedApp, AppRuntime]] = {}
        # path -> {method -> app}: replaced whole on reload, never mutated, so the gateway's
        # lookups need no lock.
        self._routes: dict[str, dict[str, AppRuntime]] = {}
        self._state_stamp: tuple[int, int] | None = None
        self._reload_lock = threading.Lock()
        self.state: LocalState | None = None

    def _host(self, app: str) -> Host:
        return run_host(self._data, LineWriter(lambda line: log.info("%s: %s", app, line)))

    def resolve(self, path: str) -> Mapping[str, AppRuntime] | None:
        return self._routes.get(path)

    def app(self, name: str) -> AppRuntime:
        return self._apps[name][1]

    def _stamp(self) -> tuple[int, int] | None:
        try:
            st = os.stat(self.paths.state)
        except FileNotFoundError:
            return None
        return (st.st_mtime_ns, st.st_ino)

    def reload_if_changed(self) -> bool:
        """Reloads when state.json was replaced since the last load (a deploy happened)."""
        if self._stamp() == self._state_stamp:
            return False
        self.reload()
        return True

    def reload(self) -> None:
        with self._reload_lock:
            self._state_stamp = self._stamp()
            state = load_state(self.paths) or LocalState()
            apps: dict[str, tuple[DeployedApp, AppRuntime]] = {}
            retired: list[AppRuntime] = []
            for name, deployed in state.apps.items():
                old = self._apps.get(name)
                if old is not None and old[0] == deployed:
                    apps[name] = old
                    continue
                with open(self.paths.image(deployed.image), "rb") as f:
                    image = f.read()
                runtime = AppRuntime(
                    name, image, deployed.export_id, isolation=deployed.isolation,
                    instances=deployed.instances, host_factory=self._host, limits=self.limits,
                    faults=self.faults)
                runtime.pool.prewarm()
                apps[name] = (deployed, runtime)
            for name, (_, runtime) in self._apps.items():
                if apps.get(name, (None, None))[1] is not runtime:
                    retired.append(runtime)
            routes: dict[str, dict[str, AppRuntime]] = {}
            for route in state.routes.values():
                routes.setdefault(route.path, {})[route.method] = apps[route.app][1]
            self._apps, self._routes, self.state = apps, routes, state
            for runtime in retired:
                runtime.close()
            log.info("serving %d route(s), %d function app(s)", len(state.routes), len(apps))

    def close(self) -> None:
        with self._reload_lock:
            for _, runtime in self._apps.values():
                runtime.close()
            self._apps, self._routes = {}, {}
            self.stores.close()
