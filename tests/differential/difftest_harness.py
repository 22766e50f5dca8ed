"""Runs one program through the project and through Node, and compares the outputs.

The project side: compile_source, then a hostlib VM runs the top level and calls
afterResume directly; a second VM runs the top level, snapshots, restores the image into a
third VM and calls afterResume there. Both outputs must equal Node's. They run in a
long-lived worker process (_VMWorker), so that a VM crash or hang is an outcome.

The Node side is one long-lived `node node_worker.mjs` process (NodeOracle) that imports
each program as a fresh ES module, so thousands of programs cost one Node start-up.
"""

from __future__ import annotations

import atexit
import io
import json
import os
import pickle
import re
import selectors
import shutil
import signal
import struct
import subprocess
import sys
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
            stderr=subprocess.DEVNULL, bufsize=0)
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
        """Runs the programs in order in one Node process (pipelined), serving both pipes
        with select: no helper threads, whose locks a stuck read could never release."""
        if self.proc is None or self.proc.poll() is not None or self.served >= RESTART_EVERY:
            self._start()
        assert self.proc is not None and self.proc.stdin and self.proc.stdout
        ids = []
        for _ in sources:
            self.next_id += 1
            ids.append(self.next_id)
        payload = "".join(json.dumps({"id": i, "src": s}) + "\n" for i, s in zip(ids, sources))
        replies = self._exchange(payload.encode("utf-8"), len(ids))
        results: list[Outcome] = []
        for i, reply in zip(ids, replies):
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
        if len(replies) < len(ids):
            self.close()
            results.append(Outcome(kind="timeout", error="node did not answer"))
            results += [Outcome(kind="crash", error="skipped after a timeout")
                        for _ in ids[len(results):]]
            return results
        self.served += len(sources)
        return results

    def _exchange(self, payload: bytes, count: int) -> list[str]:
        """Writes the payload and reads up to `count` reply lines, each within NODE_TIMEOUT
        of the previous one; fewer lines when Node stops answering or exits."""
        proc = self.proc
        assert proc is not None and proc.stdin and proc.stdout
        wfd, rfd = proc.stdin.fileno(), proc.stdout.fileno()
        os.set_blocking(wfd, False)
        lines: list[str] = []
        buf = b""
        sent = 0
        with selectors.DefaultSelector() as sel:
            sel.register(rfd, selectors.EVENT_READ)
            if payload:
                sel.register(wfd, selectors.EVENT_WRITE)
            while len(lines) < count:
                events = sel.select(NODE_TIMEOUT)
                if not events:
                    break
                for key, _ in events:
                    if key.fd == wfd:
                        try:
                            sent += os.write(wfd, payload[sent:sent + 65536])
                        except BlockingIOError:
                            continue
                        except OSError:  # Node exited: its replies so far still count
                            sent = len(payload)
                        if sent >= len(payload):
                            sel.unregister(wfd)
                        continue
                    chunk = os.read(rfd, 65536)
                    if not chunk:
                        return lines
                    buf += chunk
                    while b"\n" in buf and len(lines) < count:
                        line, buf = buf.split(b"\n", 1)
                        lines.append(line.decode("utf-8"))
        return lines

    def run(self, source: str) -> Outcome:
        return self.run_many([source])[0]


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


VM_TIMEOUT = 600.0  # seconds for one program's VM runs in the worker (sanitizer builds included)


class _VMWorker:
    """A Python process that runs vm_outcomes for one program at a time (this file run with
    --vm-worker), so that a crash of the VM (a segfault, an abort) becomes an outcome of kind
    "crash" instead of killing the test run. A fresh process rather than a fork: forking a
    process that has threads (pytest's, a test server's, a sanitizer's) can leave the child
    waiting forever on a lock some other thread held."""

    def __init__(self) -> None:
        self.proc: subprocess.Popen[bytes] | None = None

    def run(self, source: str) -> list[tuple[str, Outcome]]:
        if self.proc is None or self.proc.poll() is not None:
            self.proc = subprocess.Popen(
                [sys.executable, str(Path(__file__).resolve()), "--vm-worker"],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0)
        proc = self.proc
        assert proc.stdin and proc.stdout
        data = source.encode("utf-8", "surrogatepass")
        try:
            proc.stdin.write(struct.pack("<I", len(data)) + data)
        except OSError:  # a broken pipe: the worker died
            return self._died()
        head = _read_exact(proc.stdout.fileno(), 4, VM_TIMEOUT)
        if head is None:
            return self._died()
        body = _read_exact(proc.stdout.fileno(), struct.unpack("<I", head)[0], VM_TIMEOUT)
        if body is None:
            return self._died()
        return pickle.loads(body)

    def _died(self) -> list[tuple[str, Outcome]]:
        proc = self.proc
        assert proc is not None
        self.proc = None
        try:
            status = proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            return [("crash", Outcome(kind="timeout",
                                      error=f"the VM did not finish in {VM_TIMEOUT:.0f} s"))]
        if status < 0:
            sig = -status
            name = signal.Signals(sig).name if sig in signal.valid_signals() else str(sig)
            return [("crash", Outcome(kind="crash", error=f"the VM process died with {name}"))]
        return [("crash", Outcome(kind="crash",
                                  error=f"the VM process exited with status {status}"))]

    def close(self) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait()
            self.proc = None


def _read_exact(fd: int, n: int, timeout: float | None) -> bytes | None:
    """n bytes from fd, or None at end of file or when no byte came for `timeout` seconds."""
    out = b""
    with selectors.DefaultSelector() as sel:
        sel.register(fd, selectors.EVENT_READ)
        while len(out) < n:
            if not sel.select(timeout):
                return None
            chunk = os.read(fd, n - len(out))
            if not chunk:
                return None
            out += chunk
    return out


_worker: _VMWorker | None = None


def vm_outcomes_isolated(source: str) -> list[tuple[str, Outcome]]:
    """vm_outcomes in the worker process (see _VMWorker)."""
    global _worker
    if _worker is None:
        _worker = _VMWorker()
        atexit.register(_worker.close)
    return _worker.run(source)


def _serve_vm_worker() -> None:
    """The worker's loop: a length-prefixed UTF-8 source in, its pickled outcomes out."""
    # Replies go to a private copy of stdout; anything else printed goes to stderr.
    rfd, wfd = sys.stdin.fileno(), os.dup(sys.stdout.fileno())
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    while True:
        head = _read_exact(rfd, 4, None)
        if head is None:
            return
        src = _read_exact(rfd, struct.unpack("<I", head)[0], None)
        if src is None:
            return
        data = pickle.dumps(vm_outcomes(src.decode("utf-8", "surrogatepass")))
        reply = struct.pack("<I", len(data)) + data
        while reply:
            reply = reply[os.write(wfd, reply):]


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


if __name__ == "__main__" and sys.argv[1:] == ["--vm-worker"]:
    # Served from the module by its import name, so that the outcomes pickle as
    # difftest_harness.Outcome (the class the parent knows), not __main__.Outcome.
    import difftest_harness

    difftest_harness._serve_vm_worker()
