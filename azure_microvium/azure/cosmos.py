"""CosmosDB(name, {api: 'mongo-db'}) on Azure: a serverless Cosmos DB account of kind MongoDB,
one MongoDB database in it named as in the program, and its connection string.

The connection string is fetched with list_connection_strings (a POST: it is a secret, never in
a GET) and handed back to the program, which keeps it in the database object's closures; so it
reaches the functions only inside the image. It is registered with the redactor before anything
else can print it.
"""
from __future__ import annotations

from ..provider import CREATED, UNCHANGED, UPDATED
from ..resources import DatabaseSpec
from ..store import LOCAL_SCHEME, MONGO_SCHEMES
from . import names
from .errors import AzureDeployError, name_taken
from .session import Session, get_or_none

ACCOUNT = "Cosmos DB account"
DATABASE = "database"
MONGO_KIND = "MongoDB"
SERVER_VERSION = "7.0"
# Connection strings the run-time store can open (store.py). Cosmos DB lists mongodb:// ones
# (and others, e.g. for other APIs, which are skipped); the offline tests hand out montydb://.
OPENABLE = (*MONGO_SCHEMES, LOCAL_SCHEME)


def account_parameters(session: Session, spec: DatabaseSpec, account: str) -> object:
    from azure.mgmt.cosmosdb import models as cm

    t = session.target
    return cm.DatabaseAccountCreateUpdateParameters(
        location=session.location, kind=MONGO_KIND,
        tags=t.tags(names.ROLE_DATABASE, spec.name),
        # databaseAccountOfferType is "Standard", the only value: the model sets it itself.
        properties=cm.DatabaseAccountCreateUpdateProperties(
            locations=[cm.Location(location_name=session.location, failover_priority=0,
                                   is_zone_redundant=False)],
            api_properties=cm.ApiProperties(server_version=SERVER_VERSION),
            # Serverless: billed per request, nothing to size; suits functions that scale to 0.
            capabilities=[cm.Capability(name="EnableServerless")],
            consistency_policy=cm.ConsistencyPolicy(default_consistency_level="Session")))


def ensure_database(session: Session, spec: DatabaseSpec) -> str | None:
    """Creates what is missing; returns the connection string, or None in a plan where the
    account does not exist yet."""
    t = session.target
    account = names.cosmos_account(t, spec.name)
    existing = None
    if session.can_read and session.group_exists:
        with session.step(f"reading Cosmos DB account {account}"):
            existing = get_or_none(session.az.cosmos.database_accounts.get, t.group, account)
    if existing is None:
        if session.can_read:
            with session.step(f"checking the name {account}"):
                if session.az.cosmos.database_accounts.check_name_exists(account):
                    raise name_taken(ACCOUNT, account)
        if not session.dry_run:
            with session.step(f"creating Cosmos DB account {account}",
                              global_name=(ACCOUNT, account)):
                session.wait(session.az.cosmos.database_accounts.begin_create_or_update(
                    t.group, account, account_parameters(session, spec, account)),
                    f"creating Cosmos DB account {account} (this takes several minutes)")
        session.record(ACCOUNT, account, CREATED, f"{MONGO_KIND} {SERVER_VERSION}, serverless, "
                       f"for {spec.name}")
    else:
        kind = str(getattr(existing.kind, "value", existing.kind) or "")
        if kind != MONGO_KIND:
            raise AzureDeployError(f"Cosmos DB account {account} exists with kind {kind}, not "
                                   f"{MONGO_KIND}: delete it or deploy with another --env")
        retagged = session.ensure_tags(existing.id, existing.tags,
                                       t.tags(names.ROLE_DATABASE, spec.name), account)
        session.record(ACCOUNT, account, UPDATED if retagged else UNCHANGED,
                       "tags" if retagged else "")
    _ensure_mongo_database(session, spec, account, account_exists=existing is not None)
    if existing is None and session.dry_run:
        return None
    with session.step(f"reading the connection string of {account}"):
        listed = session.az.cosmos.database_accounts.list_connection_strings(t.group, account)
    for entry in listed.connection_strings or []:
        value = entry.connection_string
        if value and value.startswith(OPENABLE):
            session.redactor.add(value)
            return str(value)
    raise AzureDeployError(f"Cosmos DB account {account} lists no MongoDB connection string: "
                           "is it a MongoDB (RU) account?")


def _ensure_mongo_database(session: Session, spec: DatabaseSpec, account: str, *,
                           account_exists: bool) -> None:
    from azure.mgmt.cosmosdb import models as cm

    t = session.target
    label = f"{spec.name} (in {account})"
    existing = None
    if account_exists:
        with session.step(f"reading database {spec.name}"):
            existing = get_or_none(session.az.cosmos.mongo_db_resources.get_mongo_db_database,
                                   t.group, account, spec.name)
    if existing is not None:
        session.record(DATABASE, label, UNCHANGED)
        return
    if not session.dry_run:
        with session.step(f"creating database {spec.name}"):
            session.wait(session.az.cosmos.mongo_db_resources.begin_create_update_mongo_db_database(
                t.group, account, spec.name, cm.MongoDBDatabaseCreateUpdateParameters(
                    properties=cm.MongoDBDatabaseCreateUpdateProperties(
                        resource=cm.MongoDBDatabaseResource(id=spec.name)))),
                f"creating database {spec.name}")
    session.record(DATABASE, label, CREATED, spec.api)
