"""The language subset: refuses every construct the compiler does not implement.

This pass runs on each parsed module before scope analysis and lowering, so those two
can assume the subset and stay free of "is this supported?" checks. It walks the whole
tree and raises CompileError at the first construct outside the subset, naming it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from esprima.nodes import Node  # type: ignore[import-untyped]

from .errors import error_at

# Node types that are refused outright, with the construct named in the error.
REFUSED: dict[str, str] = {
    "WithStatement": "with statements are",
    "TaggedTemplateExpression": "tagged templates are",
    "YieldExpression": "generators are",
    "MetaProperty": "new.target and import.meta are",
    "ImportExpression": "dynamic import() is",
    "PrivateIdentifier": "private names (#x) are",
    "StaticBlock": "static blocks in classes are",
    "ImportNamespaceSpecifier": "namespace imports (import * as ...) are",
    "ExportAllDeclaration": "export * declarations are",
}

# Node types of the subset, beyond those with a check_<Type> method below.
ALLOWED = frozenset(
    """
    Module Program ImportSpecifier ImportDefaultSpecifier ExportSpecifier
    ExportDefaultDeclaration
    ExpressionStatement BlockStatement EmptyStatement DebuggerStatement IfStatement
    WhileStatement DoWhileStatement ForStatement ReturnStatement ThrowStatement
    TryStatement CatchClause SwitchStatement SwitchCase VariableDeclarator
    Identifier TemplateLiteral TemplateElement ArrayExpression ObjectExpression
    UnaryExpression BinaryExpression LogicalExpression ConditionalExpression
    CallExpression NewExpression MemberExpression ChainExpression SequenceExpression
    ThisExpression LabeledStatement ForInStatement
    ObjectPattern ArrayPattern RestElement AssignmentPattern SpreadElement
    AwaitExpression Super ClassDeclaration ClassExpression ClassBody MethodDefinition
    """.split()
)


def children(node: Any) -> Iterator[Any]:
    """The child nodes of an esprima node, in field order (roughly source order)."""
    for key, value in node.items():
        if key in ("loc", "range"):
            continue
        if isinstance(value, Node):
            yield value
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, Node):
                    yield item


class SubsetChecker:
    def __init__(self, filename: str) -> None:
        self.filename = filename

    def refuse(self, node: Any, what: str) -> None:
        """what names the construct with its verb: "classes are", "spread is"."""
        raise error_at(node, self.filename, f"{what} not supported")

    def visit(self, node: Any) -> None:
        kind = node.type
        if kind in REFUSED:
            self.refuse(node, REFUSED[kind])
        check = getattr(self, f"check_{kind}", None)
        if check is not None:
            check(node)
        elif kind not in ALLOWED:
            raise error_at(node, self.filename, f"{kind} is not supported")
        for child in children(node):
            self.visit(child)

    def check_function(self, node: Any) -> None:
        if node.generator:
            self.refuse(node, "generators are")

    def check_ForOfStatement(self, node: Any) -> None:
        if getattr(node, "allowAwait", False) or getattr(node, "await", False):
            self.refuse(node, "for await loops are")

    def check_PropertyDefinition(self, node: Any) -> None:
        pass  # class fields, computed names included

    check_FunctionDeclaration = check_function
    check_FunctionExpression = check_function
    check_ArrowFunctionExpression = check_function

    def check_VariableDeclaration(self, node: Any) -> None:
        if node.kind not in ("var", "let", "const"):
            self.refuse(node, f"'{node.kind}' declarations are")

    def check_Literal(self, node: Any) -> None:
        if node.regex is not None:
            self.refuse(node, "regular expression literals are")
        if node.bigint is not None:
            self.refuse(node, "BigInt literals are")
        value = node.value
        if value is not None and not isinstance(value, (str, bool, int, float)):
            raise error_at(node, self.filename, "unsupported literal")

    def check_Property(self, node: Any) -> None:
        if node.kind not in ("init", "get", "set"):
            raise error_at(
                node, self.filename, f"'{node.kind}' properties are not supported"
            )

    def check_AssignmentExpression(self, node: Any) -> None:
        patterns = ("ObjectPattern", "ArrayPattern")
        if node.left.type in patterns and node.operator != "=":
            raise error_at(node, self.filename, "invalid destructuring assignment")
        if node.left.type not in ("Identifier", "MemberExpression", *patterns):
            raise error_at(node.left, self.filename, "invalid assignment target")

    def check_UpdateExpression(self, node: Any) -> None:
        if node.argument.type not in ("Identifier", "MemberExpression"):
            raise error_at(node, self.filename, "invalid update target")

    def check_ImportDeclaration(self, node: Any) -> None:
        if node.attributes:
            self.refuse(node, "import attributes are")

    def check_ExportNamedDeclaration(self, node: Any) -> None:
        if node.attributes:
            self.refuse(node, "import attributes are")

    def check_BreakStatement(self, node: Any) -> None:
        pass  # labels are resolved (or refused) by the lowering

    check_ContinueStatement = check_BreakStatement


def check_subset(program: Any, filename: str) -> None:
    SubsetChecker(filename).visit(program)
