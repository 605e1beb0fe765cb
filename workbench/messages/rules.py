"""Coded messages of IPC codes, rule sets and the rules engine's reasons (R3xx/N3xx/W3xx); see workbench/messages/__init__.py."""

from __future__ import annotations

from workbench.messages import define  # noqa: F401

