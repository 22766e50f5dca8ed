"""Scope analysis: which binding each identifier means, and where each binding lives.

One pass over a module's tree (after the subset check) builds a tree of scopes that
crosses function boundaries, hoists declarations (var to the function; let, const and
function to the block), and resolves every identifier in reference or declaration
position.

Where a binding lives follows from how it is used:
- module scope: a global (numbered later by the program linker; imports alias the
  exporter's global);
- captured (referenced from a nested function): a slot of the SCOPE allocation of its
  scope, which then exists at run time ("materialized");
- otherwise: a parameter (arg slot) or a local slot, picked by the lowering.

A function that reaches a captured binding outside itself, directly or through nested
functions, needs MAKE_CLOSURE; the others are plain ROM functions.

An arrow function's `this` is the enclosing non-arrow function's: that function gets a
hidden captured binding initialised from LOAD_THIS at entry.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from .check import children
from .errors import CompileError, error_at
from .opcodes import BUILTIN_GLOBALS

MAX_SCOPE_SLOTS = 255

THIS_KEY = "%this"  # keys that no identifier can spell
DEFAULT_KEY = "%default"


class Kind(Enum):
    VAR = "var"
    LET = "let"
    CONST = "const"
    FUNCTION = "function"
    PARAM = "param"
    IMPORT = "import"
    CALLEE = "callee"  # the name of a named function expression, inside it
    THIS = "this"
    CATCH = "catch"


IMMUTABLE = frozenset({Kind.CONST, Kind.IMPORT, Kind.CALLEE})


@dataclass(eq=False)
class Binding:
    name: str
    kind: Kind
    scope: Scope
    node: Any = None
    captured: bool = False
    scope_slot: int = -1  # slot in the scope's SCOPE when captured
    arg_index: int = -1  # parameters
    local_index: int = -1  # set by the lowering while the scope is open
    global_slot: int | None = None  # module scope (imports: set by the linker)
    import_spec: str | None = None  # imports: module specifier and exported name
    import_name: str | None = None

    @property
    def immutable(self) -> bool:
        return self.kind in IMMUTABLE

    @property
    def is_global(self) -> bool:
        return self.scope.kind == "module"


@dataclass(eq=False)
class Scope:
    kind: str  # "module", "function" or "block"
    node: Any
    parent: Scope | None
    function: FunctionInfo
    bindings: dict[str, Binding] = field(default_factory=dict)
    hoisted: list[Any] = field(default_factory=list)  # FunctionDeclarations, in order
    slot_count: int = 0

    @property
    def materialized(self) -> bool:
        """True when the scope exists at run time as a SCOPE allocation."""
        return self.slot_count > 0


@dataclass(eq=False)
class FunctionInfo:
    node: Any
    parent: FunctionInfo | None
    is_arrow: bool = False
    is_module: bool = False
    needs_closure: bool = False
    scope: Scope = field(init=False)
    this_binding: Binding | None = None
    callee_binding: Binding | None = None


# What an identifier (or `this`) resolves to, besides a Binding.
@dataclass(frozen=True)
class Builtin:
    index: int


@dataclass(frozen=True)
class Constant:
    name: str  # "undefined", "NaN" or "Infinity"


@dataclass(frozen=True)
class Undeclared:
    name: str


@dataclass(frozen=True)
class DirectThis:
    pass


Ref = Binding | Builtin | Constant | Undeclared | DirectThis

CONSTANT_NAMES = frozenset({"undefined", "NaN", "Infinity"})


@dataclass
class ModuleAnalysis:
    module_function: FunctionInfo
    scopes: dict[int, Scope]  # id(node) -> the scope the node opens
    functions: dict[int, FunctionInfo]  # id(function node) -> info
    refs: dict[int, Ref]  # id(Identifier or ThisExpression) -> what it means

    @property
    def module_scope(self) -> Scope:
        return self.module_function.scope

    def scope_of(self, node: Any) -> Scope | None:
        return self.scopes.get(id(node))

    def ref(self, node: Any) -> Ref:
        return self.refs[id(node)]


def declared_name(node: Any) -> str:
    """An import/export name: an identifier or (ES2022) a string literal."""
    return str(node.name if node.type == "Identifier" else node.value)


def var_declarations(statements: Iterable[Any]) -> list[Any]:
    """The `var` declarator ids in statements, through blocks but not functions."""
    found: list[Any] = []

    def walk(node: Any) -> None:
        if node is None:
            return
        kind = node.type
        if kind == "VariableDeclaration":
            if node.kind == "var":
                found.extend(d.id for d in node.declarations)
        elif kind == "BlockStatement":
            for s in node.body:
                walk(s)
        elif kind == "IfStatement":
            walk(node.consequent)
            walk(node.alternate)
        elif kind in ("WhileStatement", "DoWhileStatement"):
            walk(node.body)
        elif kind == "ForStatement":
            walk(node.init)
            walk(node.body)
        elif kind == "TryStatement":
            walk(node.block)
            if node.handler is not None:
                walk(node.handler.body)
            walk(node.finalizer)
        elif kind == "SwitchStatement":
            for case in node.cases:
                for s in case.consequent:
                    walk(s)
        elif kind == "ExportNamedDeclaration":
            walk(node.declaration)

    for statement in statements:
        walk(statement)
    return found


class Analyzer:
    """Walks one module. ambient resolves names not declared in the module (prelude)."""

    def __init__(self, filename: str, ambient: Callable[[str], Binding | None]) -> None:
        self.filename = filename
        self.ambient = ambient
        self.scopes: dict[int, Scope] = {}
        self.functions: dict[int, FunctionInfo] = {}
        self.refs: dict[int, Ref] = {}
        self.all_scopes: list[Scope] = []
        self.scope: Scope | None = None
        self.function: FunctionInfo | None = None

    # --- declarations -------------------------------------------------------------

    def new_scope(self, kind: str, node: Any, function: FunctionInfo) -> Scope:
        scope = Scope(kind, node, self.scope, function)
        self.scopes[id(node)] = scope
        self.all_scopes.append(scope)
        return scope

    def declare(
        self, scope: Scope, ident: Any, kind: Kind, key: str | None = None
    ) -> Binding:
        name = key or ident.name
        existing = scope.bindings.get(name)
        if existing is not None:
            var_like = {Kind.VAR, Kind.FUNCTION, Kind.PARAM}
            if kind in var_like and existing.kind in var_like:
                if kind is Kind.FUNCTION:
                    existing.kind = Kind.FUNCTION
                return existing
            raise error_at(
                ident, self.filename, f"Identifier '{name}' has already been declared"
            )
        binding = Binding(name, kind, scope, ident)
        scope.bindings[name] = binding
        return binding

    def declare_lexical(self, scope: Scope, statements: Iterable[Any]) -> None:
        """let/const/function declared directly in a statement list."""
        for statement in statements:
            node = statement
            if node.type in ("ExportNamedDeclaration", "ExportDefaultDeclaration"):
                node = node.declaration
                if node is None:
                    continue
                if (
                    statement.type == "ExportDefaultDeclaration"
                    and node.type != "FunctionDeclaration"
                ):
                    continue
            if node.type == "VariableDeclaration" and node.kind != "var":
                kind = Kind.LET if node.kind == "let" else Kind.CONST
                for declarator in node.declarations:
                    self.declare(scope, declarator.id, kind)
            elif node.type == "FunctionDeclaration":
                if node.id is None:  # export default function () {}
                    self.declare(scope, node, Kind.FUNCTION, DEFAULT_KEY)
                else:
                    self.declare(scope, node.id, Kind.FUNCTION)
                scope.hoisted.append(node)

    def block_scope(self, node: Any, statements: list[Any]) -> Scope | None:
        """Opens a block scope if the statements declare anything lexically."""
        has_lexical = any(
            (s.type == "VariableDeclaration" and s.kind != "var")
            or s.type == "FunctionDeclaration"
            for s in statements
        )
        if not has_lexical:
            return None
        assert self.function is not None
        scope = self.new_scope("block", node, self.function)
        self.declare_lexical(scope, statements)
        return scope

    # --- resolution ---------------------------------------------------------------

    def capture(self, binding: Binding) -> None:
        """Marks binding as reached from the current function (if that is another)."""
        if binding.is_global:
            return
        owner = binding.scope.function
        function = self.function
        if function is owner:
            return
        binding.captured = True
        while function is not None and function is not owner:
            function.needs_closure = True
            function = function.parent

    def lookup(self, name: str, node: Any) -> Ref:
        scope = self.scope
        while scope is not None:
            binding = scope.bindings.get(name)
            if binding is not None:
                self.capture(binding)
                return binding
            scope = scope.parent
        ambient = self.ambient(name)
        if ambient is not None:
            return ambient
        if name in BUILTIN_GLOBALS:
            return Builtin(BUILTIN_GLOBALS[name])
        if name in CONSTANT_NAMES:
            return Constant(name)
        if name == "arguments" and self.enclosing_function() is not None:
            raise error_at(node, self.filename, "'arguments' is not supported")
        return Undeclared(name)

    def enclosing_function(self) -> FunctionInfo | None:
        """The nearest non-arrow function (whose `this` applies); None at top level."""
        function = self.function
        while function is not None and function.is_arrow:
            function = function.parent
        if function is None or function.is_module:
            return None
        return function

    def resolve(self, ident: Any) -> Ref:
        ref = self.lookup(ident.name, ident)
        self.refs[id(ident)] = ref
        return ref

    def resolve_this(self, node: Any) -> None:
        owner = self.enclosing_function()
        ref: Ref
        if owner is None:
            ref = Constant("undefined")  # `this` at module level
        elif owner is self.function:
            ref = DirectThis()
        else:
            if owner.this_binding is None:
                owner.this_binding = self.declare(
                    owner.scope, node, Kind.THIS, THIS_KEY
                )
            ref = owner.this_binding
            self.capture(ref)
        self.refs[id(node)] = ref

    # --- the walk -----------------------------------------------------------------

    def visit(self, node: Any) -> None:
        if node is None:
            return
        method = getattr(self, f"visit_{node.type}", None)
        if method is not None:
            method(node)
        else:
            for child in children(node):
                self.visit(child)

    def visit_all(self, nodes: Iterable[Any]) -> None:
        for node in nodes:
            self.visit(node)

    def in_scope(self, scope: Scope | None, body: Callable[[], None]) -> None:
        saved = self.scope
        if scope is not None:
            self.scope = scope
        try:
            body()
        finally:
            self.scope = saved

    def visit_Identifier(self, node: Any) -> None:
        self.resolve(node)

    def visit_ThisExpression(self, node: Any) -> None:
        self.resolve_this(node)

    def visit_MemberExpression(self, node: Any) -> None:
        self.visit(node.object)
        if node.computed:
            self.visit(node.property)

    def visit_Property(self, node: Any) -> None:
        if node.computed:
            self.visit(node.key)
        self.visit(node.value)

    def visit_VariableDeclaration(self, node: Any) -> None:
        for declarator in node.declarations:
            self.resolve(declarator.id)
            self.visit(declarator.init)

    def visit_BlockStatement(self, node: Any) -> None:
        scope = self.block_scope(node, node.body)
        self.in_scope(scope, lambda: self.visit_all(node.body))

    def visit_ForStatement(self, node: Any) -> None:
        init = node.init
        scope = None
        if (
            init is not None
            and init.type == "VariableDeclaration"
            and init.kind != "var"
        ):
            assert self.function is not None
            scope = self.new_scope("block", node, self.function)
            self.declare_lexical(scope, [init])

        def body() -> None:
            self.visit(init)
            self.visit(node.test)
            self.visit(node.update)
            self.visit(node.body)

        self.in_scope(scope, body)

    def visit_SwitchStatement(self, node: Any) -> None:
        self.visit(node.discriminant)
        statements = [s for case in node.cases for s in case.consequent]
        scope = self.block_scope(node, statements)

        def body() -> None:
            for case in node.cases:
                self.visit(case.test)
                self.visit_all(case.consequent)

        self.in_scope(scope, body)

    def visit_CatchClause(self, node: Any) -> None:
        # The parameter and the body's declarations share one scope: the body may not
        # redeclare the parameter, so merging them is unobservable and saves a SCOPE.
        assert self.function is not None
        scope = self.new_scope("block", node, self.function)
        if node.param is not None:
            self.declare(scope, node.param, Kind.CATCH)
        self.declare_lexical(scope, node.body.body)

        def body() -> None:
            if node.param is not None:
                self.resolve(node.param)
            self.visit_all(node.body.body)

        self.in_scope(scope, body)

    def visit_FunctionDeclaration(self, node: Any) -> None:
        if node.id is not None:
            self.resolve(node.id)
        self.visit_function(node)

    def visit_FunctionExpression(self, node: Any) -> None:
        self.visit_function(node)

    def visit_ArrowFunctionExpression(self, node: Any) -> None:
        self.visit_function(node)

    def visit_function(self, node: Any) -> None:
        info = FunctionInfo(
            node, self.function, is_arrow=node.type == "ArrowFunctionExpression"
        )
        self.functions[id(node)] = info
        scope = self.new_scope("function", node, info)
        info.scope = scope
        for index, param in enumerate(node.params):
            self.declare(scope, param, Kind.PARAM).arg_index = index
        body = node.body
        statements = body.body if body.type == "BlockStatement" else []
        for ident in var_declarations(statements):
            self.declare(scope, ident, Kind.VAR)
        self.declare_lexical(scope, statements)
        if node.type == "FunctionExpression" and node.id is not None:
            if node.id.name not in scope.bindings:
                info.callee_binding = self.declare(scope, node.id, Kind.CALLEE)
        saved = (self.scope, self.function)
        self.scope, self.function = scope, info
        try:
            for param in node.params:
                self.resolve(param)
            if info.callee_binding is not None:
                self.resolve(node.id)
            if body.type == "BlockStatement":
                self.visit_all(statements)
            else:
                self.visit(body)
        finally:
            self.scope, self.function = saved

    def visit_ImportDeclaration(self, node: Any) -> None:
        for specifier in node.specifiers:
            self.resolve(specifier.local)

    def visit_ExportNamedDeclaration(self, node: Any) -> None:
        if node.declaration is not None:
            self.visit(node.declaration)
        elif node.source is None:
            for specifier in node.specifiers:
                if specifier.local.type == "Identifier":
                    self.resolve(specifier.local)

    def visit_ExportDefaultDeclaration(self, node: Any) -> None:
        declaration = node.declaration
        if declaration.type == "FunctionDeclaration":
            if declaration.id is None:
                assert self.scope is not None
                self.refs[id(declaration)] = self.scope.bindings[DEFAULT_KEY]
                self.visit_function(declaration)
            else:
                self.visit_FunctionDeclaration(declaration)
        else:
            self.visit(declaration)

    # --- modules ------------------------------------------------------------------

    def analyze_module(self, program: Any) -> ModuleAnalysis:
        info = FunctionInfo(program, None, is_module=True)
        self.functions[id(program)] = info
        scope = self.new_scope("module", program, info)
        info.scope = scope
        body = program.body
        for statement in body:
            if statement.type == "ImportDeclaration":
                spec = str(statement.source.value)
                for specifier in statement.specifiers:
                    binding = self.declare(scope, specifier.local, Kind.IMPORT)
                    binding.import_spec = spec
                    if specifier.type == "ImportDefaultSpecifier":
                        binding.import_name = "default"
                    else:
                        binding.import_name = declared_name(specifier.imported)
        for ident in var_declarations(body):
            self.declare(scope, ident, Kind.VAR)
        self.declare_lexical(scope, body)
        for statement in body:
            if statement.type == "ExportDefaultDeclaration":
                if statement.declaration.type != "FunctionDeclaration":
                    self.declare(scope, statement, Kind.CONST, DEFAULT_KEY)
        self.scope, self.function = scope, info
        self.visit_all(body)
        self.assign_scope_slots()
        return ModuleAnalysis(info, self.scopes, self.functions, self.refs)

    def assign_scope_slots(self) -> None:
        for scope in self.all_scopes:
            if scope.kind == "module":
                continue
            captured = [b for b in scope.bindings.values() if b.captured]
            if len(captured) > MAX_SCOPE_SLOTS:
                raise error_at(
                    scope.node,
                    self.filename,
                    "too many captured variables in one scope",
                )
            for slot, binding in enumerate(captured):
                binding.scope_slot = slot
            scope.slot_count = len(captured)


def analyze_module(
    program: Any, filename: str, ambient: Callable[[str], Binding | None]
) -> ModuleAnalysis:
    try:
        return Analyzer(filename, ambient).analyze_module(program)
    except RecursionError:
        raise CompileError("program is nested too deeply", filename) from None
