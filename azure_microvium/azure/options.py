"""The command-line options of --target azure. Its own small module: the `mvc` parser is built
for every command (mvc run too), so it must not import the deploy machinery."""
from __future__ import annotations

import argparse
import os


def add_arguments(p: argparse.ArgumentParser, *, deploy: bool) -> None:
    g = p.add_argument_group("Azure (with --target azure; see docs/azure.md)")
    g.add_argument("--subscription", default=os.environ.get("AZURE_SUBSCRIPTION_ID"),
                   help="subscription id (default: $AZURE_SUBSCRIPTION_ID)")
    g.add_argument("--resource-group", default=os.environ.get("AZURE_RESOURCE_GROUP"),
                   help="resource group for the default environment; other environments get "
                        "<group>-<env> (default: $AZURE_RESOURCE_GROUP)")
    g.add_argument("--app", help="the app's name in resource names and tags (default: the "
                                 "\"name\" of the program's package.json, else its folder)")
    if deploy:
        g.add_argument("--location", default=os.environ.get("AZURE_LOCATION"),
                       help="region for new resources, e.g. westeurope (default: "
                            "$AZURE_LOCATION, else the resource group's)")
        g.add_argument("--plan", action="store_true",
                       help="print what would be created, changed or left alone; change nothing")
        g.add_argument("--auth", choices=["anonymous", "function"], default="anonymous",
                       help="who may call the routes: anyone (default) or callers with a "
                            "function key")
