"""Writes the fuzzers' seed corpus: real images built from the golden JS programs and examples.

    python tools/fuzz/seed_corpus.py OUT_DIR [--max N] [--max-size BYTES]

Every tests/js program that builds (top level runs without an uncaught exception) gives one
image, snapshotted after its top level ran; every example under examples/ is deployed to a
throw-away local environment and gives the image its function apps resume. Images are written
as OUT_DIR/<name>.mvm-bc. They are rebuilt each time (not checked in), so the corpus always
has the current image format version.
"""
from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
from contextlib import redirect_stdout

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, ROOT)


def js_programs() -> list[str]:
    out = []
    base = os.path.join(ROOT, "tests", "js")
    for folder, dirs, files in os.walk(base):
        dirs[:] = sorted(d for d in dirs if d != "_lib")
        if os.path.basename(folder) == "compile_errors":
            continue
        out += [os.path.join(folder, f) for f in sorted(files) if f.endswith(".js")]
    return out


def build_js(path: str) -> bytes | None:
    from hostlib import VM, Host, JSException, VMError
    from compiler import CompileError, compile_program

    try:
        unit = compile_program(path)
    except CompileError:
        return None
    with VM.from_unit(unit, Host(stdout=io.StringIO()), budget=50_000_000) as vm:
        try:
            vm.run_main()
        except (JSException, VMError):
            return None
        return vm.snapshot()


def build_examples() -> dict[str, bytes]:
    from azure_microvium.deploy import build
    from azure_microvium.local_provider import LocalProvider
    from azure_microvium.project import env_paths

    images = {}
    base = os.path.join(ROOT, "examples")
    for name in sorted(os.listdir(base)):
        entry = os.path.join(base, name, "main.js")
        if not os.path.isfile(entry):
            continue
        with tempfile.TemporaryDirectory() as tmp:
            try:
                with redirect_stdout(io.StringIO()):
                    images[f"example-{name}"] = build(entry, LocalProvider(env_paths(tmp, "fuzz")))
            except Exception as e:  # noqa: BLE001 - a seed is optional
                print(f"seed_corpus: example {name} skipped: {e}", file=sys.stderr)
    return images


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("--max", type=int, default=0, help="at most N images (0: all)")
    ap.add_argument("--max-size", type=int, default=16384,
                    help="skip images larger than this many bytes (the fuzzer's -max_len)")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    images: dict[str, bytes] = {}
    for path in js_programs():
        image = build_js(path)
        if image is not None:
            rel = os.path.relpath(path, os.path.join(ROOT, "tests", "js"))
            images[rel[:-3].replace(os.sep, "-")] = image
    images.update(build_examples())
    # Every 8th image also with its ROM stored as it is (no FEATURE PACKED_ROM: the ROM used in
    # place, as an MCU image has it), so that the fuzzer reaches that loader path too.
    from compiler.disasm import pack_image, unpack_image
    from compiler.opcodes import FEATURE_PACKED_ROM

    for name in sorted(images)[::8]:
        parts = unpack_image(images[name])
        parts.features &= ~(1 << FEATURE_PACKED_ROM)
        images[name + "-rom-in-place"] = pack_image(parts)
    names = sorted(n for n in images if len(images[n]) <= args.max_size)
    if args.max:
        names = names[: args.max]
    for name in names:
        with open(os.path.join(args.out, name + ".mvm-bc"), "wb") as f:
            f.write(images[name])
    total = sum(len(images[n]) for n in names)
    print(f"seed_corpus: {len(names)} images, {total} bytes, in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
