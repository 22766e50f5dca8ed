"""Runs one program through the project and through Node, and compares the outputs.

The project side is in-process: compile_source, then a hostlib VM runs the top level and
calls afterResume directly; a second VM runs the top level, snapshots, restores the image
into a third VM and calls afterResume there. Both outputs must equal Node's.

The Node side is one long-lived `node node_worker.mjs` process (NodeOracle) that imports
each program as a fresh ES module, so thousands of programs cost one Node start-up.
"""

from __future__ import annotations

import io
import json
import os
import pickle
import re
import shutil
import signal
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
# The project under test: this checkout, or another tree with a built hostlib (e.g. a pinned
# copy of a commit, so that a long run is not disturbed by edits in the working tree).
ENGINE_ROOT = Path(os.environ.get("DIFFERENTIAL_ENGINE_ROOT") or REPO).resolve()
if str(ENGINE_ROOT) not in sys.path[:1]:
    sys.path.insert(0, str(ENGINE_ROOT))

WORKER = HERE / "node_worker.mjs"
NODE_TIMEOUT = 30.0  # seconds for one program (they run in milliseconds)
RESTART_EVERY = 2000  # programs per Node process (each import stays in its module map)
VM_MAX_HEAP = 16 * 1024 * 1024
VM_BUDGET = 50_000_000  # instructions per run_main / call: a VM that loops forever fails


@dataclass
class Outcome:
    """What one engine did with one program."""

    lines: list[str] = field(default_factory=list)
    error: str | None = None  # uncaught exception (String(e)) or a VM/compile failure
    kind: str = "ok"  # ok | uncaught | compile-error | vm-error | timeout | crash

    def describe(self) -> str:
        text = "\n".join(self.lines)
        if self.kind != "ok":
            text += f"\n<{self.kind}: {self.error}>"
        return text


class NodeOracle:
    """A Node process that runs programs on request (see node_worker.mjs)."""

    def __init__(self, node: str | None = None) -> None:
        self.node = node or shutil.which("node")
        if not self.node:
            raise RuntimeError("node not found on PATH")
        self.proc: subprocess.Popen[str] | None = None
        self.served = 0
        self.next_id = 0

    def _start(self) -> None:
        self.close()
        self.proc = subprocess.Popen(
            [self.node, str(WORKER)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL, text=True, encoding="utf-8", bufsize=1)
        self.served = 0

    def close(self) -> None:
        if self.proc is not None:
            try:
                self.proc.stdin.close()  # type: ignore[union-attr]
                self.proc.wait(timeout=5)
            except Exception:
                self.proc.kill()
                self.proc.wait()
            self.proc = None

    def __enter__(self) -> "NodeOracle":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def run_many(self, sources: list[str]) -> list[Outcome]:
        """Runs the programs in order in one Node process (pipelined)."""
        if self.proc is None or self.proc.poll() is not None or self.served >= RESTART_EVERY:
            self._start()
        assert self.proc is not None and self.proc.stdin and self.proc.stdout
        ids = []
        for src in sources:
            self.next_id += 1
            ids.append(self.next_id)
        payload = "".join(json.dumps({"id": i, "src": s}) + "\n" for i, s in zip(ids, sources))
        writer = threading.Thread(target=self._write, args=(payload,), daemon=True)
        writer.start()
        results: list[Outcome] = []
        for i in ids:
            reply = self._readline(NODE_TIMEOUT)
            if reply is None:
                self.close()
                results.append(Outcome(kind="timeout", error="node did not answer"))
                results += [Outcome(kind="crash", error="skipped after a timeout")
                            for _ in ids[len(results):]]
                return results
            data = json.loads(reply)
            assert data["id"] == i, (data["id"], i)
            # A printed string may hold newlines: split as the VM's captured text is. Lone
            # surrogates become U+FFFD, as when Node writes them to a UTF-8 stdout.
            text = "\n".join(data["out"]).encode("utf-16-le", "surrogatepass").decode(
                "utf-16-le", "replace")
            o = Outcome(lines=text.split("\n") if data["out"] else [])
            if data["error"] is not None:
                o.kind, o.error = "uncaught", data["error"]
            results.append(o)
        writer.join()
        self.served += len(sources)
        return results

    def run(self, source: str) -> Outcome:
        return self.run_many([source])[0]

    def _write(self, payload: str) -> None:
        try:
            self.proc.stdin.write(payload)  # type: ignore[union-attr]
            self.proc.stdin.flush()  # type: ignore[union-attr]
        except (BrokenPipeError, ValueError, AttributeError):
            pass

    def _readline(self, timeout: float) -> str | None:
        box: list[str] = []
        proc = self.proc

        def read() -> None:
            line = proc.stdout.readline()  # type: ignore[union-attr]
            if line:
                box.append(line)

        t = threading.Thread(target=read, daemon=True)
        t.start()
        t.join(timeout)
        return box[0] if box else None


def compile_js(source: str) -> bytes | Outcome:
    """The unit, or an Outcome describing the compile error."""
    from compiler import CompileError, compile_source

    try:
        return compile_source(source, "program.js")
    except CompileError as e:
        return Outcome(kind="compile-error", error=e.format())


def run_vm(source: str, snapshot: bool, unit: bytes | None = None) -> Outcome:
    """The project: compile, run the top level, then afterResume (after a snapshot and a
    restore into a fresh VM when `snapshot`)."""
    from hostlib import VM, Host, JSException
    from hostlib.errors import VMError

    if unit is None:
        compiled = compile_js(source)
        if isinstance(compiled, Outcome):
            return compiled
        unit = compiled
    out = io.StringIO()
    o = Outcome()
    limits = dict(max_heap=VM_MAX_HEAP, budget=VM_BUDGET)
    try:
        with VM.from_unit(unit, Host(stdout=out), **limits) as vm:
            try:
                vm.run_main()
            except JSException as e:
                o.kind, o.error = "uncaught", e.text
            if o.kind == "ok":
                if snapshot:
                    image = vm.snapshot()
                    with VM.restore(image, Host(stdout=out), **limits) as vm2:
                        _call_after_resume(vm2, o, JSException)
                else:
                    _call_after_resume(vm, o, JSException)
    except VMError as e:
        o.kind, o.error = "vm-error", str(e)
    o.lines = out.getvalue().split("\n")
    if o.lines and o.lines[-1] == "":
        o.lines.pop()
    return o


def _call_after_resume(vm: object, o: Outcome, JSException: type) -> None:
    if "afterResume" in vm.exports():  # type: ignore[attr-defined]
        try:
            vm.call("afterResume")  # type: ignore[attr-defined]
        except JSException as e:  # type: ignore[misc]
            o.kind, o.error = "uncaught", e.text  # type: ignore[attr-defined]


@dataclass
class Mismatch:
    source: str
    node: Outcome
    vm: Outcome
    mode: str  # "direct" or "snapshot"

    def first_difference(self) -> tuple[int, str, str] | None:
        """(index, Node's line, the VM's line) of the first differing output line."""
        a, b = self.node.lines, self.vm.lines
        for i in range(max(len(a), len(b))):
            x = a[i] if i < len(a) else "<none>"
            y = b[i] if i < len(b) else "<none>"
            if x != y:
                return i, x, y
        return None

    def statement(self) -> str:
        """The source line of the print that made the first differing line (found by its
        label), or "" when the line has no unique label."""
        diff = self.first_difference()
        if diff is None:
            return ""
        for line in (diff[1], diff[2]):
            label = line.split(" ", 1)[0]
            if re.fullmatch(r"[a-z]+\d+", label):
                for src_line in self.source.splitlines():
                    if f"'{label}'" in src_line:
                        return src_line.strip()
        return ""

    def signature(self) -> str:
        """A coarse fingerprint of the difference, to tell distinct bugs apart: the kind of
        failure, or the first differing token of the first differing output line, with
        print labels and digits normalised ("p12" -> "L", "1e+21" -> "#e+#")."""
        if self.vm.kind not in ("ok", "uncaught") or self.node.kind not in ("ok", "uncaught"):
            msg = self.vm.error if self.vm.kind != "ok" else self.node.error
            first = (msg or "").strip().splitlines()
            return f"{self.node.kind}/{self.vm.kind}: {_norm(first[0] if first else '')}"
        a, b = self.node.lines, self.vm.lines
        for i in range(max(len(a), len(b))):
            x = a[i] if i < len(a) else "<none>"
            y = b[i] if i < len(b) else "<none>"
            if x != y:
                xs, ys = x.split(" "), y.split(" ")
                for j in range(max(len(xs), len(ys))):
                    tx = xs[j] if j < len(xs) else "<none>"
                    ty = ys[j] if j < len(ys) else "<none>"
                    if tx != ty:
                        return f"output: node {_norm(tx)!r} / vm {_norm(ty)!r}"
        return f"error: node {_norm(self.node.error or '')!r} / vm {_norm(self.vm.error or '')!r}"

    def report(self) -> str:
        return (f"--- program ({self.mode} run)\n{self.source}"
                f"--- node\n{self.node.describe()}\n--- vm\n{self.vm.describe()}\n"
                f"--- first difference: {self.signature()}\n")


def _norm(text: str) -> str:
    if re.fullmatch(r"[a-z]+\d+", text):
        return "L"
    return re.sub(r"\d+", "#", text)


def same(a: Outcome, b: Outcome) -> bool:
    return a.lines == b.lines and a.kind == b.kind and a.error == b.error


def vm_outcomes(source: str) -> list[tuple[str, Outcome]]:
    """The program's outcomes in the project: [("compile", error)] when it does not
    compile, else [("direct", ...), ("snapshot", ...)]."""
    compiled = compile_js(source)
    if isinstance(compiled, Outcome):
        return [("compile", compiled)]
    return [(mode, run_vm(source, mode == "snapshot", compiled))
            for mode in ("direct", "snapshot")]


def vm_outcomes_isolated(source: str) -> list[tuple[str, Outcome]]:
    """vm_outcomes in a forked child, so that a crash of the VM (a segfault, an abort)
    becomes an outcome of kind "crash" instead of killing the test run."""
    if not hasattr(os, "fork"):
        return vm_outcomes(source)
    # Loaded here, in the parent, so that each child starts with them ready.
    import compiler  # noqa: F401
    import hostlib  # noqa: F401
    import hostlib.errors  # noqa: F401
    rfd, wfd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        code = 0
        try:
            os.close(rfd)
            data = pickle.dumps(vm_outcomes(source))
            with os.fdopen(wfd, "wb") as w:
                w.write(data)
        except BaseException:  # noqa: BLE001
            code = 3
        finally:
            os._exit(code)
    os.close(wfd)
    with os.fdopen(rfd, "rb") as r:
        data = r.read()
    _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        name = signal.Signals(sig).name if sig in signal.valid_signals() else str(sig)
        return [("crash", Outcome(kind="crash", error=f"the VM process died with {name}"))]
    if not data:
        return [("crash", Outcome(kind="crash",
                                  error=f"the VM process exited with status {status}"))]
    return pickle.loads(data)


def compare(source: str, node: Outcome, isolate: bool = True) -> Mismatch | None:
    """Runs the program in the VM twice (direct, snapshot) and compares with Node."""
    outcomes = vm_outcomes_isolated(source) if isolate else vm_outcomes(source)
    for mode, vm in outcomes:
        if not same(node, vm):
            return Mismatch(source, node, vm, mode)
    return None


def check(source: str, oracle: NodeOracle, isolate: bool = True) -> Mismatch | None:
    return compare(source, oracle.run(source), isolate)



def reduce_source(source: str, interesting: "Callable[[str], bool]",
                  max_rounds: int = 8) -> str:
    """Line-level delta debugging after hypothesis's shrinking: removes statements (a line,
    or a brace-balanced range of lines) and unwraps blocks while `interesting` (the same
    failure) still holds."""
    lines = source.rstrip("\n").split("\n")

    def attempt(candidate: list[str]) -> bool:
        return interesting("\n".join(candidate) + "\n")

    for _ in range(max_rounds):
        changed = False
        i = 0
        while i < len(lines):
            depth = lines[i].count("{") - lines[i].count("}")
            end = i
            if depth > 0:
                d = 0
                for j in range(i, len(lines)):
                    d += lines[j].count("{") - lines[j].count("}")
                    if d <= 0:
                        end = j
                        break
            tries = [lines[:i] + lines[end + 1:]]
            if end > i and lines[end].strip() in ("}", "};"):
                tries.append(lines[:i] + lines[i + 1:end] + lines[end + 1:])
            for cand in tries:
                if attempt(cand):
                    lines = cand
                    changed = True
                    break
            else:
                i += 1
        if not changed:
            break
    return "\n".join(lines) + "\n"
