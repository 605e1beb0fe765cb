"""Patent Non-Disclosure Triage Workbench: the headless core.

ingest -> claims -> classify -> triage store. Nothing in this package except
``workbench.ui`` imports Qt; ``tests/test_architecture.py`` fails if that breaks.
"""

__version__ = "0.1.0"
