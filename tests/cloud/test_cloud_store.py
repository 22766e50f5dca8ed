"""The local document store: real montydb files in tmp_path, threads and processes."""
from __future__ import annotations

import multiprocessing
import os
import threading

import pytest

from azure_microvium.store import (
    DatabaseError,
    StoreRegistry,
    local_connection,
    new_id,
    open_store,
)
from azure_microvium.store_montydb import MontyStore, iter_databases


@pytest.fixture
def store(tmp_path: os.PathLike[str]) -> MontyStore:
    return MontyStore(os.path.join(tmp_path, "data"))


def test_crud_with_mongo_semantics(store: MontyStore) -> None:
    assert store.ensure_database("shop", ["items"]) is True
    assert store.ensure_database("shop", ["items"]) is False  # idempotent
    col = store.collection("shop", "items")
    ada = col.insert({"name": "Ada", "age": 36})
    col.insert({"name": "Alan", "age": 41})
    col.insert({"name": "Grace", "age": 85, "tags": ["navy"]})
    assert len(ada) == 24 and col.find_one({"_id": ada})["name"] == "Ada"
    assert [d["name"] for d in col.find({"age": {"$gte": 40}}, sort=[("age", -1)])] == \
        ["Grace", "Alan"]
    assert [d["name"] for d in col.find({}, sort=[("age", 1)], skip=1, limit=1)] == ["Alan"]
    assert col.count({"tags": "navy"}) == 1
    assert col.update({"age": {"$lt": 50}}, {"$inc": {"age": 1}}) == (2, 2)
    assert col.find_one({"name": "Ada"})["age"] == 37
    assert col.delete({"name": "Alan"}) == 1
    assert col.count({}) == 2
    assert col.find_one({"name": "nobody"}) is None


def test_errors_are_database_errors(store: MontyStore) -> None:
    col = store.collection("shop", "items")
    _id = col.insert({"a": 1})
    with pytest.raises(DatabaseError, match="already exists"):
        col.insert({"_id": _id})
    with pytest.raises(DatabaseError, match=r"\$ operators"):
        col.update({}, {"a": 2})
    with pytest.raises(DatabaseError, match="unknown top level operator"):
        col.find({"$nope": 1})
    with pytest.raises(DatabaseError, match="must not start with"):
        col.insert({"$bad": 1})


def test_data_survives_a_new_store(tmp_path: os.PathLike[str]) -> None:
    path = os.path.join(tmp_path, "data")
    MontyStore(path).collection("db", "items").insert({"kept": True})
    assert MontyStore(path).collection("db", "items").count({"kept": True}) == 1
    assert list(iter_databases(path)) == ["db"]


def test_concurrent_threads_lose_nothing(store: MontyStore) -> None:
    col = store.collection("db", "items")
    col.insert({"_id": "counter", "n": 0})

    def work(k: int) -> None:
        for i in range(25):
            col.insert({"k": k, "i": i})
            col.update({"_id": "counter"}, {"$inc": {"n": 1}})

    threads = [threading.Thread(target=work, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert col.count({"k": {"$exists": True}}) == 200
    assert col.find_one({"_id": "counter"})["n"] == 200  # no lost $inc


def _insert_many(path: str, k: int) -> None:
    col = MontyStore(path).collection("db", "items")
    for i in range(25):
        col.insert({"proc": k, "i": i})


def test_concurrent_processes(tmp_path: os.PathLike[str]) -> None:
    path = os.path.join(tmp_path, "data")
    MontyStore(path).ensure_database("db", ["items"])
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_insert_many, args=(path, k)) for k in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    assert MontyStore(path).collection("db", "items").count({}) == 100


def test_registry_resolves_connection_strings(tmp_path: os.PathLike[str]) -> None:
    reg = StoreRegistry()
    conn = local_connection(os.path.join(tmp_path, "data"))
    assert conn.startswith("montydb:///")
    assert reg.get(conn) is reg.get(conn)
    with pytest.raises(DatabaseError) as e:
        open_store("postgres://user:secret@host/db")
    assert "secret" not in str(e.value)  # a connection string is never echoed
    reg.close()


def test_ids_are_unique_and_ordered() -> None:
    ids = [new_id() for _ in range(1000)]
    assert len(set(ids)) == 1000
    assert all(len(i) == 24 for i in ids)
