"""Uploading a package to a function app with OneDeploy (POST /api/publish on its SCM site).

This is the data plane, not ARM: azure-mgmt-web has no upload (its create_one_deploy_operation
only PUTs an empty extension), so the zip goes through an azure.core PipelineClient with the
ARM bearer token (basic auth with publishing credentials is often disabled by policy). Flex
Consumption accepts only this kind of push deploy. The call returns at once with a Location to
poll; Kudu's deployment status 4 means success and 3 failure.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from .errors import RETRY, AzureDeployError
from .progress import Progress

SUCCESS = 4
FAILED = 3
POLL_SECONDS = 3.0
TIMEOUT_SECONDS = 30 * 60


def publish(kudu: Any, scm_host: str, package: bytes, *, what: str, progress: Progress,
            remote_build: bool = True, sleep: Callable[[float], None] = time.sleep,
            clock: Callable[[], float] = time.monotonic) -> None:
    """Uploads the zip and waits until the deployment succeeded; raises AzureDeployError."""
    from azure.core.rest import HttpRequest

    base = f"https://{scm_host}"
    request = HttpRequest("POST", f"{base}/api/publish",
                          params={"RemoteBuild": "true" if remote_build else "false"},
                          headers={"Content-Type": "application/zip"}, content=package)
    response = kudu.send_request(request)
    if response.status_code not in (200, 202):
        raise AzureDeployError(f"the upload of {what} was refused (HTTP {response.status_code}): "
                               f"{_text(response)}; {RETRY}")
    status_url = response.headers.get("Location") or f"{base}/api/deployments/latest"
    progress.say(f"{what}: uploaded {len(package)} bytes, waiting for the deployment")
    start = clock()
    while True:
        poll = kudu.send_request(HttpRequest("GET", status_url))
        state = _json(poll) if poll.status_code == 200 else {}
        status = state.get("status")
        if status == SUCCESS:
            return
        if status == FAILED:
            reason = state.get("status_text") or "no reason given"
            raise AzureDeployError(f"the deployment of {what} failed on Azure ({reason}): see "
                                   f"Deployment Center in the portal; {RETRY}")
        if clock() - start > TIMEOUT_SECONDS:
            raise AzureDeployError(f"the deployment of {what} did not finish in "
                                   f"{TIMEOUT_SECONDS // 60} minutes; {RETRY}")
        text = state.get("status_text") or state.get("progress") or "in progress"
        progress.say(f"{what}: {text} ({int(clock() - start)} s)")
        sleep(POLL_SECONDS)


def _json(response: Any) -> dict[str, Any]:
    try:
        value = response.json()
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _text(response: Any) -> str:
    try:
        text = response.text()
    except Exception:  # noqa: BLE001 - only for the message
        text = ""
    return (text.strip().splitlines() or ["no details"])[0][:200]
