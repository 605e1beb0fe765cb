"""Coded messages of exports and reports (N6xx/W6xx/I6xx); see workbench/messages/__init__.py."""

from __future__ import annotations

from workbench.messages import define  # noqa: F401


# -- the PDF report an auditor reads (I650-I699), dayjob. Rendered in English, Japanese or both.
define("I650", "Triage report", "事前判定報告書")
define("I651", "Database", "データベース")
define("I652", "Filter (dates apply to decisions)", "絞り込み（日付は出願方針の記録日）")
define("I653", "Rule sets", "ルールセット")
define("I654", "Exported (UTC)", "エクスポート日時（UTC）")
define("I692", "Models", "モデル")
define("I693", "schema", "スキーマ")
define("I694", "History chain", "履歴の連鎖")
define("I695", "{events} events, head sha256 {head}…", "イベント {events} 件、先頭 sha256 {head}…")
define("I655", "intact", "異常なし")
define("I656", "BROKEN", "破損")
define("I657", "A screening aid, not legal advice.   Page {page}/{pages}", "事前判定の補助であり、法的助言ではありません。　{page}/{pages} ページ")
define("I658", "Summary", "概要")
define(
    "I659",
    "Matters: {matters} ({drafts} draft versions); by level: {levels}; current decisions: {decisions}; decision records in this report: {records}",
    "案件：{matters} 件（草稿 {drafts} 版）。判定別：{levels}。現在の出願方針：{decisions}。本報告書の出願方針の記録：{records} 件",
)
define("I660", "Drafts (latest version of each matter)", "草稿（案件ごとの最新版）")
define("I661", "Decisions with rationale", "出願方針と理由")
define("I662", "No drafts match the filter.", "絞り込みに一致する草稿はありません。")
define("I663", "No decisions match the filter.", "絞り込みに一致する出願方針はありません。")
define("I664", "ID", "草稿ID")
define("I665", "Draft", "草稿")
define("I666", "Version", "版")
define("I667", "Level", "判定")
define("I668", "Top field", "最有力分野")
define("I669", "Likelihood", "該当可能性")
define("I670", "Decision", "出願方針")
define("I671", "JP filing", "日本出願日")
define("I672", "Review due", "第一次\u200b審査期限")  # U+200B: where the report's column head may wrap
define("I673", "If not designated (10 mo.)", "指定なし10か月")
define("I674", "No.", "番号")
define("I675", "Rationale", "理由")
define("I676", "Reviewer", "担当者")
define("I677", "Decided (UTC)", "記録日時（UTC）")
define("I678", "Completed in Japan", "日本国内で完成")
define("I679", "Planned countries", "出願予定国")
define("I680", "Completed abroad in", "国外の完成地")
define("I681", "Residences", "居住国")
define("I682", "yes", "はい")
define("I683", "no", "いいえ")
define("I684", "not recorded", "記録なし")
define("I685", "none given", "入力なし")
define("I686", "undecided", "方針未決定")
define("I687", "superseded", "後の方針で置換")
define("I688", "v{version} of {versions}", "第{version}版（全{versions}版）")
define("I689", "on v{version}", "第{version}版に対して")
define(
    "I690",
    "'not recorded': the decision was logged without this fact.  'none given': recorded as none.  "
    "A likelihood under 1% shows as <1%, as in the application.",
    "「記録なし」：この事実を記録せずに出願方針が記録された。「入力なし」：なしとして記録された。"
    "該当可能性が1%未満のものはアプリケーションと同じく <1% と表示します。",
)
define("I691", "none (all decisions)", "なし（すべての出願方針）")
define("I696", "Clearance plans (current decisions)", "出願前の許可等の計画（現在の出願方針）")
define("I697", "filing facts recorded", "出願関係事実あり")
define("I698", "no filing facts recorded: from the decision only", "出願関係事実なし：出願方針のみから")
define("I699", "as of {today}", "{today}時点")
# -- the export period (workbench.usecases.period_problem) ----------------------------------------------
define(
    "N690",
    "the period starts after it ends ({since} to {until}): change its start or its end",
    "期間の開始日が終了日より後です（{since}～{until}）。開始日または終了日を直してください",
)


# -- the PDF report, continued (I640-I649), dayjob
define("I640", "claim {claim}, field {field}: {verdict}{ipc}{note} [{who}, {at}]",
       "請求項{claim}、分野 {field}：{verdict}{ipc}{note}［{who}、{at}］")
define("I641", "agree", "同意")
define("I642", "disagree", "不同意")
define("I643", " (corrected IPC {ipc_code})", "（修正IPC {ipc_code}）")
define("I644", "claim {claim} \u201c{text}\u201d, field {field}: {verdict}{ipc}{note} [{who}, {at}]",
       "請求項{claim}「{text}」、分野 {field}：{verdict}{ipc}{note}［{who}、{at}］")
define("I645", " (v{version})", "（第{version}版）")
define("I646", "approver's note: {note}", "承認者のメモ：{note}")  # the approval's note, as stored with it
# a level as a word inside a sentence (the first-filing risk, N551): English keeps the level's name
define("I647", "clear", "該当なし")
define("I648", "review", "要検討")
define("I649", "likely", "送付の可能性大")
LEVEL_WORDS = {"clear": "I647", "review": "I648", "likely": "I649"}


# -- the column labels of the CSV and XLSX exports (I600-I639), dayjob. An export's machine header is
# its stable keys (workbench.store.export.COLUMNS, never translated); these are the readable labels
# beside them (the XLSX's second header row, the CSV's '#' label line) in the report's language.
define("I600", "Decision no.", "出願方針番号")
define("I601", "Draft ID", "草稿ID")
define("I602", "sha256 of the draft file", "草稿ファイルの sha256")
define("I603", "Top field no.", "最有力分野の番号")
define("I604", "Top field (English)", "最有力分野（英語）")
define("I605", "Top field (Japanese)", "最有力分野（日本語）")
define("I606", "Decision (code)", "出願方針（コード）")
define("I607", "Current (not superseded)", "現行（後の方針で置換されていない）")
define("I608", "Rule-set version", "ルールセットの版")
define("I609", "Model version", "モデルの版")
define("I610", "Inventors", "発明者")
define("I611", "Applicants", "出願人")
define("I612", "Planned filings", "出願予定")
define("I613", "Clearances asked for", "申請済みの許可等")
define("I614", "Clearance plan (English)", "出願前の許可等の計画（英語）")
define("I615", "Clearance plan (Japanese)", "出願前の許可等の計画（日本語）")
define("I616", "Override", "オーバーライド")
define("I617", "Override reason", "オーバーライドの理由")
define("I618", "Goes against", "反する判定・チェックリスト")
define("I619", "Approved by", "承認者")
define("I620", "Approved (UTC)", "承認日時（UTC）")
define("I621", "Approver's note", "承認者のメモ")
define("I622", "Defence use (answer)", "防衛目的（回答）")
define("I623", "State-commissioned R&D (answer)", "国の委託・補助による研究開発（回答）")
define("I624", "Annotations before the decision", "出願方針より前の注記")
define("I625", "JP filing date", "日本出願日")
define("I626", "Likelihood (top field, as stored)", "該当可能性（最有力分野、記録値）")
define(
    "I627",
    "Header rows: row 1 holds the stable column keys (as the CSV's header, for programs), row 2 their labels; "
    "the decisions start at row 3. The cells are the stored values, untranslated.",
    "見出し行：1行目は固定の列キー（CSV の見出しと同じ。プログラム用）、2行目はその表示名です。"
    "出願方針は3行目から。セルの値は記録どおりで、翻訳していません。",
)
define("I628", "header rows", "見出し行")
# -- the CSV's "#" lines and the XLSX About sheet (I629-I639): the same words as the PDF's header
define("I629", "Patent Non-Disclosure Triage Workbench: triage log export",
       "特許出願非公開 判定ワークベンチ：判定記録のエクスポート")
define("I630", "Decisions exported", "エクスポートした出願方針")
define(
    "I631",
    "A screening aid, not legal advice. One row per stored decision; 'current' = not superseded; "
    "residences / completed_abroad '{not_recorded}' (JSON null) = the decision was logged without them; "
    "completed_abroad lists countries other than Japan (Japan is completed_in_japan).",
    "事前判定の補助であり、法的助言ではありません。1行が記録された出願方針1件です。「現行」は後の方針で置換されていないもの。"
    "居住国・国外の完成地の「{not_recorded}」（JSON では値なし）は、それらを記録せずに出願方針が記録されたことを示します。"
    "国外の完成地には日本以外の国を記します（日本は「日本国内で完成」の列）。",
)
define("I632", "first broken event {event}", "最初に壊れているイベント {event}")
define("I633", "Checkpoint (signed head of the history)", "チェックポイント（履歴の先頭への署名）")
define("I634", "{events} events; head event {head_event}, sha256 {head}", "イベント {events} 件、先頭のイベント {head_event}、sha256 {head}")
