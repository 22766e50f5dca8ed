"""End to end with real programs: deploy to the local cloud (compiler, VM, snapshot), serve
with a real uvicorn server on a free loopback port, resume the image per app, real montydb
files in tmp_path."""
from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from cloud_helpers import engine_ready, http, post_json

if not engine_ready():
    pytest.skip("the compiler and VM are not built", allow_module_level=True)

from azure_microvium.cloud import LocalCloud
from azure_microvium.deploy import deploy
from azure_microvium.fsutil import locked
from azure_microvium.gateway import create_app
from azure_microvium.instances import Limits
from azure_microvium.local_provider import LocalProvider
from azure_microvium.logs import attach
from azure_microvium.project import EnvPaths, env_paths
from azure_microvium.provider import CREATED, UNCHANGED, UPDATED, Change
from azure_microvium.server import ServerThread, bind
from azure_microvium.store_montydb import MontyStore

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXAMPLES = os.path.join(ROOT, "examples")
INSERT_PATH = "/insert-object-into-my-database"


class LocalCloudUnderTest:
    """One project in tmp_path: deploy programs to it, serve it, look into its store."""

    def __init__(self, project: str, env: str = "dev", budget: int = 5_000_000) -> None:
        self.project = project
        self.paths: EnvPaths = env_paths(project, env)
        self.cloud = LocalCloud(self.paths, Limits(budget=budget, acquire_timeout=10))
        self.server: ServerThread | None = None
        self.logs = attach(self.paths.log)

    def write(self, source: str, name: str = "main.js") -> str:
        path = os.path.join(self.project, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(source)
        return path

    def deploy(self, entry: str) -> list[Change]:
        with locked(self.paths.lock):
            changes = deploy(entry, LocalProvider(self.paths)).changes
        self.cloud.reload_if_changed()
        return changes

    @property
    def url(self) -> str:
        if self.server is None:
            self.server = ServerThread(create_app(self.cloud.resolve),
                                       bind("127.0.0.1", 0)).start()
        return f"http://127.0.0.1:{self.server.port}"

    def items(self, database: str, collection: str = "items") -> list[dict[str, object]]:
        return MontyStore(self.paths.data).collection(database, collection).find({})

    def log_text(self) -> str:
        for h in self.logs.handlers:
            h.flush()
        with open(self.paths.log, encoding="utf-8") as f:
            return f.read()

    def close(self) -> None:
        if self.server is not None:
            self.server.stop()
        self.cloud.close()
        self.logs.detach()


@pytest.fixture
def lc(tmp_path: os.PathLike[str]) -> Iterator[LocalCloudUnderTest]:
    cloud = LocalCloudUnderTest(str(tmp_path))
    yield cloud
    cloud.close()


def copy_example(name: str, project: str) -> str:
    for f in os.listdir(os.path.join(EXAMPLES, name)):
        if f.endswith((".js", ".json")):
            shutil.copy(os.path.join(EXAMPLES, name, f), project)
    return os.path.join(project, "main.js")


def actions(changes: list[Change]) -> set[str]:
    return {c.action for c in changes}


def test_insert_example_100_concurrent_posts(lc: LocalCloudUnderTest) -> None:
    entry = copy_example("insert-object", lc.project)
    assert actions(lc.deploy(entry)) == {CREATED}
    url = lc.url + INSERT_PATH
    with ThreadPoolExecutor(16) as pool:
        replies = list(pool.map(lambda i: post_json(url, {"name": "Ada", "n": i}), range(100)))
    assert [r.status for r in replies] == [204] * 100
    docs = lc.items("my-database")
    assert sorted(d["n"] for d in docs) == list(range(100))
    assert all(isinstance(d["_id"], str) and d["name"] == "Ada" for d in docs)


def test_redeploy_unchanged_changes_nothing_and_loses_nothing(lc: LocalCloudUnderTest) -> None:
    entry = copy_example("insert-object", lc.project)
    lc.deploy(entry)
    for i in range(3):
        assert post_json(lc.url + INSERT_PATH, {"i": i}).status == 204
    state_before = os.stat(lc.paths.state).st_mtime_ns
    images_before = sorted(os.listdir(lc.paths.images))
    changes = lc.deploy(entry)
    assert actions(changes) == {UNCHANGED} and len(changes) == 3
    assert os.stat(lc.paths.state).st_mtime_ns == state_before  # nothing was written
    assert sorted(os.listdir(lc.paths.images)) == images_before
    assert len(lc.items("my-database")) == 3
    assert post_json(lc.url + INSERT_PATH, {"i": 3}).status == 204
    assert len(lc.items("my-database")) == 4


PROGRAM_V1 = """
import { CosmosDB, FunctionsApp, Internet } from 'azure-microvium';
const db = new CosmosDB('notes-db', { api: 'mongo-db' });
const add = new FunctionsApp('add-note', note => { db.insert(note); });
Internet.listenAt('https://notes.example.com/notes', 'POST', add);
"""

# The handler changed: it now answers with the number of notes.
PROGRAM_V2 = PROGRAM_V1.replace("note => { db.insert(note); }",
                                "note => { db.insert(note); return { total: db.count({}) }; }")


def test_changed_handler_new_behaviour_old_data(lc: LocalCloudUnderTest) -> None:
    entry = lc.write(PROGRAM_V1)
    lc.deploy(entry)
    for i in range(5):
        assert post_json(lc.url + "/notes", {"text": f"old {i}"}).status == 204
    old_images = os.listdir(lc.paths.images)
    lc.write(PROGRAM_V2)
    changes = {(c.kind, c.name): c for c in lc.deploy(entry)}
    assert changes[("function app", "add-note")].action == UPDATED
    assert changes[("function app", "add-note")].detail == "new image"
    assert changes[("database", "notes-db")].action == UNCHANGED
    assert os.listdir(lc.paths.images) != old_images  # the new image replaced the old one
    reply = post_json(lc.url + "/notes", {"text": "new"})
    assert (reply.status, reply.json()) == (200, {"total": 6})
    assert sorted(d["text"] for d in lc.items("notes-db")) == ["new"] + [f"old {i}" for i in
                                                                        range(5)]


BAD_PROGRAM = """
import { CosmosDB, FunctionsApp, Internet } from 'azure-microvium';
const db = new CosmosDB('bad-db');
const echo = new FunctionsApp('echo', (body, request) => {
  return { body: body, method: request.method, q: request.query.q };
});
const fail = new FunctionsApp('fail', body => {
  throw new Error('no good: ' + body.why);
});
const spin = new FunctionsApp('spin', () => { while (true) {} });
const iac = new FunctionsApp('iac', () => { Internet.listenAt('/more', 'GET', echo); });
Internet.listenAt('/echo', 'POST', echo);
Internet.listenAt('/fail', 'POST', fail);
Internet.listenAt('/spin', 'POST', spin);
Internet.listenAt('/iac', 'POST', iac);
"""


def test_bad_input_and_failing_handlers(lc: LocalCloudUnderTest) -> None:
    lc.deploy(lc.write(BAD_PROGRAM))
    base = lc.url
    ok = http("POST", base + "/echo?q=1", '{"a": [1, 2.5, null]}')
    assert (ok.status, ok.json()) == (200, {"body": {"a": [1, 2.5, None]}, "method": "POST",
                                            "q": "1"})
    bad = http("POST", base + "/echo", '{"a": ', {"Content-Type": "application/json"})
    assert bad.status == 400 and bad.json()["error"].startswith("invalid JSON body")
    assert http("POST", base + "/echo", b"x" * (10 * 1024 * 1024)).status == 413

    failed = http("POST", base + "/fail", '{"why": "testing"}')
    assert failed.status == 500
    error_id = failed.json()["errorId"]
    assert failed.headers["x-error-id"] == error_id
    assert "testing" not in failed.body.decode()
    line = next(x for x in lc.log_text().splitlines() if error_id in x)
    assert "Error: no good: testing" in line and "main.js:8" in line  # the throw (the source starts with a newline)

    started = time.monotonic()
    spun = http("POST", base + "/spin", "{}")
    assert spun.status == 504 and time.monotonic() - started < 20
    assert http("POST", base + "/echo", "{}").status == 200  # the server still serves
    assert http("POST", base + "/spin", "{}").status == 504  # and a replaced instance spins again

    iac = http("POST", base + "/iac", "{}")
    assert iac.status == 500
    iac_line = next(x for x in lc.log_text().splitlines() if iac.json()["errorId"] in x)
    assert "Internet.listenAt() declares infrastructure and is only allowed at deploy time" \
        in iac_line

    assert http("POST", base + "/nowhere", "{}").status == 404
    wrong = http("GET", base + "/echo")
    assert wrong.status == 405 and wrong.headers["allow"] == "POST"


RESPONSE_PROGRAM = """
import { CosmosDB, FunctionsApp, HttpResponse, Internet } from 'azure-microvium';
const db = new CosmosDB('shop');
const create = new FunctionsApp('create', item => {
  if (!item || typeof item.name !== 'string') {
    return new HttpResponse({ status: 422, jsonBody: { error: 'name is required' } });
  }
  const id = db.insert(item);
  return new HttpResponse({ status: 201, headers: { Location: '/items/' + id, 'X-Count': db.count() },
                            jsonBody: { id: id } });
});
const text = new FunctionsApp('text', (body, request) => new HttpResponse({
  body: 'hello ' + request.query.who, headers: { 'Cache-Control': 'no-store' } }));
const raw = new FunctionsApp('raw', () => {
  const bytes = new Uint8Array(3); bytes[0] = 0; bytes[1] = 255; bytes[2] = 7;
  return new HttpResponse({ body: bytes, headers: { 'Content-Type': 'image/x-test' } });
});
const empty = new FunctionsApp('empty', () => new HttpResponse({ status: 202 }));
async function lookup(name) { return db.findOne({ name: name }); }
const find = new FunctionsApp('find', async (body, request) => {
  const found = await lookup(request.query.name);
  if (found === null) return new HttpResponse({ status: 404, jsonBody: { error: 'no such item' } });
  return { name: found.name, price: found.price };
});
const rejects = new FunctionsApp('rejects', async () => { await null; throw new RangeError('async trouble'); });
const stuck = new FunctionsApp('stuck', async () => { await new Promise(() => {}); });
const badStatus = new FunctionsApp('bad-status', () => new HttpResponse({ status: 99 }));
const badHeader = new FunctionsApp('bad-header', () =>
  new HttpResponse({ headers: { 'X-Split': 'a\\r\\nSet-Cookie: x=1' } }));
Internet.listenAt('/items', 'POST', create);
Internet.listenAt('/items', 'GET', find);
Internet.listenAt('/text', 'GET', text);
Internet.listenAt('/raw', 'GET', raw);
Internet.listenAt('/empty', 'POST', empty);
Internet.listenAt('/rejects', 'GET', rejects);
Internet.listenAt('/stuck', 'GET', stuck);
Internet.listenAt('/bad-status', 'GET', badStatus);
Internet.listenAt('/bad-header', 'GET', badHeader);
"""


def test_handlers_choose_status_and_headers_and_may_be_async(lc: LocalCloudUnderTest) -> None:
    lc.deploy(lc.write(RESPONSE_PROGRAM))
    base = lc.url
    made = post_json(base + "/items", {"name": "pen", "price": 2.5})
    assert made.status == 201 and made.headers["content-type"].startswith("application/json")
    item_id = made.json()["id"]
    assert made.headers["location"] == f"/items/{item_id}" and made.headers["x-count"] == "1"
    refused = post_json(base + "/items", {"price": 1})
    assert (refused.status, refused.json()) == (422, {"error": "name is required"})
    assert [d["name"] for d in lc.items("shop")] == ["pen"]  # the refused one was not stored

    found = http("GET", base + "/items?name=pen")
    assert (found.status, found.json()) == (200, {"name": "pen", "price": 2.5})
    missing = http("GET", base + "/items?name=ink")
    assert (missing.status, missing.json()) == (404, {"error": "no such item"})

    text = http("GET", base + "/text?who=you")
    assert (text.status, text.body) == (200, b"hello you")
    assert text.headers["content-type"].startswith("text/plain")
    assert text.headers["cache-control"] == "no-store"
    raw = http("GET", base + "/raw")
    assert (raw.body, raw.headers["content-type"]) == (bytes([0, 255, 7]), "image/x-test")
    empty = http("POST", base + "/empty", "{}")
    assert (empty.status, empty.body) == (202, b"")

    for path, logged in (("/rejects", "RangeError: async trouble"),
                         ("/stuck", "promise did not settle"),
                         ("/bad-status", "status must be an integer from 200 to 599"),
                         ("/bad-header", "header has a control character")):
        failed = http("GET", base + path)
        assert failed.status == 500, path
        line = next(x for x in lc.log_text().splitlines() if failed.json()["errorId"] in x)
        assert logged in line, (path, line)
        assert "set-cookie" not in failed.headers


def test_warm_state_and_per_request_isolation(lc: LocalCloudUnderTest) -> None:
    lc.deploy(copy_example("stateful", lc.project))
    warm = [post_json(lc.url + "/visit", {"name": "Ada"}).json()["visits"] for _ in range(3)]
    assert warm == [1, 2, 3]
    isolated = [post_json(lc.url + "/visit-isolated", {}).json()["visits"] for _ in range(3)]
    assert isolated == [1, 1, 1]


def test_query_example_filters_and_answers_json(lc: LocalCloudUnderTest) -> None:
    lc.deploy(copy_example("query", lc.project))
    people = [("Ada", 36, "London"), ("Grace", 85, "Arlington"), ("Alan", 41, "London")]
    for name, age, city in people:
        assert post_json(lc.url + "/people", {"name": name, "age": age, "city": city}).status \
            == 200
    london = http("GET", lc.url + "/people?city=London").json()
    assert [p["name"] for p in london] == ["Ada", "Alan"]
    found = post_json(lc.url + "/people/search", {"minAge": 40}).json()
    assert found["count"] == 2 and [p["name"] for p in found["people"]] == ["Grace", "Alan"]


def test_two_apps_share_one_database(lc: LocalCloudUnderTest) -> None:
    lc.deploy(copy_example("two-apps", lc.project))
    for item, qty in [("tea", 2), ("tea", 3), ("cake", 1)]:
        assert post_json(lc.url + "/orders", {"item": item, "quantity": qty}).status == 200
    report = http("GET", lc.url + "/orders/report").json()
    assert report == {"orders": 3, "open": 3, "quantities": {"tea": 5, "cake": 1}}
    assert len(lc.items("shop-db", "orders")) == 3


def test_environments_are_separate(tmp_path: os.PathLike[str]) -> None:
    dev = LocalCloudUnderTest(str(tmp_path), "dev")
    prod = LocalCloudUnderTest(str(tmp_path), "prod")
    try:
        entry = copy_example("insert-object", str(tmp_path))
        dev.deploy(entry)
        prod.deploy(entry)
        assert post_json(dev.url + INSERT_PATH, {"env": "dev"}).status == 204
        assert [d["env"] for d in dev.items("my-database")] == ["dev"]
        assert prod.items("my-database") == []
    finally:
        dev.close()
        prod.close()


def test_redeploy_under_load_fails_no_request(lc: LocalCloudUnderTest) -> None:
    entry = lc.write(PROGRAM_V1)
    lc.deploy(entry)
    url = lc.url + "/notes"
    with ThreadPoolExecutor(8) as pool:
        first = [pool.submit(post_json, url, {"i": i}) for i in range(60)]
        lc.write(PROGRAM_V2)
        lc.deploy(entry)  # swaps the app while requests are in flight
        second = [pool.submit(post_json, url, {"i": 60 + i}) for i in range(60)]
        statuses = [f.result().status for f in first + second]
    assert set(statuses) <= {200, 204} and statuses[-1] == 200
    assert len(lc.items("notes-db")) == 120


def test_state_and_images_are_private(lc: LocalCloudUnderTest) -> None:
    lc.deploy(copy_example("insert-object", lc.project))
    private = [lc.paths.state] + [os.path.join(lc.paths.images, f)
                                  for f in os.listdir(lc.paths.images)]
    assert len(private) == 2
    for path in private:
        assert os.stat(path).st_mode & 0o777 == 0o600
