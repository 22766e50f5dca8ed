"""Programs and engines: build a program's image for an engine, run it, check its output.

Every engine is driven through one protocol (the C harnesses, peers/py_run.py, peers/node_run.js):
    COMMAND... CALLS [RESTORES]
prints the program's output on stdout and "@key value" measurements on stderr. A run is only
counted when its output is exactly the program's `// expect:` line once per call.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from .tools import BENCH, ROOT

PROGRAMS = BENCH / "programs"
PEERS = BENCH / "peers"
OURS = "ours"
MICROVIUM = "microvium"
QUICKJS = "quickjs"
CPYTHON = "cpython"
NODE = "node"


@dataclass
class Program:
    """A benchmark program: programs/NAME.js (and NAME.py for CPython), with header comments
    `// expect: LINE` (what run() prints), optionally `// needs: FEATURE` (engines without it
    are n/a, not failures) and `// measure: restore` (used for restore time, not timed calls)."""

    name: str
    js: Path
    py: Path | None
    expect: str
    needs: str | None = None
    restore_only: bool = False

    @classmethod
    def load(cls, js: Path) -> Program:
        text = js.read_text(encoding="utf-8")
        header = dict(re.findall(r"^// (expect|needs|measure): (.*)$", text, re.MULTILINE))
        if "expect" not in header:
            raise ValueError(f"{js}: no '// expect:' line")
        py = js.with_suffix(".py")
        return cls(js.stem, js, py if py.exists() else None, header["expect"],
                   header.get("needs"), header.get("measure") == "restore")


def load_programs() -> list[Program]:
    return [Program.load(p) for p in sorted(PROGRAMS.glob("*.js"))]


@dataclass
class Run:
    """One harness run: the program's output lines, its @-measurements, and why it failed."""

    lines: list[str] = field(default_factory=list)
    stats: dict[str, int] = field(default_factory=dict)
    error: str | None = None  # None when the output was right

    @property
    def ok(self) -> bool:
        return self.error is None


def _error_names() -> dict[str, dict[int, str]]:
    """Error codes to names, read from each engine's header, so a failure reads as a word."""
    names: dict[str, dict[int, str]] = {OURS: {}, MICROVIUM: {}}
    tables = ROOT / "vm_c" / "include" / "mvm_tables.h"
    if tables.exists():
        for name, code in re.findall(r"^ERR\((\w+),\s*(\d+)", tables.read_text(), re.MULTILINE):
            names[OURS][int(code)] = name
    return names


ERROR_NAMES = _error_names()


def load_microvium_error_names(pkg: Path) -> None:
    header = pkg / "dist-c" / "microvium.h"
    for code, name in re.findall(r"/\*\s*(\d+)\s*\*/\s*MVM_E_(\w+)", header.read_text()):
        ERROR_NAMES[MICROVIUM][int(code)] = name


def parse_run(engine: str, program: Program, calls: int, proc: subprocess.CompletedProcess,
              ) -> Run:
    run = Run(lines=proc.stdout.splitlines())
    for key, value in re.findall(r"^@(\w+) (.*)$", proc.stderr, re.MULTILINE):
        if key in ("error", "fatal"):
            parts = value.split()
            code = int(parts[-1]) if parts and parts[-1].lstrip("-").isdigit() else -1
            word = ERROR_NAMES.get(engine, {}).get(code, str(code))
            run.error = f"{'fatal error' if key == 'fatal' else 'error'} {word}"
            if len(parts) > 1:
                run.error += f" in {parts[0]}"
        else:
            run.stats[key] = int(value)
    if run.error is None and proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or [f"exit {proc.returncode}"])[-1]
        run.error = f"exit {proc.returncode}: {last[:120]}"
    if run.error is None and run.lines != [program.expect] * calls:
        got = next((ln for ln in run.lines if ln != program.expect), "(no output)")
        run.error = f"wrong output: {got[:80]!r}"
    return run


# ---- Engines ----

@dataclass
class Engines:
    """Where each engine's commands live. A field is None when that engine is unavailable."""

    cache: Path
    ours_run: Path
    microvium_pkg: Path | None = None
    microvium_run: Path | None = None
    quickjs_version: str | None = None
    node: bool = False
    py_env: dict[str, str] = field(default_factory=dict)

    def work(self, engine: str) -> Path:
        d = self.cache / "work" / engine
        d.mkdir(parents=True, exist_ok=True)
        return d

    def available(self, engine: str, program: Program) -> str | None:
        """None if engine can run program, else the reason (shown as n/a)."""
        if engine == MICROVIUM and self.microvium_run is None:
            return "Microvium not installed"
        if engine == QUICKJS and self.quickjs_version is None:
            return "quickjs not installed"
        if engine == NODE and not self.node:
            return "node not found"
        if engine == CPYTHON and program.py is None:
            return "no .py equivalent"
        return None

    # ---- images ----

    def build_command(self, engine: str, program: Program,
                      strip: bool = False) -> tuple[list[str], Path]:
        """The command that builds program's image for engine (ours or microvium), and the
        image path. Microvium's source is the same program behind a thin wrapper. strip (ours):
        `mvc build --strip`, no line tables."""
        image = self.work(engine) / f"{program.name}{'.strip' if strip else ''}.mvm-bc"
        if engine == OURS:
            cmd = [mvc_command(), "build", str(program.js), "-o", str(image)]
            return cmd + ["--strip"] if strip else cmd, image
        wrapped = self.work(engine) / f"{program.name}.js"
        wrapped.write_text(microvium_source(program.js.read_text(encoding="utf-8")))
        cli = self.microvium_pkg / "dist" / "cli.js"
        return ["node", str(cli), str(wrapped), "-s", str(image)], image

    def build(self, engine: str, program: Program,
              strip: bool = False) -> tuple[Path | None, str | None]:
        cmd, image = self.build_command(engine, program, strip)
        if image.exists():
            image.unlink()
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=image.parent)
        if proc.returncode != 0 or not image.exists():
            msg = (proc.stderr.strip() or proc.stdout.strip() or "build failed").splitlines()
            return None, msg[-1][:160]
        return image, None

    # ---- running ----

    def run_command(self, engine: str, program: Program, image: Path | None,
                    calls: int, restores: int = 0) -> list[str]:
        if engine == OURS:
            return [str(self.ours_run), str(image), str(calls), str(restores)]
        if engine == MICROVIUM:
            return [str(self.microvium_run), str(image), str(calls), str(restores)]
        if engine == QUICKJS:
            return [sys.executable, str(PEERS / "py_run.py"), "quickjs", str(program.js),
                    str(calls)]
        if engine == CPYTHON:
            return [sys.executable, str(PEERS / "py_run.py"), "cpython", str(program.py),
                    str(calls)]
        if engine == NODE:
            return ["node", str(PEERS / "node_run.js"), str(program.js), str(calls)]
        raise ValueError(engine)

    def run(self, engine: str, program: Program, image: Path | None, calls: int,
            restores: int = 0) -> Run:
        cmd = self.run_command(engine, program, image, calls, restores)
        env = self.py_env if engine in (QUICKJS, CPYTHON) else None
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600)
        except subprocess.TimeoutExpired:
            return Run(error="timed out")
        return parse_run(engine, program, calls, proc)

    def callgrind(self, engine: str, program: Program, image: Path) -> tuple[Run, int | None]:
        """One call of run() under callgrind, counting only inside mvm_call (both engines'
        call entry point): restore, export lookup and the harness are excluded. Returns the
        run (output checked, memory stats) and the instruction count (Ir)."""
        out = self.cache / "callgrind" / f"{engine}-{program.name}.out"
        out.parent.mkdir(parents=True, exist_ok=True)
        cmd = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}",
               "--toggle-collect=mvm_call", "--dump-instr=yes",
               f"--log-file={out.with_suffix('.log')}",
               *self.run_command(engine, program, image, 1)]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=1200)
        run = parse_run(engine, program, 1, proc)
        match = re.search(r"^totals: (\d+)", out.read_text() if out.exists() else "", re.MULTILINE)
        return run, int(match.group(1)) if match and run.ok else None


def microvium_source(source: str) -> str:
    """Our program as a Microvium module: print is host import 1, run() is export 1."""
    body = re.sub(r"^export function", "function", source, flags=re.MULTILINE)
    return f"const print = vmImport(1);\n{body}\nvmExport(1, run);\n"


def mvc_command() -> str:
    """The `mvc` console script next to this interpreter (pip install -e . puts it there)."""
    here = Path(sys.executable).with_name("mvc")
    if here.exists():
        return str(here)
    from shutil import which

    return which("mvc") or "mvc"


def timed_process(cmd: list[str], cwd: Path,
                  env: dict[str, str] | None = None) -> tuple[float, int, int]:
    """Runs cmd; returns (wall seconds, peak RSS in KB of that process, exit status).
    os.wait4 gives the rusage of exactly this child, not of all children so far."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_maxrss, proc.returncode


def user_python_env(cache: Path) -> dict[str, str]:
    """The environment of a Python command as a user runs it: with bytecode caching (Python's
    default), kept out of the repo in CACHE/pycache. A PYTHONDONTWRITEBYTECODE=1 in the caller's
    environment would otherwise make every `mvc build` compile all of the compiler's sources
    again (about a third of its wall time)."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(cache / "pycache")
    return env


def file_digest(*paths: Path) -> str:
    h = hashlib.sha256()
    for p in paths:
        h.update(p.read_bytes())
    return h.hexdigest()


class IrCache:
    """Microvium's instruction counts, remembered across runs: they are deterministic for a
    given harness binary and image, and counting them under callgrind is the slowest step."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.data = json.loads(path.read_text())
        except (OSError, ValueError):
            self.data = {}

    def get(self, key: str) -> dict | None:
        return self.data.get(key)

    def put(self, key: str, value: dict) -> None:
        self.data[key] = value
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(json.dumps(self.data, indent=1))
