"""Module loading, evaluation order and import/export linking."""

from __future__ import annotations

import struct

import pytest

from compiler import CompileError, compile_program, compile_source
from compiler.disasm import decode_unit_functions, disasm_unit
from compiler.opcodes import Op


def write(tmp_path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def module_files(unit: bytes) -> list[str]:
    """The file of each module body, in evaluation order."""
    fns = decode_unit_functions(unit)
    entry = next(fn for fn in fns if fn.name == "<entry>")
    by_offset = {fn.offset: fn for fn in fns}
    order = []
    for ins in entry.instructions:
        if ins.op in (Op.LOAD_CONST, Op.LOAD_CONST8):
            offset = int(entry.consts[ins.operands[0]].rsplit("@", 1)[1].rstrip(">"))
            order.append(by_offset[offset].file.rsplit("/", 1)[-1])
    return order


def global_operands(unit: bytes, name_of_function: str) -> list[int]:
    fn = next(fn for fn in decode_unit_functions(unit) if fn.name == name_of_function)
    return [
        ins.operands[0]
        for ins in fn.instructions
        if ins.op in (Op.LOAD_GLOBAL, Op.STORE_GLOBAL)
    ]


def export_table(unit: bytes) -> dict[str, int]:
    text = disasm_unit(unit)
    table = {}
    for line in text.splitlines():
        if line.startswith("export "):
            name, slot = line[len("export ") :].split(" = global ")
            table[name.strip('"')] = int(slot)
    return table


def test_dependencies_run_first_and_once(tmp_path):
    write(
        tmp_path,
        {
            "main.js": "import { a } from './a.js';\n"
            "import { b } from './b.js'; print(a, b);",
            "a.js": "import { c } from './shared.js'; export const a = c;",
            "b.js": "import { c } from './shared.js'; export const b = c;",
            "shared.js": "export const c = 1;",
        },
    )
    unit = compile_program(str(tmp_path / "main.js"))
    assert module_files(unit) == ["<prelude>", "shared.js", "a.js", "b.js", "main.js"]


def test_cycles_are_cut_where_they_close(tmp_path):
    write(
        tmp_path,
        {
            "main.js": "import { a } from './a.js'; print(a);",
            "a.js": "import { b } from './b.js'; export const a = 1;\n"
            "export function useB() { return b; }",
            "b.js": "import { a } from './a.js'; export const b = 2;\n"
            "export function useA() { return a; }",
        },
    )
    unit = compile_program(str(tmp_path / "main.js"))
    assert module_files(unit) == ["<prelude>", "b.js", "a.js", "main.js"]


def test_imports_alias_the_exporters_global(tmp_path):
    write(
        tmp_path,
        {
            "main.js": "import { count as n, inc } from './counter.js';\n"
            "inc(); print(n);",
            "counter.js": "export let count = 0; export function inc() { count++; }",
        },
    )
    unit = compile_program(str(tmp_path / "main.js"))
    inc_slots = set(global_operands(unit, "inc"))
    assert len(inc_slots) == 1
    (count_slot,) = inc_slots
    fns = decode_unit_functions(unit)
    main = [fn for fn in fns if fn.name == "<module>" and fn.file.endswith("main.js")][
        0
    ]
    loads = [ins.operands[0] for ins in main.instructions if ins.op is Op.LOAD_GLOBAL]
    assert count_slot in loads  # a live binding: main reads counter's own slot


def test_extension_may_be_omitted_and_bare_modules_resolve(tmp_path):
    write(
        tmp_path,
        {
            "main.js": "import { x } from './sub/x';\n"
            "import { y } from 'ylib'; print(x, y);",
            "sub/x.js": "export const x = 1;",
            "vendor/y.js": "export const y = 2;",
        },
    )
    unit = compile_program(
        str(tmp_path / "main.js"), bare_modules={"ylib": str(tmp_path / "vendor/y.js")}
    )
    assert module_files(unit)[1:] == ["x.js", "y.js", "main.js"]


def test_parent_directory_specifiers(tmp_path):
    write(
        tmp_path,
        {
            "app/main.js": "import { v } from '../lib/v.js'; print(v);",
            "lib/v.js": "export const v = 1;",
        },
    )
    compile_program(str(tmp_path / "app/main.js"))


def test_default_exports_and_reexports(tmp_path):
    write(
        tmp_path,
        {
            "main.js": "import d, { f as g, k } from './lib.js';"
            " import h from './fn.js';"
            " export { d, g }; export default 5; print(k);",
            "lib.js": "export default 40 + 2; export function f() {}\n"
            "export { f2 as k } from './other.js';",
            "other.js": "export const f2 = 3;",
            "fn.js": "export default function () { return 1; }",
        },
    )
    unit = compile_program(str(tmp_path / "main.js"))
    table = export_table(unit)
    assert set(table) == {"d", "g", "default"}  # only the entry module's exports
    names = decode_names(unit)
    assert names[table["d"]] == "default" and names[table["g"]] == "f"
    assert "default" in {
        fn.name for fn in decode_unit_functions(unit)
    }  # fn.js's function


def decode_names(unit: bytes) -> list[str]:
    lines = [
        line for line in disasm_unit(unit).splitlines() if line.startswith("global ")
    ]
    return [line.split(": ", 1)[1] for line in lines]


def test_export_table_bytes(tmp_path):
    unit = compile_source("export const a = 1; let b = 2; export { b as c };")
    (export_count,) = struct.unpack_from("<H", unit, 24)
    assert export_count == 2
    # Slot 0 is the prelude's print (console gets a slot only in programs that mention it).
    assert export_table(unit) == {"a": 1, "c": 2}


def test_side_effect_import(tmp_path):
    write(tmp_path, {"main.js": "import './side.js';", "side.js": "print('side');"})
    assert module_files(compile_program(str(tmp_path / "main.js"))) == [
        "<prelude>",
        "side.js",
        "main.js",
    ]


def test_assigning_an_import_throws_type_error(tmp_path):
    write(
        tmp_path,
        {"main.js": "import { a } from './a.js'; a = 2;", "a.js": "export let a = 1;"},
    )
    unit = compile_program(str(tmp_path / "main.js"))
    main = [
        fn
        for fn in decode_unit_functions(unit)
        if fn.file and fn.file.endswith("main.js")
    ][0]
    assert Op.THROW_ERROR in [ins.op for ins in main.instructions]


def test_circular_reexport_is_an_error(tmp_path):
    write(
        tmp_path,
        {
            "main.js": "import { x } from './a.js';",
            "a.js": "export { x } from './b.js';",
            "b.js": "export { x } from './a.js';",
        },
    )
    with pytest.raises(CompileError, match="circular re-export"):
        compile_program(str(tmp_path / "main.js"))


def test_compile_source_resolves_imports_from_cwd(tmp_path, monkeypatch):
    write(tmp_path, {"lib.js": "export const z = 1;"})
    monkeypatch.chdir(tmp_path)
    unit = compile_source("import { z } from './lib.js'; print(z);", "<stdin>")
    assert module_files(unit) == ["<prelude>", "lib.js", "<stdin>"]


def test_too_many_globals_is_an_error_at_the_declaration() -> None:
    # Global slots are 16-bit in units and images; the error names the first one over.
    src = "\n".join(f"let v{i} = {i};" for i in range(65540)) + "\n"
    with pytest.raises(CompileError) as info:
        compile_source(src, "many.js")
    message = str(info.value)
    assert message.startswith("many.js:") and "too many global variables" in message
    line = int(message.split(":")[1])
    assert src.splitlines()[line - 1].startswith(f"let v{line - 1} ")
    assert f"'v{line - 1}'" in message
