"""Coded messages of the foreign-filing checklist and the clearance plan (N7xx/W7xx/I7xx); see workbench/messages/__init__.py."""

from __future__ import annotations

from workbench.messages import define  # noqa: F401

# -- country codes (workbench.filing.codes) ---------------------------------------------
define(
    "W701",
    "not an ISO 3166-1 country code: {tokens} (write e.g. {example})",
    "ISO 3166-1の国コードではありません：{tokens}（例：{example}）",
)
define(
    "W702",
    "'{token}' is a country's name, not its code: write {alpha2}",
    "「{token}」は国名でありコードではありません。{alpha2}と入力してください",
)
define(
    "I701",
    "'{token}' read as {alpha2} (ISO 3166-1 alpha-3 is stored as its alpha-2 code)",
    "「{token}」を{alpha2}として読み取りました（ISO 3166-1 alpha-3は2文字コードで記録します）",
)
define(
    "W703",
    "{route} is a filing route, not a country: give it as a planned filing, not as a place or residence",
    "{route}は出願ルートであり国ではありません。発明地や居住国ではなく出願予定として入力してください",
)
# -- the JP filing date ------------------------------------------------------------------
define(
    "W704",
    "The JP filing date {date} is in the future (today is {today}). Record it only if the filing is already "
    "made or fixed; the 3- and 10-month dates are counted from it.",
    "日本出願日{date}は将来の日付です（本日は{today}）。出願済み又は確定している場合に限り記録してください。"
    "3か月及び10か月の日付はこの日から計算されます。",
)
define(
    "W705",
    "add --future-date-ok to record it anyway",
    "それでも記録する場合は --future-date-ok を付けてください",
)
