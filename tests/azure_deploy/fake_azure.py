"""An offline Azure for the tests: a fake azure-core transport over a small ARM emulator.

The real SDK clients (azure-mgmt-*, azure.core.PipelineClient) run unchanged: they build the
URLs, serialise the bodies, add the bearer token and poll long-running operations. Only the
last step, sending bytes over the network, is replaced by `FakeTransport.send`, which hands the
request to `ArmEmulator.handle`. The emulator keeps resources by id (lower-cased, as ARM ids
compare case-insensitively), answers PUT/GET/POST/DELETE/HEAD like ARM does for the calls the
deploy makes, runs long-running operations through one "InProgress" poll (so the SDK's poller
really polls) and accepts OneDeploy uploads on the app's SCM host. Faults can be injected by
method and URL fragment to test failures and retries.
"""
from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from typing import Any, Self
from urllib.parse import parse_qs, urlsplit

from azure.core.credentials import AccessToken
from azure.core.pipeline.transport import HttpTransport
from azure.core.rest._http_response_impl import (
    HttpResponseImpl,  # private: azure-core pinned
)
from azure.core.utils import CaseInsensitiveDict

ARM = "https://management.azure.com"
_TAGS_SCOPE = "/providers/microsoft.resources/tags/default"

# Resource types whose create and delete are long-running in the SDKs (begin_* methods).
LRO_PUT = {"microsoft.documentdb/databaseaccounts",
           "microsoft.documentdb/databaseaccounts/mongodbdatabases",
           "microsoft.storage/storageaccounts", "microsoft.web/serverfarms", "microsoft.web/sites"}
LRO_DELETE = {"microsoft.documentdb/databaseaccounts",
              "microsoft.documentdb/databaseaccounts/mongodbdatabases", "resourcegroup"}
# Names that are global (DNS-wide) for their type.
GLOBAL_TYPES = {"microsoft.documentdb/databaseaccounts", "microsoft.storage/storageaccounts",
                "microsoft.web/sites"}


class FakeCredential:
    """Any object with get_token will do for the SDKs' bearer token policy."""

    def __init__(self) -> None:
        self.calls = 0

    def get_token(self, *scopes: str, **kwargs: Any) -> AccessToken:
        self.calls += 1
        return AccessToken("fake-token", int(time.time()) + 3600)


@dataclass
class Call:
    method: str
    url: str
    path: str  # lower case
    query: dict[str, str]
    body: Any  # parsed JSON, raw bytes, or None
    headers: dict[str, str]

    @property
    def api_version(self) -> str | None:
        return self.query.get("api-version")


@dataclass
class Fault:
    method: str
    fragment: str  # matched against the lower-cased path
    status: int
    code: str
    message: str
    times: int = 1


@dataclass
class ArmEmulator:
    connection_string: str = ("mongodb://acct:c2VjcmV0LWNvc21vcy1rZXk=@acct.mongo.cosmos.azure.com"
                              ":10255/?ssl=true&replicaSet=globaldb&retrywrites=false")
    storage_key: str = "c2VjcmV0LXN0b3JhZ2Uta2V5"
    resources: dict[str, dict[str, Any]] = field(default_factory=dict)
    app_settings: dict[str, dict[str, str]] = field(default_factory=dict)
    taken: set[str] = field(default_factory=set)  # global names owned by somebody else
    faults: list[Fault] = field(default_factory=list)
    calls: list[Call] = field(default_factory=list)
    uploads: list[tuple[str, bytes]] = field(default_factory=list)
    # Kudu's answers to a deployment's status: "in progress" this many times, then this status
    # (4 success, 3 failed).
    deploy_polls: int = 0
    deploy_status: int = 4
    _ops: dict[str, int] = field(default_factory=dict)
    _next_op: int = 0

    # ---- test helpers ----
    def fail(self, method: str, fragment: str, status: int, code: str, message: str,
             times: int = 1) -> None:
        self.faults.append(Fault(method, fragment.lower(), status, code, message, times))

    def writes(self) -> list[Call]:
        """Calls that change something: PUT, PATCH, DELETE and POSTs that are not reads."""
        return [c for c in self.calls if c.method in ("PUT", "PATCH", "DELETE")
                or (c.method == "POST" and not _is_read_post(c.path))]

    def find(self, method: str, fragment: str) -> list[Call]:
        return [c for c in self.calls if c.method == method and fragment.lower() in c.path]

    def of_type(self, rtype: str) -> list[dict[str, Any]]:
        return [r for r in self.resources.values() if r["type"].lower() == rtype.lower()]

    # ---- the transport's entry ----
    def handle(self, call: Call) -> tuple[int, Any, dict[str, str]]:
        self.calls.append(call)
        for f in self.faults:
            if f.times > 0 and f.method == call.method and f.fragment in call.path:
                f.times -= 1
                return _error(f.status, f.code, f.message)
        host = urlsplit(call.url).hostname or ""
        if host.endswith(".scm.azurewebsites.net"):
            return self._kudu(call, host)
        if call.path.startswith("/fake-operations/"):
            return self._operation(call)
        return self._arm(call)

    # ---- ARM ----
    def _arm(self, call: Call) -> tuple[int, Any, dict[str, str]]:
        p, m = call.path, call.method
        if m == "HEAD" and "/providers/microsoft.documentdb/databaseaccountnames/" in p:
            name = p.rsplit("/", 1)[1]
            exists = name in self.taken or any(
                r["name"].lower() == name for r in self.of_type("Microsoft.DocumentDB/databaseAccounts"))
            return (200 if exists else 404), None, {}
        if m == "POST" and p.endswith("/checknameavailability"):
            return self._check_name(call)
        if m == "GET" and p.endswith("/resources"):
            rg = p[: -len("/resources")]
            return 200, {"value": [self._generic(r) for k, r in sorted(self.resources.items())
                                   if k.startswith(rg + "/providers/")
                                   and r["type"].count("/") == 1]}, {}
        if m == "POST" and p.endswith("/listconnectionstrings"):
            return self._need(p[: -len("/listconnectionstrings")]) or (200, {"connectionStrings": [
                {"connectionString": self.connection_string,
                 "description": "Primary MongoDB Connection String", "keyKind": "Primary",
                 "type": "MongoDB"}]}, {})
        if m == "POST" and p.endswith("/listkeys"):
            return self._need(p[: -len("/listkeys")]) or (200, {"keys": [
                {"keyName": "key1", "value": self.storage_key, "permissions": "FULL"}]}, {})
        if p.endswith("/config/appsettings/list") and m == "POST":
            site = p[: -len("/config/appsettings/list")]
            return self._need(site) or (200, {"id": call.url, "name": "appsettings",
                                              "properties": dict(self.app_settings.get(site, {}))}, {})
        if p.endswith("/config/appsettings") and m == "PUT":
            site = p[: -len("/config/appsettings")]
            missing = self._need(site)
            if missing:
                return missing
            self.app_settings[site] = dict(call.body.get("properties") or {})
            return 200, {"properties": self.app_settings[site]}, {}
        if m == "PATCH" and p.endswith(_TAGS_SCOPE):
            target = p[: -len(_TAGS_SCOPE)]
            missing = self._need(target)
            if missing:
                return missing
            tags = self.resources[target].setdefault("tags", {})
            if call.body.get("operation") == "Merge":
                tags.update(call.body["properties"]["tags"])
            return 200, {"id": call.url, "name": "default", "properties": {"tags": tags}}, {}
        rtype = _resource_type(p)
        if rtype is None:
            return _error(400, "InvalidRequest", f"the emulator does not know {m} {p}")
        if m == "PUT":
            return self._put(call, rtype)
        if m == "GET":
            found = self.resources.get(p)
            if found is None:
                code = "ResourceGroupNotFound" if rtype == "resourcegroup" else "ResourceNotFound"
                return _error(404, code, f"The resource '{p.rsplit('/', 1)[1]}' was not found.")
            return 200, found, {}
        if m == "DELETE":
            return self._delete(call, rtype)
        return _error(405, "MethodNotAllowed", f"{m} {p}")

    def _need(self, key: str) -> tuple[int, Any, dict[str, str]] | None:
        if key not in self.resources:
            return _error(404, "ResourceNotFound", f"The resource '{key.rsplit('/', 1)[1]}' "
                          "was not found.")
        return None

    def _check_name(self, call: Call) -> tuple[int, Any, dict[str, str]]:
        name = str(call.body.get("name", "")).lower()
        kind = "microsoft.web/sites" if "/microsoft.web/" in call.path else \
            "microsoft.storage/storageaccounts"
        mine = any(r["name"].lower() == name for r in self.of_type(kind))
        available = name not in self.taken and not mine
        reason = None if available else "AlreadyExists"
        return 200, {"nameAvailable": available, "reason": reason,
                     "message": None if available else f"The name {name} is already taken."}, {}

    def _put(self, call: Call, rtype: str) -> tuple[int, Any, dict[str, str]]:
        p = call.path
        parent_rg = _rg_key(p)
        if rtype != "resourcegroup" and parent_rg not in self.resources:
            return _error(404, "ResourceGroupNotFound",
                          f"Resource group '{parent_rg.rsplit('/', 1)[1]}' could not be found.")
        name = urlsplit(call.url).path.rstrip("/").rsplit("/", 1)[1]
        if rtype in GLOBAL_TYPES and name.lower() in self.taken:
            return _error(409, "Conflict", f"The name '{name}' is already in use.")
        parent = "/".join(p.split("/")[:9])  # the top-level resource a child belongs to
        if rtype.count("/") > 1 and parent not in self.resources:
            return _error(404, "ParentResourceNotFound", f"parent {parent} not found")
        body = call.body if isinstance(call.body, dict) else {}
        existed = p in self.resources
        stored = self._materialise(call, rtype, name, body)
        self.resources[p] = stored
        if rtype == "microsoft.web/sites":
            settings = ((body.get("properties") or {}).get("siteConfig") or {}).get("appSettings")
            if settings is not None:  # as ARM: appSettings in a site PUT replace the whole set
                self.app_settings[p] = {s["name"]: s["value"] for s in settings}
        if rtype in LRO_PUT:
            op = self._new_op()
            # 200 + Azure-AsyncOperation: what every one of these accepts (Cosmos only 200).
            return 200, {**stored, "properties": {**stored["properties"],
                                                   "provisioningState": "Creating"}}, {
                "Azure-AsyncOperation": f"{ARM}/fake-operations/{op}?api-version=x"}
        return (200 if existed else 201), stored, {}

    def _materialise(self, call: Call, rtype: str, name: str, body: dict[str, Any]
                     ) -> dict[str, Any]:
        original_id = urlsplit(call.url).path
        props = dict(body.get("properties") or {})
        props.pop("siteConfig", None)  # ARM does not echo app settings in a site's GET
        props["provisioningState"] = "Succeeded"
        if rtype == "microsoft.web/sites":
            props.update(defaultHostName=f"{name}.azurewebsites.net", state="Running",
                         enabledHostNames=[f"{name}.azurewebsites.net",
                                           f"{name}.scm.azurewebsites.net"])
        if rtype == "microsoft.documentdb/databaseaccounts":
            props["documentEndpoint"] = f"https://{name}.documents.azure.com:443/"
        stored: dict[str, Any] = {"id": original_id, "name": name, "type": _display_type(rtype),
                                  "properties": props}
        for key in ("location", "tags", "kind", "sku"):
            if key in body:
                stored[key] = body[key]
        stored.setdefault("tags", {})
        return stored

    def _delete(self, call: Call, rtype: str) -> tuple[int, Any, dict[str, str]]:
        p = call.path
        if p not in self.resources:
            return 204, None, {}
        for key in [k for k in self.resources if k == p or k.startswith(p + "/")]:
            del self.resources[key]
            self.app_settings.pop(key, None)
        if rtype in LRO_DELETE:
            op = self._new_op()
            return 202, None, {"Location": f"{ARM}/fake-operations/{op}?api-version=x"}
        return 200, None, {}

    def _new_op(self) -> str:
        self._next_op += 1
        op = str(self._next_op)
        self._ops[op] = 1  # one "InProgress" answer before "Succeeded"
        return op

    def _operation(self, call: Call) -> tuple[int, Any, dict[str, str]]:
        op = call.path.rsplit("/", 1)[1]
        left = self._ops.get(op, 0)
        if left > 0:
            self._ops[op] = left - 1
            return 202, {"status": "InProgress"}, {
                "Location": f"{ARM}/fake-operations/{op}?api-version=x"}
        return 200, {"status": "Succeeded"}, {}

    def _generic(self, r: dict[str, Any]) -> dict[str, Any]:
        return {k: r[k] for k in ("id", "name", "type", "location", "tags", "kind") if k in r}

    # ---- Kudu (the app's SCM site): OneDeploy ----
    def _kudu(self, call: Call, host: str) -> tuple[int, Any, dict[str, str]]:
        site = host.split(".", 1)[0]
        if call.method == "POST" and call.path == "/api/publish":
            if not any(r["name"].lower() == site for r in self.of_type("Microsoft.Web/sites")):
                return 404, {"Message": "site not found"}, {}
            self.uploads.append((site, call.body if isinstance(call.body, bytes) else b""))
            dep = f"dep{len(self.uploads)}"
            return 202, None, {"Location": f"https://{host}/api/deployments/{dep}"}
        if call.method == "GET" and call.path.startswith("/api/deployments/"):
            dep = call.path.rsplit("/", 1)[1]
            if self.deploy_polls > 0:
                self.deploy_polls -= 1
                return 200, {"id": dep, "status": 1, "status_text": "Building", "complete": False}, {}
            return 200, {"id": dep, "status": self.deploy_status,
                         "status_text": "" if self.deploy_status == 4 else "Build failed",
                         "complete": True}, {}
        return 404, {"Message": "not found"}, {}


def _is_read_post(path: str) -> bool:
    return path.endswith(("/listconnectionstrings", "/listkeys", "/config/appsettings/list",
                          "/checknameavailability"))


def _rg_key(path: str) -> str:
    parts = path.split("/")
    return "/".join(parts[:5])  # /subscriptions/{s}/resourcegroups/{rg}


def _resource_type(path: str) -> str | None:
    parts = path.strip("/").split("/")
    if len(parts) == 4 and parts[0] == "subscriptions" and parts[2] == "resourcegroups":
        return "resourcegroup"
    if len(parts) >= 8 and parts[4] == "providers":
        ns, segs = parts[5], parts[6:]
        if len(segs) % 2:
            return None
        return "/".join([ns, *segs[0::2]])
    return None


_DISPLAY = {
    "microsoft.documentdb/databaseaccounts": "Microsoft.DocumentDB/databaseAccounts",
    "microsoft.documentdb/databaseaccounts/mongodbdatabases":
        "Microsoft.DocumentDB/databaseAccounts/mongodbDatabases",
    "microsoft.storage/storageaccounts": "Microsoft.Storage/storageAccounts",
    "microsoft.storage/storageaccounts/blobservices/containers":
        "Microsoft.Storage/storageAccounts/blobServices/containers",
    "microsoft.web/serverfarms": "Microsoft.Web/serverfarms",
    "microsoft.web/sites": "Microsoft.Web/sites",
    "resourcegroup": "Microsoft.Resources/resourceGroups",
}


def _display_type(rtype: str) -> str:
    return _DISPLAY.get(rtype, rtype)


def _error(status: int, code: str, message: str) -> tuple[int, Any, dict[str, str]]:
    return status, {"error": {"code": code, "message": message}}, {}


class _Closable:
    def close(self) -> None:
        pass


class FakeTransport(HttpTransport):
    """Sends every request to the emulator instead of the network."""

    def __init__(self, emulator: ArmEmulator) -> None:
        self.emulator = emulator

    def send(self, request: Any, **kwargs: Any) -> Any:
        raw = request.content
        if isinstance(raw, str):
            raw = raw.encode("utf-8")
        body: Any = raw
        ctype = (request.headers.get("Content-Type") or "").lower()
        if raw and "json" in ctype:
            body = json.loads(raw)
        elif not raw:
            body = None
        parts = urlsplit(request.url)
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        call = Call(request.method, request.url, parts.path.lower().rstrip("/"), query, body,
                    dict(request.headers))
        status, rbody, rheaders = self.emulator.handle(call)
        data = b"" if rbody is None else json.dumps(rbody).encode()
        headers = CaseInsensitiveDict({"Content-Type": "application/json", **rheaders})
        resp = HttpResponseImpl(
            request=request, internal_response=_Closable(), status_code=status,
            reason="OK" if status < 400 else "Error", content_type="application/json",
            headers=headers,
            stream_download_generator=lambda response, pipeline, decompress=True, **kw:
                iter([data]))
        if not kwargs.get("stream", False):
            resp.read()
        return resp

    def open(self) -> None:
        pass

    def close(self) -> None:
        pass

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *args: object) -> None:
        pass

    def sleep(self, duration: float) -> None:
        pass  # long-running operations poll without waiting
