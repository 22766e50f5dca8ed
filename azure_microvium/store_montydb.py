"""The local document store: montydb (MongoDB's query language in-process) over SQLite files.

Layout: one montydb repository (a folder) per environment; a database is a sub-folder, a
collection one SQLite file in it. Data survives restarts and redeploys, and several processes
may use it at once (SQLite's locking; WAL journal so readers never block the writer).

Thread safety, which montydb itself does not give: its SQLite engine keeps the connection of
the operation in progress on a shared attribute, so two threads using one client can swap
connections under each other. Each thread therefore gets its own client (thread-local).
Writes to one collection are also serialised by an in-process lock: without it, concurrent
writers meet in SQLite's busy handler, which sleeps in steps of milliseconds, and montydb's
update is a read-modify-write that would lose concurrent `$inc`s.
"""
from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Callable, Iterator
from functools import partial
from typing import Any, TypeVar

from .store import DatabaseError, Doc, duplicate_key, with_id

T = TypeVar("T")

_CONFIG_FILE = ".monty.storage"
# montydb keeps per-process global settings (bson or not, query dialect) that configuring a
# repository or opening a client writes; both happen under this lock.
_configure_lock = threading.Lock()


def _configure(repository: str) -> None:
    with _configure_lock:
        if os.path.isfile(os.path.join(repository, _CONFIG_FILE)):
            return
        from montydb import set_storage

        os.makedirs(repository, exist_ok=True)
        # use_bson=False: documents are JSON, so no dependency on pymongo's bson, and the same
        # values come back that went in.
        set_storage(repository, storage="sqlite", use_bson=False, journal_mode="WAL")


def _translate(fn: Callable[[], T]) -> T:
    """Runs fn, turning montydb's many exception types into one DatabaseError."""
    try:
        return fn()
    except DatabaseError:
        raise
    except Exception as e:
        from montydb.errors import DuplicateKeyError

        if isinstance(e, DuplicateKeyError):
            raise duplicate_key() from e
        raise DatabaseError(str(e) or type(e).__name__) from e


class MontyCollection:
    def __init__(self, store: MontyStore, database: str, name: str) -> None:
        self._store = store
        self._database = database
        self._name = name
        self._write_lock = store._lock_for(database, name)

    def _col(self) -> Any:
        return self._store._client()[self._database][self._name]

    def insert(self, doc: Doc) -> str:
        stored, _id = with_id(doc)
        with self._write_lock:
            _translate(lambda: self._col().insert_one(stored))
        return _id

    def find(self, filter: Doc, *, sort: list[tuple[str, int]] | None = None,
             skip: int = 0, limit: int = 0) -> list[Doc]:
        def run() -> list[Doc]:
            cursor = self._col().find(filter)
            if sort:
                cursor = cursor.sort(sort)
            if skip:
                cursor = cursor.skip(skip)
            if limit:
                cursor = cursor.limit(limit)
            return list(cursor)

        return _translate(run)

    def find_one(self, filter: Doc) -> Doc | None:
        found: Doc | None = _translate(lambda: self._col().find_one(filter))
        return found

    def update(self, filter: Doc, update: Doc) -> tuple[int, int]:
        with self._write_lock:
            r = _translate(lambda: self._col().update_many(filter, update))
        return int(r.matched_count), int(r.modified_count)

    def delete(self, filter: Doc) -> int:
        with self._write_lock:
            r = _translate(lambda: self._col().delete_many(filter))
        return int(r.deleted_count)

    def count(self, filter: Doc) -> int:
        return int(_translate(lambda: self._col().count_documents(filter)))


class MontyStore:
    """All databases of one environment, in the montydb repository at `repository`."""

    def __init__(self, repository: str) -> None:
        self.repository = os.path.abspath(repository)
        _configure(self.repository)
        self._local = threading.local()
        self._locks: dict[tuple[str, str], threading.Lock] = {}
        self._locks_lock = threading.Lock()
        self._collections: dict[tuple[str, str], MontyCollection] = {}

    def _client(self) -> Any:
        client = getattr(self._local, "client", None)
        if client is None:
            from montydb import MontyClient

            # Opening a client sets montydb's process-wide settings (from the repository's
            # config): done one thread at a time.
            with _configure_lock:
                client = MontyClient(self.repository)
            self._local.client = client
        return client

    def _lock_for(self, database: str, name: str) -> threading.Lock:
        with self._locks_lock:
            return self._locks.setdefault((database, name), threading.Lock())

    def _database_path(self, database: str) -> str:
        return os.path.join(self.repository, database)

    def database_exists(self, database: str) -> bool:
        return os.path.isdir(self._database_path(database))

    def ensure_database(self, database: str, collections: list[str]) -> bool:
        created = not self.database_exists(database)
        db = self._client()[database]
        for name in collections:
            # Created up front (not on first insert) so that a reader never races the first
            # writer's CREATE TABLE.
            with self._lock_for(database, name):
                if name not in db.collection_names():
                    _translate(partial(db.create_collection, name))
        return created

    def drop_database(self, database: str) -> None:
        shutil.rmtree(self._database_path(database), ignore_errors=True)

    def collection_names(self, database: str) -> list[str]:
        return sorted(self._client()[database].collection_names())

    def collection(self, database: str, name: str) -> MontyCollection:
        key = (database, name)
        col = self._collections.get(key)
        if col is None:
            self.ensure_database(database, [name])
            col = MontyCollection(self, database, name)
            self._collections[key] = col
        return col

    def close(self) -> None:
        # SQLite connections are opened and closed per operation by montydb: nothing is held.
        self._collections.clear()


def iter_databases(repository: str) -> Iterator[str]:
    """Names of the databases in a repository folder (for status and destroy)."""
    if not os.path.isdir(repository):
        return
    for name in sorted(os.listdir(repository)):
        if os.path.isdir(os.path.join(repository, name)):
            yield name
