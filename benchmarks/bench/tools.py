"""Peers and harnesses: everything the runner installs or compiles, all under a cache directory
outside the repo (default ~/.cache/mvm-bench, or $MVM_BENCH_CACHE, or --cache-dir).

Peers come from their registries with their ordinary clients, never from the repo:
Microvium from npm (its CLI, and its C engine in dist-c/), QuickJS from PyPI (`quickjs`).
Both C harnesses are compiled with the same gcc flags, so instruction counts compare C with C.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "benchmarks"

MICROVIUM_VERSION = "8.0.0"
# Same flags for both engines. -g only adds debug info (function and line names in profiles).
CFLAGS = ["-O2", "-g", "-std=c99"]


def default_cache() -> Path:
    return Path(os.environ.get("MVM_BENCH_CACHE", Path.home() / ".cache" / "mvm-bench"))


def log(msg: str) -> None:
    print(f"[bench] {msg}", file=sys.stderr, flush=True)


def have(cmd: str) -> bool:
    return shutil.which(cmd) is not None


def version_of(cmd: list[str]) -> str:
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=30)
        return (out.stdout or out.stderr).strip().splitlines()[0]
    except (OSError, IndexError, subprocess.TimeoutExpired):
        return "unavailable"


# ---- Microvium (npm) ----

def microvium_dir(cache: Path) -> Path:
    return cache / "npm" / "node_modules" / "microvium"


def install_microvium(cache: Path) -> Path | None:
    """Installs microvium@8.0.0 into CACHE/npm (once); returns the package dir, None without npm."""
    pkg = microvium_dir(cache)
    manifest = pkg / "package.json"
    if manifest.exists() and f'"version": "{MICROVIUM_VERSION}"' in manifest.read_text():
        return pkg
    if not have("npm"):
        log("npm not found: Microvium is skipped")
        return None
    log(f"installing microvium@{MICROVIUM_VERSION} from npm into {cache / 'npm'}")
    (cache / "npm").mkdir(parents=True, exist_ok=True)
    subprocess.run(["npm", "install", "--prefix", str(cache / "npm"), "--no-audit", "--no-fund",
                    f"microvium@{MICROVIUM_VERSION}"], check=True, stdout=subprocess.DEVNULL)
    return pkg


# ---- QuickJS and matplotlib (PyPI) ----

def pypi_dir(cache: Path) -> Path:
    return cache / "pypi"


def python_env(cache: Path) -> dict[str, str]:
    """The environment for py_run.py: packages installed by the runner come first on the path."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(pypi_dir(cache)),
                                                       env.get("PYTHONPATH")]))
    return env


def pip(cmd: list[str]) -> None:
    """Runs pip quietly; its output is shown only when it fails."""
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode != 0:
        log(f"pip failed: {' '.join(cmd[3:])}\n{out.stdout}{out.stderr}")


def ensure_quickjs(cache: Path) -> str | None:
    """Makes `import quickjs` work for py_run.py; returns its version, or None if impossible."""
    probe = [sys.executable, "-c", "import importlib.metadata as m, quickjs; "
             "print(m.version('quickjs'))"]
    env = python_env(cache)
    out = subprocess.run(probe, capture_output=True, text=True, env=env)
    if out.returncode != 0:
        log(f"installing quickjs from PyPI into {pypi_dir(cache)}")
        pip([sys.executable, "-m", "pip", "install", "-q", "--target", str(pypi_dir(cache)),
             "quickjs"])
        out = subprocess.run(probe, capture_output=True, text=True, env=env)
    return out.stdout.strip() if out.returncode == 0 else None


def ensure_matplotlib() -> bool:
    try:
        import matplotlib
        return True
    except ImportError:
        log("installing matplotlib (pip install matplotlib)")
        pip([sys.executable, "-m", "pip", "install", "-q", "matplotlib"])
        try:
            import matplotlib  # noqa: F401
            return True
        except ImportError:
            return False


# ---- C harnesses ----

def _compile(cache: Path, name: str, sources: list[Path], flags: list[str],
             header_dirs: list[Path]) -> Path:
    """gcc, cached by a hash of the sources, headers and flags: a changed engine rebuilds."""
    inputs = list(sources) + [h for d in header_dirs for h in sorted(d.glob("*.h"))]
    digest = hashlib.sha256(" ".join(CFLAGS + flags).encode())
    for path in inputs:
        digest.update(path.read_bytes())
    exe = cache / "bin" / f"{name}-{digest.hexdigest()[:12]}"
    if not exe.exists():
        log(f"compiling {name}")
        exe.parent.mkdir(parents=True, exist_ok=True)
        tmp = exe.with_suffix(".tmp")
        subprocess.run(["gcc", *CFLAGS, *flags, *map(str, sources), "-lm", "-o", str(tmp)],
                       check=True)
        tmp.replace(exe)
    return exe


def build_ours_harness(cache: Path) -> Path:
    vm = ROOT / "vm_c"
    sources = sorted((vm / "src").glob("*.c")) + sorted((vm / "ports" / "host").glob("*.c"))
    sources.append(BENCH / "harness" / "ours_run.c")
    flags = ["-DMVM_PORT_HEADER=\"ports/host/mvm_port.h\"", f"-I{vm / 'include'}", f"-I{vm}"]
    headers = [vm / "include", vm / "src", vm / "ports" / "host", BENCH / "harness"]
    return _compile(cache, "ours_run", sources, flags, headers)


def build_microvium_harness(cache: Path, pkg: Path, bucket: int) -> Path:
    dist = pkg / "dist-c"
    sources = [dist / "microvium.c", BENCH / "peers" / "microvium_run.c"]
    flags = [f"-DMVM_ALLOCATION_BUCKET_SIZE={bucket}", f"-I{BENCH / 'peers'}", f"-I{dist}"]
    headers = [dist, BENCH / "peers", BENCH / "harness"]
    return _compile(cache, "microvium_run", sources, flags, headers)
