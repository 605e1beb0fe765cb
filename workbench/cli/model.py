"""`workbench model`: placeholder registered by the foundation; replaced by the owning issue's work."""

from __future__ import annotations


def register(sub) -> None:
    sub.add_parser("model", help="(not built yet)")
