"""Per-call limits of a function instance; its own module so that the CLI reads the
defaults without importing the serving stack."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    """What one call may use. budget: VM instructions per call (0 = unlimited)."""

    budget: int = 50_000_000
    max_heap: int = 0
    acquire_timeout: float = 30.0
