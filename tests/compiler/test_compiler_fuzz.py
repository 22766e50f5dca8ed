"""Robustness: for any input, the compiler returns bytes or raises CompileError.

Three sources of input: random text over a JS-flavoured alphabet, mutations of the
corpus programs, and random programs from a small grammar of the supported subset (those
must compile, and their bytecode must pass the stack checks of test_compiler_stack).
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_compiler_stack import check_function

from compiler import CompileError, compile_source
from compiler.disasm import decode_unit_functions

CORPUS = [
    p.read_text() for p in sorted((Path(__file__).parent / "programs").glob("*.js"))
]
TOKENS = [
    "(",
    ")",
    "{",
    "}",
    "[",
    "]",
    ";",
    ",",
    ".",
    "?.",
    "?",
    ":",
    "=",
    "+=",
    "=>",
    "...",
    "let",
    "const",
    "var",
    "function",
    "return",
    "break",
    "continue",
    "this",
    "new",
    "try",
    "catch",
    "finally",
    "throw",
    "switch",
    "case",
    "default",
    "for",
    "while",
    "do",
    "if",
    "else",
    "x",
    "y",
    "1",
    "0.5",
    "'s'",
    "`t${",
    "}`",
    "import",
    "export",
    "from",
    "'./m.js'",
    "class",
    "async",
    "await",
    "yield",
    "*",
    "++",
    "--",
    "&&",
    "??=",
    "delete",
    "typeof",
    "void",
    "in",
    "of",
    "arguments",
    "undefined",
    "\n",
    "/",
    "#",
    "@",
    "\\u0041",
]
FAST = settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def compiles_or_refuses(source: str) -> None:
    try:
        result = compile_source(source, "fuzz.js")
    except CompileError as e:
        assert e.line >= 1 and e.col >= 1
        e.format()
        return
    assert isinstance(result, bytes)


@FAST
@given(st.lists(st.sampled_from(TOKENS + list(" abc01+-*<>!=&|^%~\"'")), max_size=40))
def test_random_token_soup(tokens: list[str]) -> None:
    compiles_or_refuses(" ".join(tokens))


@FAST
@given(st.text(max_size=60))
def test_random_unicode(source: str) -> None:
    compiles_or_refuses(source)


@FAST
@given(st.data())
def test_mutated_programs(data: st.DataObject) -> None:
    source = data.draw(st.sampled_from(CORPUS))
    for _ in range(data.draw(st.integers(1, 4))):
        kind = data.draw(st.sampled_from(["delete", "insert", "duplicate", "truncate"]))
        i = data.draw(st.integers(0, len(source)))
        j = min(len(source), i + data.draw(st.integers(0, 40)))
        if kind == "delete":
            source = source[:i] + source[j:]
        elif kind == "insert":
            source = (
                source[:i] + " " + data.draw(st.sampled_from(TOKENS)) + " " + source[i:]
            )
        elif kind == "duplicate":
            source = source[:j] + source[i:j] + source[j:]
        else:
            source = source[:i]
    compiles_or_refuses(source)


# --- random programs of the supported subset ----------------------------------------

NAMES = ["a", "b", "c"]
leaf = st.one_of(
    st.sampled_from(
        NAMES + ["1", "2.5", "-0", "'s'", "true", "null", "undefined", "this", "o"]
    ),
    st.integers(-70000, 70000).map(str),
)


def extend_expr(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    binary = st.sampled_from(
        [
            "+",
            "-",
            "*",
            "%",
            "**",
            "===",
            "!=",
            "<",
            ">=",
            "&&",
            "||",
            "??",
            "&",
            "<<",
            ">>>",
            "in",
        ]
    )
    return st.one_of(
        st.tuples(inner, binary, inner).map(lambda t: f"({t[0]} {t[1]} {t[2]})"),
        st.tuples(st.sampled_from(["- ", "!", "~", "typeof ", "void "]), inner).map(
            "".join
        ),
        st.tuples(inner, inner, inner).map(lambda t: f"({t[0]} ? {t[1]} : {t[2]})"),
        st.tuples(
            st.sampled_from(NAMES),
            st.sampled_from(["=", "+=", "||=", "??=", "*="]),
            inner,
        ).map(lambda t: f"({t[0]} {t[1]} {t[2]})"),
        st.tuples(st.sampled_from(NAMES), st.sampled_from(["++", "--"])).map("".join),
        inner.map(lambda e: f"o.p{'' if len(e) % 2 else '?.'}q"),
        st.tuples(inner, inner).map(lambda t: f"(o[{t[0]}] = {t[1]})"),
        st.tuples(inner, inner).map(lambda t: f"o?.[{t[0]}]?.({t[1]})"),
        st.lists(inner, max_size=3).map(lambda xs: f"f({', '.join(xs)})"),
        st.lists(inner, max_size=3).map(lambda xs: f"[{', '.join(xs)}]"),
        inner.map(lambda e: f"{{ k: {e}, m() {{ return this.k; }} }}"),
        inner.map(lambda e: f"((x) => x + {e})"),
        inner.map(lambda e: f"`t${{{e}}}`"),
        inner.map(lambda e: f"new F({e})"),
    )


expressions = st.recursive(leaf, extend_expr, max_leaves=8)


def extend_stmt(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    block = st.lists(inner, max_size=3).map(lambda ss: "{ " + " ".join(ss) + " }")
    return st.one_of(
        block,
        st.tuples(expressions, block, block).map(
            lambda t: f"if ({t[0]}) {t[1]} else {t[2]}"
        ),
        st.tuples(expressions, block).map(lambda t: f"while ({t[0]}) {t[1]}"),
        st.tuples(block, expressions).map(lambda t: f"do {t[0]} while ({t[1]});"),
        block.map(lambda b: f"for (let i = 0; i < 3; i++) {b}"),
        block.map(lambda b: f"for (let i = 0; i < 3; i++) {{ fs.push(() => i); {b} }}"),
        st.tuples(block, block).map(
            lambda t: f"try {t[0]} catch (e) {{ fs.push(() => e); }} finally {t[1]}"
        ),
        st.tuples(block, block).map(lambda t: f"try {t[0]} catch {t[1]}"),
        st.tuples(expressions, block, block).map(
            lambda t: (
                f"switch ({t[0]}) {{ case 1: {t[1]} default: {t[2]} case 2: break; }}"
            )
        ),
        block.map(lambda b: f"{{ function g() {b} }}"),
        st.tuples(st.sampled_from(["let", "const"]), expressions).map(
            lambda t: f"{{ {t[0]} q = {t[1]}; }}"
        ),
    )


simple_statements = st.one_of(
    expressions.map(lambda e: f"({e});"),
    st.sampled_from(
        ["break;", "continue;", "return a;", "return;", "throw a;", "a = () => this;"]
    ),
)
statements = st.recursive(simple_statements, extend_stmt, max_leaves=10)
PROLOGUE = "const o = {}; const fs = []; function F(v) { this.v = v; }\n"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(statements, min_size=1, max_size=4))
def test_random_subset_programs_compile_to_valid_bytecode(body: list[str]) -> None:
    # The statements go in a loop in a function: break/continue/return are legal.
    source = (
        PROLOGUE
        + "function f(a, b, c) {\n  for (;;) {\n    "
        + "\n    ".join(body)
        + "\n  }\n}\nf(1, 2, 3);\n"
    )
    try:
        unit = compile_source(source, "gen.js")
    except CompileError as e:
        # Only the parser may refuse (e.g. a `const` reassigned); never the subset.
        assert "not supported" not in e.message, e.format() + "\n" + source
        return
    for fn in decode_unit_functions(unit):
        assert check_function(fn) <= fn.max_stack
