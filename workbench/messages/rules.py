"""Coded messages of IPC codes, rule sets and the rules engine's reasons (R3xx/N3xx/W3xx); see workbench/messages/__init__.py.

The rules engine (``workbench/rules/engine.py``) says why a field matched with these
values; code that needs to know *which* reason it is compares ``.code`` (e.g.
:data:`REQUIREMENT_CODES`), never the text.
"""

from __future__ import annotations

from workbench.messages import define

# -- small parts nested in the reasons below (rendered in the reason's language) -----------
R390 = define("R390", "verified", "確認済み")
R391 = define("R391", "unverified", "未確認")
R392 = define("R392", "yes", "はい")
R393 = define("R393", "no", "いいえ")
R394 = define("R394", "unanswered", "未回答")
R395 = define("R395", "combination {entry}", "組合せ {entry}")
R396 = define("R396", "{verified} rule", "{verified}の規則")
R397 = define("R397", "{verified} rule, IPC {editions}", "{verified}の規則、IPC版 {editions}")
R398 = define(
    "R398",
    "defence/foreign-military use: {defence}; State-commissioned/funded R&D: {state}",
    "防衛・外国軍事目的: {defence}、国の委託・資金による研究開発: {state}",
)

# -- the engine's reasons: a code against an IPC entry of the field -------------------------
R301 = define("R301", "{codes} within {entry} ({rule})", "{codes} は {entry} の範囲内（{rule}）")
R302 = define(
    "R302",
    "{codes} is broader than {entry}: give the group to decide ({rule})",
    "{codes} は {entry} より広い分類です。分野の判定にはグループまで指定してください（{rule}）",
)
# -- evidence terms and the field's limitation -----------------------------------------------
R310 = define("R310", "evidence term(s) of this field: {terms}", "この分野の根拠用語: {terms}")
R311 = define(
    "R311",
    "the field is limited (needs one of: {required}); no text or terms were given to check it",
    "この分野には限定があります（次のいずれかが必要: {required}）。確認に使える本文・用語がありません",
)
R312 = define("R312", "limitation met: {terms} ({verified} limitation)", "限定を満たす: {terms}（{verified}の限定）")
R313 = define("R313", "limitation not met: none of {required} is in the text", "限定を満たさない: {required} のいずれも本文にありません")
# -- the additional requirement (defence use / State-commissioned R&D) -----------------------
R320 = define("R320", "additional requirement not met ({answers})", "付加要件を満たしません（{answers}）")
R321 = define("R321", "additional requirement met ({answers})", "付加要件を満たします（{answers}）")
R322 = define("R322", "additional requirement applies and is unanswered ({answers})", "付加要件が適用され、未回答です（{answers}）")
R323 = define("R323", "additional requirement applies ({answers})", "付加要件が適用されます（{answers}）")
R324 = define(
    "R324",
    "additional requirement applies (defence use / State-funded R&D)",
    "付加要件が適用されます（防衛目的／国の資金による研究開発）",
)
# -- a field met by an IPC code known for the draft (a fact, not a prediction) ---------------
R330 = define("R330", "known IPC code (entered for the draft): {reason}", "判明しているIPCコード（この草稿に入力）: {reason}")
R331 = define("R331", "known IPC code (printed in the document): {reason}", "判明しているIPCコード（文書に記載）: {reason}")

#: Reasons that explain the additional requirement (a field's reasons say it once).
REQUIREMENT_CODES = frozenset({R320, R321, R322, R323, R324})
#: Reasons that say a field was met by a known IPC code.
KNOWN_CODE_CODES = frozenset({R330, R331})

# -- workbench rules show (human output) -------------------------------------------------------
I301 = define("I301", "Rule set {name} version {version} (effective {effective}, IPC {edition})",
              "ルールセット {name} 版 {version}（施行日 {effective}、IPC {edition} 版）")
I302 = define("I302", "checksum {checksum}", "チェックサム {checksum}")
I303 = define("I303", "  file {path}", "  ファイル {path}")
# the field line: the English name on its own line in English; in Japanese the Japanese name only
I304 = define("I304", "{id:>3}  {name_ja}\n     {name_en}  [{flag}; {req}]", "{id:>3}  {name_ja}{name_en}\n     ［確認状況：{flag}、{req}］")
I305 = define("I305", "verified", "確認済み")
I306 = define("I306", "partly verified: {items}", "一部確認済み：{items}")
I307 = define("I307", "name", "名称")
I308 = define("I308", "UNVERIFIED", "未確認")
I309 = define("I309", "additional requirement", "付加要件あり")
I310 = define("I310", "no additional requirement", "付加要件なし")
I311 = define("I311", "{req} (unconfirmed)", "{req}（未確認）")
I313 = define("I313", "✔ verified", "✔ 確認済み")
I314 = define("I314", "? unverified", "? 未確認")
I315 = define("I315", "  (IPC {editions})", "（IPC {editions} 版）")
I316 = define("I316", "       limited to: {terms}", "       対象の限定（根拠用語）: {terms}")
I317 = define("I317", "\n{n} fields; {full} of {n} verified in full; names verified: {names} of {n}; IPC entries verified: {ventries} of {entries}.",
              "\n分野 {n} 件：全体が確認済み {full}/{n} 件、名称が確認済み {names}/{n} 件、IPC の項目が確認済み {ventries}/{entries} 件。")
I318 = define("I318", "Unverified entries are reconstructions: check them against the Cabinet Office table.",
              "未確認の項目は再構成したものです。内閣府の表と照らし合わせて確認してください。")
# -- workbench rules check --------------------------------------------------------------------
I320 = define("I320", "{n} problem(s) found.", "{n} 件の問題が見つかりました。")
I321 = define("I321", "OK: {names} valid.", "OK: {names} は正しい形式です。")
