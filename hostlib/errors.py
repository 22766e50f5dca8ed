"""Python exceptions for the VM's error codes, and for JS exceptions that reach the host."""
from __future__ import annotations

from typing import Any

from ._ffi import lib

# Code -> readable text, from the same ERR table the C side uses.
_TEXT = {
    lib.MVM_E_OUT_OF_MEMORY: "out of memory: the heap limit was reached",
    lib.MVM_E_INVALID_IMAGE: "invalid image",
    lib.MVM_E_IMAGE_CRC: "image checksum mismatch (damaged image)",
    lib.MVM_E_IMAGE_VERSION: "image was built for another format version",
    lib.MVM_E_IMAGE_PROFILE: "image was built for another value profile",
    lib.MVM_E_IMAGE_TRUNCATED: "image is truncated",
    lib.MVM_E_UNRESOLVED_IMPORT: "the host could not resolve an import",
    lib.MVM_E_EXPORT_NOT_FOUND: "no such export",
    lib.MVM_E_NOT_A_FUNCTION: "value is not a function",
    lib.MVM_E_INVALID_ARGUMENT: "invalid argument",
    lib.MVM_E_INSTRUCTION_BUDGET: "instruction budget exhausted",
    lib.MVM_E_WRONG_TYPE: "value has the wrong type",
    lib.MVM_E_INVALID_UNIT: "invalid bytecode unit",
    lib.MVM_E_STACK_OVERFLOW: "stack overflow",
    lib.MVM_E_REENTRANT: "operation not allowed while the VM is running",
}

IMAGE_ERRORS = {
    lib.MVM_E_INVALID_IMAGE,
    lib.MVM_E_IMAGE_CRC,
    lib.MVM_E_IMAGE_VERSION,
    lib.MVM_E_IMAGE_PROFILE,
    lib.MVM_E_IMAGE_TRUNCATED,
}


class VMError(Exception):
    """A VM call failed with an error code."""

    def __init__(self, code: int, what: str = "") -> None:
        self.code = code
        text = _TEXT.get(code, f"VM error {code}")
        super().__init__(f"{what}: {text}" if what else text)


class ImageError(VMError):
    """The image is damaged, truncated, or for another version or profile."""


class OutOfMemory(VMError):
    """The program exceeded the VM's heap limit."""


class BudgetExceeded(VMError):
    """The call ran more instructions than its budget allows."""


class JSException(Exception):
    """A JS exception that was not caught inside the program.

    `value` is the thrown value converted to Python; `text` is JS String(value);
    `file`/`line` say where it was thrown, when known.
    """

    def __init__(self, value: Any, text: str, file: str | None, line: int) -> None:
        self.value = value
        self.text = text
        self.file = file
        self.line = line
        where = f" ({file}:{line})" if file and line else ""
        super().__init__(f"Uncaught {text}{where}")


def check(code: int, what: str = "") -> None:
    if code == lib.MVM_E_OK:
        return
    if code in IMAGE_ERRORS:
        raise ImageError(code, what)
    if code == lib.MVM_E_OUT_OF_MEMORY:
        raise OutOfMemory(code, what)
    if code == lib.MVM_E_INSTRUCTION_BUDGET:
        raise BudgetExceeded(code, what)
    raise VMError(code, what)


ERROR_KINDS = {"Error": 0, "TypeError": 1, "RangeError": 2, "ReferenceError": 3, "SyntaxError": 4}


class JSError(Exception):
    """Raise from a host function to throw a JS error of a chosen kind, e.g.
    `raise JSError("RangeError", "index out of range")`. Any other Python exception
    becomes a plain JS Error whose message names the exception class."""

    def __init__(self, kind: str, message: str) -> None:
        if kind not in ERROR_KINDS:
            raise ValueError(f"unknown JS error kind {kind!r}")
        self.kind = kind
        self.message = message
        super().__init__(f"{kind}: {message}")
