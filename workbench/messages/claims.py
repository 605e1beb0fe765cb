"""Coded messages of finding and splitting claims (N2xx/W2xx/I2xx); see workbench/messages/__init__.py."""

from __future__ import annotations

from workbench.messages import define  # noqa: F401

