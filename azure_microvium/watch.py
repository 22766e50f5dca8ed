"""Noticing that a program's source changed, for `mvc dev`: polling modification times.

Polling is portable and needs no dependency; a program is a handful of files, so a scan every
half second costs nothing. What is watched: every .js/.mjs/.json file under the entry's folder
(the compiler follows relative imports, which in practice stay under it), skipping
dependency and state folders.
"""
from __future__ import annotations

import os

WATCHED_EXTENSIONS = (".js", ".mjs", ".json")
SKIPPED_DIRS = {"node_modules", ".mvc", ".git", "__pycache__"}
MAX_FILES = 5000  # a watched folder this large is almost certainly the wrong one

Snapshot = dict[str, tuple[int, int]]


def scan(root: str, extra: tuple[str, ...] = ()) -> Snapshot:
    """path -> (mtime_ns, size) of the watched files."""
    found: Snapshot = {}
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in SKIPPED_DIRS and not d.startswith(".")]
        for name in filenames:
            if name.endswith(WATCHED_EXTENSIONS):
                _add(found, os.path.join(dirpath, name))
        if len(found) >= MAX_FILES:
            break
    for path in extra:
        _add(found, path)
    return found


def _add(found: Snapshot, path: str) -> None:
    try:
        st = os.stat(path)
    except OSError:
        return
    found[path] = (st.st_mtime_ns, st.st_size)


class SourceWatcher:
    def __init__(self, entry: str) -> None:
        self.root = os.path.dirname(os.path.abspath(entry))
        self.extra = (os.path.abspath(entry),)
        self._last = scan(self.root, self.extra)

    def changed(self) -> list[str]:
        """Files added, removed or modified since the last call."""
        now = scan(self.root, self.extra)
        diff = sorted(p for p in set(now) | set(self._last) if now.get(p) != self._last.get(p))
        self._last = now
        return diff
