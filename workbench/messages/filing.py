"""Coded messages of the foreign-filing checklist and the clearance plan (N7xx/W7xx/I7xx); see workbench/messages/__init__.py."""

from __future__ import annotations

from workbench.messages import define  # noqa: F401

