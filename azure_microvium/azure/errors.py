"""Azure failures as one line: what happened, and what to do about it.

The SDKs raise exceptions whose text is a multi-line dump of the response. A deploy shows one
line instead, chosen by the kind of failure a user can fix: no credentials, credentials
rejected, a missing role, a quota, a globally taken name, an unknown subscription, the network.
Everything else keeps Azure's own code and first line of message.
"""
from __future__ import annotations

from .names import Target

# Codes ARM and the resource providers use when a subscription or region is out of capacity.
_QUOTA_CODES = {"QuotaExceeded", "SubscriptionIsOverQuotaForSku", "ResourceQuotaExceeded",
                "RegionQuotaExceeded", "InsufficientQuota"}
_PERMISSION_CODES = {"AuthorizationFailed", "LinkedAuthorizationFailed", "Forbidden"}
# Codes of "this global name belongs to somebody else".
_NAME_CODES = {"StorageAccountAlreadyTaken", "StorageAccountAlreadyExists", "NameUnavailable",
               "Conflict", "WebsiteAlreadyExists", "DatabaseAccountAlreadyExists"}

RETRY = "then run the same command again"
SIGN_IN = ("sign in with `az login` (or set AZURE_CLIENT_ID, AZURE_TENANT_ID and "
           "AZURE_CLIENT_SECRET for a service principal)")


class AzureDeployError(Exception):
    """A failure a user can act on, as one line."""


def name_taken(kind: str, name: str) -> AzureDeployError:
    return AzureDeployError(
        f"the {kind} name {name} is already taken in Azure (these names are global): deploy "
        f"with another --resource-group or --env, which gives other names; {RETRY}")


def no_credentials(doing: str) -> AzureDeployError:
    return AzureDeployError(f"no Azure credentials while {doing}: {SIGN_IN}; {RETRY}")


def _first_line(text: str | None, limit: int = 200) -> str:
    line = (text or "").strip().splitlines()[0] if (text or "").strip() else ""
    return line if len(line) <= limit else line[: limit - 3] + "..."


def explain(e: BaseException, doing: str, target: Target, *,
            global_name: tuple[str, str] | None = None) -> AzureDeployError:
    """The one-line form of an SDK exception raised while `doing` something."""
    from azure.core.exceptions import (
        ClientAuthenticationError,
        HttpResponseError,
        ServiceRequestError,
    )

    if isinstance(e, AzureDeployError):
        return e
    if isinstance(e, ClientAuthenticationError) and e.status_code in (None, 0):
        return no_credentials(doing)  # raised by the credential itself: nothing to sign in with
    if isinstance(e, HttpResponseError):
        status = e.status_code or 0
        code = (e.error.code if e.error is not None else None) or ""
        message = _first_line(e.error.message if e.error is not None else e.reason)
        lowered = f"{code} {message}".lower()
        if status == 401:
            return AzureDeployError(f"Azure rejected the credentials while {doing}: {SIGN_IN} "
                                    f"again; {RETRY}")
        if status == 403 or code in _PERMISSION_CODES:
            return AzureDeployError(
                f"permission denied while {doing} ({code or status}): the signed-in identity "
                f"needs the Contributor role on resource group {target.group} or subscription "
                f"{target.subscription}; ask an owner to grant it, {RETRY}")
        if code in ("SubscriptionNotFound", "InvalidSubscriptionId"):
            return AzureDeployError(f"subscription {target.subscription} was not found or is not "
                                    f"visible to the signed-in identity: check --subscription")
        if code in _QUOTA_CODES or "quota" in lowered:
            return AzureDeployError(
                f"quota exceeded while {doing} in {target.location} ({code}: {message}): pick "
                f"another --location or request a quota increase in the Azure portal, {RETRY}")
        if global_name is not None and status == 409 and (code in _NAME_CODES or
                                                         "already" in lowered):
            return name_taken(*global_name)
        return AzureDeployError(f"Azure refused {doing} (HTTP {status}"
                                f"{' ' + code if code else ''}): {message}")
    if isinstance(e, ServiceRequestError):
        return AzureDeployError(f"cannot reach Azure while {doing} ({_first_line(str(e))}): "
                                f"check the network connection, {RETRY}")
    return AzureDeployError(f"{doing} failed: {type(e).__name__}: {_first_line(str(e))}")
