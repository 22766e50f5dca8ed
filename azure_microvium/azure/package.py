"""The zip a function app runs: one shared host package plus the program's image.

Layout (paths inside the zip):

    function_app.py            rendered from host_package/function_app.py.tmpl: one route per
                               Internet.listenAt of this app
    host.json, requirements.txt
    azure_microvium/*.py       the run-time modules the local cloud uses (adapter, instances,
                               runtime host, stores), vendored
    hostlib/*.py, hostlib/_mvm*.so   the Python host and the C VM built on this machine
    mvc/image.mvm-bc           the image (mode 0600: it may hold a connection string)

The zip is deterministic (sorted entries, fixed timestamps and modes), so an unchanged program
gives a byte-identical zip, and the deploy compares its digest with the one recorded on the app
to skip the upload. The compiler is not in it: nothing compiles at run time.
"""
from __future__ import annotations

import hashlib
import importlib.util
import io
import os
import re
import sys
import sysconfig
import zipfile
from dataclasses import dataclass
from string import Template

from ..resources import AppSpec, RouteSpec

HERE = os.path.dirname(os.path.abspath(__file__))
PACKAGE_ROOT = os.path.dirname(HERE)  # azure_microvium/
HOST_PACKAGE = os.path.join(PACKAGE_ROOT, "host_package")
IMAGE_PATH = "mvc/image.mvm-bc"

# The run-time modules: what function_app.py imports, and what they import (no compiler, no
# Starlette, no deploy code).
RUNTIME_MODULES = ("__init__", "adapter", "idempotency", "imports", "instances", "limits",
                   "runtime", "sealing", "store", "store_mongo", "store_montydb")
HOSTLIB_MODULES = ("__init__", "_ffi", "errors", "values", "vm")

FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # the zip format's earliest date
MODE_FILE = 0o100644
MODE_EXECUTABLE = 0o100755
MODE_SECRET = 0o100600

AUTH_LEVELS = {"anonymous": "ANONYMOUS", "function": "FUNCTION"}
# Linux x86-64 is what Azure Functions' Python workers run on.
SUPPORTED_PLATFORM = "linux-x86_64"


class PackageError(Exception):
    """The package cannot be built on this machine."""


@dataclass(frozen=True)
class AppPackage:
    data: bytes
    digest: str  # sha256 of data, hex

    @property
    def size(self) -> int:
        return len(self.data)


def python_version() -> str:
    """The Python the VM extension was built for; the function app runs the same."""
    return f"{sys.version_info.major}.{sys.version_info.minor}"


def vm_extension() -> str:
    """The path of the normal build of the VM extension (never a stress or ASan variant)."""
    if sysconfig.get_platform() != SUPPORTED_PLATFORM:
        raise PackageError(
            f"the package ships the VM extension built on this machine, which is "
            f"{sysconfig.get_platform()}; Azure Functions runs Linux x86-64: deploy from Linux "
            "x86-64 (for example the CI workflow in docs/azure.md)")
    spec = importlib.util.find_spec("hostlib._mvm")
    if spec is None or not spec.origin or not os.path.isfile(spec.origin):
        raise PackageError("the VM extension hostlib._mvm is not built: run `pip install -e .`")
    return spec.origin


def route_name(index: int, route: RouteSpec) -> str:
    """A Python identifier and Azure function name for a route, readable in the portal."""
    slug = re.sub(r"[^A-Za-z0-9]+", "_", route.path).strip("_").lower()[:60] or "root"
    return f"route_{index}_{route.method.lower()}_{slug}"


def _route_code(index: int, route: RouteSpec) -> str:
    name = route_name(index, route)
    return (f"@app.route(route={route.path.lstrip('/')!r}, methods=[{route.method!r}])\n"
            f"def {name}(req: func.HttpRequest) -> func.HttpResponse:\n"
            f"    return serve(req)\n")


def render_function_app(app: AppSpec, export_id: int, routes: list[RouteSpec], auth: str,
                        max_body: int) -> str:
    with open(os.path.join(HOST_PACKAGE, "function_app.py.tmpl"), encoding="utf-8") as f:
        template = Template(f.read())
    code = "\n\n".join(_route_code(i, r) for i, r in enumerate(routes))
    # Every value goes in through repr(): the template never pastes raw text into code.
    return template.substitute(
        app_name_text=app.name, app_name=repr(app.name), export_id=repr(export_id),
        isolation=repr(app.isolation), instances=repr(app.instances),
        max_body=repr(max_body), auth_level=AUTH_LEVELS[auth],
        routes=code or "# (no routes: the program routes nothing to this app)\n")


def _add(zf: zipfile.ZipFile, name: str, data: bytes, mode: int = MODE_FILE) -> None:
    info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
    info.create_system = 3  # Unix, so that external_attr is read as a mode
    info.external_attr = mode << 16
    info.compress_type = zipfile.ZIP_DEFLATED
    zf.writestr(info, data, compresslevel=9)


def _read(path: str) -> bytes:
    with open(path, "rb") as f:
        return f.read()


def files(app: AppSpec, export_id: int, routes: list[RouteSpec], image: bytes, *,
          auth: str = "anonymous", max_body: int = 1024 * 1024) -> dict[str, tuple[bytes, int]]:
    """Every file of the package: path -> (content, mode)."""
    import hostlib

    out: dict[str, tuple[bytes, int]] = {
        "function_app.py": (render_function_app(app, export_id, routes, auth,
                                                max_body).encode("utf-8"), MODE_FILE),
        "host.json": (_read(os.path.join(HOST_PACKAGE, "host.json")), MODE_FILE),
        "requirements.txt": (_read(os.path.join(HOST_PACKAGE, "requirements.txt")), MODE_FILE),
        IMAGE_PATH: (image, MODE_SECRET),
    }
    for mod in RUNTIME_MODULES:
        out[f"azure_microvium/{mod}.py"] = (_read(os.path.join(PACKAGE_ROOT, f"{mod}.py")),
                                            MODE_FILE)
    hostlib_dir = os.path.dirname(os.path.abspath(hostlib.__file__))
    for mod in HOSTLIB_MODULES:
        out[f"hostlib/{mod}.py"] = (_read(os.path.join(hostlib_dir, f"{mod}.py")), MODE_FILE)
    so = vm_extension()
    out[f"hostlib/{os.path.basename(so)}"] = (_read(so), MODE_EXECUTABLE)
    return out


def build(app: AppSpec, export_id: int, routes: list[RouteSpec], image: bytes, *,
          auth: str = "anonymous", max_body: int = 1024 * 1024) -> AppPackage:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, (data, mode) in sorted(files(app, export_id, routes, image, auth=auth,
                                               max_body=max_body).items()):
            _add(zf, name, data, mode)
    data = buf.getvalue()
    return AppPackage(data, hashlib.sha256(data).hexdigest())
