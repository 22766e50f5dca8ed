"""Nothing leaks: 50,000 export calls with ~3 host calls each (strings, objects, arrays, JS
functions handed to the host and called back, a Python exception the program catches) keep the
process RSS and the live VM heap flat. `python tools/soak.py` is the 1,000,000-call version
(docs/security.md)."""
from __future__ import annotations

import os
import sys

import pytest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__)))), "tools"))

from soak import soak  # noqa: E402


@pytest.mark.skipif(os.environ.get("MVM_VARIANT") in ("asan", "stress"),
                    reason="memory of an instrumented build is not the product's")
def test_50k_calls_keep_rss_and_heap_flat() -> None:
    result = soak(50_000, samples=5)
    assert result.ok, result.failures
    first, last = result.samples[0], result.samples[-1]
    assert last.heap_used == first.heap_used
