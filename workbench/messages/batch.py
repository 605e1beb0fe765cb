"""Coded messages of batch screening, re-screening, parallel and cluster runs (N8xx/W8xx/I8xx); see workbench/messages/__init__.py."""

from __future__ import annotations

from workbench.messages import define  # noqa: F401

