"""What this app owns in its resource group, found by tag: for removing function apps the
program no longer declares, for reporting databases it no longer declares (their data is kept),
and for `mvc destroy --target azure`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..provider import KEPT, REMOVED
from . import names
from .cosmos import ACCOUNT
from .functions import APP, PLAN, ROUTES_SETTING, STORAGE, parse_routes
from .group import KIND as GROUP
from .session import Session, get_or_none

# Deletion order: a plan cannot go while a site uses it; accounts last (slowest).
_ORDER = {names.ROLE_FUNCTION_APP: 0, names.ROLE_PLAN: 1, names.ROLE_STORAGE: 2,
          names.ROLE_DATABASE: 3}
_KIND = {names.ROLE_FUNCTION_APP: APP, names.ROLE_PLAN: PLAN, names.ROLE_STORAGE: STORAGE,
         names.ROLE_DATABASE: ACCOUNT}


@dataclass(frozen=True)
class Owned:
    id: str
    name: str
    type: str
    role: str
    resource: str  # the program's name for it

    def label(self) -> str:
        if self.role == names.ROLE_FUNCTION_APP:
            return f"{self.resource} ({self.name})"
        return self.name


def _listed(session: Session) -> list[Any]:
    if not (session.can_read and session.group_exists):
        return []
    t = session.target
    with session.step(f"listing the resources of resource group {t.group}"):
        return list(session.az.resources.resources.list_by_resource_group(t.group))


def owned(session: Session, listed: list[Any] | None = None) -> list[Owned]:
    """This app's resources in this environment's group, in deletion order."""
    t = session.target
    found = []
    for r in _listed(session) if listed is None else listed:
        tags = dict(getattr(r, "tags", None) or {})
        role = tags.get(names.TAG_ROLE, "")
        if t.owns(tags) and role in _ORDER:
            found.append(Owned(str(r.id), str(r.name), str(r.type), role,
                               tags.get(names.TAG_RESOURCE, "")))
    return sorted(found, key=lambda o: (_ORDER[o.role], o.name))


def _delete(session: Session, item: Owned) -> None:
    t, az = session.target, session.az
    with session.step(f"deleting {_KIND[item.role]} {item.name}"):
        if item.role == names.ROLE_FUNCTION_APP:
            az.web.web_apps.delete(t.group, item.name)
        elif item.role == names.ROLE_PLAN:
            az.web.app_service_plans.delete(t.group, item.name)
        elif item.role == names.ROLE_STORAGE:
            az.storage.storage_accounts.delete(t.group, item.name)
        elif item.role == names.ROLE_DATABASE:
            session.wait(az.cosmos.database_accounts.begin_delete(t.group, item.name),
                         f"deleting Cosmos DB account {item.name}")


def _old_routes(session: Session, site: str) -> list[str]:
    with session.step(f"reading the app settings of {site}"):
        found = get_or_none(session.az.web.web_apps.list_application_settings,
                            session.target.group, site)
    return parse_routes((found.properties or {}).get(ROUTES_SETTING) if found else None)


def prune(session: Session, apps: set[str], databases: set[str]) -> None:
    """Removes function apps the program no longer declares (with their routes, plans and
    storage); reports databases it no longer declares, which stay with their data."""
    for item in owned(session):
        if item.role == names.ROLE_DATABASE:
            if item.resource not in databases:
                session.record(ACCOUNT, item.name, KEPT,
                               f"{item.resource} is no longer declared; its data is kept "
                               "until mvc destroy")
            continue
        if item.resource in apps:
            continue
        if item.role == names.ROLE_FUNCTION_APP:
            for route in _old_routes(session, item.name):
                session.record("route", route, REMOVED)
        if not session.dry_run:
            _delete(session, item)
        session.record(_KIND[item.role], item.label(), REMOVED)


def destroy(session: Session) -> None:
    """Deletes everything this app owns in the environment, then the group if this tool
    created it and nothing else is left in it. With dry_run, only reports."""
    t = session.target
    if session.can_read:
        with session.step(f"reading resource group {t.group}"):
            group = get_or_none(session.az.resources.resource_groups.get, t.group)
        session.group_exists = group is not None
    else:
        group = None
    if group is None:
        return
    listed = _listed(session)
    mine = owned(session, listed)
    for item in mine:
        if not session.dry_run:
            _delete(session, item)
        detail = "with its data" if item.role == names.ROLE_DATABASE else ""
        session.record(_KIND[item.role], item.label(), REMOVED, detail)
    tags = dict(group.tags or {})
    if not (t.owns(tags) and tags.get(names.TAG_ROLE) == names.ROLE_GROUP):
        return
    others = len(listed) - len(mine)
    if others:
        session.record(GROUP, t.group, KEPT, f"{others} other resource(s) in it")
        return
    if not session.dry_run:
        with session.step(f"deleting resource group {t.group}"):
            session.wait(session.az.resources.resource_groups.begin_delete(t.group),
                         f"deleting resource group {t.group}")
    session.record(GROUP, t.group, REMOVED)
