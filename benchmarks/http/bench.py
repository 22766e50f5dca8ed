"""HTTP benchmark: the insert example under `mvc dev` vs a hand-written Starlette handler.

Both servers run as their own processes on 127.0.0.1 with a fresh store in a temporary folder;
this process is the load generator: client threads, each with one keep-alive connection,
POSTing small JSON documents as fast as the server answers. Every request is timed; a round
reports requests per second and p50/p99 latency. Bounded: a fixed number of requests per
round, loopback only, the servers are stopped at the end.

    python benchmarks/http/bench.py [--requests 1000] [--concurrency 1,8] [--out FILE]

Writes benchmarks/results/http.md.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
EXAMPLE = os.path.join(ROOT, "examples", "insert-object")
PATH = "/insert-object-into-my-database"
WARMUP = 100


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for_port(port: int, proc: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("server did not start")


def start_mvc(workdir: str, port: int) -> subprocess.Popen[bytes]:
    project = os.path.join(workdir, "project")
    shutil.copytree(EXAMPLE, project, ignore=shutil.ignore_patterns(".mvc", "*.mvm-bc"))
    return subprocess.Popen(
        [sys.executable, "-m", "azure_microvium.cli", "dev", "--project", project,
         "--port", str(port), "--quiet"],
        cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def start_baseline(workdir: str, port: int) -> subprocess.Popen[bytes]:
    data = os.path.join(workdir, "baseline-data")
    return subprocess.Popen([sys.executable, os.path.join(HERE, "baseline_app.py"), data,
                             str(port)], cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)


def stop(proc: subprocess.Popen[bytes]) -> None:
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(5)


@dataclass
class Round:
    concurrency: int
    requests: int
    seconds: float
    latencies: list[float]
    errors: int

    @property
    def rps(self) -> float:
        return self.requests / self.seconds

    def pct(self, p: float) -> float:
        xs = sorted(self.latencies)
        return xs[min(len(xs) - 1, int(p / 100 * len(xs)))] * 1000


def load(port: int, total: int, concurrency: int) -> Round:
    """Sends `total` POSTs from `concurrency` threads; each thread keeps one connection."""
    counter = iter(range(total))
    lock = threading.Lock()
    latencies: list[float] = []
    errors = [0]

    def worker() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine: list[float] = []
        while True:
            with lock:
                i = next(counter, None)
            if i is None:
                break
            body = json.dumps({"name": "Ada", "n": i, "tags": ["bench"]})
            t0 = time.perf_counter()
            conn.request("POST", PATH, body, {"Content-Type": "application/json"})
            resp = conn.getresponse()
            resp.read()
            mine.append(time.perf_counter() - t0)
            if resp.status != 204:
                errors[0] += 1
        conn.close()
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join(300)
    return Round(concurrency, total, time.perf_counter() - started, latencies, errors[0])


def run_all(workdir: str, requests: int, levels: list[int], repeats: int
            ) -> dict[str, list[Round]]:
    """Both servers up at once; rounds alternate between them, so that a burst of load from
    elsewhere on the machine hits both alike. Each row pools `repeats` rounds: requests/s is
    the median round's, latencies are over all requests of the row."""
    ports = {"starlette": free_port(), "mvc": free_port()}
    procs = {"starlette": start_baseline(workdir, ports["starlette"]),
             "mvc": start_mvc(workdir, ports["mvc"])}
    try:
        for kind, proc in procs.items():
            wait_for_port(ports[kind], proc)
            load(ports[kind], WARMUP, 4)
        rows: dict[str, list[Round]] = {kind: [] for kind in procs}
        for c in levels:
            rounds: dict[str, list[Round]] = {kind: [] for kind in procs}
            for _ in range(repeats):
                for kind in procs:
                    rounds[kind].append(load(ports[kind], requests // repeats, c))
            for kind, rs in rounds.items():
                rps = statistics.median(r.rps for r in rs)
                n = sum(r.requests for r in rs)
                rows[kind].append(Round(c, n, n / rps, [x for r in rs for x in r.latencies],
                                        sum(r.errors for r in rs)))
        return rows
    finally:
        for proc in procs.values():
            stop(proc)


REPORT_HEAD = """# HTTP benchmark: the insert example

`python benchmarks/http/bench.py` (benchmarks/http/). Each server runs as its own process on
127.0.0.1 with a fresh montydb store; the load generator is one Python process with N threads,
each keeping one connection and sending the next POST as soon as the previous answer arrives.
{requests} timed requests per row, in {repeats} rounds alternating between the two servers
(requests/s: the median round; latencies: all requests of the row), after {warmup} warm-up
requests per server.

- **mvc dev**: `examples/insert-object/main.js` deployed to the local cloud: gateway ->
  func.HttpRequest adapter -> warm VM instance (resumed image) -> handler -> `db.insert` host
  call -> store.
- **starlette**: benchmarks/http/baseline_app.py, the same insert written by hand:
  `await request.json()`, then the same store's insert in the thread pool.

Machine: {machine}, {cores} cores, Python {python}, {system}.

| server | concurrency | requests/s | p50 ms | p99 ms | errors | throughput vs starlette |
|---|---|---|---|---|---|---|
"""

REPORT_TAIL = """
Latency is the client's: from sending the request to reading the whole answer, over loopback.
The servers share the machine's cores with the load generator (and with whatever else runs),
so absolute numbers are low and vary between runs; the ratio, measured in alternating rounds,
is the point.
"""


def report(results: dict[str, list[Round]], requests: int, repeats: int) -> str:
    text = REPORT_HEAD.format(
        requests=requests, repeats=repeats, warmup=WARMUP, machine=platform.machine(),
        cores=os.cpu_count(), python=platform.python_version(),
        system=f"{platform.system()} {platform.release()}")
    base = {r.concurrency: r for r in results["starlette"]}
    for kind in ("mvc", "starlette"):
        name = "mvc dev" if kind == "mvc" else "starlette"
        for r in results[kind]:
            ratio = r.rps / base[r.concurrency].rps
            text += (f"| {name} | {r.concurrency} | {r.rps:.0f} | {r.pct(50):.2f} | "
                     f"{r.pct(99):.2f} | {r.errors} | {ratio:.2f}x |\n")
    return text + REPORT_TAIL


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--requests", type=int, default=1000)
    ap.add_argument("--concurrency", default="1,8")
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--note", help="a line on the conditions of the run, added to the report")
    ap.add_argument("--out", default=os.path.join(ROOT, "benchmarks", "results", "http.md"))
    args = ap.parse_args()
    levels = [int(x) for x in args.concurrency.split(",")]
    with tempfile.TemporaryDirectory(prefix="mvc-bench-") as workdir:
        results = run_all(workdir, args.requests, levels, args.repeats)
    text = report(results, args.requests, args.repeats)
    if args.note:
        text += f"\nNote: {args.note}\n"
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(text)
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
