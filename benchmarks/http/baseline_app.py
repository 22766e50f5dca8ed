"""The baseline of the HTTP benchmark: the insert example written by hand as a Starlette app.

Same server (uvicorn, same settings), same store (MontyStore over the same kind of montydb
repository), same answer (204). What it leaves out is exactly what azure-microvium adds: the
func.HttpRequest/HttpResponse adapter, the instance pool and the VM call with its value
conversions and host call back into Python.

    python benchmarks/http/baseline_app.py DATA_DIR PORT
"""
from __future__ import annotations

import sys

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from azure_microvium.server import bind, serve
from azure_microvium.store_montydb import MontyStore


def make_app(data_dir: str) -> Starlette:
    items = MontyStore(data_dir).collection("my-database", "items")

    async def insert(request: Request) -> Response:
        doc = await request.json()
        await run_in_threadpool(items.insert, doc)
        return Response(status_code=204)

    return Starlette(routes=[Route("/insert-object-into-my-database", insert,
                                   methods=["POST"])])


if __name__ == "__main__":
    serve(make_app(sys.argv[1]), bind("127.0.0.1", int(sys.argv[2])))
