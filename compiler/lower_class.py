"""Lowering of classes.

A class evaluates, in its own scope (which holds the inner name, %super and %fields):

1. the heritage expression, into %super;
2. %fields, a synthesized method that sets the instance fields on `this` (the
   constructor calls it at entry, or right after super(...) in a derived class);
3. the constructor F (a function flagged FLAG_CLASS: calling it without `new` throws);
4. F.prototype, a new object whose prototype is the parent's prototype, with a hidden
   `constructor`; F's static parent (a hidden `__proto__`, which property reads on F fall
   back to) is the parent class;
5. the methods and accessors, hidden (non-enumerable, as in JS), on F.prototype or on F;
6. the inner name binding, then the static fields, set by a synthesized method run with
   this = F.

The value of the class expression is F.
"""

from __future__ import annotations

from typing import Any

from .lower_pattern import PatternLowering
from .opcodes import Op
from .scope import ClassInfo

# DEFINE_PROP operand bits (vm_c/src/internal.h DEFINE_*).
DEFINE_HIDDEN, DEFINE_GETTER, DEFINE_SETTER = 1, 2, 4


class ClassLowering(PatternLowering):
    def visit_ClassExpression(self, node: Any) -> None:
        self.class_value(node, None)

    def visit_ClassDeclaration(self, node: Any) -> None:
        self.class_value(node, None)
        self.store_binding(self.analysis.ref(node.id), node)

    def class_value(self, node: Any, name_hint: str | None) -> None:
        """Pushes the constructor of a class (declaration or expression)."""
        info = self.analysis.classes[id(node)]
        name = node.id.name if node.id is not None else name_hint
        with (
            self.open_scope(info.scope),
            self.temp_local() as ctor,
            self.temp_local() as proto,
        ):
            if info.derived:
                assert info.super_binding is not None
                self.visit(node.superClass)
                self.store_binding(info.super_binding, node)
            if info.fields_function is not None:
                assert info.fields_binding is not None
                self.function_value(info.fields_function, name)
                self.store_binding(info.fields_binding, node)
            self.function_value(info.constructor, name)
            self.emit(Op.STORE_LOCAL, ctor)
            self.emit(Op.NEW_OBJECT)
            if info.derived:
                self.load_super(info)
                self.emit(Op.GET_PROP, self.key_const("prototype"))
                self.emit(Op.SET_PROTO)
            self.emit(Op.STORE_LOCAL, proto)
            self.define(proto, "constructor", ctor, DEFINE_HIDDEN)
            self.define(ctor, "prototype", proto, DEFINE_HIDDEN)
            if info.derived:
                self.emit(Op.LOAD_LOCAL, ctor)
                self.load_super(info)
                self.emit(Op.SET_PROTO)
                self.emit(Op.POP)
            for member in node.body.body:
                with self.at_line(member):
                    if (
                        member.type == "MethodDefinition"
                        and member.kind != "constructor"
                    ):
                        self.method(member, ctor if member.static else proto)
                    elif member.type == "PropertyDefinition" and member.computed:
                        self.visit(member.key)  # evaluated once, here, in member order
                        self.store_binding(info.field_keys[id(member)], member)
            if info.name_binding is not None:
                self.emit(Op.LOAD_LOCAL, ctor)
                self.store_binding(info.name_binding, node)
            if info.statics_function is not None:
                self.function_value(info.statics_function, name)
                self.emit(Op.LOAD_LOCAL, ctor)
                self.emit(Op.CALL, 0)
                self.emit(Op.POP)
            self.emit(Op.LOAD_LOCAL, ctor)

    def load_super(self, info: ClassInfo) -> None:
        assert info.super_binding is not None
        self.load_binding(info.super_binding, info.node)

    def define(self, target: int, key: str, value: int, flags: int) -> None:
        """locals[target][key] = locals[value], defined with DEFINE_PROP flags."""
        self.emit(Op.LOAD_LOCAL, target)
        self.push_string(key)
        self.emit(Op.LOAD_LOCAL, value)
        self.emit(Op.DEFINE_PROP, flags)
        self.emit(Op.POP)

    def method(self, member: Any, target: int) -> None:
        """Defines a method or accessor (hidden) on locals[target]."""
        accessor = {"get": DEFINE_GETTER, "set": DEFINE_SETTER}.get(member.kind, 0)
        self.emit(Op.LOAD_LOCAL, target)
        name = None
        if member.computed:
            self.visit(member.key)
        else:
            name = self.static_key(member.key)
            self.push_string(name)
        self.function_value(member.value, name)
        self.emit(Op.DEFINE_PROP, DEFINE_HIDDEN | accessor)
        self.emit(Op.POP)

    def fields_body(self) -> None:
        """The body of a synthesized %fields / statics method: this[key] = value, each."""
        home = self.info.home
        assert home is not None
        static = self.info.is_static
        for member in home.node.body.body:
            if member.type != "PropertyDefinition" or bool(member.static) != static:
                continue
            with self.at_line(member):
                self.emit(Op.LOAD_THIS)
                name = None
                if member.computed:
                    self.load_binding(home.field_keys[id(member)], member)
                else:
                    name = self.static_key(member.key)
                    self.push_string(name)
                if member.value is None:
                    self.emit(Op.PUSH_UNDEFINED)
                else:
                    self.value(member.value, name)
                self.emit(Op.DEFINE_PROP, 0)
                self.emit(Op.POP)
