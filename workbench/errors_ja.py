"""The error catalogue in Japanese, and the one function that renders a coded error
in the user's language.

``workbench/errors.py`` stays the single source of codes and of the English texts;
this module holds, per code, the Japanese message and hint with exactly the same
``{placeholders}`` (a test checks it). The raise sites fill those placeholders with
values: a fixed phrase is a coded detail (``workbench/messages/details.py``) rendered in
the reader's language; what the operating system or a library reported is a coded cause
(``workbench/messages/causes.py``: Japanese from its errno, SQLite or PostgreSQL code or
exception type, its own English kept for the English rendering); a value the user typed,
a symbol or a path stays as it came. Nothing here reads English text.

Only what the user reads changes: logs and stored records keep the English
``WorkbenchError.render()``.
"""

from __future__ import annotations

from typing import Mapping

LANGUAGES = ("en", "ja")

# code -> (message, hint). Vocabulary as in the Japanese UI: 草稿 (draft), 判定 (screening /
# verdict), 判定記録 (triage log), 出願方針 (decision), 分野 (specified field), 設定 (Settings).
MESSAGES: dict[str, tuple[str, str]] = {
    # -- E1xx ingest
    "E101": ("ファイルが存在しないか、読み取れません", "パスと、ファイルを読む権限があるかを確認してください。"),
    "E102": ("ファイルが空です（0 バイト）", "編集ソフトで草稿を保存し直してから、もう一度お試しください。"),
    "E103": ("対応していないファイル形式です（{suffix}）", "草稿を PDF・DOCX・TXT・Markdown のいずれかで保存してください。"),
    "E104": ("PDF が壊れているか、途中で切れています（{detail}）", "元の文書から PDF を出力し直してください。"),
    "E105": (
        "PDF が暗号化されています",
        "パスワードを入力するか（--password／パスワード入力画面）、保護を外したコピーを保存してください。",
    ),
    "E106": ("PDF のパスワードが違います", "ファイルを保護した方にパスワードを確認してください。"),
    "E107": (
        "PDF にテキスト層がありません（スキャン画像と思われます：テキストのないページ {pages} ページ）",
        "PDF 編集ソフトで OCR をかけるか、原稿の DOCX／テキスト版を使ってください。",
    ),
    "E108": ("DOCX ファイルが Word 文書になっていません（{detail}）", "Word で開き、.docx 形式で保存し直してください。"),
    "E109": (
        "文字コードを判定できませんでした（試した文字コード：{tried}）",
        "UTF-8（JPO 様式の草稿は Shift_JIS でも可）で保存し直してから、もう一度お試しください。",
    ),
    "E110": ("テキストではなくバイナリファイルのようです", "テキストの草稿ではありません。正しいファイルを選んだか確認してください。"),
    "E111": (
        "ファイルが大きすぎます（{size}、上限 {limit}）",
        "文書を分割してください。本当に一件の草稿であれば、設定で上限を引き上げてください。",
    ),
    "E112": (
        "ファイルの読み込みに {seconds} 秒を超える CPU 時間が必要でした",
        "実際の草稿の読み込みにこれほどの処理は要りません。ファイルが壊れているか、巨大か、読み込みを遅らせるように作られています。"
        "作成元から出力し直して（または DOCX かテキストで保存して）、もう一度お試しください。",
    ),
    "E113": ("文書に読み取れる本文がありません", "ファイルに草稿の本文が含まれているか確認してください。"),
    "E114": ("USPTO の XML ファイルを解析できませんでした（{detail}）", "USPTO 公報の XML ファイルが欠けずに揃っているか確認してください。"),
    "E115": (
        "ファイルの入れ子が深すぎます（{depth}階層、上限 {limit}）",
        "実際の草稿でこれほど深い入れ子はありません。ファイルの出どころを確認し、草稿を改めて受け取ってください。",
    ),
    "E116": (
        "通常のファイルではありません（{kind}）",
        "草稿のファイルそのものを指定してください。フォルダー、デバイス、パイプ（FIFO）、ソケット、循環するシンボリックリンクは読み込みません。",
    ),
    "E117": (
        "ファイルの読み込み中に予期しないエラーが起きました（{detail}）",
        "ファイルが壊れているか、読み込み処理を狙って作られています。草稿を改めて受け取り、繰り返す場合は報告してください。",
    ),
    "E118": (
        "ファイルの読み込みが {seconds} 秒以内に終わりませんでした（CPU 時間は {cpu} 秒で、処理ではなく待ちの状態でした）",
        "ファイルが遅いドライブや応答しないネットワーク共有にあるか、コンピューターの負荷が高すぎる可能性があります。"
        "ファイルをローカルのフォルダーにコピーしてからもう一度お試しいただくか、負荷が下がってからお試しください。",
    ),
    # -- E2xx claims
    "E201": (
        "特許請求の範囲が見つかりませんでした",
        "請求項を【特許請求の範囲】・【請求項１】の見出しで示してください（英文は 'What is claimed is:' または 'Claims'）。",
    ),
    "E202": ("請求項{number}が、それより前にない請求項{target}を引用しています", "草稿の請求項の番号と引用関係を確認してください。"),
    "E203": (
        "日本語の解析処理を利用できません（{detail}）",
        "ワークベンチを再インストールしてください（SudachiPy とその辞書が必要です）。",
    ),
    # -- E3xx IPC codes and rule sets
    "E301": ("'{symbol}' は正しい IPC 記号ではありません", "'F41H 3/00'、'F41H3/00'、'F41H0003000000' のように記入してください。"),
    "E302": ("ルールファイルを解析できません：{detail}", "該当行の YAML／JSON の書式を修正してください。"),
    "E303": (
        "ルールセットがスキーマに合っていません：{detail}",
        "示された項目を修正してください（classification_rules/README.md を参照）。",
    ),
    "E304": ("分野番号 {field_id} が二重に定義されています", "分野ごとに重複しない番号を付けてください。"),
    "E305": ("'{name}' という名前のルールセットが見つかりません", "ルールセット名、または設定のユーザールールフォルダーを確認してください。"),
    "E306": (
        "IPC の範囲 '{text}' が正しくありません：{detail}",
        "範囲は 'G21C 19/42-19/50' のように、同じメイングループの中で記入してください。",
    ),
    "E307": (
        "ユーザールールフォルダーを読み取れません（{detail}）",
        "設定または --rules-dir のフォルダーを確認してください。指定を外すと、同梱のルールだけで判定します。",
    ),
    # -- E4xx models
    "E401": ("モデルファイルがありません", "ワークベンチを再インストールするか、'workbench model train' でモデルを作成し直してください。"),
    "E402": (
        "モデルファイルがモデルカードと一致しません（ハッシュ {actual}、本来の値 {expected}）",
        "ファイルが変更されたか壊れています。元に戻すか、'workbench model train' で作成し直してください。",
    ),
    "E403": ("モデルカードがないか、読み取れません", "'workbench model train' でモデルを作成し直してください。"),
    "E404": ("学習データがありません：{detail}", "../shared/data（または --data）にデータファイルがあるか確認してください。"),
    "E405": (
        "モデルは保存されませんでした：新しいモデルは評価用データでの成績が現在のモデルより低くなりました（{detail}）",
        "現在のモデルを引き続き使い、学習に使った注記を見直してください。",
    ),
    "E406": (
        "モデルファイルはモデルカードと一致します（ハッシュ {sha}）が、読み込めません（{detail}）",
        "ワークベンチを再インストールするか、'workbench model train' でモデルを作成し直してください。",
    ),
    # -- E5xx the triage log
    "E501": (
        "判定記録のデータベースが壊れています（{detail}）",
        "バックアップを開くか、新しい判定記録ファイルを作成してください。壊れたファイルには手を加えていません。",
    ),
    "E502": ("判定記録が他のプログラムに使用されています（ロック中）", "他のプログラムを閉じてから（または少し待ってから）、もう一度お試しください。"),
    "E503": (
        "判定記録は新しいバージョンのワークベンチで作成されています（スキーマ {found} > 対応 {supported}）",
        "この判定記録を開く前に、ワークベンチを更新してください。",
    ),
    "E504": (
        "判定記録の履歴がイベント {event_id} で途切れています：{detail}",
        "バックアップから判定記録を復元し、知財部門の管理者に報告してください。",
    ),
    "E505": ("判定記録は追記専用です：{detail}", "記録の変更や削除ではなく、訂正の記録を追加してください。"),
    "E506": ("出願方針には理由の記載が必要です", "この方針とした理由を記入してください。"),
    "E507": ("番号またはハッシュが '{ref}' の草稿は判定記録にありません", "'workbench log list' で草稿の一覧を確認してください。"),
    "E508": ("'{value}' は{what}として正しくありません", "次のいずれかを指定してください：{allowed}。"),
    "E509": ("判定記録を作成できません：{detail}", "書き込みできるフォルダーを選んでください（--db または設定）。"),
    "E510": ("ハッシュの先頭 '{ref}' に一致する草稿が複数あります", "ハッシュをもっと長く入力するか、草稿番号を指定してください。"),
    "E511": (
        "判定記録に書き込めませんでした（{detail}）",
        "ディスクの空き容量や記憶装置を確認してから、もう一度お試しください。今回の変更は記録されていません。",
    ),
    "E512": (
        "このパスに判定記録がありません",
        "--db で指定したパスを確認してください。判定記録は、草稿を初めて判定したときに作成されます（workbench triage --db PATH）。",
    ),
    "E513": (
        "バックアップを書き込めません（{detail}）",
        "--out で、書き込みできるフォルダーの別のファイル名を指定してください。バックアップは既存のファイルを上書きしません。",
    ),
    "E530": (
        "判定記録のデータベース構造が、ワークベンチの作成したものと異なります：{detail}",
        "ワークベンチ以外でデータベース（テーブルや追記専用トリガー）が変更されています。バックアップから復元し、知財部門の管理者に報告してください。",
    ),
    "E531": ("チェックポイントを読み取れません（{detail}）", "'workbench log checkpoint' で作成したチェックポイントファイル、または判定記録のエクスポートを指定してください。"),
    "E532": ("チェックポイントの署名が正しくありません：{detail}", "改変されていない、ご自身の鍵または信頼する鍵（--trust FILE.pub）で署名されたチェックポイントを使ってください。"),
    "E533": ("署名鍵を使用できません（{detail}）", "鍵ファイル（--key または $WORKBENCH_SIGNING_KEY）を確認してください。鍵がない場合は個人用の鍵が新しく作成されます。"),
    "E534": (
        "判定記録が、イベント {event_id}（{at}）のチェックポイントと一致しません：{detail}",
        "変更前に取ったバックアップから判定記録を復元し、知財部門の管理者に報告してください。",
    ),
    # -- E550-E569 the team log
    "E550": (
        "この出願方針は次に反します（{risks}）。オーバーライドの理由が必要です",
        "それでも外国出願できる理由を記入してください（--override-reason または「オーバーライドの理由」欄）。その後、管理者の承認が必要です。",
    ),
    "E551": ("草稿 {draft_id} の現在の出願方針には承認すべきオーバーライドがありません", "管理者の承認が必要なのは、オーバーライドの理由を付けて記録された出願方針だけです。"),
    "E552": ("草稿 {draft_id} のオーバーライドは承認済みです（{who}、{at}）", "操作は不要です。新しい出願方針には改めて承認が必要です。"),
    "E553": ("オーバーライドは、その出願方針を決めた本人（{who}）は承認できません", "別の管理者に承認を依頼してください。承認には二人目の確認が必要です。"),
    "E554": (
        "このログインでは、チーム判定記録に対してこの操作はできません（{detail}）",
        "役割ごとに操作が決まっています：担当者は判定、弁理士は注記、管理者は出願方針の決定・承認・エクスポート。必要な役割をチーム判定記録の管理者に依頼してください（workbench log setup-team URL --user LOGIN=ROLE）。",
    ),
    "E555": (
        "チーム判定記録のサーバーに接続できません（{detail}）",
        "PostgreSQL サーバーが稼働していて接続できることを確認してから、もう一度お試しください。確認されなかった変更は記録されていません。",
    ),
    "E556": (
        "このデータベースにはまだチーム判定記録がありません",
        "管理者に 'workbench log setup-team URL' で作成してもらうか、URL のデータベース名を確認してください。",
    ),
    "E557": (
        "チーム判定記録のバックアップはサーバー側で行います（ワークベンチでは行いません）",
        "管理者にデータベースのバックアップ（pg_dump）を依頼してください。記録としては 'workbench log export' で出願方針をエクスポートできます。",
    ),
    "E558": (
        "チーム判定記録には既に {events} 件のイベントがあります。ローカルの判定記録は空のチーム判定記録にしかコピーできません",
        "新しい空のチーム判定記録を作成し（新しいデータベースで workbench log setup-team URL）、そこにコピーしてください。",
    ),
    "E559": (
        "判定記録をコピーできません：{detail}",
        "何もコピーしていません。先にローカルの判定記録を修復または復元してから（workbench log verify）、もう一度お試しください。",
    ),
    # -- E6xx exports
    "E601": ("エクスポートファイルを書き込めません（{detail}）", "別のフォルダーを選ぶか、他のプログラムで開いているファイルを閉じてください。"),
    "E602": (
        "PDF レポート用の日本語（CJK）フォントが見つかりません",
        "日本語フォントをインストールしてください（packaging/setup.sh で IPA ゴシックが入ります）。",
    ),
    "E603": ("不明なエクスポート形式です（'{fmt}'）", "csv・xlsx・pdf・json のいずれかを指定してください。"),
    # -- E8xx batch screening, re-screening, clusters
    "E801": (
        "Dask スケジューラー {address} に接続できません（{detail}）",
        "スケジューラーが起動しているか、アドレス（tcp://ホスト:ポート）を確認してください。--scheduler を付けなければこのコンピューターで一括判定します。",
    ),
    "E802": (
        "Dask がインストールされていないため --scheduler は使えません（{detail}）",
        "cluster 追加機能をインストールするか（pip install 'patent-triage-workbench[cluster]'）、--scheduler を付けずにこのコンピューターで判定してください。",
    ),
    "E803": (
        "別の規則またはモデルで判定したワーカーがあります（{detail}）",
        "すべてのワーカーに同じワークベンチ・規則・モデルを入れてください。この判定は記録されていません。",
    ),
    "E804": (
        "一括判定の途中でファイルが変更されました（一覧作成時のハッシュ {expected}、読み込み時 {found}）",
        "保存が終わってからもう一度判定してください。このファイルについては何も記録されていません。",
    ),
    "E805": (
        "記録済みの草稿 {draft_id} のファイルが見つからないか、判定後に変更されています（{detail}）",
        "ファイルが今あるフォルダーを --from で指定してください（ハッシュで探します）。記録済みの判定はそのまま残ります。",
    ),
    # -- E9xx settings and usage
    "E901": ("設定値 {name}={value} が正しくありません：{detail}", "設定画面またはコマンドラインで値を修正してください。"),
    "E902": ("処理を中止しました", "未完了の項目は記録されていません。"),
    "E903": (
        "判定処理が予期せず停止しました（終了コード {exit_code}）",
        "判定済みの草稿は記録されています。残りをもう一度判定し、繰り返し起きる場合は報告してください。",
    ),
    "E904": (
        "判定中に予期しないエラーが発生しました：{detail}",
        "記録済みの内容は失われていません。判定していたファイルを添えて報告してください。",
    ),
    "E905": (
        "コマンドの実行中に予期しないエラーが発生しました：{detail}",
        "記録済みの内容は失われていません。サポートに必要な情報を書き出したファイル {report} を添えて報告してください。",
    ),
}

# Where an error is: "line 12" / "page 3".
WHERE_JA = {"line": "{n} 行目", "page": "{n} ページ目"}

def _detail_ja(value: object, lang: str) -> object:
    """A placeholder's value for a reader of ``lang``: a coded detail (``detail=msg(M.D104)``,
    the way raise sites say a fixed phrase, see workbench/messages/details.py) rendered from
    the catalogue; anything else (a value the user typed, a symbol, a path, an operating
    system's own message) exactly as given."""
    from workbench.messages import Message

    if isinstance(value, Message):
        return value.render(lang)
    return value


def localize(
    code: str | None,
    details: Mapping[str, object] | None,
    lang: str,
    *,
    message: str = "",
    hint: str = "",
) -> tuple[str, str]:
    """The message and hint of coded error ``code`` for a reader of ``lang`` ('en' | 'ja').

    ``message`` / ``hint`` are the English texts the error was raised with (the
    catalogue's, filled in, when not given); they are returned for English, for a code
    without a Japanese entry, or when a template cannot be filled. A coded addition to
    the hint (``details['also']``) is rendered after it.
    """
    from workbench.errors import CATALOGUE

    details = dict(details or {})
    spec = CATALOGUE.get(code or "")
    english = [message, hint]
    if spec is not None:
        for i, template in enumerate((spec.message, spec.hint)):
            if not english[i]:
                try:
                    english[i] = template.format(**details)
                except (KeyError, IndexError, ValueError):
                    english[i] = template
    also = details.get("also")
    if also is not None and not hint and english[1]:  # the coded addition to the hint (WorkbenchError.extend_hint)
        english[1] = f"{english[1]} {also}"
    if lang != "ja" or spec is None or code not in MESSAGES:
        return english[0], english[1]
    filled = {k: _detail_ja(v, lang) for k, v in details.items()}
    out = []
    for template, eng in zip(MESSAGES[code], english):
        try:
            out.append(template.format(**filled))
        except (KeyError, IndexError, ValueError):
            out.append(eng)
    if also is not None:
        out[1] += str(_detail_ja(also, lang))
    return out[0], out[1]


def where_text(path: str | None, line: int | None, page: int | None, lang: str = "en") -> str:
    """'draft.pdf, page 3' / 'draft.pdf、3 ページ目'."""
    from workbench.text import shown_name

    parts: list[str] = [shown_name(path)] if path else []  # a newline or an RTL mark in a name as an escape
    if lang == "ja":
        parts += [WHERE_JA[k].format(n=v) for k, v in (("line", line), ("page", page)) if v is not None]
        return "、".join(parts)
    parts += [f"{k} {v}" for k, v in (("line", line), ("page", page)) if v is not None]
    return ", ".join(parts)


def join_message(message: str, hint: str, lang: str = "en") -> str:
    """'message. hint' in English, 'message。hint' in Japanese."""
    if not hint:
        return message
    return f"{message}。{hint}" if lang == "ja" else f"{message}. {hint}"


def render_error(
    code: str | None,
    *,
    lang: str = "en",
    path: str | None = None,
    line: int | None = None,
    page: int | None = None,
    details: Mapping[str, object] | None = None,
    message: str = "",
    hint: str = "",
    with_code: bool = True,
) -> str:
    """``[E107] scan.pdf: message. hint`` for a reader of ``lang``; the code is shown (support
    looks it up) unless a column beside it already does (``with_code=False``), and for
    English the text equals ``WorkbenchError.render()``."""
    msg, hnt = localize(code, details, lang, message=message, hint=hint)
    where = where_text(path, line, page, lang)
    prefix = (f"[{code}] " if code and with_code else "") + (f"{where}: " if where else "")
    return prefix + join_message(msg, hnt, lang)


def language_of_locale(value: str | None) -> str | None:
    """'ja' / 'en' for a locale name ('ja_JP.UTF-8' -> 'ja', 'C.UTF-8' -> 'en'); None when unset."""
    if not value:
        return None
    return "ja" if value.lower().startswith("ja") else "en"


def user_language(setting: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """The language a command-line user reads: ``WORKBENCH_LANG`` (en|ja) if set, else the
    Settings language when it is 'en' or 'ja', else the locale (``LC_ALL``, then
    ``LC_MESSAGES``, then ``LANG``, as POSIX orders them): Japanese when it starts with 'ja'."""
    import os

    env = os.environ if environ is None else environ
    forced = (env.get("WORKBENCH_LANG") or "").strip().lower()
    if forced in LANGUAGES:
        return forced
    if setting in LANGUAGES:
        return setting
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        lang = language_of_locale(env.get(name))
        if lang:
            return lang
    return "en"
