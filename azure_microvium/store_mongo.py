"""The document store for `mongodb://` connection strings: a MongoDB server through pymongo.

This is what a function uses on Azure (Cosmos DB's MongoDB API). pymongo is imported only when
such a connection string is opened, so the local cloud does not need it. A MongoClient is
thread-safe and pools its connections, so one per connection string serves every thread.
"""
from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any, TypeVar

from .store import DatabaseError, Doc, duplicate_key, with_id

T = TypeVar("T")


def _translate(fn: Callable[[], T]) -> T:
    try:
        return fn()
    except DatabaseError:
        raise
    except Exception as e:
        from pymongo.errors import DuplicateKeyError

        if isinstance(e, DuplicateKeyError):
            raise duplicate_key() from e
        raise DatabaseError(str(e) or type(e).__name__) from e


class MongoCollection:
    def __init__(self, col: Any) -> None:
        self._col = col

    def insert(self, doc: Doc) -> str:
        stored, _id = with_id(doc)
        _translate(lambda: self._col.insert_one(stored))
        return _id

    def find(self, filter: Doc, *, sort: list[tuple[str, int]] | None = None,
             skip: int = 0, limit: int = 0) -> list[Doc]:
        def run() -> list[Doc]:
            cursor = self._col.find(filter, skip=skip, limit=limit)
            if sort:
                cursor = cursor.sort(sort)
            return list(cursor)

        return _translate(run)

    def find_one(self, filter: Doc) -> Doc | None:
        found: Doc | None = _translate(lambda: self._col.find_one(filter))
        return found

    def update(self, filter: Doc, update: Doc) -> tuple[int, int]:
        r = _translate(lambda: self._col.update_many(filter, update))
        return int(r.matched_count), int(r.modified_count)

    def delete(self, filter: Doc) -> int:
        return int(_translate(lambda: self._col.delete_many(filter)).deleted_count)

    def count(self, filter: Doc) -> int:
        return int(_translate(lambda: self._col.count_documents(filter)))


class MongoStore:
    def __init__(self, connection: str) -> None:
        try:
            from pymongo import MongoClient
        except ImportError as e:
            raise DatabaseError("mongodb:// connections need pymongo (pip install pymongo)") from e
        # Documents come back as plain dicts, and the client connects lazily (first operation).
        self._client = MongoClient(connection, connect=False)

    def database_exists(self, database: str) -> bool:
        return database in _translate(self._client.list_database_names)

    def ensure_database(self, database: str, collections: list[str]) -> bool:
        created = not self.database_exists(database)
        db = self._client[database]
        existing = set(_translate(db.list_collection_names))
        for name in collections:
            if name not in existing:
                _translate(partial(db.create_collection, name))
        return created

    def drop_database(self, database: str) -> None:
        _translate(lambda: self._client.drop_database(database))

    def collection_names(self, database: str) -> list[str]:
        return sorted(_translate(self._client[database].list_collection_names))

    def collection(self, database: str, name: str) -> MongoCollection:
        return MongoCollection(self._client[database][name])

    def close(self) -> None:
        self._client.close()
