"""The SDK clients of one deploy, built from a credential and a subscription.

`transport` is azure-core's pluggable HTTP layer: None means the real network; the tests pass
a fake that answers like ARM (tests/azure_deploy/fake_azure.py), so every call below runs offline with
its real URL, api-version, body, authentication and polling.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# The token audience of Azure Resource Manager; the SCM (Kudu) site accepts it too.
ARM_SCOPE = "https://management.azure.com/.default"


@dataclass
class Clients:
    credential: Any
    subscription: str
    resources: Any  # azure.mgmt.resource.resources.ResourceManagementClient
    cosmos: Any  # azure.mgmt.cosmosdb.CosmosDBManagementClient
    storage: Any  # azure.mgmt.storage.StorageManagementClient
    web: Any  # azure.mgmt.web.WebSiteManagementClient
    transport: Any = None

    def kudu(self, scm_host: str) -> Any:
        """A client for an app's SCM site (OneDeploy), authenticated with the ARM token."""
        from azure.core import PipelineClient
        from azure.core.pipeline.policies import (
            BearerTokenCredentialPolicy,
            HeadersPolicy,
            RetryPolicy,
            UserAgentPolicy,
        )

        policies = [HeadersPolicy(), UserAgentPolicy("azure-microvium"), RetryPolicy(),
                    BearerTokenCredentialPolicy(self.credential, ARM_SCOPE)]
        extra = {"transport": self.transport} if self.transport is not None else {}
        return PipelineClient(f"https://{scm_host}", policies=policies, **extra)


def connect(credential: Any, subscription: str, transport: Any = None) -> Clients:
    """The four management clients. (ResourceManagementClient comes from
    azure.mgmt.resource.resources: azure-mgmt-resource 26 dropped the shorter import.)"""
    from azure.mgmt.cosmosdb import CosmosDBManagementClient
    from azure.mgmt.resource.resources import ResourceManagementClient
    from azure.mgmt.storage import StorageManagementClient
    from azure.mgmt.web import WebSiteManagementClient

    extra = {"transport": transport} if transport is not None else {}
    return Clients(
        credential, subscription,
        ResourceManagementClient(credential, subscription, **extra),
        CosmosDBManagementClient(credential, subscription, **extra),
        StorageManagementClient(credential, subscription, **extra),
        WebSiteManagementClient(credential, subscription, **extra),
        transport)


def default_credential() -> Any:
    """az login, a service principal in the environment, a workload or managed identity."""
    from azure.identity import DefaultAzureCredential

    return DefaultAzureCredential()


def credential_problem(credential: Any) -> str | None:
    """None when the credential yields a token, else why not (one line)."""
    from azure.core.exceptions import ClientAuthenticationError

    try:
        credential.get_token(ARM_SCOPE)
    except ClientAuthenticationError as e:
        first = (e.message or type(e).__name__).strip().splitlines()[0]
        return first[:160]
    return None
