"""The esprima wrapper: source text -> ESTree module, or CompileError."""

from __future__ import annotations

import re
from typing import Any

import esprima  # type: ignore[import-untyped]

from .errors import CompileError

_LINE_PREFIX = re.compile(r"^Line \d+: ")


def parse_module(source: str, filename: str) -> Any:
    """Parses an ES module with locations; every parser failure becomes CompileError."""
    try:
        return esprima.parseModule(source, {"loc": True, "range": True})
    except esprima.Error as e:
        message = _LINE_PREFIX.sub("", str(e.message))
        line = e.lineNumber if isinstance(e.lineNumber, int) and e.lineNumber > 0 else 1
        col = e.column if isinstance(e.column, int) and e.column > 0 else 1
        raise CompileError(message, filename, line, col).with_source(source) from None
    except RecursionError:
        raise CompileError("program is nested too deeply", filename) from None
    except Exception as e:  # noqa: BLE001 - a parser bug must not escape as a crash
        raise CompileError(
            f"parser failure: {type(e).__name__}: {e}", filename
        ) from None
