"""The local HTTP front door: a Starlette app that routes by `Internet.listenAt` paths.

It answers what needs no handler itself: 404 for an unknown path, 405 (with Allow) for a method
the path does not take, 413 for a body over the limit (checked on Content-Length and again
while reading, so a large body is never held in memory). Everything else becomes a
`func.HttpRequest` for the adapter, run in a worker thread because a handler call blocks.

Routes are looked up through `resolve` on every request, so a redeploy that swaps the route
table takes effect at the next request without restarting the server.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from typing import Protocol

import azure.functions as func
from starlette.applications import Starlette
from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response
from starlette.routing import Route

from . import adapter
from .resources import normalize_path
from .server import DEFAULT_MAX_BODY

log = logging.getLogger("azure_microvium.gateway")

# How much of a too-large body is read and dropped before answering 413 (see _read_body).
DRAIN_LIMIT = 64 * 1024 * 1024
ALL_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]


class Target(Protocol):
    """A function app as the gateway sees it."""

    name: str

    def invoke(self, body: object, info: dict[str, object]) -> str | None: ...


# path -> {method -> target}, or None when nothing is routed at that path.
Resolve = Callable[[str], "Mapping[str, Target] | None"]


async def _access_log(method: str, path: str, status: int, app: str | None, ms: float) -> None:
    # async so that Starlette runs it on the event loop, not through the thread pool.
    log.info("%s %s -> %d %s(%.1f ms)", method, path, status, f"{app} " if app else "", ms)


class _TooLarge(Exception):
    pass


def _to_starlette(resp: func.HttpResponse) -> Response:
    headers = dict(resp.headers)
    if resp.status_code == 204:
        return Response(status_code=204, headers=headers)
    media = resp.mimetype
    if media and resp.charset and (media.startswith("text/") or media.endswith("json")):
        media = f"{media}; charset={resp.charset}"
    return Response(resp.get_body(), status_code=resp.status_code, headers=headers,
                    media_type=media)


async def _read_body(request: Request, limit: int) -> bytes:
    """The body, or _TooLarge once it passes limit.

    A too-large body is still read to its end (and dropped), up to DRAIN_LIMIT: a client that
    is still sending when the server answers and closes gets a connection reset instead of our
    413, which is what simple clients (urllib, many SDKs) would show their user.
    """
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        if int(declared) <= DRAIN_LIMIT:
            await _drain(request, DRAIN_LIMIT)
        raise _TooLarge()
    chunks = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            await _drain(request, DRAIN_LIMIT - size)
            raise _TooLarge()
        chunks.append(chunk)
    return b"".join(chunks)


async def _drain(request: Request, budget: int) -> None:
    async for chunk in request.stream():
        budget -= len(chunk)
        if budget < 0:
            return


def create_app(resolve: Resolve, *, max_body: int = DEFAULT_MAX_BODY,
               access_log: bool = True) -> Starlette:
    async def dispatch(request: Request) -> Response:
        started = time.perf_counter()
        path = normalize_path(request.url.path)
        resp, app_name = await _dispatch(request, path)
        if access_log:
            ms = (time.perf_counter() - started) * 1000
            # Written after the response is sent, so the log's file I/O is not in the latency.
            resp.background = BackgroundTask(
                _access_log, request.method, path, resp.status_code, app_name, ms)
        return resp

    async def _dispatch(request: Request, path: str) -> tuple[Response, str | None]:
        methods = resolve(path)
        if not methods:
            return _to_starlette(adapter.error_response(404, f"no route for {path}")), None
        target = methods.get(request.method)
        if target is None:
            allow = ", ".join(sorted(methods))
            resp = adapter.error_response(405, f"{path} does not take {request.method} "
                                               f"(allowed: {allow})")
            out = _to_starlette(resp)
            out.headers["Allow"] = allow
            return out, None
        try:
            body = await _read_body(request, max_body)
        except _TooLarge:
            resp = adapter.error_response(413, f"the body is larger than {max_body} bytes")
            # The rest of the body is not read, so the connection cannot carry another request.
            out = _to_starlette(resp)
            out.headers["Connection"] = "close"
            return out, target.name
        except ClientDisconnect:
            return Response(status_code=400), target.name
        req = func.HttpRequest(method=request.method, url=str(request.url),
                               headers=dict(request.headers),
                               params=dict(request.query_params), route_params={}, body=body)
        resp = await run_in_threadpool(adapter.handle, req, target.invoke, app=target.name)
        return _to_starlette(resp), target.name

    return Starlette(routes=[Route("/{path:path}", dispatch, methods=ALL_METHODS)])
