"""Known, open differences between the VM and Node (see FINDINGS.md here).

A random program that differs from Node only because of these bugs is counted as a hit of
them instead of a new failure, so that the differential runs keep finding new bugs while
these are open. Each entry has a regression test under tests/js/regressions/ (marked
`// skip: pending` while it fails). When a bug is fixed, delete its entry: the runs then
check that construct again.

Classification is by repair, not by guessing: each bug has a `neutralize` function that
rewrites the program's uses of the buggy construct into code with the same meaning that
avoids it (e.g. `a3['c'] = cap(e);` on an array becomes `cap(e);`, after which reads of
a3['c'] give undefined in both engines). If the program with every applicable repair
matches Node, the difference was due to the repaired bugs; otherwise it is a new failure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable


def _sub(pattern: str, repl: str) -> Callable[[str], str]:
    rx = re.compile(pattern, re.M)
    return lambda src: rx.sub(repl, src)


@dataclass(frozen=True)
class KnownBug:
    key: str  # FINDINGS.md section and regression test name (tests/js/regressions/KEY.js)
    title: str
    neutralize: Callable[[str], str]


KNOWN_BUGS: list[KnownBug] = [
    # None open. Findings 1-4 of FINDINGS.md are fixed (array_named_properties in 756faa5,
    # writes at indexes >= 2^30 now throw RangeError); their entries were removed, so the
    # runs check those constructs again. An entry looks like:
    # KnownBug("key", "title", _sub(r"pattern of the buggy construct", r"a repair")),
]


def classify(mismatch: Any, recheck: Callable[[str], Any]) -> list[KnownBug]:
    """The known bugs that explain the mismatch: [] when it is new. `recheck(source)`
    runs a program again and returns its Mismatch or None."""
    source = mismatch.source
    applied = []
    for bug in KNOWN_BUGS:
        repaired = bug.neutralize(source)
        if repaired != source:
            applied.append(bug)
            source = repaired
    if not applied:
        return []
    return applied if recheck(source) is None else []
