"""Coded messages of reading files into a Draft (N1xx/W1xx/I1xx); see workbench/messages/__init__.py."""

from __future__ import annotations

from workbench.messages import define  # noqa: F401

