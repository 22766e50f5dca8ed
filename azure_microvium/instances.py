"""Function instances: VMs resumed from an app's image, and the pool that shares them.

Why this is safe under concurrent requests:
- A VM is never used by two threads at once. The pool hands an instance to exactly one caller
  and takes it back only when that call has returned; idle instances sit in a list guarded by
  a condition variable. A VM's heap, handles and host are therefore single-threaded, which is
  what the C core requires.
- Nothing mutable is shared between instances except the document stores, which are
  thread-safe themselves (store_montydb.py). Each instance has its own copy of the image (hostlib
  copies it at restore) and its own Host.
- The C core runs without the GIL (cffi releases it around calls), so instances of one app run
  in parallel; host functions take the GIL back while they run Python.

Warm instances keep their heap between requests, like a warm Azure Functions instance: module
state a handler changes is still there for the next request that instance serves. Which
instance serves a request is not specified; the pool reuses the most recently used one first
(LIFO), so a lightly loaded app keeps answering from one warm heap. An instance whose call ran
out of budget or memory is discarded, not reused, because the call was abandoned half-way and
its heap may hold half-made changes; the next request gets a fresh copy of the image. A handler
that throws keeps its instance: its heap is as consistent as the program left it, as in any
JavaScript runtime. With isolation 'per-request' every request resumes a fresh copy.
"""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from hostlib import (
    PENDING,
    UNDEFINED,
    VM,
    BudgetExceeded,
    Host,
    JSException,
    OutOfMemory,
    VMError,
)
from hostlib.values import to_json

from .adapter import (
    NO_BODY,
    BadRequest,
    HandlerError,
    HandlerTimeout,
    HandlerUnavailable,
    InstanceLost,
    Reply,
    make_reply,
)
from .idempotency import BadKey, Faults, InstanceKilled, RequestContext, request_key
from .limits import Limits
from .runtime import release_functions

log = logging.getLogger("azure_microvium.functions")

# hostlib converts values recursively and refuses deeper ones; a body nested deeper than this
# is the client's mistake (400), not the handler's.
MAX_BODY_DEPTH = 150


def _depth(value: Any, limit: int) -> int:
    """Nesting depth of a JSON value, stopping early past limit."""
    stack = [(value, 1)]
    deepest = 0
    while stack:
        v, d = stack.pop()
        deepest = max(deepest, d)
        if deepest > limit:
            return deepest
        if isinstance(v, dict):
            stack.extend((x, d + 1) for x in v.values())
        elif isinstance(v, list):
            stack.extend((x, d + 1) for x in v)
    return deepest


class Instance:
    """One VM resumed from the image, with the app's handler resolved once."""

    def __init__(self, image: bytes, export_id: int, host: Host, limits: Limits,
                 app: str = "", faults: Faults | None = None) -> None:
        self.vm = VM.restore(image, host, budget=limits.budget, max_heap=limits.max_heap)
        try:
            self.handler = self.vm.export(export_id)
        except BaseException:
            self.vm.close()
            raise
        self.app = app
        self.faults = faults
        self.calls = 0
        self.broken = False

    def call(self, body: Any, info: dict[str, Any]) -> str | Reply | None:
        """Calls the handler; returns its result as JSON text (None for undefined) or the
        Reply of an HttpResponse."""
        try:
            key = request_key(info.get("headers") or {})
        except BadKey as e:
            raise BadRequest(str(e)) from None
        ctx = RequestContext(self.app, key, self.faults)
        self.calls += 1
        arg = UNDEFINED if body is NO_BODY else body
        self.vm.request = ctx  # read by the host functions (runtime.py)
        try:
            ctx.fault("start")
            result = self.vm.call(self.handler, arg, info)
        except InstanceKilled as e:
            self.broken = True
            raise InstanceLost(str(e)) from e
        except JSException as e:
            if ctx.killed_at is not None:  # died inside a host call: no answer at all
                self.broken = True
                raise InstanceLost(f"instance killed ({ctx.killed_at})") from e
            where = f"{e.file}:{e.line}" if e.file and e.line else None
            raise HandlerError(e.text, where) from e
        except BudgetExceeded as e:
            self.broken = True
            raise HandlerTimeout() from e
        except OutOfMemory as e:
            self.broken = True
            raise HandlerError("out of memory: the heap limit was reached") from e
        except VMError:
            self.broken = True
            raise
        except (ValueError, TypeError) as e:
            # The arguments were checked first, so this is the result: e.g. a circular object.
            raise HandlerError(f"the return value cannot be sent as JSON: {e}") from e
        finally:
            self.vm.request = None
        try:
            if ctx.killed_at is None:
                ctx.fault("end")
            if ctx.killed_at is not None:  # the handler caught the kill: still no answer
                self.broken = True
                raise InstanceLost(f"instance killed ({ctx.killed_at})")
            return decode_reply(result)
        except InstanceKilled as e:
            self.broken = True
            raise InstanceLost(str(e)) from e
        finally:
            release_functions(result)

    def close(self) -> None:
        self.vm.close()


def decode_reply(result: Any) -> str | Reply | None:
    """What the handler's export returned (azure_microvium/js/index.js, toReply): [0, value]
    or [1, status, headers, body, kind]. Raises HandlerError for what cannot be sent."""
    if result is PENDING:
        raise HandlerError("the handler's promise did not settle: it awaits something that no "
                           "request will resolve")
    if not isinstance(result, list) or not result or result[0] not in (0, 1):
        return to_json(result)  # an image made before HttpResponse: the handler's own value
    if result[0] == 0:
        return to_json(result[1] if len(result) > 1 else UNDEFINED)
    _, status, headers, body, kind = result
    if kind == "json":
        text = to_json(body)
        data, mimetype = (text or "null").encode(), "application/json"
    elif kind == "text":
        data, mimetype = body.encode("utf-8", "surrogatepass"), "text/plain"
    elif kind == "bytes":
        data, mimetype = bytes(body), "application/octet-stream"
    else:
        data, mimetype = b"", None
    return make_reply(int(status), dict(headers), data, mimetype)


class InstancePool:
    """Up to `size` instances of one app; each is lent to one caller at a time."""

    def __init__(self, make: Callable[[], Instance], size: int, *, reuse: bool,
                 acquire_timeout: float) -> None:
        self._make = make
        self._size = size
        self._reuse = reuse
        self._timeout = acquire_timeout
        self._idle: list[Instance] = []
        self._live = 0  # instances lent out or idle
        self._cond = threading.Condition()
        self._closed = False

    def acquire(self) -> Instance:
        deadline = time.monotonic() + self._timeout
        with self._cond:
            # A closed pool still serves (without reuse) a request that found it just before
            # a redeploy replaced it, rather than failing it.
            while not self._idle and self._live >= self._size:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise HandlerUnavailable()
                self._cond.wait(left)
            if self._idle:
                return self._idle.pop()
            self._live += 1
        # Restoring takes a while and needs no lock: other callers may proceed meanwhile.
        try:
            return self._make()
        except BaseException:
            with self._cond:
                self._live -= 1
                self._cond.notify()
            raise

    def prewarm(self) -> None:
        """Makes one idle instance now, so the first request does not pay for the restore."""
        with self._cond:
            if self._idle or self._live >= self._size or not self._reuse:
                return
            self._live += 1
        try:
            inst = self._make()
        except BaseException:
            with self._cond:
                self._live -= 1
            raise
        self.release(inst)

    def release(self, inst: Instance) -> None:
        with self._cond:
            keep = self._reuse and not inst.broken and not self._closed
            if keep:
                self._idle.append(inst)
            else:
                self._live -= 1
            self._cond.notify()
        if not keep:
            inst.close()

    def close(self) -> None:
        """Closes idle instances now; lent ones are closed when they come back."""
        with self._cond:
            self._closed = True
            idle, self._idle = self._idle, []
            self._live -= len(idle)
            self._cond.notify_all()
        for inst in idle:
            inst.close()

    @property
    def live(self) -> int:
        return self._live


class AppRuntime:
    """A deployed function app: the adapter's `invoke` for its handler."""

    def __init__(self, name: str, image: bytes, export_id: int, *, isolation: str,
                 instances: int, host_factory: Callable[[str], Host], limits: Limits,
                 faults: Faults | None = None) -> None:
        self.name = name
        self.export_id = export_id
        self._image = image
        self._host_factory = host_factory
        self._limits = limits
        self._faults = faults
        self.pool = InstancePool(self._new_instance, instances, reuse=isolation == "warm",
                                 acquire_timeout=limits.acquire_timeout)

    def _new_instance(self) -> Instance:
        return Instance(self._image, self.export_id, self._host_factory(self.name), self._limits,
                        self.name, self._faults)

    def invoke(self, body: Any, info: dict[str, Any]) -> str | None:
        if body is not NO_BODY and _depth(body, MAX_BODY_DEPTH) > MAX_BODY_DEPTH:
            raise BadRequest(f"the JSON body is nested deeper than {MAX_BODY_DEPTH} levels")
        inst = self.pool.acquire()
        try:
            return inst.call(body, info)
        finally:
            if inst.broken:
                log.warning("%s: instance replaced after an abandoned or killed call",
                            self.name)
            self.pool.release(inst)

    def close(self) -> None:
        self.pool.close()
