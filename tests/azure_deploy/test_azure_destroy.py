"""`mvc destroy --target azure`: deletes what the app created in the environment, found by its
tags, only after confirmation; leaves everything else alone."""
from __future__ import annotations

import os
from typing import Any

from azure_helpers import RG_PATH, SUB, deploy_args, destroy_args
from fake_azure import ArmEmulator


def foreign(emulator: ArmEmulator, name: str, tags: dict[str, str]) -> None:
    key = f"{RG_PATH}/providers/microsoft.storage/storageaccounts/{name}"
    emulator.resources[key] = {"id": key, "name": name, "type": "Microsoft.Storage/storageAccounts",
                               "location": "westeurope", "tags": tags, "properties": {}}


def test_destroy_needs_confirmation(mvc: Any, project: str, emulator: ArmEmulator) -> None:
    assert mvc(*deploy_args(project)).code == 0
    r = mvc(*destroy_args(project))
    assert r.code == 1
    assert "would be removed" in r.out and "Cosmos DB account" in r.out
    assert "run again with --yes" in r.err
    assert [c for c in emulator.calls if c.method == "DELETE"] == []


def test_destroy_deletes_what_the_app_created(mvc: Any, project: str,
                                              emulator: ArmEmulator) -> None:
    assert mvc(*deploy_args(project)).code == 0
    r = mvc(*destroy_args(project, "--yes"))
    assert r.code == 0, r.err
    deleted = [c.path.split("/providers/")[-1].split("/")[1] if "/providers/" in c.path
               else "resourcegroup" for c in emulator.calls if c.method == "DELETE"]
    assert deleted == ["sites", "serverfarms", "storageaccounts", "databaseaccounts",
                       "resourcegroup"]
    versions = [c.api_version for c in emulator.calls if c.method == "DELETE"]
    assert versions == ["2025-05-01", "2025-05-01", "2026-09-01", "2026-03-15", "2025-04-01"]
    listing = emulator.find("GET", f"{RG_PATH}/resources")
    assert listing and all(c.api_version == "2025-04-01" for c in listing)
    assert emulator.resources == {}
    assert "Cosmos DB account" in r.out and "removed (with its data)" in r.out
    assert "resource group rg-demo: removed" in r.out
    assert "destroyed app insert-object, environment dev, resource group rg-demo" in r.out
    again = mvc(*destroy_args(project, "--yes"))
    assert again.code == 0 and "nothing to destroy" in again.out


def test_destroy_leaves_other_resources_and_their_group(mvc: Any, project: str,
                                                        emulator: ArmEmulator) -> None:
    assert mvc(*deploy_args(project)).code == 0
    foreign(emulator, "theirs", {"owner": "ops"})
    foreign(emulator, "otherapp", {"mvc-app": "other", "mvc-env": "dev", "mvc-role": "storage",
                                   "mvc-resource": "x"})
    r = mvc(*destroy_args(project, "--yes"))
    assert r.code == 0, r.err
    left = sorted(r["name"] for r in emulator.resources.values())
    assert left == ["otherapp", "rg-demo", "theirs"]
    assert "resource group rg-demo: left alone (2 other resource(s) in it)" in r.out


def test_a_group_we_did_not_create_stays(mvc: Any, project: str,
                                         emulator: ArmEmulator) -> None:
    emulator.resources[RG_PATH] = {"id": RG_PATH, "name": "rg-demo", "location": "westeurope",
                                   "type": "Microsoft.Resources/resourceGroups", "tags": {},
                                   "properties": {}}
    assert mvc(*deploy_args(project)).code == 0
    assert mvc(*destroy_args(project, "--yes")).code == 0
    assert list(emulator.resources) == [RG_PATH]


def test_destroy_is_per_environment(mvc: Any, project: str, emulator: ArmEmulator) -> None:
    assert mvc(*deploy_args(project)).code == 0
    assert mvc(*deploy_args(project, "--env", "prod")).code == 0
    r = mvc(*destroy_args(project, "--yes", "--env", "prod"))
    assert r.code == 0, r.err
    assert all("-prod" not in k for k in emulator.resources)
    assert len(emulator.of_type("Microsoft.Web/sites")) == 1


def test_destroy_names_the_app(mvc: Any, tmp_path: Any) -> None:
    empty = os.path.join(tmp_path, "empty")
    os.makedirs(empty)
    r = mvc("destroy", "--target", "azure", "--subscription", SUB, "--resource-group", "rg",
            "--project", empty)
    assert r.code == 1 and "give --app NAME or the program FILE" in r.err
    r = mvc("destroy", "--target", "azure", "--subscription", SUB, "--resource-group", "rg",
            "--project", empty, "--app", "insert-object", "--yes")
    assert r.code == 0 and "nothing to destroy" in r.out


def test_local_destroy_is_unchanged(mvc: Any, project: str) -> None:
    r = mvc("destroy", "--project", project)
    assert r.code == 0 and "nothing to destroy" in r.out
    r = mvc("destroy", "x.js", "--project", project)
    assert r.code == 1 and "FILE is for --target azure" in r.err
