"""The Azure target (`mvc deploy --target azure`): the one place that uses the Azure SDKs.

docs/azure.md is the walk-through. Modules, from the command to the wire:

- options.py: the command-line options (cheap to import: the parser is built for every
  command); commands.py: what `mvc deploy/destroy --target azure` do and print.
- provider.py: the provider contract (../provider.py) on Azure; session.py: one run (clients,
  changes so far, dry run, one-line failures via errors.py, progress.py, redact.py).
- names.py: resource names and tags, derived from the group, app, environment and the
  program's names: Azure is the state, there is no state file.
- group.py, cosmos.py, functions.py: the resources, each created only if missing;
  inventory.py: what the app owns (by tag), pruning and destroy.
- package.py: the deterministic zip (host_package/ + vendored runtime + VM + image);
  onedeploy.py: its upload; clients.py: the SDK clients and the credential.

The SDKs are imported inside functions, so the local cloud and `mvc --help` never need them.
"""
