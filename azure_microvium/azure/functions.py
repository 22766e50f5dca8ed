"""FunctionsApp(name, handler) on Azure: a storage account, a Flex Consumption plan and a
Python function app; then its code (the package) and its routes.

App settings belong to the app's owner as much as to us: they are always read, merged with the
few we need and written back whole (the API has no partial update), never replaced by ours
alone. Ours are AzureWebJobsStorage (the Functions host needs it; it is also how Flex reads the
package container), MVC_PACKAGE_SHA256 (the digest of the package last deployed, so an
unchanged package is not uploaded again) and MVC_ROUTES (the routes that package serves, so
the next deploy can say which routes changed). The Cosmos DB connection string is never one:
it travels in the image.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from ..provider import CREATED, REMOVED, UNCHANGED, UPDATED
from ..resources import RouteSpec
from . import names
from .errors import name_taken
from .onedeploy import publish
from .package import AppPackage, python_version
from .session import Session, get_or_none

STORAGE = "storage account"
CONTAINER = "blob container"
PLAN = "plan"
APP = "function app"
SETTINGS = "app settings"
CODE = "code"
ROUTE = "route"

STORAGE_SETTING = "AzureWebJobsStorage"
PACKAGE_SETTING = "MVC_PACKAGE_SHA256"
ROUTES_SETTING = "MVC_ROUTES"

MAX_INSTANCE_COUNT = 100  # Flex Consumption's default scale-out limit
INSTANCE_MEMORY_MB = 2048


@dataclass
class AppSite:
    app: str  # the program's name for the app
    site: str  # the site's (global) name
    host: str  # https host of its routes
    scm_host: str  # host of its SCM site (OneDeploy)
    settings: dict[str, str]  # current app settings ({} when it does not exist yet)


def _exists(session: Session) -> bool:
    return session.can_read and session.group_exists


def ensure_storage(session: Session, app: str) -> str | None:
    """The storage account and its package container; returns AzureWebJobsStorage's value (None
    in a plan where the account does not exist yet)."""
    from azure.mgmt.storage import models as sm

    t, name = session.target, names.storage_account(session.target, app)
    existing = None
    if _exists(session):
        with session.step(f"reading storage account {name}"):
            existing = get_or_none(session.az.storage.storage_accounts.get_properties,
                                   t.group, name)
    desired_tags = t.tags(names.ROLE_STORAGE, app)
    if existing is None:
        if session.can_read:
            with session.step(f"checking the name {name}"):
                check = session.az.storage.storage_accounts.check_name_availability(
                    sm.StorageAccountCheckNameAvailabilityParameters(name=name))
            if not check.name_available:
                raise name_taken(STORAGE, name)
        if session.dry_run:
            session.record(STORAGE, name, CREATED, f"for {app}")
            return None
        with session.step(f"creating storage account {name}", global_name=(STORAGE, name)):
            session.wait(session.az.storage.storage_accounts.begin_create(
                t.group, name, sm.StorageAccountCreateParameters(
                    sku=sm.Sku(name="Standard_LRS"), kind="StorageV2", location=session.location,
                    tags=desired_tags,
                    properties=sm.StorageAccountPropertiesCreateParameters(
                        minimum_tls_version="TLS1_2", allow_blob_public_access=False))),
                f"creating storage account {name}")
        session.record(STORAGE, name, CREATED, f"for {app}")
    else:
        retagged = session.ensure_tags(existing.id, existing.tags, desired_tags, name)
        session.record(STORAGE, name, UPDATED if retagged else UNCHANGED,
                       "tags" if retagged else "")
    if _ensure_container(session, name, new=existing is None) and existing is not None:
        # Only an earlier run that stopped half-way leaves an account without it.
        session.record(CONTAINER, f"{names.DEPLOYMENT_CONTAINER} (in {name})", CREATED)
    with session.step(f"reading the keys of storage account {name}"):
        key = session.az.storage.storage_accounts.list_keys(t.group, name).keys_property[0].value
    value = (f"DefaultEndpointsProtocol=https;AccountName={name};AccountKey={key};"
             "EndpointSuffix=core.windows.net")
    session.redactor.add(value)
    return value


def _ensure_container(session: Session, account: str, *, new: bool) -> bool:
    """The blob container Flex deploys from; True if it was (or would be) created."""
    from azure.mgmt.storage import models as sm

    t = session.target
    if not new and session.can_read:
        with session.step(f"reading container {names.DEPLOYMENT_CONTAINER}"):
            found = get_or_none(session.az.storage.blob_containers.get, t.group, account,
                                names.DEPLOYMENT_CONTAINER)
        if found is not None:
            return False
    if not session.dry_run:
        with session.step(f"creating container {names.DEPLOYMENT_CONTAINER} in {account}"):
            session.az.storage.blob_containers.create(
                t.group, account, names.DEPLOYMENT_CONTAINER,
                sm.BlobContainer(container_properties=sm.ContainerProperties(
                    public_access="None")))
    return True


def ensure_plan(session: Session, app: str) -> str:
    """The app's Flex Consumption plan; returns its resource id."""
    from azure.mgmt.web import models as wm

    t, name = session.target, names.plan(session.target, app)
    plan_id = (f"/subscriptions/{t.subscription}/resourceGroups/{t.group}/providers/"
               f"Microsoft.Web/serverfarms/{name}")
    existing = None
    if _exists(session):
        with session.step(f"reading plan {name}"):
            existing = get_or_none(session.az.web.app_service_plans.get, t.group, name)
    desired_tags = t.tags(names.ROLE_PLAN, app)
    if existing is not None:
        retagged = session.ensure_tags(existing.id, existing.tags, desired_tags, name)
        session.record(PLAN, name, UPDATED if retagged else UNCHANGED, "tags" if retagged else "")
        return str(existing.id)
    if not session.dry_run:
        with session.step(f"creating plan {name}"):
            made = session.wait(session.az.web.app_service_plans.begin_create_or_update(
                t.group, name, wm.AppServicePlan(
                    location=session.location, kind="functionapp", tags=desired_tags,
                    sku=wm.SkuDescription(name="FC1", tier="FlexConsumption"),
                    properties=wm.AppServicePlanProperties(reserved=True))),  # reserved: Linux
                f"creating plan {name}")
            plan_id = str(made.id)
    session.record(PLAN, name, CREATED, "Flex Consumption")
    return plan_id


def _site_body(session: Session, app: str, plan_id: str, storage: str,
               settings: dict[str, str]) -> object:
    from azure.mgmt.web import models as wm

    t = session.target
    container = f"https://{storage}.blob.core.windows.net/{names.DEPLOYMENT_CONTAINER}"
    return wm.Site(
        location=session.location, kind="functionapp,linux",
        tags=t.tags(names.ROLE_FUNCTION_APP, app),
        properties=wm.SiteProperties(
            server_farm_id=plan_id, reserved=True, https_only=True,
            site_config=wm.SiteConfig(app_settings=[
                wm.NameValuePair(name=k, value=v) for k, v in sorted(settings.items())]),
            # On Flex the runtime and the package's container go here, not in linuxFxVersion
            # or FUNCTIONS_WORKER_RUNTIME.
            function_app_config=wm.FunctionAppConfig(
                deployment=wm.FunctionsDeployment(storage=wm.FunctionsDeploymentStorage(
                    type="blobContainer", value=container,
                    authentication=wm.FunctionsDeploymentStorageAuthentication(
                        type="StorageAccountConnectionString",
                        storage_account_connection_string_name=STORAGE_SETTING))),
                runtime=wm.FunctionsRuntime(name="python", version=python_version()),
                scale_and_concurrency=wm.FunctionsScaleAndConcurrency(
                    maximum_instance_count=MAX_INSTANCE_COUNT,
                    instance_memory_mb=INSTANCE_MEMORY_MB))))


def _drift(site: object, plan_id: str) -> list[str]:
    """What of ours differs on an existing site."""
    props = getattr(site, "properties", None)
    what = []
    if str(getattr(props, "server_farm_id", "") or "").lower() != plan_id.lower():
        what.append("plan")
    runtime = getattr(getattr(props, "function_app_config", None), "runtime", None)
    if getattr(runtime, "name", None) != "python" or \
            getattr(runtime, "version", None) != python_version():
        what.append(f"python {python_version()}")
    return what


def ensure_site(session: Session, app: str, plan_id: str, storage_setting: str | None,
                extra_settings: dict[str, str] | None = None) -> AppSite:
    """The function app, with our app settings merged into its own."""
    t, name = session.target, names.site(session.target, app)
    storage = names.storage_account(t, app)
    existing = None
    if _exists(session):
        with session.step(f"reading function app {name}"):
            existing = get_or_none(session.az.web.web_apps.get, t.group, name)
    ours = {STORAGE_SETTING: storage_setting} if storage_setting else {}
    ours.update(extra_settings or {})
    label = f"{app} ({name})"
    if existing is None:
        if session.can_read:
            from azure.mgmt.web import models as wm

            with session.step(f"checking the name {name}"):
                check = session.az.web.check_name_availability(
                    wm.ResourceNameAvailabilityRequest(name=name, type="Site"))
            if not check.name_available:
                raise name_taken(APP, name)
        if not session.dry_run:
            with session.step(f"creating function app {name}", global_name=(APP, name)):
                existing = session.wait(session.az.web.web_apps.begin_create_or_update(
                    t.group, name, _site_body(session, app, plan_id, storage, ours)),
                    f"creating function app {name}")
        session.record(APP, label, CREATED, f"python {python_version()}, Flex Consumption")
        settings = dict(ours)
    else:
        settings = _read_settings(session, name)
        merged = {**settings, **ours}
        drift = _drift(existing, plan_id)
        if drift:
            if not session.dry_run:
                # A site PUT replaces the whole set of app settings it carries, so it carries
                # the current ones merged with ours.
                with session.step(f"updating function app {name}"):
                    existing = session.wait(session.az.web.web_apps.begin_create_or_update(
                        t.group, name, _site_body(session, app, plan_id, storage, merged)),
                        f"updating function app {name}")
            settings = merged
        retagged = session.ensure_tags(existing.id, existing.tags,
                                       t.tags(names.ROLE_FUNCTION_APP, app), name)
        what = drift + (["tags"] if retagged else [])
        session.record(APP, label, UPDATED if what else UNCHANGED, ", ".join(what))
        settings = update_settings(session, name, app, settings, ours)
    return AppSite(app, name, _host(existing, name, scm=False), _host(existing, name, scm=True),
                   settings)


def _host(site: object | None, name: str, *, scm: bool) -> str:
    """The site's host names as Azure reports them (apps created with a unique default host
    name do not use <name>.azurewebsites.net); the classic form when it does not exist yet."""
    props = getattr(site, "properties", None)
    hosts = [str(h) for h in (getattr(props, "enabled_host_names", None) or [])]
    for h in hosts:
        if (".scm." in h) == scm:
            return h
    default = getattr(props, "default_host_name", None)
    if not scm and default:
        return str(default)
    return f"{name}.scm.azurewebsites.net" if scm else f"{name}.azurewebsites.net"


def _read_settings(session: Session, site: str) -> dict[str, str]:
    with session.step(f"reading the app settings of {site}"):
        found = session.az.web.web_apps.list_application_settings(session.target.group, site)
    settings = {str(k): str(v) for k, v in (found.properties or {}).items()}
    for key in (STORAGE_SETTING,):
        if settings.get(key):
            session.redactor.add(settings[key])
    return settings


def update_settings(session: Session, site: str, app: str, current: dict[str, str],
                    ours: dict[str, str], *, record: bool = True) -> dict[str, str]:
    """Writes current + ours when that differs from current; returns the result."""
    from azure.mgmt.web import models as wm

    merged = {**current, **ours}
    if merged == current:
        return current
    if not session.dry_run:
        with session.step(f"updating the app settings of {site}"):
            session.az.web.web_apps.update_application_settings(
                session.target.group, site, wm.StringDictionary(properties=merged))
    if record:
        changed = sorted(k for k in ours if current.get(k) != ours[k])
        session.record(SETTINGS, app, UPDATED, ", ".join(changed))
    return merged


def route_value(routes: list[RouteSpec]) -> str:
    return json.dumps(sorted(f"{r.method} {r.path}" for r in routes))


def ensure_code(session: Session, site: AppSite, package: AppPackage | None,
                routes: list[RouteSpec], *, upload_note: str = "") -> None:
    """Uploads the package unless the app already runs this exact one."""
    deployed = site.settings.get(PACKAGE_SETTING)
    if package is not None and deployed == package.digest:
        session.record(CODE, site.app, UNCHANGED, f"package {package.digest[:12]}")
        return
    action = CREATED if deployed is None else UPDATED
    if session.dry_run or package is None:
        session.record(CODE, site.app, action, upload_note or "new package")
        return
    with session.step(f"uploading the code of {site.app}"):
        publish(session.az.kudu(site.scm_host), site.scm_host, package.data,
                what=f"code of {site.app}", progress=session.progress)
    # Recorded after the upload succeeded: a failed upload is retried by the next deploy.
    site.settings = update_settings(session, site.site, site.app, site.settings, {
        PACKAGE_SETTING: package.digest, ROUTES_SETTING: route_value(routes)}, record=False)
    session.record(CODE, site.app, action, f"package {package.digest[:12]}, "
                                           f"{package.size} bytes")


def record_routes(session: Session, site: AppSite, old_value: str | None,
                  routes: list[RouteSpec]) -> None:
    old = set(parse_routes(old_value))
    for r in routes:
        key = f"{r.method} {r.path}"
        action = UNCHANGED if key in old else CREATED
        session.record(ROUTE, key, action, f"-> {site.app}, https://{site.host}{r.path}")
    for key in sorted(old - {f"{r.method} {r.path}" for r in routes}):
        session.record(ROUTE, key, REMOVED)


def parse_routes(value: str | None) -> list[str]:
    try:
        parsed = json.loads(value or "[]")
    except ValueError:
        return []
    return [str(x) for x in parsed] if isinstance(parsed, list) else []
