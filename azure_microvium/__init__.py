"""azure-microvium: the cloud side. Resources declared at deploy time, served at run time.

docs/cloud.md says what the pieces mean. Modules, from the program to the request:

- js/index.js, js/*.d.ts: the `azure-microvium` JS module and its types; imports.py: its
  host import IDs.
- resources.py: declarations checked once for every provider; provider.py: the provider
  interface; deploy.py: the deploy-time host and a deploy.
- local_provider.py, local_state.py: the local provider and its record in `.mvc/<env>/`;
  project.py: where projects, entries and environments are; fsutil.py: private atomic files.
- store.py (interface, connection strings), store_montydb.py (local), store_mongo.py
  (mongodb://): the databases.
- runtime.py: the host functions of both phases; instances.py: VM instances and their pool;
  cloud.py: an environment served.
- adapter.py: func.HttpRequest -> handler -> func.HttpResponse (shared with the Azure
  target); gateway.py: the Starlette front door; server.py: uvicorn.
- logs.py, watch.py, cli.py: the log, source polling, the `mvc` commands.
- azure/: the Azure provider (the only package that imports the Azure SDKs);
  host_package/: what runs inside the Function App (docs/azure.md).
"""
