"""The host functions of the azure-microvium module, for both phases.

`deploy_host` (used while the program's top level runs) and `run_host` (used in every function
instance) register the same import IDs (imports.py), because an image must resolve every
import it holds; each host refuses the calls that do not belong to its phase. The data-plane
functions (db.insert, ...) are the same in both: a program may seed its database at deploy
time.

Values from the VM arrive converted by hostlib: objects as dicts, undefined as UNDEFINED,
functions as JSFunction handles. Documents must be JSON-like, so `plain` drops undefined as
JSON.stringify does and refuses functions.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any, TextIO

from hostlib import UNDEFINED, Host, JSFunction

from . import imports
from .idempotency import RequestContext
from .sealing import ENV as SEAL_ENV
from .sealing import Sealer, SealError, is_sealed
from .store import Collection, DatabaseError, Doc, StoreRegistry

MAX_LIMIT = 100_000


class DeployTimeOnly(Exception):
    """A declaration was made at run time (the JS module normally says so first)."""


def release_functions(value: Any) -> None:
    """Releases the VM handles of any functions inside a converted value (each JSFunction
    holds a GC root until released)."""
    if isinstance(value, JSFunction):
        value.release()
    elif isinstance(value, dict):
        for v in value.values():
            release_functions(v)
    elif isinstance(value, list):
        for v in value:
            release_functions(v)


def plain(value: Any, what: str) -> Any:
    """value as JSON-like Python: undefined dropped from objects and null in arrays."""
    if isinstance(value, JSFunction):
        raise DatabaseError(f"{what} cannot hold a function")
    if isinstance(value, dict):
        return {k: plain(v, what) for k, v in value.items() if v is not UNDEFINED}
    if isinstance(value, list):
        return [None if v is UNDEFINED else plain(v, what) for v in value]
    return value


def _object(value: Any, what: str, *, optional: bool) -> Doc:
    if optional and (value is UNDEFINED or value is None):
        return {}
    if not isinstance(value, dict):
        raise DatabaseError(f"{what} must be an object")
    doc: Doc = plain(value, what)
    return doc


def _find_options(value: Any) -> dict[str, Any]:
    opts = _object(value, "find options", optional=True)
    unknown = sorted(set(opts) - {"sort", "skip", "limit"})
    if unknown:
        raise DatabaseError(f"find: unknown option {unknown[0]!r} (known: sort, skip, limit)")
    out: dict[str, Any] = {}
    sort = opts.get("sort")
    if sort is not None:
        if not isinstance(sort, dict) or any(d not in (1, -1) for d in sort.values()):
            raise DatabaseError("find: sort must be an object of fields to 1 or -1")
        out["sort"] = list(sort.items())
    for key in ("skip", "limit"):
        n = opts.get(key, 0)
        if not isinstance(n, int) or isinstance(n, bool) or not 0 <= n <= MAX_LIMIT:
            raise DatabaseError(f"find: {key} must be a whole number from 0 to {MAX_LIMIT}")
        out[key] = n
    return out


def _request(vm: Any) -> RequestContext | None:
    """The request a handler call serves (instances.py sets it; None at deploy time)."""
    ctx = getattr(vm, "request", None)
    return ctx if isinstance(ctx, RequestContext) else None


class DataFunctions:
    """db.insert / find / findOne / update / delete / count, against the registry's stores.

    Within a request that carries an Idempotency-Key, inserts are idempotent (idempotency.py).
    Writes also pass the fault-injection points of the load tests.
    """

    def __init__(self, stores: StoreRegistry, sealer: Sealer | None = None) -> None:
        self.stores = stores
        self.sealer = sealer  # opens sealed connection strings (sealing.py)

    def _insert(self, vm: Any, col: Collection, database: str, collection: str,
                doc: Doc) -> str:
        ctx = _request(vm)
        if ctx is None:
            return col.insert(doc)
        ctx.check()
        derived = "_id" not in doc and ctx.next_insert_id(database, collection)
        if derived:
            doc = {"_id": derived, **doc}
        try:
            _id = col.insert(doc)
        except DatabaseError as e:
            # A retry of the same request: the document is there already. An explicit _id is
            # a retry only when the stored document is the same one.
            if not e.duplicate_key:
                raise
            if derived:
                _id = derived
            elif ctx.key is not None and col.find_one({"_id": doc["_id"]}) == doc:
                _id = doc["_id"] if isinstance(doc["_id"], str) else str(doc["_id"])
            else:
                raise
        ctx.fault("write")
        return _id

    @staticmethod
    def _before_write(vm: Any) -> RequestContext | None:
        ctx = _request(vm)
        if ctx is not None:
            ctx.check()
        return ctx

    def _collection(self, connection: Any, database: Any, name: Any) -> Collection:
        if not (isinstance(connection, str) and isinstance(database, str)
                and isinstance(name, str)):
            raise DatabaseError("bad database reference (use the methods of a CosmosDB object)")
        if is_sealed(connection):
            if self.sealer is None:
                raise DatabaseError(f"the program's connection strings are sealed: set {SEAL_ENV} "
                                    "to the key it was deployed with")
            try:
                connection = self.sealer.unseal(connection)
            except SealError as e:
                raise DatabaseError(str(e)) from None
        return self.stores.get(connection).collection(database, name)

    def insert(self, vm: Any, conn: Any, db: Any, col: Any, doc: Any = UNDEFINED) -> str:
        try:
            return self._insert(vm, self._collection(conn, db, col), db, col,
                                _object(doc, "insert(doc): doc", optional=False))
        finally:
            release_functions(doc)

    def find(self, vm: Any, conn: Any, db: Any, col: Any, filter: Any = UNDEFINED,
             options: Any = UNDEFINED) -> list[Doc]:
        try:
            return self._collection(conn, db, col).find(
                _object(filter, "find(filter): filter", optional=True), **_find_options(options))
        finally:
            release_functions([filter, options])

    def find_one(self, vm: Any, conn: Any, db: Any, col: Any, filter: Any = UNDEFINED
                 ) -> Doc | None:
        try:
            return self._collection(conn, db, col).find_one(
                _object(filter, "findOne(filter): filter", optional=True))
        finally:
            release_functions(filter)

    def update(self, vm: Any, conn: Any, db: Any, col: Any, filter: Any = UNDEFINED,
               update: Any = UNDEFINED) -> dict[str, int]:
        try:
            ctx = self._before_write(vm)
            matched, modified = self._collection(conn, db, col).update(
                _object(filter, "update(filter, update): filter", optional=False),
                _object(update, "update(filter, update): update", optional=False))
            if ctx is not None:
                ctx.fault("write")
            return {"matched": matched, "modified": modified}
        finally:
            release_functions([filter, update])

    def delete(self, vm: Any, conn: Any, db: Any, col: Any, filter: Any = UNDEFINED) -> int:
        try:
            ctx = self._before_write(vm)
            # A filter is required: delete() with none would empty the collection by accident.
            deleted = self._collection(conn, db, col).delete(
                _object(filter, "delete(filter): filter", optional=False))
            if ctx is not None:
                ctx.fault("write")
            return deleted
        finally:
            release_functions(filter)

    def count(self, vm: Any, conn: Any, db: Any, col: Any, filter: Any = UNDEFINED) -> int:
        try:
            return self._collection(conn, db, col).count(
                _object(filter, "count(filter): filter", optional=True))
        finally:
            release_functions(filter)

    def register(self, host: Host) -> None:
        host.add(imports.DB_INSERT, self.insert)
        host.add(imports.DB_FIND, self.find)
        host.add(imports.DB_FIND_ONE, self.find_one)
        host.add(imports.DB_UPDATE, self.update)
        host.add(imports.DB_DELETE, self.delete)
        host.add(imports.DB_COUNT, self.count)


class LineWriter:
    """A text stream for a Host's print(): each complete line goes to `emit`."""

    def __init__(self, emit: Callable[[str], None]) -> None:
        self._emit = emit
        self._partial = ""

    def write(self, text: str) -> int:
        lines = (self._partial + text).split("\n")
        self._partial = lines.pop()
        for line in lines:
            self._emit(line)
        return len(text)

    def flush(self) -> None:
        if self._partial:
            self._emit(self._partial)
            self._partial = ""


def _refuse(what: str) -> Callable[..., Any]:
    def refuse(vm: Any, *args: Any) -> Any:
        raise DeployTimeOnly(f"{what} is only allowed at deploy time, not inside a handler")

    return refuse


def run_host(data: DataFunctions, stdout: TextIO | LineWriter) -> Host:
    """The host of a function instance."""
    host = Host(stdout=stdout)  # type: ignore[arg-type]
    host.add(imports.PHASE, lambda vm: "run")
    host.add(imports.ENSURE_DATABASE, _refuse("new CosmosDB()"))
    host.add(imports.ENSURE_FUNCTION_APP, _refuse("new FunctionsApp()"))
    host.add(imports.BIND_ROUTE, _refuse("Internet.listenAt()"))
    data.register(host)
    return host
