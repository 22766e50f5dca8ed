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

import esprima.nodes as esnodes  # type: ignore[import-untyped]

from .check import children
from .errors import CompileError, error_at
from .opcodes import BUILTIN_GLOBALS

MAX_SCOPE_SLOTS = 255

THIS_KEY = "%this"  # keys that no identifier can spell
DEFAULT_KEY = "%default"
SUPER_KEY = "%super"  # a derived class's parent constructor, in the class scope
FIELDS_KEY = "%fields"  # the function that sets a class's instance fields on `this`


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
    # let/const/class in a function: the source offset where the declaration's initializer
    # ends (references before it may run before it: the temporal dead zone), and whether
    # some reference needs the run-time check (the binding then starts as HOLE).
    decl_end: int | None = None
    tdz: bool = False

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
class ClassInfo:
    """A class: its scope holds the inner name, %super and %fields bindings."""

    node: Any
    scope: Scope
    constructor: Any  # the constructor's FunctionExpression (synthesized if absent)
    derived: bool
    name_binding: Binding | None = None
    super_binding: Binding | None = None
    fields_binding: Binding | None = None
    fields_function: Any = (
        None  # synthesized FunctionExpression setting instance fields
    )
    statics_function: Any = (
        None  # synthesized FunctionExpression run with this = the class
    )
    # Computed field names, evaluated once when the class is defined: id(member) -> binding.
    field_keys: dict[int, Binding] = field(default_factory=dict)


@dataclass(eq=False)
class FunctionInfo:
    node: Any
    parent: FunctionInfo | None
    is_arrow: bool = False
    is_module: bool = False
    is_async: bool = False
    is_method: bool = False  # object literal method or accessor: not a constructor
    needs_closure: bool = False
    scope: Scope = field(init=False)
    this_binding: Binding | None = None
    callee_binding: Binding | None = None
    # Methods of classes: the class, and whether the method is static (for super.x) or the
    # class constructor.
    home: ClassInfo | None = None
    is_static: bool = False
    is_constructor: bool = False
    # Field initializers analysed inside this (synthesized) function's body.
    field_values: list[Any] = field(default_factory=list)

    @property
    def is_derived_constructor(self) -> bool:
        """`this` is in its TDZ until super(...) returns: reads go through a binding."""
        return self.is_constructor and self.home is not None and self.home.derived


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
RUNTIME_COMPILERS = {"eval": "eval is", "Function": "the Function constructor is"}


@dataclass
class ModuleAnalysis:
    module_function: FunctionInfo
    scopes: dict[int, Scope]  # id(node) -> the scope the node opens
    functions: dict[int, FunctionInfo]  # id(function node) -> info
    refs: dict[int, Ref]  # id(Identifier, ThisExpression or Super) -> what it means
    classes: dict[int, ClassInfo] = field(
        default_factory=dict
    )  # id(class node) -> info
    tdz_checks: set[int] = field(default_factory=set)  # id(Identifier) that may be in the TDZ

    @property
    def module_scope(self) -> Scope:
        return self.module_function.scope

    def scope_of(self, node: Any) -> Scope | None:
        return self.scopes.get(id(node))

    def ref(self, node: Any) -> Ref:
        return self.refs[id(node)]


def _located(new: Any, at: Any) -> Any:
    new.loc = at.loc
    return new


def synthesize_function(
    at: Any, params: list[Any] | None = None, statements: list[Any] | None = None
) -> Any:
    """A FunctionExpression node made by the compiler, located at node `at`."""
    body = _located(esnodes.BlockStatement(statements or []), at)
    return _located(esnodes.FunctionExpression(None, params or [], body, False), at)


def synthesize_constructor(cls: Any, derived: bool) -> Any:
    """The implicit constructor: `constructor(...args) { super(...args); }` if derived."""
    if not derived:
        return synthesize_function(cls)
    args = _located(esnodes.Identifier("args"), cls)
    call = esnodes.CallExpression(
        _located(esnodes.Super(), cls),
        [
            _located(
                esnodes.SpreadElement(_located(esnodes.Identifier("args"), cls)), cls
            )
        ],
    )
    statement = _located(esnodes.ExpressionStatement(_located(call, cls)), cls)
    return synthesize_function(
        cls, [_located(esnodes.RestElement(args), cls)], [statement]
    )


def declared_name(node: Any) -> str:
    """An import/export name: an identifier or (ES2022) a string literal."""
    return str(node.name if node.type == "Identifier" else node.value)


def pattern_names(node: Any) -> list[Any]:
    """The Identifier nodes a binding pattern (or plain identifier) declares, in order."""
    kind = node.type
    if kind == "Identifier":
        return [node]
    if kind == "ObjectPattern":
        return [
            name
            for prop in node.properties
            for name in pattern_names(
                prop.argument if prop.type == "RestElement" else prop.value
            )
        ]
    if kind == "ArrayPattern":
        return [n for e in node.elements if e is not None for n in pattern_names(e)]
    if kind == "AssignmentPattern":
        return pattern_names(node.left)
    if kind == "RestElement":
        return pattern_names(node.argument)
    return []  # a member expression: an assignment target, not a declaration


def var_declarations(statements: Iterable[Any]) -> list[Any]:
    """The `var` declared identifiers in statements, through blocks but not functions."""
    found: list[Any] = []

    def walk(node: Any) -> None:
        if node is None:
            return
        kind = node.type
        if kind == "VariableDeclaration":
            if node.kind == "var":
                for d in node.declarations:
                    found.extend(pattern_names(d.id))
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
        elif kind in ("ForInStatement", "ForOfStatement"):
            walk(node.left)
            walk(node.body)
        elif kind == "LabeledStatement":
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
        self.classes: dict[int, ClassInfo] = {}
        self.tdz_checks: set[int] = set()

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
                if statement.type == "ExportDefaultDeclaration" and not (
                    node.type == "FunctionDeclaration"
                    or (node.type == "ClassDeclaration" and node.id is not None)
                ):
                    continue
            if node.type == "VariableDeclaration" and node.kind != "var":
                kind = Kind.LET if node.kind == "let" else Kind.CONST
                for declarator in node.declarations:
                    for ident in pattern_names(declarator.id):
                        self.declare(scope, ident, kind).decl_end = declarator.range[1]
            elif node.type == "ClassDeclaration":
                self.declare(scope, node.id, Kind.LET).decl_end = node.range[1]
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
            or s.type in ("FunctionDeclaration", "ClassDeclaration")
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

    def may_precede_init(self, binding: Binding, node: Any) -> bool:
        """Whether this reference to a let/const/class may run before its declaration has
        initialized it (module bindings are globals: the VM checks those itself). Textually
        later references in the same function run later, except across switch cases; a
        later reference in a nested function runs later unless that function is a hoisted
        declaration."""
        assert binding.decl_end is not None
        if binding.is_global or node is binding.node or getattr(node, "range", None) is None:
            return False
        if node.range[0] < binding.decl_end:
            return True
        if binding.scope.node is not None and binding.scope.node.type == "SwitchStatement":
            return True
        owner = binding.scope.function
        function = self.function
        while function is not None and function.parent is not owner and function is not owner:
            function = function.parent
        return (
            function is not None
            and function is not owner
            and function.node is not None
            and function.node.type == "FunctionDeclaration"
        )

    def lookup(self, name: str, node: Any) -> Ref:
        scope = self.scope
        while scope is not None:
            binding = scope.bindings.get(name)
            if binding is not None:
                self.capture(binding)
                if binding.decl_end is not None and self.may_precede_init(binding, node):
                    binding.tdz = True
                    self.tdz_checks.add(id(node))
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
        if name in RUNTIME_COMPILERS:  # code from strings: no compiler at run time
            raise error_at(
                node, self.filename, f"{RUNTIME_COMPILERS[name]} not supported"
            )
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
        elif owner is self.function and not owner.is_derived_constructor:
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
        if node.object.type == "Super":
            self.resolve_this(node)  # super.m() is called with this object
        self.visit(node.object)
        if node.computed:
            self.visit(node.property)

    def visit_Property(self, node: Any) -> None:
        if node.computed:
            self.visit(node.key)
        self.visit(node.value)
        if node.method or node.kind in ("get", "set"):
            self.functions[id(node.value)].is_method = True

    def visit_VariableDeclaration(self, node: Any) -> None:
        for declarator in node.declarations:
            self.visit(
                declarator.id
            )  # identifiers, defaults and computed keys of patterns
            self.visit(declarator.init)

    def visit_LabeledStatement(self, node: Any) -> None:
        self.visit(node.body)  # the label is not a reference

    def visit_BreakStatement(self, node: Any) -> None:
        pass

    def visit_ContinueStatement(self, node: Any) -> None:
        pass

    def visit_for_in_of(self, node: Any) -> None:
        """for-in/of: a let/const head gets a scope entered afresh by each iteration."""
        self.visit(node.right)
        left = node.left
        scope = None
        if left.type == "VariableDeclaration" and left.kind != "var":
            assert self.function is not None
            scope = self.new_scope("block", node, self.function)
            self.declare_lexical(scope, [left])

        def body() -> None:
            self.visit(left)
            self.visit(node.body)

        self.in_scope(scope, body)

    visit_ForInStatement = visit_for_in_of
    visit_ForOfStatement = visit_for_in_of

    def visit_AwaitExpression(self, node: Any) -> None:
        function = self.function
        while function is not None and function.is_arrow and not function.is_async:
            function = function.parent
        if function is None or function.is_module:
            raise error_at(node, self.filename, "top-level await is not supported")
        if not function.is_async:
            raise error_at(
                node, self.filename, "await is only valid in async functions"
            )
        self.visit(node.argument)

    def visit_Super(self, node: Any) -> None:
        ref = self.lookup(SUPER_KEY, node)
        if not isinstance(ref, Binding):
            raise error_at(node, self.filename, "'super' keyword unexpected here")
        self.refs[id(node)] = ref

    def visit_CallExpression(self, node: Any) -> None:
        if node.callee.type == "Super":
            owner = self.enclosing_function()
            if (
                owner is None
                or not owner.is_constructor
                or not owner.home
                or not (owner.home.derived)
            ):
                raise error_at(node, self.filename, "'super' keyword unexpected here")
            if owner.this_binding is None and not super_always_called(owner.node):
                # A constructor that may return without super() checks `this` there
                # (lower_base.derived_return_check): it needs the binding that says.
                self.resolve_this(node)
        for child in children(node):
            self.visit(child)

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
            for ident in pattern_names(node.param):
                self.declare(scope, ident, Kind.CATCH)
        self.declare_lexical(scope, node.body.body)

        def body() -> None:
            if node.param is not None:
                self.visit(node.param)
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

    def visit_function(
        self, node: Any, setup: Callable[[FunctionInfo], None] | None = None
    ) -> None:
        info = FunctionInfo(
            node,
            self.function,
            is_arrow=node.type == "ArrowFunctionExpression",
            is_async=bool(node.isAsync),
        )
        if setup is not None:
            setup(info)
        self.functions[id(node)] = info
        scope = self.new_scope("function", node, info)
        info.scope = scope
        for index, param in enumerate(node.params):
            if param.type == "RestElement":  # last: its names live in locals
                for ident in pattern_names(param.argument):
                    self.declare(scope, ident, Kind.PARAM)
                break
            target = param.left if param.type == "AssignmentPattern" else param
            if target.type == "Identifier":
                self.declare(scope, target, Kind.PARAM).arg_index = index
            else:  # a pattern: the argument slot is anonymous, its names are locals
                for ident in pattern_names(target):
                    self.declare(scope, ident, Kind.PARAM)
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
                self.visit(param)
            if info.callee_binding is not None:
                self.resolve(node.id)
            self.visit_all(info.field_values)
            if body.type == "BlockStatement":
                self.visit_all(statements)
            else:
                self.visit(body)
        finally:
            self.scope, self.function = saved

    # --- classes ------------------------------------------------------------------

    def visit_ClassDeclaration(self, node: Any) -> None:
        if node.id is not None:
            self.resolve(node.id)
        self.visit_class(node)

    def visit_ClassExpression(self, node: Any) -> None:
        self.visit_class(node)

    def visit_class(self, node: Any) -> None:
        """A class scope holds the inner name, %super and %fields; members are functions.

        Instance field initializers are analysed (and later compiled) as the body of a
        synthesized method run on each new object, so `this`, closures and the class
        scope mean in them what they mean in JS; static ones likewise, run on the class.
        """
        assert self.function is not None
        scope = self.new_scope("block", node, self.function)
        members = node.body.body
        derived = node.superClass is not None
        ctor = next(
            (
                m.value
                for m in members
                if m.type == "MethodDefinition" and m.kind == "constructor"
            ),
            None,
        )
        if ctor is None:
            ctor = synthesize_constructor(node, derived)
        info = ClassInfo(node, scope, ctor, derived)
        self.classes[id(node)] = info
        if node.id is not None:
            info.name_binding = self.declare(scope, node.id, Kind.CONST)
        if derived:
            info.super_binding = self.declare(scope, node, Kind.CONST, SUPER_KEY)
        fields = [m for m in members if m.type == "PropertyDefinition" and not m.static]
        statics = [m for m in members if m.type == "PropertyDefinition" and m.static]
        if fields:
            info.fields_function = synthesize_function(node)
            info.fields_binding = self.declare(scope, node.body, Kind.CONST, FIELDS_KEY)
        if statics:
            info.statics_function = synthesize_function(node)
        for index, member in enumerate(fields + statics):
            if member.computed:
                info.field_keys[id(member)] = self.declare(
                    scope, member, Kind.CONST, f"%fieldkey{index}"
                )

        def home(
            static: bool, ctor: bool = False, values: list[Any] | None = None
        ) -> Any:
            def setup(function: FunctionInfo) -> None:
                function.home = info
                function.is_static = static
                function.is_constructor = ctor
                function.field_values = [v for v in values or [] if v is not None]

            return setup

        def body() -> None:
            self.visit(node.superClass)
            for member in members:
                if member.computed:
                    self.visit(member.key)
                if member.type == "MethodDefinition" and member.kind != "constructor":
                    self.visit_function(member.value, home(bool(member.static)))
            self.visit_function(ctor, home(False, ctor=True))
            if info.fields_binding is not None:
                # The constructor calls %fields (lower_base.init_fields): a reference from it.
                self.capture_from(ctor, info.fields_binding)
            for function, group, static in (
                (info.fields_function, fields, False),
                (info.statics_function, statics, True),
            ):
                if function is None:
                    continue
                self.visit_function(
                    function, home(static, values=[f.value for f in group])
                )
                for member in group:  # the computed names they read
                    if member.computed:
                        self.capture_from(function, info.field_keys[id(member)])

        self.in_scope(scope, body)

    def capture_from(self, function_node: Any, binding: Binding) -> None:
        """Records a reference to binding from the code the compiler adds to a function."""
        saved, self.function = self.function, self.functions[id(function_node)]
        self.capture(binding)
        self.function = saved

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
        return ModuleAnalysis(
            info, self.scopes, self.functions, self.refs, self.classes, self.tdz_checks
        )

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


def super_always_called(function_node: Any) -> bool:
    """True when a constructor's body runs super(...) as a statement of its own, with no
    `return` before it: it cannot return without calling super()."""
    body = getattr(function_node, "body", None)
    if body is None or body.type != "BlockStatement":
        return False
    for statement in body.body:
        if (
            statement.type == "ExpressionStatement"
            and statement.expression.type == "CallExpression"
            and statement.expression.callee.type == "Super"
        ):
            return True
        if _has_return(statement):
            return False
    return False


def _has_return(node: Any) -> bool:
    """A return statement under node, not counting nested functions."""
    stack = [node]
    while stack:
        n = stack.pop()
        t = getattr(n, "type", None)
        if t == "ReturnStatement":
            return True
        if t in ("FunctionDeclaration", "FunctionExpression", "ArrowFunctionExpression",
                 "ClassDeclaration", "ClassExpression"):
            continue
        stack.extend(children(n))
    return False
