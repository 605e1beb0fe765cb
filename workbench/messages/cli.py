"""Coded messages of command-line output, settings and anything else (N9xx/W9xx/I9xx); see workbench/messages/__init__.py."""

from __future__ import annotations

from workbench.messages import define


I901 = define("I901", "See '{command} --help' for how to use it.", "'{command} --help' で使い方を確認してください。")
N901 = define("N901", "'{text}' is not a whole number of days", "'{text}' は日数（整数）ではありません")
N902 = define("N902", "{n} is outside 1-3660 days", "{n} は 1～3660 日の範囲外です")
