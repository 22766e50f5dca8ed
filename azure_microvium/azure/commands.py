"""`mvc deploy --target azure` and `mvc destroy --target azure`: options, output, failures.

Everything these commands print goes through the redactor (redact.py). A failure is one line
saying what happened and what to do, followed by what the run had already done: every step is
idempotent, so running the same command again continues from there.
"""
from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from hostlib.cli import CLIError

from ..project import find_project_dir, resolve_entry
from ..provider import CREATED, KEPT, REMOVED, UNCHANGED, UPDATED, Change, summary
from . import names
from .clients import connect, credential_problem, default_credential
from .errors import SIGN_IN, AzureDeployError
from .progress import Progress
from .redact import Redactor, redacted_output
from .session import Session


def real_network() -> Any:
    """azure-core's default transport (None lets each client make its own)."""
    return None


# Where the credential and the HTTP transport come from; the tests replace both (a fake
# credential, a transport that answers like ARM) and nothing else.
make_credential: Callable[[], Any] = default_credential
make_transport: Callable[[], Any] = real_network

_WOULD = {CREATED: "would be created", UPDATED: "would be updated", REMOVED: "would be removed"}


# ---- shared ----

def _target(args: argparse.Namespace, app: str, *, subscription_needed: bool) -> names.Target:
    if not args.resource_group:
        raise CLIError("--target azure needs --resource-group NAME (or AZURE_RESOURCE_GROUP)")
    if subscription_needed and not args.subscription:
        raise CLIError("--target azure needs --subscription ID (or AZURE_SUBSCRIPTION_ID); "
                       "`az account show --query id -o tsv` prints yours")
    try:
        names.check_group(args.resource_group)
        app = names.app_slug(args.app) if args.app else app
    except names.InvalidName as e:
        raise CLIError(str(e)) from None
    return names.Target(args.subscription, args.resource_group,
                        getattr(args, "location", None), args.env, app,
                        getattr(args, "auth", "anonymous"))


def _line(c: Change, plan: bool) -> str:
    action = _WOULD.get(c.action, c.action) if plan else c.action
    detail = f" ({c.detail})" if c.detail else ""
    return f"  {c.kind} {c.name}: {action}{detail}"


def _done_list(session: Session) -> str:
    done = session.done()
    if not done:
        return "nothing was changed before the failure"
    lines = "\n".join(_line(c, False) for c in done)
    return f"done before the failure (kept; the next run continues from there):\n{lines}"


def _failure(session: Session, message: str) -> CLIError:
    return CLIError(session.redactor(f"{message}\n{_done_list(session)}"))


def _require_sdks() -> None:
    try:
        import azure.identity
        import azure.mgmt.web  # noqa: F401
    except ImportError:
        raise CLIError("--target azure needs the Azure SDKs: pip install "
                       "'azure-microvium[azure]'") from None


def _credential() -> tuple[Any, str | None]:
    credential = make_credential()
    return credential, credential_problem(credential)


# ---- mvc deploy --target azure ----

def deploy_command(args: argparse.Namespace) -> int:
    from compiler import CompileError
    from hostlib import JSException, VMError

    from ..deploy import deploy
    from .provider import AzureProvider

    _require_sdks()
    project = find_project_dir(args.project)
    entry = resolve_entry(args.file, project)
    try:
        app = names.app_name_for(entry)
    except names.InvalidName:
        app = ""
    if not app and not args.app:
        raise CLIError("cannot name the app after the program's folder: give --app NAME")
    from ..sealing import ENV as SEAL_ENV
    from ..sealing import SealError, sealer_from_env

    redactor = Redactor()
    seal_key = os.environ.get(SEAL_ENV, "").strip() or None
    if seal_key:
        redactor.add(seal_key)
    try:
        sealer = sealer_from_env()
    except SealError as e:
        raise CLIError(str(e)) from None
    with redacted_output(redactor):
        credential, problem = _credential()
        if problem and not args.plan:
            raise CLIError(f"no Azure credentials ({problem}): {SIGN_IN}; then run the same "
                           "command again (nothing was changed)")
        target = _target(args, app, subscription_needed=not problem)
        clients = None if problem else connect(credential, target.subscription or "",
                                               make_transport())
        session = Session(target, clients, Progress(sys.stderr), redactor, dry_run=args.plan)
        # With MVC_SEAL_KEY, the image holds sealed connection strings and every function app
        # gets the key as an app setting of the same name (docs/security.md).
        provider = AzureProvider(session, seal_key=seal_key)
        verb = "planning" if args.plan else "deploying"
        print(f"{verb} {os.path.relpath(entry)} to {args.env} (azure: app {target.app}, "
              f"resource group {target.group}, {target.location or 'location of the group'})",
              flush=True)
        if problem:
            print(f"no Azure credentials ({problem}): this is the full create plan, as if "
                  "nothing existed yet", flush=True)
        try:
            result = deploy(entry, provider, sealer=sealer)
        except AzureDeployError as e:
            raise _failure(session, str(e)) from None
        except CompileError as e:
            sys.stdout.flush()
            raise CLIError(f"deploy failed: {e.format()}") from None
        except (JSException, VMError) as e:
            sys.stdout.flush()
            if provider.failure is not None:
                raise _failure(session, str(provider.failure)) from None
            raise _failure(session, f"deploy failed: {e}") from None
        except CLIError:
            raise
        except Exception as e:
            raise _failure(session, f"internal error: {type(e).__name__}: {e} "
                                    "(set MVC_DEBUG=1 for details)") from e
        _report(result.changes, provider, plan=args.plan)
    return 0


def _report(changes: list[Change], provider: Any, *, plan: bool) -> None:
    for c in changes:
        print(_line(c, plan))
    if plan:
        counts = {a: sum(1 for c in changes if c.action == a)
                  for a in (CREATED, UPDATED, REMOVED, UNCHANGED, KEPT)}
        words = {CREATED: "to create", UPDATED: "to update", REMOVED: "to remove",
                 UNCHANGED: "unchanged", KEPT: "left alone"}
        parts = [f"{n} {words[a]}" for a, n in counts.items() if n]
        print(f"plan: {', '.join(parts) or 'nothing declared'}; nothing was changed")
        return
    print(summary(changes))
    target = provider.session.target
    hosts = sorted({urlsplit(r.url).hostname for r in provider.plan.routes.values()
                    if urlsplit(r.url).hostname} - {None})
    for host in hosts:
        if not host.endswith(".azurewebsites.net"):
            print(f"to serve these routes on {host}, bind it as a custom domain of the "
                  f"function app (docs/azure.md, \"Custom domains\")")
    if target.auth == "function" and provider.plan.routes:
        print("the routes need a function key: ?code=KEY or the x-functions-key header "
              "(docs/azure.md, \"Function keys\")")


# ---- mvc destroy --target azure ----

def destroy_command(args: argparse.Namespace) -> int:
    from .provider import AzureProvider

    _require_sdks()
    project = find_project_dir(args.project)
    app = ""
    if args.app is None:
        try:
            app = names.app_name_for(resolve_entry(args.file, project))
        except Exception:  # noqa: BLE001 - no program to name the app after: --app is needed
            raise CLIError("say which app to destroy: give --app NAME or the program FILE "
                           "(the deploy printed the app's name)") from None
    from ..sealing import ENV as SEAL_ENV
    from ..sealing import SealError, sealer_from_env

    redactor = Redactor()
    seal_key = os.environ.get(SEAL_ENV, "").strip() or None
    if seal_key:
        redactor.add(seal_key)
    try:
        sealer = sealer_from_env()
    except SealError as e:
        raise CLIError(str(e)) from None
    with redacted_output(redactor):
        credential, problem = _credential()
        if problem:
            raise CLIError(f"no Azure credentials ({problem}): {SIGN_IN}; then run the same "
                           "command again (nothing was changed)")
        target = _target(args, app, subscription_needed=True)
        clients = connect(credential, target.subscription or "", make_transport())

        def run(dry: bool) -> Session:
            session = Session(target, clients, Progress(sys.stderr), redactor, dry_run=dry)
            try:
                AzureProvider(session).destroy()
            except AzureDeployError as e:
                raise _failure(session, str(e)) from None
            return session

        found = run(dry=True)
        where = f"app {target.app}, environment {args.env}, resource group {target.group}"
        if not [c for c in found.changes if c.action == REMOVED]:
            print(f"nothing to destroy: no resources of {where}")
            return 0
        if not args.yes and not _confirmed(found, where):
            for c in found.changes:
                print(_line(c, True))
            raise CLIError(f"destroy deletes these resources of {where}, databases with their "
                           "data; run again with --yes")
        done = run(dry=False)
        for c in done.changes:
            print(_line(c, False))
        print(f"destroyed {where}")
    return 0


def _confirmed(found: Session, where: str) -> bool:
    """Asks on a terminal; anywhere else (CI) only --yes confirms."""
    if not sys.stdin.isatty():
        return False
    for c in found.changes:
        print(_line(c, True))
    sys.stdout.write(f"delete these resources of {where}? type 'yes': ")
    sys.stdout.flush()
    return sys.stdin.readline().strip().lower() == "yes"
