"""Coded messages of command-line output, settings and anything else (N9xx/W9xx/I9xx); see workbench/messages/__init__.py."""

from __future__ import annotations

from workbench.messages import define


I901 = define("I901", "See '{command} --help' for how to use it.", "'{command} --help' で使い方を確認してください。")
I902 = define("I902", "error: {text}", "エラー: {text}")
I993 = define("I993", "error: interrupted", "エラー: 中断しました")
I903 = define("I903", "v{version} #{id} {name}", "第{version}版 #{id} {name}")  # a version of a matter (log show)
# -- workbench model train / info (human output) -------------------------------------------------
I905 = define("I905", "annotations from the triage log: {n}", "判定記録の注記: {n} 件")
I906 = define("I906", "held-out before: {scores}", "評価用データ（学習前）: {scores}")
I907 = define("I907", "held-out after:  {scores}", "評価用データ（学習後）: {scores}")
I908 = define("I908", "comparison: {text}", "比較: {text}")
I909 = define("I909", "wrote {path} ({mb:.1f} MB, sha256 {sha}) and its card",
              "{path}（{mb:.1f} MB、sha256 {sha}）とそのモデルカードを書き込みました")
HELD_OUT_LABELS = {  # the card's evaluation sets (keys of "held_out")
    "all": define("I925", "all", "全体"),
    "claims": define("I926", "claims", "請求項"),
    "drones": define("I927", "drones", "ドローン"),
    "drafts": define("I928", "drafts", "草稿"),
    "drafts_cut15k": define("I929", "drafts_cut15k", "草稿（先頭15,000文字）"),
}
N901 = define("N901", "'{text}' is not a whole number of days", "'{text}' は日数（整数）ではありません")
N902 = define("N902", "{n} is outside 1-3660 days", "{n} は 1～3660 日の範囲外です")

# -- workbench triage (human output) ----------------------------------------------------------
I910 = define(
    "I910",
    "  top field: {id} {name}  likelihood {likelihood:lk} ({status}, {rule})",
    "  最有力の分野: {id} {name}  該当可能性 {likelihood:lk}（{status}、{rule}）",
)
I911 = define("I911", "rule verified", "規則は確認済み")
I912 = define("I912", "rule unverified", "規則は未確認")
I913 = define(
    "I913",
    "  thresholds: review {review:th} ({review:.4g}), likely {likely:th} ({likely:.4g}); rules {rules}; model {model}",
    "  しきい値: 要検討 {review:th}（{review:.4g}）、送付の可能性大 {likely:th}（{likely:.4g}）; 規則 {rules}; モデル {model}",
)
I914 = define("I914", "  note: {note}", "  注記: {note}")
I915 = define("I915", "  predicted IPC: {codes}", "  予測IPC: {codes}")
# the name last and whole (it was cut at 60 characters to keep the columns after it aligned), as 'log show' orders it
I916 = define("I916", "  field {id:>2} {likelihood:>4lk} {status}  {name}", "  分野 {id:>2} {likelihood:>4lk} {status}  {name}")
I917 = define("I917", "field {id} {likelihood:lk} {status}", "分野 {id} {likelihood:lk} {status}")
I918 = define("I918", "no field", "該当する分野なし")
I919 = define("I919", "  claim {number}: {fields}", "  請求項{number}: {fields}")
I920 = define("I920", "  terms: {terms}", "  用語: {terms}")
I921 = define(
    "I921",
    "  triage log: draft {id} (workbench log annotate {id} ... / workbench log decide {id} ...)",
    "  判定記録: 草稿 {id}（workbench log annotate {id} … / workbench log decide {id} …）",
)
I922 = define("I922", "  A screening aid, not legal advice.", "  判定の補助であり、法的助言ではありません。")
I923 = define(
    "I923",
    "note: using the thresholds saved in your settings (review {review:g}, likely {likely:g}); the model recommends review {card_review:g}, likely {card_likely:g} - clear them in Settings to use those",
    "注記: 設定に保存したしきい値を使います（要検討 {review:g}、送付の可能性大 {likely:g}）。モデルの推奨値は要検討 {card_review:g}、送付の可能性大 {card_likely:g} です。推奨値を使うには設定で消去してください",
)
I924 = define("I924", "Recorded in the triage log {path} (workbench log list).", "判定記録 {path} に記録しました（workbench log list）。")
N903 = define("N903", "the text is empty", "テキストが空です")
N904 = define("N904", "must be between 0 and 1", "0 から 1 までにしてください")
N905 = define("N905", "must not exceed the likely threshold ({likely})", "「送付の可能性大」のしきい値（{likely}）以下にしてください")
# an option's value that is no number (argparse would name Python's type: "invalid float value")
N906 = define("N906", "'{text}' is not a number", "'{text}' は数値ではありません")
N907 = define("N907", "'{text}' is not a whole number", "'{text}' は整数ではありません")

# -- workbench claims (human output) ----------------------------------------------------------
I930 = define("I930", "{name}: {n} claim(s), {independent} independent ({language})", "{name}: 請求項 {n} 件（独立請求項 {independent} 件、{language}）")
I931 = define("I931", "Title: {title}", "発明の名称: {title}")
I932 = define("I932", "(none)", "（なし）")
I933 = define("I933", "Claim tree:", "請求項の引用関係:")
I934 = define("I934", "Claims:", "請求項:")
I935 = define("I935", "independent", "独立")
I936 = define("I936", "depends on {claims}", "請求項{claims}を引用")
I937 = define("I937", "   preamble: {text}", "   前提部: {text}")
I938 = define("I938", "   transition: {text}", "   移行句: {text}")
I939 = define("I939", "note: {note}", "注記: {note}")
I940 = define("I940", "also", "再掲")
CATEGORY_LABELS = {
    "apparatus": define("I941", "apparatus", "装置"),
    "method": define("I942", "method", "方法"),
    "system": define("I943", "system", "システム"),
    "composition": define("I944", "composition", "組成物"),
    "use": define("I945", "use", "用途"),
    "program": define("I946", "program", "プログラム"),
    "other": define("I947", "other", "その他"),
}
LANGUAGE_LABELS = {"en": define("I948", "en", "英語"), "ja": define("I949", "ja", "日本語")}
# a draft's file format as 'log show' names it (the reader's names; only 'text' is a word to translate)
FORMAT_LABELS = {"text": define("I994", "text", "テキスト"), "uspto-xml": define("I900", "uspto-xml", "USPTO の XML")}
# -- the Decision panel's first line: what is decided now (the form below starts from it)
I995 = define("I995", "Current decision: {decision} — {who}, {at} — {rationale}",
              "現在の出願方針：{decision}（{who}、{at}）— {rationale}")
I998 = define("I998", "Whole draft:", "草稿全体：")  # the draft-level reasons under a claim's, in the draft view
I997 = define("I997", "Annotations of this claim:", "この請求項の注記：")  # under the claim text in the draft view
I996 = define("I996", "No decision recorded yet: choose one below and save it.",
              "出願方針はまだ記録されていません。下で選んで保存してください。")

# -- workbench log (human output) -------------------------------------------------------------
I950 = define("I950", "No drafts in the log match.", "条件に合う草稿は判定記録にありません。")
I951 = define("I951", "The log holds no drafts yet.", "判定記録にはまだ草稿がありません。")
I952 = define("I952", "draft / top field", "草稿／最有力の分野")
I953 = define("I953", "undecided", "方針未定")
I954 = define("I954", "Draft {id}: {name}  ({format}, {language})", "草稿 {id}: {name}（{format}、{language}）")
I955 = define("I955", "  first seen  {at}   screened {n} time(s), last {last}", "  初回登録  {at}   判定 {n} 回、最終 {last}")
I956 = define("I956", "  level       {level}   rules {rules}   model {model}", "  判定区分    {level}   規則 {rules}   モデル {model}")
I957 = define("I957", "    field {id:>2} {status} {score}  {name}  ({rule})", "    分野 {id:>2} {status} {score}  {name}（{rule}）")
I958 = define("I958", "verified", "確認済み")
I959 = define("I959", "UNVERIFIED rule", "未確認の規則")
I960 = define("I960", "  claims ({n}; each claim's fields read it alone, the level is the whole draft's):",
              "  請求項（{n} 件。各請求項の分野は請求項を単独で読んだ値で、判定区分は草稿全体のものです）:")
I961 = define("I961", "         field {id} {status} {score}", "         分野 {id} {status} {score}")
I962 = define("I962", "  annotations:", "  注記:")
I963 = define("I963", "    {at}  {reviewer}: claim {claim} field {field} {verdict}{ipc}  {note}", "    {at}  {reviewer}: 請求項{claim} 分野 {field} {verdict}{ipc}  {note}")
I964 = define("I964", "  decisions (latest is current):", "  出願方針（最新のものが現在の方針）:")
I965 = define("I965", "      rationale: {text}", "      理由: {text}")
I966 = define(
    "I966",
    "      completed in Japan: {japan}; completed abroad: {abroad}; countries: {countries}; residences: {residences}; JP filing {jp} -> review due {due}, 10 months without designation {free}",
    "      日本国内で完成: {japan}; 国外の完成地: {abroad}; 出願国: {countries}; 居住国: {residences}; 日本の出願日 {jp} → 一次審査期限 {due}、指定なしの10か月経過 {free}",
)
I999 = define(  # I966 without a JP filing date (it read "JP filing - -> review due -, 10 months without designation -")
    "I999",
    "      completed in Japan: {japan}; completed abroad: {abroad}; countries: {countries}; residences: {residences}; no JP filing date recorded",
    "      日本国内で完成: {japan}; 国外の完成地: {abroad}; 出願国: {countries}; 居住国: {residences}; 日本の出願日は記録されていません",
)
I967 = define("I967", "  decision: none yet", "  出願方針: まだありません")
I904 = define(  # the Deadlines tab with nothing to show (a blank table said nothing)
    "I904",
    "No key dates here. They come from the JP filing date recorded with a decision (Decision tab); another period can be chosen above.",
    "ここに表示する期限はありません。期限は出願方針とともに記録した日本の出願日から決まります（出願方針タブ）。上で別の期間を選べます。",
)
I968 = define("I968", "No key dates fall due in the next {days} days.", "今後 {days} 日以内に期限を迎える日付はありません。")
I969 = define(
    "I969",
    "{id:>4}  {name}: {decision}; JP filing {jp}; primary review due {due}; 10 months without designation {free}",
    "{id:>4}  {name}: {decision}; 日本の出願日 {jp}; 一次審査期限 {due}; 指定なしの10か月経過 {free}",
)
I970 = define("I970", "Backup written to {path}", "バックアップを保存しました: {path}")
I971 = define("I971", "Wrote {n} decision(s) to {path}", "出願方針 {n} 件を {path} にエクスポートしました")
I972 = define("I972", "Recorded: draft {draft} claim {claim} field {field} {verdict} (by {reviewer})", "記録しました: 草稿 {draft} 請求項{claim} 分野 {field} {verdict}（担当者 {reviewer}）")
I973 = define("I973", "Recorded for draft {draft}: {decision} (by {reviewer} at {at})", "草稿 {draft} の出願方針を記録しました: {decision}（担当者 {reviewer}、{at}）")
I974 = define(
    "I974",
    "  primary review due {due}; 10 months without designation on {free} (foreign filing then, if no security designation was made)",
    "  一次審査期限 {due}; 指定なしの10か月経過 {free}（保全指定がなければ、その後に外国出願できます）",
)
I975 = define("I975", "  completed abroad in: {codes}", "  国外の完成地: {codes}")
I976 = define("I976", "  inventors' / applicant's residences: {codes}", "  発明者／出願人の居住国: {codes}")
I977 = define("I977", "yes", "はい")
I978 = define("I978", "no", "いいえ")
I979 = define("I979", "agree", "同意")
I980 = define("I980", "disagree", "不同意")

# -- workbench rules match / model info (human output) ---------------------------------------
I981 = define("I981", "No specified field is hit by: {codes}", "次のコードに該当する特定技術分野はありません: {codes}")
I982 = define("I982", "{status} field {id}: {name}{rule}", "{status} 分野 {id}: {name}{rule}")
I983 = define("I983", "  [unverified rule]", "  ［未確認の規則］")
I984 = define(
    "I984",
    "(rule set {name} {version}, checksum {checksum}; a screening aid, not legal advice)",
    "（ルールセット {name} {version}、チェックサム {checksum}。判定の補助であり、法的助言ではありません）",
)
I985 = define("I985", "model {name} version {version} ({size:.1f} MB)", "モデル {name} 版 {version}（{size:.1f} MB）")
I986 = define("I986", "built by: {command}  at {at}", "作成コマンド: {command}  作成日時 {at}")
I987 = define("I987", "data {file}  sha256 {sha}", "データ {file}  sha256 {sha}")
I988 = define("I988", "rules {name} {version} ({checksum})", "規則 {name} {version}（{checksum}）")
I989 = define("I989", "default thresholds: review {review}  likely {likely}", "既定のしきい値: 要検討 {review}  送付の可能性大 {likely}")
I990 = define("I990", "held-out {name}: {scores}", "評価用データ {name}: {scores}")
I991 = define("I991", "draft {id}", "草稿 {id}")
I992 = define("I992", "warning: {text}", "警告: {text}")

# -- workbench log decide: where Japan goes instead of --completed-abroad (filing.codes.abroad_problem)
N990 = define(
    "N990",
    "give --completed-in-japan yes and list only the other countries here",
    "--completed-in-japan 'yes' を指定し、ここには日本以外の国だけを挙げてください",  # the value typed, not its translation
)
