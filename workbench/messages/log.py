"""Coded messages of the triage log: decisions, annotations, overrides, approvals, verify (N5xx/W5xx/I5xx); see workbench/messages/__init__.py."""

from __future__ import annotations

from workbench.messages import define  # noqa: F401

