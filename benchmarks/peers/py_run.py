"""py_run.py: runs a benchmark program under QuickJS (PyPI `quickjs`) or CPython.

Same protocol as the C harnesses:
    python py_run.py quickjs PROGRAM.js [CALLS]
    python py_run.py cpython PROGRAM.py [CALLS]
stdout: the program's prints; stderr: "@call_min_ns N" and "@call_med_ns N" (the call of run()
only: parsing, compiling and module import are outside the timed region).
"""
from __future__ import annotations

import importlib.util
import io
import re
import sys
import time
from contextlib import redirect_stdout


def load_quickjs(path: str, out: list[str]):
    import quickjs

    ctx = quickjs.Context()
    ctx.add_callable("print", lambda *args: out.append(" ".join(_js_str(a) for a in args)))
    # The programs are ES modules with one `export function run`; as a script, run is a global.
    with open(path, encoding="utf-8") as f:
        ctx.eval(re.sub(r"^export function", "function", f.read(), flags=re.MULTILINE))
    return lambda: ctx.eval("run()")


def _js_str(value: object) -> str:
    # print receives Python values converted by the binding; render them as JS would.
    if value is True:
        return "true"
    if value is False:
        return "false"
    return str(value)


def load_cpython(path: str, out: list[str]):
    spec = importlib.util.spec_from_file_location("bench_program", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    buf = io.StringIO()

    def call() -> None:
        with redirect_stdout(buf):
            module.run()
        out.extend(buf.getvalue().splitlines())
        buf.seek(0)
        buf.truncate()

    return call


def main() -> int:
    engine, path = sys.argv[1], sys.argv[2]
    calls = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    out: list[str] = []
    run = {"quickjs": load_quickjs, "cpython": load_cpython}[engine](path, out)
    times = []
    for _ in range(calls):
        t0 = time.perf_counter_ns()
        run()
        times.append(time.perf_counter_ns() - t0)
    times.sort()
    sys.stdout.write("".join(line + "\n" for line in out))
    sys.stderr.write(f"@call_min_ns {times[0]}\n@call_med_ns {times[len(times) // 2]}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
