"""The cloud commands as a user runs them: real `mvc` processes, a real server on loopback."""
from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest
from cloud_helpers import engine_ready, http

if not engine_ready():
    pytest.skip("the compiler and VM are not built", allow_module_level=True)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXAMPLE = os.path.join(ROOT, "examples", "insert-object")


def mvc(*args: str, cwd: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "azure_microvium.cli", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=60, check=False)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_until_served(proc: subprocess.Popen[str], port: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.communicate()
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise AssertionError("mvc dev did not start serving")


@pytest.fixture
def project(tmp_path: os.PathLike[str]) -> str:
    for f in ("main.js", "package.json"):
        shutil.copy(os.path.join(EXAMPLE, f), tmp_path)
    return str(tmp_path)


@pytest.fixture
def dev_server(project: str) -> Iterator[tuple[subprocess.Popen[str], str]]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "azure_microvium.cli", "dev", "--port",
                             str(port)], cwd=project, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        wait_until_served(proc, port)
        yield proc, f"http://127.0.0.1:{port}"
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)
            try:
                proc.communicate(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.communicate()


def test_the_issue_walkthrough(project: str,
                               dev_server: tuple[subprocess.Popen[str], str]) -> None:
    """mvc dev (package.json's main) -> curl -d -> mvc db find / count -> status -> logs."""
    proc, base = dev_server
    reply = http("POST", base + "/insert-object-into-my-database", '{"name":"Ada"}',
                 {"Content-Type": "application/x-www-form-urlencoded"})  # as curl -d sends it
    assert reply.status == 204
    found = mvc("db", "my-database", "find", cwd=project)
    assert found.returncode == 0, found.stderr
    docs = [json.loads(line) for line in found.stdout.splitlines()]
    assert [d["name"] for d in docs] == ["Ada"] and len(docs[0]["_id"]) == 24
    assert mvc("db", "my-database", "count", '{"name": "Ada"}', cwd=project).stdout == "1\n"
    assert mvc("db", "my-database", "count", '{"name": "Bob"}', cwd=project).stdout == "0\n"
    status = mvc("status", cwd=project).stdout
    assert "my-database" in status and "POST /insert-object-into-my-database -> my-function" \
        in status and f"served    {base}" in status
    logs = mvc("logs", cwd=project)
    assert "POST /insert-object-into-my-database -> 204 my-function" in logs.stdout

    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=15)
    assert proc.returncode == 0, err
    assert "3 created" in out and "Traceback" not in err
    assert "served    no" in mvc("status", cwd=project).stdout


def test_deploy_prints_changes_and_redeploy_is_unchanged(project: str) -> None:
    first = mvc("deploy", cwd=project)
    assert first.returncode == 0, first.stderr
    assert "database my-database: created" in first.stdout
    assert "route POST /insert-object-into-my-database: created (-> my-function)" in first.stdout
    again = mvc("deploy", "main.js", cwd=project)
    assert again.returncode == 0
    assert "no changes: everything is up to date" in again.stdout
    assert "created" not in again.stdout


@pytest.mark.parametrize("source,message", [
    ("import { CosmosDB } from 'azure-microvium';\nnew CosmosDB('Bad Name');\n",
     "a database name is 3-44 lowercase letters"),
    ("import { FunctionsApp } from 'azure-microvium';\nnew FunctionsApp('f1', 42);\n",
     "the handler must be a function"),
    (("import { FunctionsApp, Internet } from 'azure-microvium';\n"
      "const f = new FunctionsApp('f1', () => 1);\nInternet.listenAt('/x', 'FETCH', f);\n"),
     "the method must be one of GET, POST, PUT, PATCH, DELETE"),
    ("throw new Error('top level fails');\n", "top level fails"),
    ("const x = ;\n", "main.js:1"),
])
def test_deploy_errors_are_one_line_and_change_nothing(project: str, source: str,
                                                      message: str) -> None:
    with open(os.path.join(project, "main.js"), "w") as f:
        f.write(source)
    r = mvc("deploy", cwd=project)
    assert r.returncode == 1
    assert r.stderr.startswith("mvc: deploy failed: ") and message in r.stderr
    assert "Traceback" not in r.stderr
    assert not os.path.exists(os.path.join(project, ".mvc", "dev", "state.json"))


def test_other_command_errors(project: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    empty = str(tmp_path_factory.mktemp("empty"))
    r = mvc("deploy", cwd=empty)
    assert r.returncode == 1 and r.stderr == f"mvc: no FILE given and no package.json in {empty}\n"
    r = mvc("db", "my-database", "find", cwd=project)
    assert r.returncode == 1 and "no database 'my-database'" in r.stderr
    r = mvc("deploy", "--env", "Not OK", cwd=project)
    assert r.returncode == 1 and r.stderr.count("\n") == 1
    assert mvc("deploy", cwd=project).returncode == 0
    r = mvc("db", "my-database", "find", "{bad json", cwd=project)
    assert r.returncode == 1 and r.stderr.startswith("mvc: FILTER is not JSON")
    r = mvc("destroy", cwd=project)
    assert r.returncode == 1 and "--yes" in r.stderr
    r = mvc("destroy", "--yes", cwd=project)
    assert r.returncode == 0 and "database my-database: removed (with its data)" in r.stdout
    assert not os.path.exists(os.path.join(project, ".mvc", "dev"))


def test_dev_redeploys_when_the_source_changes(
        project: str, dev_server: tuple[subprocess.Popen[str], str]) -> None:
    proc, base = dev_server
    url = base + "/insert-object-into-my-database"
    assert http("POST", url, '{"v": 1}').status == 204
    main = os.path.join(project, "main.js")
    with open(main, encoding="utf-8") as f:
        source = f.read()
    with open(main, "w", encoding="utf-8") as f:
        f.write(source.replace("aMessage => { db.insert(aMessage); }",
                               "aMessage => { db.insert(aMessage); return db.count({}); }"))
    deadline = time.monotonic() + 20
    reply = http("POST", url, '{"v": 2}')
    while reply.status == 204 and time.monotonic() < deadline:
        time.sleep(0.2)
        reply = http("POST", url, '{"v": 2}')
    assert reply.status == 200 and reply.json() >= 2  # new handler, old data still there
    proc.send_signal(signal.SIGINT)
    out, _ = proc.communicate(timeout=15)
    assert "changed: main.js; redeploying" in out and "function app my-function: updated" in out
