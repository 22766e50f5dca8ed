"""The image of a program for the image tests: compiled, its top level run, snapshotted."""
from __future__ import annotations

import io

from compiler import compile_program
from hostlib import VM, Host


def build_image(tmp_path, source: str) -> bytes:
    src = tmp_path / "p.js"
    src.write_text(source)
    with VM.from_unit(compile_program(str(src)), Host(stdout=io.StringIO())) as vm:
        vm.run_main()
        return vm.snapshot()
