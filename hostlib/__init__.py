"""Python host for the VM: restore images, call exports, provide host functions.

All VM policy (printing, value conversion, host functions) is here; the C core only
executes. Nothing outside hostlib imports the cffi module.
"""
from .errors import BudgetExceeded, ImageError, JSError, JSException, OutOfMemory, VMError
from .values import PENDING, UNDEFINED, JSFunction
from .vm import VM, Host, PRINT_IMPORT_ID

__all__ = [
    "VM",
    "Host",
    "PRINT_IMPORT_ID",
    "UNDEFINED",
    "PENDING",
    "JSFunction",
    "JSException",
    "JSError",
    "VMError",
    "ImageError",
    "OutOfMemory",
    "BudgetExceeded",
]
