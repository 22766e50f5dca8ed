"""Fixtures of the Azure tests: an ARM emulator behind the real SDKs, and `mvc` run in-process
with its credential and transport replaced (commands.make_credential / make_transport: the
only seams). No test reaches the network: every request ends in the emulator."""
from __future__ import annotations

import os
import shutil
import signal
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from azure_helpers import EXAMPLE
from fake_azure import ArmEmulator, FakeCredential, FakeTransport

LIMIT_SECONDS = 120


class TimeLimitExceeded(Exception):
    pass


def _expire(signum: int, frame: Any) -> None:
    raise TimeLimitExceeded(f"test ran longer than {LIMIT_SECONDS} s")


@pytest.fixture(autouse=True)
def time_limit() -> Iterator[None]:
    old = signal.signal(signal.SIGALRM, _expire)
    signal.alarm(LIMIT_SECONDS)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


@pytest.fixture
def emulator() -> ArmEmulator:
    return ArmEmulator()


@pytest.fixture(autouse=True)
def offline_azure(monkeypatch: pytest.MonkeyPatch, emulator: ArmEmulator) -> None:
    """Every Azure command in these tests talks to the emulator."""
    from azure_microvium.azure import commands

    monkeypatch.setattr(commands, "make_credential", FakeCredential)
    monkeypatch.setattr(commands, "make_transport", lambda: FakeTransport(emulator))
    for var in ("AZURE_SUBSCRIPTION_ID", "AZURE_RESOURCE_GROUP", "AZURE_LOCATION"):
        monkeypatch.delenv(var, raising=False)


@pytest.fixture
def project(tmp_path: os.PathLike[str]) -> str:
    """A copy of the mission's example, free to edit."""
    dest = os.path.join(tmp_path, "insert-object")
    os.makedirs(dest)
    for f in ("main.js", "package.json"):
        shutil.copy(os.path.join(EXAMPLE, f), dest)
    return dest


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def mvc(capsys: pytest.CaptureFixture[str]) -> Any:
    """Runs `mvc ARGS...` in this process; returns its exit code and output."""
    from azure_microvium.cli import main

    def run(*args: str, cwd: str | None = None) -> Result:
        old = os.getcwd()
        if cwd:
            os.chdir(cwd)
        try:
            code = main(list(args))
        finally:
            os.chdir(old)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run
