"""Coded messages of classification, field likelihoods, levels and the screening pipeline (N4xx/R4xx/W4xx/I4xx); see workbench/messages/__init__.py."""

from __future__ import annotations

from workbench.messages import define  # noqa: F401

define(
    "N401",
    "No claims section was found: the whole text was screened as one unit.",
    "請求の範囲が見つからないため、全文を一つの単位として判定しました。",
)
