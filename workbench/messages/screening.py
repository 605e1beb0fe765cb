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
R401 = define("R401", "predicted IPC: {codes}; likelihood {likelihood:lk}", "予測IPC: {codes}、該当可能性 {likelihood:lk}")
R402 = define(
    "R402",
    "likelihood {likelihood:lk} is at or above the review threshold {review:th}",
    "該当可能性 {likelihood:lk} は要検討のしきい値 {review:th} 以上です",
)
R403 = define(
    "R403",
    "both additional-requirement questions answered no: the field does not apply",
    "付加要件の質問に両方「いいえ」と回答: この分野は該当しません",
)

# -- what the verdict screen says about its numbers (the day-job walk; codes I430-I439) --------------
# numbers are formatted by the renderer ({p:lk}: "<1%", "25%"), never by the core, so a reason, the CLI
# and the window show one likelihood one way (a reason read "0.00334" beside the window's "<1%")
I431 = define("I431", "{symbol} ({p:lk})", "{symbol}（確度 {p:lk}）")  # a predicted code and its probability, in a reason
# the IPC suggestions a screen lists: those at or above the floor (classify/suggest_floor.py); none: I432
I432 = define(
    "I432",
    "no confident suggestion: none reaches {floor:th}, the confidence from which the first suggestion matched "
    "the office's code at least half the time",
    "確度の高い候補なし（{floor:th} に達する候補がありません。この値以上では第1候補の半数以上が"
    "特許庁の付与した分類と一致しました）",
)
I433 = define("I433", "{symbol} {p:lk}", "{symbol}（確度 {p:lk}）")  # a listed suggestion (CLI)
# a claim's field likelihoods read that claim alone; the draft's level comes from the draft-level score
# (a draft at >99% showed its claims at 3% and 15%, read as a contradiction)
I434 = define(
    "I434",
    "  claims (each read alone; the level above is the whole draft's, from the draft-level score):",
    "  請求項（各請求項を単独で読んだ値です。上の判定は草稿全体の判定値によるものです）:",
)
I437 = define(
    "I437",
    "Each claim's own strongest field, read alone; the draft's level is the whole draft's",
    "各請求項を単独で読んだときに最も近い分野です。草稿の判定は草稿全体によるものです",
)
# the window's header of a cleared draft: "Clear · top field: Ballistics (1%)" read as a finding
I438 = define("I438", "nearest field, far from it: {field} ({likelihood:lk})", "最も近い分野（離れています）: {field}（{likelihood:lk}）")
I430 = define("I430", "Top IPC codes — whole draft", "予測IPC（上位） — 草稿全体")
# a claim's evidence term on the console: where it stands in the claim, counted from 1 (it printed '"シーカ"@35')
I440 = define("I440", "\u201c{term}\u201d (at character {pos})", "「{term}」（{pos}文字目）")
I441 = define("I441", "\u201c{term}\u201d ({count} times, first at character {pos})", "「{term}」（{count}回、最初は{pos}文字目）")
I439 = define("I439", "Top IPC codes — claim {number} read alone", "予測IPC（上位） — 請求項{number}を単独で読んだ値")
I435 = define("I435", "Field likelihoods — whole draft", "分野ごとの該当可能性 — 草稿全体")
I436 = define(
    "I436",
    "Field likelihoods — claim {number} read alone (the whole draft: {likelihood:lk})",
    "分野ごとの該当可能性 — 請求項{number}を単独で読んだ値（草稿全体: {likelihood:lk}）",
)

R418 = define(
    "R418",
    "its share of the draft-level score ({likelihood:lk}) rests on predicted IPC codes alone (no evidence term of this "
    "field in the draft): not flagged by itself; the draft's level is its top field's",
    "草稿全体の判定値のうちこの分野の分（{likelihood:lk}）は予測IPCのみによるものです（草稿にこの分野の証拠語はありません）。"
    "この分野だけでは要検討としていません。草稿の判定は最有力の分野によります",
)

# -- labels of levels and field statuses, for every edge (CLI lines; the UI has its own Qt copy)
I490 = define("I490", "CLEAR", "該当なし")
I491 = define("I491", "REVIEW", "要検討")
I492 = define("I492", "LIKELY REFERRAL - file in Japan first", "送付の可能性大 - 第一国出願は日本へ")
LEVEL_LABELS = {"clear": I490, "review": I491, "likely": I492}
# a field's status is what the rules engine found of its definition (codes, terms, answers), not a
# level: "possible" beside a likelihood of 0.99 read as a contradiction, so the labels say "rule"
I493 = define("I493", "rule met", "規則に該当")
I494 = define("I494", "rule partly met", "規則に一部該当")
I495 = define("I495", "rule not met", "規則に非該当")
STATUS_LABELS = {"hit": I493, "possible": I494, "no": I495}
# the top field of a cleared draft is the nearest field, not a finding (the CLI's first line)
I496 = define(
    "I496",
    "  nearest field: {id} {name}  likelihood {likelihood:lk} ({status}, {rule})",
    "  最も近い分野: {id} {name}  該当可能性 {likelihood:lk}（{status}、{rule}）",
)
# the draft-level reasons of the top field: always shown, however many rule reasons stand before them
DRAFT_REASONS = ("R411", "R413", "R415", "R416", "R417")

# -- the draft-level score and the levels (workbench/triage.py, workbench/classify/draft.py) --
# (codes N41x/R41x: the screening helper's; N401-N40x/R401-R40x are the pipeline's notes and reasons)
define(
    "N410",
    "Too short to judge ({chars} characters): the model alone never clears a text this short, so it stays at review. "
    "Screen the whole draft (with its description) or enter its IPC code.",
    "判定するには短すぎます（{chars}文字）。これほど短い文章はモデルだけでは「該当なし」にしないため、要検討のままです。"
    "明細書を含む草稿全体を判定するか、IPC記号を入力してください。",
)
define(
    "N411",
    "Japanese draft: its draft-level score comes from the rule set's Japanese evidence terms and the IPC model's field "
    "scores (the draft model learnt from English drafts only; no real Japanese patent text was available to train or measure it).",
    "日本語の草稿: 草稿全体の判定値は、ルールセットの日本語の証拠語とIPCモデルの分野スコアから求めています"
    "（草稿モデルは英語の草稿のみで学習しており、学習・評価に使える実在の日本語特許文書はありませんでした）。",
)
define(
    "N412",
    "The known IPC code(s) {codes} are outside every specified field, but the text reads as in a field "
    "(draft-level score {score:lk}): kept at review.",
    "既知のIPC記号 {codes} はどの特定技術分野にも含まれませんが、本文は分野に該当するように読めます"
    "（草稿全体の判定値 {score:lk}）。要検討としました。",
)
define(
    "N413",
    "The known IPC code(s) {codes} are outside every specified field and the text has no evidence term of any field: cleared.",
    "既知のIPC記号 {codes} はどの特定技術分野にも含まれず、本文にどの分野の証拠語もないため、該当なしとしました。",
)
define(
    "R410",
    "draft-level score {score} (whole draft {whole}; strongest passage, characters {start}-{end}: {value}; "
    "{passages} passage(s))",
    "草稿全体の判定値 {score}（草稿全体 {whole}、最も強い箇所 {start}-{end}文字目: {value}、{passages}箇所）",
)
define(
    "R411",
    "nearest field, but far from it: the draft-level score {score:lk} is below the review threshold {review:th}; {why}",
    "最も近い分野ですが、離れています: 草稿全体の判定値 {score:lk} は要検討のしきい値 {review:th} 未満です。{why}",
)
define("R412", "no evidence term of this field in the text", "本文にこの分野の証拠語はありません")
define(
    "R413",
    "evidence term(s) {terms} occur, but the draft as a whole does not read as in the field",
    "証拠語 {terms} がありますが、草稿全体としてはこの分野に該当するようには読めません",
)
define(
    "R414",
    "additional requirement answered yes and the text has this field's evidence: raised to likely",
    "付加要件に「はい」と回答され、本文にこの分野の証拠があるため、該当の可能性が高いとしました",
)
define(
    "R416",
    "evidence term(s) {terms} of this field occur in the draft: a draft with a field's evidence term is never cleared "
    "by the model alone, although its draft-level score {score:lk} is below the review threshold {review:th}",
    "この分野の証拠語 {terms} が草稿にあります。分野の証拠語がある草稿はモデルだけでは「該当なし」にしません"
    "（草稿全体の判定値 {score:lk} は要検討のしきい値 {review:th} 未満です）",
)
define(
    "N417",
    "Short text ({chars} characters): this verdict rests on its few words. Screen the whole draft (with its description) "
    "or enter its IPC code.",
    "短い文章です（{chars}文字）。この判定はわずかな語だけに基づいています。明細書を含む草稿全体を判定するか、IPC記号を入力してください。",
)
define(
    "R417",
    "draft-level score {score:lk}; the passage that reads most like a specified field: characters {start}-{end} "
    "(of {passages} passage(s) read)",
    "草稿全体の判定値 {score:lk}。特定技術分野に最も近い記述の箇所: {start}-{end}文字目（読み取った{passages}箇所のうち）",
)
define(
    "R415",
    "Japanese draft scored from its evidence terms and the IPC model's field scores: {score:lk}",
    "日本語の草稿（証拠語とIPCモデルの分野スコアによる判定値）: {score:lk}",
)

# -- a draft screened on part of its claims (the extractor's bound, claims W280; hostile input, issue 14)
W480 = define(
    "W480",
    "{path}: screened on the first {screened} of its {total} claims only (claims 1 to {last}; at most {max_claims} claims "
    "and {max_chars:,} characters of claims are read per draft). The verdict rests on those claims, so the draft is not "
    "cleared: check the other claims by hand or screen them as a draft of their own.",
    "{path}: 請求項{total}項のうち、最初の{screened}項（請求項1～{last}）のみで判定しました（1つの草稿で読み取るのは"
    "最大{max_claims}項、請求項の本文{max_chars:,}文字までです）。判定はこれらの請求項のみに基づくため、「該当なし」には"
    "していません。残りの請求項は個別に確認するか、別の草稿として判定してください。",
)
