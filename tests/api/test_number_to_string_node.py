"""Number to string (Number::toString: the shortest digits that read back as the same double)
matches Node for every power of two, where the doubles below and above are not equally far
(2^-24 prints as 5.960464477539063e-8: its 16-digit rounding ...062 reads back as another
double), and for random doubles of every magnitude."""
from __future__ import annotations

import json
import random
import shutil
import struct
import subprocess

import pytest

from compiler import compile_source
from hostlib import VM

pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")


def doubles() -> list[float]:
    rng = random.Random(20261129)
    out = [2.0 ** e for e in range(-1074, 1024)]
    out += [-x for x in out[::97]]
    while len(out) < 12_000:
        x = struct.unpack("<d", rng.getrandbits(64).to_bytes(8, "little"))[0]
        if x == x and abs(x) != float("inf"):
            out.append(x)
    out += [rng.randint(-10**6, 10**6) / 10 ** rng.randint(0, 12) for _ in range(3_000)]
    return out


def test_number_to_string_matches_node() -> None:
    xs = doubles()
    # Hex bit patterns carry the exact doubles to Node (JSON would round-trip them too).
    bits = [struct.pack("<d", x).hex() for x in xs]
    script = ("const bits = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
              "const f = new Float64Array(1), b = new Uint8Array(f.buffer);"
              "process.stdout.write(JSON.stringify(bits.map(h => {"
              "  for (let i = 0; i < 8; i++) b[i] = parseInt(h.substr(2 * i, 2), 16);"
              "  return String(f[0]); })));")
    node = json.loads(subprocess.run(["node", "-e", script], input=json.dumps(bits),
                                     capture_output=True, text=True, check=True).stdout)
    src = "export function all(xs) { return xs.map((x) => String(x)); }"
    with VM.from_unit(compile_source(src, "fmt.js")) as vm:
        vm.run_main()
        ours: list[str] = []
        for i in range(0, len(xs), 1000):
            ours += vm.call("all", xs[i:i + 1000])
    wrong = [(x, n, o) for x, n, o in zip(xs, node, ours) if n != o]
    assert not wrong, f"{len(wrong)} differ, e.g. {wrong[:5]}"
