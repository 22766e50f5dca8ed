"""CompileError: locations, formatting, and the constructs outside the subset."""

from __future__ import annotations

import pytest

from compiler import CompileError, compile_program, compile_source


def error_of(source: str, filename: str = "bad.js") -> CompileError:
    with pytest.raises(CompileError) as info:
        compile_source(source, filename)
    return info.value


def test_syntax_error_location_and_format():
    e = error_of("let ok = 1;\nlet x = ;\n")
    assert (e.filename, e.line, e.col) == ("bad.js", 2, 9)
    assert e.message == "Unexpected token ;"  # esprima's "Line 2: " prefix is stripped
    assert e.format() == "bad.js:2:9: Unexpected token ;\nlet x = ;\n        ^"


def test_caret_keeps_tabs_aligned():
    e = error_of("\tlet x = @;")
    lines = e.format().splitlines()
    assert lines[1] == "\tlet x = @;"
    assert lines[2] == "\t        ^"


def test_early_errors_from_the_parser():
    e = error_of("let a = 1;\nlet a = 2;")
    assert (e.line, e.col) == (2, 5)
    assert "already been declared" in e.message


@pytest.mark.parametrize(
    "source, line, col, words",
    [
        ("function* g() {}", 1, 1, "generators"),
        ("async function* g() {}", 1, 1, "generators"),
        ("const o = { *g() {} };", 1, 15, "generators"),
        ("const r = /ab+c/;", 1, 11, "regular expression"),
        ("const t = tag`x`;", 1, 11, "tagged templates"),
        ("const b = 10n;", 1, 11, "BigInt"),
        ("import * as ns from './x.js';", 1, 8, "namespace imports"),
        ("export * from './x.js';", 1, 1, "export *"),
        ("function f() { return arguments; }", 1, 23, "'arguments'"),
        ("function f() { return new.target; }", 1, 23, "new.target"),
        ("class A { #x = 1; }", 1, 11, "private names"),
        ("class A { static { } }", 1, 11, "static blocks"),
        ("async function f() { for await (const x of []) {} }", 1, 22, "for await"),
        ("await 1;", 1, 1, "top-level await"),
        ("const v = eval('1');", 1, 11, "eval"),
        ("const f = Function('return 1');", 1, 11, "Function constructor"),
        ("const f = new Function('return 1');", 1, 15, "Function constructor"),
    ],
)
def test_unsupported_constructs_are_named_at_their_location(source, line, col, words):
    e = error_of(source)
    assert (e.line, e.col) == (line, col), e.format()
    assert words in e.message
    assert "not supported" in e.message
    assert e.format().startswith(f"bad.js:{line}:{col}: ")


def test_assignment_to_undeclared_is_a_compile_error():
    e = error_of("let a = 1;\nb = a;")
    assert (e.line, e.col) == (2, 1)
    assert "undeclared variable 'b'" in e.message


def test_assignment_to_builtin_is_a_compile_error():
    assert "'Error'" in error_of("Error = 1;").message


def test_missing_module(tmp_path):
    main = tmp_path / "main.js"
    main.write_text("\nimport { x } from './missing.js';\n")
    with pytest.raises(CompileError) as info:
        compile_program(str(main))
    e = info.value
    assert (e.line, e.col) == (2, 19)
    assert "Cannot find module './missing.js'" in e.message
    assert e.source_line == "import { x } from './missing.js';"


def test_unknown_bare_specifier(tmp_path):
    main = tmp_path / "main.js"
    main.write_text("import { x } from 'lib';")
    with pytest.raises(CompileError, match="Cannot find module 'lib'"):
        compile_program(str(main))


def test_missing_export(tmp_path):
    (tmp_path / "lib.js").write_text("export const y = 1;")
    main = tmp_path / "main.js"
    main.write_text("import { x } from './lib.js';\nprint(x);")
    with pytest.raises(CompileError) as info:
        compile_program(str(main))
    assert "no export named 'x'" in info.value.message
    assert info.value.line == 1


def test_errors_in_imported_modules_name_that_file(tmp_path):
    (tmp_path / "lib.js").write_text("export const y = 1;\nfunction* g() {}\n")
    main = tmp_path / "main.js"
    main.write_text("import { y } from './lib.js';")
    with pytest.raises(CompileError) as info:
        compile_program(str(main))
    e = info.value
    assert e.filename.endswith("lib.js") and (e.line, e.col) == (2, 1)
    assert e.format().splitlines()[1] == "function* g() {}"


def test_missing_entry_file(tmp_path):
    with pytest.raises(CompileError, match="cannot read"):
        compile_program(str(tmp_path / "nope.js"))


def test_filename_is_relative_to_cwd(tmp_path, monkeypatch):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "m.js").write_text("let = ;")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(CompileError) as info:
        compile_program(str(tmp_path / "sub" / "m.js"))
    assert info.value.filename == "sub/m.js"


def test_limits_are_compile_errors():
    many_locals = (
        "function f() {" + "".join(f"let v{i} = {i};" for i in range(300)) + "}"
    )
    assert "too many local variables" in error_of(many_locals).message
    many_args = "print(" + ", ".join("1" for _ in range(256)) + ");"
    assert "too many arguments" in error_of(many_args).message
    huge = "function f(x) { if (x) {" + "x = x + 1;" * 12000 + "} }"
    assert "function too large" in error_of(huge).message
