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
                max_heap: int = 0, budget: int = 0) -> bytes:
    """Compiles entry, runs its top level in the VM and returns the snapshot image.

    Raises compiler.CompileError, hostlib.JSException or hostlib.VMError.
    """
    from compiler import compile_program

    from .vm import VM

    unit = compile_program(entry, bare_modules=bare_modules)
    with VM.from_unit(unit, host, max_heap=max_heap, budget=budget) as vm:
        vm.run_main()
        return vm.snapshot()


def cmd_build(args: argparse.Namespace) -> int:
    from compiler import CompileError

    from .errors import JSException, VMError

    if not os.path.isfile(args.file):
        return _fail(f"{args.file}: no such file")
    out = args.output or default_output(args.file)
    try:
        image = build_image(args.file, max_heap=args.max_heap)
    except CompileError as e:
        sys.stderr.write(e.format() + "\n")
        return EXIT_FAIL
    except JSException as e:
        sys.stdout.flush()
        return _fail(f"build failed: {e}; no image written")
    except VMError as e:
        sys.stdout.flush()
        return _fail(f"build failed: {e}; no image written")
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
    from .values import to_json
    from .vm import VM, parse_cli_args

    image = _load_image(args.image)
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
    b.add_argument("--max-heap", type=int, default=0, help="heap limit in bytes")
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
