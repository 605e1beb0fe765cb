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
    "「{token}」を{alpha2}として読み取りました（ISO 3166-1の3文字コードは2文字コードで記録します）",
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

# -- the clearance plan (workbench.filing.plan) ------------------------------------------
define(
    "I702",
    "A screening aid, not legal advice: confirm every step with counsel and the official texts before filing.",
    "判定の補助であり、法的助言ではありません。出願前に各手順を代理人及び公式の条文で確認してください。",
)
# the last line of 'workbench filing check' (判定, the product's word for screening: it read 審査の補助)
define("I790", "A screening aid, not legal advice. Sources: {path}", "判定の補助であり、法的助言ではありません。出典: {path}")
define("I703", "{t[en]}", "{t[ja]}")  # a text of the rule data, in both languages (jurisdictions.yaml *_ja)
define("I704", "{n} days", "{n}日")
define("I705", "{n} weeks", "{n}週間")
define("I706", "{n} months", "{n}か月")
define(
    "I710",
    "Ask for {permit} ({country}); usually within {period}.",
    "{permit}を求める（{country}）。通常{period}以内。",
)
define(
    "I711",
    "Ask for {permit} ({country}); no fixed period: the date depends on the answer.",
    "{permit}を求める（{country}）。期間の定めはなく、回答の時期による。",
)
define(
    "I712",
    "{country}: {permit} was requested on {date}.",
    "{country}：{date}に{permit}を求めた。",
)
define(
    "I713",
    "{country}: {permit} was granted on {date}.",
    "{country}：{date}に{permit}を得た。",
)
define(  # the step's date stands in the plan's date column ("4. 2027-02-20  File US on or after that date.")
    "I720",
    "File {filing} on or after that date.",
    "この日以降に{filing}を出願する。",
)
define(
    "I721",
    "File {filing} once {waits} (no fixed date), not before {date}.",
    "{waits}の後に{filing}を出願する（日付は未定、{date}以降）。",
)
define(
    "I722",
    "{filing} was filed on {date}.",
    "{filing}は{date}に出願済み。",
)
define(
    "I723",
    "It is the home filing for {country} at the {office}: filings outside {country} wait for its clearance.",
    "{office}への{country}の自国出願となる。{country}国外への出願はその許可等を待つ。",
)
define(
    "I724",
    "{country}: filing outside {country} is permitted from {date}, {period} after the {office} filing, if no order was made.",
    "{country}：{office}への出願から{period}後の{date}以降、命令等がなければ{country}国外への出願が可能。",
)
define(
    "I725",
    # a step of its own, sorted by date among the others: it says what it is sooner than ('or earlier' dangled)
    "{country}: filing outside {country} may start sooner, once {event} is received (due by {date}).",
    "{country}：{event}（{date}までに）を受ければ、{country}国外への出願をより早く始められる。",
)
define(
    "I726",
    "{country}: filing outside {country} may start sooner, once {event} is received.",
    "{country}：{event}を受ければ、{country}国外への出願をより早く始められる。",
)
define(
    "I727",
    "Japan: ask the JPO, when filing, for the notice that it will not refer the application (申出); without it, "
    "foreign filing waits for the 10-month point, {date}, and then only if no security designation was made.",
    "日本：出願の際に、保全審査に付さない旨の通知を特許庁に申し出る。通知がなければ外国出願は10か月の時点（{date}）まで待ち、"
    "それまでに保全指定がされなかった場合に限り可能となる。",
)
define(
    "I728",
    "{country}: exempt under {citation}: the first filing ({first}) is made outside {country} by applicants resident "
    "outside it ({applicants}).",
    "{country}：{citation}により適用除外。{country}国外に居住する出願人（{applicants}）が{country}国外で最初の出願（{first}）を行う。",
)
define(
    "I729",
    "{country}: {requirement} The rule data gives no waiting period: check before filing.",
    "{country}：{requirement}ルールデータに待機期間がないため、出願前に確認する。",
)
define(
    "I730",
    "{country}: filing outside {country} waits for {office}'s review of the home filing (no fixed period).",
    "{country}：{country}国外への出願は{office}による自国出願の審査を待つ（期間の定めなし）。",
)
define(
    "I731",
    "{country}: cleared by {permit} without a home filing.",
    "{country}：自国出願をせずに{permit}により許可を得る。",
)
define(
    "I732",
    "{country}: no {country} filing is planned: file at the {office} first ({period} before filing elsewhere).",
    "{country}：{country}への出願が予定されていないため、まず{office}に出願する（他国への出願の{period}前）。",
)
define(
    "I733",
    "{country}: to file abroad sooner, ask for {permit} (usually within {period}).",
    "{country}：より早く外国出願するには、{permit}を求める（通常{period}以内）。",
)
define(
    "I734",
    "{country}: to file abroad sooner, ask for {permit} (no fixed period).",
    "{country}：より早く外国出願するには、{permit}を求める（期間の定めなし）。",
)
define("I740", "{filing}: earliest permissible date {date}.", "{filing}：最も早い出願可能日 {date}。")
define(
    "I741",
    "{filing}: not before {date}, once {waits} (no fixed date).",
    "{filing}：{waits}の後（日付は未定、{date}以降）。",
)
define("I742", "needs first: {rules}", "先に必要：{rules}")
define(
    "I743",
    "without any notice or permit: {date}",
    "通知又は許可がない場合：{date}",
)
define("I744", "as planned: {date}", "予定日：{date}")
define(
    "I745",
    "No licence or first-filing rule in the rule data applies to these facts: the filings may be made as planned.",
    "この事実関係に適用される外国出願許可又は第一国出願義務の規則はルールデータにない。予定どおり出願できる。",
)
define("I746", "the clearance for {country}", "{country}の許可等")
define("I747", "{filing} (receiving office {ro})", "{filing}（受理官庁 {ro}）")
define("I748", "{filing} (filed at {office})", "{filing}（{office}に出願）")
define("I753", "{filing} (to add: a rule asks for a home filing there)", "{filing}（追加：規則がこの国での自国出願を求める）")
define("I754", "verified", "確認済み")
define("I755", "{country}: {law} ({state}); sources: {sources}", "{country}：{law}（{state}）。出典：{sources}")
define(
    "N701",
    "PCT receiving office chosen: {ro}. {why}",
    "PCTの受理官庁として{ro}を選んだ。{why}",
)
define(
    "N702",
    "It is the first filing at the {office} that {country}'s rule asks for.",
    "{country}の規則が求める{office}への第一国出願となる。",
)
define(
    "N703",
    "No rule asks for a particular receiving office; the International Bureau (RO/IB) receives any applicant.",
    "特定の受理官庁を求める規則はない。受理官庁としての国際事務局（「RO/IB」）はすべての出願人の出願を受理する。",
)
define(
    "N709",
    "Of the receiving offices the rules allow, it gives the earliest dates.",
    "規則が認める受理官庁のうち、最も早い日付となる。",
)
define(
    "N704",
    "Way out: petition the USPTO for a foreign filing licence (37 CFR 5.12(b)) before the JPO first filing; file in the "
    "US after the JPO's notice (on request) or at the 10-month point without designation.",
    "解決策：特許庁への第一国出願の前に、米国特許商標庁に外国出願許可を申請する（「37 CFR 5.12(b)」）。米国出願は、（申出による）特許庁の通知の後、"
    "又は保全指定がされないまま10か月を経過した後に行う。",
)
define(
    "N705",
    "Way out: a PCT filed at the JPO as receiving office (RO/JP) is the first filing at the JPO; as a filing outside "
    "the US it needs the US licence first (a PCT outside RO/US).",
    "解決策：特許庁を受理官庁とするPCT出願（「RO/JP」）は特許庁への第一国出願となる。米国外の出願であるため、先に米国の外国出願許可が必要"
    "（「RO/US」以外へのPCT出願）。",
)
define(
    "N706",
    "Way out: get the US licence by petition (37 CFR 5.12(b)), then file the PCT at CNIPA as receiving office: it counts "
    "as the CN confidentiality examination request.",
    "解決策：申請により米国の外国出願許可を得て（「37 CFR 5.12(b)」）、中国国家知識産権局を受理官庁としてPCT出願する。これが中国の秘密保持審査請求となる。",
)
define(
    "N707",
    "Way out: clear one of them without a home filing: {permit_a} ({a}) or {permit_b} ({b}); then file once.",
    "解決策：いずれかを自国出願なしで許可を得る：{permit_a}（{a}）又は{permit_b}（{b}）。その後に出願する。",
)
define(
    "N708",
    "Practitioners warn that a co-inventor's residence may still count (reference §3.4): confirm the {citation} "
    "exemption with counsel.",
    "共同発明者の居住がなお問題となり得るとの実務家の指摘がある（参考資料§3.4）。{citation}の適用除外を代理人に確認する。",
)
define(
    "W710",
    "{a} and {b}: each rule bars filing in the other country first, so neither home filing can simply come first.",
    "{a}と{b}：各規則が相手国での先の出願を禁じるため、どちらの自国出願も単純に先にはできない。",
)
define(
    "W711",
    "{filing}: the intended date {intended} is before the earliest permissible date {date}.",
    "{filing}：予定日{intended}は最も早い出願可能日{date}より前。",
)
define(
    "W712",
    "{filing} was filed on {date}, before {country}'s clearance ({clear}): check with counsel at once.",
    "{filing}は{country}の許可等（{clear}）より前の{date}に出願されている。直ちに代理人に確認する。",
)
define("W713", "unverified: check the official text", "未確認：公式の条文を確認してください")
define("W714", "{country} may apply: {why}", "{country}が適用される可能性：{why}")
define(
    "W715",
    "Japan: prior confirmation (Art. 79) is no longer available: a JP application was filed on {date}.",
    "日本：{date}に日本出願がされているため、事前確認（第79条）はもう求められない。",
)
define(
    "W716",
    "No filings planned: give them with --plan (e.g. JP,US,EP,PCT) or in the Decision panel.",
    "出願予定がない。--plan（例：JP,US,EP,PCT）又は出願方針の画面で入力してください。",
)
define(
    "W717",
    "The place of completion is not recorded: rules that depend on where the invention was made (Japan, US, China) "
    "are not checked.",
    "発明の完成地が記録されていないため、発明地による規則（日本、米国、中国）は確認されていない。",
)

# -- the command line: `workbench log facts`, `workbench clearance` -----------------------
define("I760", "Filing facts recorded for draft {draft} (by {who} at {at}).", "草稿{draft}の出願関係事実を記録しました（{who}、{at}）。")
define("I761", "inventors: {items}", "発明者：{items}")
define("I762", "applicants: {items}", "出願人：{items}")
define("I763", "planned filings: {items}", "出願予定：{items}")
define("I764", "clearances asked for: {items}", "求めた許可等：{items}")
define("I765", "No filing facts recorded for draft {draft}.", "草稿{draft}の出願関係事実は記録されていません。")
define(
    "I766",
    "Clearance plan for draft {draft} ({name}), as of {today}; triage level {level}.",
    "草稿{draft}（{name}）の出願前の許可等の計画（{today}時点）。判定：{level}。",
)
define(
    "I767",
    "From: the filing facts recorded {at} and the current decision; --file-in replaced the planned filings.",
    "根拠：{at}に記録された出願関係事実及び現在の出願方針。出願予定は--file-inで置き換えた。",
)
define(
    "I768",
    "From: the filing facts recorded {at} and the current decision.",
    "根拠：{at}に記録された出願関係事実及び現在の出願方針。",
)
define(
    "W761",
    "No filing facts are recorded for this draft: the plan uses only the decision (record them with "
    "`workbench log facts`).",
    "この草稿の出願関係事実は記録されていないため、出願方針のみから計画した（「workbench log facts」で記録してください）。",
)
define("I769", "none", "なし")
define("I770", "EXEMPT", "適用除外")

# -- Japan is not abroad (workbench.filing.codes.abroad_problem: the one rule) --------------------
define("W790", "Japan is not a place abroad: {instead}", "日本は国外ではありません。{instead}")
define(
    "W791",
    "choose a place of completion in Japan for it, and list only the other countries here",
    "日本での完成は完成地の選択で指定し、ここには日本以外の国だけを挙げてください",
)
define("W792", "choose '{choice}', or list only the other countries.", "「{choice}」を選ぶか、日本以外の国だけを入力してください。")
