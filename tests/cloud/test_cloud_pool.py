"""The instance pool on its own: an instance is lent to one caller at a time, at most `size`
exist, broken ones are replaced, a closed pool drains."""
from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from cloud_helpers import engine_ready

if not engine_ready():
    pytest.skip("the compiler and VM are not built", allow_module_level=True)

from azure_microvium.adapter import HandlerUnavailable
from azure_microvium.instances import InstancePool


class FakeInstance:
    """Records whether two callers ever use it at once."""

    made = 0

    def __init__(self) -> None:
        FakeInstance.made += 1
        self.users = 0
        self.overlapped = False
        self.broken = False
        self.closed = False

    def use(self) -> None:
        self.users += 1
        if self.users > 1:
            self.overlapped = True
        time.sleep(0.002)
        self.users -= 1

    def close(self) -> None:
        self.closed = True


def test_each_instance_serves_one_caller_at_a_time() -> None:
    made: list[FakeInstance] = []

    def make() -> Any:
        inst = FakeInstance()
        made.append(inst)
        return inst

    pool = InstancePool(make, 3, reuse=True, acquire_timeout=10)

    def work() -> None:
        for _ in range(20):
            inst = pool.acquire()
            inst.use()
            pool.release(inst)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert 1 <= len(made) <= 3
    assert not any(i.overlapped for i in made)
    assert pool.live == len(made)


def test_broken_instances_are_replaced_and_waiting_times_out() -> None:
    pool = InstancePool(FakeInstance, 1, reuse=True, acquire_timeout=0.2)
    a = pool.acquire()
    with pytest.raises(HandlerUnavailable):
        pool.acquire()  # the only instance is lent out
    a.broken = True
    pool.release(a)
    assert a.closed
    b = pool.acquire()
    assert b is not a
    pool.release(b)
    assert pool.acquire() is b  # a healthy instance is reused


def test_per_request_pools_never_reuse_and_closed_pools_drain() -> None:
    pool = InstancePool(FakeInstance, 2, reuse=False, acquire_timeout=1)
    a = pool.acquire()
    pool.release(a)
    assert a.closed and pool.live == 0
    warm = InstancePool(FakeInstance, 2, reuse=True, acquire_timeout=1)
    lent = warm.acquire()
    idle = warm.acquire()
    warm.release(idle)
    warm.close()
    assert idle.closed and not lent.closed
    warm.release(lent)
    assert lent.closed and warm.live == 0
