"""The uploaded zip, inspected: what is in it, that it is deterministic, that the only secret is
inside the image and the image is private; and that no output of a deploy shows a secret."""
from __future__ import annotations

import io
import json
import os
import re
import sys
import tomllib
import zipfile
from typing import Any

from azure_helpers import AZURE_ARGS, ROOT, deploy_args, last_upload
from fake_azure import ArmEmulator

from azure_microvium.azure import package
from azure_microvium.resources import AppSpec, RouteSpec

RUNTIME = [f"azure_microvium/{m}.py" for m in package.RUNTIME_MODULES]
HOSTLIB = [f"hostlib/{m}.py" for m in package.HOSTLIB_MODULES]


def test_the_zip_holds_the_host_package_and_the_image(mvc: Any, project: str,
                                                      emulator: ArmEmulator) -> None:
    assert mvc(*deploy_args(project)).code == 0
    z = last_upload(emulator)
    names = z.namelist()
    so = [n for n in names if n.startswith("hostlib/_mvm") and n.endswith(".so")]
    assert len(so) == 1 and "stress" not in so[0] and "asan" not in so[0]
    assert sorted(names) == sorted(["function_app.py", "host.json", "requirements.txt",
                                    "mvc/image.mvm-bc", *RUNTIME, *HOSTLIB, *so])
    assert names == sorted(names)
    # The VM is the Linux x86-64 build made here.
    assert z.read(so[0])[:4] == b"\x7fELF" and z.read(so[0])[18] == 0x3E  # e_machine x86-64
    host = json.loads(z.read("host.json"))
    assert host["extensions"]["http"]["routePrefix"] == ""
    assert host["version"] == "2.0"
    for info in z.infolist():
        assert info.date_time == package.FIXED_TIME
        mode = (info.external_attr >> 16) & 0o777
        assert mode == (0o600 if info.filename == package.IMAGE_PATH else
                        0o755 if info.filename.endswith(".so") else 0o644), info.filename
    source = z.read("function_app.py").decode()
    compile(source, "function_app.py", "exec")
    assert "@app.route(route='insert-object-into-my-database', methods=['POST'])" in source
    assert "EXPORT_ID = 61440" in source


def test_nothing_secret_outside_the_image(mvc: Any, project: str,
                                          emulator: ArmEmulator) -> None:
    assert mvc(*deploy_args(project)).code == 0
    z = last_upload(emulator)
    secrets = [emulator.connection_string, "c2VjcmV0LWNvc21vcy1rZXk=", emulator.storage_key]
    assert emulator.connection_string.encode() in z.read(package.IMAGE_PATH)
    for name in z.namelist():
        if name == package.IMAGE_PATH:
            continue
        data = z.read(name)
        for secret in secrets:
            assert secret.encode() not in data, f"{name} holds a secret"


def test_the_package_is_deterministic() -> None:
    app = AppSpec("my-function")
    routes = [RouteSpec("POST", "/a", "my-function", "/a")]
    one = package.build(app, 0xF000, routes, b"IMAGE")
    two = package.build(app, 0xF000, routes, b"IMAGE")
    assert one.data == two.data and one.digest == two.digest
    other = package.build(app, 0xF000, routes, b"IMAGE2")
    assert other.digest != one.digest


def test_routes_render_as_safe_python() -> None:
    routes = [RouteSpec("GET", "/it's/a\"path", "f", "/x"),
              RouteSpec("POST", "/it's/a\"path", "f", "/x"),
              RouteSpec("GET", "/v1/items", "f", "/y")]
    source = package.render_function_app(AppSpec("f"), 0xF001, routes, "anonymous", 100)
    compile(source, "function_app.py", "exec")
    defs = re.findall(r"^def (\w+)\(", source, re.MULTILINE)
    assert len(set(defs)) == len(defs)
    assert "route='it\\'s/a\"path'" in source or "route=\"it's/a\\\"path\"" in source


def test_requirements_match_the_pinned_dependencies() -> None:
    with open(os.path.join(ROOT, "pyproject.toml"), "rb") as f:
        project = tomllib.load(f)["project"]
    pins = {}
    for dep in project["dependencies"] + project["optional-dependencies"]["azure"]:
        if "==" in dep:
            name, version = dep.split("==")
            pins[name.lower()] = version
    with open(os.path.join(package.HOST_PACKAGE, "requirements.txt"), encoding="utf-8") as f:
        lines = [ln.strip() for ln in f if ln.strip() and not ln.startswith("#")]
    assert lines
    for line in lines:
        name, version = line.split("==")
        assert pins[name.lower()] == version, line


def test_no_output_shows_a_secret(mvc: Any, tmp_path: Any, emulator: ArmEmulator) -> None:
    """A program that reaches past the module for its connection string, prints it, and then
    makes the deploy fail with an error that quotes it: every line shows *** instead."""
    main = os.path.join(tmp_path, "main.js")
    with open(main, "w", encoding="utf-8") as f:
        f.write("const ensure = vmImport(0xFE01);\n"
                "const info = ensure('leaky', { api: 'mongo-db' });\n"
                "print('the connection is ' + info.connection);\n"
                "throw new Error('failed with ' + info.connection);\n")
    r = mvc("deploy", main, *AZURE_ARGS, "--app", "leaky")
    assert r.code == 1
    text = r.out + r.err
    assert "the connection is ***" in text
    assert "failed with ***" in text
    for secret in (emulator.connection_string, "c2VjcmV0LWNvc21vcy1rZXk="):
        assert secret not in text


def test_the_vm_extension_must_be_for_linux_x86_64(monkeypatch: Any) -> None:
    monkeypatch.setattr(package.sysconfig, "get_platform", lambda: "macosx-14.0-arm64")
    try:
        package.vm_extension()
    except package.PackageError as e:
        assert "Linux x86-64" in str(e)
    else:
        raise AssertionError("no error")
    assert package.python_version() == f"{sys.version_info.major}.{sys.version_info.minor}"


def test_the_zip_reads_back(mvc: Any, project: str, emulator: ArmEmulator) -> None:
    assert mvc(*deploy_args(project)).code == 0
    assert zipfile.ZipFile(io.BytesIO(emulator.uploads[0][1])).testzip() is None
