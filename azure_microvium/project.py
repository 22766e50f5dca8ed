"""Where a project's program and its local cloud state are.

The project directory is where the commands keep state: the current folder, or the nearest
folder above it holding a package.json or a .mvc folder (so commands work from a sub-folder, as
npm's do), or the folder given with --project. Each environment of the project has its own
state folder, `.mvc/<env>/`: its deployment record, images, database files and logs. So
`mvc dev examples/x/main.js` and then `mvc db NAME find`, run from the same folder, see the
same cloud.
"""
from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass

STATE_DIR = ".mvc"
DEFAULT_ENV = "dev"
_ENV_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,31}$")


class ProjectError(Exception):
    """A project or environment cannot be found or used (shown as one line)."""


def find_project_dir(explicit: str | None = None, cwd: str | None = None) -> str:
    if explicit:
        if not os.path.isdir(explicit):
            raise ProjectError(f"{explicit}: no such folder")
        return os.path.abspath(explicit)
    start = os.path.abspath(cwd or os.getcwd())
    here = start
    while True:
        if os.path.isfile(os.path.join(here, "package.json")) or \
                os.path.isdir(os.path.join(here, STATE_DIR)):
            return here
        parent = os.path.dirname(here)
        if parent == here:
            return start
        here = parent


def entry_from_package_json(project_dir: str) -> str:
    """The program named by the "main" field of package.json in project_dir."""
    path = os.path.join(project_dir, "package.json")
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except FileNotFoundError:
        raise ProjectError(f"no FILE given and no package.json in {project_dir}") from None
    except (OSError, ValueError) as e:
        raise ProjectError(f"{path}: cannot read it: {e}") from None
    main = data.get("main") if isinstance(data, dict) else None
    if not isinstance(main, str) or not main:
        raise ProjectError(f'{path}: no "main" field naming the program')
    entry = os.path.join(project_dir, main)
    if not os.path.isfile(entry):
        raise ProjectError(f'{path}: "main" names {main}, which does not exist')
    return entry


def resolve_entry(file: str | None, project_dir: str) -> str:
    if file is None:
        return entry_from_package_json(project_dir)
    if os.path.isdir(file):
        return entry_from_package_json(os.path.abspath(file))
    if not os.path.isfile(file):
        raise ProjectError(f"{file}: no such file")
    return os.path.abspath(file)


@dataclass(frozen=True)
class EnvPaths:
    """The files of one environment's local cloud."""

    project_dir: str
    env: str

    @property
    def root(self) -> str:
        return os.path.join(self.project_dir, STATE_DIR, self.env)

    @property
    def state(self) -> str:
        return os.path.join(self.root, "state.json")

    @property
    def images(self) -> str:
        return os.path.join(self.root, "images")

    @property
    def data(self) -> str:
        return os.path.join(self.root, "data")

    @property
    def log(self) -> str:
        return os.path.join(self.root, "logs", "cloud.log")

    @property
    def lock(self) -> str:
        return os.path.join(self.root, ".lock")

    @property
    def server(self) -> str:
        return os.path.join(self.root, "server.json")

    def image(self, digest: str) -> str:
        return os.path.join(self.images, digest + ".mvm-bc")

    def exists(self) -> bool:
        return os.path.isdir(self.root)


def env_paths(project_dir: str, env: str) -> EnvPaths:
    if not _ENV_NAME.match(env):
        raise ProjectError(f"environment name {env!r}: use lowercase letters, digits, '-' and '_'")
    return EnvPaths(project_dir, env)
