"""The gateway under a real uvicorn server on 127.0.0.1, with plain Python handlers and a real
montydb store: routing, limits, status codes, concurrency. (test_cloud_e2e.py does the same
with programs resumed in the VM.)"""
from __future__ import annotations

import json
import os
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from cloud_helpers import http, post_json

from azure_microvium.adapter import NO_BODY, HandlerError, HandlerTimeout
from azure_microvium.gateway import create_app
from azure_microvium.server import ServeError, ServerThread, bind
from azure_microvium.store_montydb import MontyStore


class PyApp:
    def __init__(self, name: str, fn: Any) -> None:
        self.name = name
        self.fn = fn

    def invoke(self, body: Any, info: dict[str, Any]) -> str | None:
        return self.fn(body, info)


@pytest.fixture
def served(tmp_path: os.PathLike[str]) -> Iterator[tuple[str, MontyStore]]:
    store = MontyStore(os.path.join(tmp_path, "data"))
    items = store.collection("my-database", "items")

    def insert(body: Any, info: Any) -> str | None:
        items.insert(body)
        return None

    def find(body: Any, info: Any) -> str:
        return json.dumps(items.find(json.loads(info["query"].get("q", "{}"))))

    def boom(body: Any, info: Any) -> str:
        raise HandlerError("TypeError: x is not a function", "main.js:3")

    def spin(body: Any, info: Any) -> str:
        raise HandlerTimeout()

    routes = {
        "/insert": {"POST": PyApp("insert", insert)},
        "/find": {"GET": PyApp("find", find)},
        "/boom": {"POST": PyApp("boom", boom)},
        "/spin": {"POST": PyApp("spin", spin)},
        "/echo": {"POST": PyApp("echo", lambda b, i: json.dumps(None if b is NO_BODY else b))},
    }
    with ServerThread(create_app(routes.get, max_body=1024 * 1024),
                      bind("127.0.0.1", 0)) as server:
        yield f"http://127.0.0.1:{server.port}", store


def test_100_concurrent_inserts_are_all_stored(served: tuple[str, MontyStore]) -> None:
    base, store = served
    with ThreadPoolExecutor(16) as pool:
        replies = list(pool.map(lambda i: post_json(base + "/insert", {"n": i}), range(100)))
    assert {r.status for r in replies} == {204}
    docs = store.collection("my-database", "items").find({})
    assert sorted(d["n"] for d in docs) == list(range(100))
    found = http("GET", base + "/find?q=" + '{"n":{"$lt":3}}'.replace('"', "%22"))
    assert sorted(d["n"] for d in found.json()) == [0, 1, 2]


def test_status_codes(served: tuple[str, MontyStore]) -> None:
    base, _ = served
    bad = http("POST", base + "/echo", '{"name":', {"Content-Type": "application/json"})
    assert bad.status == 400 and "invalid JSON" in bad.json()["error"]
    big = http("POST", base + "/echo", b"x" * (10 * 1024 * 1024))
    assert big.status == 413
    failed = http("POST", base + "/boom", "{}")
    assert failed.status == 500 and failed.json()["errorId"] == failed.headers["x-error-id"]
    assert http("POST", base + "/spin", "{}").status == 504
    assert http("POST", base + "/nowhere", "{}").status == 404
    wrong = http("GET", base + "/insert")
    assert wrong.status == 405 and wrong.headers["allow"] == "POST"
    # The server is still fine after all that.
    assert http("POST", base + "/echo/", '{"a": 1}').json() == {"a": 1}


def test_port_in_use_is_one_clear_error() -> None:
    sock = bind("127.0.0.1", 0)
    try:
        with pytest.raises(ServeError, match="address already in use"):
            bind("127.0.0.1", sock.getsockname()[1])
    finally:
        sock.close()
