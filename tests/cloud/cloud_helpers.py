"""Helpers of the cloud tests: a real HTTP client over loopback, and the engine check."""
from __future__ import annotations

import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


def http(method: str, url: str, body: bytes | str | None = None,
         headers: dict[str, str] | None = None, timeout: float = 30) -> Reply:
    data = body.encode() if isinstance(body, str) else body
    req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return Reply(resp.status, {k.lower(): v for k, v in resp.headers.items()},
                         resp.read())
    except urllib.error.HTTPError as e:
        return Reply(e.code, {k.lower(): v for k, v in e.headers.items()}, e.read())


def post_json(url: str, value: Any, timeout: float = 30) -> Reply:
    return http("POST", url, json.dumps(value), {"Content-Type": "application/json"}, timeout)


def engine_ready() -> bool:
    """True when the compiler and the C VM are built (hostlib imports and compiles)."""
    try:
        import compiler  # noqa: F401
        import hostlib  # noqa: F401
        from compiler import compile_program  # noqa: F401
    except Exception:  # noqa: BLE001 - any failure means: not built yet
        return False
    return True
