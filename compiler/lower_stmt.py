"""Lowering of statements and module bodies: each visit_<Type> is stack-neutral."""

from __future__ import annotations

from typing import Any

from .errors import CompileError
from .ir import FLAG_MODULE, IRFunction, Label
from .lower_base import FinallyExit, HandlerExit, JumpTarget, ModuleContext
from .lower_expr import ExpressionLowering
from .opcodes import Op
from .scope import DEFAULT_KEY, Kind

LOOPS = frozenset(
    {
        "WhileStatement",
        "DoWhileStatement",
        "ForStatement",
        "ForInStatement",
        "ForOfStatement",
    }
)


class Lowering(ExpressionLowering):
    # --- simple statements --------------------------------------------------------

    def visit_ExpressionStatement(self, node: Any) -> None:
        if node.directive is not None:
            return  # "use strict" and friends: modules are strict anyway
        self.effect(node.expression)

    def visit_EmptyStatement(self, node: Any) -> None:
        pass

    def visit_DebuggerStatement(self, node: Any) -> None:
        pass  # no debugger to stop in

    def visit_FunctionDeclaration(self, node: Any) -> None:
        pass  # created when its scope is entered (hoisting)

    def visit_VariableDeclaration(self, node: Any) -> None:
        for declarator in node.declarations:
            target = declarator.id
            with self.at_line(declarator):
                if declarator.init is not None:
                    hint = target.name if target.type == "Identifier" else None
                    self.value(declarator.init, hint)
                elif node.kind == "var":
                    continue  # `var x;` does not reset x
                else:
                    self.emit(
                        Op.PUSH_UNDEFINED
                    )  # `let x;` in a loop starts undefined each time
                self.bind_pattern(target, declare=True)

    def visit_BlockStatement(self, node: Any) -> None:
        scope = self.analysis.scope_of(node)
        with self.open_scope(scope):
            self.hoist_functions(scope)
            for statement in node.body:
                self.visit(statement)

    def visit_ReturnStatement(self, node: Any) -> None:
        if node.argument is not None:
            self.visit(node.argument)
        else:
            self.emit(Op.PUSH_UNDEFINED)
        finally_at = [
            i for i, e in enumerate(self.control) if isinstance(e, FinallyExit)
        ]
        if not finally_at:
            self.emit_return()  # RETURN itself drops handlers and the scope register
            return
        with self.temp_local() as result:
            self.emit(Op.STORE_LOCAL, result)
            self.unwind(finally_at[0])
            self.emit(Op.LOAD_LOCAL, result)
            self.emit_return()

    def visit_ThrowStatement(self, node: Any) -> None:
        self.visit(node.argument)
        self.emit(Op.THROW)

    def jump_target(self, node: Any, is_continue: bool) -> tuple[int, JumpTarget]:
        """The control entry a break/continue (maybe labeled) leaves to, and its index."""
        label = node.label.name if node.label is not None else None
        for index in range(len(self.control) - 1, -1, -1):
            entry = self.control[index]
            if not isinstance(entry, JumpTarget):
                continue
            if label is None:
                if entry.labeled_only or (is_continue and entry.continue_label is None):
                    continue
                return index, entry
            if label in entry.labels:
                if is_continue and entry.continue_label is None:
                    raise self.error(
                        node,
                        f"Illegal continue statement: '{label}' does not denote an "
                        "iteration statement",
                    )
                return index, entry
        if label is not None:
            raise self.error(node, f"Undefined label '{label}'")
        what = "continue" if is_continue else "break"
        raise self.error(node, f"Illegal {what} statement")

    def visit_BreakStatement(self, node: Any) -> None:
        index, entry = self.jump_target(node, is_continue=False)
        self.unwind(index + 1)
        self.emit(Op.JUMP, entry.break_label)

    def visit_ContinueStatement(self, node: Any) -> None:
        index, entry = self.jump_target(node, is_continue=True)
        self.unwind(index + 1)
        assert entry.continue_label is not None
        self.emit(Op.JUMP, entry.continue_label)

    def visit_LabeledStatement(self, node: Any) -> None:
        labels: list[str] = []
        body = node
        while body.type == "LabeledStatement":
            labels.append(body.label.name)
            body = body.body
        if body.type in LOOPS or body.type == "SwitchStatement":
            self.pending_labels = tuple(labels)  # taken by the loop's own JumpTarget
            self.visit(body)
            return
        end = Label("endlabel")
        self.control.append(JumpTarget(end, None, tuple(labels), labeled_only=True))
        self.visit(body)
        self.control.pop()
        self.place(end)

    def take_labels(self) -> tuple[str, ...]:
        labels, self.pending_labels = self.pending_labels, ()
        return labels

    # --- branches and loops -------------------------------------------------------

    def visit_IfStatement(self, node: Any) -> None:
        otherwise = Label("else")
        self.branch(node.test, otherwise, False)
        self.visit(node.consequent)
        if node.alternate is None:
            self.place(otherwise)
            return
        end = Label("endif")
        self.emit(Op.JUMP, end)
        self.place(otherwise)
        self.visit(node.alternate)
        self.place(end)

    def loop_body(
        self, body: Any, end: Label, next_iteration: Label, labels: tuple[str, ...]
    ) -> None:
        self.control.append(JumpTarget(end, next_iteration, labels))
        self.visit(body)
        self.control.pop()

    def visit_WhileStatement(self, node: Any) -> None:
        labels = self.take_labels()
        top, end = Label("while"), Label("endwhile")
        self.place(top)
        self.branch(node.test, end, False)
        self.loop_body(node.body, end, top, labels)
        self.emit(Op.JUMP, top)
        self.place(end)

    def visit_DoWhileStatement(self, node: Any) -> None:
        labels = self.take_labels()
        top, test, end = Label("do"), Label("dotest"), Label("enddo")
        self.place(top)
        self.loop_body(node.body, end, test, labels)
        self.place(test)
        self.branch(node.test, top, True)
        self.place(end)

    def visit_ForStatement(self, node: Any) -> None:
        labels = self.take_labels()
        head = self.analysis.scope_of(node)
        with self.open_scope(head):
            init = node.init
            if init is not None:
                if init.type == "VariableDeclaration":
                    self.visit(init)
                else:
                    self.effect(init)
            top, update, end = Label("for"), Label("forupdate"), Label("endfor")
            self.place(top)
            if node.test is not None:
                self.branch(node.test, end, False)
            self.loop_body(node.body, end, update, labels)
            self.place(update)
            if head is not None and head.materialized:
                # Closures of this iteration keep the old scope; the next iteration
                # gets a copy, so each sees its own `let` binding.
                self.emit(Op.SCOPE_CLONE)
            if node.update is not None:
                self.effect(node.update)
            self.emit(Op.JUMP, top)
            self.place(end)

    def visit_ForOfStatement(self, node: Any) -> None:
        self.iteration(node, keys=False)

    def visit_ForInStatement(self, node: Any) -> None:
        self.iteration(node, keys=True)

    def iteration(self, node: Any, keys: bool) -> None:
        """for-of over the values of an iterable, for-in over FOR_IN_KEYS of an object.

        The iterable and the index live in temporary locals; each iteration enters the
        head's scope afresh, so closures capture that iteration's binding.
        """
        labels = self.take_labels()
        top, done, end = Label("iter"), Label("iterdone"), Label("enditer")
        with (
            self.temp_local() as iterable,
            self.temp_local() as index,
            self.temp_local() as obj,
        ):
            self.visit(node.right)
            if keys:
                self.emit(Op.FOR_IN_KEYS)  # -> keys, the object (null for a primitive)
                self.emit(Op.STORE_LOCAL, obj)
            self.emit(Op.STORE_LOCAL, iterable)
            self.emit(Op.PUSH_I8, 0)
            self.emit(Op.STORE_LOCAL, index)
            self.place(top)
            self.emit(Op.LOAD_LOCAL, iterable)
            self.emit(Op.LOAD_LOCAL, index)
            self.emit(Op.ITER_NEXT)  # -> value next done
            self.emit(Op.JUMP_IF_TRUE, done)
            self.emit(Op.STORE_LOCAL, index)
            if keys:  # a key deleted since the loop started is skipped, as in JS
                present = Label("present")
                self.emit(Op.LOAD_LOCAL, obj)
                self.emit(Op.JUMP_IF_NULLISH, present)  # a string: nothing is deleted
                self.emit(Op.DUP)
                self.emit(Op.LOAD_LOCAL, obj)
                self.emit(Op.IN)
                self.emit(Op.JUMP_IF_TRUE, present)
                self.emit(Op.POP)
                self.emit(Op.JUMP, top)
                self.place(present)
            self.control.append(JumpTarget(end, top, labels))
            left = node.left
            with self.open_scope(self.analysis.scope_of(node)):
                with self.at_line(left):
                    if left.type == "VariableDeclaration":
                        target = left.declarations[0].id
                        self.bind_pattern(target, declare=True)
                    else:
                        self.bind_pattern(left, declare=False)
                self.visit(node.body)
            self.control.pop()
            self.emit(Op.JUMP, top)
            self.place(done)  # value next
            self.emit(Op.POP)
            self.emit(Op.POP)
            self.place(end)

    def visit_SwitchStatement(self, node: Any) -> None:
        names = self.take_labels()
        self.visit(node.discriminant)
        with self.temp_local() as discriminant:
            self.emit(Op.STORE_LOCAL, discriminant)
            scope = self.analysis.scope_of(node)
            with self.open_scope(scope):
                self.hoist_functions(scope)
                labels = [Label("case") for _ in node.cases]
                end = Label("endswitch")
                default = end
                for case, label in zip(node.cases, labels, strict=True):
                    if case.test is None:
                        default = label
                        continue
                    self.emit(Op.LOAD_LOCAL, discriminant)
                    self.visit(case.test)
                    self.emit(Op.STRICT_EQ)
                    self.emit(Op.JUMP_IF_TRUE, label)
                self.emit(Op.JUMP, default)
                self.control.append(JumpTarget(end, None, names))
                for case, label in zip(node.cases, labels, strict=True):
                    self.place(label)
                    for statement in case.consequent:
                        self.visit(statement)
                self.control.pop()
                self.place(end)

    # --- exceptions ---------------------------------------------------------------

    def visit_TryStatement(self, node: Any) -> None:
        if node.finalizer is None:
            self.try_catch(node)
            return
        # The finally block runs inline on the normal path and on every break,
        # continue or return leaving the try (via FinallyExit); a catch-all handler
        # runs it for exceptions, then rethrows.
        handler, end = Label("finally_handler"), Label("endtry")
        self.emit(Op.TRY, handler)
        self.control.append(FinallyExit(node.finalizer, self.scope))
        self.control.append(HandlerExit())
        self.try_catch(node)
        self.control.pop()
        self.control.pop()
        self.emit(Op.TRY_END)
        self.visit(node.finalizer)
        self.emit(Op.JUMP, end)
        self.place(handler)
        with self.temp_local() as exception:
            self.emit(Op.STORE_LOCAL, exception)
            self.visit(node.finalizer)
            self.emit(Op.LOAD_LOCAL, exception)
            self.emit(Op.THROW)
        self.place(end)

    def try_catch(self, node: Any) -> None:
        clause = node.handler
        if clause is None:
            self.visit(node.block)
            return
        catch, end = Label("catch"), Label("endcatch")
        self.emit(Op.TRY, catch)
        self.control.append(HandlerExit())
        self.visit(node.block)
        self.control.pop()
        self.emit(Op.TRY_END)
        self.emit(Op.JUMP, end)
        self.place(catch)  # the VM restored sp and scope, then pushed the exception
        with self.at_line(clause):
            scope = self.analysis.scope_of(clause)
            with self.open_scope(scope):
                if clause.param is not None:
                    self.bind_pattern(clause.param, declare=True)
                else:
                    self.emit(Op.POP)
                self.hoist_functions(scope)
                for statement in clause.body.body:
                    self.visit(statement)
        self.place(end)

    # --- modules ------------------------------------------------------------------

    def visit_ImportDeclaration(self, node: Any) -> None:
        pass  # imports are aliases of the exporter's globals: nothing runs

    def visit_ExportNamedDeclaration(self, node: Any) -> None:
        if node.declaration is not None:
            self.visit(node.declaration)

    def visit_ExportDefaultDeclaration(self, node: Any) -> None:
        declaration = node.declaration
        if declaration.type == "FunctionDeclaration":
            return  # hoisted
        if declaration.type == "ClassDeclaration":
            self.class_value(declaration, "default")
            if declaration.id is not None:  # export default class A {}: A is bound too
                self.emit(Op.DUP)
                self.store_binding(self.analysis.ref(declaration.id), declaration)
        else:
            self.value(declaration, "default")
        self.store_binding(self.scope.bindings[DEFAULT_KEY], node)

    def lower_module(self) -> IRFunction:
        """Lowers the module body: var globals to undefined, hoisted functions, code."""
        program = self.info.node
        self.ir.flags |= FLAG_MODULE
        scope = self.info.scope
        for binding in scope.bindings.values():
            if binding.kind is Kind.VAR:
                # Globals start as the TDZ marker; a var reads as undefined at once.
                self.emit(Op.PUSH_UNDEFINED)
                self.store_binding(binding, program)
        self.hoist_functions(scope)
        for statement in program.body:
            self.visit(statement)
        self.line = self.end_line(program)
        self.emit(Op.PUSH_UNDEFINED)
        self.emit(Op.RETURN)
        return self.finish(program)


def lower_module(ctx: ModuleContext, name: str) -> IRFunction:
    """Lowers one analysed module into its body function (and its nested functions)."""
    info = ctx.analysis.module_function
    try:
        return Lowering(ctx, info, name).lower_module()
    except RecursionError:
        raise CompileError("program is nested too deeply", ctx.filename) from None
