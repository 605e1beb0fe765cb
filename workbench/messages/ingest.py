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


# -- odd paths in the files and folders given (workbench/ingest/discover.py; hostile input, issue 14)
W150 = define(
    "W150",
    "{path} is a link to the folder {target}: every draft in that folder is screened, as for a folder given by name "
    "(links to folders inside it are not followed).",
    "{path} はフォルダー {target} へのリンクです。フォルダーを指定した場合と同じく、そのフォルダー内のすべての草稿を判定します"
    "（その中のフォルダーへのリンクはたどりません）。",
)
W151 = define(
    "W151",
    "{path} is a link to a folder inside a folder being screened: not followed (a link can loop back). "
    "Give its target {target} to screen the drafts in it.",
    "{path} は判定中のフォルダー内にあるフォルダーへのリンクのため、たどりませんでした（リンクは循環することがあります）。"
    "その中の草稿を判定するには、リンク先 {target} を指定してください。",
)
W152 = define(
    "W152",
    "{count} more link(s) to folders inside the folders being screened were not followed.",
    "判定中のフォルダー内にあるフォルダーへのリンクを、ほかに{count}件たどりませんでした。",
)
