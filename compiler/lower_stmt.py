"""Lowering of statements and module bodies: each visit_<Type> is stack-neutral."""

from __future__ import annotations

from typing import Any

from .errors import CompileError
from .ir import FLAG_MODULE, IRFunction, Label
from .lower_base import FinallyExit, HandlerExit, JumpTarget, ModuleContext
from .lower_expr import ExpressionLowering
from .opcodes import Op
from .scope import DEFAULT_KEY, Binding, Kind


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
            binding = self.analysis.ref(declarator.id)
            assert isinstance(binding, Binding)
            if declarator.init is not None:
                self.value(declarator.init, declarator.id.name)
            elif node.kind == "var":
                continue  # `var x;` does not reset x
            else:
                self.emit(
                    Op.PUSH_UNDEFINED
                )  # `let x;` in a loop starts undefined each time
            self.store_binding(binding, declarator)

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
            self.emit(Op.RETURN)  # RETURN itself drops handlers and the scope register
            return
        with self.temp_local() as result:
            self.emit(Op.STORE_LOCAL, result)
            self.unwind(finally_at[0])
            self.emit(Op.LOAD_LOCAL, result)
            self.emit(Op.RETURN)

    def visit_ThrowStatement(self, node: Any) -> None:
        self.visit(node.argument)
        self.emit(Op.THROW)

    def visit_BreakStatement(self, node: Any) -> None:
        for index in range(len(self.control) - 1, -1, -1):
            entry = self.control[index]
            if isinstance(entry, JumpTarget):
                self.unwind(index + 1)
                self.emit(Op.JUMP, entry.break_label)
                return
        raise self.error(node, "Illegal break statement")

    def visit_ContinueStatement(self, node: Any) -> None:
        for index in range(len(self.control) - 1, -1, -1):
            entry = self.control[index]
            if isinstance(entry, JumpTarget) and entry.continue_label is not None:
                self.unwind(index + 1)
                self.emit(Op.JUMP, entry.continue_label)
                return
        raise self.error(node, "Illegal continue statement")

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

    def loop_body(self, body: Any, end: Label, next_iteration: Label) -> None:
        self.control.append(JumpTarget(end, next_iteration))
        self.visit(body)
        self.control.pop()

    def visit_WhileStatement(self, node: Any) -> None:
        top, end = Label("while"), Label("endwhile")
        self.place(top)
        self.branch(node.test, end, False)
        self.loop_body(node.body, end, top)
        self.emit(Op.JUMP, top)
        self.place(end)

    def visit_DoWhileStatement(self, node: Any) -> None:
        top, test, end = Label("do"), Label("dotest"), Label("enddo")
        self.place(top)
        self.loop_body(node.body, end, test)
        self.place(test)
        self.branch(node.test, top, True)
        self.place(end)

    def visit_ForStatement(self, node: Any) -> None:
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
            self.loop_body(node.body, end, update)
            self.place(update)
            if head is not None and head.materialized:
                # Closures of this iteration keep the old scope; the next iteration
                # gets a copy, so each sees its own `let` binding.
                self.emit(Op.SCOPE_CLONE)
            if node.update is not None:
                self.effect(node.update)
            self.emit(Op.JUMP, top)
            self.place(end)

    def visit_SwitchStatement(self, node: Any) -> None:
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
                self.control.append(JumpTarget(end, None))
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
                    binding = self.analysis.ref(clause.param)
                    assert isinstance(binding, Binding)
                    self.store_binding(binding, clause.param)
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
