"""Each management call of a first deploy, as it leaves the SDK: method, URL, api-version, body.

These are the requests Azure would receive; the emulator answers them like ARM does.
"""
from __future__ import annotations

import sys
from typing import Any

from azure_helpers import LOCATION, RG, RG_PATH, deploy_args
from fake_azure import ArmEmulator, Call

from azure_microvium.azure import names

TARGET = names.Target("sub-1", RG, LOCATION, "dev", "insert-object")
ACCOUNT = names.cosmos_account(TARGET, "my-database")
STORAGE = names.storage_account(TARGET, "my-function")
PLAN = names.plan(TARGET, "my-function")
SITE = names.site(TARGET, "my-function")
PY = f"{sys.version_info.major}.{sys.version_info.minor}"

API = {"resources": "2025-04-01", "cosmos": "2026-03-15", "storage": "2026-09-01",
       "web": "2025-05-01"}


def tags(role: str, resource: str) -> dict[str, str]:
    return {"mvc-app": "insert-object", "mvc-env": "dev", "mvc-role": role,
            "mvc-resource": resource}


def only(emulator: ArmEmulator, method: str, path: str) -> Call:
    found = [c for c in emulator.calls if c.method == method and c.path == path.lower()]
    assert len(found) == 1, (method, path, [(c.method, c.path) for c in emulator.calls])
    return found[0]


def test_first_deploy_sends_these_requests(mvc: Any, project: str,
                                           emulator: ArmEmulator) -> None:
    r = mvc(*deploy_args(project))
    assert r.code == 0, r.err

    group = only(emulator, "PUT", RG_PATH)
    assert group.api_version == API["resources"]
    assert group.body == {"location": LOCATION, "tags": tags("resource-group", RG)}

    acct_path = f"{RG_PATH}/providers/Microsoft.DocumentDB/databaseAccounts/{ACCOUNT}"
    name_check = only(emulator, "HEAD",
                      f"/providers/Microsoft.DocumentDB/databaseAccountNames/{ACCOUNT}")
    assert name_check.api_version == API["cosmos"]
    acct = only(emulator, "PUT", acct_path)
    assert acct.api_version == API["cosmos"]
    assert acct.body == {
        "location": LOCATION, "kind": "MongoDB", "tags": tags("database", "my-database"),
        "properties": {
            "databaseAccountOfferType": "Standard",
            "locations": [{"locationName": LOCATION, "failoverPriority": 0,
                           "isZoneRedundant": False}],
            "apiProperties": {"serverVersion": "7.0"},
            "capabilities": [{"name": "EnableServerless"}],
            "consistencyPolicy": {"defaultConsistencyLevel": "Session"}}}
    db = only(emulator, "PUT", f"{acct_path}/mongodbDatabases/my-database")
    assert db.api_version == API["cosmos"]
    assert db.body == {"properties": {"resource": {"id": "my-database"}}}
    conn = only(emulator, "POST", f"{acct_path}/listConnectionStrings")
    assert conn.api_version == API["cosmos"] and conn.body is None

    st_path = f"{RG_PATH}/providers/Microsoft.Storage/storageAccounts/{STORAGE}"
    st_check = only(emulator, "POST", "/subscriptions/sub-1/providers/Microsoft.Storage/"
                                      "checkNameAvailability")
    assert st_check.body == {"name": STORAGE, "type": "Microsoft.Storage/storageAccounts"}
    st = only(emulator, "PUT", st_path)
    assert st.api_version == API["storage"]
    assert st.body == {"sku": {"name": "Standard_LRS"}, "kind": "StorageV2",
                       "location": LOCATION, "tags": tags("storage", "my-function"),
                       "properties": {"minimumTlsVersion": "TLS1_2",
                                      "allowBlobPublicAccess": False}}
    container = only(emulator, "PUT", f"{st_path}/blobServices/default/containers/app-package")
    assert container.api_version == API["storage"]
    assert container.body == {"properties": {"publicAccess": "None"}}
    keys = only(emulator, "POST", f"{st_path}/listKeys")
    assert keys.api_version == API["storage"]

    plan_path = f"{RG_PATH}/providers/Microsoft.Web/serverfarms/{PLAN}"
    plan = only(emulator, "PUT", plan_path)
    assert plan.api_version == API["web"]
    assert plan.body == {"location": LOCATION, "kind": "functionapp",
                         "tags": tags("plan", "my-function"),
                         "sku": {"name": "FC1", "tier": "FlexConsumption"},
                         "properties": {"reserved": True}}

    site_check = only(emulator, "POST", "/subscriptions/sub-1/providers/Microsoft.Web/"
                                        "checknameavailability")
    assert site_check.body == {"name": SITE, "type": "Site"}
    site_path = f"{RG_PATH}/providers/Microsoft.Web/sites/{SITE}"
    site = only(emulator, "PUT", site_path)
    assert site.api_version == API["web"]
    storage_value = (f"DefaultEndpointsProtocol=https;AccountName={STORAGE};AccountKey="
                     f"{emulator.storage_key};EndpointSuffix=core.windows.net")
    assert site.body == {
        "location": LOCATION, "kind": "functionapp,linux", "tags": tags("function-app",
                                                                        "my-function"),
        "properties": {
            "serverFarmId": f"/subscriptions/sub-1/resourceGroups/{RG}/providers/"
                            f"Microsoft.Web/serverfarms/{PLAN}",
            "reserved": True, "httpsOnly": True,
            "siteConfig": {"appSettings": [{"name": "AzureWebJobsStorage",
                                            "value": storage_value}]},
            "functionAppConfig": {
                "deployment": {"storage": {
                    "type": "blobContainer",
                    "value": f"https://{STORAGE}.blob.core.windows.net/app-package",
                    "authentication": {"type": "StorageAccountConnectionString",
                                       "storageAccountConnectionStringName":
                                           "AzureWebJobsStorage"}}},
                "runtime": {"name": "python", "version": PY},
                "scaleAndConcurrency": {"maximumInstanceCount": 100,
                                        "instanceMemoryMB": 2048}}}}

    publish = only(emulator, "POST", "/api/publish")
    assert publish.url.startswith(f"https://{SITE}.scm.azurewebsites.net/api/publish?")
    assert publish.query == {"RemoteBuild": "true"}
    assert publish.headers["Content-Type"] == "application/zip"
    assert publish.headers["Authorization"] == "Bearer fake-token"
    assert isinstance(publish.body, bytes) and publish.body[:2] == b"PK"

    settings = only(emulator, "PUT", f"{site_path}/config/appsettings")
    assert settings.api_version == API["web"]
    props = settings.body["properties"]
    assert props["AzureWebJobsStorage"] == storage_value
    assert props["MVC_ROUTES"] == '["POST /insert-object-into-my-database"]'
    assert len(props["MVC_PACKAGE_SHA256"]) == 64
    # The connection string to the database is not an app setting: it is in the image.
    assert not any(emulator.connection_string in v for v in props.values())


def test_requests_come_in_dependency_order(mvc: Any, project: str,
                                           emulator: ArmEmulator) -> None:
    assert mvc(*deploy_args(project)).code == 0
    order = [c.path for c in emulator.writes()]
    first = {kind: next(i for i, p in enumerate(order) if p.endswith(kind) or kind in p)
             for kind in ("/resourcegroups/rg-demo", "databaseaccounts", "storageaccounts",
                          "serverfarms", "/sites/", "/api/publish")}
    assert first["/resourcegroups/rg-demo"] == 0
    assert first["databaseaccounts"] < first["storageaccounts"] < first["serverfarms"] < \
        first["/sites/"] < first["/api/publish"]
    # Every request carried the bearer token of the credential.
    assert all(c.headers.get("Authorization") == "Bearer fake-token" for c in emulator.calls)
