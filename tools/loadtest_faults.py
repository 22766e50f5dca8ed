"""Load test of the local cloud under faults: POSTs while function instances and the whole server
are killed at random; then every request's fate is checked against the database.

    python tools/loadtest_faults.py                       # 10,000 POSTs (docs/cloud.md)
    python tools/loadtest_faults.py --posts 1000 --process-kills 2   # what CI runs

The server is a real `mvc dev` (uvicorn on loopback) serving the mission's example
(examples/insert-object: the handler inserts the body into the database), in a subprocess, with
fault injection on (MVC_FAULTS=kill=P): each request's instance dies at random, before the
handler runs, right after its insert committed, or after the handler returned but before the
answer (the pool replaces it from the image). On top of that, the server process itself is
killed with SIGKILL --process-kills times at random moments and restarted (requests in flight
get a connection reset; new ones are refused until it is back).

Each logical request i POSTs {"n": i, ...} with an Idempotency-Key unique to i, and retries what
can be retried (connection errors, 502/503/504) with the same key, up to --attempts times. At
the end, for every request: answered 2xx -> exactly one document with n == i; never answered
2xx -> at most one. Nothing else may happen: no duplicate, no 4xx, no other 5xx, no lost
acknowledged write. Exit status 0 when all of that holds.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

EXAMPLE = os.path.join(ROOT, "examples", "insert-object")
PATH = "/insert-object-into-my-database"
RETRYABLE = {502, 503, 504}


class Server:
    """`mvc dev` in a subprocess; kill() is SIGKILL, start() brings it back on the same port."""

    def __init__(self, project: str, faults: str) -> None:
        self.project = project
        self.faults = faults
        self.port = 0
        self.proc: subprocess.Popen[str] | None = None
        self.starts = 0
        self.kills = 0
        self._lock = threading.Lock()

    def start(self, timeout: float = 60.0) -> None:
        env = dict(os.environ, MVC_FAULTS=self.faults, PYTHONPATH=os.pathsep.join(
            [ROOT] + ([os.environ["PYTHONPATH"]] if os.environ.get("PYTHONPATH") else [])))
        cmd = [sys.executable, "-m", "azure_microvium.cli", "dev", "--project", self.project,
               "--port", str(self.port), "--quiet"]
        deadline = time.monotonic() + timeout
        while True:
            proc = subprocess.Popen(cmd, cwd=self.project, env=env, stdout=subprocess.PIPE,
                                    stderr=subprocess.STDOUT, text=True)
            assert proc.stdout is not None
            lines = []
            for line in proc.stdout:
                lines.append(line)
                if line.startswith("serving "):
                    self.port = int(line.split("http://127.0.0.1:")[1].split()[0])
                    break
            else:
                proc.wait()
                text = "".join(lines)
                # The port of a killed server can linger for a moment: try again.
                if "cannot listen" in text and time.monotonic() < deadline:
                    time.sleep(0.2)
                    continue
                raise RuntimeError(f"mvc dev did not start:\n{text}")
            break
        threading.Thread(target=self._drain, args=(proc,), daemon=True).start()
        with self._lock:
            self.proc = proc
            self.starts += 1

    @staticmethod
    def _drain(proc: subprocess.Popen[str]) -> None:
        assert proc.stdout is not None
        for _ in proc.stdout:
            pass

    def kill(self) -> None:
        with self._lock:
            proc = self.proc
        if proc is not None:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            self.kills += 1

    def stop(self) -> None:
        with self._lock:
            proc = self.proc
            self.proc = None
        if proc is not None and proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


@dataclass
class Outcome:
    acked: bool = False
    status: int | None = None
    attempts: int = 0
    failures: Counter[str] = field(default_factory=Counter)


def post(port: int, body: bytes, key: str | None, timeout: float) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    headers = {"Content-Type": "application/json"}
    if key is not None:
        headers["Idempotency-Key"] = key
    try:
        conn.request("POST", PATH, body=body, headers=headers)
        resp = conn.getresponse()
        resp.read()
        return resp.status
    finally:
        conn.close()


def one_request(server: Server, i: int, run: str, attempts: int, rng: random.Random,
                use_key: bool = True) -> Outcome:
    out = Outcome()
    body = json.dumps({"n": i, "name": f"request {i}", "run": run}).encode()
    key = f"{run}-{i}" if use_key else None
    for attempt in range(attempts):
        out.attempts += 1
        try:
            status = post(server.port, body, key, timeout=30)
        except (OSError, http.client.HTTPException) as e:
            out.failures[type(e).__name__] += 1
        else:
            out.status = status
            if 200 <= status < 300:
                out.acked = True
                return out
            out.failures[str(status)] += 1
            if status not in RETRYABLE:
                return out  # not retryable: reported as such
        time.sleep(min(0.02 * 2 ** min(attempt, 5), 0.5) * (0.5 + rng.random()))
    return out


@dataclass
class Report:
    posts: int
    acked: int
    gave_up: int
    not_retryable: int
    attempts: int
    failures: Counter[str]
    instance_kills: Counter[str]
    process_kills: int
    seconds: float
    problems: list[str]

    def lines(self) -> list[str]:
        kills = ", ".join(f"{k} {v}" for k, v in sorted(self.instance_kills.items())) or "none"
        fails = ", ".join(f"{k} {v}" for k, v in self.failures.most_common()) or "none"
        out = [
            f"requests      {self.posts}",
            f"answered 2xx  {self.acked}; gave up after retries {self.gave_up}; "
            f"not retryable {self.not_retryable}",
            f"attempts      {self.attempts} ({self.attempts - self.posts} retries: {fails})",
            f"killed        instances: {kills}; server process: {self.process_kills}",
            f"time          {self.seconds:.1f} s ({self.posts / self.seconds:.0f} requests/s)",
        ]
        out += [f"PROBLEM: {p}" for p in self.problems] or [
            "check         every 2xx request is in the database exactly once; no duplicates"]
        return out


def instance_kills(project: str) -> Counter[str]:
    log = os.path.join(project, ".mvc", "dev", "logs", "cloud.log")
    kills: Counter[str] = Counter()
    try:
        with open(log, encoding="utf-8") as f:
            for line in f:
                if "instance killed (" in line and "before answering" in line:
                    kills[line.split("instance killed (")[1].split(")")[0]] += 1
    except FileNotFoundError:
        pass
    return kills


def run(posts: int = 10_000, *, kill: float = 0.05, process_kills: int = 5,
        concurrency: int = 16, attempts: int = 40, seed: int = 7, use_key: bool = True,
        out: object = None) -> Report:
    from azure_microvium.store_montydb import MontyStore

    rng = random.Random(seed)
    run_id = f"load{seed}-{os.getpid()}"
    with tempfile.TemporaryDirectory(prefix="mvc-load-") as tmp:
        project = os.path.join(tmp, "insert-object")
        os.makedirs(project)
        for name in ("main.js", "package.json"):
            shutil.copy(os.path.join(EXAMPLE, name), project)
        server = Server(project, f"kill={kill},seed={seed}")
        server.start()
        outcomes: list[Outcome | None] = [None] * posts
        done = threading.Event()
        progress = {"n": 0}

        def killer() -> None:
            # Kill moments spread over the run: the j-th near (j+1)/(kills+1) of the requests.
            marks = sorted(posts * (j + 1 + rng.uniform(-0.4, 0.4)) / (process_kills + 1)
                           for j in range(process_kills))
            for mark in marks:
                while not done.is_set() and progress["n"] < mark:
                    time.sleep(0.05)
                if done.is_set():
                    return
                time.sleep(rng.uniform(0, 0.3))
                server.kill()
                server.start()

        started = time.perf_counter()
        k = threading.Thread(target=killer, daemon=True)
        k.start()

        def work(i: int) -> None:
            outcomes[i] = one_request(server, i, run_id, attempts,
                                      random.Random(seed * 100003 + i), use_key)
            progress["n"] += 1
            if out is not None and progress["n"] % max(posts // 10, 1) == 0:
                print(f"  {progress['n']:>6} / {posts} requests done", file=out, flush=True)

        with ThreadPoolExecutor(concurrency) as pool:
            list(pool.map(work, range(posts)))
        done.set()
        k.join(60)
        seconds = time.perf_counter() - started
        server.stop()

        docs = MontyStore(os.path.join(project, ".mvc", "dev", "data")).collection(
            "my-database", "items").find({})
        counts = Counter(d.get("n") for d in docs if d.get("run") == run_id)
        problems: list[str] = []
        acked = gave_up = not_retryable = total_attempts = 0
        failures: Counter[str] = Counter()
        for i, o in enumerate(outcomes):
            assert o is not None
            total_attempts += o.attempts
            failures.update(o.failures)
            if o.acked:
                acked += 1
                if counts[i] != 1:
                    problems.append(f"request {i} was answered 2xx and is in the database "
                                    f"{counts[i]} times")
            else:
                if o.status is not None and o.status not in RETRYABLE:
                    not_retryable += 1
                    problems.append(f"request {i} got {o.status}, which is not retryable")
                else:
                    gave_up += 1
                if counts[i] > 1:
                    problems.append(f"request {i} is in the database {counts[i]} times")
        strays = sum(v for n, v in counts.items() if not (isinstance(n, int) and 0 <= n < posts))
        if strays:
            problems.append(f"{strays} documents that no request sent")
        if len(docs) != sum(counts.values()):
            problems.append(f"{len(docs) - sum(counts.values())} documents of another run")
        if gave_up:
            problems.append(f"{gave_up} requests were never answered 2xx in {attempts} attempts")
        return Report(posts, acked, gave_up, not_retryable, total_attempts, failures,
                      instance_kills(project), server.kills, seconds, problems[:20])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--posts", type=int, default=10_000)
    ap.add_argument("--kill", type=float, default=0.05,
                    help="probability that a request's instance is killed (default 0.05)")
    ap.add_argument("--process-kills", type=int, default=5,
                    help="times the server process is SIGKILLed and restarted (default 5)")
    ap.add_argument("--concurrency", type=int, default=16)
    ap.add_argument("--attempts", type=int, default=40, help="per request, at most")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--no-key", action="store_true",
                    help="send no Idempotency-Key (shows the duplicates retries make then)")
    args = ap.parse_args()
    print(f"load test: {args.posts} POSTs, instance kill rate {args.kill}, "
          f"{args.process_kills} server kills, {args.concurrency} clients", flush=True)
    report = run(args.posts, kill=args.kill, process_kills=args.process_kills,
                 concurrency=args.concurrency, attempts=args.attempts, seed=args.seed,
                 use_key=not args.no_key, out=sys.stdout)
    for line in report.lines():
        print(line)
    print("load test: PASS" if not report.problems else "load test: FAIL")
    return 0 if not report.problems else 1


if __name__ == "__main__":
    sys.exit(main())
