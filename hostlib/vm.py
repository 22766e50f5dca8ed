"""The VM object: build from a unit, run, snapshot, restore, call exports.

Host functions: a Host maps import IDs to Python callables. Every import resolves to the
one C trampoline `hostlib_dispatch`, which finds the Python VM through the VM's context
pointer and dispatches by ID here; a Python exception becomes a JS exception the program
can catch.
"""
from __future__ import annotations

import os
import sys
import weakref
from typing import Any, Callable, Iterable, TextIO

from ._ffi import ffi, lib
from .errors import ERROR_KINDS, JSError, JSException, VMError, check
from .values import (
    PENDING,
    UNDEFINED,
    JSFunction,
    Roots,
    from_py,
    read_string,
    to_py,
    to_string,
)

PRINT_IMPORT_ID = 0xFF00

HostFn = Callable[..., Any]


class Host:
    """Host functions by import ID. Call signature: fn(vm, *args) -> Python value.

    A function marked with `raw=True` in `add` receives (vm, args_ptr, argc) and returns
    a VM value itself, for hosts that must not convert (printing does its own ToString).
    """

    def __init__(self, stdout: TextIO | None = None) -> None:
        self.functions: dict[int, tuple[HostFn, bool]] = {}
        self.stdout = stdout
        self.add(PRINT_IMPORT_ID, self._print, raw=True)

    def add(self, import_id: int, fn: HostFn, *, raw: bool = False) -> None:
        self.functions[import_id] = (fn, raw)

    def write(self, text: str) -> None:
        out = self.stdout or sys.stdout
        out.write(text)

    def _print(self, vm: "VM", args: Any, argc: int) -> int:
        parts = [to_string(vm, args[i]) for i in range(argc)]
        self.write(" ".join(parts) + "\n")
        return lib.mvm_undefined()


class VM:
    """One VM instance. Use as a context manager, or call close()."""

    def __init__(self) -> None:
        self.ptr: Any = ffi.NULL
        self.host = Host()
        self._self_handle = ffi.new_handle(self)
        self._image: Any = None  # a restored image's bytes (an unpacked ROM is used in place)
        self._strbuf = ffi.new("char[]", 256)
        self._owned_handles: weakref.WeakSet[JSFunction] = weakref.WeakSet()
        self._collected_handles: list[Any] = []  # handles of collected JSFunctions
        self._host_error: BaseException | None = None
        self._host_depth = 0  # host functions running (a call inside one is nested)
        self._thrown: tuple[JSException, Any] | None = None  # see _keep_thrown

    # ---- creation ----
    @staticmethod
    def _config(max_heap: int, stack_slots: int, max_frames: int, budget: int) -> Any:
        cfg = ffi.new("mvm_config_t*")
        cfg.max_heap_bytes = max_heap
        cfg.stack_slots = stack_slots
        cfg.max_frames = max_frames
        cfg.instruction_budget = budget
        return cfg

    @classmethod
    def from_unit(cls, unit: bytes, host: Host | None = None, *, max_heap: int = 0,
                  stack_slots: int = 0, max_frames: int = 0, budget: int = 0) -> "VM":
        vm = cls()
        if host is not None:
            vm.host = host
        out = ffi.new("mvm_vm_t**")
        cfg = cls._config(max_heap, stack_slots, max_frames, budget)
        check(lib.mvm_new_from_unit(unit, len(unit), cfg, lib.hostlib_resolve,
                                    vm._self_handle, out), "cannot load unit")
        vm.ptr = out[0]
        return vm

    @classmethod
    def restore(cls, image: bytes, host: Host | None = None, *, max_heap: int = 0,
                stack_slots: int = 0, max_frames: int = 0, budget: int = 0,
                random_seed: int | None = None) -> "VM":
        """Resumes an image. Math.random is seeded from the OS (os.urandom) unless random_seed
        is given (0: the fixed seed a build uses, so a sequence can be reproduced): every
        restored instance of one image would otherwise draw the same numbers."""
        vm = cls()
        if host is not None:
            vm.host = host
        vm._image = ffi.new("uint8_t[]", bytes(image))
        out = ffi.new("mvm_vm_t**")
        cfg = cls._config(max_heap, stack_slots, max_frames, budget)
        check(lib.mvm_restore(vm._image, len(image), cfg, lib.hostlib_resolve,
                              vm._self_handle, out), "cannot restore image")
        vm.ptr = out[0]
        vm.seed_random(int.from_bytes(os.urandom(8), "little") if random_seed is None
                       else random_seed)
        return vm

    def seed_random(self, seed: int) -> None:
        """Seeds Math.random (64 bits; 0 is the fixed seed every fresh VM starts from)."""
        lib.mvm_seed_random(self.ptr, seed & 0xFFFFFFFFFFFFFFFF)

    def close(self) -> None:
        for f in list(self._owned_handles):
            f.release()
        self._release_collected()
        self._drop_thrown()
        if self.ptr != ffi.NULL:
            lib.mvm_free(self.ptr)
            self.ptr = ffi.NULL

    def __enter__(self) -> "VM":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:
            pass

    # ---- running ----
    def _raise_uncaught(self, value: int, *, located: bool = True) -> None:
        host_error, self._host_error = self._host_error, None
        with Roots(self) as roots:
            held = roots.hold(value)
            text = to_string(self, held.value)
            try:
                py = to_py(self, held.value)
            except Exception:
                py = text
            thrown = held.value
        file_v = ffi.new("mvm_value_t*")
        line = ffi.new("uint32_t*")
        file = None
        if located:  # a rejection may come long after the last throw the VM recorded
            lib.mvm_error_location(self.ptr, file_v, line)
            if lib.mvm_typeof(self.ptr, file_v[0]) == lib.MVM_T_STRING:
                file = read_string(self, file_v[0])
        exc = JSException(py, text, file, int(line[0]) if file else 0)
        if self._host_depth:
            self._keep_thrown(exc, thrown)
        raise exc from host_error

    def _keep_thrown(self, exc: JSException, value: int) -> None:
        """A call made by a host function threw: keep the thrown value (one at a time) so that,
        should the exception leave the host function, JS catches that same value (its class,
        its properties) rather than a new Error of its text."""
        self._drop_thrown()
        handle = ffi.new("mvm_handle_t*")
        lib.mvm_handle_init(self.ptr, handle)
        handle.value = value
        self._thrown = (exc, handle)

    def _drop_thrown(self) -> None:
        if self._thrown is not None and self.ptr != ffi.NULL:
            lib.mvm_handle_release(self.ptr, self._thrown[1])
        self._thrown = None

    def run_main(self) -> None:
        """Runs every module's top level (build time)."""
        self._release_collected()
        out = ffi.new("mvm_value_t*")
        code = lib.mvm_run_main(self.ptr, out)
        if code == lib.MVM_E_UNCAUGHT_EXCEPTION:
            self._raise_uncaught(out[0])
        check(code)

    def snapshot(self, strip: bool = False) -> bytes:
        """The image. strip: no line tables (smaller; errors then report no file:line)."""
        self._release_collected()
        buf = ffi.new("uint8_t**")
        n = ffi.new("size_t*")
        flags = lib.MVM_SNAPSHOT_STRIP if strip else 0
        check(lib.mvm_snapshot_ex(self.ptr, flags, buf, n), "snapshot failed")
        try:
            return bytes(ffi.buffer(buf[0], n[0]))
        finally:
            lib.mvm_free_buffer(buf[0])

    def export(self, key: str | int) -> JSFunction:
        """The exported function with this ES export name or vmExport id."""
        out = ffi.new("mvm_value_t*")
        if isinstance(key, int):
            code = lib.mvm_resolve_export(self.ptr, key, out)
        else:
            data = key.encode("utf-8")
            code = lib.mvm_resolve_export_named(self.ptr, data, len(data), out)
        check(code, f"export {key!r}")
        if lib.mvm_typeof(self.ptr, out[0]) != lib.MVM_T_FUNCTION:
            raise VMError(lib.MVM_E_NOT_A_FUNCTION, f"export {key!r}")
        return JSFunction(self, out[0])

    def exports(self) -> list[str | int]:
        keys: list[str | int] = []
        k = ffi.new("mvm_value_t*")
        v = ffi.new("mvm_value_t*")
        for i in range(lib.mvm_export_count(self.ptr)):
            check(lib.mvm_export_at(self.ptr, i, k, v))
            key = to_py(self, k[0])
            keys.append(key)
        return keys

    def call(self, fn: JSFunction | str | int, *args: Any) -> Any:
        """Calls a function (or an export by key) with Python arguments; returns Python.

        A promise result (an async function's) is settled by then if it awaited only settled
        work (the job queue runs before the call returns): its value is returned, or its
        rejection raised as JSException; one still pending gives PENDING.
        Functions inside the result come back as JSFunction objects, each holding a handle
        while Python holds it (JSFunction)."""
        self._release_collected()
        if not isinstance(fn, JSFunction):
            exported = self.export(fn)
            try:
                return self.call(exported, *args)
            finally:
                exported.release()
        if len(args) > 255:
            raise ValueError("at most 255 arguments")
        out = ffi.new("mvm_value_t*")
        with Roots(self) as roots:
            held = [from_py(self, a, roots) for a in args]
            argv = ffi.new("mvm_value_t[]", [h.value for h in held] or [0])
            code = lib.mvm_call(self.ptr, fn.handle.value, argv, len(args), out)
            if code == lib.MVM_E_UNCAUGHT_EXCEPTION:
                self._raise_uncaught(out[0])
            check(code)
            settled = ffi.new("mvm_value_t*")
            state = lib.mvm_promise_state(self.ptr, out[0], settled)
            if state == lib.MVM_PROMISE_PENDING:
                return PENDING
            if state == lib.MVM_PROMISE_REJECTED:
                self._raise_uncaught(settled[0], located=False)
            return to_py(self, settled[0] if state == lib.MVM_PROMISE_FULFILLED else out[0])

    def stats(self) -> dict[str, int]:
        s = ffi.new("mvm_stats_t*")
        lib.mvm_get_stats(self.ptr, s)
        return {name: int(getattr(s, name)) for name, _ in ffi.typeof("mvm_stats_t").fields}

    def run_gc(self) -> None:
        self._release_collected()
        check(lib.mvm_run_gc(self.ptr))

    def _release_collected(self) -> None:
        """Releases the handles of garbage-collected JSFunctions, in the thread using the VM."""
        queue = self._collected_handles
        while queue:
            handle = queue.pop()
            if self.ptr != ffi.NULL:
                lib.mvm_handle_release(self.ptr, handle)

    # ---- host functions ----
    def _dispatch(self, import_id: int, result: Any, args: Any, argc: int) -> int:
        entry = self.host.functions.get(import_id)
        if entry is None:
            return self._throw(result, f"no host function for import {import_id:#x}")
        fn, raw = entry
        self._host_depth += 1
        try:
            if raw:
                result[0] = fn(self, args, argc)
                return lib.MVM_E_OK
            py_args = [to_py(self, args[i]) for i in range(argc)]
            value = fn(self, *py_args)
            with Roots(self) as roots:
                result[0] = from_py(self, value, roots).value
            return lib.MVM_E_OK
        except JSError as e:
            return self._throw(result, e.message, ERROR_KINDS[e.kind])
        except JSException as e:
            # A JS exception that crossed a nested call: rethrow the value thrown, or, when the
            # host made the exception itself, an Error of its text.
            if self._thrown is not None and self._thrown[0] is e:
                result[0] = self._thrown[1].value
                self._drop_thrown()
                return lib.MVM_E_HOST_THROW
            return self._throw(result, e.text)
        except Exception as e:  # noqa: BLE001 - any host failure becomes a JS error
            self._host_error = e
            return self._throw(result, f"{type(e).__name__}: {e}" if str(e) else type(e).__name__)
        finally:
            self._host_depth -= 1

    def _throw(self, result: Any, message: str, kind: int = 0) -> int:
        data = message.encode("utf-8", "replace")
        code = lib.mvm_new_error(self.ptr, kind, data, len(data), result)
        return lib.MVM_E_HOST_THROW if code == lib.MVM_E_OK else code


@ffi.def_extern(error=lib.MVM_E_HOST_ERROR)
def hostlib_dispatch(vm_ptr: Any, import_id: int, result: Any, args: Any, argc: int) -> int:
    vm: VM = ffi.from_handle(lib.mvm_get_context(vm_ptr))
    if vm.ptr == ffi.NULL:  # called during creation (not expected), use the raw pointer
        vm.ptr = vm_ptr
    return vm._dispatch(import_id, result, args, argc)


@ffi.def_extern(error=lib.MVM_E_UNRESOLVED_IMPORT)
def hostlib_resolve(import_id: int, context: Any, out: Any) -> int:
    vm: VM = ffi.from_handle(context)
    if import_id not in vm.host.functions:
        return lib.MVM_E_UNRESOLVED_IMPORT
    out[0] = lib.hostlib_dispatch
    return lib.MVM_E_OK


def parse_cli_args(args: Iterable[str]) -> list[Any]:
    """`mvc run` arguments: JSON when they parse, else strings."""
    import json

    out = []
    for a in args:
        try:
            out.append(json.loads(a))
        except ValueError:
            out.append(a)
    return out


__all__ = ["VM", "Host", "PRINT_IMPORT_ID", "UNDEFINED", "parse_cli_args"]
