"""The core of the lowering pass: emission, variables, scopes, control-flow exits.

One FunctionLowering instance lowers one function body (or one module body) into an
IRFunction. The expression and statement visitors (lower_expr.py, lower_stmt.py) build
on the helpers here.

Invariant: the operand stack is empty at every statement boundary. Values that must
outlive a statement boundary (a switch discriminant, a pending return value, a caught
exception while a finally block runs) go to temporary locals instead, which keeps
break/continue/return simple: they only have to undo scopes and handlers, never stack.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from .errors import CompileError, error_at, node_position
from .ir import (
    FLAG_ARROW,
    FLAG_CLASS,
    FLAG_METHOD,
    FloatConst,
    FuncConst,
    Instr,
    IntConst,
    IRFunction,
    Label,
    StrConst,
)
from .jsnum import canonical_key
from .opcodes import ERROR_KIND_REFERENCE_ERROR, ERROR_KIND_TYPE_ERROR, Op
from .scope import (
    DEFAULT_KEY,
    Binding,
    Builtin,
    Constant,
    DirectThis,
    FunctionInfo,
    Kind,
    ModuleAnalysis,
    Ref,
    Scope,
    Undeclared,
    super_always_called,
)

# Standard globals of JavaScript that the subset does not have (docs/language.md). Using one
# is refused at compile time rather than left to throw "X is not defined" at run time; only
# `typeof X` (feature detection) still compiles, giving "undefined".
UNSUPPORTED_GLOBALS = frozenset((
    "RegExp", "Symbol", "Map", "Set", "WeakMap", "WeakSet", "WeakRef",
    "FinalizationRegistry", "Proxy", "Reflect", "Date", "BigInt", "BigInt64Array",
    "BigUint64Array", "ArrayBuffer", "SharedArrayBuffer", "DataView", "Int8Array",
    "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array", "Uint32Array",
    "Float32Array", "Float64Array", "Atomics", "Intl", "AggregateError", "EvalError",
    "URIError", "setTimeout", "setInterval", "clearTimeout", "clearInterval",
    "queueMicrotask", "structuredClone", "encodeURIComponent", "decodeURIComponent",
    "encodeURI", "decodeURI", "escape", "unescape",
))

MAX_LOCALS = 255
MAX_PARAMS = 255
MAX_SCOPE_DEPTH = 255

CONST_ASSIGNMENT = "Assignment to constant variable."


@dataclass
class ModuleContext:
    """What every function of one module needs: where it comes from and its analysis."""

    filename: str  # as shown in errors and LINES
    analysis: ModuleAnalysis


# Entries of the control stack: what a jump out of the innermost constructs must undo.
@dataclass
class ScopeExit:
    """A SCOPE_PUSH is in force: leaving needs SCOPE_POP."""


@dataclass
class HandlerExit:
    """A TRY handler is in force: leaving needs TRY_END."""


@dataclass
class FinallyExit:
    """Leaving runs this finally block, compiled in the try statement's scope."""

    block: Any
    scope: Scope


@dataclass
class JumpTarget:
    """A loop (continue_label set), a switch, or a labeled statement (labeled_only).

    `break` without a label leaves the innermost loop or switch; with a label, the
    statement carrying it; `continue` needs a loop.
    """

    break_label: Label
    continue_label: Label | None
    labels: tuple[str, ...] = ()
    labeled_only: bool = False


ControlEntry = ScopeExit | HandlerExit | FinallyExit | JumpTarget


class FunctionLowering:
    def __init__(
        self, ctx: ModuleContext, info: FunctionInfo, name: str | None
    ) -> None:
        self.ctx = ctx
        self.info = info
        self.analysis = ctx.analysis
        line, _ = node_position(info.node)
        self.ir = IRFunction(name, ctx.filename, line)
        self.line = line
        self.scope: Scope = info.scope
        self.control: list[ControlEntry] = []
        self.next_local = 0
        self.max_locals = 0
        self.async_promise = -1  # local of an async function's promise
        self.pending_labels: tuple[
            str, ...
        ] = ()  # labels of the statement being entered

    # --- emission -----------------------------------------------------------------

    def emit(self, op: Op, a: int | Label | None = None, b: int | None = None) -> None:
        self.ir.code.append(Instr(op, a, b, self.line))

    def place(self, label: Label) -> None:
        self.ir.code.append(label)

    def error(self, node: Any, message: str) -> CompileError:
        return error_at(node, self.ctx.filename, message)

    def push_string(self, text: str) -> None:
        self.emit(Op.LOAD_CONST, self.ir.const(StrConst(text)))

    def push_number(self, value: int | float) -> None:
        """value must already be normalised by jsnum.to_number."""
        if isinstance(value, int):
            if -128 <= value <= 127:
                self.emit(Op.PUSH_I8, value)
            elif -32768 <= value <= 32767:
                self.emit(Op.PUSH_I16, value)
            else:
                self.emit(Op.LOAD_CONST, self.ir.const(IntConst(value)))
        else:
            self.emit(Op.LOAD_CONST, self.ir.const(FloatConst.of(value)))

    def key_const(self, name: str) -> int:
        """Constant index of a property key in canonical form (for *_PROP operands)."""
        key = canonical_key(name)
        if isinstance(key, int):
            return self.ir.const(IntConst(key))
        return self.ir.const(StrConst(key))

    def throw_error(self, kind: int, message: str) -> None:
        self.emit(Op.THROW_ERROR, kind, self.ir.const(StrConst(message)))

    @contextmanager
    def at_line(self, node: Any) -> Iterator[None]:
        """Instructions emitted inside the with-block get node's line (for LINES)."""
        saved = self.line
        if node.loc is not None:
            self.line = int(node.loc.start.line)
        try:
            yield
        finally:
            self.line = saved

    def visit(self, node: Any) -> None:
        """Lowers a statement (stack-neutral) or an expression (pushes one value)."""
        method = getattr(self, f"visit_{node.type}", None)
        if method is None:
            # The subset check refuses these first; this is a second line of defence.
            raise self.error(node, f"{node.type} is not supported")
        with self.at_line(node):
            method(node)

    # --- locals -------------------------------------------------------------------

    def alloc_local(self) -> int:
        index = self.next_local
        self.next_local += 1
        self.max_locals = max(self.max_locals, self.next_local)
        return index

    @contextmanager
    def temp_local(self) -> Iterator[int]:
        """A local slot for the duration of a with-block (stack discipline)."""
        mark = self.next_local
        index = self.alloc_local()
        try:
            yield index
        finally:
            self.next_local = mark

    # --- variables ----------------------------------------------------------------

    def scope_depth(self, binding: Binding, node: Any) -> int:
        """How many SCOPE parents LOAD_SCOPED walks from here to reach binding's scope.

        The run-time scope chain is exactly the materialized lexical scopes around the
        current point (closures capture the chain where they are created), so the
        depth is a count of materialized scopes passed on the lexical chain.
        """
        depth = 0
        scope: Scope | None = self.scope
        while scope is not binding.scope:
            assert scope is not None, "binding is not in scope"
            if scope.materialized:
                depth += 1
            scope = scope.parent
        if depth > MAX_SCOPE_DEPTH:
            raise self.error(node, "closures are nested too deeply")
        return depth

    def load_binding(self, binding: Binding, node: Any) -> None:
        if binding.is_global:
            assert binding.global_slot is not None, f"unlinked global {binding.name}"
            self.emit(Op.LOAD_GLOBAL, binding.global_slot)
        elif binding.captured:
            self.emit(
                Op.LOAD_SCOPED, self.scope_depth(binding, node), binding.scope_slot
            )
        elif binding.kind is Kind.PARAM and binding.arg_index >= 0:
            self.emit(Op.LOAD_ARG, binding.arg_index)
        elif binding.kind is Kind.CALLEE:
            self.emit(Op.LOAD_CALLEE)
        else:
            assert binding.local_index >= 0, f"no local for {binding.name}"
            self.emit(Op.LOAD_LOCAL, binding.local_index)

    def store_binding(self, binding: Binding, node: Any) -> None:
        """Pops the value into binding, ignoring const-ness (declarations use this)."""
        if binding.is_global:
            assert binding.global_slot is not None, f"unlinked global {binding.name}"
            self.emit(Op.STORE_GLOBAL, binding.global_slot)
        elif binding.captured:
            self.emit(
                Op.STORE_SCOPED, self.scope_depth(binding, node), binding.scope_slot
            )
        elif binding.kind is Kind.PARAM and binding.arg_index >= 0:
            self.emit(Op.STORE_ARG, binding.arg_index)
        else:
            assert binding.kind is not Kind.CALLEE and binding.local_index >= 0
            self.emit(Op.STORE_LOCAL, binding.local_index)

    def load_ref(self, ref: Ref, node: Any) -> None:
        if isinstance(ref, Binding):
            self.load_binding(ref, node)
            if ref.tdz and id(node) in self.analysis.tdz_checks:
                self.check_initialized(ref.name)
            if ref.kind is Kind.THIS and ref.scope.function.is_derived_constructor:
                self.check_this_initialized()
        elif isinstance(ref, Builtin):
            self.emit(Op.LOAD_BUILTIN, ref.index)
        elif isinstance(ref, Constant):
            if ref.name == "undefined":
                self.emit(Op.PUSH_UNDEFINED)
            else:
                self.push_number(math.nan if ref.name == "NaN" else math.inf)
        elif isinstance(ref, DirectThis):
            self.emit(Op.LOAD_THIS)
        elif ref.name in UNSUPPORTED_GLOBALS:
            raise self.error(node, f"{ref.name} is not supported (outside the subset)")
        else:
            self.throw_error(ERROR_KIND_REFERENCE_ERROR, f"{ref.name} is not defined")

    def derived_return_check(self) -> None:
        """A derived constructor returning undefined (explicitly or by falling off its end)
        must have called super(): else ReferenceError, as in JS. The value stays on the stack."""
        this_binding = self.info.this_binding
        if super_always_called(self.info.node):
            return
        done = Label("derived_return_ok")
        self.emit(Op.DUP)
        self.emit(Op.PUSH_UNDEFINED)
        self.emit(Op.STRICT_EQ)
        self.emit(Op.JUMP_IF_FALSE, done)
        if this_binding is None:  # no super() anywhere in the constructor
            self.throw_error(
                ERROR_KIND_REFERENCE_ERROR,
                "Must call super constructor in derived class before accessing 'this' or "
                "returning from derived constructor",
            )
        else:
            self.load_binding(this_binding, self.info.node)
            self.check_this_initialized()
            self.emit(Op.POP)
        self.place(done)

    def check_initialized(self, name: str) -> None:
        """Throws ReferenceError if the let/const/class value on the stack is the TDZ
        marker (HOLE): the reference ran before the declaration (scope.may_precede_init)."""
        ok = Label("tdz_ok")
        self.emit(Op.DUP)
        self.emit(Op.PUSH_HOLE)
        self.emit(Op.STRICT_EQ)
        self.emit(Op.JUMP_IF_FALSE, ok)
        self.throw_error(
            ERROR_KIND_REFERENCE_ERROR, f"Cannot access '{name}' before initialization"
        )
        self.place(ok)

    def check_this_initialized(self) -> None:
        """Throws ReferenceError if the `this` on the stack is the TDZ marker (HOLE)."""
        ok = Label("this_ok")
        self.emit(Op.DUP)
        self.emit(Op.PUSH_HOLE)
        self.emit(Op.STRICT_EQ)
        self.emit(Op.JUMP_IF_FALSE, ok)
        self.throw_error(
            ERROR_KIND_REFERENCE_ERROR,
            "Must call super constructor in derived class before accessing 'this' or "
            "returning from derived constructor",
        )
        self.place(ok)

    def assign_ref(self, ref: Ref, node: Any, want: bool) -> None:
        """Stores the value on top of the stack into ref; keeps a copy if want."""
        if isinstance(ref, Binding):
            if ref.tdz and id(node) in self.analysis.tdz_checks:
                self.load_binding(ref, node)  # assigning in the TDZ throws too
                self.check_initialized(ref.name)
                self.emit(Op.POP)
            if ref.immutable:
                self.throw_error(ERROR_KIND_TYPE_ERROR, CONST_ASSIGNMENT)
                return
            if want:
                self.emit(Op.DUP)
            self.store_binding(ref, node)
        elif isinstance(ref, Undeclared):
            raise self.error(node, f"assignment to undeclared variable '{ref.name}'")
        else:
            raise self.error(node, f"cannot assign to '{node.name}'")

    # --- scopes -------------------------------------------------------------------

    @contextmanager
    def open_scope(self, scope: Scope | None) -> Iterator[None]:
        """Enters scope: locals for its plain bindings, SCOPE_PUSH if materialized.

        Hoisted function declarations are created by the caller (hoist_functions) once
        anything else the scope needs at entry is in place.
        """
        if scope is None:
            yield
            return
        mark = self.next_local
        saved_scope = self.scope
        for binding in scope.bindings.values():
            if not (
                binding.captured
                or binding.is_global
                or binding.kind is Kind.CALLEE
                or (binding.kind is Kind.PARAM and binding.arg_index >= 0)
            ):
                binding.local_index = self.alloc_local()
        if scope.materialized:
            self.emit(Op.SCOPE_PUSH, scope.slot_count)
            self.control.append(ScopeExit())
        self.scope = scope
        for binding in scope.bindings.values():
            if binding.tdz and not binding.is_global:  # in its TDZ until declared
                self.emit(Op.PUSH_HOLE)
                self.store_binding(binding, scope.node)
        yield
        if scope.materialized:
            popped = self.control.pop()
            assert isinstance(popped, ScopeExit)
            self.emit(Op.SCOPE_POP)
        self.scope = saved_scope
        self.next_local = mark

    def hoist_functions(self, scope: Scope | None) -> None:
        if scope is None:
            return
        for node in scope.hoisted:
            name = node.id.name if node.id is not None else "default"
            binding = scope.bindings[
                node.id.name if node.id is not None else DEFAULT_KEY
            ]
            self.function_value(node, name)
            self.store_binding(binding, node)

    # --- functions ----------------------------------------------------------------

    def function_value(self, node: Any, name_hint: str | None) -> None:
        """Pushes a function value for a function node (ROM function or closure)."""
        info = self.analysis.functions[id(node)]
        name = node.id.name if node.id is not None else name_hint
        nested = type(self)(self.ctx, info, name)
        ir = nested.lower_function()
        index = self.ir.const(FuncConst(ir))
        self.emit(Op.MAKE_CLOSURE if info.needs_closure else Op.LOAD_CONST, index)

    def lower_function(self) -> IRFunction:
        node = self.info.node
        params = node.params
        has_rest = bool(params) and params[-1].type == "RestElement"
        # The rest parameter is not an argument slot: REST collects what lies past the others.
        self.ir.nparams = len(params) - (1 if has_rest else 0)
        if self.ir.nparams > MAX_PARAMS:
            raise self.error(node, "too many parameters")
        if self.info.is_arrow:
            self.ir.flags |= FLAG_ARROW
        if self.info.is_constructor:
            self.ir.flags |= FLAG_CLASS
        elif self.info.is_method or self.info.is_async or self.info.home is not None:
            self.ir.flags |= FLAG_METHOD
        self.ir.length = next(
            (
                i
                for i, p in enumerate(params)
                if p.type in ("AssignmentPattern", "RestElement")
            ),
            len(params),
        )
        scope = self.info.scope
        rejected = Label("async_rejected")
        if self.info.is_async:
            # The VM's convention: an async function's promise is local 0. Everything,
            # parameter defaults included, runs under a handler that rejects it.
            self.async_promise = self.alloc_local()
            assert self.async_promise == 0
            self.emit(Op.ASYNC_START)
            self.emit(Op.STORE_LOCAL, self.async_promise)
            self.emit(Op.TRY, rejected)
        with self.open_scope(scope):
            # A captured parameter, `this` or function name lives in the scope: copy it
            # there before any code (or hoisted closure) can read it.
            for binding in scope.bindings.values():
                if not binding.captured:
                    continue
                if binding.kind is Kind.PARAM and binding.arg_index >= 0:
                    self.emit(Op.LOAD_ARG, binding.arg_index)
                elif binding.kind is Kind.THIS and not self.info.is_derived_constructor:
                    self.emit(Op.LOAD_THIS)
                elif binding.kind is Kind.CALLEE:
                    self.emit(Op.LOAD_CALLEE)
                else:
                    continue
                self.emit(Op.STORE_SCOPED, 0, binding.scope_slot)
            this_binding = self.info.this_binding
            if self.info.is_derived_constructor and this_binding is not None:
                self.emit(Op.PUSH_HOLE)  # no `this` before super(...)
                self.store_binding(this_binding, node)
            self.hoist_functions(scope)
            home = self.info.home
            if self.info.is_constructor and home is not None and not home.derived:
                self.init_fields(home)  # a derived class does it after super()
            self.parameters(params)
            if home is not None and any(
                node is f for f in (home.fields_function, home.statics_function)
            ):
                self.fields_body()
            body = node.body
            if body.type == "BlockStatement":
                for statement in body.body:
                    self.visit(statement)
                if not self.ends_in_exit():
                    self.line = self.end_line(body)
                    self.emit(Op.PUSH_UNDEFINED)
                    self.emit_return()
            else:
                self.visit(body)
                self.emit_return()
        if self.info.is_async:
            self.place(rejected)  # the exception is on the stack
            self.emit(Op.LOAD_LOCAL, self.async_promise)
            self.emit(Op.SWAP)
            self.emit(Op.ASYNC_SETTLE, 1)
            self.emit(Op.RETURN)
        return self.finish(node)

    def emit_return(self) -> None:
        """Returns the value on the stack; an async function resolves its promise with it."""
        if self.info.is_derived_constructor:
            self.derived_return_check()
        if self.info.is_async:
            self.emit(Op.LOAD_LOCAL, self.async_promise)
            self.emit(Op.SWAP)
            self.emit(Op.ASYNC_SETTLE, 0)
        self.emit(Op.RETURN)

    def parameters(self, params: list[Any]) -> None:
        """Defaults, patterns and the rest parameter, in order (plain ones need nothing)."""
        for index, param in enumerate(params):
            with self.at_line(param):
                if param.type == "RestElement":
                    self.emit(Op.REST, index)
                    self.bind_pattern(param.argument, declare=True)
                    return
                target, default = param, None
                if param.type == "AssignmentPattern":
                    target, default = param.left, param.right
                if target.type == "Identifier" and default is None:
                    continue
                if target.type == "Identifier":
                    self.load_ref(self.analysis.ref(target), target)
                else:
                    self.emit(Op.LOAD_ARG, index)
                if default is not None:
                    self.apply_default(default, target)
                self.bind_pattern(target, declare=True)

    def init_fields(self, home: Any) -> None:
        """Runs the class's instance field initializers on `this` (the %fields method)."""
        if home.fields_binding is None:
            return
        self.load_binding(home.fields_binding, home.node)
        self.emit(Op.LOAD_THIS)
        self.emit(Op.CALL, 0)
        self.emit(Op.POP)

    def ends_in_exit(self) -> bool:
        """True when the code so far cannot fall through its end (a final return)."""
        code = self.ir.code
        return (
            bool(code)
            and isinstance(code[-1], Instr)
            and code[-1].op in (Op.RETURN, Op.THROW)
        )

    def end_line(self, node: Any) -> int:
        loc = node.loc
        return int(loc.end.line) if loc is not None else self.line

    def finish(self, node: Any) -> IRFunction:
        if self.max_locals > MAX_LOCALS:
            raise self.error(node, "too many local variables in one function")
        self.ir.nlocals = self.max_locals
        return self.ir

    # --- control flow -------------------------------------------------------------

    def unwind(self, down_to: int) -> None:
        """Emits what leaving control entries [down_to:] needs, innermost first."""
        for index in range(len(self.control) - 1, down_to - 1, -1):
            entry = self.control[index]
            if isinstance(entry, ScopeExit):
                self.emit(Op.SCOPE_POP)
            elif isinstance(entry, HandlerExit):
                self.emit(Op.TRY_END)
            elif isinstance(entry, FinallyExit):
                self.inline_finally(entry, index)

    def inline_finally(self, entry: FinallyExit, index: int) -> None:
        """Compiles a finally block as if it stood right after its try statement."""
        saved_control, saved_scope = self.control, self.scope
        self.control = saved_control[:index]
        self.scope = entry.scope
        try:
            self.visit(entry.block)
        finally:
            self.control, self.scope = saved_control, saved_scope
