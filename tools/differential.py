#!/usr/bin/env python3
"""Differential testing of the VM against Node.js: the long run.

Random programs in the basic subset (tests/differential/difftest_gen.py, hypothesis
strategies) run through the project (compile_source + hostlib VM in-process: once calling
afterResume directly, once after a snapshot and a restore) and through Node (one
long-lived Node process serves every program, see tests/differential/node_worker.mjs).
Any difference is a failure; hypothesis shrinks it to a minimal program.

Usage:
    python tools/differential.py --count 10000 -j 2     # the long run (~40 min on 2 cores)
    python tools/differential.py --count 500 --seed 7   # a quick reproducible run
    python tools/differential.py --count 10000 -j 8 --report /tmp/diff.md
    MVM_VARIANT=stress python tools/differential.py --count 2000   # GC at every allocation

    python tools/differential.py --count 10000 -j 2 --engine-root /tmp/pinned-checkout

    python tools/differential.py --int-only --count 5000 --seed 1   # MVM_SUPPORT_FLOAT=0
    python tools/differential.py --int-only --wrap --count 500       # + INT32_OVERFLOW_CHECKS=0
    python tools/differential.py --int-only --int-variant stress --count 1000  # GC stress, ASan

Options:
    --count N     programs to generate in total (shrinking steps are not counted)
    --seed S      base seed (worker k uses S + k); default: random
    -j/--jobs J   worker processes, each with its own Node process (default 1)
    --report F    also write the report (markdown) to F
    --stop-first  stop at the first failure instead of continuing the run
    --engine-root DIR   test the compiler and hostlib of another tree (with its extension
                  built: `python vm_c/build_ffi.py` there), e.g. a `git archive` copy of a
                  commit, so that edits in this working tree do not disturb a long run;
                  same as the DIFFERENTIAL_ENGINE_ROOT environment variable
    --int-only    the integer-only build (MVM_SUPPORT_FLOAT=0) instead of the hostlib VM:
                  integer-biased programs on a native runner, compared with Node up to the
                  build's first "is not a 32-bit integer" RangeError, whose claim Node checks
                  (tests/differential/difftest_intonly.py has the rule)
    --int-variant V   the runner's build: checked (default), stress (GC at every allocation,
                  ASan and UBSan)
    --wrap        also run a -DMVM_INT32_OVERFLOW_CHECKS=0 runner (UBSan) and check it against
                  the checked run: equal until the first overflow

The run does not stop at the first difference. A failing program that matches a known open
bug (tests/differential/difftest_known.py, described in tests/differential/FINDINGS.md) is
counted as a hit of that bug. Any other failure is shrunk by hypothesis, then reduced
further line by line (statements removed, blocks unwrapped while the same failure remains);
its signature (the first differing token of the output, digits and print labels
normalised; or the kind of failure, e.g. a compile error or a VM crash) is recorded, and
generation continues with fresh seeds, treating programs that fail with an already
recorded signature as known. The VM runs in a worker process, so a crash is a
finding, not the end of the run. The report lists each new signature with its minimal
program, Node's output and the VM's output, then the hit counts of the known bugs.

Exit status: 0 when no new difference (nor harness error) was found, 1 otherwise.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import sys
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DIFF_DIR = REPO / "tests" / "differential"
if str(DIFF_DIR) not in sys.path:
    sys.path.insert(0, str(DIFF_DIR))  # difftest_harness puts the engine's tree on sys.path


@dataclass
class Finding:
    signature: str
    source: str
    node: str
    vm: str
    mode: str
    hits: int = 1  # programs that failed with this signature (generation phase)


@dataclass
class RunResult:
    generated: int = 0
    findings: list[Finding] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # harness trouble (flaky, crashes)
    known_hits: dict[str, int] = field(default_factory=dict)  # known bug key -> programs
    seconds: float = 0.0
    int_stats: dict[str, int] = field(default_factory=dict)  # --int-only: what was compared


class DifferentialFailure(Exception):
    def __init__(self, mismatch: object) -> None:
        super().__init__("VM output differs from Node")
        self.mismatch = mismatch


@dataclass(frozen=True)
class Mode:
    int_only: bool = False
    int_variant: str = "checked"
    wrap: bool = False


def run_worker(count: int, seed: int, stop_first: bool = False, mode: Mode = Mode()) -> RunResult:
    """Generates `count` programs (in as many hypothesis runs as failures need)."""
    from contextlib import ExitStack

    from hypothesis import HealthCheck, Phase, Verbosity, given, settings
    from hypothesis import seed as hseed

    from difftest_gen import INT_PROFILE, programs
    from difftest_harness import NodeOracle, reduce_source
    from difftest_harness import check as float_check
    from difftest_known import classify

    warnings.simplefilter("ignore")
    result = RunResult()
    start = time.time()
    known: dict[str, Finding] = {}
    rng = random.Random(seed)
    with ExitStack() as stack:
        oracle = stack.enter_context(NodeOracle())
        if mode.int_only:
            from difftest_intonly import STATS, IntChecker

            checker = stack.enter_context(IntChecker(oracle, mode.int_variant, mode.wrap))
            strategy = programs(INT_PROFILE)

            def check(source: str, oracle: object) -> object:
                return checker.check(source)
        else:
            strategy = programs()
            check = float_check

        def recheck(source: str) -> object:
            return check(source, oracle)

        while result.generated < count:
            state = {"failed": False}
            budget = count - result.generated

            @settings(max_examples=budget, database=None, deadline=None,
                      suppress_health_check=list(HealthCheck),
                      phases=[Phase.generate, Phase.shrink], report_multiple_bugs=False,
                      verbosity=Verbosity.quiet, print_blob=False)
            @hseed(rng.getrandbits(64))
            @given(strategy)
            def prop(src: str) -> None:
                if not state["failed"]:
                    result.generated += 1
                m = check(src, oracle)
                if m is None:
                    return
                bugs = classify(m, recheck)
                if bugs:
                    if not state["failed"]:
                        for bug in bugs:
                            result.known_hits[bug.key] = result.known_hits.get(bug.key, 0) + 1
                    return
                sig = m.signature()
                if sig in known:
                    if not state["failed"]:
                        known[sig].hits += 1
                    return
                state["failed"] = True
                raise DifferentialFailure(m)

            try:
                prop()
                break  # the budget ran out without a new failure
            except DifferentialFailure as f:
                m = f.mismatch
                sig = m.signature()  # type: ignore[attr-defined]

                def same_failure(candidate: str) -> bool:
                    c = check(candidate, oracle)
                    return c is not None and not classify(c, recheck) and c.signature() == sig

                small = reduce_source(m.source, same_failure)  # type: ignore[attr-defined]
                m = check(small, oracle) or m
                finding = Finding(sig, m.source, m.node.describe(),  # type: ignore[attr-defined]
                                  m.vm.describe(), m.mode)  # type: ignore[attr-defined]
                known[finding.signature] = finding
                result.findings.append(finding)
                if stop_first:
                    break
            except Exception as e:  # noqa: BLE001 - flaky replays, harness crashes
                result.errors.append(f"{type(e).__name__}: {e}")
                if len(result.errors) > 5:
                    break
        if mode.int_only:
            result.int_stats = {"programs run (shrinking included)": STATS.programs,
                                "refused (a float constant)": STATS.refused,
                                "VM runs compared to the end": STATS.complete,
                                "VM runs cut at the build's RangeError": STATS.cut,
                                "output lines compared": STATS.lines_compared,
                                "RangeError operations classified by Node": len(STATS.forms)}
    result.seconds = time.time() - start
    return result


def _worker(args: tuple[int, int, bool, Mode]) -> RunResult:
    return run_worker(*args)


def _child(task: tuple[int, int, bool, Mode], queue: "multiprocessing.Queue[RunResult]") -> None:
    queue.put(_worker(task))


def run_parallel(tasks: list[tuple[int, int, bool, Mode]]) -> list[RunResult]:
    """One process per task (each with its own Node process); a worker that dies is
    reported as a harness error instead of hanging the run."""
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    procs = [ctx.Process(target=_child, args=(t, queue)) for t in tasks]
    for p in procs:
        p.start()
    results: list[RunResult] = []
    while len(results) < len(procs):
        try:
            results.append(queue.get(timeout=5))
        except Exception:  # noqa: BLE001 - queue.Empty: check for dead workers
            dead = [p for p in procs if p.exitcode not in (None, 0)]
            if dead and len(results) + len(dead) >= len(procs):
                for p in dead:
                    results.append(RunResult(errors=[f"worker died with exit code {p.exitcode}"]))
                break
    for p in procs:
        p.join(timeout=10)
    return results


def merge(results: list[RunResult]) -> RunResult:
    out = RunResult()
    by_sig: dict[str, Finding] = {}
    for r in results:
        out.generated += r.generated
        out.errors += r.errors
        out.seconds = max(out.seconds, r.seconds)
        for key, n in r.int_stats.items():
            out.int_stats[key] = out.int_stats.get(key, 0) + n
        for key, n in r.known_hits.items():
            out.known_hits[key] = out.known_hits.get(key, 0) + n
        for f in r.findings:
            if f.signature in by_sig:
                old = by_sig[f.signature]
                old.hits += f.hits
                if len(f.source) < len(old.source):
                    old.source, old.node, old.vm, old.mode = f.source, f.node, f.vm, f.mode
            else:
                by_sig[f.signature] = Finding(f.signature, f.source, f.node, f.vm, f.mode,
                                              f.hits)
    out.findings = sorted(by_sig.values(), key=lambda f: -f.hits)
    return out


def report(r: RunResult, seed: int, jobs: int, mode: Mode = Mode()) -> str:
    variant = os.environ.get("MVM_VARIANT", "") or "normal"
    if mode.int_only:
        variant = f"integer-only {mode.int_variant}" + (" + wrap" if mode.wrap else "")
    engine = os.environ.get("DIFFERENTIAL_ENGINE_ROOT") or str(REPO)
    lines = [f"# Differential run: {r.generated} programs, seed {seed}, {jobs} job(s), "
             f"VM variant {variant}, engine {engine}, {r.seconds:.0f} s", ""]
    if r.int_stats:
        lines += [f"- {key}: {n}" for key, n in r.int_stats.items()] + [""]
    if not r.findings:
        lines += ["No new difference found.", ""]
    for n, f in enumerate(r.findings, 1):
        lines += [f"## {n}. {f.signature}", "",
                  f"Programs failing with this signature while generating: {f.hits}; "
                  f"minimal program ({f.mode} run):", "", "```js", f.source.rstrip(), "```",
                  "", "Node printed:", "", "```", f.node, "```", "", "The VM printed:", "",
                  "```", f.vm, "```", ""]
    if r.known_hits:
        from difftest_known import KNOWN_BUGS

        titles = {b.key: b.title for b in KNOWN_BUGS}
        lines += ["## Known open bugs hit (programs)", ""]
        lines += [f"- {key}: {n} ({titles.get(key, '')})"
                  for key, n in sorted(r.known_hits.items(), key=lambda kv: -kv[1])]
        lines.append("")
    if r.errors:
        lines += ["## Harness errors", ""] + [f"- {e}" for e in r.errors]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("-j", "--jobs", type=int, default=1)
    ap.add_argument("--report", type=Path)
    ap.add_argument("--stop-first", action="store_true")
    ap.add_argument("--engine-root", type=Path)
    ap.add_argument("--int-only", action="store_true")
    ap.add_argument("--int-variant", choices=["checked", "stress"], default="checked")
    ap.add_argument("--wrap", action="store_true")
    args = ap.parse_args(argv)
    mode = Mode(args.int_only, args.int_variant, args.wrap)
    if args.engine_root is not None:  # read by difftest_harness, also in the workers
        os.environ["DIFFERENTIAL_ENGINE_ROOT"] = str(args.engine_root.resolve())
    seed = args.seed if args.seed is not None else random.randrange(2**32)
    jobs = max(1, min(args.jobs, args.count))
    shares = [args.count // jobs + (1 if k < args.count % jobs else 0) for k in range(jobs)]
    tasks = [(shares[k], seed + k, args.stop_first, mode) for k in range(jobs)]
    if jobs == 1:
        results = [_worker(tasks[0])]
    else:
        results = run_parallel(tasks)
    merged = merge(results)
    text = report(merged, seed, jobs, mode)
    print(text)
    if args.report:
        args.report.write_text(text, encoding="utf-8")
    return 1 if merged.findings or merged.errors else 0


if __name__ == "__main__":
    sys.exit(main())
