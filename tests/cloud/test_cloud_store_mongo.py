"""The `mongodb://` store (what a function uses against Cosmos DB on Azure) has the local store's
semantics. Runs against a real MongoDB wire-protocol server on loopback: briskdb's listener, with
the pymongo version it speaks to. Both are optional (not dependencies of the project): without
them this module is skipped. To run it: pip install briskdb==0.1.0b3 pymongo==4.17.0.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

briskdb = pytest.importorskip("briskdb")
pytest.importorskip("pymongo")

from azure_microvium.store import DatabaseError, StoreRegistry
from azure_microvium.store_montydb import MontyStore


@pytest.fixture
def mongo_store(tmp_path: os.PathLike[str]) -> Iterator[Any]:
    path = os.path.join(tmp_path, "brisk")
    with briskdb.open(path, shards=2, documents=True) as db, \
            db.serve(mongo="127.0.0.1:0") as server:
        registry = StoreRegistry()
        url = f"mongodb://{server.mongo_address}/?serverSelectionTimeoutMS=5000"
        yield registry.get(url)
        registry.close()


def exercise(store: Any) -> list[Any]:
    """The same operations on a store; returns what a handler would see."""
    seen: list[Any] = [store.ensure_database("shop", ["items"]),
                       store.ensure_database("shop", ["items"])]
    col = store.collection("shop", "items")
    ada = col.insert({"name": "Ada", "age": 36, "tags": ["math"]})
    col.insert({"name": "Alan", "age": 41})
    col.insert({"name": "Grace", "age": 85})
    seen.append(col.find_one({"_id": ada}) == {"_id": ada, "name": "Ada", "age": 36,
                                               "tags": ["math"]})
    seen.append([d["name"] for d in col.find({"age": {"$gte": 40}}, sort=[("age", -1)])])
    seen.append([d["name"] for d in col.find({}, sort=[("age", 1)], skip=1, limit=1)])
    seen.append(col.count({"tags": "math"}))
    seen.append(col.update({"age": {"$lt": 50}}, {"$inc": {"age": 1}}))
    seen.append(col.find_one({"name": "Alan"})["age"])
    seen.append(col.delete({"name": "Grace"}))
    seen.append(col.count({}))
    for bad in (lambda: col.insert({"_id": ada}), lambda: col.update({}, {"age": 1})):
        with pytest.raises(DatabaseError) as e:
            bad()
        seen.append(type(e.value).__name__)
    return seen


def test_mongo_store_matches_the_local_store(mongo_store: Any,
                                            tmp_path: os.PathLike[str]) -> None:
    local = exercise(MontyStore(os.path.join(tmp_path, "data")))
    assert local == [True, False, True, ["Grace", "Alan"], ["Alan"], 1, (2, 2), 42, 1, 2,
                     "DatabaseError", "DatabaseError"]
    assert exercise(mongo_store) == local
