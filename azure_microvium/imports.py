"""Host import IDs of the `azure-microvium` JS module: the one table both sides agree on.

The JS module (js/index.js) calls `vmImport(id)` with these numbers; the deploy-time host
(deploy.py) and the run-time host (runtime.py) register Python functions under them. The
range 0xFE00-0xFEFF is reserved for this module; 0xFF00 and up belong to hostlib (print).
An image resolves every import it holds when it is restored, so both hosts register every
ID here, each refusing the calls that do not belong to its phase.
"""
from __future__ import annotations

# Which phase the VM runs in: "deploy" while the program's top level runs, "run" in a handler.
PHASE = 0xFE00

# Deploy time (infrastructure as code). Each is refused at run time.
ENSURE_DATABASE = 0xFE01  # (name, options) -> {connection, database}
ENSURE_FUNCTION_APP = 0xFE02  # (name, options) -> export id for vmExport
BIND_ROUTE = 0xFE03  # (url, method, app name) -> undefined

# Run time (data plane). Each takes (connection, database, collection, ...).
DB_INSERT = 0xFE10  # (..., doc) -> _id
DB_FIND = 0xFE11  # (..., filter, options) -> [doc]
DB_FIND_ONE = 0xFE12  # (..., filter) -> doc | null
DB_UPDATE = 0xFE13  # (..., filter, update) -> {matched, modified}
DB_DELETE = 0xFE14  # (..., filter) -> deleted count
DB_COUNT = 0xFE15  # (..., filter) -> count

FIRST = 0xFE00
LAST = 0xFEFF

DEPLOY_TIME = (ENSURE_DATABASE, ENSURE_FUNCTION_APP, BIND_ROUTE)
DATA = (DB_INSERT, DB_FIND, DB_FIND_ONE, DB_UPDATE, DB_DELETE, DB_COUNT)
