"""Lowering of expressions: each visit_<Type> pushes exactly one value.

Stack layouts worth knowing (see docs/internals.md section 4):
- a call pushes `f this args...` then CALL n; a method call `o.m(x)` is
  `o DUP GET_PROP m SWAP x CALL 1`, so `this` is the object;
- member stores leave the stored value (`o v SET_PROP k -> v`), which is the value of
  an assignment expression.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

from .ir import KeysConst, Label
from .jsnum import canonical_key, number_to_string, to_number
from .lower_class import DEFINE_GETTER, DEFINE_SETTER, ClassLowering
from .opcodes import Op
from .scope import Binding, Undeclared

MAX_ARGS = 255
# Array literals push at most this many elements before NEW_ARRAY and APPEND the rest,
# so a long literal does not make the function's max_stack long too.
ARRAY_CHUNK = 64
# NEW_OBJECT_KEYS makes literals of at most this many properties (an OBJECT holding its values
# inline has at most 508 bytes: vm_c/src/value.h OBJECT_INLINE_MAX).
OBJECT_KEYS_MAX = 124

BINARY_OPS: dict[str, Op] = {
    "+": Op.ADD,
    "-": Op.SUB,
    "*": Op.MUL,
    "/": Op.DIV,
    "%": Op.MOD,
    "**": Op.POW,
    "&": Op.BIT_AND,
    "|": Op.BIT_OR,
    "^": Op.BIT_XOR,
    "<<": Op.SHL,
    ">>": Op.SHR,
    ">>>": Op.USHR,
    "===": Op.STRICT_EQ,
    "!==": Op.STRICT_NE,
    "==": Op.EQ,
    "!=": Op.NE,
    "<": Op.LT,
    "<=": Op.LE,
    ">": Op.GT,
    ">=": Op.GE,
    "in": Op.IN,
    "instanceof": Op.INSTANCEOF,
}

LOGICAL_ASSIGN = ("&&=", "||=", "??=")

# CALL_ARRAY modes.
CALL_PLAIN, CALL_NEW, CALL_SUPER = 0, 1, 2
# The global slots of the prelude's __mvm_bind and __mvm_bind_of (prelude_bind.js), set by
# program.py for each compilation (None when the program never mentions `bind`). Per thread:
# the slots differ between programs (the prelude's console comes before them only in some),
# and programs may be compiled in several threads at once.
_bind_helpers = threading.local()


def set_bind_helpers(slot: int | None, of_slot: int | None) -> None:
    _bind_helpers.slots = {"slot": slot, "of_slot": of_slot}


def bind_helper(key: str) -> int | None:
    return getattr(_bind_helpers, "slots", {}).get(key)


@dataclass
class Chain:
    """An optional chain being lowered: where each `?.` short-circuits to.

    Each exit is (label, extra): at the label the tested value and `extra` more values
    of the chain are on the stack and must be dropped before the chain's result.
    """

    exits: list[tuple[Label, int]] = field(default_factory=list)


def is_anonymous_function(node: Any) -> bool:
    return (
        node.type in ("FunctionExpression", "ArrowFunctionExpression")
        and node.id is None
    )


def literal_truth(node: Any) -> bool | None:
    """The truthiness of a literal condition (while (true)), or None if not constant."""
    if node.type != "Literal" or node.regex is not None:
        return None
    value = node.value
    if isinstance(value, float) and value != value:
        return False
    return bool(value)


class ExpressionLowering(ClassLowering):
    chain: Chain | None = None

    def value(self, node: Any, name_hint: str | None = None) -> None:
        """Pushes node's value; an anonymous function or class gets name_hint as its
        name."""
        if name_hint is not None and is_anonymous_function(node):
            with self.at_line(node):
                self.function_value(node, name_hint)
        elif (
            name_hint is not None and node.type == "ClassExpression" and node.id is None
        ):
            with self.at_line(node):
                self.class_value(node, name_hint)
        else:
            self.visit(node)

    def effect(self, node: Any) -> None:
        """Evaluates node for its side effects only."""
        if node.type in ("AssignmentExpression", "UpdateExpression"):
            with self.at_line(node):
                if node.type == "AssignmentExpression":
                    self.assignment(node, want=False)
                else:
                    self.update(node, want=False)
        else:
            self.visit(node)
            self.emit(Op.POP)

    def branch(self, node: Any, target: Label, when: bool) -> None:
        """Jumps to target if node's truthiness equals when; falls through otherwise."""
        if node.type == "LogicalExpression" and node.operator in ("&&", "||"):
            # a && b is false if either is false; a || b is true if either is true.
            short = node.operator == "||"
            if when == short:
                self.branch(node.left, target, when)
                self.branch(node.right, target, when)
            else:
                skip = Label("skip")
                self.branch(node.left, skip, not when)
                self.branch(node.right, target, when)
                self.place(skip)
            return
        if node.type == "UnaryExpression" and node.operator == "!":
            self.branch(node.argument, target, not when)
            return
        truth = literal_truth(node)
        if truth is not None:
            if truth == when:
                self.emit(Op.JUMP, target)
            return
        self.visit(node)
        self.emit(Op.JUMP_IF_TRUE if when else Op.JUMP_IF_FALSE, target)

    # --- primaries ----------------------------------------------------------------

    def visit_Literal(self, node: Any) -> None:
        value = node.value
        if value is None:
            self.emit(Op.PUSH_NULL)
        elif isinstance(value, bool):
            self.emit(Op.PUSH_TRUE if value else Op.PUSH_FALSE)
        elif isinstance(value, str):
            self.push_string(value)
        else:
            self.push_number(to_number(value))

    def visit_Identifier(self, node: Any) -> None:
        self.load_ref(self.analysis.ref(node), node)

    def visit_ThisExpression(self, node: Any) -> None:
        self.load_ref(self.analysis.ref(node), node)

    def visit_TemplateLiteral(self, node: Any) -> None:
        started = False
        quasis, expressions = node.quasis, node.expressions
        for index, quasi in enumerate(quasis):
            text = quasi.value.cooked
            if text:
                self.push_string(text)
                if started:
                    self.emit(Op.ADD)
                started = True
            if index < len(expressions):
                self.visit(expressions[index])
                self.emit(Op.TO_STRING)
                if started:
                    self.emit(Op.ADD)
                started = True
        if not started:
            self.push_string("")

    def visit_FunctionExpression(self, node: Any) -> None:
        self.function_value(node, None)

    def visit_ArrowFunctionExpression(self, node: Any) -> None:
        self.function_value(node, None)

    def visit_ArrayExpression(self, node: Any) -> None:
        self.array_of(node.elements)

    def array_of(self, elements: list[Any]) -> None:
        """Pushes a new array of elements (which may be holes or spread elements)."""
        first = next(
            (
                i
                for i, e in enumerate(elements)
                if e is not None and e.type == "SpreadElement"
            ),
            len(elements),
        )
        head = min(first, ARRAY_CHUNK)
        for element in elements[:head]:
            self.array_element(element)
        self.emit(Op.NEW_ARRAY, head)
        for element in elements[head:]:
            if element is not None and element.type == "SpreadElement":
                with self.at_line(element):
                    self.visit(element.argument)
                    self.emit(Op.APPEND_SPREAD)
            else:
                self.array_element(element)
                self.emit(Op.APPEND)

    def array_element(self, element: Any) -> None:
        if element is None:
            self.emit(Op.PUSH_HOLE)
        else:
            self.visit(element)

    def visit_ObjectExpression(self, node: Any) -> None:
        names = self.plain_names(node)
        if names:
            # The values first, then the object in one step (no PROPS, no INIT_PROP each): it
            # cannot be seen before the literal ends, so the order of effects is the same.
            for prop, name in zip(node.properties, names):
                with self.at_line(prop):
                    self.value(prop.value, name)
            self.emit(Op.NEW_OBJECT_KEYS, len(names), self.ir.const(KeysConst(tuple(names))))
            return
        self.emit(Op.NEW_OBJECT)
        for prop in node.properties:
            with self.at_line(prop):
                self.object_property(prop)

    def plain_names(self, node: Any) -> list[str] | None:
        """The property names of an object literal NEW_OBJECT_KEYS can make, in order: each a
        plain `name: value` (or shorthand) whose name is no array index, none repeated, no
        __proto__; else None."""
        names: list[str] = []
        for prop in node.properties:
            if prop.type != "Property" or prop.computed or prop.kind != "init" or prop.method:
                return None
            key = canonical_key(self.static_key(prop.key))
            if not isinstance(key, str) or key == "__proto__" or key in names:
                return None
            names.append(key)
        return names if 0 < len(names) <= OBJECT_KEYS_MAX else None

    def object_property(self, prop: Any) -> None:
        """With the object on the stack, adds one property of its literal."""
        if prop.type == "SpreadElement":
            self.visit(prop.argument)
            self.emit(Op.OBJECT_SPREAD)
            return
        accessor = {"get": DEFINE_GETTER, "set": DEFINE_SETTER}.get(prop.kind, 0)
        name = None if prop.computed else self.static_key(prop.key)
        if accessor or prop.computed:
            self.emit(Op.DUP)
            if prop.computed:
                self.visit(prop.key)
            else:
                assert name is not None
                self.push_string(name)
            self.value(prop.value, name)
            self.emit(Op.DEFINE_PROP, accessor)
            self.emit(Op.POP)
        elif name == "__proto__" and not prop.shorthand and not prop.method:
            self.visit(prop.value)  # {__proto__: p} sets the prototype
            self.emit(Op.SET_PROTO)
        else:
            assert name is not None
            self.value(prop.value, name)
            self.emit(Op.INIT_PROP, self.key_const(name))

    def static_key(self, key: Any) -> str:
        """The property name of a non-computed key: identifier, string or number."""
        if key.type == "Identifier":
            return str(key.name)
        value = key.value
        if isinstance(value, str):
            return value
        number = to_number(value)
        return str(number) if isinstance(number, int) else number_to_string(number)

    # --- operators ----------------------------------------------------------------

    def visit_UnaryExpression(self, node: Any) -> None:
        op, argument = node.operator, node.argument
        if (
            op == "-"
            and argument.type == "Literal"
            and isinstance(argument.value, (int, float))
            and not isinstance(argument.value, bool)
        ):
            # Folding keeps -1 a PUSH_I8 and makes -0 the float it must be.
            self.push_number(
                to_number(
                    -float(argument.value) if argument.value == 0 else -argument.value
                )
            )
        elif (
            op == "typeof"
            and argument.type == "Identifier"
            and isinstance(self.analysis.ref(argument), Undeclared)
        ):
            self.push_string("undefined")  # typeof of an undeclared name does not throw
        elif op == "delete":
            self.delete(argument)
        elif op == "void":
            if argument.type != "Literal":
                self.visit(argument)
                self.emit(Op.POP)
            self.emit(Op.PUSH_UNDEFINED)
        else:
            self.visit(argument)
            self.emit(
                {
                    "-": Op.NEG,
                    "+": Op.TO_NUMBER,
                    "!": Op.NOT,
                    "~": Op.BIT_NOT,
                    "typeof": Op.TYPEOF,
                }[op]
            )

    def delete(self, argument: Any) -> None:
        if argument.type == "MemberExpression":
            self.visit(argument.object)
            self.push_key(argument)
            self.emit(Op.DELETE_ELEM)
        elif (
            argument.type == "ChainExpression"
            and argument.expression.type == "MemberExpression"
        ):

            def body(member: Any) -> None:
                self.visit(member.object)
                if member.optional:
                    self.optional_check(0)
                self.push_key(member)
                self.emit(Op.DELETE_ELEM)

            self.chain_expression(argument, Op.PUSH_TRUE, body)
        else:
            self.visit(argument)
            self.emit(Op.POP)
            self.emit(Op.PUSH_TRUE)

    def push_key(self, member: Any) -> None:
        """Pushes a member expression's key as a value (for GET_ELEM-like opcodes)."""
        if member.computed:
            self.visit(member.property)
        else:
            self.emit(Op.LOAD_CONST, self.key_const(member.property.name))

    def visit_BinaryExpression(self, node: Any) -> None:
        self.visit(node.left)
        self.visit(node.right)
        self.emit(BINARY_OPS[node.operator])

    def visit_LogicalExpression(self, node: Any) -> None:
        end = Label("end")
        self.visit(node.left)
        self.emit(Op.DUP)
        if node.operator == "??":
            rhs = Label("rhs")
            self.emit(Op.JUMP_IF_NULLISH, rhs)
            self.emit(Op.JUMP, end)
            self.place(rhs)
        else:
            self.emit(
                Op.JUMP_IF_FALSE if node.operator == "&&" else Op.JUMP_IF_TRUE, end
            )
        self.emit(Op.POP)
        self.visit(node.right)
        self.place(end)

    def visit_ConditionalExpression(self, node: Any) -> None:
        otherwise, end = Label("else"), Label("end")
        self.branch(node.test, otherwise, False)
        self.visit(node.consequent)
        self.emit(Op.JUMP, end)
        self.place(otherwise)
        self.visit(node.alternate)
        self.place(end)

    def visit_SequenceExpression(self, node: Any) -> None:
        *init, last = node.expressions
        for expression in init:
            self.effect(expression)
        self.visit(last)

    # --- members and calls --------------------------------------------------------

    def get_member(self, member: Any) -> None:
        """With the object on the stack, replaces it by object[key]."""
        prop = member.property
        if not member.computed and prop.name == "bind" and bind_helper("of_slot") is not None:
            # obj.bind read as a value -> __mvm_bind_of(obj) (prelude_bind.js). Computed
            # reads (obj['bind']) stay plain: the helpers read the real property that way.
            self.emit(Op.LOAD_GLOBAL, bind_helper("of_slot"))
            self.emit(Op.SWAP)
            self.emit(Op.PUSH_UNDEFINED)
            self.emit(Op.SWAP)
            self.emit(Op.CALL, 1)
        elif not member.computed:
            self.emit(Op.GET_PROP, self.key_const(prop.name))
        elif prop.type == "Literal" and isinstance(prop.value, str):
            self.emit(Op.GET_PROP, self.key_const(prop.value))
        else:
            self.visit(prop)
            self.emit(Op.GET_ELEM)

    def visit_MemberExpression(self, node: Any) -> None:
        if node.object.type == "Super":
            self.super_member(node)
            return
        self.visit(node.object)
        if node.optional:
            self.optional_check(0)
        self.get_member(node)

    def super_member(self, node: Any) -> None:
        """super.x: looked up on the parent's side, with this object as the receiver."""
        self.super_home(node.object)
        self.push_key(node)
        self.load_ref(self.analysis.ref(node), node)
        self.emit(Op.GET_SUPER)

    def visit_Super(self, node: Any) -> None:
        raise self.error(node, "'super' keyword unexpected here")

    def visit_CallExpression(self, node: Any) -> None:
        callee = node.callee
        if (
            callee.type == "MemberExpression"
            and not callee.computed
            and callee.property.name == "bind"
            and callee.object.type != "Super"
            and not callee.optional
            and not node.optional
            and bind_helper("slot") is not None
        ):
            # X.bind(...) -> __mvm_bind(X, ...) (prelude.js): functions have no `bind`
            # property in the VM, so only direct calls are supported.
            self.emit(Op.LOAD_GLOBAL, bind_helper("slot"))
            self.emit(Op.PUSH_UNDEFINED)
            self.call_with_arguments(
                SimpleNamespace(
                    arguments=[callee.object, *node.arguments], loc=node.loc, type=node.type
                ),
                CALL_PLAIN,
            )
            return
        if callee.type == "Super":
            self.super_call(node)
            return
        if callee.type == "MemberExpression" and callee.object.type == "Super":
            # super.m(...): the parent's method, called on this object
            self.super_member(callee)
            self.load_ref(self.analysis.ref(callee), callee)
        elif callee.type == "MemberExpression":
            self.visit(callee.object)
            if callee.optional:
                self.optional_check(0)
            self.emit(Op.DUP)
            self.get_member(callee)
            if node.optional:
                self.optional_check(1)
            self.emit(Op.SWAP)
        else:
            self.visit(callee)
            if node.optional:
                self.optional_check(0)
            self.emit(Op.PUSH_UNDEFINED)
        self.call_with_arguments(node, CALL_PLAIN)

    def visit_NewExpression(self, node: Any) -> None:
        self.visit(node.callee)
        self.emit(Op.PUSH_UNDEFINED)  # the slot NEW fills with the new object
        self.call_with_arguments(node, CALL_NEW)

    def call_with_arguments(self, node: Any, mode: int) -> None:
        """With `f this` on the stack: pushes the arguments and calls (CALL, NEW,
        SUPER_CALL), or with spread arguments, builds an array and uses CALL_ARRAY."""
        args = node.arguments
        if any(a.type == "SpreadElement" for a in args):
            self.array_of(args)
            self.emit(Op.CALL_ARRAY, mode)
            return
        if len(args) > MAX_ARGS:
            raise self.error(node, "too many arguments in one call")
        for argument in args:
            self.visit(argument)
        op = {CALL_PLAIN: Op.CALL, CALL_NEW: Op.NEW, CALL_SUPER: Op.SUPER_CALL}[mode]
        self.emit(op, len(args))

    def super_home(self, node: Any) -> None:
        """Pushes where super.x looks: the parent's prototype, or in a static method the
        parent class itself."""
        ref = self.analysis.ref(node)
        assert isinstance(ref, Binding)
        self.load_binding(ref, node)
        owner = self.info
        while owner.is_arrow and owner.parent is not None:
            owner = owner.parent
        if not owner.is_static:
            self.emit(Op.GET_PROP, self.key_const("prototype"))

    def super_call(self, node: Any) -> None:
        """super(...): the parent constructor initialises this object; then the fields."""
        if self.info.is_arrow:
            raise self.error(node, "super() in an arrow function is not supported")
        ref = self.analysis.ref(node.callee)
        assert isinstance(ref, Binding)
        self.load_binding(ref, node.callee)
        self.emit(Op.LOAD_THIS)
        self.call_with_arguments(node, CALL_SUPER)
        # The parent may have returned another object (a builtin like Error always does):
        # it becomes `this`, also for arrow functions that captured `this` at entry.
        self.emit(Op.DUP)
        self.emit(Op.STORE_THIS)
        this_binding = self.info.this_binding
        if this_binding is not None:
            self.emit(Op.DUP)
            self.store_binding(this_binding, node)
        if self.info.home is not None:
            self.init_fields(self.info.home)

    def visit_AwaitExpression(self, node: Any) -> None:
        ok = Label("await_ok")
        self.visit(node.argument)
        self.emit(Op.AWAIT)  # -> result threw
        self.emit(Op.JUMP_IF_FALSE, ok)
        self.emit(Op.THROW)  # a rejection throws where the await stands
        self.place(ok)

    # --- optional chains ----------------------------------------------------------

    def visit_ChainExpression(self, node: Any) -> None:
        self.chain_expression(node, Op.PUSH_UNDEFINED, self.visit)

    def chain_expression(
        self, node: Any, nullish: Op, body: Callable[[Any], None]
    ) -> None:
        """Lowers a chain; any `?.` on a nullish value makes the result `nullish`."""
        saved = self.chain
        chain = self.chain = Chain()
        try:
            body(node.expression)
        finally:
            self.chain = saved
        if not chain.exits:
            return
        end, short = Label("chain_end"), Label("chain_nullish")
        self.emit(Op.JUMP, end)
        for label, extra in chain.exits:
            self.place(label)
            for _ in range(extra + 1):
                self.emit(Op.POP)
            self.emit(Op.JUMP, short)
        self.place(short)
        self.emit(nullish)
        self.place(end)

    def optional_check(self, extra: int) -> None:
        """At a `?.`: leaves the chain if the value on top is null or undefined."""
        assert self.chain is not None, "?. outside a chain"
        label = Label("nullish")
        self.emit(Op.DUP)
        self.emit(Op.JUMP_IF_NULLISH, label)
        self.chain.exits.append((label, extra))

    # --- assignments --------------------------------------------------------------

    def visit_AssignmentExpression(self, node: Any) -> None:
        self.assignment(node, want=True)

    def visit_UpdateExpression(self, node: Any) -> None:
        self.update(node, want=True)

    def assignment(self, node: Any, want: bool) -> None:
        op, target, right = node.operator, node.left, node.right
        if op in LOGICAL_ASSIGN:
            self.logical_assignment(node, want)
            return
        binary = None if op == "=" else BINARY_OPS[op[:-1]]
        if target.type in ("ObjectPattern", "ArrayPattern"):
            self.visit(right)
            if want:
                self.emit(Op.DUP)  # the value of `[a, b] = v` is v
            self.bind_pattern(target, declare=False)
            return
        if target.type == "MemberExpression" and target.object.type == "Super":
            raise self.error(target, "assignment to super properties is not supported")
        if target.type == "Identifier":
            ref = self.analysis.ref(target)
            if binary is None:
                self.value(right, target.name)
            else:
                self.load_ref(ref, target)
                self.visit(right)
                self.emit(binary)
            self.assign_ref(ref, target, want)
            return
        self.visit(target.object)
        computed = self.member_store_key(target)
        if binary is not None:
            self.emit(Op.DUP2 if computed else Op.DUP)
            self.get_loaded_member(target, computed)
            self.visit(right)
            self.emit(binary)
        else:
            self.visit(right)
        self.set_member(target, computed)
        if not want:
            self.emit(Op.POP)

    def member_store_key(self, target: Any) -> bool:
        """After the object: pushes the key if the member is computed (returned)."""
        computed = bool(target.computed) and not (
            target.property.type == "Literal" and isinstance(target.property.value, str)
        )
        if computed:
            self.visit(target.property)
        return computed

    def get_loaded_member(self, target: Any, computed: bool) -> None:
        if computed:
            self.emit(Op.GET_ELEM)
        else:
            self.emit(Op.GET_PROP, self.key_const(self.member_name(target)))

    def set_member(self, target: Any, computed: bool) -> None:
        if computed:
            self.emit(Op.SET_ELEM)
        else:
            self.emit(Op.SET_PROP, self.key_const(self.member_name(target)))

    @staticmethod
    def member_name(target: Any) -> str:
        prop = target.property
        return str(prop.value if target.computed else prop.name)

    def logical_assignment(self, node: Any, want: bool) -> None:
        """a &&= b, a ||= b, a ??= b: assign only when the operator would evaluate b."""
        op, target = node.operator, node.left
        skip, end = Label("keep"), Label("end")

        def jump_if_kept() -> None:
            if op == "??=":
                assign = Label("assign")
                self.emit(Op.JUMP_IF_NULLISH, assign)
                self.emit(Op.JUMP, skip)
                self.place(assign)
            else:
                self.emit(Op.JUMP_IF_FALSE if op == "&&=" else Op.JUMP_IF_TRUE, skip)

        if target.type == "Identifier":
            ref = self.analysis.ref(target)
            self.load_ref(ref, target)
            self.emit(Op.DUP)
            jump_if_kept()
            self.emit(Op.POP)
            self.value(node.right, target.name)
            self.assign_ref(ref, target, want=True)
            self.place(skip)
            if not want:
                self.emit(Op.POP)
            return
        self.visit(target.object)
        computed = self.member_store_key(target)
        self.emit(Op.DUP2 if computed else Op.DUP)
        self.get_loaded_member(target, computed)  # obj [key] old
        self.emit(Op.DUP)
        jump_if_kept()
        self.emit(Op.POP)
        self.visit(node.right)
        self.set_member(target, computed)  # -> new value
        self.emit(Op.JUMP, end)
        self.place(skip)  # obj [key] old: drop the reference, keep old
        if computed:
            self.emit(Op.ROT3)
            self.emit(Op.POP)
        else:
            self.emit(Op.SWAP)
        self.emit(Op.POP)
        self.place(end)
        if not want:
            self.emit(Op.POP)

    def update(self, node: Any, want: bool) -> None:
        """++/-- on a variable or member; a postfix result is the old number."""
        step = Op.INC if node.operator == "++" else Op.DEC
        keep_old = want and not node.prefix
        target = node.argument
        if target.type == "Identifier":
            ref = self.analysis.ref(target)
            self.load_ref(ref, target)
            if keep_old:
                self.emit(Op.TO_NUMBER)
                self.emit(Op.DUP)
                self.emit(step)
                self.assign_ref(ref, target, want=False)
            else:
                self.emit(step)
                self.assign_ref(ref, target, want)
            return
        self.visit(target.object)
        computed = self.member_store_key(target)
        self.emit(Op.DUP2 if computed else Op.DUP)
        self.get_loaded_member(target, computed)
        if keep_old:
            # obj [key] old -> old obj [key] old: the copy sinks below the reference.
            self.emit(Op.TO_NUMBER)
            self.emit(Op.DUP)
            self.emit(Op.ROT4 if computed else Op.ROT3)
        self.emit(step)
        self.set_member(target, computed)
        if keep_old or not want:
            self.emit(Op.POP)
