"""The `mvc` console entry point: the engine commands (hostlib.cli) plus the cloud commands.

    mvc dev [FILE]       deploy to the local cloud and serve it; redeploy when the source changes
    mvc deploy [FILE]    deploy and print what was created, changed, left alone
                         (--target azure: to Azure, docs/azure.md; the local cloud by default)
    mvc status           what the environment has deployed, and whether it is being served
    mvc logs             the environment's log (-f to follow)
    mvc destroy --yes    remove the environment: routes, apps, databases and their data
                         (--target azure: what the app created on Azure, found by its tags)
    mvc db NAME find|count [FILTER]   read a database

Every command takes --env NAME (default dev) and --project DIR (default: see project.py).
Errors are one line on stderr and a nonzero exit, never a traceback.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import threading
from collections.abc import Callable, Iterator
from typing import Any

from hostlib.cli import CLIError, run_cli

from . import server as srv
from .project import (
    DEFAULT_ENV,
    EnvPaths,
    ProjectError,
    env_paths,
    find_project_dir,
    resolve_entry,
)
from .provider import KEPT, UNCHANGED, Change, summary

POLL_SECONDS = 0.5


# ---- shared ----

def _paths(args: argparse.Namespace) -> EnvPaths:
    return env_paths(find_project_dir(args.project), args.env)


def _guarded(fn: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Turns the failures a user can cause into one-line errors (CLIError)."""
    def run(args: argparse.Namespace) -> int:
        from .local_state import StateError
        from .sealing import SealError
        from .store import DatabaseError

        try:
            return fn(args)
        except (ProjectError, StateError, DatabaseError, SealError, srv.ServeError) as e:
            raise CLIError(str(e)) from e

    return run


def _print_changes(changes: list[Change], out: Any = None) -> None:
    out = out or sys.stdout
    for c in changes:
        out.write(f"  {c.line()}\n")
    out.write(summary(changes) + "\n")
    out.flush()


def _server_info(paths: EnvPaths) -> dict[str, Any] | None:
    """The record of a live `mvc dev` serving this environment, if there is one."""
    try:
        with open(paths.server, encoding="utf-8") as f:
            info = json.load(f)
        os.kill(int(info["pid"]), 0)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return info if isinstance(info, dict) else None


def _deploy(entry: str, paths: EnvPaths) -> list[Change]:
    """Deploys entry to the environment; build failures become CLIError."""
    from compiler import CompileError
    from hostlib import JSException, VMError

    from .deploy import deploy
    from .fsutil import locked
    from .local_provider import LocalProvider

    with locked(paths.lock):
        provider = LocalProvider(paths)
        try:
            result = deploy(entry, provider)
        except CompileError as e:
            sys.stdout.flush()
            raise CLIError(f"deploy failed: {e.format()}") from e
        except JSException as e:
            sys.stdout.flush()
            raise CLIError(f"deploy failed: {e}; nothing was changed") from e
        except VMError as e:
            sys.stdout.flush()
            raise CLIError(f"deploy failed: {e}; nothing was changed") from e
    return result.changes


# ---- mvc deploy ----

@_guarded
def cmd_deploy(args: argparse.Namespace) -> int:
    if args.target == "azure":
        from .azure.commands import deploy_command

        return deploy_command(args)
    if args.plan:
        raise CLIError("--plan is for --target azure (a local deploy is instant: just deploy)")
    project = find_project_dir(args.project)
    entry = resolve_entry(args.file, project)
    paths = env_paths(project, args.env)
    print(f"deploying {os.path.relpath(entry)} to {args.env} (local)", flush=True)
    changes = _deploy(entry, paths)
    _print_changes(changes)
    info = _server_info(paths)
    if info and any(c.action not in (UNCHANGED, KEPT) for c in changes):
        print(f"the server at {info.get('url')} (pid {info.get('pid')}) serves the new version")
    return 0


# ---- mvc dev ----

def _limits(args: argparse.Namespace) -> Any:
    from .limits import Limits

    return Limits(budget=args.budget, max_heap=args.max_heap)


def _faults() -> Any:
    """Fault injection for load tests (MVC_FAULTS, azure_microvium/idempotency.py)."""
    text = os.environ.get("MVC_FAULTS")
    if not text:
        return None
    from .idempotency import Faults

    try:
        faults = Faults.parse(text)
    except ValueError as e:
        raise CLIError(str(e)) from None
    print(f"fault injection on: instances killed at random (MVC_FAULTS={text})", flush=True)
    return faults


def _print_routes(cloud: Any, base: str) -> None:
    state = cloud.state
    if state is None or not state.routes:
        print("no routes: the program calls no Internet.listenAt")
        return
    for r in state.routes.values():
        print(f"  {r.method:6} {base}{r.path} -> {r.app}")
    sys.stdout.flush()


def _watch_loop(entry: str, paths: EnvPaths, cloud: Any, stop: threading.Event,
                base: str) -> None:
    """Redeploys when the program's files change, and follows deploys made by others."""
    from .watch import SourceWatcher

    watcher = SourceWatcher(entry)
    while not stop.wait(POLL_SECONDS):
        try:
            changed = watcher.changed()
            if changed:
                names = ", ".join(os.path.relpath(p) for p in changed[:3])
                print(f"changed: {names}; redeploying", flush=True)
                try:
                    _print_changes(_deploy(entry, paths))
                except CLIError as e:
                    sys.stderr.write(f"mvc: {e}\n(still serving the previous version)\n")
                    sys.stderr.flush()
            if cloud.reload_if_changed():
                _print_routes(cloud, base)
        except Exception as e:  # noqa: BLE001 - the server must outlive a bad reload
            sys.stderr.write(f"mvc: reload failed: {type(e).__name__}: {e}\n")


@_guarded
def cmd_dev(args: argparse.Namespace) -> int:
    from .cloud import LocalCloud
    from .fsutil import write_json_private
    from .gateway import create_app
    from .logs import attach

    project = find_project_dir(args.project)
    entry = resolve_entry(args.file, project)
    paths = env_paths(project, args.env)
    running = _server_info(paths)
    if running:
        raise CLIError(f"environment {args.env} is already served at {running.get('url')} "
                       f"(pid {running.get('pid')})")
    sock = srv.bind(args.host, args.port)
    try:
        print(f"deploying {os.path.relpath(entry)} to {args.env} (local)", flush=True)
        _print_changes(_deploy(entry, paths))
        logs = attach(paths.log, console=sys.stderr if not args.quiet else None)
        cloud = LocalCloud(paths, _limits(args), _faults())
        cloud.reload()
        host = f"[{args.host}]" if ":" in args.host else args.host
        base = f"http://{host}:{srv.bound_port(sock)}"
        write_json_private(paths.server, {"pid": os.getpid(), "url": base, "entry": entry})
        print(f"serving {args.env} at {base} (Ctrl-C to stop)")
        _print_routes(cloud, base)
        stop = threading.Event()
        watcher = threading.Thread(target=_watch_loop, args=(entry, paths, cloud, stop, base),
                                   name="mvc-watch", daemon=True)
        watcher.start()
        app = create_app(cloud.resolve, max_body=args.max_body)
        try:
            srv.serve(app, sock)
            print("stopped")
        finally:
            stop.set()
            watcher.join(5)
            cloud.close()
            logs.detach()
            if (_server_info(paths) or {}).get("pid") == os.getpid():
                os.unlink(paths.server)
    finally:
        sock.close()
    return 0


# ---- mvc status ----

@_guarded
def cmd_status(args: argparse.Namespace) -> int:
    from .local_provider import describe_app
    from .local_state import load_state
    from .store_montydb import iter_databases

    paths = _paths(args)
    state = load_state(paths)
    if state is None:
        print(f"environment {args.env}: not deployed (in {paths.project_dir})")
        return 0
    info = _server_info(paths)
    print(f"environment {args.env} (local), deployed {state.deployed_at}")
    print(f"  program   {state.entry}")
    print(f"  served    {info['url'] + ' (pid ' + str(info['pid']) + ')' if info else 'no'}")
    undeclared = [n for n in iter_databases(paths.data) if n not in state.databases]
    print("databases")
    for name, spec in state.databases.items():
        print(f"  {name} ({spec.api})")
    for name in undeclared:
        print(f"  {name} (no longer declared; data kept)")
    print("function apps")
    for name, app in state.apps.items():
        print(f"  {name}: image {app.image[:12]}, export {app.export_id}, {describe_app(app)}")
    print("routes")
    for r in state.routes.values():
        print(f"  {r.method} {r.path} -> {r.app}")
    return 0


# ---- mvc logs ----

@_guarded
def cmd_logs(args: argparse.Namespace) -> int:
    from .logs import follow, tail

    paths = _paths(args)
    if not paths.exists():
        raise CLIError(f"environment {args.env} has no logs (never deployed in "
                       f"{paths.project_dir})")
    for line in tail(paths.log, args.lines):
        print(line)
    sys.stdout.flush()
    if args.follow:
        for line in follow(paths.log):
            print(line, flush=True)
    return 0


# ---- mvc destroy ----

@_guarded
def cmd_destroy(args: argparse.Namespace) -> int:
    if args.target == "azure":
        from .azure.commands import destroy_command

        return destroy_command(args)
    from .fsutil import locked
    from .local_provider import LocalProvider

    if args.file is not None:
        raise CLIError("FILE is for --target azure (the local cloud is the environment)")
    paths = _paths(args)
    if not paths.exists():
        print(f"environment {args.env}: nothing to destroy")
        return 0
    info = _server_info(paths)
    if info:
        raise CLIError(f"environment {args.env} is being served at {info.get('url')} "
                       f"(pid {info.get('pid')}): stop it first")
    if not args.yes:
        raise CLIError(f"destroy removes environment {args.env} with all its data in "
                       f"{paths.root}; run again with --yes")
    with locked(paths.lock):
        changes = LocalProvider(paths).destroy()
    for c in changes:
        print(f"  {c.line()}")
    print(f"environment {args.env} destroyed")
    return 0


# ---- mvc db ----

def _filter(text: str | None) -> dict[str, Any]:
    if text is None:
        return {}
    try:
        value = json.loads(text)
    except ValueError as e:
        raise CLIError(f"FILTER is not JSON: {e}") from None
    if not isinstance(value, dict):
        raise CLIError("FILTER must be a JSON object, e.g. '{\"name\": \"Ada\"}'")
    return value


def _documents(col: Any, flt: dict[str, Any], limit: int) -> Iterator[str]:
    for doc in col.find(flt, limit=limit):
        yield json.dumps(doc, ensure_ascii=False)


@_guarded
def cmd_db(args: argparse.Namespace) -> int:
    from .local_state import load_state
    from .store import local_connection
    from .store_montydb import MontyStore, iter_databases

    paths = _paths(args)
    state = load_state(paths)
    known = set(iter_databases(paths.data)) | set(state.databases if state else ())
    if args.name not in known:
        names = ", ".join(sorted(known)) or "none"
        raise CLIError(f"no database {args.name!r} in environment {args.env} "
                       f"(databases: {names})")
    flt = _filter(args.filter)
    connection = state.connection if state else local_connection(paths.data)
    store = MontyStore(connection[len("montydb://"):])
    col = store.collection(args.name, args.collection)
    if args.action == "count":
        print(col.count(flt))
    else:
        for line in _documents(col, flt, args.limit):
            print(line)
    return 0


# ---- wiring ----

def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--env", default=DEFAULT_ENV, help="environment name (default: dev)")
    p.add_argument("--project", metavar="DIR",
                   help="project folder holding .mvc/ (default: this folder or the nearest "
                        "one above it with package.json or .mvc/)")


def _positive(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if n < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return n


def _target_option(p: argparse.ArgumentParser) -> None:
    # --provider was this option's first name; both spellings work.
    p.add_argument("--target", "--provider", dest="target", choices=["local", "azure"],
                   default="local", help="where: local (default, this machine) or azure")


def add_cloud_commands(sub: Any) -> None:
    from .azure.options import add_arguments as add_azure_arguments
    from .limits import Limits
    from .store import DEFAULT_COLLECTION

    d = sub.add_parser("dev", help="deploy to the local cloud and serve it until Ctrl-C")
    d.add_argument("file", nargs="?", help="the program (default: package.json's main)")
    _common(d)
    d.add_argument("--host", default=srv.DEFAULT_HOST, help="address to bind (default 127.0.0.1)")
    d.add_argument("--port", type=_positive, default=srv.DEFAULT_PORT, help="default 7071")
    d.add_argument("--max-body", type=_positive, default=srv.DEFAULT_MAX_BODY,
                   help="largest request body in bytes (default 1 MiB); larger ones get 413")
    d.add_argument("--budget", type=_positive, default=Limits.budget,
                   help="VM instructions a handler call may run (0: unlimited)")
    d.add_argument("--max-heap", type=_positive, default=0, help="VM heap limit in bytes")
    d.add_argument("--quiet", action="store_true", help="do not echo the log to the terminal")
    d.set_defaults(func=cmd_dev)

    p = sub.add_parser("deploy", help="deploy the program; print what changes")
    p.add_argument("file", nargs="?", help="the program (default: package.json's main)")
    _common(p)
    _target_option(p)
    add_azure_arguments(p, deploy=True)
    p.set_defaults(func=cmd_deploy)

    s = sub.add_parser("status", help="show what the environment has deployed")
    _common(s)
    s.set_defaults(func=cmd_status)

    lg = sub.add_parser("logs", help="show the environment's log")
    _common(lg)
    lg.add_argument("-n", "--lines", type=_positive, default=100, help="last N lines (0: all)")
    lg.add_argument("-f", "--follow", action="store_true", help="keep printing new lines")
    lg.set_defaults(func=cmd_logs)

    x = sub.add_parser("destroy", help="remove the environment and all its data")
    x.add_argument("file", nargs="?", help="--target azure: the program, to name the app by")
    _common(x)
    x.add_argument("--yes", action="store_true", help="really remove it")
    _target_option(x)
    add_azure_arguments(x, deploy=False)
    x.set_defaults(func=cmd_destroy)

    b = sub.add_parser("db", help="read a database: find or count documents")
    b.add_argument("name", help="the database name given to new CosmosDB(...)")
    b.add_argument("action", choices=["find", "count"])
    b.add_argument("filter", nargs="?", help="a MongoDB filter as JSON, e.g. '{\"name\":\"Ada\"}'")
    b.add_argument("--collection", default=DEFAULT_COLLECTION,
                   help=f"collection (default: {DEFAULT_COLLECTION})")
    b.add_argument("--limit", type=_positive, default=0, help="at most N documents (find)")
    _common(b)
    b.set_defaults(func=cmd_db)


def main(argv: list[str] | None = None) -> int:
    return run_cli(argv, extend=add_cloud_commands)


if __name__ == "__main__":
    sys.exit(main())
