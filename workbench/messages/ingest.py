"""Coded messages of reading files into a Draft (N1xx/W1xx/I1xx); see workbench/messages/__init__.py."""

from __future__ import annotations

from workbench.messages import define


# -- what the reader noticed (Draft.notes) ---------------------------------------------------
N101 = define(
    "N101",
    "no claims heading; claims taken from the first line numbered 1.",
    "特許請求の範囲の見出しがないため、番号1の最初の行から請求項を読み取りました。",
)
N102 = define(
    "N102",
    "no 特許請求の範囲 heading; claims taken from 【請求項１】",
    "【特許請求の範囲】の見出しがないため、【請求項１】から請求項を読み取りました。",
)
N103 = define("N103", "claims section not found", "特許請求の範囲が見つかりません")
N104 = define(
    "N104",
    "{empty} of {pages} pages have no text layer (figures or scans)",
    "{pages} ページ中 {empty} ページにテキスト層がありません（図面またはスキャン画像）",
)
