"""Random programs in the basic subset, as hypothesis strategies (see README.md here).

`programs()` draws one ES module: a small prelude of helpers, global declarations, named
functions, then top-level statements wrapped in try/catch, then an exported `afterResume`
whose body is more statements (run after a snapshot and a resume). Every observation is a
`print(...)` of primitives, so the output can be compared with Node's.

The generator keeps every program deterministic and terminating, and away from behaviour
the subset leaves engine-specific:

- loops run a literal number of times (0..4) and their counters are never assigned by the
  body; named functions only call functions declared before them, closures only call
  named functions, the only recursion is a template called with a small literal;
- objects, arrays and functions are never converted to primitives (no `obj + 1`): they
  live in variables of their own kind and only their properties and elements (always
  primitives) reach arithmetic; `show(v)` prints any value as a primitive;
- errors made by the VM are printed by name only (`show` prints `err:TypeError`); messages
  are printed only for errors the program made itself (message starting with '#');
- strings are capped at 300 units when stored (`cap`), so repeated concatenation in loops
  cannot blow up;
- no `let` is read before its declaration; no keys that name Object.prototype members
  (`toString`, `constructor`...), which the subset does not model;
- `full_subset_stmt` adds the constructs of the full subset (builtin calls on primitives,
  destructuring, spread, default and rest parameters, classes, accessors, for-of/for-in,
  labels, finally, call/apply/bind, promises, async functions).

Simpler alternatives come first in every choice, so hypothesis shrinks toward them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Callable

from hypothesis import strategies as st

PRELUDE = """\
function show(v) {
  if (typeof v === 'function') return 'fn';
  if (v !== null && typeof v === 'object') {
    if (v instanceof Error) return 'err:' + v.name + (v.message[0] === '#' ? ':' + v.message : '');
    return 'obj';
  }
  if (v === 0 && 1 / v < 0) return '-0';
  return v;
}
function cap(v) {
  return typeof v === 'string' && v.length > 300 ? 'long' + v.length : v;
}
"""

# Numbers around every representation edge of the VM (int31, int32, float64, -0).
NUMBERS = [
    "0", "1", "2", "3", "-1", "7", "10", "-0", "0.5", "0.1", "0.2", "1.5", "-2.5", "100",
    "255", "256", "65535", "65536",
    "1073741823", "1073741824", "-1073741824", "-1073741825",
    "2147483647", "2147483648", "-2147483648", "-2147483649",
    "4294967295", "4294967296", "9007199254740991", "9007199254740992",
    "9007199254740993", "(2 ** 30)", "(2 ** 31 - 1)", "(-(2 ** 31))", "(2 ** 53)",
    "(2 ** 32)", "0x7fffffff", "0xff", "NaN", "Infinity", "-Infinity",
    "1e21", "1e-7", "123e-20", "5e-324", "1.7976931348623157e308", "1e300", "0.000001",
    "123456789", "-123.456", "3.14159", "1e+21", "2.5e-5", "0.30000000000000004",
]

STRINGS = [
    "''", "'a'", "'abc'", "'0'", "'1'", "'10'", "'9'", "' 12 '", "'1e3'", "'0x10'",
    "'-0'", "'NaN'", "'Infinity'", "'true'", "'null'", "'b'", "'B'", "'A'", "'aa'",
    "'\\u00e9'", "'\\u20ac'", "'\\ud83d\\ude00'", "'\\n'", "'a\\'b'", "'x y'", "'-1.5'",
    "'  '", "'\\t7\\t'", "'Z'", "'z'", "'~'", "'\\u00ff'", "'\\u0100'", "'.5'", "'5.'",
    "'+5'", "'0b101'", "'0o17'", "'1_000'", "'00012'", "'\\u0000'", "'\\ud800'", "'length'",
    "'push'",
]

# Negative literals are parenthesized: `-1 ** 2` and `--1` are syntax errors.
NUMBERS = [f"({n})" if n.startswith("-") else n for n in NUMBERS]

OTHER_LITERALS = ["true", "false", "null", "undefined"]

# Keys of the objects: plain names, an integer key (its own order rules) and one with a
# space. Computed keys are drawn from these or from small numbers.
KEYS = ["a", "b", "c", "0", "1", "x y"]
KEY_LITERALS = ["'a'", "'b'", "'c'", "'0'", "'1'", "'x y'", "'zz'", "0", "1", "2", "-0", "1.5"]

# Reads on function values (the results are primitives): name, arity, the lazily made
# prototype of ordinary functions (arrows have none), an own property set by the program.
FUNCTION_PROPS = ["name", "length", "tag", "prototype === undefined",
                  "prototype?.constructor === undefined"]

ARITH = ["+", "-", "*", "/", "%", "**"]
# `x ** y` is implementation-approximated in the spec: V8's pow is not correctly rounded
# (29 ** 29 is 2.567686153161211e+42 in Node, 2.5676861531612113e+42 with a correctly
# rounded pow, as the VM's; Node's x ** 0.5 and x ** -1 also differ from sqrt(x) and 1 / x
# in the last bit for some x). So exponents come from values for which both give the exact
# result: 0, 1, 2 (x * x in both), and the special cases -0, NaN and the infinities.
EXPONENTS = ["0", "1", "2", "(-0)", "NaN", "Infinity", "(-Infinity)"]
BITWISE = ["|", "&", "^", "<<", ">>", ">>>"]
COMPARE = ["<", ">", "<=", ">=", "==", "!=", "===", "!=="]
LOGICAL = ["&&", "||", "??"]
COMPOUND = ["+=", "-=", "*=", "/=", "%=", "**=", "<<=", ">>=", ">>>=", "&=", "|=", "^=",
            "&&=", "||=", "??="]
ERROR_KINDS = ["Error", "TypeError", "RangeError", "ReferenceError"]


@dataclass(frozen=True)
class Func:
    name: str
    nparams: int


@dataclass
class Names:
    """A program-wide counter for fresh names."""

    n: int = 0

    def fresh(self, prefix: str) -> str:
        self.n += 1
        return f"{prefix}{self.n}"


@dataclass(frozen=True)
class Ctx:
    """What the code being generated can see. Immutable: blocks make modified copies."""

    names: Names
    profile: "Profile" = None  # type: ignore[assignment]  # literals and helpers; FLOAT_PROFILE
    prims: tuple[str, ...] = ()        # primitive-valued variables that may be assigned
    readonly: tuple[str, ...] = ()     # loop counters, consts: read only
    objs: tuple[str, ...] = ()         # plain objects (props are primitives)
    arrs: tuple[str, ...] = ()         # arrays of primitives
    closures: tuple[Func, ...] = ()    # callable closure variables
    funcs: tuple[Func, ...] = ()       # named functions callable from here
    ctors: tuple[str, ...] = ()        # constructor functions (instances have .v, .get())
    recs: tuple[str, ...] = ()         # recursive templates, called with small literals
    in_loop: bool = False
    in_switch: bool = False
    in_function: bool = False
    in_method: bool = False            # `this` is an object with props
    may_close: bool = True             # closures may be created here
    depth: int = 0

    def deeper(self, **kw: Any) -> "Ctx":
        return replace(self, depth=self.depth + 1, **kw)


Draw = Callable[[Any], Any]

MAX_EXPR_DEPTH = 3
MAX_STMT_DEPTH = 3


def pick(draw: Draw, items: list[Any] | tuple[Any, ...]) -> Any:
    return items[draw(st.integers(0, len(items) - 1))]


def choice(draw: Draw, n: int) -> int:
    return draw(st.integers(0, n - 1))


# --------------------------------------------------------------------------------------
# Expressions. Every expression is a primitive value and is emitted in parentheses when it
# is not atomic, so precedence never matters.


def leaf(draw: Draw, ctx: Ctx) -> str:
    readable = ctx.prims + ctx.readonly
    prof = ctx.profile
    if prof.leaf_weights is not None:  # (numbers, strings, others, variables)
        weights = prof.leaf_weights if readable else prof.leaf_weights[:3]
        n = choice(draw, sum(weights))
        k = 0
        while n >= weights[k]:
            n -= weights[k]
            k += 1
    else:
        k = choice(draw, 4 if readable else 3)
    if k == 0:
        return pick(draw, prof.numbers)
    if k == 1:
        return pick(draw, prof.strings)
    if k == 2:
        return pick(draw, OTHER_LITERALS)
    return pick(draw, readable)


def key_expr(draw: Draw, ctx: Ctx) -> str:
    if draw(st.booleans()):
        return pick(draw, ctx.profile.key_literals)
    return expr(draw, ctx, MAX_EXPR_DEPTH - 1)


def call_args(draw: Draw, ctx: Ctx, d: int, nparams: int) -> str:
    n = draw(st.integers(max(0, nparams - 1), nparams + 1))
    return ", ".join(expr(draw, ctx, d - 1) for _ in range(n))


def expr(draw: Draw, ctx: Ctx, d: int = MAX_EXPR_DEPTH) -> str:
    if d <= 0:
        return leaf(draw, ctx)
    options: list[Callable[[], str]] = [
        lambda: leaf(draw, ctx),
        lambda: arith(draw, ctx, d),
        lambda: f"({expr(draw, ctx, d - 1)} {pick(draw, COMPARE)} {expr(draw, ctx, d - 1)})",
        lambda: f"({expr(draw, ctx, d - 1)} {pick(draw, BITWISE)} {expr(draw, ctx, d - 1)})",
        lambda: f"({expr(draw, ctx, d - 1)} {pick(draw, LOGICAL)} {expr(draw, ctx, d - 1)})",
        lambda: unary(draw, ctx, d),
        lambda: (f"({expr(draw, ctx, d - 1)} ? {expr(draw, ctx, d - 1)} "
                 f": {expr(draw, ctx, d - 1)})"),
        lambda: f"`{pick(draw, ['', 'v=', '<'])}${{{expr(draw, ctx, d - 1)}}}"
                f"{pick(draw, ['', '>', ' ${' + leaf(draw, ctx) + '}'])}`",
        lambda: string_index(draw, ctx, d),
        lambda: f"({expr(draw, ctx, d - 1)}, {expr(draw, ctx, d - 1)})",
    ]
    if ctx.objs:
        options += [
            lambda: f"{pick(draw, ctx.objs)}.{pick(draw, ['a', 'b', 'c'])}",
            lambda: f"{pick(draw, ctx.objs)}[{key_expr(draw, ctx)}]",
            lambda: f"({key_expr(draw, ctx)} in {pick(draw, ctx.objs)})",
            lambda: f"({pick(draw, ctx.objs)} {pick(draw, ['===', '!==', '==', '!='])} "
                    f"{pick(draw, ctx.objs + ('null', 'undefined'))})",
            lambda: f"{pick(draw, ctx.objs)}?.{pick(draw, ['a', 'b', 'c'])}",
            lambda: f"{pick(draw, ctx.objs)}.{pick(draw, ['a', 'zz'])}?.()",
        ]
    if ctx.arrs:
        options += [
            lambda: f"{pick(draw, ctx.arrs)}[{expr(draw, ctx, d - 1)}]",
            lambda: f"{pick(draw, ctx.arrs)}[{key_expr(draw, ctx)}]",
            lambda: f"{pick(draw, ctx.arrs)}.length",
            lambda: f"({pick(draw, ['0', '1', '2', '5', expr(draw, ctx, d - 1)])} in "
                    f"{pick(draw, ctx.arrs)})",
        ]
    if ctx.funcs or ctx.closures or ctx.ctors:
        def fn_prop() -> str:
            f = pick(draw, [f.name for f in ctx.funcs + ctx.closures] + list(ctx.ctors))
            return f"({f}.{pick(draw, FUNCTION_PROPS)})"
        options.append(fn_prop)
    if ctx.funcs:
        def call_func() -> str:
            f = pick(draw, ctx.funcs)
            return f"{f.name}({call_args(draw, ctx, d, f.nparams)})"
        options.append(call_func)
    if ctx.closures:
        def call_closure() -> str:
            f = pick(draw, ctx.closures)
            return f"{f.name}({call_args(draw, ctx, d, f.nparams)})"
        options.append(call_closure)
    if ctx.recs:
        options.append(lambda: f"{pick(draw, ctx.recs)}({draw(st.integers(0, 6))})")
    if ctx.ctors:
        def use_ctor() -> str:
            c = pick(draw, ctx.ctors)
            inner = f"new {c}({expr(draw, ctx, d - 1)})"
            k = choice(draw, 4)
            if k == 0:
                return f"({inner}).v"
            if k == 1:
                return f"({inner}).get()"
            if k == 2:
                return f"({inner} instanceof {pick(draw, ctx.ctors)})"
            return f"(typeof {c})"
        options.append(use_ctor)
    if ctx.prims:
        options += [
            lambda: f"({pick(draw, ctx.prims)} = cap({expr(draw, ctx, d - 1)}))",
            lambda: update_expr(draw, ctx),
            lambda: compound_expr(draw, ctx, d),
            lambda: (f"({pick(draw, ctx.prims)} += "
                     f"{pick(draw, ctx.profile.numbers + ctx.profile.strings[:6])})"),
        ]
    if ctx.profile.int_only:
        # More integer arithmetic, fewer of the strings and undefineds the rest makes.
        options += [lambda: arith(draw, ctx, d)] * 3 + [lambda: leaf(draw, ctx)] * 2 + [
            lambda: (f"({int_operand(draw, ctx, d)} {pick(draw, BITWISE)} "
                     f"{int_operand(draw, ctx, d)})")] * 2
    if ctx.in_method:
        options.append(lambda: f"this.{pick(draw, ['a', 'b', 'c'])}")
    if ctx.prims or ctx.readonly:
        options.append(
            lambda: f"{pick(draw, ctx.prims + ctx.readonly)}?.{pick(draw, ['a', 'length'])}")
    options.append(lambda: pick(draw, [
        "(typeof undeclaredName)", "(typeof show)", "(typeof print)",
        "(void 0)", "(typeof null)"]))
    return options[choice(draw, len(options))]()


def unary(draw: Draw, ctx: Ctx, d: int) -> str:
    op = pick(draw, ['-', '+', '!', '~', 'typeof ', 'void '])
    operand = expr(draw, ctx, d - 1)
    if op == "-" and operand == "0" and ctx.profile.int_only:
        # -0 written so is folded into a float constant, and the integer-only VM refuses the
        # whole unit; computed at run time it is 0 there.
        operand = "(0 | 0)"
    return f"({op}{operand})"


def arith(draw: Draw, ctx: Ctx, d: int) -> str:
    op = pick(draw, ARITH)
    if ctx.profile.int_only:
        return int_arith(draw, ctx, d, op)
    right = pick(draw, ctx.profile.exponents) if op == "**" else expr(draw, ctx, d - 1)
    return f"({expr(draw, ctx, d - 1)} {op} {right})"


def int_operand(draw: Draw, ctx: Ctx, d: int) -> str:
    """An operand that is mostly an integer, so that more of the program runs before an
    operation of NaN (undefined + 1) throws in the integer-only build."""
    k = choice(draw, 6)
    if k == 0:
        return pick(draw, ctx.profile.numbers)
    if k == 1:
        return pick(draw, ctx.profile.numbers[:len(_INT_SMALL)])
    if k == 2:
        return f"({expr(draw, ctx, d - 1)} | 0)"
    if k == 3:  # |x| <= 46340: a product of two stays in int32
        return f"(({expr(draw, ctx, d - 1)} | 0) % 46341)"
    return expr(draw, ctx, d - 1)


def int_arith(draw: Draw, ctx: Ctx, d: int, op: str) -> str:
    left = int_operand(draw, ctx, d)
    if op == "**":
        return f"({left} ** {pick(draw, ctx.profile.exponents)})"
    if op in ("/", "%") and draw(st.booleans()):
        k = pick(draw, ["1", "2", "3", "(-1)", "7", "65536", "(-46341)", "1073741824"])
        # (a - a % k) / k is an exact division (a is evaluated twice: its side effects are the
        # same in both engines).
        left = f"({left} | 0)"
        return f"(({left} - {left} % {k}) / {k})" if op == "/" else f"({left} % {k})"
    return f"({left} {op} {int_operand(draw, ctx, d)})"


def compound_rhs(draw: Draw, ctx: Ctx, op: str, d: int) -> str:
    return pick(draw, ctx.profile.exponents) if op == "**=" else expr(draw, ctx, d)


def compound_expr(draw: Draw, ctx: Ctx, d: int) -> str:
    op = pick(draw, [c for c in COMPOUND if c != "+="])
    return f"({pick(draw, ctx.prims)} {op} {compound_rhs(draw, ctx, op, d - 1)})"


def update_expr(draw: Draw, ctx: Ctx) -> str:
    v = pick(draw, ctx.prims)
    return pick(draw, [f"({v}++)", f"({v}--)", f"(++{v})", f"(--{v})"])


def string_index(draw: Draw, ctx: Ctx, d: int) -> str:
    base = pick(draw, ctx.profile.strings[1:] + ["'hello'"]) if draw(st.booleans()) else (
        f"('' + {expr(draw, ctx, d - 1)})")
    if draw(st.booleans()):
        return f"{base}.length"
    return f"{base}[{pick(draw, ['0', '1', '2', '-1', '5', expr(draw, ctx, d - 1)])}]"


# --------------------------------------------------------------------------------------
# Statements


def block(draw: Draw, ctx: Ctx, lo: int = 1, hi: int = 4) -> list[str]:
    """A statement list; declarations extend the context for the statements after them."""
    out: list[str] = []
    n = draw(st.integers(lo, hi))
    for _ in range(n):
        lines, ctx = stmt(draw, ctx)
        out += lines
    return out


def indent(lines: list[str], by: str = "  ") -> list[str]:
    return [by + line for line in lines]


def stmt(draw: Draw, ctx: Ctx) -> tuple[list[str], Ctx]:
    """One statement (sometimes two lines); returns the context for what follows."""
    names = ctx.names
    deep = ctx.depth >= MAX_STMT_DEPTH
    options: list[Callable[[], tuple[list[str], Ctx]]] = []

    def p_print() -> tuple[list[str], Ctx]:
        n = draw(st.integers(1, 3))
        args = ", ".join(f"show({expr(draw, ctx)})" for _ in range(n))
        return [f"print('{names.fresh('p')}', {args});"], ctx

    def p_declare() -> tuple[list[str], Ctx]:
        kind = pick(draw, ["let", "const", "var"] if not ctx.in_loop else ["let", "const"])
        name = names.fresh("v")
        init = expr(draw, ctx)
        if kind == "const":
            return [f"const {name} = cap({init});"], replace(ctx, readonly=ctx.readonly + (name,))
        return [f"{kind} {name} = cap({init});"], replace(ctx, prims=ctx.prims + (name,))

    options += [p_print, p_declare]

    if ctx.prims:
        def p_assign() -> tuple[list[str], Ctx]:
            v = pick(draw, ctx.prims)
            k = choice(draw, 3)
            if k == 0:
                return [f"{v} = cap({expr(draw, ctx)});"], ctx
            if k == 1:
                op = pick(draw, COMPOUND)
                line = f"{v} {op} {compound_rhs(draw, ctx, op, MAX_EXPR_DEPTH)};"
                return ([line, f"{v} = cap({v});"] if op == "+=" else [line]), ctx
            return [pick(draw, [f"{v}++;", f"{v}--;", f"++{v};", f"--{v};"])], ctx
        options.append(p_assign)

    if ctx.objs:
        def p_obj_write() -> tuple[list[str], Ctx]:
            o = pick(draw, ctx.objs)
            k = choice(draw, 4)
            if k == 0:
                return [f"{o}.{pick(draw, ['a', 'b', 'c'])} = cap({expr(draw, ctx)});"], ctx
            if k == 1:
                key = pick(draw, ctx.profile.obj_key_literals)
                return [f"{o}[{key}] = cap({expr(draw, ctx)});"], ctx
            if k == 2:
                op = pick(draw, [c for c in COMPOUND if c != "+="])
                return [f"{o}[{pick(draw, ctx.profile.obj_key_literals)}] {op} "
                        f"{compound_rhs(draw, ctx, op, MAX_EXPR_DEPTH)};"], ctx
            return [f"print('{names.fresh('d')}', delete {o}"
                    f"{pick(draw, ['.a', '.b', '[0]', '[1]', '.zz'])});"], ctx
        options.append(p_obj_write)

    if ctx.arrs:
        def p_arr_write() -> tuple[list[str], Ctx]:
            a = pick(draw, ctx.arrs)
            k = choice(draw, 3)
            if k == 0:
                return [f"{a}.push(cap({expr(draw, ctx)}));"], ctx
            if k == 1:
                return [f"{a}[{draw(st.integers(0, 6))}] = cap({expr(draw, ctx)});"], ctx
            if k == 2 and draw(st.booleans()):
                key = pick(draw, ctx.profile.key_literals)
                return [f"{a}[{key}] = cap({expr(draw, ctx)});"], ctx
            op = pick(draw, [c for c in COMPOUND if c != "+="])
            return [f"{a}[{draw(st.integers(0, 3))}] {op} "
                    f"{compound_rhs(draw, ctx, op, MAX_EXPR_DEPTH)};"], ctx
        options.append(p_arr_write)

    if ctx.funcs or ctx.closures:
        def p_fn_prop() -> tuple[list[str], Ctx]:
            f = pick(draw, [f.name for f in ctx.funcs + ctx.closures])
            return [f"{f}.tag = cap({expr(draw, ctx, 2)});"], ctx
        options.append(p_fn_prop)

    def p_new_obj() -> tuple[list[str], Ctx]:
        name = names.fresh("o")
        new = replace(ctx, objs=ctx.objs + (name,))
        if ctx.ctors and choice(draw, 3) == 0:
            c = pick(draw, ctx.ctors)
            return [f"const {name} = new {c}({expr(draw, ctx, 1)});"], new
        props = []
        for key in KEYS:
            if draw(st.booleans()):
                k = f"'{key}'" if " " in key else key
                props.append(f"{k}: {expr(draw, ctx, 1)}")
        lines = []
        if draw(st.booleans()):
            # A method: `this` is the object when called as o.m().
            mctx = ctx.deeper(in_method=True, in_function=True, in_loop=False,
                              in_switch=False, may_close=False, closures=(), prims=(),
                              readonly=("q",))
            props.append(f"m(q) {{ return cap({expr(draw, mctx, 2)}); }}")
            lines.append(f"print('{names.fresh('m')}', show({name}.m({expr(draw, ctx, 1)})));")
        return [f"const {name} = {{ {', '.join(props)} }};"] + lines, new
    options.append(p_new_obj)

    def p_new_arr() -> tuple[list[str], Ctx]:
        name = names.fresh("a")
        items = []
        for _ in range(draw(st.integers(0, 4))):
            items.append("" if draw(st.integers(0, 5)) == 0 else expr(draw, ctx, 1))
        if items and items[-1] == "":
            items.append("0")  # a trailing hole would change the length only in source
        return [f"const {name} = [{', '.join(items)}];"], replace(ctx, arrs=ctx.arrs + (name,))
    options.append(p_new_arr)

    if ctx.funcs or ctx.closures:
        def p_call() -> tuple[list[str], Ctx]:
            f = pick(draw, ctx.funcs + ctx.closures)
            return [f"{f.name}({call_args(draw, ctx, 2, f.nparams)});"], ctx
        options.append(p_call)

    def p_throw() -> tuple[list[str], Ctx]:
        k = choice(draw, 3)
        cond = f"if ({expr(draw, ctx, 2)}) "
        if k == 0:
            return [f"{cond}throw new {pick(draw, ERROR_KINDS)}('#{names.fresh('e')}');"], ctx
        if k == 1:
            return [f"{cond}throw {expr(draw, ctx, 1)};"], ctx
        return [f"{cond}throw new {pick(draw, ERROR_KINDS)}('#' + {expr(draw, ctx, 1)});"], ctx
    options.append(p_throw)

    def p_vm_error() -> tuple[list[str], Ctx]:
        # Errors raised by the VM itself, inside a try: reading a property of a primitive
        # that may be null/undefined, calling a non-function, assigning to a const.
        k = choice(draw, 4)
        target = pick(draw, ctx.prims + ctx.readonly) if (ctx.prims or ctx.readonly) else "null"
        if k == 0:
            body = f"print('{names.fresh('r')}', show({target}.a));"
        elif k == 1:
            body = f"print('{names.fresh('r')}', show({target}()));"
        elif k == 2:
            c = names.fresh("k")
            body = f"const {c} = 1; print('{names.fresh('r')}', show({c} = 2));"
        else:
            body = f"print('{names.fresh('r')}', show({target}[{key_expr(draw, ctx)}]));"
        return [f"try {{ {body} }} catch (e) {{ print('caught', show(e), "
                f"e instanceof TypeError); }}"], ctx
    options.append(p_vm_error)

    if ctx.in_loop and draw(st.integers(0, 3)) == 0:
        def p_jump() -> tuple[list[str], Ctx]:
            return [f"if ({expr(draw, ctx, 2)}) {pick(draw, ['break', 'continue'])};"], ctx
        options.append(p_jump)
    elif ctx.in_switch and draw(st.integers(0, 3)) == 0:
        options.append(lambda: ([f"if ({expr(draw, ctx, 2)}) break;"], ctx))

    if ctx.in_function and draw(st.integers(0, 3)) == 0:
        def p_return() -> tuple[list[str], Ctx]:
            return [f"if ({expr(draw, ctx, 2)}) return cap({expr(draw, ctx, 2)});"], ctx
        options.append(p_return)

    if not deep:
        def p_if() -> tuple[list[str], Ctx]:
            inner = ctx.deeper()
            lines = [f"if ({expr(draw, ctx)}) {{"] + indent(block(draw, inner)) + ["}"]
            if draw(st.booleans()):
                lines[-1] = "} else {"
                lines += indent(block(draw, inner)) + ["}"]
            return lines, ctx

        def p_for() -> tuple[list[str], Ctx]:
            i = names.fresh("i")
            n = draw(st.integers(0, 4))
            inner = ctx.deeper(in_loop=True, in_switch=False, readonly=ctx.readonly + (i,))
            k = choice(draw, 3)
            if k == 0:
                head = f"for (let {i} = 0; {i} < {n}; {i}++) {{"
            elif k == 1:
                head = f"for (let {i} = {n}; {i} > 0; {i} -= 1) {{"
            else:
                head = f"for (let {i} = 0, {i}x = {n}; {i} < {i}x; {i}++) {{"
            return [head] + indent(block(draw, inner)) + ["}"], ctx

        def p_while() -> tuple[list[str], Ctx]:
            w = names.fresh("w")
            n = draw(st.integers(0, 4))
            inner = ctx.deeper(in_loop=True, in_switch=False, readonly=ctx.readonly + (w,))
            body = indent(block(draw, inner))
            if draw(st.booleans()):
                return ([f"let {w} = 0;", f"while ({w} < {n}) {{", f"  {w}++;"] + body
                        + ["}"]), ctx
            return ([f"let {w} = 0;", "do {", f"  {w}++;"] + body
                    + [f"}} while ({w} < {n});"]), ctx

        def p_switch() -> tuple[list[str], Ctx]:
            inner = ctx.deeper(in_switch=True)
            lines = [f"switch ({expr(draw, ctx, 2)}) {{"]
            labels = draw(st.lists(st.sampled_from(
                ctx.profile.switch_labels), min_size=1, max_size=4,
                unique=True))
            default_at = draw(st.integers(0, len(labels)))  # == len: no default
            for idx, lab in enumerate(labels):
                if idx == default_at:
                    lines += ["  default: {"] + indent(block(draw, inner, 0, 2), "    ") + ["  }"]
                lines += [f"  case {lab}: {{"] + indent(block(draw, inner, 0, 2), "    ")
                if draw(st.booleans()):
                    lines.append("    break;")
                lines.append("  }")
            lines.append("}")
            return lines, ctx

        def p_try() -> tuple[list[str], Ctx]:
            inner = ctx.deeper()
            int_only = ctx.profile.int_only

            def shown(body: list[str]) -> list[str]:
                # The integer-only VM's RangeError must be printed where it is thrown: a
                # finally block run on the way out would first print lines that Node (which
                # went on after the operation) does not print there. So code that a finally
                # block follows shows its error, then rethrows it.
                if not int_only or not body:
                    return body
                return (["try {"] + indent(body) +
                        [f"}} catch (e) {{ print('{names.fresh('c')}', show(e)); throw e; }}"])

            body = block(draw, inner)
            k = choice(draw, 3)
            if k == 1:
                body = shown(body)
            lines = ["try {"] + indent(body) + ["}"]
            if k in (0, 2):
                lines[-1] = "} catch (e) {"
                # e may be an error object: it is only ever shown, never computed with.
                label = names.fresh('c')
                handler = block(draw, inner, 0, 2)
                if k == 2:
                    handler = shown(handler)
                lines += [f"  print('{label}', show(e));"] + indent(handler) + ["}"]
            if k in (1, 2):
                lines[-1] = lines[-1] + " finally {"
                lines += indent(block(draw, inner, 0, 2)) + ["}"]
            return lines, ctx

        def p_block() -> tuple[list[str], Ctx]:
            # A block that shadows an outer variable (its initializer cannot name it:
            # that would be a TDZ read).
            inner = ctx.deeper()
            lines = ["{"]
            if ctx.prims:
                name = pick(draw, ctx.prims)
                others = tuple(p for p in ctx.prims if p != name)
                init = expr(draw, replace(ctx, prims=others,
                                          readonly=tuple(r for r in ctx.readonly if r != name)))
                lines.append(f"  let {name} = cap({init});")
            lines += indent(block(draw, inner)) + ["}"]
            return lines, ctx

        options += [p_if, p_for, p_while, p_switch, p_try, p_block]

        if ctx.may_close:
            def p_closure() -> tuple[list[str], Ctx]:
                name = names.fresh("c")
                nparams = draw(st.integers(0, 2))
                params = tuple(f"{name}p{j}" for j in range(nparams))
                cctx = ctx.deeper(prims=ctx.prims + params, closures=(), in_loop=False,
                                  in_switch=False, in_function=True, may_close=False)
                body = block(draw, cctx, 0, 3)
                ret = f"return cap({expr(draw, cctx)});"
                lines = [f"const {name} = ({', '.join(params)}) => {{"] + indent(body + [ret]) \
                    + ["};"]
                return lines, replace(ctx, closures=ctx.closures + (Func(name, nparams),))

            def p_loop_closures() -> tuple[list[str], Ctx]:
                # Closures made in a loop capture their iteration's binding.
                fs = names.fresh("fs")
                i = names.fresh("i")
                n = draw(st.integers(1, 4))
                lctx = replace(ctx, readonly=ctx.readonly + (i,))
                captured = expr(draw, lctx, 2)
                lines = [f"const {fs} = [];",
                         f"for (let {i} = 0; {i} < {n}; {i}++) {{",
                         f"  let t = cap({captured});",
                         f"  {fs}.push(() => cap(t + {i}));",
                         f"  {fs}.push(() => {{ t = cap(t + 1); return {i}; }});",
                         "}"]
                for _ in range(draw(st.integers(1, 3))):
                    j = draw(st.integers(0, 2 * n - 1))
                    lines.append(f"print('{names.fresh('l')}', show({fs}[{j}]()));")
                return lines, ctx

            options += [p_closure, p_loop_closures]

    if not deep:
        options += [lambda: (full_subset_stmt(draw, ctx), ctx)] * 2

    lines, new_ctx = options[choice(draw, len(options))]()
    return lines, new_ctx


# Builtin calls whose results are primitives; `@E` is replaced by an expression.
BUILTIN_CALLS = [
    "Math.floor(@E)", "Math.ceil(@E)", "Math.round(@E)", "Math.abs(@E)", "Math.trunc(@E)",
    "Math.sign(@E)", "Math.max(@E, @E)", "Math.min(@E, @E)", "Math.sqrt(@E)", "Math.pow(@E, 2)",
    "Number.isInteger(@E)", "Number.isNaN(@E)", "isNaN(@E)", "Number(@E)",
    "parseInt(String(@E))", "parseFloat(String(@E))", "parseInt(String(@E), 16)",
    "String(@E).slice(1, 3)", "String(@E).slice(-2)", "String(@E).substring(2, 0)",
    "String(@E).indexOf('a')", "String(@E).lastIndexOf('1')", "String(@E).includes('.')",
    "String(@E).startsWith('-')", "String(@E).endsWith('0')", "String(@E).padStart(6, '*')",
    "String(@E).padEnd(4, 'ab')", "String(@E).toUpperCase()", "String(@E).toLowerCase()",
    "String(@E).trim()", "String(@E).charAt(1)", "String(@E).charCodeAt(0)",
    "String(@E).split('').length", "String(@E).split('1').join('|')", "String(@E).repeat(2)",
    "String.fromCharCode(65, @E)", "Number(@E).toFixed(2)", "Number(@E).toString(16)",
    "Number(@E).toString(2)", "Number(@E).toString(36)", "JSON.stringify(@E)",
    "JSON.stringify([@E, @E])", "Array.isArray(@E)", "[@E, @E, @E].indexOf(@E)",
    "[@E, @E].includes(@E)", "[@E, @E, @E].join('-')", "[@E, @E, @E].sort().join()",
    "[@E, @E].reverse().join()", "[@E, @E, @E].filter((x) => x).length",
    "[@E, @E].map((x) => typeof x).join()", "[@E, @E, @E].reduce((s, x) => s + x, 0)",
    "Object.keys({ b: @E, a: @E, 1: @E }).join()", "Math.max(...[@E, @E, @E])",
    "(@E) ** 2", "(@E == @E)", "(@E != @E)", "(@E ?? @E)", "(typeof @E)",
]
# The same on the program's arrays and objects (`@A`: an array, `@O`: an object).
COLLECTION_CALLS = [
    "@A.indexOf(@E)", "@A.includes(@E)", "@A.join('-')", "@A.slice(1).length", "[...@A, @E].length",
    "[...@A].reverse().join()", "@A.map((x) => typeof x).join()", "@A.filter((x) => x).length",
    "@A.concat([@E]).length", "Math.max(...@A)", "Array.isArray(@A)", "JSON.stringify(@A)",
    "@A.findIndex((x) => x === @E)", "@A.some((x) => x == @E)", "@A.every((x) => x !== @E)",
    "Object.keys(@O).join()", "JSON.stringify(@O)", "Object.values(@O).length",
    # (a method's source text is one of docs/language.md's stated differences: not joined)
    "Object.entries(@O).filter(([k, v]) => typeof v !== 'function').join(';')",
    "({ ...@O, z: @E }).z", "Object.keys({ ...@O }).join()",
    "Object.assign({}, @O, { a: @E }).a", "@O.hasOwnProperty('a')", "('a' in @O)",
]



@dataclass(frozen=True)
class Profile:
    """The literals, helpers and builtin calls programs are made of, for one build of the VM."""

    prelude: str
    numbers: list[str]
    strings: list[str]
    key_literals: list[str]      # keys written to arrays and objects (arrays: small ones)
    obj_key_literals: list[str]  # keys written to plain objects only
    exponents: list[str]         # right operands of ** and **=
    switch_labels: list[str]
    builtin_calls: list[str]
    leaf_weights: tuple[int, int, int, int] | None = None  # numbers, strings, others, variables
    int_only: bool = False


FLOAT_PROFILE = Profile(
    prelude=PRELUDE, numbers=NUMBERS, strings=STRINGS, key_literals=KEY_LITERALS,
    obj_key_literals=KEY_LITERALS, exponents=EXPONENTS,
    switch_labels=NUMBERS[:12] + ["NaN"] + STRINGS[:8] + OTHER_LITERALS,
    builtin_calls=BUILTIN_CALLS)

# The integer-only build (MVM_SUPPORT_FLOAT=0, tests/differential/difftest_intonly.py). Its
# numbers are int32s, so the source holds no other number literal (a unit with a float
# constant, even NaN or -0, is refused at load); non-integers and results past int32 are made
# at run time, where they throw the build's RangeError. show() prints that error with its
# message, marked, so that the comparison can stop there and check the claim; it has no -0
# case: 1 / v would throw, and -0 does not exist in this build (Node prints it as 0 anyway).
INT_PRELUDE = """\
function show(v) {
  if (typeof v === 'function') return 'fn';
  if (v !== null && typeof v === 'object') {
    if (v instanceof Error) {
      if (v.message.indexOf(' is not a 32-bit integer: ') >= 0) return 'NOINT32{' + v.message + '}';
      return 'err:' + v.name + (v.message[0] === '#' ? ':' + v.message : '');
    }
    return 'obj';
  }
  return v;
}
function cap(v) {
  return typeof v === 'string' && v.length > 300 ? 'long' + v.length : v;
}
"""
INT_MARK = "NOINT32{"

# Small integers, then the edges of the int-only representation: int31 immediates (+-2^30) and
# int32 boxes (+-2^31), with operands whose sums, products, shifts and powers cross them. The
# small ones come twice: with edges only, nearly every program overflows in its first lines,
# and nothing after the first RangeError can be compared.
_INT_SMALL = ["0", "1", "2", "3", "-1", "7", "10", "-2", "5", "16", "31", "32", "100", "255",
              "-7", "1000"]
INT_NUMBERS = [f"({n})" if n.startswith("-") else n for n in _INT_SMALL * 2 + [
    "256", "65535", "65536", "46340", "46341", "-46341", "32768", "1000000", "123456789",
    "1073741823", "1073741824", "-1073741824", "-1073741825", "1073741822", "536870912",
    "2147483647", "-2147483648", "2147483646", "-2147483647", "(2 ** 30)", "(2 ** 31 - 1)",
    "0x7fffffff", "-0x80000000", "0xff", "0x40000000", "1e3", "1e9", "(-(2 ** 30))",
]]
INT_STRINGS = STRINGS + [
    "'2147483647'", "'-2147483648'", "'2147483648'", "'4294967295'", "'0x7fffffff'",
    "'1073741824'", "'42'", "'-7'", "'1.0'", "'1e9'", "'9007199254740993'", "' -1073741825 '",
    "'0x80000000'", "'-0x10'", "'1e21'", "'66.5'", "'2.5'", "'-300.7'",
]
INT_KEY_LITERALS = ["'a'", "'b'", "'c'", "'0'", "'1'", "'x y'", "'zz'", "0", "1", "2", "'-0'",
                    "'1.5'", "(-1)"]
INT_OBJ_KEY_LITERALS = INT_KEY_LITERALS + ["2147483647", "(-2147483648)", "1073741824",
                                           "'2147483648'", "'4294967294'", "'4294967295'"]
INT_BUILTIN_CALLS = BUILTIN_CALLS + [
    "Math.pow(@E, @E)", "Number.isSafeInteger(@E)", "((@E) >>> 0)", "(~~(@E))",
    "parseInt(String(@E), 36)", "Number(@E).toString(7)", "Number.parseInt(String(@E))",
    "JSON.parse(JSON.stringify(@E))", "String(@E).length", "[@E, @E, @E].sort((p, q) => p - q).join()",
    "Number(@E).toFixed(0)", "'abcdef'.slice(@E, @E)", "'abc'.charCodeAt(@E)", "'ab'.at(@E)",
    "[@E, @E].at(@E)", "String(@E).substr(@E, 2)", "Math.max(@E, @E, @E)",
    "[@E, @E].reduce((s, x) => s * x, 1)", "Object.keys({ b: @E, [@E]: 1, [@E]: 2, 5: 0 }).join()",
    "JSON.stringify({ [@E]: @E, 7: 0 })", "JSON.parse('[' + String(@E) + ']')[0]",
    "Number(String(@E) + '0')", "((@E) * (@E)) | 0", "Math.abs((@E) | 0)", "Math.sign(@E)",
    "String(@E).padStart(@E, '0').length", "new Uint8Array([(@E) | 0, 300]).join()",
]
INT_PROFILE = Profile(
    prelude=INT_PRELUDE, numbers=INT_NUMBERS, strings=INT_STRINGS,
    key_literals=INT_KEY_LITERALS, obj_key_literals=INT_OBJ_KEY_LITERALS,
    exponents=["0", "1", "2", "3", "(-1)", "2", "1", "0", "2", "31"],
    switch_labels=INT_NUMBERS[:12] + STRINGS[:8] + OTHER_LITERALS,
    builtin_calls=INT_BUILTIN_CALLS, leaf_weights=(8, 1, 1, 6), int_only=True)


def full_subset_stmt(draw: Draw, ctx: Ctx) -> list[str]:
    """The constructs of the full subset (docs/language.md): builtins, destructuring,
    spread, default and rest parameters, classes, accessors, for-of/for-in, labels,
    finally with return, call/apply/bind, promises and async functions."""
    names = ctx.names
    def e() -> str:
        return expr(draw, ctx, 1)

    def fill(template: str) -> str:
        out = template.replace("@A", pick(draw, ctx.arrs) if ctx.arrs else "[1, 'a']")
        out = out.replace("@O", pick(draw, ctx.objs) if ctx.objs else "{ a: 1, b: 'x' }")
        while "@E" in out:
            out = out.replace("@E", f"({e()})", 1)
        return out

    k = choice(draw, 12)
    p = names.fresh("x")
    if k == 0:
        calls = ctx.profile.builtin_calls + (COLLECTION_CALLS if ctx.arrs or ctx.objs else [])
        return [f"print('{p}', show(cap({fill(pick(draw, calls))})));"]
    if k == 1:  # destructuring with defaults and rest
        a, b, r = names.fresh("da"), names.fresh("db"), names.fresh("dr")
        if draw(st.booleans()):
            src = pick(draw, ctx.objs) if ctx.objs else f"{{ a: {e()}, c: {e()} }}"
            return [f"const {{ a: {a} = {e()}, b: {b}, ...{r} }} = {src};",
                    f"print('{p}', show({a}), show({b}), Object.keys({r}).join());"]
        src = pick(draw, ctx.arrs) if ctx.arrs else f"[{e()}, {e()}, {e()}]"
        return [f"const [{a}, , {b} = {e()}, ...{r}] = {src};",
                f"print('{p}', show({a}), show({b}), {r}.length);"]
    if k == 2:  # for-of over arrays and strings, for-in over objects
        v = names.fresh("it")
        if draw(st.booleans()):
            src = pick(draw, ctx.objs) if ctx.objs else f"{{ b: {e()}, 1: 2, a: 3 }}"
            return [f"for (const {v} in {src}) print('{p}', {v});"]
        src = (pick(draw, ctx.arrs) if ctx.arrs and draw(st.booleans())
               else pick(draw, ctx.profile.strings[1:] + ["'a\\ud83d\\ude00b'"]))
        return [f"for (const {v} of {src}) print('{p}', show({v}));"]
    if k == 3:  # classes: fields, accessors, static members, extends, super
        c1, c2, inst = names.fresh("K"), names.fresh("K"), names.fresh("k")
        return [
            f"class {c1} {{",
            f"  f = cap({e()});",
            f"  static s = cap({e()});",
            "  constructor(x) { this.x = cap(x); }",
            "  get g() { return cap(this.x + '/' + this.f); }",
            "  set g(v) { this.f = cap(v); }",
            "  m() { return cap(this.x); }",
            f"  static sm() {{ return {c1}.s; }}",
            "}",
            f"class {c2} extends {c1} {{",
            "  y = 1;",
            "  constructor(x) { super(x); this.z = this.y + 1; }",
            "  m() { return cap(super.m() + '!'); }",
            "}",
            f"const {inst} = new {c2}({e()});",
            f"{inst}.g = {e()};",
            (f"print('{p}', show({inst}.g), show({inst}.m()), show({c2}.sm()), "
             f"{inst} instanceof {c1}, Object.keys({inst}).join());"),
        ]
    if k == 4:  # default and rest parameters, spread arguments
        f = names.fresh("dp")
        args = ", ".join(e() for _ in range(draw(st.integers(0, 3))))
        spread = f"...{pick(draw, ctx.arrs)}" if ctx.arrs else f"...[{e()}]"
        return [f"const {f} = (a = {e()}, b = a, ...r) => cap(show(a) + ':' + show(b) + ':' + r.length);",
                f"print('{p}', {f}({args}), {f}({spread}), {f}.length);"]
    if k == 5:  # accessors in an object literal
        o = names.fresh("ao")
        return [(f"const {o} = {{ w: 0, get v() {{ return cap(this.w + 1); }}, "
                 "set v(x) { this.w = cap(x); } };"),
                f"{o}.v = {e()};",
                f"print('{p}', show({o}.v), show({o}.w), Object.keys({o}).join());"]
    if k == 6:  # labeled break and continue
        lab, i, j = names.fresh("L"), names.fresh("i"), names.fresh("j")
        n1, n2 = draw(st.integers(1, 3)), draw(st.integers(1, 3))
        c1, c2 = draw(st.integers(0, 3)), draw(st.integers(0, 4))
        return [f"{lab}: for (let {i} = 0; {i} < {n1}; {i}++) {{",
                f"  for (let {j} = 0; {j} < {n2}; {j}++) {{",
                f"    if ({j} === {c1}) continue {lab};",
                f"    if ({i} + {j} === {c2}) break {lab};",
                f"    print('{p}', {i}, {j});",
                "  }",
                "}"]
    if k == 7:  # finally with return, throw and break
        f = names.fresh("fin")
        return [f"const {f} = (q) => {{",
                "  for (;;) {",
                "    try {",
                "      if (q === 0) return 'r';",
                "      if (q === 1) throw new RangeError('#t');",
                "      break;",
                "    } catch (err) {",
                "      return 'c' + show(err);",
                "    } finally {",
                f"      print('{p}', 'finally', q);",
                "    }",
                "  }",
                "  return 'after';",
                "};",
                f"print('{p}', {f}(0), {f}(1), {f}(2));"]
    if k == 8 and (ctx.funcs or ctx.closures):  # call, apply, bind
        fn = pick(draw, ctx.funcs + ctx.closures)
        args = [e() for _ in range(fn.nparams)]
        joined = ", ".join(args)
        bound = f"{fn.name}.bind(null{', ' + args[0] if args else ''})({', '.join(args[1:])})"
        return [(f"print('{p}', show({fn.name}.call(null{', ' + joined if joined else ''})), "
                 f"show({fn.name}.apply(null, [{joined}])), show({bound}));")]
    if k == 9:  # promises: reactions run when the job queue drains
        if ctx.profile.int_only:
            # The executor's operands are computed outside it: a RangeError of the
            # integer-only VM inside it would reject the promise and show only later (see
            # p_try).
            t = names.fresh("pt")
            executor = [f"const {t} = [{e()}, {e()}, {e()}];",
                        f"new Promise((res, rej) => {t}[0] ? res({t}[1]) : rej({t}[2]))"]
        else:
            executor = [f"new Promise((res, rej) => ({e()}) ? res({e()}) : rej({e()}))"]
        return [f"Promise.resolve({e()}).then((v) => print('{p}', 'then', show(v)));",
                *executor[:-1],
                (f"{executor[-1]}"
                 f".then((v) => print('{p}', 'ok', show(v)), (v) => print('{p}', 'rej', show(v)))"
                 f".finally(() => print('{p}', 'fin'));"),
                (f"Promise.all([{e()}, Promise.resolve({e()})]).then((vs) => "
                 f"print('{p}', 'all', vs.map(show).join()));")]
    if k == 10:  # async functions and await
        f = names.fresh("as")
        return [(f"const {f} = async (q) => {{ const v = await q; print('{p}', 'awaited', "
                 "show(v)); if (v) throw new TypeError('#a'); return cap(v); };"),
                (f"{f}({e()}).then((v) => print('{p}', 'done', show(v)), "
                 f"(err) => print('{p}', 'failed', show(err)));"),
                f"print('{p}', 'sync');"]
    # k == 11 (or 8 without functions): computed members and compound assignment
    o = names.fresh("cm")
    key = pick(draw, ["'a'", "'b'", "0", "1"])
    op = pick(draw, [c for c in COMPOUND if c != "**="])
    return [f"const {o} = {{ a: {e()}, 0: {e()} }};",
            f"{o}[{key}] {op} {e()};",
            f"{o}[{key}] = cap({o}[{key}]);",
            f"print('{p}', show({o}[{key}]), show({o}[{key}]++), show(--{o}[{key}]));"]


# --------------------------------------------------------------------------------------
# Programs


def gen_function(draw: Draw, ctx: Ctx, name: str, nparams: int) -> list[str]:
    params = tuple(f"{name}p{j}" for j in range(nparams))
    fctx = replace(ctx, prims=ctx.prims + params, in_function=True, depth=0)
    body = block(draw, fctx, 0, 4)
    ret = f"return cap({expr(draw, fctx)});"
    return [f"function {name}({', '.join(params)}) {{"] + indent(body + [ret]) + ["}"]


def gen_ctor(draw: Draw, ctx: Ctx, name: str) -> list[str]:
    pctx = replace(ctx, prims=(), readonly=("x",), objs=(), arrs=(), funcs=(), depth=9)
    lines = [f"function {name}(x) {{",
             "  this.v = x;",
             f"  this.w = cap({expr(draw, pctx, 1)});",
             "}",
             f"{name}.prototype.get = function () {{ return cap(this.v + this.w); }};"]
    return lines


def gen_rec(draw: Draw, name: str) -> list[str]:
    k = choice(draw, 3)
    if k == 0:
        body = f"return n * {name}(n - 1);"
        base = "1"
    elif k == 1:
        body = f"return {name}(n - 1) + {name}(n - 2);"
        base = "n"
    else:
        body = f"return cap('' + {name}(n - 1) + n);"
        base = "'<'"
    return [f"function {name}(n) {{",
            f"  if (n < {'2' if k == 1 else '1'}) return {base};",
            f"  {body}",
            "}"]


@st.composite
def programs(draw: Draw, profile: Profile = FLOAT_PROFILE) -> str:
    names = Names()
    ctx = Ctx(names=names, profile=profile)
    head: list[str] = [profile.prelude.rstrip("\n")]

    # Global variables: primitives, one object, one array, maybe a closure. Their
    # initializers see only primitives, so they cannot throw outside the try below.
    n_globals = draw(st.integers(1, 3))
    for _ in range(n_globals):
        g = names.fresh("g")
        head.append(f"let {g} = {expr(draw, ctx, 1)};")
        ctx = replace(ctx, prims=ctx.prims + (g,))
    safe = ctx
    if draw(st.booleans()):
        g = names.fresh("go")
        head.append(f"const {g} = {{ a: {expr(draw, safe, 1)}, 0: {expr(draw, safe, 1)} }};")
        ctx = replace(ctx, objs=ctx.objs + (g,))
    if draw(st.booleans()):
        g = names.fresh("ga")
        head.append(f"const {g} = [{expr(draw, safe, 1)}, {expr(draw, safe, 1)}];")
        ctx = replace(ctx, arrs=ctx.arrs + (g,))

    # Named functions: each may call the ones before it (never itself).
    funcs: list[Func] = []
    if draw(st.booleans()):
        c = names.fresh("C")
        head += gen_ctor(draw, ctx, c)
        ctx = replace(ctx, ctors=(c,))
    if draw(st.booleans()):
        r = names.fresh("rec")
        head += gen_rec(draw, r)
        ctx = replace(ctx, recs=(r,))
    for _ in range(draw(st.integers(0, 3))):
        f = Func(names.fresh("f"), draw(st.integers(0, 3)))
        head += gen_function(draw, replace(ctx, funcs=tuple(funcs)), f.name, f.nparams)
        funcs.append(f)
    ctx = replace(ctx, funcs=tuple(funcs))

    # A global closure (snapshotted with its captured state).
    if draw(st.booleans()):
        name = names.fresh("gc")
        cctx = replace(ctx, prims=ctx.prims + ("x",), in_function=True, may_close=False,
                       depth=1)
        body = block(draw, cctx, 0, 2)
        head += [f"let {name} = (x) => {{"] + indent(body + [f"return cap({expr(draw, cctx)});"]) \
            + ["};"]
        ctx = replace(ctx, closures=ctx.closures + (Func(name, 1),))

    # Every named function is called once at the start of each phase, so its body runs.
    def calls() -> list[str]:
        out = []
        for f in funcs:
            out.append(f"try {{ print('{f.name}', show({f.name}({call_args(draw, ctx, 2, f.nparams)}))); }} "
                       "catch (e) { print('caught', show(e)); }")
        return out

    top = calls() + block(draw, ctx, 1, 8)
    after = calls() + block(draw, ctx, 1, 6)
    lines = head + ["try {"] + indent(top) + ["} catch (e) {", "  print('uncaught', show(e));",
                                              "}"]
    lines += ["export function afterResume() {", "  print('resumed');", "  try {"]
    lines += indent(after, "    ")
    lines += ["  } catch (e) {", "    print('uncaught', show(e));", "  }", "}"]
    return "\n".join(lines) + "\n"
