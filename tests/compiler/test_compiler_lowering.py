"""The code shapes the VM relies on (docs/internals.md 4-7), pinned on snippets."""

from __future__ import annotations

from unit_helpers import contains, functions, listing, ops

from compiler.opcodes import (
    BUILTIN_GLOBALS,
    ERROR_KIND_REFERENCE_ERROR,
    ERROR_KIND_TYPE_ERROR,
    Op,
)


def module(source: str):
    return functions(source)["<module>"]


def test_method_call_passes_the_object_as_this():
    fn = module("const o = { m(x) { return x; } }; o.m(1);")
    assert contains(
        ops(fn), [Op.LOAD_GLOBAL, Op.DUP, Op.GET_PROP, Op.SWAP, Op.PUSH_I8, Op.CALL]
    )


def test_plain_call_passes_undefined_as_this():
    fn = module("function f(a, b) {} f(1, 2);")
    assert contains(
        ops(fn), [Op.LOAD_GLOBAL, Op.PUSH_UNDEFINED, Op.PUSH_I8, Op.PUSH_I8, Op.CALL]
    )
    assert ("CALL", "2") in listing(fn)


def test_new_pushes_an_unused_slot():
    fn = module("function P(x) { this.x = x; } new P(1);")
    assert contains(ops(fn), [Op.LOAD_GLOBAL, Op.PUSH_UNDEFINED, Op.PUSH_I8, Op.NEW])


def test_captured_loop_let_is_cloned_per_iteration():
    fn = module("const fs = []; for (let i = 0; i < 3; i++) { fs.push(() => i); }")
    body = ops(fn)
    assert Op.SCOPE_PUSH in body and Op.SCOPE_POP in body
    clone = body.index(Op.SCOPE_CLONE)
    assert body[clone + 1 : clone + 4] == [
        Op.LOAD_SCOPED,
        Op.INC,
        Op.STORE_SCOPED,
    ]  # before i++


def test_uncaptured_loop_let_is_a_local():
    fn = module("let s = 0; for (let i = 0; i < 3; i++) { s += i; }")
    body = ops(fn)
    assert Op.SCOPE_CLONE not in body and Op.SCOPE_PUSH not in body
    assert Op.LOAD_LOCAL in body and fn.nlocals == 1


def test_closures_and_rom_functions():
    fns = functions(
        "function outer() { let x = 1; return () => x; }\n"
        "function plain() { return 2; }"
    )
    outer = fns["outer"]
    assert Op.MAKE_CLOSURE in ops(outer)  # the arrow captures x
    assert contains(ops(outer), [Op.SCOPE_PUSH, Op.PUSH_I8, Op.STORE_SCOPED])
    assert Op.MAKE_CLOSURE not in ops(
        fns["<module>"]
    )  # top-level functions capture nothing


def test_captured_parameters_are_copied_into_the_scope():
    fn = functions("function f(a, b) { return () => b; }")["f"]
    assert listing(fn)[:3] == [
        ("SCOPE_PUSH", "1"),
        ("LOAD_ARG", "1"),
        ("STORE_SCOPED", "0", "0"),
    ]


def test_named_function_expression_uses_the_callee():
    fns = functions("const f = function fact(n) { return n ? n * fact(n - 1) : 1; };")
    assert Op.LOAD_CALLEE in ops(fns["fact"])
    assert Op.MAKE_CLOSURE not in ops(fns["<module>"])


def test_arrow_this_is_captured_from_the_enclosing_function():
    fns = functions("function f() { return () => this; }")
    assert contains(ops(fns["f"]), [Op.SCOPE_PUSH, Op.LOAD_THIS, Op.STORE_SCOPED])
    arrow = next(
        fn for name, fn in fns.items() if name not in ("f", "<module>", "<entry>")
    )
    assert arrow.flags & 1 and Op.LOAD_THIS not in ops(arrow)


def test_module_level_this_is_undefined():
    assert ops(module("const t = this;"))[:1] == [Op.PUSH_UNDEFINED]


def test_unknown_identifier_throws_reference_error():
    fn = module("print(nope);")
    throw = [ins for ins in fn.instructions if ins.op is Op.THROW_ERROR]
    assert throw and throw[0].operands[0] == ERROR_KIND_REFERENCE_ERROR
    assert fn.consts[throw[0].operands[1]] == '"nope is not defined"'


def test_typeof_undeclared_is_the_string_undefined():
    fn = module("const t = typeof nope;")
    assert Op.THROW_ERROR not in ops(fn)
    assert '"undefined"' in fn.consts


def test_assignment_to_const_throws_type_error():
    fn = module("const c = 1; function f() { c = 2; }")
    f = functions("const c = 1; function f() { c = 2; }")["f"]
    throw = [ins for ins in f.instructions if ins.op is Op.THROW_ERROR]
    assert throw[0].operands[0] == ERROR_KIND_TYPE_ERROR
    assert f.consts[throw[0].operands[1]] == '"Assignment to constant variable."'
    assert Op.THROW_ERROR not in ops(fn)


def test_builtins_and_prelude_resolution():
    fn = module("const e = new TypeError('x'); print(e);")
    assert ("LOAD_BUILTIN", str(BUILTIN_GLOBALS["TypeError"])) in listing(fn)
    assert ("LOAD_GLOBAL", "0") in listing(fn)  # print is the prelude's first global


def test_prelude_is_shadowed_by_module_bindings():
    fn = module("function print(x) { return x; } print(1);")
    assert ("LOAD_GLOBAL", "0") not in listing(fn)


def test_globals_are_initialised_in_order():
    fn = module("var v; let l; hoisted(); function hoisted() {}")
    body = listing(fn)
    # var -> undefined at once; the function before any statement; let at its place.
    assert body[0] == ("PUSH_UNDEFINED",) and body[1][0] == "STORE_GLOBAL"
    assert body[2][0] == "LOAD_CONST" and body[3][0] == "STORE_GLOBAL"


def test_compound_and_update_on_members():
    fn = module(
        "const o = {}, a = []; let i = 0; o.x += 2; a[i]++; o['y']--; a[i] **= 2;"
    )
    body = ops(fn)
    assert contains(body, [Op.DUP, Op.GET_PROP, Op.PUSH_I8, Op.ADD, Op.SET_PROP])
    assert contains(body, [Op.DUP2, Op.GET_ELEM, Op.INC, Op.SET_ELEM, Op.POP])
    assert contains(body, [Op.DUP, Op.GET_PROP, Op.DEC, Op.SET_PROP, Op.POP])
    assert contains(body, [Op.DUP2, Op.GET_ELEM, Op.PUSH_I8, Op.POW, Op.SET_ELEM])


def test_postfix_value_keeps_the_old_number():
    fn = module("const o = {x: 1}; const old = o.x++;")
    assert contains(
        ops(fn),
        [Op.GET_PROP, Op.TO_NUMBER, Op.DUP, Op.ROT3, Op.INC, Op.SET_PROP, Op.POP],
    )


def test_template_literal():
    fn = module("const n = 1; const s = `a${n}b`;")
    assert contains(
        ops(fn),
        [Op.LOAD_CONST, Op.LOAD_GLOBAL, Op.TO_STRING, Op.ADD, Op.LOAD_CONST, Op.ADD],
    )


def test_short_circuit_operators_jump():
    body = ops(module("let a = 1, b = 2; const x = a && b, y = a || b, z = a ?? b;"))
    assert (
        Op.JUMP_IF_FALSE in body
        and Op.JUMP_IF_TRUE in body
        and Op.JUMP_IF_NULLISH in body
    )


def test_optional_chain_short_circuits_to_undefined():
    fn = module("const o = null; const v = o?.a.b;")
    body = ops(fn)
    assert contains(body, [Op.DUP, Op.JUMP_IF_NULLISH, Op.GET_PROP, Op.GET_PROP])
    assert Op.PUSH_UNDEFINED in body


def test_array_literal_with_holes():
    fn = module("const a = [1, , 3];")
    assert contains(ops(fn), [Op.PUSH_I8, Op.PUSH_HOLE, Op.PUSH_I8, Op.NEW_ARRAY])
    assert ("NEW_ARRAY", "3") in listing(fn)


def test_object_literal_forms():
    fn = module("const a = 1, k = 'z'; const o = { a, b: 2, 3: 4, f() {}, [k]: 5 };")
    consts = fn.consts
    props = [consts[int(ins[1])] for ins in listing(fn) if ins[0] == "INIT_PROP"]
    assert props == ['"a"', '"b"', "3", '"f"']  # "3" is canonical: the int 3
    # A computed key defines (DEFINE_PROP 0): it must not run a setter of the literal.
    assert contains(ops(fn), [Op.DUP, Op.LOAD_GLOBAL, Op.PUSH_I8, Op.DEFINE_PROP, Op.POP])


def test_plain_object_literals_are_made_in_one_step():
    fn = module("const a = 1; const o = { a, b: 2, c: () => 3 };")
    assert contains(ops(fn), [Op.LOAD_GLOBAL, Op.PUSH_I8, Op.LOAD_CONST, Op.NEW_OBJECT_KEYS])
    assert Op.NEW_OBJECT not in ops(fn) and Op.INIT_PROP not in ops(fn)
    (count, index) = next(ins[1:] for ins in listing(fn) if ins[0] == "NEW_OBJECT_KEYS")
    assert count == "3" and fn.consts[int(index)].startswith("<keys a, b, c @")
    # Anything else takes the general path: an index key, a repeated name, __proto__, a
    # computed key, an accessor, a method, a spread, no property, more than 124 of them.
    many = ", ".join(f"k{i}: {i}" for i in range(125))
    for literal in ("{ 3: 1, b: 2 }", "{ b: 1, b: 2 }", "{ __proto__: null, b: 1 }",
                    "{ ['b']: 1 }", "{ get b() { return 1; } }", "{ b() {} }", "{ ...a }",
                    "{}", "{ " + many + " }"):
        fn = module(f"const a = {{}}; const o = {literal};")
        assert Op.NEW_OBJECT_KEYS not in ops(fn), literal
    fn = module("const o = { " + ", ".join(f"k{i}: {i}" for i in range(124)) + " };")
    assert ("NEW_OBJECT_KEYS", "124") in [ins[:2] for ins in listing(fn)]


def test_function_names_are_inferred():
    names = set(
        functions(
            "const f = () => 1; const o = { g: function () {} }; let h; h = () => 2;"
        )
    )
    assert {"f", "g", "h"} <= names


def test_try_finally_runs_finally_on_every_exit():
    fn = functions(
        "function f(x) { for (;;) { try {"
        " if (x) return 1; if (x > 1) break; if (x > 2) continue; }"
        " finally { print(0); } } }"
    )["f"]
    body = ops(fn)
    calls_to_print = body.count(Op.CALL)
    assert calls_to_print == 5  # return, break, continue, normal end, exception path
    assert body.count(Op.TRY) == 1 and body.count(Op.TRY_END) == 4
    assert Op.THROW in body  # the catch-all rethrows


def test_code_no_path_reaches_is_left_out():
    # The try block ends with `continue`: the copy of the finally block for its normal end
    # is never reached, and neither is the block's scope exit after a `return`.
    fn = functions(
        "function f(x) { for (;;) { try { if (x) return 1; continue; }"
        " finally { print(0); } } }"
    )["f"]
    assert ops(fn).count(Op.CALL) == 3  # return, continue, exception path
    g = functions("function g() { { let c = 0; return () => c; } }")["g"]
    assert ops(g)[-1] == Op.RETURN and Op.SCOPE_POP not in ops(g)


def test_switch_uses_strict_equality():
    fn = module("let v = 1; switch (v) { case 1: print(1); break; default: print(2); }")
    assert contains(ops(fn), [Op.LOAD_LOCAL, Op.PUSH_I8, Op.STRICT_EQ, Op.JUMP_IF_TRUE])


def test_delete_and_in():
    body = ops(
        module("const o = {a: 1}; delete o.a; delete o['b']; const h = 'a' in o;")
    )
    assert body.count(Op.DELETE_ELEM) == 2 and Op.IN in body


def test_while_true_has_no_test():
    body = ops(module("while (true) { break; }"))
    assert Op.JUMP_IF_FALSE not in body and Op.JUMP_IF_TRUE not in body
