"""A deploy: run the program once with the deploy-time host, take the image, apply it.

The program's declarations call the provider through the host functions below while the top
level runs; when it has finished, hostlib takes the snapshot and the provider makes the cloud
match (provider.py explains the contract). A program that throws, or does not compile, changes
nothing: the error is raised before `apply`.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any, TextIO

from hostlib import UNDEFINED, Host

from . import imports
from .provider import Change, Provider
from .resources import app_spec, database_spec, route_spec
from .runtime import DataFunctions
from .sealing import Sealer, sealer_from_env
from .store import StoreRegistry

# Where `import ... from 'azure-microvium'` comes from: the JS shipped in this package.
JS_MODULE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "js", "index.js")
BARE_MODULES = {"azure-microvium": JS_MODULE}


def _py(value: Any) -> Any:
    """undefined as None: the resource checks treat a missing argument like null."""
    return None if value is UNDEFINED else value


class DeployHost:
    """The deploy-time host functions, bound to one provider. With a sealer, the program gets
    its connection strings sealed (sealing.py): the image then holds only ciphertext."""

    def __init__(self, provider: Provider, sealer: Sealer | None = None) -> None:
        self.provider = provider
        self.sealer = sealer

    def ensure_database(self, vm: Any, name: Any = UNDEFINED, options: Any = UNDEFINED
                        ) -> dict[str, str]:
        conn = self.provider.ensure_database(database_spec(_py(name), _py(options)))
        connection = conn.connection
        if self.sealer is not None:
            connection = self.sealer.seal(connection)
        return {"connection": connection, "database": conn.database}

    def ensure_function_app(self, vm: Any, name: Any = UNDEFINED, options: Any = UNDEFINED
                            ) -> int:
        return self.provider.ensure_function_app(app_spec(_py(name), _py(options)))

    def bind_route(self, vm: Any, url: Any = UNDEFINED, method: Any = UNDEFINED,
                   app: Any = UNDEFINED) -> Any:
        self.provider.bind_route(route_spec(_py(url), _py(method), str(_py(app))))
        return UNDEFINED

    def host(self, stores: StoreRegistry, stdout: TextIO | None = None) -> Host:
        host = Host(stdout=stdout)
        host.add(imports.PHASE, lambda vm: "deploy")
        host.add(imports.ENSURE_DATABASE, self.ensure_database)
        host.add(imports.ENSURE_FUNCTION_APP, self.ensure_function_app)
        host.add(imports.BIND_ROUTE, self.bind_route)
        DataFunctions(stores, self.sealer).register(host)
        return host


@dataclass
class DeployResult:
    changes: list[Change]
    image_size: int


def build(entry: str, provider: Provider, *, stdout: TextIO | None = None,
          max_heap: int = 0, sealer: Sealer | None | bool = True) -> bytes:
    """Runs the program's top level against the provider and returns the image.

    sealer: True (default) seals connection strings with MVC_SEAL_KEY when it is set; None or
    False never seals. Raises compiler.CompileError, hostlib.JSException, hostlib.VMError or
    sealing.SealError (a malformed MVC_SEAL_KEY).
    """
    from hostlib.cli import build_image

    if sealer is True:
        sealer = sealer_from_env()
    stores = StoreRegistry()
    try:
        host = DeployHost(provider, sealer or None).host(stores, stdout)
        return build_image(entry, host=host, bare_modules=BARE_MODULES, max_heap=max_heap)
    finally:
        stores.close()


def deploy(entry: str, provider: Provider, *, stdout: TextIO | None = None,
           max_heap: int = 0, sealer: Sealer | None | bool = True) -> DeployResult:
    image = build(entry, provider, stdout=stdout, max_heap=max_heap, sealer=sealer)
    return DeployResult(provider.apply(image, entry), len(image))
