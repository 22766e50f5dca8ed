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
import re
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


def build_js(path: str, target: str = "host", as_export: bool = False) -> bytes | None:
    from hostlib import VM, Host, JSException, VMError
    from hostlib.cli import MCU_DEFAULT_MAX_HEAP, device_host, retarget_image
    from compiler import CompileError, compile_program, compile_source

    try:
        if as_export:
            with open(path, encoding="utf-8") as f:
                text = f.read()
            if re.search(r"^\s*(import|export)\b", text, re.M):
                return None
            unit = compile_source("export function main() {\n" + text + "\n}\n", path)
        else:
            unit = compile_program(path)
    except CompileError:
        return None
    if target == "host":
        host, max_heap = Host(stdout=io.StringIO()), 0
    else:
        host, max_heap = device_host(), MCU_DEFAULT_MAX_HEAP
        host.stdout = io.StringIO()
    with VM.from_unit(unit, host, max_heap=max_heap, budget=50_000_000) as vm:
        try:
            vm.run_main()
        except (JSException, VMError):
            return None
        image = vm.snapshot()
    return image if target == "host" else retarget_image(image, "mcu")


def build_mcu_examples() -> dict[str, bytes]:
    images = {}
    base = os.path.join(ROOT, "examples")
    for name in sorted(os.listdir(base)):
        for entry in ("program.js", "main.js"):
            path = os.path.join(base, name, entry)
            image = build_js(path, "mcu") if os.path.isfile(path) else None
            if image is not None:
                images[f"example-{name}"] = image
                break
    return images


def int_only(images: dict[str, bytes]) -> dict[str, bytes]:
    from compiler.opcodes import FEATURE_FLOAT64

    out = {}
    floats = []
    for name in sorted(images):
        features = int.from_bytes(images[name][10:12], "little")
        if features >> FEATURE_FLOAT64 & 1:
            floats.append(name)
        else:
            out[name] = images[name]
    for name in floats[::4]:
        image = bytearray(images[name])
        features = int.from_bytes(image[10:12], "little") & ~(1 << FEATURE_FLOAT64)
        image[10:12] = features.to_bytes(2, "little")
        out[name + "-float64-bit-cleared"] = bytes(image)  # the fuzzer fixes the CRC
    return out


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


def regressions_for(target: str) -> dict[str, bytes]:
    from compiler.disasm import IMAGE_MAGIC
    from compiler.opcodes import FEATURE_PROFILE_HOST, FEATURE_PROFILE_MCU

    mine, other = (FEATURE_PROFILE_HOST, FEATURE_PROFILE_MCU)
    if target != "host":
        mine, other = other, mine
    out = {}
    base = os.path.join(ROOT, "tests", "fuzz", "regressions")
    for name in sorted(os.listdir(base)):
        with open(os.path.join(base, name), "rb") as f:
            data = f.read()
        out[name] = data
        if len(data) >= 16 and data.startswith(IMAGE_MAGIC):
            features = int.from_bytes(data[10:12], "little")
            if features >> other & 1 and not features >> mine & 1:
                features = features & ~(1 << other) | 1 << mine
                out[name + "-retargeted"] = data[:10] + features.to_bytes(2, "little") + data[12:]
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("--max", type=int, default=0, help="at most N images (0: all)")
    ap.add_argument("--max-size", type=int, default=16384,
                    help="skip images larger than this many bytes (the fuzzer's -max_len)")
    ap.add_argument("--target", choices=("host", "mcu", "mcu-int", "mcu-small", "harvard"),
                    default="host",
                    help="the profile of the fuzzer the seeds are for (default host)")
    ap.add_argument("--regressions", action="store_true",
                    help="write tests/fuzz/regressions for the target instead of seeds")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    if args.regressions:
        found = regressions_for(args.target)
        for name, data in found.items():
            with open(os.path.join(args.out, name), "wb") as f:
                f.write(data)
        print(f"seed_corpus: {len(found)} past findings for {args.target} in {args.out}")
        return 0
    target = "host" if args.target == "host" else "mcu"
    images: dict[str, bytes] = {}
    for path in js_programs():
        image = build_js(path, target)
        if image is not None:
            rel = os.path.relpath(path, os.path.join(ROOT, "tests", "js"))
            images[rel[:-3].replace(os.sep, "-")] = image
    if target == "host":
        images.update(build_examples())
    else:
        images.update(build_mcu_examples())
        # A device's work happens in export calls, and most golden programs do theirs at top
        # level, which ran at build time: each program without modules also as the body of an
        # export, so that the fuzzer's mutations of its code run in the harness's calls.
        for path in js_programs():
            image = build_js(path, target, as_export=True)
            if image is not None:
                rel = os.path.relpath(path, os.path.join(ROOT, "tests", "js"))
                images[rel[:-3].replace(os.sep, "-") + "-as-export"] = image
    if args.target == "mcu-int":
        images = int_only(images)
    # Every 8th image also with the other ROM form (a host image with its ROM stored as it is:
    # used in place, as an MCU image has it; an MCU image with it packed: expanded into RAM), so
    # that the fuzzer reaches both loader paths in each profile.
    # And every 8th MCU image with a heap holds it as it is (`--raw-heap`), the other heap form;
    # for mcu-small (MVM_PACKED_HEAP=0, which refuses packed heaps) every one does.
    from compiler.disasm import pack_image, unpack_image
    from compiler.opcodes import FEATURE_PACKED_ROM, FEATURE_RAW_HEAP

    for name in sorted(images)[::8]:
        parts = unpack_image(images[name])
        parts.features ^= 1 << FEATURE_PACKED_ROM
        images[name + ("-rom-in-place" if target == "host" else "-rom-packed")] = pack_image(parts)
    if target != "host":
        with_heap = {n: p for n in sorted(images) if len((p := unpack_image(images[n])).heap) > 4}
        names = list(with_heap)
        for name in names if args.target == "mcu-small" else names[1::8]:
            parts = with_heap[name]
            parts.features |= 1 << FEATURE_RAW_HEAP
            images[name + "-raw-heap"] = pack_image(parts)
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
