"""The compiler: ES module source -> one bytecode unit for the VM (docs/internals.md).

Public API:
    compile_program(entry_path, *, bare_modules=None) -> bytes
    compile_source(source, filename="<input>") -> bytes
    CompileError (.filename .line .col .message, .format())
"""

from .errors import CompileError
from .program import compile_program, compile_source

__all__ = ["CompileError", "compile_program", "compile_source"]
