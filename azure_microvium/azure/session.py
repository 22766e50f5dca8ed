"""One run against Azure: the target, the clients, the changes made so far, and how each step's
failure is reported.

Every create is "GET, and PUT only if missing", so a run can stop anywhere and the next run
continues from there. `changes` records each step as it completes: when a step fails, the
command lists what the run created before the failure.

`dry_run` (mvc deploy --plan) makes every step read and report without writing. With no
credentials at all, `clients` is None: nothing can be read, so every step reports a create.
"""
from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

from ..provider import CREATED, REMOVED, UPDATED, Change
from .clients import Clients
from .errors import AzureDeployError, explain
from .names import Target
from .progress import Progress
from .redact import Redactor

T = TypeVar("T")
NOT_FOUND_IS_AN_ERROR = {"SubscriptionNotFound", "InvalidSubscriptionId"}


@dataclass
class Session:
    target: Target
    clients: Clients | None
    progress: Progress
    redactor: Redactor
    dry_run: bool = False
    changes: list[Change] = field(default_factory=list)
    group_exists: bool = False  # set by group.ensure_group

    @property
    def can_read(self) -> bool:
        return self.clients is not None

    @property
    def location(self) -> str:
        """Where new resources go: --location, else the existing group's (group.py)."""
        assert self.target.location, "ensure_group runs first and requires a location"
        return self.target.location

    @property
    def az(self) -> Clients:
        assert self.clients is not None, "no clients in a plan without credentials"
        return self.clients

    def record(self, kind: str, name: str, action: str, detail: str = "") -> Change:
        change = Change(kind, name, action, detail)
        self.changes.append(change)
        return change

    def done(self) -> list[Change]:
        """What this run changed so far (for the report after a failure)."""
        return [c for c in self.changes if c.action in (CREATED, UPDATED, REMOVED)]

    @contextlib.contextmanager
    def step(self, doing: str, *, global_name: tuple[str, str] | None = None) -> Iterator[None]:
        """Turns an SDK failure inside the block into one AzureDeployError line."""
        try:
            yield
        except AzureDeployError:
            raise
        except Exception as e:
            from azure.core.exceptions import AzureError

            if not isinstance(e, AzureError):
                raise
            raise explain(e, doing, self.target, global_name=global_name) from e

    def wait(self, poller: Any, what: str) -> Any:
        return self.progress.wait(poller, what)

    def ensure_tags(self, resource_id: str, current: dict[str, str] | None,
                    desired: dict[str, str], what: str) -> bool:
        """Adds our tags to a resource that lacks them (destroy finds resources by tag).
        Merges, so tags that others added stay. True if it changed (or would change) them."""
        current = current or {}
        if all(current.get(k) == v for k, v in desired.items()):
            return False
        if not self.dry_run:
            from azure.mgmt.resource.resources.models import Tags, TagsPatchResource

            with self.step(f"tagging {what}"):
                self.wait(self.az.resources.tags.begin_update_at_scope(
                    resource_id, TagsPatchResource(operation="Merge",
                                                   properties=Tags(tags=desired))),
                          f"tagging {what}")
        return True


def get_or_none(call: Callable[..., T], *args: Any) -> T | None:
    """The resource, or None when Azure says it does not exist."""
    from azure.core.exceptions import ResourceNotFoundError

    try:
        return call(*args)
    except ResourceNotFoundError as e:
        # A 404 for the subscription itself is not "missing, create it".
        if e.error is not None and e.error.code in NOT_FOUND_IS_AN_ERROR:
            raise
        return None
