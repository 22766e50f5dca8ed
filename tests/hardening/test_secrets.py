"""Secrets (docs/security.md): sealed connection strings, private files, no secret in any output,
the local server on loopback only.

tools/test.sh also runs the whole suite under the secret_scan plugin (secret_scan.py), which
fails any test whose output, logs or files show the fake Azure's keys or MVC_SEAL_KEY.
"""
from __future__ import annotations

import io
import logging
import os
import stat
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "tests", "cloud"))

from cloud_helpers import http  # noqa: E402

from azure_microvium import cli as mvc_cli  # noqa: E402
from azure_microvium.cloud import LocalCloud  # noqa: E402
from azure_microvium.deploy import deploy  # noqa: E402
from azure_microvium.gateway import create_app  # noqa: E402
from azure_microvium.instances import Limits  # noqa: E402
from azure_microvium.local_provider import LocalProvider  # noqa: E402
from azure_microvium.logs import attach  # noqa: E402
from azure_microvium.project import env_paths  # noqa: E402
from azure_microvium.sealing import (  # noqa: E402
    PREFIX,
    Sealer,
    SealError,
    new_key,
    parse_key,
    sealer_from_env,
)
from azure_microvium.server import DEFAULT_HOST, ServerThread, bind  # noqa: E402
from azure_microvium.store import local_connection  # noqa: E402
from azure_microvium.store_montydb import MontyStore  # noqa: E402

EXAMPLE = os.path.join(ROOT, "examples", "insert-object", "main.js")
SECRET_CONN = "mongodb://admin:s3cr3t-Passw0rd-XYZ@db.invalid:10255/?ssl=true"


# ---- the sealer ----

def test_seal_and_unseal() -> None:
    key = parse_key(new_key())
    s = Sealer(key)
    token = s.seal(SECRET_CONN)
    assert token.startswith(PREFIX) and SECRET_CONN not in token
    assert "s3cr3t" not in token
    assert s.seal(SECRET_CONN) == token  # deterministic: an unchanged deploy, the same image
    assert s.seal(SECRET_CONN + "x") != token
    assert Sealer(key).unseal(token) == SECRET_CONN
    other = Sealer(parse_key(new_key()))
    with pytest.raises(SealError) as e:
        other.unseal(token)
    assert s.key_id in str(e.value) and other.key_id in str(e.value)
    damaged = token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB")
    with pytest.raises(SealError):
        Sealer(key).unseal(damaged)
    assert repr(s) == f"Sealer(key id {s.key_id})"


def test_bad_keys_are_refused_without_echoing_them() -> None:
    for bad in ("short", "x" * 44, new_key()[:-4]):
        with pytest.raises(SealError) as e:
            parse_key(bad)
        assert bad not in str(e.value)
    assert sealer_from_env({}) is None
    assert sealer_from_env({"MVC_SEAL_KEY": " "}) is None
    assert sealer_from_env({"MVC_SEAL_KEY": new_key()}) is not None


# ---- sealed images, end to end on the local cloud ----

def _serve(project: str, key: str | None, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    if key is None:
        monkeypatch.delenv("MVC_SEAL_KEY", raising=False)
    else:
        monkeypatch.setenv("MVC_SEAL_KEY", key)
    paths = env_paths(project, "dev")
    cloud = LocalCloud(paths, Limits(budget=5_000_000, acquire_timeout=10))
    cloud.reload()
    server = ServerThread(create_app(cloud.resolve), bind("127.0.0.1", 0)).start()
    return paths, cloud, server


def test_a_sealed_image_holds_no_connection_string(tmp_path: os.PathLike[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    project = str(tmp_path)
    key = new_key()
    monkeypatch.setenv("MVC_SEAL_KEY", key)
    paths = env_paths(project, "dev")
    out = io.StringIO()
    first = deploy(EXAMPLE, LocalProvider(paths), stdout=out)
    images = os.listdir(paths.images)
    assert len(images) == 1
    with open(os.path.join(paths.images, images[0]), "rb") as f:
        image = f.read()
    connection = local_connection(paths.data)
    assert connection.encode() not in image and paths.data.encode() not in image
    assert PREFIX.encode() in image
    assert key.encode() not in image
    assert stat.S_IMODE(os.stat(os.path.join(paths.images, images[0])).st_mode) == 0o600
    # Deploying again with the same key changes nothing: the image is byte-identical.
    again = deploy(EXAMPLE, LocalProvider(paths), stdout=out)
    assert all(c.action == "unchanged" for c in again.changes), again.changes
    assert first.image_size == again.image_size

    logs = attach(paths.log)
    try:
        # Served with the key: the handler reaches its database.
        paths, cloud, server = _serve(project, key, monkeypatch)
        try:
            url = f"http://127.0.0.1:{server.port}/insert-object-into-my-database"
            assert http("POST", url, '{"name": "Ada"}').status == 204
        finally:
            server.stop()
            cloud.close()
        assert [d["name"] for d in MontyStore(paths.data).collection("my-database",
                                                                     "items").find({})] == ["Ada"]
        # Without the key, or with another one: a 500 whose log line says why, never a secret.
        for wrong in (None, new_key()):
            paths, cloud, server = _serve(project, wrong, monkeypatch)
            try:
                r = http("POST", f"http://127.0.0.1:{server.port}/insert-object-into-my-database",
                         '{"name": "Bob"}')
                assert r.status == 500
                assert b"MVC_SEAL_KEY" not in r.body and b"sealed" not in r.body
            finally:
                server.stop()
                cloud.close()
    finally:
        for h in logs.handlers:
            h.flush()
        logs.detach()
    with open(paths.log, encoding="utf-8") as f:
        log = f.read()
    assert "sealed: set MVC_SEAL_KEY" in log
    assert "was sealed with key" in log
    for secret in (key, connection):
        assert secret not in log
        assert secret not in out.getvalue()


def test_a_malformed_key_fails_the_deploy_in_one_line(tmp_path: os.PathLike[str],
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    project = str(tmp_path)
    with open(EXAMPLE, encoding="utf-8") as f:
        source = f.read()
    with open(os.path.join(project, "main.js"), "w", encoding="utf-8") as f:
        f.write(source)
    monkeypatch.setenv("MVC_SEAL_KEY", "not-a-key-but-secret-ish-text")
    code = mvc_cli.main(["deploy", os.path.join(project, "main.js"), "--project", project])
    captured = capsys.readouterr()
    assert code == 1
    assert "MVC_SEAL_KEY must be 32 bytes" in captured.err
    assert "not-a-key-but-secret-ish-text" not in captured.out + captured.err
    assert not os.path.exists(os.path.join(project, ".mvc", "dev", "state.json"))


# ---- connection strings never printed ----

def test_errors_of_a_secret_connection_never_show_it(caplog: pytest.LogCaptureFixture) -> None:
    """A store that cannot be reached, or a scheme we do not know: the message names the
    scheme at most."""
    from azure_microvium.runtime import DataFunctions
    from azure_microvium.store import DatabaseError, StoreRegistry

    data = DataFunctions(StoreRegistry())
    for conn in ("weird://user:s3cr3t-Passw0rd-XYZ@host/db", "s3cr3t-Passw0rd-XYZ"):
        with pytest.raises(DatabaseError) as e:
            data.insert(None, conn, "db", "items", {"a": 1})
        assert "s3cr3t" not in str(e.value)
    caplog.set_level(logging.DEBUG)
    assert "s3cr3t" not in caplog.text


def test_the_local_server_binds_loopback_unless_told_otherwise() -> None:
    import argparse

    assert DEFAULT_HOST == "127.0.0.1"
    parser = argparse.ArgumentParser()
    mvc_cli.add_cloud_commands(parser.add_subparsers())
    assert parser.parse_args(["dev"]).host == "127.0.0.1"
    assert parser.parse_args(["dev", "--host", "0.0.0.0"]).host == "0.0.0.0"  # only on purpose
    sock = bind(DEFAULT_HOST, 0)
    try:
        assert sock.getsockname()[0] == "127.0.0.1"
    finally:
        sock.close()
