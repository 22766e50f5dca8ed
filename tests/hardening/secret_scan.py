"""A pytest plugin that fails a test whenever a secret shows up in anything it printed or logged.

    python -m pytest -p secret_scan tests/azure_deploy tests/cloud     (with tests/hardening on
                                                                        sys.path)

Secrets: the values in the environment variable MVC_SCAN_SECRETS (separated by newlines), plus
MVC_SEAL_KEY when set, plus the fake Azure's connection string and keys when the fake is loaded.
Scanned, for every test: its captured stdout, stderr and log records (pytest's report sections),
everything the test itself read back through capsys/capfd (readouterr is wrapped), and every
text file it left under its tmp_path, except the files that are meant to hold a connection
string: images (*.mvm-bc), zips and state.json (all 0600).

tests/hardening/test_secrets.py runs the end-to-end suites under this plugin.
"""
from __future__ import annotations

import os
import sys
from typing import Any

import pytest

_seen: list[str] = []


def _secrets() -> list[str]:
    found = [s for s in os.environ.get("MVC_SCAN_SECRETS", "").split("\n") if len(s) >= 8]
    if os.environ.get("MVC_SEAL_KEY", "").strip():
        found.append(os.environ["MVC_SEAL_KEY"].strip())
    fake = sys.modules.get("fake_azure")
    if fake is not None:
        em = fake.ArmEmulator()
        for name in ("connection_string", "storage_key"):
            value = getattr(em, name, None)
            if isinstance(value, str) and len(value) >= 8:
                found.append(value)
                if value.startswith("mongodb") and "@" in value:  # the password on its own
                    found.append(value.split("@", 1)[0].rsplit(":", 1)[1])
    return found


def pytest_configure(config: pytest.Config) -> None:
    from _pytest.capture import CaptureFixture

    original = CaptureFixture.readouterr

    def readouterr(self: Any) -> Any:
        result = original(self)
        _seen.append(str(result.out) + str(result.err))
        return result

    CaptureFixture.readouterr = readouterr  # type: ignore[method-assign]


def _files_under(root: str) -> list[str]:
    texts = []
    for folder, _, files in os.walk(root):
        for name in files:
            if name.endswith((".mvm-bc", ".zip")) or name == "state.json" or ".tmp" in name:
                continue
            path = os.path.join(folder, name)
            try:
                with open(path, "rb") as f:
                    data = f.read(4 * 1024 * 1024)
            except OSError:
                continue
            if b"\0" in data[:4096] or name.endswith((".sqlite", ".db", "-wal", "-shm")):
                continue  # binary: a database file holds documents, not our output
            texts.append(f"{path}:\n" + data.decode("utf-8", "replace"))
    return texts


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    outcome = yield
    report = outcome.get_result()
    if call.when != "teardown":
        return
    texts = [content for _, content in report.sections] + list(_seen)
    _seen.clear()
    tmp = getattr(item, "funcargs", {}).get("tmp_path")
    if tmp is not None:
        texts += _files_under(str(tmp))
    leaks = []
    for secret in _secrets():
        for text in texts:
            if secret in text:
                where = text.split(":\n", 1)[0] if text.startswith("/") else "output"
                leaks.append(f"{secret[:6]}... in {where}")
                break
    if leaks:
        report.outcome = "failed"
        report.longrepr = "secret_scan: a secret was shown: " + "; ".join(leaks)
