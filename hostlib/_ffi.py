"""The one place that imports the compiled cffi module.

MVM_VARIANT selects a build variant made by vm_c/build_ffi.py (e.g. `stress`, `asan`);
empty means the normal build installed with the package.
"""
from __future__ import annotations

import importlib
import os
from typing import Any

_variant = os.environ.get("MVM_VARIANT", "")
try:
    _mod: Any = importlib.import_module("hostlib._mvm" + (f"_{_variant}" if _variant else ""))
except ImportError as e:  # pragma: no cover - only when the package was not built
    raise ImportError(
        f"the VM extension is not built ({e}); run `pip install -e .` "
        "or `python setup.py build_ext --inplace`"
    ) from e

ffi: Any = _mod.ffi
lib: Any = _mod.lib
