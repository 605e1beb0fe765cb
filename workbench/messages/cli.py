"""Coded messages of command-line output, settings and anything else (N9xx/W9xx/I9xx); see workbench/messages/__init__.py."""

from __future__ import annotations

from workbench.messages import define  # noqa: F401

