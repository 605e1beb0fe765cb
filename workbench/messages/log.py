"""Coded messages of the triage log: decisions, annotations, overrides, approvals, verify (N5xx/W5xx/I5xx); see workbench/messages/__init__.py."""

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
    "N531",
    "event {event_id} no longer has the signed hash: the history up to it was rewritten",
    "イベント {event_id} のハッシュが署名されたものと異なります。そこまでの履歴が書き換えられています",
)
define(
    "N532",
    "{count} event(s) after it are not covered by the checkpoint (first: event {first}, {kind} by {who} at {at}); give --allow-later if they were recorded since",
    "その後の {count} 件のイベントはチェックポイントで保証されていません（最初はイベント {first}：{at} に {who} が記録した {kind}）。チェックポイント以降に記録したものであれば --allow-later を指定してください",
)
