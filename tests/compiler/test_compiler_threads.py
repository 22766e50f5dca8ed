"""compile_program in several threads at once gives each program the unit it gets alone.

The prelude's helpers are numbered per program (console and bind are compiled in only when a
program mentions them, so the helpers' global slots differ), and a program compiled while
another was being compiled in a second thread once got the other's slots: its `bind` calls
loaded the wrong global and threw TypeError (seen in tests/mcu/test_golden_mcu.py, which
compiles the golden programs from a thread pool)."""
from __future__ import annotations

import os
import sys
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(os.path.dirname(HERE)))

from compiler import compile_program  # noqa: E402

PROGRAMS = {
    "bind.js": "const g = function (a) { return this.k + a; };\n"
               "print(g.bind({ k: 1 }, 2)(), typeof g.bind);\n",
    "console_bind.js": "console.log('x');\nconst h = (a, b) => a + b;\nprint(h.bind(null, 1)(2));\n",
    "console.js": "console.log(1, 2);\n",
    "plain.js": "let s = 0; for (let i = 0; i < 3; i++) s += i; print(s);\n",
}


def test_programs_compiled_in_parallel_threads_get_their_own_units(tmp_path) -> None:
    paths = []
    for name, src in PROGRAMS.items():
        (tmp_path / name).write_text(src)
        paths.append(str(tmp_path / name))
    alone = {p: compile_program(p) for p in paths}
    # Interleaved many times over, so that one program's lowering runs while another's
    # prelude is being set up.
    jobs = paths * 40
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads often, as a loaded machine does
    try:
        with ThreadPoolExecutor(max_workers=8) as pool:
            units = list(pool.map(compile_program, jobs))
    finally:
        sys.setswitchinterval(interval)
    wrong = {os.path.basename(p) for p, unit in zip(jobs, units) if unit != alone[p]}
    assert not wrong, f"compiled differently in a thread: {sorted(wrong)}"
