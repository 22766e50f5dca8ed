"""Differential testing of the integer-only build (MVM_SUPPORT_FLOAT=0) against Node.js.

Programs come from difftest_gen.programs(INT_PROFILE): the basic and full subset with
int32 literals only (a unit holding a float constant is refused at load) and operands
around +-2^30 and +-2^31. They run on a native runner (vm_c/tools/mvm_unit_run.c built with
the cortex_m port, MVM_SUPPORT_FLOAT=0 and MVM_INCLUDE_BUILD_API=1: it runs the top level
itself), once calling afterResume in the same VM (--direct) and once after a snapshot and
a restore, and under Node (difftest_harness.NodeOracle).

What is a fair comparison. Node computes with doubles; this build has int32s only and throws
a catchable RangeError ("<operation> is not a 32-bit integer: this build has no floating
point (MVM_SUPPORT_FLOAT=0)") where JS's exact result is no int32. The program's show()
prints that error marked (INT_MARK), wherever it is caught, and the generator makes sure it
is printed where it was thrown (no finally block runs first, no promise executor swallows
it). So a run is compared as follows:

- no RangeError of the build: the output, and the uncaught error if any, equal Node's;
- the first one printed on line k (or uncaught after the last line): lines 0..k-1 equal
  Node's, and the operation it names (7 / 2, 2147483647 + 1, Math.sqrt(2), a string such
  as '1.5' whose value was needed, a constant such as PI) really is no int32 in Node: an int32
  there means the VM refused a result it must give. After that point the two runs follow
  different paths (Node went on with a float), so nothing after it is compared, except that
  the VM must still not crash.

-0 needs no case: the build makes it 0 (a documented choice), and Node prints -0 as 0; a
program telling them apart (1 / x) divides by zero, which throws here first.

With MVM_INT32_OVERFLOW_CHECKS=0 (variant "wrap", results past int32 wrap modulo 2^32) the
expected output is not Node's after the first overflow, so it is checked against the checked
build's run: the same output (and Node's) when nothing overflowed; the same lines before the
first overflow; the same RangeError at the same line when the first error is a non-integer
(which throws in both builds). That variant is built with UBSan, so undefined behaviour in
the wrapping arithmetic stops the runner and is reported as a crash.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from difftest_gen import INT_MARK  # noqa: E402
from difftest_harness import ENGINE_ROOT, Mismatch, NodeOracle, Outcome, _norm, compile_js  # noqa: E402

TAIL = " is not a 32-bit integer: this build has no floating point (MVM_SUPPORT_FLOAT=0)"
RUN_TIMEOUT = 60.0  # seconds per runner invocation (a sanitizer build included)
MAX_HEAP = 4 * 1024 * 1024  # the cortex_m port's 16 KB default is too small for some programs
BUDGET = 50_000_000

# Runner builds. Every variant is the cortex_m port, integer-only, with the build API (the
# runner runs the unit's top level itself).
VARIANTS: dict[str, list[str]] = {
    "checked": ["-O2"],
    # GC at every allocation (a boxed int32 is an allocation in the middle of an operation)
    # under ASan and UBSan.
    "stress": ["-O1", "-g", "-DMVM_GC_STRESS=1", "-fsanitize=address,undefined",
               "-fno-sanitize-recover=undefined", "-fno-omit-frame-pointer"],
    "wrap": ["-O1", "-g", "-DMVM_INT32_OVERFLOW_CHECKS=0", "-fsanitize=undefined",
             "-fno-sanitize-recover=undefined"],
}
STRICT = ["-std=c99", "-Wall", "-Wextra", "-Wpedantic", "-Werror"]
PORT = ["-DMVM_PORT_HEADER=\"ports/cortex_m/mvm_port.h\"", "-DMVM_SUPPORT_FLOAT=0",
        "-DMVM_INCLUDE_BUILD_API=1", "-DMVM_INSTRUCTION_BUDGET=1",  # the runs' --budget
        "-DMVM_CONFIG_HEAP_LIMIT=1"]  # and --max-heap


def _cc() -> str:
    for cc in ("cc", "gcc", "clang"):
        path = shutil.which(cc)
        if path:
            return path
    raise RuntimeError("no C compiler on PATH")


def build_runner(variant: str = "checked", root: Path = ENGINE_ROOT) -> Path:
    """The runner of a variant, built once per content of the core's sources (cached in the
    temp folder, so a pinned engine root and the working tree never share a stale binary)."""
    vm_c = root / "vm_c"
    sources = sorted((vm_c / "src").glob("*.c"))
    inputs = sources + sorted((vm_c / "src").glob("*.h")) + sorted((vm_c / "include").glob("*.h")) \
        + [vm_c / "ports" / "cortex_m" / "mvm_port.h", vm_c / "tools" / "mvm_unit_run.c"]
    flags = STRICT + PORT + VARIANTS[variant]
    digest = hashlib.sha256(json.dumps(flags).encode())
    for f in inputs:
        digest.update(f.name.encode() + b"\0" + f.read_bytes())
    out_dir = Path(tempfile.gettempdir()) / f"mvm-intdiff-{os.getuid()}"
    out = out_dir / f"mvm_unit_run-{variant}-{digest.hexdigest()[:16]}"
    if out.exists():
        return out
    out_dir.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(f".tmp{os.getpid()}")
    cmd = [_cc(), *flags, f"-I{vm_c / 'include'}", f"-I{vm_c}", f"-I{vm_c / 'src'}",
           str(vm_c / "tools" / "mvm_unit_run.c"), *map(str, sources), "-o", str(tmp)]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    if proc.returncode != 0:
        raise RuntimeError(f"building the {variant} runner failed:\n{proc.stderr}")
    os.replace(tmp, out)
    return out


_LOCATION = re.compile(r" \([^()]*:\d+\)$")


def run_native(runner: Path, unit: Path, direct: bool) -> Outcome:
    """One run of the unit: top level, then afterResume (in the same VM when direct, else
    after a snapshot and a restore)."""
    cmd = [str(runner), str(unit), "--max-heap", str(MAX_HEAP), "--budget", str(BUDGET)]
    if direct:
        cmd.append("--direct")
    cmd += ["--call", "afterResume"]
    try:
        # No leak check: mvm_unit_run returns without mvm_free after an uncaught exception
        # at the top level (the first stress run's only findings were those leaks).
        env = dict(os.environ, ASAN_OPTIONS="detect_leaks=0")
        proc = subprocess.run(cmd, capture_output=True, timeout=RUN_TIMEOUT, env=env)
    except subprocess.TimeoutExpired:
        return Outcome(kind="timeout", error=f"the runner did not finish in {RUN_TIMEOUT:.0f} s")
    stdout = proc.stdout.decode("utf-8", "replace")
    stderr = proc.stderr.decode("utf-8", "replace").strip()
    lines = stdout.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    o = Outcome(lines=lines)
    if proc.returncode < 0 or "Sanitizer" in stderr or "runtime error:" in stderr:
        o.kind, o.error = "crash", f"status {proc.returncode}: {stderr[-2000:]}"
        return o
    if proc.returncode == 0:
        if o.lines and o.lines[-1] == "undefined":  # afterResume's result, printed by the runner
            o.lines.pop()
        return o
    first = stderr.splitlines()[0] if stderr else f"exit status {proc.returncode}"
    if first.startswith("Uncaught "):
        o.kind, o.error = "uncaught", _LOCATION.sub("", first[len("Uncaught "):])
    elif "IMAGE_FEATURE" in first and first.startswith("load:"):
        o.kind, o.error = "refused", first  # the unit holds a float: not comparable
    else:
        o.kind, o.error = "vm-error", first
    return o


def cut_point(vm: Outcome) -> tuple[int, str] | None:
    """(line, the operation it names) of the build's first RangeError: the first line showing
    it, or after the last line when it was uncaught; None when there was none."""
    for i, line in enumerate(vm.lines):
        at = line.find(INT_MARK)
        if at >= 0:
            message = line[at + len(INT_MARK):]
            end = message.find(TAIL)
            return i, message[:end] if end >= 0 else message
    if vm.kind == "uncaught" and vm.error and vm.error.endswith(TAIL):
        text = vm.error[:-len(TAIL)]
        return len(vm.lines), text[len("RangeError: "):] if text.startswith("RangeError: ") else text


# Node classifies an operation named by the RangeError: "int32" (the VM must have given it),
# "overflow" (an integer past int32) or "nonint" (a fraction, NaN, an infinity). The name is
# an operation with the operands filled in ("2147483647 + 1", "-(-2147483648)", "-2 ** 31",
# "Math.sqrt(2)", "NaN + 1"), a string whose value was needed ("1.5", " 1e21 ") or a constant
# ("PI", "Infinity").
_CLASSIFY_JS = """\
const form = %s;
let v;
const n = Number(form);
if (!Number.isNaN(n) || form.trim() === 'NaN') v = n;
else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(form)) v = Math[form] ?? Number[form] ?? globalThis[form];
else v = (0, eval)(form.replace(/(?<![\\w.])-?\\d+(?![\\w.])/g, '($&)'));
print(typeof v !== 'number' ? 'not a number: ' + typeof v
      : v === (v | 0) ? 'int32' : Number.isInteger(v) ? 'overflow' : 'nonint');
"""


@dataclass
class Stats:
    """What the comparisons saw (for the long run's report)."""

    programs: int = 0
    refused: int = 0        # units the integer-only VM refused (a float constant)
    cut: int = 0            # runs that stopped being comparable at the build's RangeError
    complete: int = 0       # runs compared to the end
    lines_compared: int = 0
    forms: dict[str, str] = field(default_factory=dict)  # classification cache


STATS = Stats()


def classify_form(form: str, oracle: NodeOracle) -> str:
    if form not in STATS.forms:
        out = oracle.run(_CLASSIFY_JS % json.dumps(form))
        STATS.forms[form] = out.lines[0] if out.kind == "ok" and out.lines else \
            f"unclassifiable: {out.describe()}"
    return STATS.forms[form]


@dataclass
class IntMismatch(Mismatch):
    reason: str = ""

    def signature(self) -> str:
        if self.reason.startswith("refused"):
            return f"refused an int32 result: {_norm(self.reason.split(': ', 1)[-1])}"
        if self.reason.startswith("wrap"):
            return f"wrap: {super().signature()}"
        return super().signature()

    def report(self) -> str:
        return f"--- {self.reason}\n" + super().report()


def compare_run(source: str, node: Outcome, vm: Outcome, mode: str,
                oracle: NodeOracle) -> IntMismatch | None:
    """One VM run against Node, by the rule in the module docstring."""
    if vm.kind in ("crash", "timeout", "vm-error", "compile-error"):
        return IntMismatch(source, node, vm, mode, reason=f"the VM failed: {vm.kind}")
    cut = cut_point(vm)
    if cut is None:
        if vm.lines != node.lines or vm.kind != node.kind or vm.error != node.error:
            return IntMismatch(source, node, vm, mode, reason="output differs")
        STATS.complete += 1
        STATS.lines_compared += len(vm.lines)
        return None
    k, form = cut
    if vm.lines[:k] != node.lines[:k]:
        return IntMismatch(source, node, vm, mode,
                           reason=f"output differs before the RangeError on line {k}")
    verdict = classify_form(form, oracle)
    if verdict not in ("overflow", "nonint"):
        return IntMismatch(source, node, vm, mode, reason=f"refused ({verdict}): {form}")
    STATS.cut += 1
    STATS.lines_compared += k
    return None


def compare_wrap(source: str, node: Outcome, checked: Outcome, wrap: Outcome,
                 oracle: NodeOracle) -> IntMismatch | None:
    """The wrapping build's run against the checked build's (already compared with Node)."""
    if wrap.kind in ("crash", "timeout", "vm-error"):
        return IntMismatch(source, node, wrap, "wrap", reason=f"wrap: the VM failed: {wrap.kind}")
    cut = cut_point(checked)
    if cut is None:
        if wrap.lines != node.lines or wrap.kind != node.kind or wrap.error != node.error:
            return IntMismatch(source, node, wrap, "wrap", reason="wrap: differs, no overflow")
        return None
    k, form = cut
    keep = k + 1 if classify_form(form, oracle) == "nonint" else k
    if wrap.lines[:keep] != checked.lines[:keep]:
        return IntMismatch(source, Outcome(lines=checked.lines[:keep]), wrap, "wrap",
                           reason=f"wrap: differs from the checked build before line {keep}")
    return None


class IntChecker:
    """Runs programs on the integer-only runners and compares (check(source) -> mismatch)."""

    def __init__(self, oracle: NodeOracle, variant: str = "checked", wrap: bool = False) -> None:
        self.oracle = oracle
        self.runner = build_runner(variant)
        self.wrap_runner = build_runner("wrap") if wrap else None
        self.tmp = Path(tempfile.mkdtemp(prefix="mvm-intdiff-"))

    def close(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)

    def __enter__(self) -> "IntChecker":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def vm_outcomes(self, source: str) -> list[tuple[str, Outcome]]:
        compiled = compile_js(source)
        if isinstance(compiled, Outcome):
            return [("compile", compiled)]
        unit = self.tmp / "program.unit"
        unit.write_bytes(compiled)
        runs = [(mode, run_native(self.runner, unit, mode == "direct"))
                for mode in ("direct", "snapshot")]
        if self.wrap_runner is not None:
            runs.append(("wrap", run_native(self.wrap_runner, unit, False)))
        return runs

    def check(self, source: str) -> IntMismatch | None:
        STATS.programs += 1
        node = self.oracle.run(source)
        runs = dict(self.vm_outcomes(source))
        if "compile" in runs:
            return IntMismatch(source, node, runs["compile"], "compile", reason="compile error")
        if any(o.kind == "refused" for o in runs.values()):
            STATS.refused += 1
            return None
        for mode in ("direct", "snapshot"):
            m = compare_run(source, node, runs[mode], mode, self.oracle)
            if m is not None:
                return m
        if "wrap" in runs:
            return compare_wrap(source, node, runs["direct"], runs["wrap"], self.oracle)
        return None
