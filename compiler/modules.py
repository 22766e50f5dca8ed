"""Modules: finding, loading and ordering them, and linking imports to globals.

Specifiers: './x.js' and '../y.js' resolve against the importing file ('.js' may be
left out); anything else is a bare specifier looked up in the bare_modules map. Modules
are identified by real path, so each file is loaded and evaluated once.

The evaluation order is the ES one: a depth-first post-order walk of the import graph
from the entry (dependencies first; a cycle is cut where it closes).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .check import check_subset
from .errors import CompileError, error_at
from .parse import parse_module
from .scope import DEFAULT_KEY, Binding, Kind, ModuleAnalysis, declared_name


@dataclass
class Export:
    """An exported name: a binding of the module, or a re-export from another one."""

    node: Any
    binding: Binding | None = None
    from_spec: str | None = None
    from_name: str | None = None


@dataclass(eq=False)
class Module:
    key: str  # identity: real path, or a <pseudo name> for in-memory source
    filename: str  # as shown in messages and LINES tables
    directory: str  # where relative specifiers start
    source: str
    program: Any
    requests: list[tuple[str, Any]]  # (specifier, its Literal node), in source order
    deps: dict[str, Module] = field(default_factory=dict)  # specifier -> module
    analysis: ModuleAnalysis | None = None
    exports: dict[str, Export] = field(default_factory=dict)


def display_name(path: str) -> str:
    """The path as given, made relative to the working directory if it lies under it."""
    cwd = os.getcwd()
    absolute = os.path.abspath(path)
    if absolute.startswith(cwd.rstrip(os.sep) + os.sep):
        return os.path.relpath(absolute, cwd)
    return path


def import_requests(program: Any) -> list[tuple[str, Any]]:
    requests = []
    for statement in program.body:
        if statement.type in ("ImportDeclaration", "ExportNamedDeclaration"):
            if statement.source is not None:
                requests.append((str(statement.source.value), statement.source))
    return requests


class Loader:
    def __init__(self, bare_modules: Mapping[str, str] | None) -> None:
        self.bare_modules = dict(bare_modules or {})
        self.modules: dict[str, Module] = {}
        self.sources: dict[str, str] = {}  # filename -> source, to quote in errors

    def make_module(
        self, key: str, filename: str, directory: str, source: str
    ) -> Module:
        self.sources[filename] = source
        program = parse_module(source, filename)
        try:
            check_subset(program, filename)
        except RecursionError:
            raise CompileError("program is nested too deeply", filename) from None
        module = Module(
            key, filename, directory, source, program, import_requests(program)
        )
        self.modules[key] = module
        return module

    def load_file(self, path: str, importer: Module | None, node: Any) -> Module:
        key = os.path.realpath(path)
        found = self.modules.get(key)
        if found is not None:
            return found
        filename = display_name(path)
        try:
            with open(path, encoding="utf-8-sig") as f:
                source = f.read()
        except (OSError, UnicodeDecodeError, ValueError) as e:
            message = f"cannot read {filename}: {e}"
            if importer is None:
                raise CompileError(message, filename) from None
            raise error_at(node, importer.filename, message) from None
        return self.make_module(key, filename, os.path.dirname(path), source)

    def load_source(self, source: str, filename: str) -> Module:
        return self.make_module(f"<source {filename}>", filename, os.getcwd(), source)

    def resolve(self, importer: Module, spec: str, node: Any) -> Module:
        if spec.startswith(("./", "../", "/")):
            path = os.path.normpath(os.path.join(importer.directory, spec))
            candidates = [path] if path.endswith(".js") else [path, path + ".js"]
        elif spec in self.bare_modules:
            candidates = [self.bare_modules[spec]]
        else:
            raise error_at(node, importer.filename, f"Cannot find module '{spec}'")
        for candidate in candidates:
            if os.path.isfile(candidate):
                return self.load_file(candidate, importer, node)
        raise error_at(node, importer.filename, f"Cannot find module '{spec}'")

    def evaluation_order(self, entry: Module) -> list[Module]:
        """Loads the graph below entry; returns modules dependencies-first."""
        order: list[Module] = []
        done: set[str] = set()
        active: set[str] = {entry.key}
        stack: list[tuple[Module, int]] = [(entry, 0)]
        while stack:
            module, index = stack[-1]
            if index == len(module.requests):
                stack.pop()
                active.discard(module.key)
                done.add(module.key)
                order.append(module)
                continue
            stack[-1] = (module, index + 1)
            spec, node = module.requests[index]
            dep = module.deps.get(spec) or self.resolve(module, spec, node)
            module.deps[spec] = dep
            if dep.key not in done and dep.key not in active:
                active.add(dep.key)
                stack.append((dep, 0))
        return order


def collect_exports(module: Module) -> None:
    """Fills module.exports from its export declarations (after scope analysis)."""
    analysis = module.analysis
    assert analysis is not None

    def local(ident: Any) -> Binding:
        ref = analysis.ref(ident)
        assert isinstance(ref, Binding)
        return ref

    for statement in module.program.body:
        if statement.type == "ExportNamedDeclaration":
            declaration = statement.declaration
            if declaration is not None:
                ids = (
                    [d.id for d in declaration.declarations]
                    if declaration.type == "VariableDeclaration"
                    else [declaration.id]
                )
                for ident in ids:
                    module.exports[ident.name] = Export(ident, local(ident))
            for specifier in statement.specifiers:
                name = declared_name(specifier.exported)
                if statement.source is None:
                    module.exports[name] = Export(specifier, local(specifier.local))
                else:
                    module.exports[name] = Export(
                        specifier,
                        from_spec=str(statement.source.value),
                        from_name=declared_name(specifier.local),
                    )
        elif statement.type == "ExportDefaultDeclaration":
            declaration = statement.declaration
            if declaration.type == "FunctionDeclaration" and declaration.id is not None:
                binding = local(declaration.id)
            else:
                binding = analysis.module_scope.bindings[DEFAULT_KEY]
            module.exports["default"] = Export(statement, binding)


class Linker:
    """Resolves every import binding to the global slot of what it finally names."""

    def __init__(self) -> None:
        self._active: set[tuple[str, str]] = set()

    def link(self, modules: list[Module]) -> None:
        for module in modules:
            assert module.analysis is not None
            for binding in module.analysis.module_scope.bindings.values():
                if binding.kind is Kind.IMPORT:
                    binding.global_slot = self.import_slot(module, binding)

    def import_slot(self, module: Module, binding: Binding) -> int:
        if binding.global_slot is not None:
            return binding.global_slot
        assert binding.import_spec is not None and binding.import_name is not None
        dep = module.deps[binding.import_spec]
        slot = self.export_slot(
            dep, binding.import_name, module, binding.node, binding.import_spec
        )
        binding.global_slot = slot
        return slot

    def export_slot(
        self, module: Module, name: str, requester: Module, node: Any, spec: str
    ) -> int:
        export = module.exports.get(name)
        if export is None:
            raise error_at(
                node,
                requester.filename,
                f"module '{spec}' has no export named '{name}'",
            )
        marker = (module.key, name)
        if marker in self._active:
            raise error_at(node, requester.filename, f"circular re-export of '{name}'")
        self._active.add(marker)
        try:
            if export.binding is not None:
                if export.binding.kind is Kind.IMPORT:
                    return self.import_slot(module, export.binding)
                assert export.binding.global_slot is not None
                return export.binding.global_slot
            assert export.from_spec is not None and export.from_name is not None
            dep = module.deps[export.from_spec]
            return self.export_slot(
                dep, export.from_name, module, export.node, export.from_spec
            )
        finally:
            self._active.discard(marker)
