from setuptools import setup

# All metadata lives in pyproject.toml; this file only wires the cffi extension in.
setup(cffi_modules=["vm_c/build_ffi.py:ffibuilder"])
