"""Coded messages of batch screening, re-screening, parallel and cluster runs (N8xx/W8xx/I8xx); see workbench/messages/__init__.py."""

from __future__ import annotations

from workbench.messages import define  # noqa: F401

# -- levels, as the batch lines name them (nested in the lines below) ----------------------
define("I801", "CLEAR", "該当なし")
define("I802", "REVIEW", "要検討")
define("I803", "LIKELY REFERRAL", "送付の可能性大")

# -- progress ------------------------------------------------------------------------------
define(
    "I804",
    "Screening {total} draft(s) with {workers} worker(s) ({where}); the first result comes once the engine is loaded…",
    "{total} 件の草稿を {workers} 個のワーカー（{where}）で判定します。エンジンの読み込み後に最初の結果が出ます…",
)
define("I805", "this machine", "このコンピューター")
define("I806", "Dask cluster {address}", "Dask クラスター {address}")
define(
    "I807",
    "{bar} {done}/{total} {pct}  {rate} drafts/s  ETA {eta}",
    "{bar} {done}/{total} {pct}  {rate} 草稿/秒  残り {eta}",
)
define("I808", "[{done}/{total}] {name}: {level}{top}", "[{done}/{total}] {name}：判定 {level}{top}")
define("I809", " - top field {field} {field_name} ({p:lk})", "（最有力の分野 {field} {field_name}、{p:lk}）")
define(
    "I830",
    " - nearest field {field} {field_name}, not a hit (likelihood {p:lk})",
    "（最も近い分野 {field} {field_name}、非該当・該当可能性 {p:lk}）",
)
define(
    "I810",
    "[{done}/{total}] {name}: already screened with these rules and model (draft {draft_id}, {level}): skipped",
    "[{done}/{total}] {name}：同じ規則とモデルで判定済み（草稿 {draft_id}、{level}）のため省略しました",
)
define("I811", "[{done}/{total}] {name}: not screened: {error}", "[{done}/{total}] {name}：判定できませんでした：{error}")

# -- summary -------------------------------------------------------------------------------
define(
    "I812",
    "Screened {screened} of {total} draft(s) in {seconds} s ({rate} drafts/s): {levels}.",
    "{total} 件中 {screened} 件の草稿を {seconds} 秒で判定しました（{rate} 件/秒）：{levels}。",
)
define("I813", "{n} {level}", "{level} {n} 件")
define(
    "I814",
    "Skipped {n} draft(s) already screened with the same rules, model, thresholds and answers (--force screens them again).",
    "同じ規則・モデル・閾値・回答で判定済みの草稿 {n} 件を省略しました（--force で再判定します）。",
)
define(
    "I815",
    "Failed: {n} file(s), each with its coded error:",
    "判定できなかったファイル {n} 件（それぞれのエラーコード付き）：",
)
define("I816", "  {name}: {error}", "  ・{name}：{error}")
define(
    "I817",
    "Each verdict was recorded in the triage log {path} as soon as it was ready.",
    "各判定は結果が出た時点で判定記録 {path} に記録しました。",
)
define("I818", "no draft screened", "判定した草稿はありません")
define(
    "W801",
    "Interrupted: {recorded} draft(s) recorded, {left} not screened. Run the same command again to continue: recorded drafts are skipped.",
    "中断しました：{recorded} 件を記録済み、{left} 件は未判定です。同じコマンドをもう一度実行すると続きから判定します（記録済みの草稿は省略されます）。",
)
define(
    "W802",
    "Cancelled: {recorded} draft(s) recorded, {left} not screened.",
    "中止しました：草稿 {recorded} 件を記録済み、{left} 件は未判定です。",
)

# -- re-screening --------------------------------------------------------------------------
define(
    "I820",
    "Re-screening {total} stored draft(s) against rules {rules} and model {model}.",
    "記録済みの草稿 {total} 件を規則 {rules}・モデル {model} で再判定します。",
)
define("I821", "{level}, field {field}", "{level}、分野 {field}")
define("I822", "{level}, no field", "{level}、分野なし")
define("I823", "draft {draft_id} {name}: {before} → {after}", "草稿 {draft_id} {name}：{before} → {after}")
define(
    "I824",
    "{changed} of {n} re-screened draft(s) changed level or top field (listed above); every earlier verdict stays in the history.",
    "再判定した草稿 {n} 件のうち {changed} 件で判定区分または最有力の分野が変わりました（上記）。以前の判定はすべて履歴に残ります。",
)
define(
    "I825",
    "No verdict changed: {n} draft(s) re-screened; the new verdicts are recorded beside the earlier ones.",
    "判定が変わった草稿はありません（再判定 {n} 件）。新しい判定は以前の判定と並べて記録しました。",
)
define("I826", "Nothing to re-screen: no stored draft matches.", "再判定する草稿はありません（条件に合う記録済みの草稿がありません）。")
define(
    "I827",
    "{n} draft(s) in the triage log were screened with other rules or another model than the current ones (rules {rules}, model {model}).",
    "判定記録の草稿のうち {n} 件は現在とは別の規則またはモデルで判定されています（現在：規則 {rules}、モデル {model}）。",
)
define(
    "I828",
    "Re-screening done: {changed} of {n} draft(s) changed level or top field.",
    "再判定が終わりました：草稿 {n} 件中 {changed} 件で判定区分または最有力の分野が変わりました。",
)
define("I829", "Re-screen {n} draft(s)…", "草稿 {n} 件を再判定…")


# -- the GUI's import progress (workbench/ui/main_window.py; on the batch core's outcomes) -----
define(
    "I840",
    "Screened {done} of {total} draft(s), {rate} drafts/s, about {eta} left: {name}",
    "{total} 件中 {done} 件の草稿を判定しました（{rate} 件/秒、残り約 {eta}）：{name}",
)
define(
    "I841",
    "Screened {done} of {total} draft(s); time left is known after the first draft: {name}",
    "{total} 件中 {done} 件の草稿を判定しました（残り時間は最初の草稿の判定後に表示します）：{name}",
)
define(
    "I831",
    "{n} draft(s) were already screened with the same rules, model, thresholds and answers: their recorded verdicts are shown, "
    "not screened again (File > Screen again… screens them anew).",
    "{n} 件の草稿は同じ規則・モデル・閾値・回答で判定済みのため、再判定せずに記録済みの判定を表示しています"
    "（ファイル > 判定済みでも再判定… で判定し直せます）。",
)
define("I832", "Screen &again (even if already screened)…", "判定済みでも再判定(&A)…")
