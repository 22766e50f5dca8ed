"""Known, open differences between the VM and Node (see FINDINGS.md here).

A random program that differs from Node only because of these bugs is counted as a hit of
them instead of a new failure, so that the differential runs keep finding new bugs while
these are open. Each entry has a regression test under tests/js/regressions/ (marked
`// skip: pending` while it fails). When a bug is fixed, delete its entry: the runs then
check that construct again.

Classification is by repair, not by guessing: each bug has a `neutralize` function that
rewrites the program's uses of the buggy construct into code with the same meaning that
avoids it (e.g. `c4.prototype === undefined` for an arrow function c4 becomes `true`, as
in Node). If the program with every applicable repair matches Node, the difference was due
to the repaired bugs; otherwise it is a new failure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable

# Names the generator gives to arrow functions: closures (c12), global closures (gc3).
_ARROW = r"\b(?:gc|c)\d+"


def _sub(pattern: str, repl: str) -> Callable[[str], str]:
    rx = re.compile(pattern, re.M)
    return lambda src: rx.sub(repl, src)


@dataclass(frozen=True)
class KnownBug:
    key: str  # FINDINGS.md section and regression test name (tests/js/regressions/KEY.js)
    title: str
    neutralize: Callable[[str], str]


KNOWN_BUGS: list[KnownBug] = [
    KnownBug(
        "arrow_prototype",
        "arrow functions (and methods) have a prototype object and can be used with new",
        lambda src: _sub(_ARROW + r"\.prototype\?\.constructor === undefined", "true")(
            _sub(_ARROW + r"\.prototype === undefined", "true")(src)),
    ),
    KnownBug(
        "array_named_properties",
        "properties with non-index keys written on arrays are dropped",
        # `a3['x y'] = cap(e);` keeps only the evaluation of e (reads then give undefined in
        # both engines).
        _sub(r"^(\s*)(?:ga|a)\d+\[(?:'a'|'b'|'c'|'x y'|'zz'|1\.5)\] = (cap\(.*\));$",
             r"\1\2;"),
    ),
    KnownBug(
        "in_array_methods",
        "'push' in anArray is false (the in operator does not see array methods)",
        _sub(r"\('push' in (?:ga|a)\d+\)", "(true)"),
    ),
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
