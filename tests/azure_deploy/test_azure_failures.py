"""Bad input and refusals: one line saying what happened and what to do, the list of what the
run did before it, and a retry that continues from there."""
from __future__ import annotations

from typing import Any

import pytest
from azure.identity import CredentialUnavailableError
from azure_helpers import RG, deploy_args
from fake_azure import ArmEmulator

from azure_microvium.azure import commands, names, onedeploy

TARGET = names.Target("sub-1", RG, "westeurope", "dev", "insert-object")


class NoCredential:
    def get_token(self, *scopes: str, **kwargs: Any) -> Any:
        raise CredentialUnavailableError(
            "DefaultAzureCredential failed to retrieve a token from the included credentials."
            "\nAttempted credentials:\n\tEnvironmentCredential: not configured")


def puts(emulator: ArmEmulator, fragment: str) -> int:
    return len(emulator.find("PUT", fragment))


def first_line(err: str) -> str:
    lines = [ln for ln in err.splitlines() if ln.startswith("mvc: ")]
    assert len(lines) == 1, err
    return lines[0]


def test_no_credentials(mvc: Any, project: str, emulator: ArmEmulator,
                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(commands, "make_credential", NoCredential)
    r = mvc(*deploy_args(project))
    assert r.code == 1
    line = first_line(r.err)
    assert line.startswith("mvc: no Azure credentials (DefaultAzureCredential failed")
    assert "az login" in line and "nothing was changed" in line
    assert emulator.calls == []


def test_no_credentials_plan_prints_the_full_create_plan(mvc: Any, project: str,
                                                         emulator: ArmEmulator,
                                                         monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    monkeypatch.setattr(commands, "make_credential", NoCredential)
    args = [a for a in deploy_args(project, "--plan") if a not in ("--subscription", "sub-1")]
    r = mvc(*args)
    assert r.code == 0, r.err
    assert "no Azure credentials (DefaultAzureCredential failed" in r.out
    assert "this is the full create plan" in r.out
    for line in ("resource group rg-demo: would be created",
                 (f"Cosmos DB account {names.cosmos_account(TARGET, 'my-database')}: would be "
                  "created"),
                 "database my-database",
                 (f"storage account {names.storage_account(TARGET, 'my-function')}: would be "
                  "created"),
                 f"plan {names.plan(TARGET, 'my-function')}: would be created",
                 (f"function app my-function ({names.site(TARGET, 'my-function')}): would be "
                  "created"),
                 "code my-function: would be created",
                 "route POST /insert-object-into-my-database: would be created"):
        assert line in r.out
    assert "plan: 8 to create; nothing was changed" in r.out
    assert emulator.calls == []


def test_missing_permission_then_retry(mvc: Any, project: str, emulator: ArmEmulator) -> None:
    emulator.fail("PUT", "/storageaccounts/", 403, "AuthorizationFailed",
                  "The client 'ci' does not have authorization to perform action "
                  "'Microsoft.Storage/storageAccounts/write'.")
    r = mvc(*deploy_args(project))
    assert r.code == 1
    storage = names.storage_account(TARGET, "my-function")
    assert first_line(r.err) == (
        f"mvc: permission denied while creating storage account {storage} "
        "(AuthorizationFailed): the signed-in identity needs the Contributor role on resource "
        "group rg-demo or subscription sub-1; ask an owner to grant it, then run the same "
        "command again")
    assert "done before the failure" in r.err
    assert "  resource group rg-demo: created" in r.err
    assert "Cosmos DB account" in r.err and "database my-database" in r.err
    assert "storage account" not in r.err.split("done before the failure")[1]

    retry = mvc(*deploy_args(project))
    assert retry.code == 0, retry.err
    assert "resource group rg-demo: unchanged" in retry.out
    assert "Cosmos DB account" in retry.out and ": unchanged" in retry.out
    assert f"storage account {storage}: created" in retry.out
    assert puts(emulator, "/databaseaccounts/") == 2  # account + database, once each
    assert puts(emulator, f"/resourcegroups/{RG}") >= 1
    assert len([c for c in emulator.find("PUT", "") if c.path.endswith(f"/resourcegroups/{RG}")]) == 1
    assert len(emulator.uploads) == 1


def test_quota_then_retry(mvc: Any, project: str, emulator: ArmEmulator) -> None:
    emulator.fail("PUT", "/serverfarms/", 409, "SubscriptionIsOverQuotaForSku",
                  "This region has quota of 0 instances for your subscription. Try selecting "
                  "different region or SKU.")
    r = mvc(*deploy_args(project))
    assert r.code == 1
    line = first_line(r.err)
    assert line.startswith(f"mvc: quota exceeded while creating plan "
                           f"{names.plan(TARGET, 'my-function')} in westeurope "
                           "(SubscriptionIsOverQuotaForSku: This region has quota of 0")
    assert line.endswith("pick another --location or request a quota increase in the Azure "
                         "portal, then run the same command again")
    assert "storage account" in r.err.split("done before the failure")[1]
    retry = mvc(*deploy_args(project))
    assert retry.code == 0, retry.err
    assert puts(emulator, "/storageaccounts/") == 2  # account + container, once each
    assert puts(emulator, "/serverfarms/") == 2  # refused, then created


def test_a_globally_taken_cosmos_name(mvc: Any, project: str, emulator: ArmEmulator) -> None:
    account = names.cosmos_account(TARGET, "my-database")
    emulator.taken.add(account)
    r = mvc(*deploy_args(project))
    assert r.code == 1
    assert first_line(r.err) == (
        f"mvc: the Cosmos DB account name {account} is already taken in Azure (these names "
        "are global): deploy with another --resource-group or --env, which gives other names; "
        "then run the same command again")
    assert "resource group rg-demo: created" in r.err
    assert puts(emulator, "/databaseaccounts/") == 0


def test_a_globally_taken_site_name(mvc: Any, project: str, emulator: ArmEmulator) -> None:
    site = names.site(TARGET, "my-function")
    emulator.taken.add(site)
    r = mvc(*deploy_args(project))
    assert r.code == 1
    assert f"function app name {site} is already taken in Azure" in first_line(r.err)
    assert puts(emulator, "/sites/") == 0


def test_a_name_taken_between_check_and_create(mvc: Any, project: str,
                                               emulator: ArmEmulator) -> None:
    """CheckNameAvailability said yes, then somebody else took it: the PUT's 409."""
    storage = names.storage_account(TARGET, "my-function")
    emulator.fail("PUT", f"/storageaccounts/{storage}", 409, "StorageAccountAlreadyTaken",
                  f"The storage account named {storage} is already taken.")
    r = mvc(*deploy_args(project))
    assert r.code == 1
    assert f"storage account name {storage} is already taken in Azure" in first_line(r.err)


def test_a_failed_code_deployment_is_retried(mvc: Any, project: str, emulator: ArmEmulator,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(onedeploy, "POLL_SECONDS", 0)
    emulator.deploy_status = 3
    emulator.deploy_polls = 2
    r = mvc(*deploy_args(project))
    assert r.code == 1
    assert first_line(r.err).startswith("mvc: the deployment of code of my-function failed on "
                                        "Azure (Build failed)")
    assert "code of my-function: Building" in r.err  # progress while it polled
    assert "function app my-function" in r.err.split("done before the failure")[1]
    emulator.deploy_status = 4
    retry = mvc(*deploy_args(project))
    assert retry.code == 0, retry.err
    assert len(emulator.uploads) == 2
    assert "code my-function: created" in retry.out


def test_an_unknown_subscription(mvc: Any, project: str, emulator: ArmEmulator) -> None:
    emulator.fail("GET", "/resourcegroups/", 404, "SubscriptionNotFound",
                  "The subscription 'sub-1' could not be found.")
    r = mvc(*deploy_args(project))
    assert r.code == 1
    assert first_line(r.err) == ("mvc: subscription sub-1 was not found or is not visible to "
                                 "the signed-in identity: check --subscription")


def test_missing_options(mvc: Any, project: str) -> None:
    r = mvc("deploy", f"{project}/main.js", "--target", "azure", "--subscription", "s")
    assert r.code == 1
    assert first_line(r.err) == ("mvc: --target azure needs --resource-group NAME (or "
                                 "AZURE_RESOURCE_GROUP)")
    r = mvc("deploy", f"{project}/main.js", "--target", "azure", "--resource-group", "rg")
    assert r.code == 1 and "needs --subscription ID" in first_line(r.err)
    r = mvc("deploy", f"{project}/main.js", "--target", "azure", "--subscription", "s",
            "--resource-group", "bad/name")
    assert r.code == 1 and "resource group 'bad/name'" in first_line(r.err)


def test_a_new_group_needs_a_location(mvc: Any, project: str, emulator: ArmEmulator) -> None:
    args = [a for a in deploy_args(project) if a not in ("--location", "westeurope")]
    r = mvc(*args)
    assert r.code == 1
    assert first_line(r.err).startswith("mvc: resource group rg-demo does not exist and no "
                                        "--location was given")
    assert emulator.writes() == []
