"""HTTP <-> handler: one `func.HttpRequest` in, one `func.HttpResponse` out.

This is the only code between an HTTP request and a program's handler, and it speaks the
azure-functions types so that the same function serves the local gateway (gateway.py converts
Starlette's request into a func.HttpRequest) and a future Azure Functions app (whose host hands
us a func.HttpRequest directly). It knows nothing of Starlette and nothing of the VM: the
handler is an `Invoke` callable, and the VM side (runtime.py) raises the exceptions below.

The rules, also in docs/cloud.md:
- body: empty -> undefined; declared JSON (application/json, */*+json) -> parsed, invalid is 400;
  text/* -> a string; anything else (curl -d sends a form type) is parsed as JSON when it starts
  like a JSON object, array or string, else passed as a string. A body that is not UTF-8 is 400.
- result: undefined -> 204 with no body; an HttpResponse -> its status, headers and body (Reply);
  anything else -> 200 with its JSON.
- handler threw -> 500 with an error id; the message and JS location go to the log only.
- handler ran out of budget -> 504; no instance free in time -> 503; the instance stopped
  before answering (InstanceLost) -> 503 with Retry-After.
"""
from __future__ import annotations

import json
import logging
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import azure.functions as func

log = logging.getLogger("azure_microvium.functions")


class _NoBody:
    """The request had no body (the handler gets undefined)."""

    def __repr__(self) -> str:
        return "NO_BODY"


NO_BODY = _NoBody()

@dataclass
class Reply:
    """A handler's own response (`new HttpResponse(...)` in JS)."""

    status: int
    body: bytes = b""
    mimetype: str | None = None
    headers: dict[str, str] = field(default_factory=dict)


# Header names are RFC 9110 tokens; values have no control characters (no CR/LF: a handler
# must not be able to split the response). The server owns framing and connection headers.
_TOKEN = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")
_FORBIDDEN = {"content-length", "transfer-encoding", "connection", "keep-alive", "upgrade",
              "te", "trailer"}


def make_reply(status: int, headers: dict[str, str], body: bytes, mimetype: str | None) -> Reply:
    """A Reply after checking what a handler asked for. Raises HandlerError (a handler bug)."""
    if not 200 <= status <= 599:
        raise HandlerError(f"HttpResponse: status {status} is not from 200 to 599")
    if status in (204, 304) and body:
        raise HandlerError(f"HttpResponse: a {status} response has no body")
    out: dict[str, str] = {}
    for name, value in headers.items():
        if not _TOKEN.fullmatch(name):
            raise HandlerError(f"HttpResponse: {name!r} is not a valid header name")
        if name.lower() in _FORBIDDEN:
            raise HandlerError(f"HttpResponse: the server sets the {name} header")
        if any(ord(c) < 32 and c != "\t" or ord(c) == 127 for c in value):
            raise HandlerError(f"HttpResponse: the {name} header has a control character")
        if name.lower() == "content-type":
            mimetype = None  # the header says it
        out[name] = value
    return Reply(status, body, mimetype, out)


# (body value or NO_BODY, request info) -> the return value as JSON text, None for undefined,
# or the handler's own Reply.
Invoke = Callable[[Any, dict[str, Any]], "str | Reply | None"]


class HandlerError(Exception):
    """The handler threw. `text` is the JS error as text, `location` its FILE:LINE if known."""

    def __init__(self, text: str, location: str | None = None) -> None:
        super().__init__(text)
        self.text = text
        self.location = location


class HandlerTimeout(Exception):
    """The handler did not return within its instruction budget."""


class HandlerUnavailable(Exception):
    """No instance of the app could take the request in time."""


class InstanceLost(Exception):
    """The instance serving the request stopped before answering (fault injection, or a
    future crash detector). Its writes may or may not have been applied: the client retries,
    with the same Idempotency-Key (idempotency.py)."""


class BadRequest(Exception):
    """The request cannot be given to the handler (its body cannot become a JS value)."""


def new_error_id() -> str:
    return secrets.token_hex(6)


def json_response(status: int, payload: Any, headers: dict[str, str] | None = None
                  ) -> func.HttpResponse:
    return func.HttpResponse(json.dumps(payload), status_code=status, headers=headers,
                             mimetype="application/json", charset="utf-8")


def error_response(status: int, message: str, error_id: str | None = None
                   ) -> func.HttpResponse:
    payload: dict[str, str] = {"error": message}
    headers: dict[str, str] = {}
    if error_id is not None:
        payload["errorId"] = error_id
        headers["X-Error-Id"] = error_id
    return json_response(status, payload, headers)


def _media_type(req: func.HttpRequest) -> str:
    return (req.headers.get("content-type") or "").split(";", 1)[0].strip().lower()


def _reject_constant(name: str) -> Any:
    # json.loads accepts NaN and Infinity, which are not JSON.
    raise ValueError(f"{name} is not valid JSON")


def _parse_json(text: str) -> Any:
    return json.loads(text, parse_constant=_reject_constant)


def parse_body(req: func.HttpRequest) -> Any:
    """The request body as the value the handler gets. Raises BadRequest."""
    raw = req.get_body()
    if not raw:
        return NO_BODY
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise BadRequest(f"the body is not UTF-8 text (byte {e.start})") from e
    media = _media_type(req)
    declared_json = media == "application/json" or media.endswith("+json")
    if not declared_json:
        if media.startswith("text/"):
            return text
        if text.lstrip()[:1] not in ("{", "[", '"'):
            return text
    try:
        return _parse_json(text)
    except (ValueError, RecursionError) as e:
        raise BadRequest(f"invalid JSON body: {e}") from e


def request_info(req: func.HttpRequest) -> dict[str, Any]:
    """What the handler learns besides the body (its second argument)."""
    return {
        "method": req.method,
        "path": urlsplit(req.url).path or "/",
        "query": dict(req.params),
        "headers": {k.lower(): v for k, v in req.headers.items()},
    }


def handle(req: func.HttpRequest, invoke: Invoke, *, app: str,
           max_body: int | None = None) -> func.HttpResponse:
    """Runs one request through a handler; every outcome is an HttpResponse, never an exception."""
    if max_body is not None and len(req.get_body()) > max_body:
        return error_response(413, f"the body is larger than {max_body} bytes")
    try:
        body = parse_body(req)
        result = invoke(body, request_info(req))
    except BadRequest as e:
        return error_response(400, str(e))
    except HandlerError as e:
        error_id = new_error_id()
        where = f" at {e.location}" if e.location else ""
        log.error("%s: handler failed [error %s]: %s%s", app, error_id, e.text, where)
        return error_response(500, "the handler failed", error_id)
    except HandlerTimeout:
        error_id = new_error_id()
        log.error("%s: handler stopped [error %s]: instruction budget exhausted", app, error_id)
        return error_response(504, "the handler did not finish in time", error_id)
    except HandlerUnavailable:
        log.warning("%s: no instance free, request refused", app)
        return error_response(503, "the function app is busy, try again")
    except InstanceLost as e:
        error_id = new_error_id()
        log.warning("%s: %s before answering [error %s]", app, e, error_id)
        resp = error_response(503, "the function instance stopped before answering; retry "
                                   "(with the same Idempotency-Key)", error_id)
        resp.headers["Retry-After"] = "1"
        return resp
    except Exception as e:
        error_id = new_error_id()
        log.exception("%s: internal error [error %s]: %s", app, error_id, type(e).__name__)
        return error_response(500, "internal error", error_id)
    if isinstance(result, Reply):
        return func.HttpResponse(result.body, status_code=result.status, headers=result.headers,
                                 mimetype=result.mimetype, charset="utf-8")
    if result is None:
        return func.HttpResponse(status_code=204)
    return func.HttpResponse(result, status_code=200, mimetype="application/json",
                             charset="utf-8")
