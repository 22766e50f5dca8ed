"""Shared by the Azure tests: the example, the command lines, reading what the emulator saw."""
from __future__ import annotations

import io
import os
import zipfile

from fake_azure import ArmEmulator

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXAMPLE = os.path.join(ROOT, "examples", "insert-object")
SUB, RG, LOCATION = "sub-1", "rg-demo", "westeurope"
AZURE_ARGS = ("--target", "azure", "--subscription", SUB, "--resource-group", RG,
              "--location", LOCATION)
RG_PATH = f"/subscriptions/{SUB}/resourcegroups/{RG}"


def deploy_args(project: str, *extra: str) -> list[str]:
    return ["deploy", os.path.join(project, "main.js"), *AZURE_ARGS, *extra]


def destroy_args(project: str, *extra: str) -> list[str]:
    return ["destroy", os.path.join(project, "main.js"), "--target", "azure", "--subscription",
            SUB, "--resource-group", RG, *extra]


def set_handler(project: str, body: str) -> None:
    """Rewrites the example's handler (the part between `aMessage =>` and the `);`)."""
    path = os.path.join(project, "main.js")
    with open(path, encoding="utf-8") as f:
        src = f.read()
    start = src.index("aMessage => {")
    end = src.index("});", start)
    with open(path, "w", encoding="utf-8") as f:
        f.write(src[:start] + "aMessage => { " + body + " " + src[end:])


def last_upload(emulator: ArmEmulator) -> zipfile.ZipFile:
    assert emulator.uploads, "nothing was uploaded"
    return zipfile.ZipFile(io.BytesIO(emulator.uploads[-1][1]))
