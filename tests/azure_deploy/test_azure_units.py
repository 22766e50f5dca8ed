"""The small parts on their own: progress while polling, redaction, failure lines."""
from __future__ import annotations

import io
import json
import logging
import sys
from typing import Any, ClassVar

from azure.core.exceptions import HttpResponseError, ServiceRequestError
from azure_helpers import EXAMPLE

from azure_microvium.azure import names
from azure_microvium.azure.errors import explain
from azure_microvium.azure.progress import Progress
from azure_microvium.azure.redact import Redactor, redacted_output

TARGET = names.Target("sub-1", "rg", "westeurope", "dev", "app")


class SlowPoller:
    """Done after `rounds` waits; each wait advances the fake clock by `step` seconds."""

    def __init__(self, clock: list[float], rounds: int, step: float) -> None:
        self.clock, self.rounds, self.step = clock, rounds, step

    def done(self) -> bool:
        return self.rounds <= 0

    def wait(self, timeout: float | None = None) -> None:
        self.rounds -= 1
        self.clock[0] += self.step

    def result(self, timeout: float | None = None) -> str:
        return "the account"


def test_progress_reports_while_an_operation_runs() -> None:
    out = io.StringIO()
    now = [0.0]
    progress = Progress(out, interval=15, clock=lambda: now[0])
    assert progress.wait(SlowPoller(now, rounds=10, step=5), "creating x") == "the account"
    lines = out.getvalue().splitlines()
    assert lines[0] == "  ... creating x"
    assert lines[1:] == ["  ... creating x: still running (15 s)",
                         "  ... creating x: still running (30 s)",
                         "  ... creating x: still running (45 s)"]


def test_redactor_masks_secrets_and_their_keys() -> None:
    r = Redactor()
    r.add("mongodb://acct:p%2Bss%3Dword123@acct.mongo.cosmos.azure.com:10255/?ssl=true")
    r.add("DefaultEndpointsProtocol=https;AccountName=st;AccountKey=abcDEF123456==;X=y")
    assert r("key p%2Bss%3Dword123 and p+ss=word123") == "key *** and ***"
    assert r("AccountKey=abcDEF123456==") == "AccountKey=***"
    assert r("mongodb://acct:p%2Bss%3Dword123@acct.mongo.cosmos.azure.com:10255/?ssl=true") \
        == "***"
    assert r("nothing secret") == "nothing secret"


def test_redacted_output_covers_streams_and_logs(capsys: Any) -> None:
    r = Redactor()
    r.add("AccountKey=supersecretvalue;")
    log = logging.getLogger("azure.core.pipeline.test")
    with redacted_output(r):
        print("value supersecretvalue")
        sys.stderr.write("err supersecretvalue\n")
        log.warning("log supersecretvalue")
    captured = capsys.readouterr()
    assert "supersecretvalue" not in captured.out + captured.err
    assert "value ***" in captured.out and "err ***" in captured.err


def _http_error(status: int, code: str, message: str) -> HttpResponseError:
    class Response:
        status_code = status
        reason = "Error"
        headers: ClassVar[dict[str, str]] = {}
        request = None

        def text(self) -> str:
            return json.dumps({"error": {"code": code, "message": message}})

    from azure.core.exceptions import ODataV4Format

    e = HttpResponseError(response=Response(), error_format=ODataV4Format)  # type: ignore
    return e


def test_explain_gives_one_line_each() -> None:
    cases = [
        (_http_error(401, "InvalidAuthenticationToken", "expired"),
         "Azure rejected the credentials while doing it"),
        (_http_error(403, "AuthorizationFailed", "no"), "permission denied while doing it"),
        (_http_error(409, "QuotaExceeded", "Operation results in exceeding quota limits"),
         "quota exceeded while doing it in westeurope"),
        (_http_error(400, "BadRequest", "first line\nsecond line"),
         "Azure refused doing it (HTTP 400 BadRequest): first line"),
        (ServiceRequestError("Name or service not known"), "cannot reach Azure while doing it"),
    ]
    for error, start in cases:
        line = str(explain(error, "doing it", TARGET))
        assert line.startswith(start), line
        assert "\n" not in line
    taken = explain(_http_error(409, "Conflict", "already exists"), "creating x", TARGET,
                    global_name=("function app", "x"))
    assert str(taken).startswith("the function app name x is already taken")


def test_app_name_comes_from_package_json(tmp_path: Any) -> None:
    assert names.app_name_for(f"{EXAMPLE}/main.js") == "insert-object"
    (tmp_path / "My App").mkdir()
    assert names.app_name_for(str(tmp_path / "My App" / "main.js")) == "my-app"
    (tmp_path / "scoped").mkdir()
    (tmp_path / "scoped" / "package.json").write_text('{"name": "@acme/Shop"}')
    assert names.app_name_for(str(tmp_path / "scoped" / "main.js")) == "acme-shop"
