"""Soak test of the VM host: many export calls and host calls, memory must stay flat.

    python tools/soak.py                  # 1,000,000 export calls (~3 host calls each)
    python tools/soak.py --calls 50000    # what tests/hardening/test_soak.py runs

One VM runs a program whose export, on every call, calls host functions that take and return
strings, objects, arrays and JS functions (the host calls some back), and one that raises a
Python exception the program catches; the export returns an object (converted to Python) and,
every 100th call, a function (a JSFunction handle, released by the caller). Every tenth of the
run it prints the process RSS and the VM heap after a collection. The run fails (exit 1) when,
after the first tenth (warm-up: allocator pools, caches), RSS grows by more than --max-rss-growth
MiB or the live heap after a collection grows at all beyond --max-heap-growth bytes, or a handle
is left behind.
"""
from __future__ import annotations

import argparse
import gc
import io
import os
import sys
import time
from dataclasses import dataclass, field

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

PROGRAM = """
const echo = vmImport(70);
const makeDoc = vmImport(71);
const fail = vmImport(72);
const callBack = vmImport(73);
let calls = 0;
export function handle(i, payload) {
  calls++;
  const doc = makeDoc(i, payload.name + '-' + i);
  const back = echo({ n: i, tags: ['a', 'b', '' + i], nested: { doc: doc } });
  let caught = '';
  if (i % 7 === 0) {
    try { fail(i); } catch (e) { caught = e.message; }
  }
  const twice = callBack(function (x) { return x * 2; }, i);
  if (i % 100 === 0) return function () { return calls; };
  return { i: i, twice: twice, caught: caught, size: back.tags.length, name: doc.name };
}
export function count() { return calls; }
"""


@dataclass
class Sample:
    calls: int
    rss_kib: int
    heap_used: int
    seconds: float


@dataclass
class SoakResult:
    samples: list[Sample] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


def rss_kib() -> int:
    with open("/proc/self/statm", encoding="ascii") as f:
        pages = int(f.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") // 1024


def make_vm():  # type: ignore[no-untyped-def]
    from compiler import compile_source
    from hostlib import VM, Host, JSFunction

    host = Host(stdout=io.StringIO())
    host.add(70, lambda vm, v: v)
    host.add(71, lambda vm, i, name: {"_id": f"{i:024x}", "name": name, "n": i})

    def fail(vm: object, i: int) -> None:
        raise ValueError(f"refused {i}")

    def call_back(vm, fn: object, x: int) -> object:  # type: ignore[no-untyped-def]
        try:
            return vm.call(fn, x)
        finally:
            if isinstance(fn, JSFunction):
                fn.release()

    host.add(72, fail)
    host.add(73, call_back)
    vm = VM.from_unit(compile_source(PROGRAM, "soak.js"), host, budget=1_000_000)
    vm.run_main()
    image = vm.snapshot()
    vm.close()
    # Run time: the restored image, as a function instance would.
    return VM.restore(image, host, budget=1_000_000)


def soak(calls: int, *, samples: int = 10, max_rss_growth_mib: float = 8.0,
         max_heap_growth: int = 256, out: io.TextIOBase | None = None) -> SoakResult:
    from hostlib import JSFunction

    result = SoakResult()
    vm = make_vm()
    handler = vm.export("handle")
    step = max(calls // samples, 1)
    started = time.perf_counter()
    payload = {"name": "soak"}
    try:
        for i in range(1, calls + 1):
            r = vm.call(handler, i, payload)
            if isinstance(r, JSFunction):
                assert vm.call(r) == i
                r.release()
            elif r["twice"] != 2 * i or r["size"] != 3:
                result.failures.append(f"call {i}: wrong result {r!r}")
                break
            if i % step == 0:
                gc.collect()
                vm.run_gc()
                s = Sample(i, rss_kib(), vm.stats()["heap_used"], time.perf_counter() - started)
                result.samples.append(s)
                if out is not None:
                    out.write(f"{s.calls:>10} calls  rss {s.rss_kib / 1024:8.1f} MiB  "
                              f"heap {s.heap_used:>7} B  {s.seconds:7.1f} s\n")
                    out.flush()
        handler.release()
        if vm._owned_handles:
            result.failures.append(f"{len(vm._owned_handles)} handles left behind")
        if vm.call("count") != calls:
            result.failures.append("the export was not called as often as asked")
    finally:
        vm.close()
    if len(result.samples) >= 2:
        base, last = result.samples[0], result.samples[-1]
        grew = (last.rss_kib - base.rss_kib) / 1024
        if grew > max_rss_growth_mib:
            result.failures.append(f"RSS grew {grew:.1f} MiB after the warm-up "
                                   f"(limit {max_rss_growth_mib} MiB)")
        if last.heap_used - base.heap_used > max_heap_growth:
            result.failures.append(f"the live VM heap grew from {base.heap_used} to "
                                   f"{last.heap_used} bytes")
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--calls", type=int, default=1_000_000)
    ap.add_argument("--max-rss-growth", type=float, default=8.0, help="MiB (default 8)")
    ap.add_argument("--max-heap-growth", type=int, default=256, help="bytes (default 256)")
    args = ap.parse_args()
    print(f"soak: {args.calls} export calls, each with 3-4 host calls")
    r = soak(args.calls, max_rss_growth_mib=args.max_rss_growth,
             max_heap_growth=args.max_heap_growth, out=sys.stdout)  # type: ignore[arg-type]
    if r.samples:
        s0, s1 = r.samples[0], r.samples[-1]
        rate = s1.calls / s1.seconds if s1.seconds else 0
        print(f"soak: RSS {s0.rss_kib / 1024:.1f} -> {s1.rss_kib / 1024:.1f} MiB, live heap "
              f"{s0.heap_used} -> {s1.heap_used} B, {rate:.0f} calls/s")
    for f in r.failures:
        print(f"soak: FAIL: {f}")
    print("soak: flat" if r.ok else "soak: NOT flat")
    return 0 if r.ok else 1


if __name__ == "__main__":
    sys.exit(main())
