"""The Azure provider: the same program, the same JS module and host functions as the local
cloud, with resources on Azure (provider.py has the contract).

- `ensure_database` runs while the program runs, because the program keeps its answer: it
  creates the resource group, the Cosmos DB account and database if missing, and returns the
  real connection string, which the program captures and the image carries.
- `ensure_function_app` and `bind_route` only record: export ids are given in declaration order
  (no state file to remember them in), so an unchanged program gives a byte-identical image.
- `apply` makes each function app exist (storage, plan, site, settings), uploads its package
  when its digest differs from the one the app records, reports route changes, and removes
  apps the program no longer declares.

With `dry_run` (mvc deploy --plan) everything reads and nothing writes; without credentials
nothing is read either, and every resource is reported as created.
"""
from __future__ import annotations

from ..local_provider import FIRST_EXPORT_ID, LAST_EXPORT_ID
from ..provider import Change, Connection
from ..resources import AppSpec, DatabaseSpec, Plan, ResourceError, RouteSpec
from ..sealing import ENV as SEAL_SETTING
from ..server import DEFAULT_MAX_BODY
from . import cosmos, functions, inventory, package
from .errors import AzureDeployError
from .group import ensure_group
from .session import Session

# What the image holds for a database in a plan whose account does not exist yet. Nothing is
# deployed from a plan, so it never reaches a function.
PLANNED_CONNECTION = "mongodb://planned.invalid/"


class AzureProvider:
    name = "azure"

    def __init__(self, session: Session, seal_key: str | None = None) -> None:
        self.session = session
        # MVC_SEAL_KEY of the deploy: every app gets it as an app setting (sealing.py).
        self._settings = {SEAL_SETTING: seal_key} if seal_key else {}
        self.plan = Plan()
        self._export_ids: dict[str, int] = {}
        self._group_done = False
        # The first failure, kept because one raised inside the program reaches the caller
        # only as the text of a JS exception.
        self.failure: AzureDeployError | None = None

    # ---- during the program's run ----
    def _group(self) -> None:
        if not self._group_done:
            ensure_group(self.session)
            self._group_done = True

    def ensure_database(self, spec: DatabaseSpec) -> Connection:
        self.plan.add_database(spec)
        try:
            self._group()
            connection = cosmos.ensure_database(self.session, spec)
        except AzureDeployError as e:
            self.failure = self.failure or e
            raise
        return Connection(connection or PLANNED_CONNECTION, spec.name)

    def ensure_function_app(self, spec: AppSpec) -> int:
        self.plan.add_app(spec)
        export_id = FIRST_EXPORT_ID + len(self._export_ids)
        if export_id > LAST_EXPORT_ID:
            raise ResourceError("too many function apps in one program")
        self._export_ids[spec.name] = export_id
        return export_id

    def bind_route(self, spec: RouteSpec) -> None:
        if spec.path == "/":
            raise ResourceError(f"Internet.listenAt({spec.url!r}): Azure Functions cannot route "
                                "the root path; give the URL a path, e.g. /api")
        self.plan.add_route(spec)

    # ---- after it ----
    def routes_of(self, app: str) -> list[RouteSpec]:
        return [r for r in self.plan.routes.values() if r.app == app]

    def apply(self, image: bytes, entry: str) -> list[Change]:
        try:
            return self._apply(image)
        except AzureDeployError as e:
            self.failure = self.failure or e
            raise

    def _apply(self, image: bytes) -> list[Change]:
        s = self.session
        self._group()
        for name, spec in self.plan.apps.items():
            storage = functions.ensure_storage(s, name)
            plan_id = functions.ensure_plan(s, name)
            site = functions.ensure_site(s, name, plan_id, storage, self._settings)
            routes = self.routes_of(name)
            built, note = self._package(spec, routes, image)
            old_routes = site.settings.get(functions.ROUTES_SETTING)
            functions.ensure_code(s, site, built, routes, upload_note=note)
            functions.record_routes(s, site, old_routes, routes)
        inventory.prune(s, set(self.plan.apps), set(self.plan.databases))
        return s.changes

    def _package(self, spec: AppSpec, routes: list[RouteSpec], image: bytes
                 ) -> tuple[package.AppPackage | None, str]:
        """The app's package; in a plan, None (with why) when it cannot be built here or its
        image is not the real one."""
        if self.session.dry_run and not self.session.can_read:
            return None, "new package"
        try:
            return package.build(spec, self._export_ids[spec.name], routes, image,
                                 auth=self.session.target.auth, max_body=DEFAULT_MAX_BODY), ""
        except package.PackageError as e:
            if self.session.dry_run:
                return None, f"cannot compare: {e}"
            raise AzureDeployError(str(e)) from e

    def destroy(self) -> list[Change]:
        inventory.destroy(self.session)
        return self.session.changes
