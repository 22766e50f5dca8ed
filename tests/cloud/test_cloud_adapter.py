"""The adapter on its own: func.HttpRequest in, func.HttpResponse out, plain Python handlers."""
from __future__ import annotations

import json
import logging
from typing import Any

import azure.functions as func
import pytest

from azure_microvium import adapter
from azure_microvium.adapter import (
    NO_BODY,
    BadRequest,
    HandlerError,
    HandlerTimeout,
    HandlerUnavailable,
)


def request(body: bytes = b"", content_type: str | None = None, method: str = "POST",
            url: str = "http://localhost/things?x=1") -> func.HttpRequest:
    headers = {"Content-Type": content_type} if content_type else {}
    return func.HttpRequest(method=method, url=url, headers=headers, params={"x": "1"},
                            route_params={}, body=body)


def echo(body: Any, info: dict[str, Any]) -> str | None:
    return json.dumps({"body": "<none>" if body is NO_BODY else body, "info": info})


def run(req: func.HttpRequest, invoke: Any = echo, **kw: Any) -> tuple[int, Any]:
    resp = adapter.handle(req, invoke, app="test-app", **kw)
    assert isinstance(resp, func.HttpResponse)
    raw = resp.get_body()
    return resp.status_code, (json.loads(raw) if raw else None)


def test_json_body_becomes_a_value() -> None:
    status, out = run(request(b'{"name": "Ada", "n": [1, 2.5]}', "application/json"))
    assert status == 200
    assert out["body"] == {"name": "Ada", "n": [1, 2.5]}
    assert out["info"]["method"] == "POST" and out["info"]["path"] == "/things"
    assert out["info"]["query"] == {"x": "1"}
    assert out["info"]["headers"]["content-type"] == "application/json"


def test_curl_form_type_with_json_text_is_json() -> None:
    # curl -d sends application/x-www-form-urlencoded; a body that looks like JSON is JSON.
    status, out = run(request(b'{"name":"Ada"}', "application/x-www-form-urlencoded"))
    assert (status, out["body"]) == (200, {"name": "Ada"})


@pytest.mark.parametrize("body,ctype", [(b"hello", None), (b"42", "text/plain"),
                                        (b'{"a":1}', "text/plain")])
def test_other_bodies_are_strings(body: bytes, ctype: str | None) -> None:
    status, out = run(request(body, ctype))
    assert (status, out["body"]) == (200, body.decode())


def test_no_body_is_undefined() -> None:
    assert run(request(b"", None, "GET"))[1]["body"] == "<none>"


@pytest.mark.parametrize("body,ctype", [(b'{"name":', "application/json"),
                                        (b"[1, 2", None), (b"NaN", "application/json"),
                                        (b"{'a': 1}", "application/ld+json")])
def test_invalid_json_is_400(body: bytes, ctype: str | None) -> None:
    status, out = run(request(body, ctype))
    assert status == 400 and out["error"].startswith("invalid JSON body")


def test_non_utf8_is_400() -> None:
    status, out = run(request(b"\xff\xfe", "text/plain"))
    assert status == 400 and "UTF-8" in out["error"]


def test_undefined_result_is_204_and_values_are_json() -> None:
    resp = adapter.handle(request(b"{}"), lambda b, i: None, app="a")
    assert resp.status_code == 204 and resp.get_body() == b""
    resp = adapter.handle(request(b"{}"), lambda b, i: "null", app="a")
    assert resp.status_code == 200 and resp.mimetype == "application/json"
    assert resp.get_body() == b"null"


def test_handler_error_is_500_with_an_id_in_the_log(caplog: pytest.LogCaptureFixture) -> None:
    def boom(body: Any, info: Any) -> str:
        raise HandlerError("Error: no such item", "main.js:7")

    with caplog.at_level(logging.ERROR, logger="azure_microvium"):
        resp = adapter.handle(request(b"{}"), boom, app="shop")
    out = json.loads(resp.get_body())
    assert resp.status_code == 500 and out["error"] == "the handler failed"
    assert resp.headers["X-Error-Id"] == out["errorId"]
    assert "no such item" not in resp.get_body().decode()  # details only in the log
    line = caplog.records[-1].getMessage()
    assert out["errorId"] in line and "Error: no such item at main.js:7" in line


@pytest.mark.parametrize("exc,status", [(HandlerTimeout(), 504), (HandlerUnavailable(), 503),
                                        (BadRequest("nested too deep"), 400),
                                        (RuntimeError("host bug"), 500)])
def test_other_failures(exc: Exception, status: int) -> None:
    def fail(body: Any, info: Any) -> str:
        raise exc

    assert run(request(b"{}"), fail)[0] == status


def test_body_limit() -> None:
    status, out = run(request(b"x" * 101), max_body=100)
    assert status == 413 and "100 bytes" in out["error"]
    assert run(request(b"1" * 100, "text/plain"), max_body=100)[0] == 200


def test_a_reply_sets_status_headers_and_type() -> None:
    reply = adapter.make_reply(201, {"Location": "/x/1"}, b'{"id":1}', "application/json")
    resp = adapter.handle(request(b"{}"), lambda b, i: reply, app="t")
    assert (resp.status_code, resp.get_body(), resp.mimetype) == (201, b'{"id":1}',
                                                                  "application/json")
    assert resp.headers["location"] == "/x/1"
    typed = adapter.make_reply(200, {"content-type": "image/png"}, b"\x89PNG", "application/octet-stream")
    assert typed.mimetype is None and typed.headers == {"content-type": "image/png"}


@pytest.mark.parametrize("status, headers, body, message", [
    (199, {}, b"", "not from 200 to 599"),
    (600, {}, b"", "not from 200 to 599"),
    (204, {}, b"x", "has no body"),
    (200, {"Bad Name": "v"}, b"", "not a valid header name"),
    (200, {"Content-Length": "5"}, b"", "the server sets"),
    (200, {"Transfer-Encoding": "chunked"}, b"", "the server sets"),
    (200, {"X-A": "1\r\nSet-Cookie: a=b"}, b"", "control character"),
    (200, {"X-A": "nul\x00"}, b"", "control character"),
])
def test_a_reply_refuses_what_would_break_the_response(status: int, headers: dict[str, str],
                                                      body: bytes, message: str) -> None:
    with pytest.raises(HandlerError, match=message):
        adapter.make_reply(status, headers, body, None)
    assert adapter.make_reply(200, {"X-Tab": "a\tb"}, b"", None).headers == {"X-Tab": "a\tb"}
