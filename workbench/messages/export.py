"""Coded messages of exports and reports (N6xx/W6xx/I6xx); see workbench/messages/__init__.py."""

from __future__ import annotations

from workbench.messages import define  # noqa: F401

