import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
# The runner modules in tests/ import each other by plain name; the repo root goes first so
# that tests/compiler/ never shadows the compiler package.
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.dirname(HERE))
