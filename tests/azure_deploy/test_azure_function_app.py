"""The package as Azure Functions runs it: the zip the deploy uploaded, extracted, its generated
function_app.py imported with only the zip's own modules (the installed azure_microvium and
hostlib hidden, the compiler made unimportable) and called the way the Python worker calls it:
a func.HttpRequest into the function that `app.get_functions()` registered for the route.

The program's database is pointed at a local montydb store: the emulator's
listConnectionStrings hands out a montydb:// connection string, the deploy captures it in the
image like a real one, and the handler's db calls land in a folder the test reads back.
"""
from __future__ import annotations

import contextlib
import json
import os
import sys
import zipfile
from collections.abc import Iterator
from typing import Any

import azure.functions as func
import pytest
from azure_helpers import AZURE_ARGS, last_upload
from fake_azure import ArmEmulator

PROGRAM = """
import { CosmosDB, FunctionsApp, Internet } from 'azure-microvium';

const db = new CosmosDB('shop', { api: 'mongo-db' });
let served = 0;
const api = new FunctionsApp('shop-api', (body, request) => {
  served = served + 1;
  if (request.method === 'POST') {
    const id = db.insert({ name: body.name });
    return { id: id, served: served };
  }
  if (request.query.fail === 'yes') { throw new Error('asked to fail'); }
  return { count: db.count(), served: served };
});
Internet.listenAt('https://shop.example.com/items', 'POST', api);
Internet.listenAt('https://shop.example.com/items', 'GET', api);
"""

PACKAGES = ("azure_microvium", "hostlib", "function_app", "compiler")


def deploy_shop(tmp_path: Any, emulator: ArmEmulator, mvc: Any, connection: str) -> None:
    """Deploys PROGRAM with its database at `connection` (what listConnectionStrings gives)."""
    project = os.path.join(tmp_path, "shop")
    os.makedirs(project)
    with open(os.path.join(project, "main.js"), "w", encoding="utf-8") as f:
        f.write(PROGRAM)
    emulator.connection_string = connection
    r = mvc("deploy", os.path.join(project, "main.js"), *AZURE_ARGS)
    assert r.code == 0, r.err


@contextlib.contextmanager
def imported_package(emulator: ArmEmulator, root: str) -> Iterator[Any]:
    """Extracts the uploaded zip to root and imports its function_app.py from there only."""
    last_upload(emulator).extractall(root)
    saved = {k: v for k, v in sys.modules.items() if k.split(".")[0] in PACKAGES}
    for k in saved:
        del sys.modules[k]
    sys.modules["compiler"] = None  # type: ignore[assignment]  # import compiler -> ImportError
    sys.path.insert(0, root)
    try:
        import function_app as module

        # The worker indexes the app once (a second get_functions() refuses the same names).
        module.indexed = module.app.get_functions()
        yield module
    finally:
        sys.path.remove(root)
        for k in [k for k in sys.modules if k.split(".")[0] in PACKAGES]:
            del sys.modules[k]
        sys.modules.update(saved)


@pytest.fixture
def shop(tmp_path: Any, emulator: ArmEmulator, mvc: Any) -> str:
    """Deploys PROGRAM; returns the montydb folder its database lives in."""
    data = os.path.join(tmp_path, "data")
    deploy_shop(tmp_path, emulator, mvc, f"montydb://{data}")
    return data


@pytest.fixture
def function_app(shop: str, emulator: ArmEmulator, tmp_path: Any) -> Iterator[Any]:
    with imported_package(emulator, os.path.join(tmp_path, "wwwroot")) as module:
        yield module


def request(method: str, path: str, body: bytes = b"", params: dict[str, str] | None = None,
            content_type: str = "application/json") -> func.HttpRequest:
    return func.HttpRequest(method=method, url=f"https://shop-api.azurewebsites.net{path}",
                            headers={"Content-Type": content_type} if body else {},
                            params=params or {}, route_params={}, body=body)


def call(app: Any, req: func.HttpRequest) -> func.HttpResponse:
    """Finds the function registered for the request's route and method, and calls it."""
    path = req.url.split(".net", 1)[1].split("?")[0].lstrip("/")
    for f in app.indexed:
        trigger = json.loads(f.get_function_json())["bindings"][0]
        if trigger["route"] == path and req.method in trigger["methods"]:
            return f.get_user_function()(req)
    raise AssertionError(f"no function for {req.method} {path}")


def test_the_package_runs_its_own_modules(function_app: Any, tmp_path: Any) -> None:
    root = os.path.join(tmp_path, "wwwroot")
    assert function_app.__file__.startswith(root)
    assert sys.modules["azure_microvium.adapter"].__file__.startswith(root)
    if not os.environ.get("MVM_VARIANT"):  # a stress/asan run uses the repository's build
        assert sys.modules["hostlib._mvm"].__file__.startswith(root)


def test_routes_are_registered_as_http_triggers(function_app: Any) -> None:
    triggers = sorted(
        (json.loads(f.get_function_json())["bindings"][0]["route"],
         json.loads(f.get_function_json())["bindings"][0]["methods"],
         json.loads(f.get_function_json())["bindings"][0]["authLevel"])
        for f in function_app.indexed)
    assert triggers == [("items", ["GET"], "ANONYMOUS"), ("items", ["POST"], "ANONYMOUS")]


def test_requests_reach_the_handler_and_the_database(function_app: Any, shop: str) -> None:
    r = call(function_app, request("POST", "/items", b'{"name": "Ada"}'))
    assert r.status_code == 200, r.get_body()
    created = json.loads(r.get_body())
    assert len(created["id"]) == 24 and created["served"] == 1

    r = call(function_app, request("GET", "/items"))
    assert r.status_code == 200
    # The warm instance kept its heap: `served` counts on.
    assert json.loads(r.get_body()) == {"count": 1, "served": 2}

    from azure_microvium.store_montydb import MontyStore

    docs = MontyStore(shop).collection("shop", "items").find({})
    assert docs == [{"_id": created["id"], "name": "Ada"}]


def test_failures_answer_like_the_local_cloud(function_app: Any) -> None:
    r = call(function_app, request("GET", "/items", params={"fail": "yes"}))
    assert r.status_code == 500
    body = json.loads(r.get_body())
    assert body["error"] == "the handler failed" and r.headers["X-Error-Id"] == body["errorId"]
    r = call(function_app, request("POST", "/items", b"{not json"))
    assert r.status_code == 400 and "invalid JSON" in json.loads(r.get_body())["error"]


def test_the_image_is_restored_once_per_worker(function_app: Any) -> None:
    for _ in range(3):
        assert call(function_app, request("GET", "/items")).status_code == 200
    runtime = function_app.runtime()
    assert runtime is function_app.runtime()
    assert runtime.pool.live == 1


def test_function_auth_level(mvc: Any, emulator: ArmEmulator, project: str) -> None:
    r = mvc("deploy", os.path.join(project, "main.js"), *AZURE_ARGS, "--auth", "function")
    assert r.code == 0, r.err
    source = last_upload(emulator).read("function_app.py").decode()
    assert "func.FunctionApp(http_auth_level=func.AuthLevel.FUNCTION)" in source
    assert "function key" in r.out


def test_a_broken_image_answers_500(function_app: Any, tmp_path: Any) -> None:
    with open(os.path.join(tmp_path, "wwwroot", "mvc", "image.mvm-bc"), "wb") as f:
        f.write(b"not an image")
    r = call(function_app, request("GET", "/items"))
    assert r.status_code == 500
    assert json.loads(r.get_body())["error"] == "the function app could not start"


def test_the_zip_extracts_with_the_image_private(emulator: ArmEmulator, shop: str,
                                                 tmp_path: Any) -> None:
    z: zipfile.ZipFile = last_upload(emulator)
    info = z.getinfo("mvc/image.mvm-bc")
    assert (info.external_attr >> 16) & 0o777 == 0o600


def test_one_store_per_connection_per_worker(function_app: Any) -> None:
    """Every instance and invocation of a worker shares one store, so one MongoClient."""
    url = "mongodb://user:key@127.0.0.1:9/?serverSelectionTimeoutMS=100"
    store = function_app._stores.get(url)
    assert function_app._stores.get(url) is store
    assert type(store).__name__ == "MongoStore"


def test_against_a_mongodb_wire_protocol_server(tmp_path: Any, emulator: ArmEmulator,
                                                mvc: Any) -> None:
    """Optional: the package's pymongo path against briskdb's real MongoDB listener on
    loopback (pip install briskdb==0.1.0b3; it speaks to pymongo 4.17, which is pinned)."""
    briskdb = pytest.importorskip("briskdb")
    from pymongo import MongoClient

    with briskdb.open(os.path.join(tmp_path, "brisk"), shards=2, documents=True) as db, \
            db.serve(mongo="127.0.0.1:0") as server:
        url = f"mongodb://{server.mongo_address}/?serverSelectionTimeoutMS=5000"
        deploy_shop(tmp_path, emulator, mvc, url)
        with imported_package(emulator, os.path.join(tmp_path, "wwwroot")) as app:
            r = call(app, request("POST", "/items", b'{"name": "Grace"}'))
            assert r.status_code == 200, r.get_body()
            created = json.loads(r.get_body())["id"]
            r = call(app, request("GET", "/items"))
            assert json.loads(r.get_body())["count"] == 1
            app._stores.close()
        client = MongoClient(url)
        try:
            assert list(client["shop"]["items"].find({})) == [{"_id": created, "name": "Grace"}]
        finally:
            client.close()
