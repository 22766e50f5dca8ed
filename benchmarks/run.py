"""How do we compare? One command measures our VM against its peers, side by side, in one run.

    python benchmarks/run.py            # everything: results/latest.md, latest.json, latest.png
    python benchmarks/run.py --quick    # one timing round instead of three (about half the time)
    python benchmarks/run.py --only fib # some workloads (comma-separated names; also `build`,
                                        # `restore`); prints the tables, leaves results/ alone

Peers are installed by this script into a cache outside the repo (see --cache-dir). Absolute
times drift by up to 30% on shared machines, so every comparison is a ratio of two engines
measured in the same run, interleaved round by round; instruction counts (callgrind) are exact.
See benchmarks/README.md for the method.
"""
from __future__ import annotations

import argparse
import datetime
import platform
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import report, tools
from bench.engines import (
    CPYTHON,
    MICROVIUM,
    NODE,
    OURS,
    QUICKJS,
    Engines,
    IrCache,
    Program,
    Run,
    file_digest,
    load_microvium_error_names,
    load_programs,
    mvc_command,
    timed_process,
    user_python_env,
)

TIMED_ENGINES = [OURS, MICROVIUM, QUICKJS, CPYTHON, NODE]
C_ENGINES = [OURS, MICROVIUM]
BUILD_PROGRAM = "fib"      # the "small program" of the `mvc build` comparison
TARGET_CALL_SECONDS = 0.3  # calls per timed run: enough for ~0.3 s, within [3, 30]


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--quick", action="store_true", help="one timing round instead of three")
    p.add_argument("--only", help="comma-separated workload names (or build, restore)")
    p.add_argument("--cache-dir", type=Path, default=tools.default_cache(),
                   help="where peers, harness binaries and profiles go "
                        "(default $MVM_BENCH_CACHE or ~/.cache/mvm-bench)")
    p.add_argument("--out", type=Path, default=tools.BENCH / "results",
                   help="directory for latest.md/json/png (default benchmarks/results)")
    p.add_argument("--microvium-bucket", type=int, default=256,
                   help="Microvium's MVM_ALLOCATION_BUCKET_SIZE (default 256, its example port)")
    p.add_argument("--no-cache-ir", action="store_true",
                   help="recount Microvium's instructions instead of reusing cached counts")
    return p.parse_args(argv)


class Bench:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.rounds = 1 if args.quick else 3
        self.cache: Path = args.cache_dir
        self.programs = load_programs()
        self.only = set(args.only.split(",")) if args.only else None
        self.workloads = [p for p in self.programs if not p.restore_only and self.wanted(p.name)]
        self.cells: dict[str, dict[str, dict]] = {}  # program -> engine -> measurements
        self.images: dict[str, dict[str, Path | None]] = {}
        self.results: dict = {}

    def wanted(self, name: str) -> bool:
        return self.only is None or name in self.only

    def cell(self, program: Program, engine: str) -> dict:
        return self.cells.setdefault(program.name, {}).setdefault(engine, {"status": "ok"})

    def fail(self, program: Program, engine: str, reason: str) -> None:
        """Records why an engine has no number for a program: n/a for a known gap (an engine
        without the feature the program needs), FAIL for anything else. The first reason wins."""
        c = self.cell(program, engine)
        if c["status"] != "ok":
            return
        c["status"] = f"n/a: no {program.needs}" if program.needs else f"FAIL: {reason}"
        c["detail"] = reason

    def ok(self, program: Program, engine: str) -> bool:
        return self.cell(program, engine)["status"] == "ok"

    # ---- setup ----

    def setup(self) -> None:
        self.cache.mkdir(parents=True, exist_ok=True)
        if not Path(mvc_command()).exists() and not tools.have(mvc_command()):
            sys.exit("run.py: `mvc` not found; install the project first: pip install -e .")
        try:
            ours_run = tools.build_ours_harness(self.cache)
        except subprocess.CalledProcessError:
            sys.exit("run.py: our engine (vm_c/) does not compile; see the gcc errors above")
        pkg = tools.install_microvium(self.cache)
        self.engines = Engines(self.cache, ours_run)
        if pkg is not None:
            load_microvium_error_names(pkg)
            self.engines.microvium_pkg = pkg
            self.engines.microvium_run = tools.build_microvium_harness(
                self.cache, pkg, self.args.microvium_bucket)
        self.engines.quickjs_version = tools.ensure_quickjs(self.cache)
        self.engines.node = tools.have("node")
        self.engines.py_env = tools.python_env(self.cache)
        self.have_valgrind = tools.have("valgrind")

    # ---- phases ----

    def build_images(self) -> None:
        """Every program's image for both engines (these builds also give the image sizes)."""
        tools.log("building images")
        for program in self.programs:
            if not (self.wanted(program.name) or self.wanted("restore") and program.restore_only
                    or self.wanted("build") and program.name == BUILD_PROGRAM):
                continue
            for engine in C_ENGINES:
                image = None
                reason = self.engines.available(engine, program)
                if reason:
                    self.cell(program, engine)["status"] = f"n/a: {reason}"
                else:
                    image, error = self.engines.build(engine, program)
                    if error:
                        self.fail(program, engine, f"build: {error}")
                    else:
                        self.cell(program, engine)["image_bytes"] = image.stat().st_size
                    if engine == OURS and not error:  # and without line tables, for the record
                        stripped, serr = self.engines.build(engine, program, strip=True)
                        if stripped is not None and not serr:
                            self.cell(program, engine)["image_bytes_strip"] = (
                                stripped.stat().st_size)
                self.images.setdefault(program.name, {})[engine] = image

    def count_instructions(self) -> None:
        """Ir of one run() call per workload, ours and Microvium, two at a time (2 cores)."""
        if not self.have_valgrind:
            tools.log("valgrind not found: no instruction counts")
            return
        tools.log("counting instructions (callgrind)")
        ir_cache = IrCache(self.cache / "microvium-ir.json")
        jobs = []
        for program in self.workloads:
            for engine in C_ENGINES:
                image = self.images.get(program.name, {}).get(engine)
                if image is None or not self.ok(program, engine):
                    continue
                key = None
                if engine == MICROVIUM and not self.args.no_cache_ir:
                    key = file_digest(self.engines.microvium_run, image) + program.expect
                    hit = ir_cache.get(key)
                    if hit:
                        self.cell(program, engine).update(hit)
                        continue
                jobs.append((program, engine, image, key))

        def work(job: tuple) -> tuple:
            program, engine, image, _ = job
            return job, self.engines.callgrind(engine, program, image)

        with ThreadPoolExecutor(max_workers=2) as pool:
            for (program, engine, _, key), (run, ir) in pool.map(work, jobs):
                if not run.ok:
                    self.fail(program, engine, run.error)
                    continue
                found = {"ir": ir, **memory_stats(run)}
                self.cell(program, engine).update(found)
                if key:
                    ir_cache.put(key, found)

    def time_calls(self) -> None:
        """Wall time per run() call: every engine, interleaved round by round, min of all calls.
        Nothing else runs meanwhile (the instruction counting is finished)."""
        tools.log(f"timing calls ({self.rounds} round{'s' if self.rounds > 1 else ''})")
        estimate: dict[tuple[str, str], float] = {}
        for rnd in range(self.rounds):
            for program in self.workloads:
                for engine in TIMED_ENGINES:
                    reason = self.engines.available(engine, program)
                    if reason:
                        self.cell(program, engine)["status"] = f"n/a: {reason}"
                        continue
                    if not self.ok(program, engine):
                        continue
                    seconds = estimate.get((program.name, engine))
                    calls = 3 if seconds is None else max(3, min(30, int(TARGET_CALL_SECONDS
                                                                         / max(seconds, 1e-6))))
                    image = self.images.get(program.name, {}).get(engine)
                    run = self.engines.run(engine, program, image, calls)
                    if not run.ok:
                        self.fail(program, engine, run.error)
                        continue
                    ns = run.stats["call_min_ns"]
                    estimate[(program.name, engine)] = ns / 1e9
                    c = self.cell(program, engine)
                    c["wall_ns"] = min(ns, c.get("wall_ns", ns))
                    c["calls"] = c.get("calls", 0) + calls
                    if engine in C_ENGINES and "heap_peak" not in c:
                        c.update(memory_stats(run))
            tools.log(f"  round {rnd + 1} done")

    def time_restores(self) -> None:
        """Restore + free of the ~4 KB image (programs/restore_4k.js), both C engines."""
        program = next((p for p in self.programs if p.restore_only), None)
        if program is None or not self.wanted("restore"):
            return
        tools.log("timing restores")
        count = 200 if self.args.quick else 2000
        for _ in range(self.rounds):
            for engine in C_ENGINES:
                image = self.images.get(program.name, {}).get(engine)
                if image is None or not self.ok(program, engine):
                    continue
                run = self.engines.run(engine, program, image, 1, count)
                if not run.ok:
                    self.fail(program, engine, run.error)
                    continue
                c = self.cell(program, engine)
                c["restore_ns"] = min(run.stats["restore_min_ns"],
                                      c.get("restore_ns", run.stats["restore_min_ns"]))
                c.update(memory_stats(run))

    def time_builds(self) -> None:
        """`mvc build` against the Microvium CLI on the same small program: wall time (min of
        the rounds) and the builder process's peak RSS."""
        program = next((p for p in self.programs if p.name == BUILD_PROGRAM), None)
        if program is None or not self.wanted("build"):
            return
        tools.log(f"timing builds of {program.name}.js")
        build: dict[str, dict] = {}
        for _ in range(max(self.rounds, 3)):
            for engine in C_ENGINES:
                if self.engines.available(engine, program):
                    continue
                cmd, image = self.engines.build_command(engine, program)
                env = user_python_env(self.cache) if engine == OURS else None
                wall, rss_kb, code = timed_process(cmd, image.parent, env)
                b = build.setdefault(engine, {"wall_s": wall, "rss_kb": rss_kb})
                if code != 0:
                    b["error"] = f"exit {code}"
                b["wall_s"] = min(b["wall_s"], wall)
                b["rss_kb"] = max(b["rss_kb"], rss_kb)
        self.results["build"] = {"program": f"{program.name}.js", **build}

    def profile(self) -> None:
        """Where our instructions go: the top functions by self Ir, per workload."""
        prof = {}
        for program in self.workloads:
            out = self.cache / "callgrind" / f"{OURS}-{program.name}.out"
            if self.cell(program, OURS).get("ir") and out.exists():
                prof[program.name] = report.top_functions(out)
        self.results["profile"] = prof

    # ---- all ----

    def run(self) -> int:
        self.setup()
        self.build_images()
        self.count_instructions()
        self.time_calls()
        self.time_restores()
        self.time_builds()
        self.profile()
        self.results.update(meta=self.meta(), cells=self.cells,
                            workloads=[p.name for p in self.workloads],
                            mcu_size=report.read_mcu_size(tools.BENCH / "results"))
        self.results["targets"] = report.evaluate_targets(self.results)
        markdown = report.markdown(self.results)
        print(markdown)
        if self.only is None:
            report.write(self.results, markdown, self.args.out)
        failed = [f"{name}: {c['status']}" for name, by in self.cells.items()
                  for engine, c in by.items() if engine == OURS and c["status"].startswith("FAIL")]
        for line in failed:
            tools.log(f"our engine failed {line}")
        return 1 if failed else 0

    def meta(self) -> dict:
        def git(*a: str) -> str:
            out = subprocess.run(["git", *a], cwd=tools.ROOT, capture_output=True, text=True)
            return out.stdout.strip()

        return {
            "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
            "commit": git("rev-parse", "--short", "HEAD"),
            "dirty": bool(git("status", "--porcelain", "--", "vm_c", "compiler", "hostlib")),
            "quick": self.args.quick,
            "rounds": self.rounds,
            "machine": f"{platform.machine()}, {tools.version_of(['nproc'])} cores, "
                       f"{platform.platform()}",
            "cflags": " ".join(tools.CFLAGS),
            "gcc": tools.version_of(["gcc", "--version"]),
            "valgrind": tools.version_of(["valgrind", "--version"]),
            "microvium": tools.MICROVIUM_VERSION if self.engines.microvium_run else None,
            "microvium_bucket": self.args.microvium_bucket,
            "quickjs": self.engines.quickjs_version,
            "python": platform.python_version(),
            "node": tools.version_of(["node", "--version"]) if self.engines.node else None,
        }


def memory_stats(run: Run) -> dict:
    return {k: run.stats[k] for k in ("heap_peak", "stack_peak") if k in run.stats}


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.only:
        known = {p.name for p in load_programs() if not p.restore_only} | {"build", "restore"}
        unknown = set(args.only.split(",")) - known
        if unknown:
            sys.exit(f"run.py: unknown --only name(s) {', '.join(sorted(unknown))}; "
                     f"known: {', '.join(sorted(known))}")
    return Bench(args).run()


if __name__ == "__main__":
    sys.exit(main())
