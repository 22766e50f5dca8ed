"""CompileError: the only exception the compiler lets out for a bad program."""

from __future__ import annotations

import re
from typing import Any

# JS line terminators; str.splitlines() knows more (\x0b, \x85, ...), which would
# make the line numbers disagree with the parser's.
_JS_NEWLINE = re.compile("\r\n|[\n\r\u2028\u2029]")


def source_lines(source: str) -> list[str]:
    return _JS_NEWLINE.split(source)


class CompileError(Exception):
    """A problem in the program being compiled, at FILE:LINE:COL (1-based).

    source_line is the text of the offending line when the compiler knows it; the
    driver fills it in from the module's source so raising sites need not carry it.
    """

    def __init__(
        self,
        message: str,
        filename: str = "<input>",
        line: int = 1,
        col: int = 1,
        source_line: str | None = None,
    ) -> None:
        super().__init__(f"{filename}:{line}:{col}: {message}")
        self.message = message
        self.filename = filename
        self.line = line
        self.col = col
        self.source_line = source_line

    def format(self) -> str:
        """`FILE:LINE:COL: message`, then the source line and a caret under the col."""
        head = f"{self.filename}:{self.line}:{self.col}: {self.message}"
        if self.source_line is None:
            return head
        text = self.source_line.rstrip("\r\n")
        # Keep tabs in the caret's indent so it lines up under tabbed source.
        indent = "".join(c if c == "\t" else " " for c in text[: max(self.col - 1, 0)])
        return f"{head}\n{text}\n{indent}^"

    def with_source(self, source: str) -> CompileError:
        """Fills in source_line from the module source, if not already known."""
        if self.source_line is None:
            lines = source_lines(source)
            if 1 <= self.line <= len(lines):
                self.source_line = lines[self.line - 1]
        return self


def node_position(node: Any) -> tuple[int, int]:
    """(line, col) of an esprima node, 1-based, or (1, 1) when it has no location."""
    loc = getattr(node, "loc", None)
    start = getattr(loc, "start", None) if loc is not None else None
    if start is None or start.line is None:
        return 1, 1
    return int(start.line), int(start.column or 0) + 1


def error_at(node: Any, filename: str, message: str) -> CompileError:
    line, col = node_position(node)
    return CompileError(message, filename, line, col)
