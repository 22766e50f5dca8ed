"""Lowering of destructuring: binding a value to a pattern.

A pattern consumes the value on top of the stack. The same code serves declarations
(`const {a} = o`, parameters, for-of heads, catch parameters: stores ignore const-ness)
and assignments (`[a, b] = [b, a]`: a const target throws, member targets are stored).

- Object patterns read each key with GET_PROP/GET_ELEM; a rest element copies the
  source's own enumerable properties (OBJECT_SPREAD into a new object) and deletes the
  keys already taken.
- Array patterns step through the value with ITER_NEXT (arrays by index, strings by code
  point), the iterable and the index kept in temporary locals; a rest element takes the
  remaining values with ITER_REST.
- A default applies when the value is undefined (not null), as in JS.
"""

from __future__ import annotations

from contextlib import ExitStack
from typing import Any

from .ir import Label
from .lower_base import FunctionLowering
from .opcodes import Op
from .scope import Binding


class PatternLowering(FunctionLowering):
    def bind_pattern(self, target: Any, declare: bool) -> None:
        """Pops the value on the stack into target (an identifier, member or pattern)."""
        kind = target.type
        if kind == "Identifier":
            ref = self.analysis.ref(target)
            if declare:
                assert isinstance(ref, Binding)
                self.store_binding(ref, target)
            else:
                self.assign_ref(ref, target, want=False)
        elif kind == "MemberExpression":
            self.member_target(target)
        elif kind == "AssignmentPattern":
            self.apply_default(target.right, target.left)
            self.bind_pattern(target.left, declare)
        elif kind == "ObjectPattern":
            self.object_pattern(target, declare)
        elif kind == "ArrayPattern":
            self.array_pattern(target, declare)
        else:
            raise self.error(target, f"invalid destructuring target: {kind}")

    def apply_default(self, default: Any, target: Any) -> None:
        """Replaces the value on the stack by default's value if it is undefined."""
        keep = Label("keep")
        self.emit(Op.DUP)
        self.emit(Op.PUSH_UNDEFINED)
        self.emit(Op.STRICT_EQ)
        self.emit(Op.JUMP_IF_FALSE, keep)
        self.emit(Op.POP)
        hint = target.name if target.type == "Identifier" else None
        self.value(default, hint)
        self.place(keep)

    def member_target(self, target: Any) -> None:
        """`[o.x] = ...`: stores the value on the stack into a member expression."""
        if target.object.type == "Super":
            raise self.error(target, "assignment to super properties is not supported")
        with self.temp_local() as value:
            self.emit(Op.STORE_LOCAL, value)
            self.visit(target.object)
            computed = self.member_store_key(target)
            self.emit(Op.LOAD_LOCAL, value)
            self.set_member(target, computed)
            self.emit(Op.POP)

    def object_pattern(self, pattern: Any, declare: bool) -> None:
        with ExitStack() as stack:
            source = stack.enter_context(self.temp_local())
            self.emit(Op.STORE_LOCAL, source)
            taken: list[tuple[str, int | str]] = []  # keys a rest element leaves out
            has_rest = any(p.type == "RestElement" for p in pattern.properties)
            for prop in pattern.properties:
                with self.at_line(prop):
                    if prop.type == "RestElement":
                        self.object_rest(source, taken)
                        self.bind_pattern(prop.argument, declare)
                        continue
                    self.emit(Op.LOAD_LOCAL, source)
                    if prop.computed:
                        self.visit(prop.key)
                        if has_rest:
                            key_local = stack.enter_context(self.temp_local())
                            self.emit(Op.DUP)
                            self.emit(Op.STORE_LOCAL, key_local)
                            taken.append(("local", key_local))
                        self.emit(Op.GET_ELEM)
                    else:
                        name = self.static_key(prop.key)
                        self.emit(Op.GET_PROP, self.key_const(name))
                        taken.append(("const", name))
                    self.bind_pattern(prop.value, declare)

    def object_rest(self, source: int, taken: list[tuple[str, int | str]]) -> None:
        """Pushes a copy of the source's own enumerable properties minus the taken keys."""
        self.emit(Op.NEW_OBJECT)
        self.emit(Op.LOAD_LOCAL, source)
        self.emit(Op.OBJECT_SPREAD)
        for how, key in taken:
            self.emit(Op.DUP)
            if how == "local":
                assert isinstance(key, int)
                self.emit(Op.LOAD_LOCAL, key)
            else:
                assert isinstance(key, str)
                self.emit(Op.LOAD_CONST, self.key_const(key))
            self.emit(Op.DELETE_ELEM)
            self.emit(Op.POP)

    def array_pattern(self, pattern: Any, declare: bool) -> None:
        with self.temp_local() as iterable, self.temp_local() as index:
            self.emit(Op.STORE_LOCAL, iterable)
            self.emit(Op.PUSH_I8, 0)
            self.emit(Op.STORE_LOCAL, index)
            for element in pattern.elements:
                self.emit(Op.LOAD_LOCAL, iterable)
                self.emit(Op.LOAD_LOCAL, index)
                if element is not None and element.type == "RestElement":
                    with self.at_line(element):
                        self.emit(Op.ITER_REST)
                        self.bind_pattern(element.argument, declare)
                    return
                self.emit(Op.ITER_NEXT)  # -> value next done
                self.emit(Op.POP)  # done: past the end the value is undefined anyway
                self.emit(Op.STORE_LOCAL, index)
                if element is None:  # an elision skips one value
                    self.emit(Op.POP)
                else:
                    with self.at_line(element):
                        self.bind_pattern(element, declare)
