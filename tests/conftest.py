import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
# The runner modules in tests/ import each other by plain name; the repo root goes first so
# that tests/compiler/ never shadows the compiler package.
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.dirname(HERE))


# The slowest modules first (tests/mcu cross-compiles cores and runs the emulated board; the
# fuzz replays build their own): with pytest-xdist's --dist loadfile (tools/test.sh) the
# workers then finish together instead of one of them running these alone at the end.
SLOW_FIRST = (os.path.join(HERE, "mcu") + os.sep, os.path.join(HERE, "fuzz") + os.sep)


def pytest_collection_modifyitems(items: list) -> None:
    items.sort(key=lambda item: not str(item.path).startswith(SLOW_FIRST))
