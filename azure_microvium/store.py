"""Document stores behind `CosmosDB`: one interface, chosen by the connection string.

A program's database object holds a connection string captured at deploy time. At run time the
host hands it here and gets a store: `montydb:///path` is the local embedded store (montydb over
SQLite, store_montydb.py); `mongodb://` and `mongodb+srv://` are a MongoDB server such as Cosmos
DB's MongoDB API (pymongo, store_mongo.py). Handlers see the same semantics on both.

Documents crossing this interface are JSON-like Python values (dict, list, str, int, float,
bool, None). Every document gets a string `_id` when it has none, so ids round-trip through
JavaScript and JSON unchanged, on both backends.
"""
from __future__ import annotations

import os
import threading
import time
from typing import Any, Protocol

Doc = dict[str, Any]

LOCAL_SCHEME = "montydb://"
# The collection a CosmosDB object's own methods use (js/index.js says the same).
DEFAULT_COLLECTION = "items"
MONGO_SCHEMES = ("mongodb://", "mongodb+srv://")


class DatabaseError(Exception):
    """A database operation failed: bad filter or update, duplicate _id, storage trouble.

    The class name is what a handler sees (`DatabaseError: message`), so it says what failed.
    `duplicate_key` is True for an insert whose `_id` is taken (idempotency.py tells a retry
    from a conflict by it).
    """

    def __init__(self, message: str, *, duplicate_key: bool = False) -> None:
        super().__init__(message)
        self.duplicate_key = duplicate_key


def duplicate_key() -> DatabaseError:
    return DatabaseError("a document with this _id already exists", duplicate_key=True)


class Collection(Protocol):
    def insert(self, doc: Doc) -> str: ...

    def find(self, filter: Doc, *, sort: list[tuple[str, int]] | None = None,
             skip: int = 0, limit: int = 0) -> list[Doc]: ...

    def find_one(self, filter: Doc) -> Doc | None: ...

    def update(self, filter: Doc, update: Doc) -> tuple[int, int]:
        """Applies update to every match; returns (matched, modified)."""
        ...

    def delete(self, filter: Doc) -> int: ...

    def count(self, filter: Doc) -> int: ...


class DocumentStore(Protocol):
    def ensure_database(self, database: str, collections: list[str]) -> bool:
        """Creates the database with these collections if missing; True if it created it."""
        ...

    def database_exists(self, database: str) -> bool: ...

    def drop_database(self, database: str) -> None: ...

    def collection(self, database: str, name: str) -> Collection: ...

    def close(self) -> None: ...


# ---- ids ----

_id_lock = threading.Lock()
_id_counter = int.from_bytes(os.urandom(3), "big")
_id_process = os.urandom(5)


def new_id() -> str:
    """A new document id: ObjectId's layout (seconds, per-process random, counter) as 24 hex
    digits, so ids sort by creation time like MongoDB's and never collide across processes."""
    global _id_counter
    with _id_lock:
        _id_counter = (_id_counter + 1) & 0xFFFFFF
        counter = _id_counter
    stamp = int(time.time()) & 0xFFFFFFFF
    return (stamp.to_bytes(4, "big") + _id_process + counter.to_bytes(3, "big")).hex()


def with_id(doc: Doc) -> tuple[Doc, str]:
    """doc with an `_id` (a new string id if it had none) and that id as text."""
    if "_id" in doc:
        _id = doc["_id"]
        if not isinstance(_id, (str, int, float)) or isinstance(_id, bool):
            raise DatabaseError("_id must be a string or a number")
        return doc, str(_id) if not isinstance(_id, str) else _id
    _id = new_id()
    return {"_id": _id, **doc}, _id


# ---- resolving connection strings ----

def is_local(connection: str) -> bool:
    return connection.startswith(LOCAL_SCHEME)


def local_connection(repository: str) -> str:
    """The connection string of a local store kept in the folder `repository`."""
    return LOCAL_SCHEME + os.path.abspath(repository)


def open_store(connection: str) -> DocumentStore:
    """A new store for this connection string (callers keep and share it: see StoreRegistry)."""
    if is_local(connection):
        from .store_montydb import MontyStore

        return MontyStore(connection[len(LOCAL_SCHEME):])
    if connection.startswith(MONGO_SCHEMES):
        from .store_mongo import MongoStore

        return MongoStore(connection)
    # Never echo the string itself: a real one carries a key.
    scheme = connection.split(":", 1)[0] if ":" in connection else "?"
    raise DatabaseError(f"unsupported connection string (scheme {scheme!r})")


class StoreRegistry:
    """One store per connection string for the whole process, shared by every VM instance.

    Stores are thread-safe (each backend says how), so sharing them is what keeps a single
    set of connections and in-process write locks per database.
    """

    def __init__(self) -> None:
        self._stores: dict[str, DocumentStore] = {}
        self._lock = threading.Lock()

    def get(self, connection: str) -> DocumentStore:
        store = self._stores.get(connection)
        if store is None:
            with self._lock:
                store = self._stores.get(connection)
                if store is None:
                    store = open_store(connection)
                    self._stores[connection] = store
        return store

    def close(self) -> None:
        with self._lock:
            for store in self._stores.values():
                store.close()
            self._stores.clear()
