"""Every cloud test is bounded in time: an alarm fails a test that runs past its limit
(a server or a handler that hangs must not hang the suite)."""
from __future__ import annotations

import signal
from collections.abc import Iterator
from typing import Any

import pytest

LIMIT_SECONDS = 120


class TimeLimitExceeded(Exception):
    pass


def _expire(signum: int, frame: Any) -> None:
    raise TimeLimitExceeded(f"test ran longer than {LIMIT_SECONDS} s")


@pytest.fixture(autouse=True)
def time_limit() -> Iterator[None]:
    old = signal.signal(signal.SIGALRM, _expire)
    signal.alarm(LIMIT_SECONDS)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
