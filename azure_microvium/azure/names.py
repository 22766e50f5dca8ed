"""Where one program's resources live on Azure, what they are called and how they are tagged.

There is no state file: a deploy finds its resources again by name, and destroy finds them by
tag. So every name is a pure function of (resource group, app, environment, the program's name
for the resource), and every resource carries the tags below.

Several kinds of names are global (DNS-wide) on Azure: Cosmos DB accounts, storage accounts and
function apps (<name>.azurewebsites.net). Those get a short hash of the inputs as a suffix, so
two programs, two environments or two resource groups never ask for the same name, and the same
program asks for the same name every time. The hash is of names only: the subscription is left
out so that a name does not change when a CI job uses another identity.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass

from ..project import DEFAULT_ENV

TAG_APP = "mvc-app"
TAG_ENV = "mvc-env"
TAG_ROLE = "mvc-role"  # what the resource is for: see the ROLE_* constants
TAG_RESOURCE = "mvc-resource"  # the program's name for it (CosmosDB / FunctionsApp name)

ROLE_GROUP = "resource-group"
ROLE_DATABASE = "database"  # a Cosmos DB account (one per CosmosDB declaration)
ROLE_STORAGE = "storage"  # the storage account a function app needs
ROLE_PLAN = "plan"  # its Flex Consumption plan
ROLE_FUNCTION_APP = "function-app"  # the function app (site) itself

# Resource group names: 1-90 letters, digits, '-', '_', '.', '(' and ')', not ending in '.'.
_GROUP = re.compile(r"^[-\w.()]{0,89}[-\w()]$")
_APP = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")
HASH_LEN = 10


class InvalidName(ValueError):
    """A name given on the command line is not valid on Azure."""


@dataclass(frozen=True)
class Target:
    """One program deployed to one environment on Azure."""

    subscription: str | None
    resource_group: str  # as given on the command line
    location: str | None
    env: str
    app: str
    auth: str = "anonymous"

    @property
    def group(self) -> str:
        """The environment's resource group: the one given for the default environment,
        `<given>-<env>` for any other, so that environments never share resources."""
        return self.resource_group if self.env == DEFAULT_ENV else f"{self.resource_group}-{self.env}"

    def tags(self, role: str, resource: str) -> dict[str, str]:
        return {TAG_APP: self.app, TAG_ENV: self.env, TAG_ROLE: role, TAG_RESOURCE: resource}

    def owns(self, tags: dict[str, str] | None) -> bool:
        tags = tags or {}
        return tags.get(TAG_APP) == self.app and tags.get(TAG_ENV) == self.env


def check_group(name: str) -> str:
    if not _GROUP.match(name) or len(name) > 90:
        raise InvalidName(f"resource group {name!r}: use 1-90 letters, digits, '-', '_', '.', "
                         "'(' or ')', not ending in '.'")
    return name


def app_slug(text: str) -> str:
    """A name usable in tags and as the prefix of resource names (npm scopes flattened)."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40].strip("-")
    if not _APP.match(slug):
        raise InvalidName(f"app name {text!r}: give one with --app (letters, digits, '-')")
    return slug


def app_name_for(entry: str) -> str:
    """The app's name: "name" of the nearest package.json above the program, else the name of
    the program's folder. Deploy and destroy must agree on it: it is in every tag."""
    here = os.path.dirname(os.path.abspath(entry))
    while True:
        path = os.path.join(here, "package.json")
        if os.path.isfile(path):
            try:
                with open(path, encoding="utf-8") as f:
                    name = json.load(f).get("name")
            except (OSError, ValueError, AttributeError):
                name = None
            if isinstance(name, str) and name:
                return app_slug(name)
            break
        parent = os.path.dirname(here)
        if parent == here:
            break
        here = parent
    return app_slug(os.path.basename(os.path.dirname(os.path.abspath(entry))))


def _hash(target: Target, role: str, resource: str) -> str:
    key = f"{target.group}/{target.app}/{target.env}/{role}/{resource}".lower()
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:HASH_LEN]


def cosmos_account(target: Target, database: str) -> str:
    """3-44 lowercase letters, digits and hyphens; global."""
    base = database.lower()[: 44 - 1 - HASH_LEN].strip("-")
    return f"{base}-{_hash(target, ROLE_DATABASE, database)}"


def storage_account(target: Target, app: str) -> str:
    """3-24 lowercase letters and digits only; global."""
    base = re.sub(r"[^a-z0-9]", "", app.lower())[: 24 - HASH_LEN]
    return f"{base}{_hash(target, ROLE_STORAGE, app)}"


def plan(target: Target, app: str) -> str:
    """1-60 characters, unique in the resource group (hashed: programs may share a group)."""
    base = app.lower()[: 60 - 6 - HASH_LEN].strip("-")
    return f"plan-{base}-{_hash(target, ROLE_PLAN, app)}"


def site(target: Target, app: str) -> str:
    """2-60 letters, digits and hyphens; global (<name>.azurewebsites.net)."""
    base = app.lower()[: 60 - 1 - HASH_LEN].strip("-")
    return f"{base}-{_hash(target, ROLE_FUNCTION_APP, app)}"


# The blob container Flex Consumption deploys the package from.
DEPLOYMENT_CONTAINER = "app-package"
