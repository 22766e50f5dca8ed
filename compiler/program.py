"""The compiler driver: a whole program (entry module and its imports) -> one unit."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

from . import lower_expr
from .errors import CompileError, error_at
from .ir import FLAG_MODULE, FuncConst, Instr, IRFunction
from .lower_base import ModuleContext
from .lower_stmt import lower_module
from .modules import Linker, Loader, Module, collect_exports
from .opcodes import Op
from .scope import DEFAULT_KEY, Binding, Kind, analyze_module
from .unit import MAX_GLOBALS, UnitExport, write_unit

PRELUDE_PATH = Path(__file__).with_name("prelude.js")
PRELUDE_BIND_PATH = Path(__file__).with_name("prelude_bind.js")  # f.bind(...), when used
PRELUDE_CONSOLE_PATH = Path(__file__).with_name("prelude_console.js")  # console, when used
PRELUDE_NAME = "<prelude>"


class Program:
    def __init__(self, loader: Loader, host_prelude: str = "") -> None:
        self.loader = loader
        self.host_prelude = host_prelude
        self.global_names: list[str] = []

    def allocate_globals(self, module: Module) -> None:
        assert module.analysis is not None
        for key, binding in module.analysis.module_scope.bindings.items():
            if binding.kind is not Kind.IMPORT:
                if len(self.global_names) >= MAX_GLOBALS:  # the image's slot numbers are 16-bit
                    raise error_at(binding.node, module.filename,
                                   f"too many global variables: '{binding.name}' would be "
                                   f"number {MAX_GLOBALS + 1} (the limit is {MAX_GLOBALS}, over "
                                   "every module's top-level declarations)")
                binding.global_slot = len(self.global_names)
                self.global_names.append(
                    "default" if key == DEFAULT_KEY else binding.name
                )

    def compile(self, entry: Module) -> bytes:
        modules = self.loader.evaluation_order(entry)
        source = PRELUDE_PATH.read_text(encoding="utf-8")
        if any("console" in m.source for m in modules):
            source += PRELUDE_CONSOLE_PATH.read_text(encoding="utf-8")
        if any("bind" in m.source for m in modules):
            source += PRELUDE_BIND_PATH.read_text(encoding="utf-8")
        source += self.host_prelude
        prelude = self.loader.make_module(PRELUDE_NAME, PRELUDE_NAME, ".", source)
        prelude.analysis = analyze_module(
            prelude.program, prelude.filename, lambda name: None
        )
        self.allocate_globals(prelude)
        ambient = prelude.analysis.module_scope.bindings
        helpers = [ambient.get(name) for name in ("__mvm_bind", "__mvm_bind_of")]
        lower_expr.set_bind_helpers(  # prelude_bind.js, when included
            *(helper.global_slot if helper else None for helper in helpers)
        )

        def resolve_ambient(name: str) -> Binding | None:
            return ambient.get(name)

        for module in modules:
            module.analysis = analyze_module(
                module.program, module.filename, resolve_ambient
            )
            self.allocate_globals(module)
            collect_exports(module)
        Linker().link(modules)

        bodies = [
            lower_module(ModuleContext(m.filename, m.analysis), "<module>")
            for m in [prelude, *modules]
            if m.analysis is not None
        ]
        exports = [
            UnitExport(
                name, Linker().export_slot(entry, name, entry, export.node, name)
            )
            for name, export in entry.exports.items()
        ]
        return write_unit(
            entry_function(bodies, entry.filename),
            self.global_names,
            exports,
            line_file_names(entry, modules),
        )


def line_file_names(entry: Module, modules: list[Module]) -> dict[str, str]:
    """The names LINES tables give the program's files: relative to the entry module's
    directory for files under it (an image does not carry the build machine's paths), the
    compile-error name (relative to the working directory, or as given) for the others."""
    if not os.path.isabs(entry.key):  # in-memory source
        return {}
    root = os.path.dirname(entry.key)
    names = {}
    for module in modules:
        if os.path.isabs(module.key) and module.key.startswith(root + os.sep):
            names[module.filename] = os.path.relpath(module.key, root).replace(
                os.sep, "/"
            )
    return names


def entry_function(bodies: list[IRFunction], filename: str) -> IRFunction:
    """The unit's entry: calls each module body in evaluation order."""
    entry = IRFunction("<entry>", None, 1, flags=FLAG_MODULE)
    for body in bodies:
        entry.code += [
            Instr(Op.LOAD_CONST, entry.const(FuncConst(body))),
            Instr(Op.PUSH_UNDEFINED),
            Instr(Op.CALL, 0),
            Instr(Op.POP),
        ]
    entry.code += [Instr(Op.PUSH_UNDEFINED), Instr(Op.RETURN)]
    return entry


# The parser and the passes recurse once or a few times per nesting level. Python's
# default limit (1000) would refuse realistic programs (a long else-if chain, a long
# string concatenation); since 3.11, Python-to-Python calls do not use the C stack, so
# a higher limit is safe. It is raised only while compiling.
RECURSION_LIMIT = 20000


def _compile(
    loader: Loader, load: Callable[[], Module], host_prelude: str = ""
) -> bytes:
    saved_limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(saved_limit, RECURSION_LIMIT))
    # The syntax trees are large and acyclic: the cyclic collector would walk them
    # over and over while the passes allocate, for nothing (it costs ~40% of the time).
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        return Program(loader, host_prelude).compile(load())
    except CompileError as e:
        source = loader.sources.get(e.filename)
        if source is not None:
            e.with_source(source)
        raise
    except RecursionError:
        raise CompileError("program is nested too deeply") from None
    finally:
        sys.setrecursionlimit(saved_limit)
        if gc_was_enabled:
            gc.enable()


def compile_program(
    entry_path: str,
    *,
    bare_modules: Mapping[str, str] | None = None,
    host_prelude: str = "",
    loaded_files: list[str] | None = None,
) -> bytes:
    """Compiles the module at entry_path and everything it imports into one unit.

    host_prelude: JS appended to the prelude, whose top-level bindings every module sees
    as globals (a host's extra globals, e.g. the test host's assert). loaded_files, if
    given, receives the path of every source file the program was compiled from.
    """
    loader = Loader(bare_modules)
    unit = _compile(
        loader, lambda: loader.load_file(entry_path, None, None), host_prelude
    )
    if loaded_files is not None:
        loaded_files.extend(f for f in loader.sources if f != PRELUDE_NAME)
    return unit


def compile_source(source: str, filename: str = "<input>") -> bytes:
    """Compiles one in-memory module (imports resolve against the working directory)."""
    loader = Loader(None)
    return _compile(loader, lambda: loader.load_source(source, filename))
