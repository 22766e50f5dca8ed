"""Targets, tables and chart: turns the measurements (a JSON-able dict) into latest.md,
latest.json and latest.png. Every ratio is ours / peer, so lower is better for us."""
from __future__ import annotations

import json
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from .engines import CPYTHON, MICROVIUM, NODE, OURS, QUICKJS

PEER_NAMES = {OURS: "ours", MICROVIUM: "Microvium", QUICKJS: "QuickJS", CPYTHON: "CPython",
              NODE: "Node"}


@dataclass
class Target:
    name: str
    limit: float
    measure: str          # "ir" | "wall" | "image_total" | "build_wall"
    workload: str | None = None
    peer: str = MICROVIUM


# The targets of the benchmark issue: ours / peer must be at most `limit`.
TARGETS = [
    Target("fib(25) instructions vs Microvium", 0.25, "ir", "fib"),
    Target("fib(25) wall vs QuickJS", 1.0, "wall", "fib", QUICKJS),
    Target("loop sum instructions vs Microvium", 0.1, "ir", "loop_sum"),
    Target("loop sum wall vs QuickJS", 1.0, "wall", "loop_sum", QUICKJS),
    Target("strings/arrays instructions vs Microvium", 0.5, "ir", "strings_arrays"),
    Target("closures instructions vs Microvium", 0.5, "ir", "closures"),
    Target("object array instructions vs Microvium", 0.5, "ir", "object_array"),
    Target("image sizes, total vs Microvium", 1.0, "image_total"),
    Target("`mvc build` wall (fib.js) vs Microvium CLI", 0.5, "build_wall"),
]


def ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a and b else None


def cell(results: dict, workload: str, engine: str) -> dict:
    """An engine's measurements of a workload; empty unless its output was right everywhere
    (a run that failed in any round voids the numbers of the rounds before it)."""
    c = results["cells"].get(workload, {}).get(engine, {})
    return c if c.get("status") == "ok" else {}


def raw(results: dict, workload: str, engine: str) -> dict:
    """An engine's cell with its status, for display."""
    return results["cells"].get(workload, {}).get(engine, {"status": "n/a"})


def image_total(results: dict, key: str = "image_bytes") -> tuple[int, int, int] | None:
    """Sum of image sizes over the programs both engines built: (ours, Microvium, count).
    key "image_bytes_strip": ours built with --strip (no line tables)."""
    ours = theirs = n = 0
    for by in results["cells"].values():
        a, b = by.get(OURS, {}).get(key), by.get(MICROVIUM, {}).get("image_bytes")
        if a and b:
            ours, theirs, n = ours + a, theirs + b, n + 1
    return (ours, theirs, n) if n else None


def measured(results: dict, t: Target) -> float | None:
    if t.measure in ("ir", "wall"):
        key = "ir" if t.measure == "ir" else "wall_ns"
        return ratio(cell(results, t.workload, OURS).get(key),
                     cell(results, t.workload, t.peer).get(key))
    if t.measure == "image_total":
        total = image_total(results)
        return ratio(total[0], total[1]) if total else None
    if t.measure == "build_wall":
        b = results.get("build", {})
        return ratio(b.get(OURS, {}).get("wall_s"), b.get(MICROVIUM, {}).get("wall_s"))
    raise ValueError(t.measure)


def evaluate_targets(results: dict) -> list[dict]:
    out = []
    for t in TARGETS:
        if t.workload and t.workload not in results["workloads"]:
            continue
        if t.measure == "build_wall" and "build" not in results:
            continue
        value = measured(results, t)
        status = "n/a" if value is None else ("PASS" if value <= t.limit else "MISS")
        out.append({"name": t.name, "limit": t.limit, "measured": value, "status": status})
    return out


# ---- formatting ----

def fmt_ratio(r: float | None) -> str:
    if r is None:
        return "n/a"
    return f"{r:.3f}x" if r < 0.1 else f"{r:.2f}x"


def fmt_time(ns: float | None) -> str:
    if ns is None:
        return "n/a"
    if ns >= 1e9:
        return f"{ns / 1e9:.2f} s"
    if ns >= 1e6:
        return f"{ns / 1e6:.2f} ms"
    return f"{ns / 1e3:.1f} µs"


def fmt_ir(ir: int | None) -> str:
    return "n/a" if not ir else f"{ir / 1e6:,.1f} M"


def fmt_bytes(n: int | None) -> str:
    return "n/a" if n is None else f"{n:,} B"


def status_of(c: dict) -> str | None:
    s = c.get("status", "n/a")
    return None if s == "ok" else s


def value_or_status(c: dict, key: str, fmt) -> str:
    s = status_of(c)
    if s:
        return s.split(":")[0]
    return fmt(c[key]) if c.get(key) is not None else "n/a"


def markdown(results: dict) -> str:
    m = results["meta"]
    lines = ["# Benchmarks: ours vs Microvium, QuickJS, CPython", "",
             f"Run {m['date']} at commit `{m['commit']}`{' (engine sources modified)' if m['dirty'] else ''}"
             f"{', quick mode' if m['quick'] else ''}. Regenerate: `python benchmarks/run.py`. "
             "Every ratio is ours / peer: below 1.00x we are smaller or faster.", ""]

    if results["targets"]:
        lines += ["## Targets", "", "| target | limit | measured | status |", "|---|---|---|---|"]
        for t in results["targets"]:
            lines.append(f"| {t['name']} | <= {t['limit']:.2f}x | {fmt_ratio(t['measured'])} "
                         f"| **{t['status']}** |")
        lines.append("")

    lines += speed_table(results) + memory_table(results) + other_table(results)
    lines += failures(results) + profile_section(results) + notes(results)
    return "\n".join(lines) + "\n"


def speed_table(results: dict) -> list[str]:
    if not results["workloads"]:
        return []
    out = ["## Speed per workload", "",
           "Instructions (Ir, callgrind) and wall time of one `run()` call; peers' wall time "
           "in parentheses.", "",
           "| workload | Ir ours | Ir Microvium | Ir ratio | wall ours | vs Microvium "
           "| vs QuickJS | vs CPython | vs Node (JIT) |", "|---|---|---|---|---|---|---|---|---|"]
    for w in results["workloads"]:
        ours = cell(results, w, OURS)
        ir = ratio(ours.get("ir"), cell(results, w, MICROVIUM).get("ir"))
        row = [w, value_or_status(raw(results, w, OURS), "ir", fmt_ir),
               value_or_status(raw(results, w, MICROVIUM), "ir", fmt_ir), fmt_ratio(ir),
               value_or_status(raw(results, w, OURS), "wall_ns", fmt_time)]
        for peer in (MICROVIUM, QUICKJS, CPYTHON, NODE):
            theirs = cell(results, w, peer).get("wall_ns")
            r = ratio(ours.get("wall_ns"), theirs)
            row.append(f"{fmt_ratio(r)} ({fmt_time(theirs)})" if r
                       else value_or_status(raw(results, w, peer), "wall_ns", fmt_time))
        out.append("| " + " | ".join(row) + " |")
    return out + [""]


def memory_table(results: dict) -> list[str]:
    out = ["## Memory and image size", "",
           "Peak heap: ours from `mvm_get_stats` (heap_peak), Microvium from "
           "`mvm_getMemoryStats` (virtualHeapHighWaterMark), after one `run()` call. "
           "Image: bytes of the built image of the same program; ours also with `mvc build "
           "--strip` (no line tables, so run-time errors carry no file:line; the target uses "
           "the default build).", "",
           "| program | heap peak ours | heap peak Microvium | image ours | image ours --strip "
           "| image Microvium | image ratio |", "|---|---|---|---|---|---|---|"]
    for name, by in sorted(results["cells"].items()):
        ours, mv = by.get(OURS, {}), by.get(MICROVIUM, {})
        out.append(f"| {name} | {value_or_status(ours, 'heap_peak', fmt_bytes)} "
                   f"| {value_or_status(mv, 'heap_peak', fmt_bytes)} "
                   f"| {fmt_bytes(ours.get('image_bytes'))} "
                   f"| {fmt_bytes(ours.get('image_bytes_strip'))} "
                   f"| {fmt_bytes(mv.get('image_bytes'))} "
                   f"| {fmt_ratio(ratio(ours.get('image_bytes'), mv.get('image_bytes')))} |")
    total = image_total(results)
    if total:
        stripped = image_total(results, "image_bytes_strip")
        strip_cell = (f"**{fmt_bytes(stripped[0])}** ({fmt_ratio(ratio(stripped[0], stripped[1]))})"
                      if stripped and stripped[2] == total[2] else "n/a")
        out.append(f"| **total ({total[2]} programs)** | | | **{fmt_bytes(total[0])}** "
                   f"| {strip_cell} | **{fmt_bytes(total[1])}** "
                   f"| **{fmt_ratio(ratio(total[0], total[1]))}** |")
    return out + [""]


def other_table(results: dict) -> list[str]:
    out = ["## Build, restore, engine size", "", "| measure | ours | Microvium | ratio |",
           "|---|---|---|---|"]
    b = results.get("build")
    if b:
        o, mv = b.get(OURS, {}), b.get(MICROVIUM, {})
        out.append(f"| build wall of {b['program']} (`mvc build` / `microvium` CLI) "
                   f"| {fmt_time(o.get('wall_s', 0) * 1e9)} | {fmt_time(mv.get('wall_s', 0) * 1e9)} "
                   f"| {fmt_ratio(ratio(o.get('wall_s'), mv.get('wall_s')))} |")
        out.append(f"| build peak RSS (whole builder process) "
                   f"| {o.get('rss_kb', 0) / 1024:.1f} MB | {mv.get('rss_kb', 0) / 1024:.1f} MB "
                   f"| {fmt_ratio(ratio(o.get('rss_kb'), mv.get('rss_kb')))} |")
    r = results["cells"].get("restore_4k")
    if r:
        o, mv = r.get(OURS, {}), r.get(MICROVIUM, {})
        out.append(f"| restore + free of the restore_4k image ({fmt_bytes(o.get('image_bytes'))} "
                   f"ours, {fmt_bytes(mv.get('image_bytes'))} Microvium) "
                   f"| {value_or_status(o, 'restore_ns', fmt_time)} "
                   f"| {value_or_status(mv, 'restore_ns', fmt_time)} "
                   f"| {fmt_ratio(ratio(o.get('restore_ns'), mv.get('restore_ns')))} |")
    mcu = results.get("mcu_size")
    if mcu:
        out.append(f"| engine .text, Cortex-M0 (results/mcu_size.txt) | {fmt_bytes(mcu.get('ours'))} "
                   f"| {fmt_bytes(mcu.get('microvium'))} "
                   f"| {fmt_ratio(ratio(mcu.get('ours'), mcu.get('microvium')))} |")
    else:
        out.append("| engine .text, Cortex-M0 | not measured yet (results/mcu_size.txt) | | |")
    return out + [""]


def failures(results: dict) -> list[str]:
    rows = []
    for name, by in sorted(results["cells"].items()):
        for engine, c in by.items():
            if status_of(c):
                rows.append(f"- {name}, {PEER_NAMES[engine]}: {c['status']}"
                            + (f" ({c['detail']})" if c.get("detail") and
                               c["detail"] not in c["status"] else ""))
    return (["## Not measured", ""] + rows + [""]) if rows else []


def profile_section(results: dict) -> list[str]:
    prof = results.get("profile") or {}
    if not prof:
        return []
    out = ["## Where our instructions go", "",
           "Top functions by self Ir inside `mvm_call`, one `run()` call (callgrind_annotate). "
           "The full profiles (with `--dump-instr=yes`) are in the cache directory, "
           "callgrind/ours-NAME.out.", "", "| workload | top functions (share of Ir) |",
           "|---|---|"]
    for w, funcs in prof.items():
        out.append(f"| {w} | " + ", ".join(f"{f} {p:.0f}%" for f, p in funcs) + " |")
    return out + [""]


def notes(results: dict) -> list[str]:
    m = results["meta"]
    return ["## Method", "",
            f"- Machine: {m['machine']}. gcc {m['gcc'].split()[-1]}, flags `{m['cflags']}` for "
            f"both C engines; {m['valgrind']}; Python {m['python']}; QuickJS (PyPI `quickjs`) "
            f"{m['quickjs']}; Node {m['node']}; Microvium {m['microvium']}.",
            "- Programs: `benchmarks/programs/*.js`, in the JS subset both VMs accept; each "
            "prints a line checked against its `// expect:` comment on every run and engine (a "
            "wrong line is a FAIL, never a number). CPython runs `programs/*.py` equivalents.",
            "- Ours: `mvc build` image, run by `harness/ours_run.c` (our engine, host port). "
            "Microvium: the same source wrapped with `vmImport(1)`/`vmExport(1, run)`, built by "
            "its CLI, run by `peers/microvium_run.c` (its `dist-c/` engine, port "
            f"`peers/microvium_port.h`: 16 KB stack, 64 KB heap, {m['microvium_bucket']} B "
            "buckets, bytecode checks on as our safe mode is). Same gcc flags. On a 64-bit host "
            "Microvium decodes every heap pointer by walking its bucket list, so its heap-heavy "
            "workloads run up to 3x faster with `--microvium-bucket 16384`.",
            "- Instructions: `valgrind --tool=callgrind --toggle-collect=mvm_call`, one call of "
            "`run()`; restore and harness excluded. Exact, so these ratios are stable.",
            f"- Wall time: min over all calls of {m['rounds']} interleaved round(s) (each engine "
            "in turn per workload, 3-30 calls per run), timing only the `run()` call (C harnesses: "
            "clock_gettime around mvm_call; QuickJS and CPython: perf_counter_ns in-process; "
            "Node: hrtime). Absolute times drift up to 30% here; compare the ratios.",
            "- Workloads are sized for Microvium's limits: arrays grown by push stop at 1024 "
            "elements, strings at 4095 bytes, the heap at 64 KB; it has no JSON at run time.",
            "- Build: wall time (min of 3) and peak RSS (`wait4`) of `mvc build` (a Python "
            "process) and of the Microvium CLI (a Node process) on the same small program.",
            "- Restore: restore + free of `programs/restore_4k.js`'s image, min over "
            "many repetitions in the C harnesses.", ""]


# ---- profile and inputs ----

def top_functions(callgrind_out: Path, n: int = 5) -> list[tuple[str, float]]:
    """The n functions with the most self Ir in a callgrind profile, with their share."""
    try:
        text = subprocess.run(["callgrind_annotate", "--inclusive=no", str(callgrind_out)],
                              capture_output=True, text=True, timeout=120).stdout
    except (OSError, subprocess.TimeoutExpired):
        return []
    # Only the function table: it starts after the "file:function" heading and ends at the
    # next rule line, before the annotated source (whose lines look alike).
    table = text.split("file:function", 1)[-1].split("\n-", 2)
    text = table[1] if len(table) > 1 else ""
    funcs = []
    for m in re.finditer(r"^\s*[\d,]+ \(\s*([\d.]+)%\)\s+(\S+)", text, re.MULTILINE):
        where = m.group(2)
        if where == "PROGRAM":
            continue
        file, _, func = where.rpartition(":")
        # "vm_c/src/vm.c:run" -> "vm.c:run" (callgrind writes ??? when there is no debug info)
        funcs.append((f"{Path(file).name}:{func}" if file != "???" else func, float(m.group(1))))
        if len(funcs) == n:
            break
    return funcs


def read_mcu_size(results_dir: Path) -> dict | None:
    """results/mcu_size.txt, written by the Cortex-M0 size check: lines `ours: BYTES` and
    `microvium: BYTES` (engine .text); other lines are kept as a note."""
    path = results_dir / "mcu_size.txt"
    if not path.exists():
        return None
    text = path.read_text()
    found = {k.lower(): int(v) for k, v in re.findall(r"^(ours|microvium)\s*:\s*(\d+)", text,
                                                       re.MULTILINE | re.IGNORECASE)}
    return {"ours": found.get("ours"), "microvium": found.get("microvium"), "text": text.strip()}


# ---- output ----

def write(results: dict, markdown_text: str, out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "latest.md").write_text(markdown_text)
    (out_dir / "latest.json").write_text(json.dumps(results, indent=1, sort_keys=True) + "\n")
    chart(results, out_dir / "latest.png")


SERIES = [("Ir vs Microvium", "ir", MICROVIUM), ("wall vs Microvium", "wall_ns", MICROVIUM),
          ("wall vs QuickJS", "wall_ns", QUICKJS), ("wall vs CPython", "wall_ns", CPYTHON)]


def chart_groups(results: dict) -> tuple[list, list]:
    """Bars of the chart: per workload one (value, target) per SERIES; then the whole-program
    measures (image size, build, restore) as (label, value, target)."""
    limits = {(t.workload, "ir" if t.measure == "ir" else "wall_ns", t.peer): t.limit
              for t in TARGETS if t.workload}
    workloads = []
    for w in results["workloads"]:
        ours = cell(results, w, OURS)
        bars = [(ratio(ours.get(key), cell(results, w, peer).get(key)), limits.get((w, key, peer)))
                for _, key, peer in SERIES]
        if any(v for v, _ in bars):
            workloads.append((w, bars))
    whole = []
    total = image_total(results)
    if total:
        whole.append(("image size\n(total)", ratio(total[0], total[1]), 1.0))
    b = results.get("build", {})
    if b:
        whole.append(("mvc build\nwall", ratio(b.get(OURS, {}).get("wall_s"),
                                                b.get(MICROVIUM, {}).get("wall_s")), 0.5))
    r = results["cells"].get("restore_4k", {})
    if r:
        whole.append(("restore\n~4 KB image", ratio(r.get(OURS, {}).get("restore_ns"),
                                                     r.get(MICROVIUM, {}).get("restore_ns")), None))
    return workloads, [x for x in whole if x[1]]


def chart(results: dict, path: Path) -> None:
    from . import tools

    if not tools.ensure_matplotlib():
        tools.log("matplotlib unavailable: no chart")
        return
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    workloads, whole = chart_groups(results)
    fig, (ax, ax2) = plt.subplots(1, 2, figsize=(13, 5.5), sharey=True,
                                  gridspec_kw={"width_ratios": [max(len(workloads), 1), 1.6]})
    colors = plt.get_cmap("tab10").colors
    width = 0.8 / len(SERIES)

    def target_tick(axis, x, limit, w):
        axis.plot([x - w / 2, x + w / 2], [limit, limit], color="black", lw=2.5)

    for i, (w, bars) in enumerate(workloads):
        for j, (value, limit) in enumerate(bars):
            x = i + (j - (len(SERIES) - 1) / 2) * width
            if value:
                ax.bar(x, value, width, color=colors[j], label=SERIES[j][0] if i == 0 else None)
            if limit:
                target_tick(ax, x, limit, width)
    ax.set_xticks(range(len(workloads)), [w for w, _ in workloads], rotation=30, ha="right")
    for k, (label, value, limit) in enumerate(whole):
        ax2.bar(k, value, 0.6, color=colors[4 + k])
        if limit:
            target_tick(ax2, k, limit, 0.6)
    ax2.set_xticks(range(len(whole)), [lbl for lbl, _, _ in whole], fontsize=8)
    ax2.set_title("vs Microvium", fontsize=9)
    for axis in (ax, ax2):
        axis.set_yscale("log")
        axis.axhline(1.0, color="grey", lw=0.8)
    ax.set_ylabel("ours / peer (log; below 1 = we are faster or smaller)")
    ax.plot([], [], color="black", lw=2.5, label="target")
    ax.legend(fontsize=8, ncol=5, loc="upper left")
    meta = results["meta"]
    fig.suptitle(f"Benchmarks {meta['date'][:10]} ({meta['commit']}"
                 f"{', quick' if meta['quick'] else ''})")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
