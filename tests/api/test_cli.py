"""The `mvc` CLI contract, through real processes (README: CLI contract)."""
from __future__ import annotations

import os
import random
import stat
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
COUNTER = os.path.join(ROOT, "examples", "counter", "counter.js")


def mvc(*args: str, cwd: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "azure_microvium.cli", *args],
        capture_output=True, text=True, timeout=120, cwd=cwd,
    )


@pytest.fixture(scope="module")
def counter_image(tmp_path_factory: pytest.TempPathFactory) -> str:
    out = str(tmp_path_factory.mktemp("img") / "counter.mvm-bc")
    r = mvc("build", COUNTER, "-o", out)
    assert r.returncode == 0, r.stderr
    assert r.stdout == "built 100\n"
    return out


def test_counter_build_and_run(counter_image: str) -> None:
    r = mvc("run", counter_image, "next")
    assert r.returncode == 0, r.stderr
    assert r.stdout == "101\n"
    # A new process resumes the same image again: the image is not modified by a run.
    r = mvc("run", counter_image, "next")
    assert r.stdout == "101\n"


def test_image_is_private(counter_image: str) -> None:
    assert stat.S_IMODE(os.stat(counter_image).st_mode) == 0o600


def test_default_output_name(tmp_path: os.PathLike[str]) -> None:
    src = os.path.join(tmp_path, "prog.js")
    with open(src, "w") as f:
        f.write("export function hi(name) { return 'hi ' + name; }\n")
    r = mvc("build", src)
    assert r.returncode == 0, r.stderr
    img = os.path.join(tmp_path, "prog.mvm-bc")
    r = mvc("run", img, "hi", "Ada")
    assert r.stdout == '"hi Ada"\n'


def test_run_args_are_json(tmp_path: os.PathLike[str]) -> None:
    src = os.path.join(tmp_path, "a.js")
    with open(src, "w") as f:
        f.write("export function f(a, b) { return [typeof a, typeof b, a.x, b]; }\n"
                "vmExport(7, (n) => n * 2);\n")
    assert mvc("build", src).returncode == 0
    img = os.path.join(tmp_path, "a.mvm-bc")
    r = mvc("run", img, "f", '{"x": 5}', "plain")
    assert r.stdout == '["object","string",5,"plain"]\n', r.stderr
    r = mvc("run", img, "7", "21")
    assert r.stdout == "42\n", r.stderr


def test_disasm(counter_image: str) -> None:
    r = mvc("disasm", counter_image)
    assert r.returncode == 0, r.stderr
    assert "next" in r.stdout
    assert "RETURN" in r.stdout


def test_compile_error_has_location(tmp_path: os.PathLike[str]) -> None:
    src = os.path.join(tmp_path, "bad.js")
    with open(src, "w") as f:
        f.write("let a = 1;\nlet b = ;\n")
    r = mvc("build", src)
    assert r.returncode != 0
    first = r.stderr.splitlines()[0]
    assert first.startswith(f"{src}:2:") or first.startswith("bad.js:2:"), r.stderr
    assert "let b = ;" in r.stderr
    assert "Traceback" not in r.stderr


def test_uncaught_build_error_writes_no_image(tmp_path: os.PathLike[str]) -> None:
    src = os.path.join(tmp_path, "boom.js")
    with open(src, "w") as f:
        f.write("print('before');\nthrow new TypeError('nope');\n")
    r = mvc("build", src)
    assert r.returncode != 0
    assert r.stdout == "before\n"
    assert "TypeError: nope" in r.stderr
    assert "Traceback" not in r.stderr
    assert not os.path.exists(os.path.join(tmp_path, "boom.mvm-bc"))


def test_uncaught_run_error(tmp_path: os.PathLike[str]) -> None:
    src = os.path.join(tmp_path, "t.js")
    with open(src, "w") as f:
        f.write("export function f() {\n  print('x');\n  throw new Error('bad ' + 1);\n}\n")
    assert mvc("build", src).returncode == 0
    r = mvc("run", os.path.join(tmp_path, "t.mvm-bc"), "f")
    assert r.returncode == 1
    assert r.stdout == "x\n"
    assert "Error: bad 1" in r.stderr
    assert ":3" in r.stderr  # the throw's line
    assert "Traceback" not in r.stderr


def test_strip_leaves_line_tables_out(tmp_path: os.PathLike[str]) -> None:
    src = os.path.join(tmp_path, "t.js")
    with open(src, "w") as f:
        f.write("export function f() {\n  print('x');\n  throw new Error('bad ' + 1);\n}\n")
    full, stripped = os.path.join(tmp_path, "full.img"), os.path.join(tmp_path, "strip.img")
    assert mvc("build", src, "-o", full).returncode == 0
    assert mvc("build", src, "-o", stripped, "--strip").returncode == 0
    assert os.path.getsize(stripped) < os.path.getsize(full)
    r = mvc("run", stripped, "f")
    assert r.returncode == 1 and r.stdout == "x\n" and "Error: bad 1" in r.stderr
    assert "t.js:3" not in r.stderr  # no line tables: no location
    assert "t.js:3" in mvc("run", full, "f").stderr  # the file name is relative to the entry's


def test_unknown_export(counter_image: str) -> None:
    r = mvc("run", counter_image, "nope")
    assert r.returncode != 0
    assert "next" in r.stderr  # lists what exists
    assert "Traceback" not in r.stderr


def _refused(path: str) -> None:
    r = mvc("run", path, "next")
    assert r.returncode != 0
    assert len(r.stderr.strip().splitlines()) == 1, r.stderr
    assert "Traceback" not in r.stderr


def test_bad_images_are_refused(counter_image: str, tmp_path: os.PathLike[str]) -> None:
    good = open(counter_image, "rb").read()
    rng = random.Random(1234)
    bad = os.path.join(tmp_path, "bad.mvm-bc")
    cases = [good[:n] for n in (0, 1, 8, 16, len(good) // 2, len(good) - 1)]
    for _ in range(12):
        b = bytearray(good)
        i = rng.randrange(len(b))
        b[i] ^= 1 << rng.randrange(8)
        cases.append(bytes(b))
    cases += [rng.randbytes(n) for n in (10, 100, 1000)]
    cases.append(b"MVM\x00\r\n\x1a\n" + rng.randbytes(200))
    for data in cases:
        with open(bad, "wb") as f:
            f.write(data)
        _refused(bad)


def test_missing_files() -> None:
    r = mvc("run", "/nonexistent.mvm-bc", "x")
    assert r.returncode != 0 and "Traceback" not in r.stderr
    r = mvc("build", "/nonexistent.js")
    assert r.returncode != 0 and "Traceback" not in r.stderr


def test_a_directory_is_not_a_source_file(tmp_path: Path) -> None:
    r = mvc("build", str(tmp_path))
    assert r.returncode == 1 and r.stderr.strip() == f"mvc: {tmp_path}: is a directory"
    r = mvc("build", str(tmp_path / "missing.js"))
    assert r.returncode == 1 and r.stderr.strip() == f"mvc: {tmp_path / 'missing.js'}: no such file"
