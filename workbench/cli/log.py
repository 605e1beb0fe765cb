"""`workbench log`: placeholder registered by the foundation; replaced by the owning issue's work."""

from __future__ import annotations


def register(sub) -> None:
    sub.add_parser("log", help="(not built yet)")
