"""`python -m compiler`: compile to a unit file, disassemble units, report errors."""

from __future__ import annotations

from compiler import compile_program
from compiler.__main__ import main


def test_compile_then_disassemble(tmp_path, capsys):
    source = tmp_path / "hello.js"
    source.write_text("print('hello');\n")
    assert main([str(source)]) == 0
    unit = (tmp_path / "hello.mvmu").read_bytes()
    assert unit == compile_program(str(source))  # deterministic
    out = tmp_path / "x.unit"
    assert main([str(source), "-o", str(out)]) == 0
    assert out.read_bytes() == unit
    assert main(["--disasm", str(out)]) == 0
    assert '"hello"' in capsys.readouterr().out


def test_compile_error_is_printed_with_caret(tmp_path, capsys):
    source = tmp_path / "bad.js"
    source.write_text("let x = 1;\nfunction* g() {}\n")
    assert main([str(source)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].endswith("bad.js:2:1: generators are not supported")
    assert err[1:] == ["function* g() {}", "^"]


def test_bare_module_option(tmp_path):
    (tmp_path / "lib.js").write_text("export const v = 1;")
    source = tmp_path / "main.js"
    source.write_text("import { v } from 'lib'; print(v);")
    assert main([str(source), "--bare", f"lib={tmp_path / 'lib.js'}"]) == 0


def test_disasm_of_garbage_fails_cleanly(tmp_path, capsys):
    junk = tmp_path / "junk.bin"
    junk.write_bytes(b"\x00" * 10)
    assert main(["--disasm", str(junk)]) == 1
    assert "unknown magic" in capsys.readouterr().err
