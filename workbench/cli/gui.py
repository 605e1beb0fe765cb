"""`workbench gui`: placeholder registered by the foundation; replaced by the owning issue's work."""

from __future__ import annotations


def register(sub) -> None:
    sub.add_parser("gui", help="(not built yet)")
