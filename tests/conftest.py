import os
import sys

# The runner modules in tests/ import each other by plain name.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
