"""Coded details of errors (D-codes): the fixed phrases raise sites put into an error's
placeholders (``detail``, ``what``, ``allowed``, ``size``, ``kind``...).

A raise site passes ``detail=msg(M.D104)`` instead of an English phrase; the error's
English text is unchanged (a message formats as its English), and the Japanese is rendered
from here - no table of regexes over English. A value the user typed, a symbol or a path is
passed as it came; what the operating system or a library said is a cause (causes.py).

What the operating system or a library reported (errno, SQLite's and PostgreSQL's codes, an
exception's type) is a cause, D0xx, in ``workbench/messages/causes.py``.

Ranges as in errors.py: D1xx ingest, D3xx rules and IPC, D4xx models, D5xx triage log,
D6xx exports, D7xx filing facts, D8xx batch, D9xx settings and usage. Only this module
and causes.py define D-codes (one owner: the messages work), so parallel areas never collide here.
"""

from __future__ import annotations

from workbench.messages import define

# -- D1xx ingest --------------------------------------------------------------------------
define("D101", "(none)", "拡張子なし")
define("D102", "{suffix} (an old Word 97-2003 / OLE file)", "{suffix}：旧形式の Word 97-2003／OLE ファイル")
define("D103", ".xml (only USPTO publication XML is read)", "'.xml'：読み込めるのは USPTO 公報の XML のみ")
define("D104", "the file does not start like a PDF (no %PDF header)", "ファイルの先頭が PDF の形式ではありません（%PDF ヘッダーなし）")
define("D105", "truncated: the end-of-file marker is missing", "ファイル終端の印（%%EOF）がありません")
define("D106", "it has no pages", "ページがありません")
define("D107", "unsupported encryption: {x}", "対応していない暗号化方式です：{x}")
define("D108", "encryption data damaged: {x}", "暗号化の情報が壊れています：{x}")
define("D109", "page tree unreadable: {x}", "ページ構成を読み取れません：{x}")
define("D110", "page {n}: {x}", "{n} ページ目：{x}")
define("D111", "not a valid ZIP package: {x}", "ZIP 形式として読めません：{x}")
define("D112", "not a valid ZIP package: File is not a zip file",
       "ZIP 形式として読めません（途中で切れているか、別の形式のファイルです）")
define("D113", "damaged ZIP package: {x}", "ZIP 形式が壊れています：{x}")
define("D114", "a ZIP without word/document.xml (holds {x})", "'word/document.xml' のない ZIP です（中身：{x}）")
define("D115", "a ZIP archive named without a suffix", "拡張子のない ZIP 書庫です")
define("D116", "a ZIP archive named {suffix}", "拡張子が {suffix} の ZIP 書庫です")
define("D117", "{n:,} bytes unpacked", "展開後 {n:,} バイト")
define("D118", "{n:,} bytes", "{n:,} バイト")
define("D119", "{n} pages", "{n} ページ")
define("D120", "{x} (by its byte-order mark)", "{x}（BOM による判定）")
define("D121", "no <claim> elements", "請求項の要素（'<claim>'）がありません")
define("D122", "encoding: {x}", "文字コード：{x}")
define("D123", "a folder", "フォルダー")
define("D124", "a named pipe (FIFO)", "名前付きパイプ（FIFO）")
define("D125", "a socket", "ソケット")
define("D126", "a device", "デバイス")
define("D127", "a symbolic link loop", "循環するシンボリックリンク")
define("D128", "{n:,} characters of text", "本文 {n:,} 文字")
define("D129", "{n:,} characters", "{n:,} 文字")
define("D130", "{n:,} bytes unpacked, measured ({what})", "実測で展開後 {n:,} バイト（{what}）")
define("D131", "the ZIP header misstates the size of {name}", "ZIP のヘッダーが {name} のサイズを偽っています")
define("D132", "more than {n:,} bytes", "{n:,} バイト超")
define("D133", "too many", "非常に多くの")
define("D134", "more than {n}", "{n} を超える")
define("D135", "more than the memory available", "使用できるメモリーを超える大きさ")
define("D136", "{n:,} bytes for a text or XML draft", "テキスト・XML の草稿では {n:,} バイト")
define("D137", "a ZIP package of {n:,} members", "{n:,} 個の項目を含む ZIP 形式です")
define("D138", "the ZIP entry {name} lies outside the file", "ZIP の項目 {name} がファイルの範囲外を指しています")
define("D139", "the ZIP entry {name} has no local header", "ZIP の項目 {name} にローカルヘッダーがありません")
define("D140", "the ZIP entry {name} is encrypted", "ZIP の項目 {name} が暗号化されています")
define("D141", "the ZIP entry {name} uses compression method {method}", "ZIP の項目 {name} は対応していない圧縮方式（{method}）です")
define("D142", "a table cell spans {n} columns", "表のセルが {n} 列にまたがっています")
define("D143", "{n} pages, about {s:.0f} s to read", "{n} ページ、読み込みに約 {s:.0f} 秒")
define("D144", "{s:g} s of reading time", "読み込み時間 {s:g} 秒")
define("D145", "an unterminated DOCTYPE", "文書型宣言（DOCTYPE）が閉じていません")
define("D146", "a DOCTYPE or entity declaration inside the document", "文書の中に文書型宣言（DOCTYPE）または実体宣言があります")
define("D147", "no root element", "ルート要素がありません")
define("D148", "the package", "ファイル全体")
define("D149", "nothing", "何もなし")
define("D150", "a link to a folder", "フォルダーへのリンク")
define("D151", "the reading process ended without an answer ({how})", "読み込み処理が結果を返さずに終了しました（{how}）")
define("D152", "{n:,} bytes of memory for one read", "一件の読み込みに使えるメモリー {n:,} バイト")

# -- D3xx rules and IPC -----------------------------------------------------------------------
define("D301", "the file is empty", "ファイルが空です")
define("D302", "the file is not UTF-8 text (save it as UTF-8)", "UTF-8 のテキストではありません（UTF-8 で保存し直してください）")
define("D303", "cannot read the file ({x})", "ファイルを読み取れません（{x}）")
define("D304", "the rule set defines no fields", "ルールセットに分野が一つも定義されていません")
define("D305", "a mapping key must be a plain value", "マッピングのキーは単純な値にしてください")
define("D306", "not a folder", "フォルダーではありません")
define("D309", "'{key}' is listed twice", "'{key}' が二重に記載されています")
define("D312", "write two ends separated by one dash", "両端をダッシュ1つでつないで記入してください")
define("D313", "a range runs between groups, e.g. 19/42-19/50", "範囲はグループからグループまでで指定します（例：19/42-19/50）")
define("D314", "'{group}' is not an IPC group", "'{group}' は IPC のグループではありません")
define("D315", "both ends must be groups of the same subclass", "両端は同じサブクラスのグループにしてください")
define("D316", "the end comes before the start", "終わりが始まりより前になっています")
define("D317", "rule set '{ruleset}' has no field {field}", "ルールセット '{ruleset}' に分野 {field} がありません")
define("D318", "({n} more problem(s): run 'workbench rules check')",
       "（ほかに {n} 件の問題があります：'workbench rules check' で確認してください）")
define("D319", "the file is too large or too deeply nested once aliases are expanded (limit {n} values)",
       "別名（エイリアス）を展開すると、ファイルが大きすぎるか入れ子が深すぎます（上限 {n} 個の値）")
define("D320", "mapping keys must be text, not {key}", "マッピングのキーは文字列にしてください（現在は {key}）")
define("D321", "the key '{key}' is given twice", "キー '{key}' が二度書かれています")
# D307, D308, D310, D311, D322-D327 retired: jurisdictions.yaml is checked by its JSON Schema (D33x/D34x)
define("D328", "invalid YAML", "YAML の書式が正しくありません")
# schema problems of a rule file (jsonschema's errors worded by workbench/rules/schema.py)
define("D330", "{where} matches more than one allowed form", "{where} が、許される形式の複数に当てはまります")
define("D331", "{where} must be {expected}, not {actual} ({value})", "{where} は{expected}にしてください（現在は{actual}：{value}）")
define("D332", "{where} must be {value}", "{where} は {value} にしてください")
define("D333", "{where} must be one of {allowed}, not {value}", "{where} は次のいずれかにしてください：{allowed}（現在は {value}）")
define("D334", "{where} must not be empty", "{where} を空にしないでください")
define("D335", "{where} has the wrong form: {value}", "{where} の形式が正しくありません：{value}")
define("D336", "{where} must be at least {limit}, not {value}", "{where} は {limit} 以上にしてください（現在は {value}）")
define("D337", "{where} must be at most {limit}, not {value}", "{where} は {limit} 以下にしてください（現在は {value}）")
define("D338", "{where} needs at least {n} item(s)", "{where} には少なくとも {n} 個の項目が必要です")
define("D339", "{where} is missing the required key '{key}'", "{where} に必須の項目 '{key}' がありません")
define("D340", "unknown key '{key}' in {where} (allowed: {allowed})", "{where} に未知の項目 '{key}' があります（使える項目：{allowed}）")
define("D341", "{where} must have one of the keys {keys}; it has {has}", "{where} には次のキーのいずれかが必要です：{keys}（現在のキー：{has}）")
define("D342", "{where} has an unexpected form ({actual}: {value}); expected {expected}",
       "{where} の形式が想定と異なります（{actual}：{value}）。想定は {expected} です")
define("D343", "another form", "別の形式")
define("D344", "(top level)", "（最上位）")
define("D345", "{where} needs at least {n} characters", "{where} は {n} 文字以上にしてください")
define("D346", "{where} is not a real date (YYYY-MM-DD): {value}", "{where} が実在する日付（YYYY-MM-DD）ではありません：{value}")
define("D347", "{where} lists {value} twice (items {first} and {again}): remove one",
       "{where} に {value} が二度記載されています（{first} 番目と {again} 番目）。どちらかを削除してください")
define("D349", "{where} has '{key}' but not {needs} beside it: add it or remove '{key}'",
       "{where} に '{key}' がありますが、併せて必要な {needs} がありません。追加するか '{key}' を削除してください")
# D350, D351 retired: they quoted PyYAML's English to a Japanese reader (now D359, D360: what went
# wrong said from the error's type, messages/causes.py; PyYAML's words in the English audit copy only)
define("D359", "the YAML is malformed in what starts at line {start}: {kind} (the parser says: '{parser}')",
       "{start} 行目から始まる部分の YAML の書式が正しくありません：{kind}", audit=("parser",))
define("D360", "the YAML is malformed: {kind} (the parser says: '{parser}')",
       "YAML の書式が正しくありません：{kind}", audit=("parser",))
# JSON Schema's type names (D331, D342): kept in English, said in Japanese
SCHEMA_TYPES = {
    "string": define("D352", "string", "文字列"),
    "integer": define("D353", "integer", "整数"),
    "number": define("D354", "number", "数値"),
    "boolean": define("D355", "boolean", "真偽値（'true' か 'false'）"),
    "array": define("D356", "array", "リスト"),
    "object": define("D357", "object", "マッピング"),
    "null": define("D358", "null", "空の値"),
}
define("D348", "{where} does not follow the schema ('{keyword}')", "{where} がスキーマの規則（'{keyword}'）に合いません")

# -- D4xx models ------------------------------------------------------------------------------
define("D401", "{name} not found under {folder}", "{folder} に {name} がありません")
define("D402", "the data folder does not exist", "データフォルダーが存在しません")
define("D403", "bad JSON ({x})", "JSON が正しくありません（{x}）")

# -- D5xx the triage log ----------------------------------------------------------------------
define("D501", "not an SQLite database", "SQLite データベースではありません")
define("D502", "an empty file (0 bytes), not a triage log", "空のファイル（0 バイト）で、判定記録ではありません")
define("D503", "not a triage log (it holds other tables)", "判定記録ではありません（別のテーブルが入っています）")
define("D504", "the file does not exist", "ファイルが存在しません")
define("D505", "integrity: {x}", "整合性：{x}")
define("D506", "{path} (it is a folder)", "{path}（フォルダーです）")
define("D507", "the file already exists", "ファイルが既に存在します")
define("D508", "the folder {path} does not exist", "フォルダー {path} が存在しません")
define("D509", "{path} ({x})", "{path}（原因：{x}）")
define("D510", "cannot read the file ({x})", "ファイルを読み取れません（{x}）")
define("D511", "event {expected} is missing before event {found}", "イベント {found} の前にあるはずのイベント {expected} がありません")
define("D512", "its prev_hash does not match the previous event's hash", "直前のイベントのハッシュ（'prev_hash'）と一致しません")
define("D513", "its payload is not valid JSON", "記録内容（'payload'）が正しい JSON ではありません")
define("D514", "its content does not match its hash ({kind})", "内容がハッシュと一致しません（{kind}）。記録が書き換えられた可能性があります")
define("D515", "{table} rows refer to event {event_id}, which is not in the history", "{table} の行が、履歴にないイベント {event_id} を参照しています")
define("D516", "the {table} rows differ from what event {event_id} recorded", "{table} の行が、イベント {event_id} の記録内容と異なります")
define("D517", "{count} events, chain, records and structure intact", "イベント {count} 件。ハッシュの連鎖・記録内容・構造はすべて正常です")
define("D518", "the trigger {name} is missing or disabled", "トリガー {name} がないか、無効にされています")
define("D519", "the table {name} is missing", "テーブル {name} がありません")
define("D520", "the table {name} was changed", "テーブル {name} が変更されています")
define("D521", "it is already a team log", "既にチーム判定記録です")
define("D522", "the local log does not verify: {x}", "ローカルの判定記録の検証に失敗しました：{x}")
define("D523", "the copied history does not end where the local one does", "コピーした履歴の終わりが、ローカルの履歴の終わりと一致しません")
define("D524", "the copy does not verify: {x}", "コピーの検証に失敗しました：{x}")
define("D525", "psycopg is not installed ({x})", "'psycopg' がインストールされていません（{x}）")
define("D526", "{op} on {table} is not allowed", "{table} の記録の変更・削除（{op}）は許されていません")
define("D527", "function", "関数")
# what a value is (E508 "'{value}' is not a valid {what}") and what is allowed
define("D530", "level", "判定")
define("D531", "decision", "出願方針")
define("D532", "country code", "国コード")
define("D533", "residence country code", "居住国の国コード")
define("D534", "country of completion abroad", "国外の完成地")
define("D535", "two-letter ISO codes like JP, IN, US", "JP・IN・US などの2文字の ISO 国コード")
define("D536", "two-letter ISO codes of countries other than Japan, like US, CN (completion in Japan is the completed-in-Japan answer)",
       "日本以外の国の2文字の ISO 国コード（US・CN など）。日本国内での完成は「日本国内で発明を完成」の回答で示します")
define("D537", "two-letter codes like US, CN, DE, or EP, WO/PCT", "US・CN・DE などの2文字の国コード、または EP・WO/PCT")
define("D538", "completed-in-Japan answer", "「日本国内で発明を完成」の回答")
define("D539", "yes, no or unknown", "'yes'・'no'・'unknown'")
define("D540", "annotation verdict", "注記の判定")
define("D541", "draft file hash", "草稿ファイルのハッシュ")
define("D542", "a sha256 of the draft file", "草稿ファイルの sha256")
define("D543", "claim number / field id", "請求項番号／分野番号")
define("D544", "whole numbers", "整数")
define("D545", "claim number for this draft", "この草稿の請求項番号")
define("D546", "field id for this draft", "この草稿の分野番号")
define("D547", "likelihood of field {field}", "分野 {field} の該当可能性")
define("D548", "a finite number", "数値")
define("D549", "user and role", "ユーザーと役割")
define("D550", "login=staff, login=attorney or login=manager (lower-case login names)",
       "'login=staff'・'login=attorney'・'login=manager' のいずれか（ログイン名は小文字）")
define("D551", "a date written YYYY-MM-DD, e.g. 2026-04-30", "YYYY-MM-DD 形式の日付（例：2026-04-30）")
define("D553", "JP filing date (YYYY-MM-DD)", "日本の出願日（YYYY-MM-DD）")
define("D554", "--completed-in-japan answer", "「日本国内で発明を完成」の回答（--completed-in-japan）")
define("D555", "yes, no, unknown", "'yes'・'no'・'unknown'")
define("D556", "filing date (YYYY-MM-DD)", "出願日（YYYY-MM-DD）")
define("D557", "intended filing date (YYYY-MM-DD)", "出願予定日（YYYY-MM-DD）")
define("D558", "date (YYYY-MM-DD)", "日付（YYYY-MM-DD）")
define("D559", "(printed above: it could not be saved)", "（保存できなかったため、上に表示した内容）")

# -- D6xx exports -----------------------------------------------------------------------------
define("D601", "the folder {path} does not exist", "フォルダー {path} が存在しません")

# -- D7xx filing facts (workbench/filing/facts.py) ------------------------------------------------
define("D701", "an ISO 3166-1 code like JP, US", "JP・US などの ISO 3166-1 国コード")
define("D702", "an ISO 3166-1 code like JP, US, IN (or JPN, USA)", "JP・US・IN（又は JPN・USA）などの ISO 3166-1 国コード")
define("D703", "an ISO 3166-1 code like US, CN, or the routes EP, PCT", "US・CN などの ISO 3166-1 国コード、又は出願ルート EP・PCT")
define("D704", "a name of 1-200 characters", "1～200文字の名前")
define("D705", "inventor residence", "発明者の居住国")
define("D706", "inventor nationality", "発明者の国籍")
define("D707", "place where the inventor's part was made", "発明者の担当部分がなされた国")
define("D708", "applicant seat", "出願人の本拠")
define("D709", "inventor name", "発明者の氏名")
define("D710", "applicant name", "出願人の名称")
define("D711", "filing office", "出願先")
define("D712", "receiving office (a country code, IB or EP)", "受理官庁（国コード、IB 又は EP）")
define("D713", "rule of the clearance asked for", "許可等を求めた規則の国")
define("D714", "planned filing", "出願予定")
define("D715", "OFFICE[@RO][:YYYY-MM-DD], e.g. PCT@JP:2027-01-15", "出願先[@受理官庁][:YYYY-MM-DD]（例：PCT@JP:2027-01-15）")
define("D716", "route of the {office} filing", "{office} への出願のルート")
define("D717", "national, ep, pct", "'national'・'ep'・'pct'")
define("D718", "date the clearance was asked for", "許可等を求めた日")
define("D719", "a date YYYY-MM-DD", "YYYY-MM-DD 形式の日付")
define("D720", "inventor", "発明者")
define("D721", "NAME:RESIDENCE[:NATIONALITY[:MADE_IN,...]]", "氏名:居住国[:国籍[:担当部分がなされた国,...]]")
define("D722", "applicant", "出願人")
define("D723", "NAME:SEAT", "名称:本拠の国")
define("D724", "clearance asked for", "求めた許可等")
define("D725", "RULE:REQUESTED[:GRANTED]", "規則の国:求めた日[:許可日]")
define("D726", "date the clearance was granted (YYYY-MM-DD)", "許可等を得た日（YYYY-MM-DD）")
define("D727", "date the clearance was asked for (YYYY-MM-DD)", "許可等を求めた日（YYYY-MM-DD）")

# -- D8xx batch -----------------------------------------------------------------------------
define("D801", "not found", "見つかりません")
define("D802", "its hash differs", "ハッシュが異なります")
define("D803", "rules {rules}, model {model} on {where}; expected rules {expected_rules}, model {expected_model}",
       "{where} の規則 {rules}・モデル {model}。本来は規則 {expected_rules}・モデル {expected_model}")
define("D804", "unknown error", "不明なエラー")

# -- D9xx settings and usage ------------------------------------------------------------------
define("D902", "must be text", "文字列にしてください")
define("D904", "set it together with {other}, or clear both to use the model's recommended thresholds",
       "{other} と一緒に設定するか、両方を空にしてモデルの推奨しきい値を使ってください")
define("D905", "use one of {allowed}", "次のいずれかにしてください：{allowed}")
define("D906", "give one or more files, or --text", "ファイルを1つ以上、または --text を指定してください")
define("D908", "a folder, not a draft file: give one file ('workbench triage FOLDER' screens every draft in a folder)",
       "草稿ファイルではなくフォルダーです。ファイルを1つ指定してください（フォルダー内のすべての草稿は 'workbench triage FOLDER' で判定できます）")
define("D909", "give the countries where the invention was completed, e.g. --completed-in JP or JP,US; the first-filing duties depend on it",
       "発明を完成した国を指定してください（例：--completed-in JP または JP,US）。第一国出願義務はこれによって決まります")
define("D910", "give --format {formats} or an --out file ending in one of them",
       "--format {formats} を指定するか、出力ファイル名の末尾をそのいずれか（'.csv'・'.xlsx'・'.pdf'・'.json'）にしてください")
define("D911", "no draft files (PDF, DOCX, TXT, MD, XML) in these folders", "これらのフォルダーに草稿ファイル（PDF・DOCX・TXT・MD・XML）がありません")
define("D912", "settings file", "設定ファイル")
define("D913", "not readable JSON ({x})", "JSON として読み取れません（{x}）")
define("D914", "must be a JSON object", "JSON のオブジェクトにしてください")
define("D915", "cannot be written ({x})", "書き込めません（{x}）")
define("D917", "the desktop app is not installed ({x})", "デスクトップアプリがインストールされていません（{x}）")
define("D918", "give 1 or more worker processes", "ワーカープロセスの数を1以上にしてください")
define("D919", "write LOGIN=staff, LOGIN=attorney or LOGIN=manager", "'LOGIN=staff'・'LOGIN=attorney'・'LOGIN=manager' のいずれかで記入してください")
define("D920", "give a PostgreSQL URL, e.g. postgresql://admin@dbhost:5432/triage",
       "PostgreSQL の URL を指定してください（例：'postgresql://admin@dbhost:5432/triage'）")
define("D921", "give the local log file to copy (not a team log URL)",
       "コピーするローカルの判定記録ファイルを指定してください（チーム判定記録の URL ではなく）")
define("D922", "{warning} ({then})", "{warning}（この日付で記録するには：{then}）")

# -- D56x signed checkpoints (workbench/store/checkpoint.py) ------------------------------------
define("D560", "not an Ed25519 key", "Ed25519 の鍵ではありません")
define("D561", "too large to be a checkpoint or an export", "チェックポイントやエクスポートにしては大きすぎます")
define("D562", "it holds no workbench checkpoint", "ワークベンチのチェックポイントが含まれていません")
define("D563", "its {name} is missing or malformed", "{name} がないか、形式が正しくありません")
define("D564", "the checkpoint was altered after it was signed", "署名の後にチェックポイントが書き換えられています")
define("D565", "malformed key or signature ({x})", "鍵または署名の形式が正しくありません（{x}）")
define("D566", "it is signed by key {key}, which is not yours nor one you trust (give its .pub with --trust)",
       "鍵 {key} で署名されていますが、ご自身の鍵でも信頼する鍵でもありません（その '.pub' を --trust で指定してください）")
# draft versions (workbench/store/log.py link_version)
define("D576", "matter to link to (the draft is already a version of it)", "リンク先の案件（この草稿は既にその版です）")
define("D577", "a draft of another matter", "別の案件の草稿")
define("D578", "draft to link (other drafts are versions of it)", "リンクする草稿（ほかの草稿がその版になっています）")
define("D579", "the latest version of a matter", "案件の最新の版")
define("D590", "its record ({kind}) is not one the workbench ever writes: it was added by hand",
       "記録内容（{kind}）がワークベンチの書き込まない形式です。手作業で追加されたものです")
# the structure of a triage log (workbench/store/verify.py)
define("D567", "it has no migrations table", "'migrations' テーブルがありません")
define("D568", "the {kind} {name} is missing", "{kind} {name} がありません")
define("D569", "the {kind} {name} was changed", "{kind} {name} が変更されています")
define("D570", "trigger", "トリガー")
define("D571", "table", "テーブル")
define("D572", "index", "インデックス")
define("D573", "view", "ビュー")
define("D574", "object", "オブジェクト")
define("D575", "an extra {kind} {name} was added", "余分な{kind} {name} が追加されています")
