"""Coded messages of classification, field likelihoods, levels and the screening pipeline (N4xx/R4xx/W4xx/I4xx); see workbench/messages/__init__.py."""

from __future__ import annotations

from workbench.messages import define

N401 = define(
    "N401",
    "No claims section was found: the whole text was screened as one unit.",
    "特許請求の範囲が見つからないため、全文を一つの単位として判定しました。",
)
N402 = define(
    "N402",
    "No claims section was found: the whole text was screened as one unit. ({error})",
    "特許請求の範囲が見つからないため、全文を1つの単位として判定しました。（{error}）",
)
N403 = define(
    "N403",
    "The document's classification '{symbol}' is not an IPC symbol and was not used.",
    "文書に記載の分類「{symbol}」はIPC記号ではないため、使用していません。",
)

# -- reasons a field verdict adds to the rules engine's (workbench/triage.py) ----------------
R401 = define("R401", "predicted IPC: {codes}; likelihood {likelihood:.3g}", "予測IPC: {codes}、該当可能性 {likelihood:.3g}")
R402 = define(
    "R402",
    "likelihood {likelihood:.3g} is at or above the review threshold {review:.4g}",
    "該当可能性 {likelihood:.3g} は要検討のしきい値 {review:.4g} 以上です",
)
R403 = define(
    "R403",
    "both additional-requirement questions answered no: the field does not apply",
    "付加要件の質問に両方「いいえ」と回答: この分野は該当しません",
)

# -- labels of levels and field statuses, for every edge (CLI lines; the UI has its own Qt copy)
I490 = define("I490", "CLEAR", "該当なし")
I491 = define("I491", "REVIEW", "要検討")
I492 = define("I492", "LIKELY REFERRAL - file in Japan first", "送付の可能性大 - 第一国出願は日本へ")
LEVEL_LABELS = {"clear": I490, "review": I491, "likely": I492}
I493 = define("I493", "hit", "該当")
I494 = define("I494", "possible", "該当の可能性")
I495 = define("I495", "no", "非該当")
STATUS_LABELS = {"hit": I493, "possible": I494, "no": I495}
