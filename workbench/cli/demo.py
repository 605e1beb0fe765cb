"""`workbench demo`: screen the example drafts bundled with the package.

This is the README's first command: it shows a newcomer what the product does
on a real-looking draft without any file of their own.
"""

from __future__ import annotations

from importlib import resources


def example_paths() -> list[str]:
    root = resources.files("workbench") / "examples"
    return sorted(str(p) for p in root.iterdir() if p.name.startswith("draft"))


def register(sub) -> None:
    p = sub.add_parser("demo", help="screen the bundled example drafts (English and Japanese)")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.set_defaults(func=run)


def run(args) -> int:
    from workbench.cli import triage as triage_cli

    argv = example_paths()
    return triage_cli.run_paths(argv, json_out=args.json, log=False)
