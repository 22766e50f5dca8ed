"""Deploying again: Azure is the state. The emulator keeps what the first deploy created, and
the second deploy finds it by name and changes nothing; a changed handler changes only code."""
from __future__ import annotations

import os
from typing import Any

from azure_helpers import AZURE_ARGS, RG_PATH, deploy_args, last_upload, set_handler
from fake_azure import ArmEmulator

from azure_microvium.azure import names


def test_a_second_deploy_changes_nothing(mvc: Any, project: str,
                                         emulator: ArmEmulator) -> None:
    first = mvc(*deploy_args(project))
    assert first.code == 0, first.err
    assert "8 created" in first.out
    assert emulator.find("GET", "/fake-operations/"), "long-running operations were polled"
    assert len(emulator.uploads) == 1
    before = len(emulator.calls)

    second = mvc(*deploy_args(project))
    assert second.code == 0, second.err
    again = emulator.calls[before:]
    assert [c for c in again if c in emulator.writes()] == []
    assert {c.method for c in again} <= {"GET", "POST"}  # POSTs: list keys/settings only
    assert len(emulator.uploads) == 1
    assert "no changes: everything is up to date" in second.out
    assert "created" not in second.out.replace("no changes", "")


def test_an_unchanged_program_gives_an_identical_package(mvc: Any, project: str,
                                                         emulator: ArmEmulator) -> None:
    assert mvc(*deploy_args(project)).code == 0
    first = emulator.uploads[0][1]
    # Forget the recorded digest: the deploy has to build and upload the package again.
    site = next(iter(emulator.app_settings))
    del emulator.app_settings[site]["MVC_PACKAGE_SHA256"]
    assert mvc(*deploy_args(project)).code == 0
    assert emulator.uploads[1][1] == first


def test_a_changed_handler_changes_only_the_code(mvc: Any, project: str,
                                                 emulator: ArmEmulator) -> None:
    assert mvc(*deploy_args(project)).code == 0
    old_zip = last_upload(emulator)
    before = len(emulator.calls)

    set_handler(project, "db.insert({ got: aMessage }); return 'stored';")
    r = mvc(*deploy_args(project))
    assert r.code == 0, r.err
    writes = [c for c in emulator.calls[before:] if c in emulator.writes()]
    assert [(c.method, c.path.rsplit("/", 2)[-2:]) for c in writes] == [
        ("POST", ["api", "publish"]),
        ("PUT", ["config", "appsettings"]),  # the new package's digest, merged
    ]
    assert "code my-function: updated" in r.out
    assert "1 updated" in r.out
    new_zip = last_upload(emulator)
    changed = [n for n in old_zip.namelist() if old_zip.read(n) != new_zip.read(n)]
    assert changed == ["mvc/image.mvm-bc"]
    assert old_zip.namelist() == new_zip.namelist()


def test_app_settings_are_merged_never_replaced(mvc: Any, project: str,
                                                emulator: ArmEmulator) -> None:
    assert mvc(*deploy_args(project)).code == 0
    site = next(iter(emulator.app_settings))
    emulator.app_settings[site]["OWNER_SETTING"] = "kept"
    emulator.app_settings[site]["AzureWebJobsStorage"] = "stale"
    set_handler(project, "return 1;")
    r = mvc(*deploy_args(project))
    assert r.code == 0, r.err
    settings = emulator.app_settings[site]
    assert settings["OWNER_SETTING"] == "kept"
    assert settings["AzureWebJobsStorage"].startswith("DefaultEndpointsProtocol=https;")
    assert "app settings my-function: updated (AzureWebJobsStorage)" in r.out


def test_plan_with_credentials_reads_and_writes_nothing(mvc: Any, project: str,
                                                        emulator: ArmEmulator) -> None:
    r = mvc(*deploy_args(project, "--plan"))
    assert r.code == 0, r.err
    assert emulator.writes() == []
    assert "resource group rg-demo: would be created" in r.out
    assert "route POST /insert-object-into-my-database: would be created" in r.out
    assert "plan: 8 to create; nothing was changed" in r.out

    assert mvc(*deploy_args(project)).code == 0
    set_handler(project, "return 2;")
    before = len(emulator.calls)
    r = mvc(*deploy_args(project, "--plan"))
    assert r.code == 0, r.err
    assert [c for c in emulator.calls[before:] if c in emulator.writes()] == []
    assert "code my-function: would be updated" in r.out
    assert "plan: 1 to update, 7 unchanged; nothing was changed" in r.out


def test_environments_get_their_own_group_and_names(mvc: Any, project: str,
                                                    emulator: ArmEmulator) -> None:
    assert mvc(*deploy_args(project)).code == 0
    r = mvc(*deploy_args(project, "--env", "prod"))
    assert r.code == 0, r.err
    assert "resource group rg-demo-prod: created" in r.out
    groups = sorted(k for k in emulator.resources if k.count("/") == 4)
    assert groups == [RG_PATH, RG_PATH + "-prod"]
    sites = sorted(s["name"] for s in emulator.of_type("Microsoft.Web/sites"))
    assert len(sites) == 2 and sites[0] != sites[1]
    prod = [s for s in emulator.of_type("Microsoft.Web/sites") if "-prod/" in s["id"].lower()]
    assert prod[0]["tags"]["mvc-env"] == "prod"


def test_an_app_no_longer_declared_is_removed_and_its_database_kept(
        mvc: Any, project: str, emulator: ArmEmulator) -> None:
    assert mvc(*deploy_args(project)).code == 0
    with open(os.path.join(project, "main.js"), "w", encoding="utf-8") as f:
        f.write("import { FunctionsApp, Internet } from 'azure-microvium';\n"
                "const ping = new FunctionsApp('ping', () => 'pong');\n"
                "Internet.listenAt('/ping', 'GET', ping);\n")
    r = mvc(*deploy_args(project))
    assert r.code == 0, r.err
    assert "function app ping" in r.out and "created" in r.out
    assert "route POST /insert-object-into-my-database: removed" in r.out
    assert "function app my-function (" in r.out and ": removed" in r.out
    assert "my-database is no longer declared; its data is kept" in r.out
    apps = {s["tags"]["mvc-resource"] for s in emulator.of_type("Microsoft.Web/sites")}
    assert apps == {"ping"}
    assert len(emulator.of_type("Microsoft.Web/serverfarms")) == 1
    assert len(emulator.of_type("Microsoft.Storage/storageAccounts")) == 1
    assert len(emulator.of_type("Microsoft.DocumentDB/databaseAccounts")) == 1


def test_missing_tags_are_merged_back(mvc: Any, project: str, emulator: ArmEmulator) -> None:
    assert mvc(*deploy_args(project)).code == 0
    site = emulator.of_type("Microsoft.Web/sites")[0]
    site["tags"] = {"owner": "ops"}
    r = mvc(*deploy_args(project))
    assert r.code == 0, r.err
    patch = emulator.find("PATCH", "/providers/microsoft.resources/tags/default")
    assert len(patch) == 1
    assert patch[0].body == {"operation": "Merge", "properties": {"tags": {
        "mvc-app": "insert-object", "mvc-env": "dev", "mvc-role": "function-app",
        "mvc-resource": "my-function"}}}
    assert site["tags"]["owner"] == "ops" and site["tags"]["mvc-app"] == "insert-object"
    assert "(tags)" in r.out


def test_a_group_that_exists_is_used_with_its_location(mvc: Any, project: str,
                                                       emulator: ArmEmulator) -> None:
    emulator.resources[RG_PATH] = {"id": RG_PATH, "name": "rg-demo", "location": "northeurope",
                                   "type": "Microsoft.Resources/resourceGroups", "tags": {},
                                   "properties": {"provisioningState": "Succeeded"}}
    args = [a for a in deploy_args(project) if a not in ("--location", "westeurope")]
    r = mvc(*args)
    assert r.code == 0, r.err
    assert "resource group rg-demo: unchanged (northeurope)" in r.out
    assert emulator.find("PUT", RG_PATH) == [] or all(
        c.path != RG_PATH for c in emulator.find("PUT", RG_PATH))
    account = emulator.of_type("Microsoft.DocumentDB/databaseAccounts")[0]
    assert account["location"] == "northeurope"


def test_names_are_valid_and_stable() -> None:
    t = names.Target("s", "rg-demo", "westeurope", "dev", "insert-object")
    long = "a" * 44
    for db in ("my-database", long, "x0-" + "b" * 41):
        n = names.cosmos_account(t, db)
        assert 3 <= len(n) <= 44 and n == n.lower() and not n.startswith("-")
        assert all(ch.isalnum() or ch == "-" for ch in n) and not n.endswith("-")
    for app in ("my-function", "A" * 60, "x-" * 30):
        st = names.storage_account(t, app)
        assert 3 <= len(st) <= 24 and st.isalnum() and st == st.lower()
        site = names.site(t, app)
        assert 2 <= len(site) <= 60 and not site.startswith("-") and "--" not in site[-12:]
        assert len(names.plan(t, app)) <= 60
    assert names.site(t, "f") == names.site(t, "f")
    other_env = names.Target("s", "rg-demo", "westeurope", "prod", "insert-object")
    other_app = names.Target("s", "rg-demo", "westeurope", "dev", "other")
    assert len({names.site(x, "f") for x in (t, other_env, other_app)}) == 3
    assert other_env.group == "rg-demo-prod" and t.group == "rg-demo"


def test_local_target_is_still_the_default(mvc: Any, project: str,
                                           emulator: ArmEmulator) -> None:
    r = mvc("deploy", os.path.join(project, "main.js"), "--project", project)
    assert r.code == 0, r.err
    assert "(local)" in r.out and emulator.calls == []
    r = mvc("deploy", os.path.join(project, "main.js"), "--project", project, "--plan")
    assert r.code == 1 and "--plan is for --target azure" in r.err
    assert AZURE_ARGS[0] == "--target"


def test_two_apps_share_one_host_package_and_one_image(mvc: Any, emulator: ArmEmulator) -> None:
    from azure_helpers import ROOT

    r = mvc("deploy", os.path.join(ROOT, "examples", "two-apps", "main.js"), *AZURE_ARGS)
    assert r.code == 0, r.err
    assert len(emulator.of_type("Microsoft.DocumentDB/databaseAccounts")) == 1
    assert len(emulator.of_type("Microsoft.Web/sites")) == 2
    assert len(emulator.uploads) == 2
    import io
    import zipfile

    a, b = (zipfile.ZipFile(io.BytesIO(data)) for _, data in emulator.uploads)
    assert a.namelist() == b.namelist()
    differ = [n for n in a.namelist() if a.read(n) != b.read(n)]
    assert differ == ["function_app.py"]  # its routes and export id; the image is the same


def test_the_root_path_cannot_be_routed(mvc: Any, project: str, emulator: ArmEmulator) -> None:
    with open(os.path.join(project, "main.js"), "w", encoding="utf-8") as f:
        f.write("import { FunctionsApp, Internet } from 'azure-microvium';\n"
                "Internet.listenAt('https://example.com/', 'GET', new FunctionsApp('home', "
                "() => 1));\n")
    r = mvc(*deploy_args(project))
    assert r.code == 1
    assert "Azure Functions cannot route the root path" in r.err
    assert emulator.writes() == []


def test_a_drifted_site_is_put_back_with_its_settings_merged(
        mvc: Any, project: str, emulator: ArmEmulator) -> None:
    import sys

    assert mvc(*deploy_args(project)).code == 0
    site = emulator.of_type("Microsoft.Web/sites")[0]
    site["properties"]["functionAppConfig"]["runtime"]["version"] = "3.10"
    key = next(iter(emulator.app_settings))
    emulator.app_settings[key]["OWNER_SETTING"] = "kept"
    before = len(emulator.calls)
    r = mvc(*deploy_args(project))
    assert r.code == 0, r.err
    py = f"{sys.version_info.major}.{sys.version_info.minor}"
    assert f"function app my-function ({site['name']}): updated (python {py})" in r.out
    puts = [c for c in emulator.calls[before:] if c.method == "PUT"]
    assert len(puts) == 1 and puts[0].path.endswith(site["name"].lower())
    sent = {s["name"]: s["value"] for s in puts[0].body["properties"]["siteConfig"]["appSettings"]}
    assert sent["OWNER_SETTING"] == "kept" and "MVC_PACKAGE_SHA256" in sent
    assert emulator.app_settings[key]["OWNER_SETTING"] == "kept"
    assert len(emulator.uploads) == 1
