"""The local cloud under faults (docs/cloud.md, "Delivery guarantee").

- 1,000 POSTs to a real `mvc dev` while its function instances are killed at random (before the
  handler, right after its insert committed, before the answer) and the server process is
  SIGKILLed twice and restarted: every request answered 2xx is in the database exactly once,
  every other answer was retryable, and with retries every request got its 2xx.
  `python tools/loadtest_faults.py` is the 10,000-POST version.
- The Idempotency-Key rules one by one, in-process.
"""
from __future__ import annotations

import io
import os
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "tools"))
sys.path.insert(0, os.path.join(ROOT, "tests", "cloud"))

from cloud_helpers import http  # noqa: E402

from azure_microvium.cloud import LocalCloud  # noqa: E402
from azure_microvium.deploy import deploy  # noqa: E402
from azure_microvium.gateway import create_app  # noqa: E402
from azure_microvium.idempotency import Faults, RequestContext, derived_id, request_key  # noqa: E402
from azure_microvium.instances import Limits  # noqa: E402
from azure_microvium.local_provider import LocalProvider  # noqa: E402
from azure_microvium.project import env_paths  # noqa: E402
from azure_microvium.server import ServerThread, bind  # noqa: E402
from azure_microvium.store_montydb import MontyStore  # noqa: E402


def test_1000_posts_with_instances_and_the_server_killed() -> None:
    from loadtest_faults import run

    report = run(1000, kill=0.05, process_kills=2, concurrency=12, seed=11)
    text = "\n".join(report.lines())
    assert not report.problems, text
    assert report.acked == 1000, text
    assert sum(report.instance_kills.values()) > 0, text  # the faults did happen
    assert report.process_kills == 2, text
    assert report.attempts > 1000, text


PROGRAM = """
import { CosmosDB, FunctionsApp, Internet } from 'azure-microvium';
const db = new CosmosDB('shop', { api: 'mongo-db' });
const add = new FunctionsApp('add', (body) => {
  const a = db.insert({ what: body.what, copy: 1 });
  const b = db.insert({ what: body.what, copy: 2 });
  return [a, b];
});
const put = new FunctionsApp('put', (body) => db.insert(body));
Internet.listenAt('https://x.example/add', 'POST', add);
Internet.listenAt('https://x.example/put', 'POST', put);
"""


@pytest.fixture
def served(tmp_path: os.PathLike[str]):  # type: ignore[no-untyped-def]
    project = str(tmp_path)
    entry = os.path.join(project, "main.js")
    with open(entry, "w", encoding="utf-8") as f:
        f.write(PROGRAM)
    paths = env_paths(project, "dev")
    deploy(entry, LocalProvider(paths), stdout=io.StringIO())
    cloud = LocalCloud(paths, Limits(budget=5_000_000, acquire_timeout=10))
    cloud.reload()
    server = ServerThread(create_app(cloud.resolve), bind("127.0.0.1", 0)).start()
    try:
        yield f"http://127.0.0.1:{server.port}", MontyStore(paths.data).collection("shop",
                                                                                   "items")
    finally:
        server.stop()
        cloud.close()


def send(url: str, path: str, body: str, key: str | None) -> object:
    headers = {"Content-Type": "application/json"}
    if key is not None:
        headers["Idempotency-Key"] = key
    return http("POST", url + path, body, headers)


def test_a_retried_request_inserts_each_document_once(served) -> None:  # type: ignore[no-untyped-def]
    url, items = served
    first = send(url, "/add", '{"what": "tea"}', "order-1")
    again = send(url, "/add", '{"what": "tea"}', "order-1")
    assert first.status == again.status == 200
    assert first.json() == again.json()  # the same ids: the retry found its documents
    assert len(items.find({"what": "tea"})) == 2
    other = send(url, "/add", '{"what": "tea"}', "order-2")
    assert other.json() != first.json()
    assert len(items.find({"what": "tea"})) == 4


def test_without_a_key_a_retry_is_a_new_request(served) -> None:  # type: ignore[no-untyped-def]
    url, items = served
    send(url, "/add", '{"what": "jam"}', None)
    send(url, "/add", '{"what": "jam"}', None)
    assert len(items.find({"what": "jam"})) == 4


def test_explicit_ids_are_a_retry_only_for_the_same_document(served) -> None:  # type: ignore[no-untyped-def]
    url, items = served
    ok = send(url, "/put", '{"_id": "p1", "v": 1}', "k-p1")
    assert ok.status == 200 and ok.json() == "p1"
    assert send(url, "/put", '{"_id": "p1", "v": 1}', "k-p1").json() == "p1"
    assert send(url, "/put", '{"_id": "p1", "v": 2}', "k-p1").status == 500  # a conflict
    assert send(url, "/put", '{"_id": "p1", "v": 1}', None).status == 500  # no key: conflict
    assert items.find({"_id": "p1"}) == [{"_id": "p1", "v": 1}]


def test_a_bad_key_is_a_400(served) -> None:  # type: ignore[no-untyped-def]
    url, _ = served
    assert send(url, "/add", '{"what": "x"}', "x" * 201).status == 400
    assert send(url, "/add", '{"what": "x"}', "").status == 400


def test_killed_instances_answer_503_and_are_replaced(tmp_path: os.PathLike[str]) -> None:
    project = str(tmp_path)
    entry = os.path.join(project, "main.js")
    with open(entry, "w", encoding="utf-8") as f:
        f.write(PROGRAM)
    paths = env_paths(project, "dev")
    deploy(entry, LocalProvider(paths), stdout=io.StringIO())
    faults = Faults(kill=0.9, seed=3)
    cloud = LocalCloud(paths, Limits(budget=5_000_000, acquire_timeout=10), faults)
    cloud.reload()
    server = ServerThread(create_app(cloud.resolve), bind("127.0.0.1", 0)).start()
    url = f"http://127.0.0.1:{server.port}"
    try:
        statuses = []
        for i in range(30):
            for _ in range(200):  # retry until it gets through
                r = send(url, "/add", f'{{"what": "k{i}"}}', f"key-{i}")
                statuses.append(r.status)
                if r.status == 200:
                    break
                assert r.status == 503 and r.headers.get("retry-after") == "1"
                assert "errorId" in r.json()
        items = MontyStore(paths.data).collection("shop", "items")
        for i in range(30):
            assert len(items.find({"what": f"k{i}"})) == 2
        assert all(faults.killed.values()), faults.killed  # every kill point happened
        assert statuses.count(503) == sum(faults.killed.values())
    finally:
        server.stop()
        cloud.close()


def test_the_rules_of_the_key_and_of_fault_settings() -> None:
    assert request_key({}) is None
    assert request_key({"idempotency-key": "abc"}) == "abc"
    for bad in ("", "é", "a\nb", "x" * 201):
        with pytest.raises(ValueError):
            request_key({"idempotency-key": bad})
    ctx = RequestContext("app", "k")
    assert ctx.next_insert_id("db", "c") == derived_id("app", "k", "db", "c", 0)
    assert ctx.next_insert_id("db", "c") == derived_id("app", "k", "db", "c", 1)
    assert ctx.next_insert_id("db", "d") == derived_id("app", "k", "db", "d", 0)
    assert RequestContext("app", None).next_insert_id("db", "c") is None
    assert Faults.parse("kill=0.5,seed=2").kill == 0.5
    for bad in ("kill=2", "speed=1", "kill=x"):
        with pytest.raises(ValueError):
            Faults.parse(bad)
