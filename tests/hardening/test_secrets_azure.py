"""Sealed connection strings on the Azure target, against the ARM emulator of tests/azure_deploy:
with MVC_SEAL_KEY at deploy time the uploaded image holds no connection string, every function
app gets the key as its MVC_SEAL_KEY app setting, no output shows the key or the connection
string, and a second deploy with the same key changes nothing."""
from __future__ import annotations

import importlib.util
import os
import sys
from typing import Any

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
AZURE_TESTS = os.path.join(ROOT, "tests", "azure_deploy")
sys.path.insert(0, AZURE_TESTS)

from azure_helpers import deploy_args, last_upload  # noqa: E402

from azure_microvium.azure import package  # noqa: E402
from azure_microvium.sealing import PREFIX, Sealer, new_key, parse_key  # noqa: E402

# The fixtures of the Azure tests (emulator, offline_azure, project, mvc), reused as they are.
_spec = importlib.util.spec_from_file_location("azure_deploy_conftest",
                                               os.path.join(AZURE_TESTS, "conftest.py"))
assert _spec is not None and _spec.loader is not None
_conftest = importlib.util.module_from_spec(_spec)
sys.modules["azure_deploy_conftest"] = _conftest
_spec.loader.exec_module(_conftest)
emulator = _conftest.emulator
offline_azure = _conftest.offline_azure
project = _conftest.project
mvc = _conftest.mvc
time_limit = _conftest.time_limit


def test_azure_deploy_seals_the_image_and_sets_the_key(mvc: Any, project: str, emulator: Any,
                                                       monkeypatch: Any) -> None:
    key = new_key()
    monkeypatch.setenv("MVC_SEAL_KEY", key)
    r = mvc(*deploy_args(project))
    assert r.code == 0, r.out + r.err
    image = last_upload(emulator).read(package.IMAGE_PATH)
    assert emulator.connection_string.encode() not in image
    assert b"c2VjcmV0LWNvc21vcy1rZXk=" not in image
    assert PREFIX.encode() in image and key.encode() not in image
    token = image[image.index(PREFIX.encode()):].split(b"\0")[0]
    # The token is a string in the heap: cut it at its length, then open it with the key.
    opened = None
    for end in range(len(PREFIX) + 20, len(token) + 1):
        try:
            opened = Sealer(parse_key(key)).unseal(token[:end].decode("ascii", "ignore"))
            break
        except Exception:  # noqa: BLE001 - not the end of the token yet
            continue
    assert opened == emulator.connection_string
    settings = list(emulator.app_settings.values())
    assert settings and all(s.get("MVC_SEAL_KEY") == key for s in settings)
    text = r.out + r.err
    for secret in (key, emulator.connection_string, "c2VjcmV0LWNvc21vcy1rZXk="):
        assert secret not in text
    uploads = len(emulator.uploads)
    again = mvc(*deploy_args(project))
    assert again.code == 0, again.out + again.err
    assert len(emulator.uploads) == uploads  # the same key: the same image, nothing uploaded
    assert key not in again.out + again.err


def test_a_malformed_key_fails_an_azure_deploy_without_echoing_it(mvc: Any, project: str,
                                                                   monkeypatch: Any) -> None:
    monkeypatch.setenv("MVC_SEAL_KEY", "this-is-not-a-valid-seal-key")
    r = mvc(*deploy_args(project))
    assert r.code == 1
    assert "MVC_SEAL_KEY must be 32 bytes" in r.err
    assert "this-is-not-a-valid-seal-key" not in r.out + r.err
