"""Coded messages of the triage log: decisions, annotations, overrides, approvals, verify (N5xx/W5xx/I5xx); see workbench/messages/__init__.py.

Codes 550-579 are the team log's (sign-off, roles, the PostgreSQL backend, deadlines)."""

from __future__ import annotations

from workbench.messages import define  # noqa: F401

# -- verify and signed checkpoints (I530-I539, W530-W539)
define(
    "I530",
    "OK: {events} events, chain, records and structure intact ({path})",
    "正常：{events} 件のイベント、ハッシュ連鎖・記録・データベース構造に異常はありません（{path}）",
)
define(
    "I531",
    "Checkpoint written to {path}: event {event_id}, hash {head}, signed by key {fingerprint}. Keep it apart from the log (another disk, the team server, your mail).",
    "チェックポイントを {path} に書き込みました：イベント {event_id}、ハッシュ {head}、鍵 {fingerprint} で署名。判定記録とは別の場所（別のディスク、チームのサーバー、メールなど）に保管してください。",
)
define(
    "I532",
    "The log matches the checkpoint of event {event_id} ({at}, signed by {who} with key {fingerprint}).",
    "判定記録は、イベント {event_id} のチェックポイント（{at}、{who} が鍵 {fingerprint} で署名）と一致します。",
)
define(
    "W530",
    "{count} event(s) were recorded after the checkpoint (events {first}-{last}, first: {kind} by {who} at {at}); the checkpoint does not vouch for them.",
    "チェックポイントの後に {count} 件のイベントが記録されています（イベント {first}～{last}、最初は {at} に {who} が記録した {kind}）。これらはチェックポイントでは保証されません。",
)
define(
    "N530",
    "the log ends at event {log_head}: events {first}-{last} were removed after the checkpoint",
    "判定記録はイベント {log_head} で終わっています。チェックポイントの後にイベント {first}～{last} が削除されました",
)
define(
    "N533",
    "the log ends at event {log_head}: event {event_id} was removed after the checkpoint",
    "判定記録はイベント {log_head} で終わっています。チェックポイントの後にイベント {event_id} が削除されました",
)
define(
    "N531",
    "event {event_id} no longer has the signed hash: the history up to it was rewritten",
    "イベント {event_id} のハッシュが署名されたものと異なります。そこまでの履歴が書き換えられています",
)
define(
    "N532",
    "{count} event(s) after it are not covered by the checkpoint (first: event {first}, {kind} by {who} at {at}); give --allow-later if they were recorded since",
    "その後の {count} 件のイベントはチェックポイントで保証されていません（最初はイベント {first}：{at} に {who} が記録した {kind}）。チェックポイント以降に記録したものであれば --allow-later を指定してください",
)
# -- sign-off on risky decisions (workbench.store.signoff)
define("N550", "the verdict is 'likely': file in Japan first",
       "判定が「送付の可能性大」（日本で第一国出願すべき）である")
define("N551", "Japan's first-filing duty applies: completed in Japan and triaged '{level}' for a specified field",
       "日本の第一国出願義務が適用される：日本で完成し、特定技術分野について「{level}」と判定された")
define("W550", "This decision goes against {risks}. It needs an override reason and a manager's approval.",
       "この出願方針は次に反します（{risks}）。オーバーライドの理由と管理者の承認が必要です。")
# the Decision panel shows the stored decision's override (pending / approved) and, under it, the form
# for a new decision pre-filled with the stored one: W550 there read as if the stored one still
# needed approval, beside '✓ Override approved by ...' (dayjob)
define("W557", "Saving this decision again goes against {risks} too: it needs its own override reason and a new approval "
               "(the approval shown below is for the stored decision).",
       "この出願方針を改めて保存すると、これも次に反します（{risks}）。改めてオーバーライドの理由と管理者の承認が必要です"
       "（下に表示の承認は記録済みの出願方針に対するものです）。")
define("W551", "Override pending a manager's approval (reason: {reason})",
       "オーバーライドは管理者の承認待ちです（理由：{reason}）")
define("I550", "Override approved by {who} at {at}", "オーバーライドは {who} により承認されました（{at}）")
define("I551", "Approved the override of draft {draft_id}'s decision '{decision}' (by {who} at {at})",
       "草稿 {draft_id} の出願方針「{decision}」のオーバーライドを承認しました（{who}、{at}）")
define("I552", "override: {status}", "オーバーライド：{status}")
define("N552", "pending approval", "承認待ち")
define("N553", "approved", "承認済み")
define("N554", "the verdict or the filing checklist: {risks}", "判定または外国出願チェックリスト：{risks}")  # a decision's risks, joined as the language joins lists
define("I553", "Override reason", "オーバーライドの理由")
define("I554", "Approve override", "オーバーライドを承認")
define("I559", "Approver's note (optional, recorded with the approval)", "承認者のメモ（任意。承認とともに記録）")
define("I555", "Required: why the draft may still be filed abroad (e.g. the JPO's prior confirmation)",
       "必須：それでもこの草稿を外国出願できる理由（例：特許庁の事前確認の結果）")

# -- the team log on PostgreSQL
define("I556", "Team log ready at {where}: schema {schema}, {events} event(s); roles {roles}",
       "チーム判定記録を {where} に用意しました：スキーマ {schema}、イベント {events} 件。役割 {roles}")
define("I557", "{login}: role {role}", "'{login}'：役割 {role}")
ROLE_LABELS_JA = {"staff": "担当者（'staff'）", "attorney": "弁理士（'attorney'）", "manager": "管理者（'manager'）"}
define("I558", "Copied {path} into the team log {where}: {events} event(s), verified on both sides, same head {head}…",
       "{path} をチーム判定記録 {where} にコピーしました：イベント {events} 件、両方でハッシュ連鎖を確認済み、末尾のハッシュ {head}… が一致")

# -- exports of a log that fails verify
define("W556", "The exported log fails verification (first broken event {event_id}: {detail}); {path} says so in its header. Do not rely on it before the log is restored.",
       "エクスポートした判定記録は検証に失敗しています（最初に壊れているイベント {event_id}：{detail}）。{path} のヘッダーにもその旨を記載しました。判定記録を復元するまで、この内容に依拠しないでください。")

# -- the manager's deadlines view (Deadlines tab)
define("I560", "Deadlines", "期限")
define("I561", "Due in the next {days} days", "今後 {days} 日以内の期限")
define("I562", "Overdue (still on hold)", "期限超過（保留のまま）")
define("I563", "This month", "今月")
define("I564", "Primary review due (3 months)", "第一次審査期限（3か月）")
define("I565", "10 months without designation", "指定なしで10か月")
define("I566", "{n} key date(s)", "期限 {n} 件")
define("I567", "Draft", "草稿")
define("I568", "Decision", "出願方針")
define("I569", "Key date", "期限の種類")
define("I570", "Date", "日付")
define("I571", "Days", "残り日数")
define("I572", "Manager's columns (decision, 3- and 10-month dates first)", "管理者向けの列（出願方針、3か月・10か月の期限を先に）")
define("I573", "Exported", "エクスポート")  # the log tab's name for a team log's export event (log.exported)

# -- draft versions of a matter (I580-I599), dayjob
define("I580",
    "  version {version} of {versions} of matter {matter} ({names})",
    "  案件 {matter} の第{version}版（全{versions}版：{names}）",
)
define("I581",
    "  changes since version {previous}: {unchanged} claim(s) unchanged, {amended} amended, {added} added, {removed} removed",
    "  第{previous}版からの変更：請求項 変更なし {unchanged} 件、補正 {amended} 件、追加 {added} 件、削除 {removed} 件",
)
define("I582",
    "    claim {old} -> {new} amended; top field before {before}, after {after}",
    "    請求項{old} → {new} 補正；最有力分野 変更前 {before}、変更後 {after}",
)
define("I583", "    claim {new} added; top field {after}", "    請求項{new} 追加；最有力分野 {after}")
define("I584", "    claim {old} removed; top field was {before}", "    請求項{old} 削除；最有力分野は {before} でした")
define("I585", "    claim {old} -> {new} unchanged (renumbered)", "    請求項{old} → {new} 変更なし（番号のみ変更）")
define("I586",
    "  to re-review: claim {claim}, field {field}: '{verdict}' by {reviewer} on version {from_version} (claim {from_claim} was amended)",
    "  要再確認：請求項{claim}、分野 {field}：第{from_version}版で {reviewer} が「{verdict}」（請求項{from_claim}が補正されたため）",
)
define("I587",
    "  to re-review: field {field}: '{verdict}' by {reviewer} on version {from_version} (claim {from_claim} was removed)",
    "  要再確認：分野 {field}：第{from_version}版で {reviewer} が「{verdict}」（請求項{from_claim}は削除されました）",
)
define("I588", "      made on version {version}", "      第{version}版に対して記録")
define("I589",
    "Draft {draft} is now version {version} of matter {matter}: {carried} annotation(s) carried over, {review} to re-review.",
    "草稿 {draft} を案件 {matter} の第{version}版にしました：注記 {carried} 件を引き継ぎ、{review} 件は要再確認です。",
)
define("I590", "      carried over from version {version}", "      第{version}版から引き継ぎ")
define("I591", " (v{version} of {versions})", "（第{version}版／全{versions}版）")
# an annotation about a claim as a whole (no field: the window's '(whole claim)', `log annotate` without --field),
# where a line names the annotation's field ('claim 2 field (whole claim) agree'); it read 'field -'
define("I592", "(whole claim)", "（請求項全体）")
# -- decisions as typed (workbench.usecases.decision_problem) ----------------------------------------
define("N595", "A decision needs a rationale: write why it was taken.", "出願方針には理由が必要です。理由を記入してください。")
