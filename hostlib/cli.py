"""`mvc build | run | disasm`: the engine commands of the CLI.

The CLI's contract (README): program output on stdout; errors as one clear line on
stderr (plus the source line for compile errors) and a nonzero exit; never a traceback.
"""
from __future__ import annotations

import argparse
import os
import sys
from typing import Any, Callable

EXIT_OK = 0
EXIT_FAIL = 1
EXIT_USAGE = 2


class CLIError(Exception):
    """A failure to report as one line (`mvc: message`) with a nonzero exit."""


def _fail(msg: str) -> int:
    sys.stderr.write(f"mvc: {msg}\n")
    return EXIT_FAIL


def default_output(path: str) -> str:
    root, _ = os.path.splitext(path)
    return root + ".mvm-bc"


def write_private(path: str, data: bytes) -> None:
    """Images can hold secrets: written 0600, atomically (no half-written image)."""
    tmp = f"{path}.tmp{os.getpid()}"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def build_image(entry: str, *, host: Any = None, bare_modules: dict[str, str] | None = None,
                max_heap: int = 0, budget: int = 0, strip: bool = False) -> bytes:
    """Compiles entry, runs its top level in the VM and returns the snapshot image.

    Raises compiler.CompileError, hostlib.JSException or hostlib.VMError.
    """
    from compiler import compile_program

    from .vm import VM

    unit = compile_program(entry, bare_modules=bare_modules)
    with VM.from_unit(unit, host, max_heap=max_heap, budget=budget) as vm:
        vm.run_main()
        return vm.snapshot(strip=strip)


# ---- Targets (image profiles) ----
#
# The image header's features word (u16 at offset 10) has one profile bit: FEATURE PROFILE_HOST for the
# host VM (the cffi module, `mvc run`), PROFILE_MCU for a VM built with MVM_PROFILE_MCU=1
# (vm_c/ports/cortex_m). Both profiles share the value encoding, so an MCU image is the host
# build's snapshot with the profile bit swapped and its ROM unpacked (FEATURE PACKED_ROM off: the
# VM uses it in place, in flash); each VM refuses the other profile's images with MVM_E_IMAGE_PROFILE.

TARGETS = ("host", "mcu")
MCU_DEFAULT_MAX_HEAP = 16 * 1024  # ports/cortex_m/mvm_port.h MVM_DEFAULT_MAX_HEAP


def image_profile(image: bytes) -> str | None:
    """'host', 'mcu' or None (not an image, or no single profile bit)."""
    from compiler.disasm import IMAGE_MAGIC
    from compiler.opcodes import FEATURE_PROFILE_HOST, FEATURE_PROFILE_MCU

    if len(image) < 16 or not image.startswith(IMAGE_MAGIC):
        return None
    features = int.from_bytes(image[10:12], "little")
    host = bool(features >> FEATURE_PROFILE_HOST & 1)
    mcu = bool(features >> FEATURE_PROFILE_MCU & 1)
    if host == mcu:
        return None
    return "host" if host else "mcu"


def retarget_image(image: bytes, target: str, raw_heap: bool = False) -> bytes:
    """The image for target ('host' or 'mcu'): the profile bit set. An MCU image keeps its ROM
    unpacked (no FEATURE PACKED_ROM), so that the VM uses it in place, in flash; a host image
    has it packed (smaller; restore expands it into RAM). raw_heap (MCU only) stores the heap
    as it is in RAM (FEATURE RAW_HEAP), for a core built with MVM_PACKED_HEAP=0. FEATURE
    FLOAT64 stays as the snapshot writer set it (the image holds a float)."""
    from compiler.disasm import pack_image, unpack_image
    from compiler.opcodes import (
        FEATURE_PACKED_ROM,
        FEATURE_PROFILE_HOST,
        FEATURE_PROFILE_MCU,
        FEATURE_RAW_HEAP,
    )

    if target not in TARGETS:
        raise ValueError(f"unknown target {target!r} (choose host or mcu)")
    if raw_heap and target != "mcu":
        raise ValueError("a raw heap is for the mcu target only")
    if image_profile(image) is None:
        raise ValueError("not an image with a profile")
    parts = unpack_image(image)
    features = parts.features
    features &= ~(
        (1 << FEATURE_PROFILE_HOST) | (1 << FEATURE_PROFILE_MCU) | (1 << FEATURE_PACKED_ROM)
        | (1 << FEATURE_RAW_HEAP)
    )
    features |= 1 << (FEATURE_PROFILE_MCU if target == "mcu" else FEATURE_PROFILE_HOST)
    if raw_heap:
        features |= 1 << FEATURE_RAW_HEAP
    if target == "host":
        features |= 1 << FEATURE_PACKED_ROM
    parts.features = features
    return pack_image(parts)


def c_identifier(text: str) -> str:
    name = "".join(c if c.isalnum() or c == "_" else "_" for c in text)
    return name if name and not name[0].isdigit() else "_" + name


def emit_c(image: bytes, name: str, source: str = "") -> tuple[str, str]:
    """The image as C source and header: `const unsigned char NAME[]` and `NAME_len`.

    The array is const, so a firmware keeps it in flash; mvm_restore uses its read-only section
    in place and copies only the heap and globals to RAM. Aligned to 4 bytes where the compiler
    allows it: a core built with MVM_ALIGNED_FIELDS (the cortex_m port) reads the image's fields
    with aligned loads and refuses an image at an unaligned address.
    """
    profile = image_profile(image) or "unknown"
    note = f" from {os.path.basename(source)}" if source else ""
    head = (
        f"/* {name}: a VM image ({len(image)} bytes, profile {profile}){note}.\n"
        " * Generated by `mvc build --emit-c`; do not edit. */\n"
    )
    rows = []
    for i in range(0, len(image), 16):
        rows.append("  " + ", ".join(f"0x{b:02x}" for b in image[i:i + 16]) + ",")
    c = (
        head
        + f'#include "{name}.h"\n\n'
        + "#if defined(__GNUC__)\n__attribute__((aligned(4)))\n#endif\n"
        + f"const unsigned char {name}[{len(image)}] = {{\n"
        + "\n".join(rows)
        + "\n};\n"
        + f"const unsigned int {name}_len = {len(image)}u;\n"
    )
    guard = name.upper() + "_H"
    h = (
        head
        + f"#ifndef {guard}\n#define {guard}\n"
        + f"extern const unsigned char {name}[{len(image)}];\n"
        + f"extern const unsigned int {name}_len;\n"
        + "#endif\n"
    )
    return c, h


def device_host() -> Any:
    """The build-time host of `--target mcu`: every import ID resolves, because the firmware
    provides the host functions; calling one at build time throws a clear JS error."""
    from .errors import JSError
    from .vm import Host

    class DeviceImports(dict):  # type: ignore[type-arg]
        def __contains__(self, key: object) -> bool:
            return True

        def get(self, key: Any, default: Any = None) -> Any:
            if dict.__contains__(self, key):
                return dict.get(self, key)

            def device_only(vm: Any, *args: Any) -> Any:
                raise JSError("Error", f"host function {key} is provided by the device and "
                                       "cannot be called at build time")
            return (device_only, False)

    host = Host()
    imports = DeviceImports()
    imports.update(host.functions)
    host.functions = imports
    return host


def cmd_build(args: argparse.Namespace) -> int:
    from compiler import CompileError

    from .errors import JSException, VMError

    if not os.path.isfile(args.file):
        what = "is a directory" if os.path.isdir(args.file) else "no such file"
        return _fail(f"{args.file}: {what}")
    target = args.target
    if args.raw_heap and target != "mcu":
        return _fail("--raw-heap is for --target mcu")
    if args.core_config and target != "mcu":
        return _fail("--core-config is for --target mcu")
    if args.core_config and not args.core_config.endswith(".h"):
        return _fail(f"--core-config writes a C header: {args.core_config} must end in .h")
    max_heap = args.max_heap or (MCU_DEFAULT_MAX_HEAP if target == "mcu" else 0)
    if args.emit_c:
        stem = os.path.splitext(os.path.basename(args.file))[0]
        out = args.output or os.path.splitext(args.file)[0] + "_image.c"
        if not out.endswith(".c"):
            return _fail(f"--emit-c writes C source: {out} must end in .c")
        name = c_identifier(args.c_name or stem + "_image")
    else:
        out = args.output or default_output(args.file)
    try:
        host = device_host() if target == "mcu" else None
        strip = args.strip if args.strip is not None else target == "mcu"
        image = build_image(args.file, host=host, max_heap=max_heap, strip=strip)
    except CompileError as e:
        sys.stderr.write(e.format() + "\n")
        return EXIT_FAIL
    except JSException as e:
        sys.stdout.flush()
        return _fail(f"build failed: {e}; no image written")
    except VMError as e:
        sys.stdout.flush()
        return _fail(f"build failed: {e}; no image written")
    if args.lean_language:
        from .lean import lean_language_uses

        uses = lean_language_uses(image, args.file)
        if uses and strip:  # built again with line tables, to name the lines
            uses = lean_language_uses(build_image(args.file, host=host, max_heap=max_heap),
                                      args.file)
        if uses:
            sys.stderr.write("".join(f"{u}\n" for u in uses))
            return _fail(f"{args.file}: {len(uses)} use(s) of what --lean-language leaves out; "
                         "no image written")
    image = retarget_image(image, target, raw_heap=args.raw_heap)
    if args.core_config:
        from .core_config import core_config_header

        write_private(args.core_config,
                      core_config_header(image, args.file, args.core_config).encode())
    if args.emit_c:
        c_text, h_text = emit_c(image, name, args.file)
        write_private(out[:-2] + ".h", h_text.encode())
        write_private(out, c_text.encode())
    else:
        write_private(out, image)
    return EXIT_OK


def _load_image(path: str) -> bytes:
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError as e:
        raise CLIError(f"{path}: {e.strerror}") from e


def cmd_run(args: argparse.Namespace) -> int:
    from .errors import ImageError, JSException, VMError
    from .values import PENDING, to_json
    from .vm import VM, parse_cli_args

    image = _load_image(args.image)
    if image_profile(image) == "mcu":
        return _fail(f"{args.image}: image was built with --target mcu; this VM runs host images "
                     "(rebuild without --target mcu, or run it on a VM built with the "
                     "cortex_m port)")
    try:
        vm = VM.restore(image, max_heap=args.max_heap)
    except ImageError as e:
        return _fail(f"{args.image}: {e}")
    except VMError as e:
        return _fail(f"{args.image}: {e}")
    with vm:
        key: str | int = int(args.export) if args.export.isdigit() else args.export
        try:
            fn = vm.export(key)
        except VMError as e:
            names = ", ".join(str(k) for k in vm.exports()) or "none"
            return _fail(f"{args.image}: {e} (exports: {names})")
        try:
            result = vm.call(fn, *parse_cli_args(args.args))
        except JSException as e:
            sys.stdout.flush()
            return _fail(str(e))
        except VMError as e:
            sys.stdout.flush()
            return _fail(str(e))
        if result is PENDING:
            return _fail(f"{args.export}: the promise it returned is still pending (it awaits "
                         "something no host event will settle here)")
        text = to_json(result)
        if text is not None:
            sys.stdout.write(text + "\n")
    return EXIT_OK


def cmd_disasm(args: argparse.Namespace) -> int:
    from compiler.disasm import disasm_image

    image = _load_image(args.image)
    try:
        sys.stdout.write(disasm_image(image))
    except ValueError as e:
        return _fail(f"{args.image}: {e}")
    return EXIT_OK


def cmd_test(args: argparse.Namespace) -> int:
    from .mvtest import run_tests

    return run_tests(args.paths, sys.stdout, verbose=args.verbose)


def add_engine_commands(sub: Any) -> None:
    b = sub.add_parser("build", help="compile FILE, run its top level, write the image")
    b.add_argument("file")
    b.add_argument("-o", "--output", help="image path (default: FILE with .mvm-bc)")
    b.add_argument("--max-heap", type=int, default=0,
                   help="heap limit in bytes (default: 64 MB for host, 16 KB for mcu)")
    b.add_argument("--target", choices=TARGETS, default="host",
                   help="image profile: host (mvc run, the cloud host; default) or mcu "
                        "(a VM built with vm_c/ports/cortex_m)")
    b.add_argument("--emit-c", action="store_true",
                   help="write the image as a C array (OUTPUT.c and OUTPUT.h) for firmware")
    b.add_argument("--c-name", help="C array name with --emit-c (default: FILE_image)")
    b.add_argument("--strip", action=argparse.BooleanOptionalAction, default=None,
                   help="leave the line tables out: a smaller image whose run-time errors "
                        "report no file:line (default: --strip for mcu, where flash is what "
                        "counts, --no-strip for host)")
    b.add_argument("--lean-language", action="store_true",
                   help="refuse what a core built with MVM_FULL_LANGUAGE=0 does not run (==, "
                        "!=, in, instanceof, delete, for-in, for-of, destructuring, spread, "
                        "rest, super), naming the line of each use")
    b.add_argument("--core-config", metavar="FILE.h",
                   help="with --target mcu: also write a port header that compiles only the "
                        "parts of the core this image uses (library families, promises, the "
                        "full language, the heap unpacker), for its firmware")
    b.add_argument("--raw-heap", action="store_true",
                   help="with --target mcu: store the heap as it is in RAM, not packed (a larger "
                        "image, for a core built with MVM_PACKED_HEAP=0)")
    b.set_defaults(func=cmd_build)

    r = sub.add_parser("run", help="restore IMAGE and call EXPORT with JSON arguments")
    r.add_argument("image")
    r.add_argument("export", help="an ES export name or a vmExport numeric id")
    r.add_argument("args", nargs="*")
    r.add_argument("--max-heap", type=int, default=0, help="heap limit in bytes")
    r.set_defaults(func=cmd_run)

    d = sub.add_parser("disasm", help="dump an image's header, sections and functions")
    d.add_argument("image")
    d.set_defaults(func=cmd_disasm)

    t = sub.add_parser("test", help="run test programs (/*--- front matter ---*/ format)")
    t.add_argument("paths", nargs="+", help="test files or folders")
    t.add_argument("-v", "--verbose", action="store_true", help="list passing tests too")
    t.set_defaults(func=cmd_test)


def run_cli(argv: list[str] | None, extend: Callable[[Any], None] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="mvc", description="azure-microvium compiler and VM")
    sub = parser.add_subparsers(dest="command", required=True)
    add_engine_commands(sub)
    if extend is not None:
        extend(sub)
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except CLIError as e:
        return _fail(str(e))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_FAIL
    except Exception as e:  # noqa: BLE001 - the user sees one line, never a traceback
        if os.environ.get("MVC_DEBUG"):
            raise
        return _fail(f"internal error: {type(e).__name__}: {e} (set MVC_DEBUG=1 for details)")


def main(argv: list[str] | None = None) -> int:
    return run_cli(argv)
