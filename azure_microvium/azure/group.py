"""The environment's resource group: created if missing, never changed if it exists.

A group this tool created carries our tags (role resource-group), and only such a group is
deleted by destroy, and only once it is empty: a group given by somebody else, or shared with
other resources, stays.
"""
from __future__ import annotations

import dataclasses

from ..provider import CREATED, UNCHANGED
from .errors import AzureDeployError
from .names import ROLE_GROUP
from .session import Session, get_or_none

KIND = "resource group"


def ensure_group(session: Session) -> None:
    t = session.target
    name = t.group
    if session.can_read:
        with session.step(f"reading resource group {name}"):
            existing = get_or_none(session.az.resources.resource_groups.get, name)
    else:
        existing = None
    if existing is not None:
        session.group_exists = True
        if not t.location:  # resources go where their group is, unless told otherwise
            session.target = dataclasses.replace(t, location=existing.location)
        session.record(KIND, name, UNCHANGED, existing.location or "")
        return
    if not t.location:
        raise AzureDeployError(f"resource group {name} does not exist and no --location was "
                               "given to create it: add --location (e.g. westeurope)")
    if not session.dry_run:
        with session.step(f"creating resource group {name}"):
            session.az.resources.resource_groups.create_or_update(
                name, {"location": t.location, "tags": t.tags(ROLE_GROUP, name)})
        session.group_exists = True
    session.record(KIND, name, CREATED, t.location)
