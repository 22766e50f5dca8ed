"""cffi out-of-line API-mode builder for the VM core.

The cdef is the CFFI-BEGIN/END region of vm_c/include/mvm.h, sliced out verbatim, plus the
error-code enum read from mvm_tables.h: one declaration of the API, never retyped.

Variants: the default module is hostlib._mvm. `python vm_c/build_ffi.py --variant NAME`
builds hostlib._mvm_NAME in place: `stress` (GC at every allocation, heap moved each time),
`small` (MVM_FAST_PATHS 0: every operator and call on the general path) and `asan` (AddressSanitizer and UndefinedBehaviorSanitizer; GC stress is its own
variant because the two together are too slow for CI). hostlib picks one
with the MVM_VARIANT environment variable.
"""
from __future__ import annotations

import glob
import os
import re
import sys

from cffi import FFI

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

VARIANTS: dict[str, tuple[list[tuple[str, str | None]], list[str], list[str]]] = {
    "": ([], ["-O2"], []),
    "stress": ([("MVM_GC_STRESS", "1")], ["-O1", "-g"], []),
    "small": ([("MVM_FAST_PATHS", "0")], ["-O2"], []),
    "asan": (
        # Fields read with aligned loads, as on a Cortex-M0: UBSan reports any that is not.
        [("MVM_UNALIGNED_LE", "0"), ("MVM_ALIGNED_FIELDS", "1")],
        ["-O1", "-g", "-fno-omit-frame-pointer", "-fsanitize=address,undefined",
         "-fno-sanitize-recover=undefined"],
        ["-fsanitize=address,undefined"],
    ),
}


def _rel(path: str, absolute: bool) -> str:
    # setuptools wants source paths relative to setup.py; an in-place build compiles in a
    # temporary directory, where only absolute paths hold.
    if absolute or os.getcwd() != ROOT:
        return path
    return os.path.relpath(path, ROOT)


def _cdef() -> str:
    with open(os.path.join(HERE, "include", "mvm.h"), encoding="utf-8") as f:
        header = f.read()
    m = re.search(r"/\* CFFI-BEGIN \*/(.*?)/\* CFFI-END \*/", header, re.S)
    if not m:
        raise RuntimeError("mvm.h has no CFFI-BEGIN/CFFI-END region")
    with open(os.path.join(HERE, "include", "mvm_tables.h"), encoding="utf-8") as f:
        errs = re.findall(r"^ERR\((\w+),\s*(\d+),", f.read(), re.M)
    enum = "enum {\n" + "".join(f"  MVM_E_{n} = {v},\n" for n, v in errs) + "};\n"
    trampolines = """
extern "Python" mvm_err_t hostlib_dispatch(mvm_vm_t*, uint16_t, mvm_value_t*, mvm_value_t*, uint8_t);
extern "Python" mvm_err_t hostlib_resolve(uint16_t, void*, mvm_host_fn_t*);
"""
    # The binding is the host build, which has floats (mvm.h's number type there) and every
    # optional part of the API: the region's #if lines (MVM_API_OBJECTS) hold there.
    region = re.sub(r"^#\s*(if|endif)\b.*$", "", m.group(1), flags=re.M)
    return "typedef double mvm_number_t;\n" + region + enum + trampolines


def make_builder(variant: str = "", absolute: bool = False) -> FFI:
    macros, cflags, ldflags = VARIANTS[variant]
    sources = sorted(
        glob.glob(os.path.join(HERE, "src", "*.c"))
        + glob.glob(os.path.join(HERE, "ports", "host", "*.c"))
    )
    builder = FFI()
    builder.cdef(_cdef())
    builder.set_source(
        "hostlib._mvm" + (f"_{variant}" if variant else ""),
        '#include "mvm.h"',
        sources=[_rel(s, absolute) for s in sources],
        include_dirs=[_rel(os.path.join(HERE, d), absolute) for d in ("include", "", "src")],
        define_macros=[("MVM_PORT_HEADER", '"ports/host/mvm_port.h"'), *macros],
        extra_compile_args=["-std=c99", *cflags],
        extra_link_args=ldflags,
        libraries=["m"],
    )
    return builder


ffibuilder = make_builder("")


def _build_in_place(variant: str) -> None:
    import shutil

    builder = make_builder(variant, absolute=True)
    tmp = os.path.join(ROOT, "build", f"cffi-{variant or 'default'}")
    out = builder.compile(tmpdir=tmp, verbose=False)
    dest = os.path.join(ROOT, "hostlib", os.path.basename(out))
    # A new file renamed over the old one: a process that has the old module loaded keeps its
    # mapping intact (writing into a mapped .so in place can crash it).
    partial = dest + ".partial"
    shutil.copyfile(out, partial)
    os.replace(partial, dest)
    # The same module under another suffix (pip's abi3 build, say) would shadow or be shadowed
    # by this one depending on the import order: keep only the fresh one.
    module = os.path.basename(out).split(".")[0]
    for name in os.listdir(os.path.dirname(dest)):
        if name.split(".")[0] == module and name.endswith(".so") and name != os.path.basename(dest):
            os.remove(os.path.join(os.path.dirname(dest), name))
    print(dest)


if __name__ == "__main__":
    args = sys.argv[1:]
    _build_in_place(args[1] if len(args) == 2 and args[0] == "--variant" else "")
