"""Rebuild the Japanese UI translation: extract the strings (pyside6-lupdate), fill in the
Japanese below, compile to .qm (pyside6-lrelease). Run after changing UI strings:

    .venv/bin/python workbench/ui/translations/make_translations.py

It fails (exit 1) and lists the strings that still need a translation.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
UI = HERE.parent
TS = HERE / "workbench_ja.ts"
QM = HERE / "workbench_ja.qm"

# English source text -> Japanese. Accelerators follow the Japanese convention "ファイル(&F)".
JA: dict[str, str] = {
    # menus and actions
    "&File": "ファイル(&F)",
    "&Open drafts…": "草稿を開く(&O)…",
    "&Import folder…": "フォルダーを取り込む(&I)…",
    "&Export log…": "判定記録をエクスポート(&E)…",
    "&Settings…": "設定(&S)…",
    "&Quit": "終了(&Q)",
    "&Review": "審査(&R)",
    "&Next draft": "次の草稿(&N)",
    "&Previous draft": "前の草稿(&P)",
    "&Agree with the flag": "判定に同意(&A)",
    "&Disagree with the flag": "判定に不同意(&D)",
    "De&cide…": "方針を決定(&C)…",
    "&Save decision": "方針を保存(&S)",
    "&Cancel running work": "実行中の処理を中止(&C)",
    "&View": "表示(&V)",
    "Triage &log": "判定記録(&L)",
    "&Help": "ヘルプ(&H)",
    "Keyboard &shortcuts": "キーボードショートカット(&S)",
    "&About": "このアプリについて(&A)",
    # main window
    "Patent Non-Disclosure Triage Workbench": "特許出願非公開 事前判定ワークベンチ",
    "Patent Triage Workbench": "特許出願 事前判定ワークベンチ",
    "Search drafts (name, field, level, decision)": "草稿を検索（名前・分野・判定・方針）",
    "All levels": "すべての判定",
    "Needs attention (review + likely)": "要確認（要検討＋送付の可能性大）",
    "Likely referral only": "送付の可能性大のみ",
    "Undecided": "方針未決定",
    "Key date within 30 days": "30日以内に期限あり",
    "Drop draft files or folders here (PDF, DOCX, TXT, MD, USPTO XML).": "ここに草稿ファイルやフォルダーをドロップ（PDF・DOCX・TXT・MD・USPTO XML）。",
    "Draft": "草稿",
    "Decision": "出願方針",
    "Triage log": "判定記録",
    "Cancel": "中止",
    "Open drafts": "草稿を開く",
    "Drafts (*.pdf *.docx *.txt *.md *.xml);;All files (*)": "草稿 (*.pdf *.docx *.txt *.md *.xml);;すべてのファイル (*)",
    "Import a folder of drafts": "草稿のフォルダーを取り込む",
    "Please wait for the running work to finish, or cancel it.": "実行中の処理が終わるまでお待ちいただくか、中止してください。",
    "No draft files were found (PDF, DOCX, TXT, MD, XML).": "草稿ファイル（PDF・DOCX・TXT・MD・XML）が見つかりません。",
    "Screening %n draft(s)…": "%n 件の草稿を判定中…",
    "None of the %n file(s) could be screened": "ファイルを 1 件も判定できませんでした（全 %n 件）",
    "%1 of %2 file(s) could not be screened; the others were processed": "%2 件中 %1 件のファイルを判定できませんでした。ほかのファイルは処理済みです",
    "Screened %n draft(s).": "%n 件の草稿を判定しました。",
    "Screened %1 of %2: %3": "%2 件中 %1 件を判定: %3",
    "Cancelling after the current file…": "現在のファイルの処理後に中止します…",
    "The source file of this draft is not known; open it again to re-screen.": "この草稿の元ファイルが不明です。再判定するにはファイルを開き直してください。",
    "Re-screened with the new answers.": "新しい回答で再判定しました。",
    "Re-screening…": "再判定中…",
    "Annotations need the triage log; check the database in Settings.": "注記には判定記録が必要です。設定でデータベースを確認してください。",
    "Annotation saved for claim %1.": "請求項%1の注記を保存しました。",
    "Decisions need the triage log; check the database in Settings.": "方針の記録には判定記録が必要です。設定でデータベースを確認してください。",
    "Decision saved in the triage log.": "出願方針を判定記録に保存しました。",
    "Saving the decision in the triage log…": "出願方針を判定記録に保存しています…",
    "Saving the annotation in the triage log…": "注記を判定記録に保存しています…",
    "Please wait: the previous change is still being saved in the triage log.": "お待ちください。前の変更を判定記録に保存しています。",
    "No triage log is open.": "判定記録が開かれていません。",
    "CSV (*.csv)": "CSV (*.csv)",
    "Excel workbook (*.xlsx)": "Excel ブック (*.xlsx)",
    "PDF report (*.pdf)": "PDF レポート (*.pdf)",
    "Export the triage log": "判定記録をエクスポート",
    "Exported %1 decision(s) to %2": "%1 件の方針を %2 にエクスポートしました",
    "No claims to annotate in this draft: record your view in the decision's rationale.": "この草稿には注記できる請求項がありません。ご意見は出願方針の理由に記入してください。",
    "Cancelled: %1 of %2 draft(s) screened; %3 not screened.": "中止しました：%2 件中 %1 件の草稿を判定し、%3 件は判定していません。",
    "The export period starts after it ends (%1 to %2): change From or to.": "エクスポート期間の開始日が終了日より後です（%1～%2）。開始日または終了日を直してください。",
    "All decisions": "すべての方針",
    "From": "開始日",
    "to": "終了日",
    "Export decisions:": "方針をエクスポート:",
    "Settings saved.": "設定を保存しました。",
    "Settings saved. The new thresholds apply to drafts screened from now on; the levels shown were set with the old ones (open a draft again to re-screen it).": "設定を保存しました。新しいしきい値はこれから判定する草稿に適用されます。表示中の判定は以前のしきい値によるものです（草稿を開き直すと再判定します）。",
    "Log: %1": "判定記録: %1",
    "No triage log open": "判定記録が開かれていません",
    "About": "このアプリについて",
    # queue columns
    "Status": "状態",
    "Triage level": "判定",
    "Level": "判定",
    "Top field": "最有力分野",
    "Likelihood": "該当可能性",
    "Primary review (3 mo.)": "第一次審査期限（3か月）",
    "10 mo. without designation": "10か月（保全指定なし）",
    "Review\ndue": "審査\n期限",
    "If not\ndesignated": "指定なし\n10か月",
    "Claim %1 amended; no field found in it before or after": "請求項%1 補正：変更前も変更後も該当分野なし",
    # labels
    "Clear": "該当なし",
    "Review": "要検討",
    "Likely": "送付の可能性大",
    "Likely referral – file in Japan first": "送付の可能性大 – 第一国出願は日本へ",
    "Possible": "該当の可能性",
    "No": "いいえ",
    "Met": "該当",
    "Partial": "一部該当",
    "Not met": "非該当",
    "Yes": "はい",
    "Unanswered": "未回答",
    "Clear to file abroad": "外国出願可",
    "File in Japan first (Art. 78)": "日本で第一国出願（第78条）",
    "Request prior confirmation (Art. 79)": "事前確認を求める（第79条）",
    "Hold for review": "保留（要検討）",
    "Screened": "判定済み",
    "Draft added": "草稿を登録",
    "Annotation": "注記",
    "Log upgraded": "記録形式を更新",
    "In log": "記録済み",
    "Decided": "方針決定済み",
    "Screening…": "判定中…",
    "verified": "確認済み",
    "unverified": "未確認",
    # draft view
    "Claim": "請求項",
    "Claim %1": "請求項%1",
    "Category": "カテゴリー",
    "Top": "最有力",
    "apparatus": "物",
    "method": "方法",
    "system": "システム",
    "composition": "組成物",
    "use": "用途",
    "program": "プログラム",
    "other": "その他",
    "independent": "独立項",
    "dependent": "従属項",
    "Independent claim": "独立請求項",
    "Dependent claim": "従属請求項",
    "refers to claim(s) %1": "請求項%1を引用",
    "Additional requirements": "付加要件",
    "For defence use (Japan's or a foreign military's)?": "防衛目的（日本または外国の軍事用途）ですか？",
    "From State-commissioned or State-funded R&D?": "国の委託・補助による研究開発の成果ですか？",
    "Annotation for this claim": "この請求項への注記",
    "Why (optional)": "理由（任意）",
    "e.g. F41H 3/00": "例: F41H 3/00",
    "IPC codes known for this draft": "この草稿について判明しているIPCコード",
    "e.g. F41H 3/00, H04K 3/00": "例: F41H 3/00, H04K 3/00",
    "Apply": "適用",
    "Separate codes with commas, semicolons or 、. A field these codes fall in is taken as a fact (likelihood 100%), for every claim. Apply (or Enter) screens the draft again.":
        "複数のコードはカンマ・セミコロン・読点（、）で区切ります。これらのコードが属する分野は事実として扱い、すべての請求項で該当可能性100%とします。「適用」（または Enter）で草稿を再判定します。",
    "Agree": "同意",
    "Disagree": "不同意",
    "Field": "分野",
    "Note": "メモ",
    "Corrected IPC": "修正IPC",
    "Field likelihoods": "分野ごとの該当可能性",
    "Top IPC codes": "予測IPC（上位）",
    "No draft selected. Open a draft (File ▸ Open) or drop files here.": "草稿が選択されていません。草稿を開く（ファイル ▸ 開く）か、ファイルをここにドロップしてください。",
    "top field: %1 (%2)": "最有力分野: %1（%2）",
    "the rule behind this field is not verified": "この分野のルールは公式情報で未確認です",
    "rules %1, model %2": "ルール %1、モデル %2",
    "A screening aid, not legal advice.": "事前判定の補助であり、法的助言ではありません。",
    "(no IPC prediction)": "（IPC予測なし）",
    "(whole claim)": "（請求項全体）",
    "This draft has no claims section; it was screened as a whole text.": "この草稿には特許請求の範囲がないため、全文で判定しました。",
    "Evidence:": "根拠:",
    "Also found in: %1": "請求項以外の根拠: %1",
    "No evidence terms found in this claim.": "この請求項に根拠となる語は見つかりませんでした。",
    "Rule": "ルール",
    # decision panel
    "Required: why this decision was taken": "必須: この方針とした理由",
    "Completed in Japan": "日本国内で発明を完成",
    "Partly in Japan, partly abroad": "日本国内と国外で発明を完成",
    "Completed outside Japan": "日本国外で発明を完成",
    "Unknown": "不明",
    "e.g. US, EP, CN": "例: US, EP, CN",
    "Filed in Japan on": "日本出願日",
    "Save decision": "方針を保存",
    "Saving…": "保存中…",
    "Rationale": "理由",
    "Place of completion": "発明の完成地",
    "Planned countries": "外国出願予定国",
    "JP filing": "日本出願",
    "Primary review due (3 months)": "第一次審査期限（出願から3か月）",
    "10 months without designation": "保全指定なしで10か月を経過する日",
    "JP filing date in the future": "将来の日本出願日",
    "Filing facts and clearance plan": "出願関係事実と出願前の許可等の計画",
    "One per line: name: residence: nationality: where made, e.g. Yamada: JP: JP: JP": "1行に1人：氏名: 居住国: 国籍: 担当部分の完成地（例：山田: JP: JP: JP）",
    "One per line: name: seat, e.g. Acme KK: JP": "1行に1者：名称: 本拠（例：株式会社アクメ: JP）",
    "One per line: office[@receiving office][: date], e.g. PCT@JP: 2027-01-15 (date!: filed)": "1行に1件：出願先[@受理官庁][: 日付]（例：PCT@JP: 2027-01-15。日付の後に ! で出願済み）",
    "One per line: rule: asked on[: granted on], e.g. US: 2026-12-01": "1行に1件：規則の国: 求めた日[: 得た日]（例：US: 2026-12-01）",
    "Clearance plan": "出願前の許可等の計画",
    "Inventors": "発明者",
    "Applicants": "出願人",
    "Planned filings": "出願予定",
    "Clearances asked for": "求めた許可等",
    "By then the JPO has referred the application for security review or not; it tells you it will not refer it only on your request (申出).":
        "この日までに特許庁は保全審査に付すかどうかを決めます。付さない旨の通知は出願人の申出があった場合に限り行われます。",
    "Foreign filing from this date only if no security designation was made by then (not an unconditional release; the exact release events are unconfirmed).":
        "この日までに保全指定がされなかった場合に限り、この日から外国出願が可能です（無条件の解除ではなく、正確な解除の時点は未確認です）。",
    "Decision history of this draft": "この草稿の方針履歴",
    "No draft selected.": "草稿が選択されていません。",
    "in Japan": "日本国内",
    "in Japan and abroad": "日本国内と国外",
    "outside Japan": "日本国外",
    "place unknown": "完成地不明",
    "3 mo.": "3か月",
    "10 mo.": "10か月",
    "residences: %1": "居住国: %1",
    "not recorded": "記録なし",
    "none given": "入力なし",
    "completed abroad: %1": "国外の完成地: %1",
    "Japan is not a place abroad: choose 'Completed in Japan', or list only the other countries.":
        "日本は国外ではありません。「日本国内で発明を完成」を選ぶか、日本以外の国だけを入力してください。",
    "Partly abroad: list the countries other than Japan where it was completed, or choose 'Completed in Japan'.":
        "日本国内と国外で完成した発明には日本以外の完成国が必要です。国名を入力するか、「日本国内で発明を完成」を選んでください。",
    "Abroad: not recorded": "国外の完成地: 記録なし",
    "A decision needs a rationale: write why it was taken.": "方針には理由が必要です。理由を記入してください。",
    # decision panel: the foreign-filing checklist
    "Completed in, e.g. US": "完成国（例: US）",
    "e.g. JP, IN": "例: JP, IN",
    "Inventors / applicant reside in": "発明者・出願人の居住国",
    "Foreign-filing checklist": "外国出願チェックリスト",
    "Country": "国",
    "Applies": "適用",
    "What to do": "必要な手続",
    "Waiting period": "待機期間",
    "Screening aid, not legal advice.": "事前判定の補助であり、法的助言ではありません。",
    "not screened": "未判定",
    "From the draft: triage level %1 · for defence use: %2": "草稿の情報: 判定 %1 ・ 防衛目的: %2",
    "Place of completion unknown: rules that depend on where the invention was made (e.g. Japan's) are not checked.": "発明の完成地が不明のため、発明がなされた国で適用が決まるルール（日本など）は確認していません。",
    "Not a country code (ignored): %1": "国コードではないため無視しました: %1",
    "No rule in the checklist applies to these facts.": "この条件で適用されるチェックリストのルールはありません。",
    "Enter where the invention was completed, where the inventors and the applicant reside, and the planned countries.": "発明の完成地、発明者・出願人の居住国、外国出願予定国を入力してください。",
    "Why": "適用理由",
    "Law": "根拠法令",
    "Penalty": "罰則",
    "Sources": "出典",
    # log view
    "#": "#",
    "When (UTC)": "日時（UTC）",
    "Who": "担当者",
    "What": "内容",
    "Details": "詳細",
    "All events": "すべての記録",
    "Reviewer": "担当者",
    "Search history": "履歴を検索",
    "Refresh": "更新",
    "Export…": "エクスポート…",
    "Show": "表示",
    "Drafts per triage level, by month": "月別・判定別の草稿数",
    "Flagged drafts per top field, by month": "月別・分野別の要確認草稿数",
    "No drafts in the log yet": "判定記録にまだ草稿がありません",
    # dialogs
    "Files that could not be screened": "判定できなかったファイル",
    "File": "ファイル",
    "Code": "コード",
    "Reason": "理由",
    "Enter password…": "パスワードを入力…",
    "PDF password": "PDF のパスワード",
    "Password for %1:": "%1 のパスワード:",
    "Keyboard shortcuts": "キーボードショートカット",
    "Action": "操作",
    "Shortcut": "ショートカット",
    "Open the latest backup (%1)": "最新のバックアップを開く（%1）",
    "Start a new log (%1)": "新しい判定記録を作成（%1）",
    "Continue without a log": "判定記録なしで続ける",
    "The triage log is now %1 (saved in Settings).": "判定記録を %1 に切り替えました（設定に保存しました）。",
    # settings
    "Settings": "設定",
    "Default: your login name": "既定: ログイン名",
    "Default: the per-user data folder": "既定: ユーザーごとのデータフォルダー",
    "Optional folder with your own rule files": "独自ルールファイルのフォルダー（任意）",
    "Automatic (system language)": "自動（システムの言語）",
    "Reviewer name": "担当者名",
    "Triage log database": "判定記録データベース",
    "Review threshold": "要検討のしきい値",
    "Likely-referral threshold": "送付の可能性大のしきい値",
    "User rules folder": "ユーザールールフォルダー",
    "Language": "言語",
    "Thresholds apply to the highest field likelihood of a draft.": "しきい値は草稿の最も高い分野該当可能性に適用されます。",
    "Browse…": "参照…",
    "SQLite database (*.sqlite *.db)": "SQLite データベース (*.sqlite *.db)",
    "Thresholds": "しきい値",
    "Use the model's recommended thresholds": "モデルの推奨しきい値を使う",
    "The model's recommended thresholds are not available: %1": "モデルの推奨しきい値を読み込めません: %1",
    "The model's recommended value (untick the box above to set your own)": "モデルの推奨値です（独自の値にするには上のチェックを外してください）",
    "The model's operating points": "モデルの動作点",
    "Recommended": "推奨",
    "Recall": "再現率",
    "Flag rate": "要検討となる割合",
    "These figures come from real full drafts, each scored by a model that had not learnt from it (out-of-fold scores; the flag rate at 1 % prevalence).": "これらの数値は、実在の草稿全文を、その草稿を学習していないモデルで判定して測ったものです（交差検証による値。要検討となる割合は、該当する草稿が1%の場合の値）。",
    "Share of sensitive drafts flagged (recall) and of all drafts flagged at 1 % prevalence (flag rate) at each review threshold, from out-of-fold scores of real full drafts. Double-click a row to use its threshold.": "各「要検討のしきい値」で、該当する草稿のうち要検討となる割合（再現率）と、該当する草稿が1%の場合に全草稿のうち要検討となる割合を示します（実在の草稿全文の交差検証による値）。行をダブルクリックすると、そのしきい値を使います。",
    # about
    "Screens draft patent applications for the specified technology fields of the Economic Security Promotion Act before filing abroad.": "外国出願の前に、特許出願の草稿が経済安全保障推進法の特定技術分野に該当するかを事前に判定します。",
    "Every verdict shows its evidence and whether the rule behind it is verified.": "すべての判定に根拠と、そのルールが確認済みかどうかを表示します。",
    "Drafts never leave this computer: the workbench uses no network.": "草稿はこのコンピューターの外に出ません。本ツールはネットワークを使用しません。",
    "Japanese text needs a CJK font: the setup installs IPA Gothic (fonts-ipafont-gothic).": "日本語の表示には CJK フォントが必要です。セットアップで IPA ゴシック（fonts-ipafont-gothic）をインストールします。",
    "Font in use for Japanese:": "日本語表示に使用中のフォント:",
    "none found – install fonts-ipafont-gothic": "見つかりません – fonts-ipafont-gothic をインストールしてください",
    # draft view: where evidence outside the claims was found
    "title": "発明の名称",
    "abstract": "要約",
    "technical field": "技術分野",
    "description": "明細書",
    "predicted IPC": "予測IPC",
    # dayjob (issue 16): links to sources, keyboard annotations held until saved, export endings
    "Hover over a row for why it applies and the law; its sources are listed below as links.":
        "行にポインターを合わせると、適用される理由と法令が表示されます。出典は下にリンクで示します。",
    "Sources for %1:": "%1 の出典:",
    "partly verified (see the note)": "一部確認済み（注を参照）",
    "Save": "保存",
    "Undo": "取り消す",
    "Annotations of this draft": "この草稿の注記",
    "Claim %1 has no field flagged: there is no flag to agree or disagree with.":
        "請求項%1には該当の可能性がある分野がありません。同意・不同意する判定がありません。",
    "Choose the field of claim %1 to annotate first (Field, in the annotation panel).":
        "先に請求項%1の注記する分野を選んでください（注記欄の「分野」）。",
    "Agree with field %1 on claim %2": "請求項%2の分野 %1 の判定に同意",
    "Disagree with field %1 on claim %2": "請求項%2の分野 %1 の判定に不同意",
    "not saved yet: Save (Ctrl+S) or Undo (Ctrl+Z)": "未保存です。保存（Ctrl+S）または取り消し（Ctrl+Z）",
    "Sa&ve the pending annotation": "保留中の注記を保存(&V)",
    "&Undo the pending annotation": "保留中の注記を取り消す(&U)",
    "The annotation of claim %1 was not saved (another draft was opened): nothing was recorded.":
        "請求項%1の注記は保存されていません（別の草稿を開いたため）。何も記録されていません。",
    "Annotation of claim %1 undone: nothing was recorded.": "請求項%1の注記を取り消しました。何も記録されていません。",
    # dayjob: draft versions of a matter
    "on version %1": "第%1版に対して",
    "version %1": "第%1版",
    "v%1": "第%1版",
    "version %1 of %2": "第%1版（全%2版）",
    "from version %1": "第%1版から引き継ぎ",
    "claim %1": "請求項%1",
    "claim %1 of version %2 (removed)": "第%2版の請求項%1（削除）",
    "Re-review %1%2: was '%3' (%4) before the claim changed": "要再確認 %1%2：請求項の変更前は「%3」（%4）",
    "Changes since version %1: %2 unchanged, %3 amended, %4 added, %5 removed":
        "第%1版からの変更：変更なし %2 件、補正 %3 件、追加 %4 件、削除 %5 件",
    "no field": "分野なし",
    "New version": "新しい版",
    "Annotations carried over": "注記の引き継ぎ",
    "amended since version %1": "第%1版から補正",
    "added since version %1": "第%1版の後に追加",
    "Claim %1 amended: top field %2 → %3": "請求項%1 補正：最有力分野 %2 → %3",
    "Claim %1 added: top field %2": "請求項%1 追加：最有力分野 %2",
    "Claim %1 of version %2 removed (top field was %3)": "第%2版の請求項%1 削除（最有力分野は %3）",
    "Claim %1 unchanged, now claim %2": "請求項%1 変更なし、現在は請求項%2",
    "The file name ends in .%1, so the log is exported as %2 (not %3).":
        "ファイル名の拡張子が .%1 のため、判定記録を %2 でエクスポートします（%3 ではありません）。",
}


def tool(name: str) -> str:
    exe = Path(sys.executable).with_name(name)
    if exe.exists():
        return str(exe)
    found = shutil.which(name)
    if found:
        return found
    import PySide6

    for cand in (Path(PySide6.__file__).parent / name.removeprefix("pyside6-"), Path(PySide6.__file__).parent / "Qt" / "libexec" / name.removeprefix("pyside6-")):
        if cand.exists():
            return str(cand)
    raise SystemExit(f"{name} not found; install PySide6-Essentials")


def extract() -> None:
    sources = sorted(str(p) for p in UI.rglob("*.py") if "translations" not in p.parts)
    subprocess.run([tool("pyside6-lupdate"), *sources, "-no-obsolete", "-ts", str(TS), "-target-language", "ja_JP"], check=True)


def fill() -> list[str]:
    tree = ET.parse(TS)
    missing = []
    for msg in tree.iter("message"):
        src = msg.findtext("source") or ""
        tr = msg.find("translation")
        ja = JA.get(src)
        if ja is None:
            missing.append(src)
            continue
        tr.attrib.pop("type", None)
        if msg.get("numerus") == "yes":
            for child in list(tr):
                tr.remove(child)
            ET.SubElement(tr, "numerusform").text = ja
        else:
            tr.text = ja
    for ctx in tree.getroot().findall("context"):  # coded errors are the core's (workbench/errors_ja.py)
        if ctx.findtext("name") == "Errors":
            tree.getroot().remove(ctx)
    ET.indent(tree)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    with open(TS, "r+", encoding="utf-8") as f:  # keep Qt's DOCTYPE line
        text = f.read().replace("<?xml version='1.0' encoding='utf-8'?>", '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>', 1)
        f.seek(0)
        f.write(text)
        f.truncate()
    return missing


def compile_qm() -> None:
    subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(QM)], check=True)


def main() -> int:
    extract()
    missing = fill()
    compile_qm()
    if missing:
        print("untranslated:", *missing, sep="\n  ")
        return 1
    print(f"{TS.name}: all strings translated; compiled {QM.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
