"""python -m compiler FILE.js [-o OUT]     compile a program to a bytecode unit
python -m compiler --disasm FILE         disassemble a unit or an image
"""

from __future__ import annotations

import argparse
import os
import sys

from .disasm import disasm
from .errors import CompileError
from .program import compile_program


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m compiler", description=__doc__)
    parser.add_argument(
        "file", help="entry module (.js), or with --disasm a unit or image"
    )
    parser.add_argument(
        "-o", "--output", help="unit file to write (default: FILE with .mvmu)"
    )
    parser.add_argument(
        "--disasm", action="store_true", help="disassemble FILE instead"
    )
    parser.add_argument(
        "--bare",
        action="append",
        default=[],
        metavar="NAME=PATH",
        help="resolve the bare import specifier NAME to the file PATH",
    )
    args = parser.parse_args(argv)

    if args.disasm:
        try:
            with open(args.file, "rb") as f:
                data = f.read()
            sys.stdout.write(disasm(data))
        except (OSError, ValueError) as e:
            print(f"{args.file}: {e}", file=sys.stderr)
            return 1
        return 0

    bare: dict[str, str] = {}
    for item in args.bare:
        name, sep, path = item.partition("=")
        if not sep:
            parser.error(f"--bare wants NAME=PATH, got {item!r}")
        bare[name] = path
    try:
        unit = compile_program(args.file, bare_modules=bare)
    except CompileError as e:
        print(e.format(), file=sys.stderr)
        return 1
    output = args.output or os.path.splitext(args.file)[0] + ".mvmu"
    try:
        with open(output, "wb") as f:
            f.write(unit)
    except OSError as e:
        print(f"{output}: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
