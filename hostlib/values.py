"""Conversion between Python values and VM values: the one place that does it.

VM values that refer to the heap move when the collector runs, so every value that must
survive an allocation is held in a handle (a GC root the collector updates in place).
`Roots` collects the handles of one conversion and releases them together.
"""
from __future__ import annotations

import math
import weakref
from typing import TYPE_CHECKING, Any

from ._ffi import ffi, lib
from .errors import check

if TYPE_CHECKING:
    from .vm import VM

MAX_DEPTH = 200


class _Sentinel:
    """A value with one instance per subclass, so that `is` checks hold."""

    _name = ""

    def __new__(cls) -> "_Sentinel":
        instance = cls.__dict__.get("_instance")
        if instance is None:
            instance = super().__new__(cls)
            cls._instance = instance
        return instance

    def __repr__(self) -> str:
        return self._name


class _Undefined(_Sentinel):
    """JS undefined (None stands for null)."""

    _name = "undefined"

    def __bool__(self) -> bool:
        return False


class _Pending(_Sentinel):
    """What VM.call returns for a promise that has not settled yet (an async function still
    awaiting something a later call or host event will resolve)."""

    _name = "PENDING"


UNDEFINED = _Undefined()
PENDING = _Pending()


class Roots:
    """Handles held for the duration of a `with` block."""

    def __init__(self, vm: "VM") -> None:
        self.vm = vm
        self.handles: list[Any] = []

    def hold(self, value: int) -> Any:
        h = ffi.new("mvm_handle_t*")
        lib.mvm_handle_init(self.vm.ptr, h)
        h.value = value
        self.handles.append(h)
        return h

    def __enter__(self) -> "Roots":
        return self

    def __exit__(self, *exc: object) -> None:
        ptr = self.vm.ptr
        if ptr != ffi.NULL:
            for h in reversed(self.handles):
                lib.mvm_handle_release(ptr, h)
        self.handles.clear()


class JSFunction:
    """A JS function value kept alive by a handle; call it like a Python function.

    The handle is held while Python holds this object: release() lets go at once; when the
    object is garbage-collected (or the VM closes) the handle goes too. A collection may run in
    any thread, so the collected handle is only queued here and released by the VM's own next
    call (VM._release_collected), never while another thread is running the VM."""

    def __init__(self, vm: "VM", value: int) -> None:
        self.vm = vm
        self.handle = ffi.new("mvm_handle_t*")
        lib.mvm_handle_init(vm.ptr, self.handle)
        self.handle.value = value
        vm._owned_handles.add(self)
        # The callback holds the queue and the handle, not this object nor the VM.
        self._collected = weakref.finalize(self, vm._collected_handles.append, self.handle)

    def __call__(self, *args: Any) -> Any:
        return self.vm.call(self, *args)

    def release(self) -> None:
        if self.handle is None:
            return
        self._collected.detach()
        if self.vm.ptr != ffi.NULL:
            lib.mvm_handle_release(self.vm.ptr, self.handle)
        self.handle = None
        self.vm._owned_handles.discard(self)

    def __repr__(self) -> str:
        return "<JS function>"


def int_value(vm: "VM", i: int) -> int:
    out = ffi.new("mvm_value_t*")
    check(lib.mvm_new_number(vm.ptr, float(i), out))
    return int(out[0])


def read_string(vm: "VM", v: int) -> str:
    n = ffi.new("size_t*")
    buf = vm._strbuf
    code = lib.mvm_string_utf8(vm.ptr, v, buf, len(buf), n)
    if code == lib.MVM_E_BUFFER_TOO_SMALL:
        vm._strbuf = buf = ffi.new("char[]", max(n[0], 2 * len(buf)))
        code = lib.mvm_string_utf8(vm.ptr, v, buf, len(buf), n)
    check(code)
    return ffi.unpack(buf, n[0]).decode("utf-8")


def to_string(vm: "VM", v: int) -> str:
    """JS String(v)."""
    out = ffi.new("mvm_value_t*")
    check(lib.mvm_to_string(vm.ptr, v, out))
    return read_string(vm, out[0])


def _number(d: float) -> int | float:
    if d.is_integer() and abs(d) < 2**53 and not (d == 0 and math.copysign(1, d) < 0):
        return int(d)
    return d


def to_py(vm: "VM", v: int, depth: int = 0) -> Any:
    p = vm.ptr
    t = lib.mvm_typeof(p, v)
    if t == lib.MVM_T_UNDEFINED:
        return UNDEFINED
    if t == lib.MVM_T_NULL:
        return None
    if t == lib.MVM_T_BOOLEAN:
        return bool(lib.mvm_to_bool(p, v))
    if t == lib.MVM_T_NUMBER:
        return _number(lib.mvm_to_number(p, v))
    if t == lib.MVM_T_STRING:
        return read_string(vm, v)
    if t == lib.MVM_T_FUNCTION:
        return JSFunction(vm, v)
    if depth > MAX_DEPTH:
        raise ValueError("value nested too deeply (circular?)")
    if t == lib.MVM_T_OBJECT:  # a Uint8Array becomes bytes (a copy)
        data = ffi.new("uint8_t**")
        size = ffi.new("size_t*")
        if lib.mvm_uint8array_data(p, v, data, size) == lib.MVM_E_OK:
            return bytes(ffi.buffer(data[0], size[0])) if size[0] else b""
    out = ffi.new("mvm_value_t*")
    with Roots(vm) as roots:
        obj = roots.hold(v)
        if t == lib.MVM_T_ARRAY:
            n = ffi.new("uint32_t*")
            check(lib.mvm_array_length(p, obj.value, n))
            items = []
            for i in range(n[0]):
                check(lib.mvm_get(p, obj.value, int_value(vm, i), out))
                items.append(to_py(vm, out[0], depth + 1))
            return items
        check(lib.mvm_own_keys(p, obj.value, out))
        keys = roots.hold(out[0])
        n = ffi.new("uint32_t*")
        check(lib.mvm_array_length(p, keys.value, n))
        result: dict[str, Any] = {}
        for i in range(n[0]):
            check(lib.mvm_get(p, keys.value, int_value(vm, i), out))
            key = roots.hold(out[0])
            name = read_string(vm, key.value)
            check(lib.mvm_get(p, obj.value, key.value, out))
            result[name] = to_py(vm, out[0], depth + 1)
        return result


def from_py(vm: "VM", x: Any, roots: Roots, depth: int = 0) -> Any:
    """Makes a VM value for x and returns the handle that holds it (inside roots)."""
    p = vm.ptr
    if depth > MAX_DEPTH:
        raise ValueError("value nested too deeply (circular?)")
    if x is UNDEFINED:
        return roots.hold(lib.mvm_undefined())
    if x is None:
        return roots.hold(lib.mvm_null())
    if isinstance(x, bool):
        return roots.hold(lib.mvm_bool(x))
    out = ffi.new("mvm_value_t*")
    if isinstance(x, (int, float)):
        check(lib.mvm_new_number(p, float(x), out))
        return roots.hold(out[0])
    if isinstance(x, str):
        data = x.encode("utf-8", "surrogatepass")
        check(lib.mvm_new_string(p, data, len(data), out))
        return roots.hold(out[0])
    if isinstance(x, JSFunction):
        return roots.hold(x.handle.value)
    if isinstance(x, (bytes, bytearray, memoryview)):  # a new Uint8Array holding a copy
        data = bytes(x)
        check(lib.mvm_new_uint8array(p, data, len(data), out))
        return roots.hold(out[0])
    if isinstance(x, (list, tuple)):
        check(lib.mvm_new_array(p, out))
        arr = roots.hold(out[0])
        for i, item in enumerate(x):
            h = from_py(vm, item, roots, depth + 1)
            check(lib.mvm_set(p, arr.value, int_value(vm, i), h.value))
        return arr
    if isinstance(x, dict):
        check(lib.mvm_new_object(p, out))
        obj = roots.hold(out[0])
        for k, item in x.items():
            key = from_py(vm, str(k), roots, depth + 1)
            h = from_py(vm, item, roots, depth + 1)
            check(lib.mvm_set(p, obj.value, key.value, h.value))
        return obj
    raise TypeError(f"cannot pass a Python {type(x).__name__} to JavaScript")


def js_number_str(d: float) -> str:
    """Number::toString as JS does it, for host-side formatting (JSON output)."""
    if d != d:
        return "NaN"
    if d in (math.inf, -math.inf):
        return "Infinity" if d > 0 else "-Infinity"
    if d == 0:
        return "0"
    if d.is_integer() and abs(d) < 1e21:
        return str(int(d))
    sign = "-" if d < 0 else ""
    r = repr(abs(d))  # shortest round-trip digits, like JS
    mant, _, exp = r.partition("e")
    digits = mant.replace(".", "")
    point = mant.index(".") if "." in mant else len(mant)
    e10 = point + (int(exp) if exp else 0)  # value = 0.digits * 10**e10
    stripped = digits.lstrip("0")
    e10 -= len(digits) - len(stripped)
    digits = stripped.rstrip("0") or "0"
    k = len(digits)
    if k <= e10 <= 21:
        return sign + digits + "0" * (e10 - k)
    if 0 < e10 <= 21:
        return sign + digits[:e10] + "." + digits[e10:]
    if -6 < e10 <= 0:
        return sign + "0." + "0" * (-e10) + digits
    e = e10 - 1
    es = f"e{'+' if e >= 0 else '-'}{abs(e)}"
    return sign + (digits[0] + ("." + digits[1:] if k > 1 else "")) + es


def to_json(x: Any) -> str | None:
    """JSON.stringify of a converted value (None for undefined and functions)."""
    import json

    if x is UNDEFINED or isinstance(x, JSFunction):
        return None
    if x is None:
        return "null"
    if isinstance(x, bool):
        return "true" if x else "false"
    if isinstance(x, int):
        return str(x)
    if isinstance(x, float):
        return js_number_str(x) if math.isfinite(x) else "null"
    if isinstance(x, str):
        return json.dumps(x, ensure_ascii=False)
    if isinstance(x, list):
        return "[" + ",".join(to_json(i) or "null" for i in x) + "]"
    if isinstance(x, (bytes, bytearray)):  # a Uint8Array: as JSON.stringify gives it
        return "{" + ",".join(f'"{i}":{b}' for i, b in enumerate(x)) + "}"
    parts = []
    for k, v in x.items():
        s = to_json(v)
        if s is not None:
            parts.append(json.dumps(k, ensure_ascii=False) + ":" + s)
    return "{" + ",".join(parts) + "}"
