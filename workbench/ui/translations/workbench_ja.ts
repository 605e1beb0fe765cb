<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
  <context>
    <name>About</name>
    <message>
      <location filename="../dialogs.py" line="113" />
      <source>Patent Non-Disclosure Triage Workbench</source>
      <translation>特許出願非公開 事前判定ワークベンチ</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="114" />
      <source>Screens draft patent applications for the specified technology fields of the Economic Security Promotion Act before filing abroad.</source>
      <translation>外国出願の前に、特許出願の草稿が経済安全保障推進法の特定技術分野に該当するかを事前に判定します。</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="115" />
      <source>A screening aid, not legal advice.</source>
      <translation>事前判定の補助であり、法的助言ではありません。</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="116" />
      <source>Every verdict shows its evidence and whether the rule behind it is verified.</source>
      <translation>すべての判定に根拠と、そのルールが確認済みかどうかを表示します。</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="117" />
      <source>Drafts never leave this computer: the workbench uses no network.</source>
      <translation>草稿はこのコンピューターの外に出ません。本ツールはネットワークを使用しません。</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="118" />
      <source>Japanese text needs a CJK font: the setup installs IPA Gothic (fonts-ipafont-gothic).</source>
      <translation>日本語の表示には CJK フォントが必要です。セットアップで IPA ゴシック（fonts-ipafont-gothic）をインストールします。</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="119" />
      <source>Font in use for Japanese:</source>
      <translation>日本語表示に使用中のフォント:</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="120" />
      <source>none found – install fonts-ipafont-gothic</source>
      <translation>見つかりません – fonts-ipafont-gothic をインストールしてください</translation>
    </message>
  </context>
  <context>
    <name>App</name>
    <message>
      <location filename="../app.py" line="94" />
      <source>Triage log</source>
      <translation>判定記録</translation>
    </message>
    <message>
      <location filename="../app.py" line="97" />
      <source>Open the latest backup (%1)</source>
      <translation>最新のバックアップを開く（%1）</translation>
    </message>
    <message>
      <location filename="../app.py" line="99" />
      <source>Start a new log (%1)</source>
      <translation>新しい判定記録を作成（%1）</translation>
    </message>
    <message>
      <location filename="../app.py" line="100" />
      <source>Continue without a log</source>
      <translation>判定記録なしで続ける</translation>
    </message>
    <message>
      <location filename="../app.py" line="125" />
      <source>The triage log is now %1 (saved in Settings).</source>
      <translation>判定記録を %1 に切り替えました（設定に保存しました）。</translation>
    </message>
  </context>
  <context>
    <name>BarChart</name>
    <message>
      <location filename="../bar_chart.py" line="79" />
      <source>No drafts in the log yet</source>
      <translation>判定記録にまだ草稿がありません</translation>
    </message>
  </context>
  <context>
    <name>BatchFailuresDialog</name>
    <message>
      <location filename="../dialogs.py" line="70" />
      <source>Files that could not be screened</source>
      <translation>判定できなかったファイル</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="73" />
      <source>File</source>
      <translation>ファイル</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="73" />
      <source>Code</source>
      <translation>コード</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="73" />
      <source>Reason</source>
      <translation>理由</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="86" />
      <source>Enter password…</source>
      <translation>パスワードを入力…</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="96" />
      <source>PDF password</source>
      <translation>PDF のパスワード</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="96" />
      <source>Password for %1:</source>
      <translation>%1 のパスワード:</translation>
    </message>
  </context>
  <context>
    <name>ClaimTreeModel</name>
    <message>
      <location filename="../models/claims.py" line="30" />
      <source>Claim</source>
      <translation>請求項</translation>
    </message>
    <message>
      <location filename="../models/claims.py" line="30" />
      <source>Category</source>
      <translation>カテゴリー</translation>
    </message>
    <message>
      <location filename="../models/claims.py" line="30" />
      <source>Top</source>
      <translation>最有力</translation>
    </message>
    <message>
      <location filename="../models/claims.py" line="48" />
      <source>independent</source>
      <translation>独立項</translation>
    </message>
    <message>
      <location filename="../models/claims.py" line="48" />
      <source>dependent</source>
      <translation>従属項</translation>
    </message>
  </context>
  <context>
    <name>DecisionPanel</name>
    <message>
      <location filename="../decision_panel.py" line="86" />
      <source>Required: why this decision was taken</source>
      <translation>必須: この方針とした理由</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="90" />
      <source>Completed in Japan</source>
      <translation>日本国内で発明を完成</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="92" />
      <source>Completed outside Japan</source>
      <translation>日本国外で発明を完成</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="93" />
      <source>Unknown</source>
      <translation>不明</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="100" />
      <source>Completed in, e.g. US</source>
      <translation>完成国（例: US）</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="104" />
      <source>e.g. US, EP, CN</source>
      <translation>例: US, EP, CN</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="106" />
      <source>e.g. JP, IN</source>
      <translation>例: JP, IN</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="107" />
      <source>Filed in Japan on</source>
      <translation>日本出願日</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="126" />
      <location filename="../decision_panel.py" line="819" />
      <source>Save decision</source>
      <translation>方針を保存</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="56" />
      <location filename="../decision_panel.py" line="171" />
      <location filename="../decision_panel.py" line="181" />
      <source>Foreign-filing checklist</source>
      <translation>外国出願チェックリスト</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="91" />
      <source>Partly in Japan, partly abroad</source>
      <translation>日本国内と国外で発明を完成</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="117" />
      <source>By then the JPO has referred the application for security review or not; it tells you it will not refer it only on your request (申出).</source>
      <translation>この日までに特許庁は保全審査に付すかどうかを決めます。付さない旨の通知は出願人の申出があった場合に限り行われます。</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="121" />
      <source>Foreign filing from this date only if no security designation was made by then (not an unconditional release; the exact release events are unconfirmed).</source>
      <translation>この日までに保全指定がされなかった場合に限り、この日から外国出願が可能です（無条件の解除ではなく、正確な解除の時点は未確認です）。</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="131" />
      <source>Filing facts and clearance plan</source>
      <translation>出願関係事実と出願前の許可等の計画</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="132" />
      <source>One per line: name: residence: nationality: where made, e.g. Yamada: JP: JP: JP</source>
      <translation>1行に1人：氏名: 居住国: 国籍: 担当部分の完成地（例：山田: JP: JP: JP）</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="133" />
      <source>One per line: name: seat, e.g. Acme KK: JP</source>
      <translation>1行に1者：名称: 本拠（例：株式会社アクメ: JP）</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="134" />
      <source>One per line: office[@receiving office][: date], e.g. PCT@JP: 2027-01-15 (date!: filed)</source>
      <translation>1行に1件：出願先[@受理官庁][: 日付]（例：PCT@JP: 2027-01-15。日付の後に ! で出願済み）</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="135" />
      <source>One per line: rule: asked on[: granted on], e.g. US: 2026-12-01</source>
      <translation>1行に1件：規則の国: 求めた日[: 得た日]（例：US: 2026-12-01）</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="141" />
      <source>Clearance plan</source>
      <translation>出願前の許可等の計画</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="178" />
      <source>Country</source>
      <translation>国</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="178" />
      <source>Applies</source>
      <translation>適用</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="178" />
      <source>What to do</source>
      <translation>必要な手続</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="178" />
      <source>Waiting period</source>
      <translation>待機期間</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="178" />
      <source>Rule</source>
      <translation>ルール</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="194" />
      <source>Screening aid, not legal advice.</source>
      <translation>事前判定の補助であり、法的助言ではありません。</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="195" />
      <source>Hover over a row for why it applies and the law; its sources are listed below as links.</source>
      <translation>行にポインターを合わせると、適用される理由と法令が表示されます。出典は下にリンクで示します。</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="223" />
      <source>Decision</source>
      <translation>出願方針</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="224" />
      <source>Rationale</source>
      <translation>理由</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="228" />
      <source>Place of completion</source>
      <translation>発明の完成地</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="229" />
      <source>Planned countries</source>
      <translation>外国出願予定国</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="230" />
      <source>Inventors / applicant reside in</source>
      <translation>発明者・出願人の居住国</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="235" />
      <source>JP filing</source>
      <translation>日本出願</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="236" />
      <source>Primary review due (3 months)</source>
      <translation>第一次審査期限（出願から3か月）</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="237" />
      <source>10 months without designation</source>
      <translation>保全指定なしで10か月を経過する日</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="264" />
      <source>Inventors</source>
      <translation>発明者</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="265" />
      <source>Applicants</source>
      <translation>出願人</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="266" />
      <source>Planned filings</source>
      <translation>出願予定</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="267" />
      <source>Clearances asked for</source>
      <translation>求めた許可等</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="274" />
      <source>Decision history of this draft</source>
      <translation>この草稿の方針履歴</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="305" />
      <source>No draft selected.</source>
      <translation>草稿が選択されていません。</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="404" />
      <source>Abroad: not recorded</source>
      <translation>国外の完成地: 記録なし</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="438" />
      <source>not screened</source>
      <translation>未判定</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="440" />
      <source>From the draft: triage level %1 · for defence use: %2</source>
      <translation>草稿の情報: 判定 %1 ・ 防衛目的: %2</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="450" />
      <source>Place of completion unknown: rules that depend on where the invention was made (e.g. Japan's) are not checked.</source>
      <translation>発明の完成地が不明のため、発明がなされた国で適用が決まるルール（日本など）は確認していません。</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="452" />
      <source>Not a country code (ignored): %1</source>
      <translation>国コードではないため無視しました: %1</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="455" />
      <source>No rule in the checklist applies to these facts.</source>
      <translation>この条件で適用されるチェックリストのルールはありません。</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="457" />
      <source>Enter where the invention was completed, where the inventors and the applicant reside, and the planned countries.</source>
      <translation>発明の完成地、発明者・出願人の居住国、外国出願予定国を入力してください。</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="542" />
      <source>Yes</source>
      <translation>はい</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="542" />
      <source>Possible</source>
      <translation>該当の可能性</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="581" />
      <source>Sources for %1:</source>
      <translation>%1 の出典:</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="609" />
      <source>Why</source>
      <translation>適用理由</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="609" />
      <source>Law</source>
      <translation>根拠法令</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="609" />
      <source>Penalty</source>
      <translation>罰則</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="609" />
      <source>Note</source>
      <translation>メモ</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="609" />
      <source>Sources</source>
      <translation>出典</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="613" />
      <source>partly verified (see the note)</source>
      <translation>一部確認済み（注を参照）</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="631" />
      <source>in Japan</source>
      <translation>日本国内</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="631" />
      <source>outside Japan</source>
      <translation>日本国外</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="631" />
      <source>in Japan and abroad</source>
      <translation>日本国内と国外</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="632" />
      <source>place unknown</source>
      <translation>完成地不明</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="634" />
      <source>3 mo.</source>
      <translation>3か月</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="634" />
      <source>10 mo.</source>
      <translation>10か月</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="638" />
      <source>residences: %1</source>
      <translation>居住国: %1</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="639" />
      <source>completed abroad: %1</source>
      <translation>国外の完成地: %1</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="651" />
      <source>on version %1</source>
      <translation>第%1版に対して</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="660" />
      <source>not recorded</source>
      <translation>記録なし</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="661" />
      <source>none given</source>
      <translation>入力なし</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="819" />
      <source>Saving…</source>
      <translation>保存中…</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="844" />
      <source>Partly abroad: list the countries other than Japan where it was completed, or choose 'Completed in Japan'.</source>
      <translation>日本国内と国外で完成した発明には日本以外の完成国が必要です。国名を入力するか、「日本国内で発明を完成」を選んでください。</translation>
    </message>
    <message>
      <location filename="../decision_panel.py" line="874" />
      <source>JP filing date in the future</source>
      <translation>将来の日本出願日</translation>
    </message>
  </context>
  <context>
    <name>DraftView</name>
    <message>
      <location filename="../draft_view.py" line="188" />
      <source>Additional requirements</source>
      <translation>付加要件</translation>
    </message>
    <message>
      <location filename="../draft_view.py" line="190" />
      <source>For defence use (Japan's or a foreign military's)?</source>
      <translation>防衛目的（日本または外国の軍事用途）ですか？</translation>
    </message>
    <message>
      <location filename="../draft_view.py" line="192" />
      <source>From State-commissioned or State-funded R&amp;D?</source>
      <translation>国の委託・補助による研究開発の成果ですか？</translation>
    </message>
    <message>
      <location filename="../draft_view.py" line="197" />
      <source>e.g. F41H 3/00, H04K 3/00</source>
      <translation>例: F41H 3/00, H04K 3/00</translation>
    </message>
    <message>
      <location filename="../draft_view.py" line="199" />
      <source>Separate codes with commas, semicolons or 、. A field these codes fall in is taken as a fact (likelihood 100%), for every claim. Apply (or Enter) screens the draft again.</source>
      <translation>複数のコードはカンマ・セミコロン・読点（、）で区切ります。これらのコードが属する分野は事実として扱い、すべての請求項で該当可能性100%とします。「適用」（または Enter）で草稿を再判定します。</translation>
    </message>
    <message>
      <location filename="../draft_view.py" line="203" />
      <source>Apply</source>
      <translation>適用</translation>
    </message>
    <message>
      <location filename="../draft_view.py" line="208" />
      <source>IPC codes known for this draft</source>
      <translation>この草稿について判明しているIPCコード</translation>
    </message>
    <message>
      <location filename="../draft_view.py" line="213" />
      <source>Annotation for this claim</source>
      <translation>この請求項への注記</translation>
    </message>
    <message>
      <location filename="../draft_view.py" line="218" />
      <source>Why (optional)</source>
      <translation>理由（任意）</translation>
    </message>
    <message>
      <location filename="../draft_view.py" line="220" />
      <source>e.g. F41H 3/00</source>
      <translation>例: F41H 3/00</translation>
    </message>
    <message>
      <location filename="../draft_view.py" line="221" />
      <source>Agree</source>
      <translation>同意</translation>
    </message>
    <message>
      <location filename="../draft_view.py" line="222" />
      <source>Disagree</source>
      <translation>不同意</translation>
    </message>
    <message>
      <location filename="../draft_view.py" line="231" />
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <location filename="../draft_view.py" line="232" />
      <source>Undo</source>
      <translation>取り消す</translation>
    </message>
    <message>
      <location filename="../draft_view.py" line="245" />
      <source>Field</source>
      <translation>分野</translation>
    </message>
    <message>
      <location filename="../draft_view.py" line="247" />
      <source>Note</source>
      <translation>メモ</translation>
    </message>
    <message>
      <location filename="../draft_view.py" line="249" />
      <source>Corrected IPC</source>
      <translation>修正IPC</translation>
    </message>
    <message>
      <location filename="../draft_view.py" line="277" />
      <source>Field likelihoods</source>
      <translation>分野ごとの該当可能性</translation>
    </message>
    <message>
      <location filename="../draft_view.py" line="283" />
      <source>Top IPC codes</source>
      <translation>予測IPC（上位）</translation>
    </message>
    <message>
      <location filename="../draft_view.py" line="286" />
      <source>Annotations of this draft</source>
      <translation>この草稿の注記</translation>
    </message>
    <message>
      <location filename="../draft_view.py" line="371" />
      <source>No draft selected. Open a draft (File ▸ Open) or drop files here.</source>
      <translation>草稿が選択されていません。草稿を開く（ファイル ▸ 開く）か、ファイルをここにドロップしてください。</translation>
    </message>
    <message>
      <location filename="../draft_view.py" line="402" />
      <source>top field: %1 (%2)</source>
      <translation>最有力分野: %1（%2）</translation>
    </message>
    <message>
      <location filename="../draft_view.py" line="405" />
      <source>the rule behind this field is not verified</source>
      <translation>この分野のルールは公式情報で未確認です</translation>
    </message>
    <message>
      <location filename="../draft_view.py" line="408" />
      <source>version %1 of %2</source>
      <translation>第%1版（全%2版）</translation>
    </message>
    <message>
      <location filename="../draft_view.py" line="409" />
      <source>rules %1, model %2</source>
      <translation>ルール %1、モデル %2</translation>
    </message>
    <message>
      <location filename="../draft_view.py" line="412" />
      <source>A screening aid, not legal advice.</source>
      <translation>事前判定の補助であり、法的助言ではありません。</translation>
    </message>
    <message>
      <location filename="../draft_view.py" line="425" />
      <source>from version %1</source>
      <translation>第%1版から引き継ぎ</translation>
    </message>
    <message>
      <location filename="../draft_view.py" line="431" />
      <location filename="../draft_view.py" line="513" />
      <source>claim %1</source>
      <translation>請求項%1</translation>
    </message>
    <message>
      <location filename="../draft_view.py" line="432" />
      <location filename="../draft_view.py" line="514" />
      <source>claim %1 of version %2 (removed)</source>
      <translation>第%2版の請求項%1（削除）</translation>
    </message>
    <message>
      <location filename="../draft_view.py" line="436" />
      <location filename="../draft_view.py" line="517" />
      <source>Re-review %1%2: was '%3' (%4) before the claim changed</source>
      <translation>要再確認 %1%2：請求項の変更前は「%3」（%4）</translation>
    </message>
    <message>
      <location filename="../draft_view.py" line="473" />
      <source>amended since version %1</source>
      <translation>第%1版から補正</translation>
    </message>
    <message>
      <location filename="../draft_view.py" line="475" />
      <source>added since version %1</source>
      <translation>第%1版の後に追加</translation>
    </message>
    <message>
      <location filename="../draft_view.py" line="503" />
      <source>Changes since version %1: %2 unchanged, %3 amended, %4 added, %5 removed</source>
      <translation>第%1版からの変更：変更なし %2 件、補正 %3 件、追加 %4 件、削除 %5 件</translation>
    </message>
    <message>
      <location filename="../draft_view.py" line="509" />
      <source>no field</source>
      <translation>分野なし</translation>
    </message>
    <message>
      <location filename="../draft_view.py" line="522" />
      <source>Claim %1 amended; no field found in it before or after</source>
      <translation>請求項%1 補正：変更前も変更後も該当分野なし</translation>
    </message>
    <message>
      <location filename="../draft_view.py" line="524" />
      <source>Claim %1 amended: top field %2 → %3</source>
      <translation>請求項%1 補正：最有力分野 %2 → %3</translation>
    </message>
    <message>
      <location filename="../draft_view.py" line="527" />
      <source>Claim %1 added: top field %2</source>
      <translation>請求項%1 追加：最有力分野 %2</translation>
    </message>
    <message>
      <location filename="../draft_view.py" line="529" />
      <source>Claim %1 of version %2 removed (top field was %3)</source>
      <translation>第%2版の請求項%1 削除（最有力分野は %3）</translation>
    </message>
    <message>
      <location filename="../draft_view.py" line="532" />
      <source>Claim %1 unchanged, now claim %2</source>
      <translation>請求項%1 変更なし、現在は請求項%2</translation>
    </message>
    <message>
      <location filename="../draft_view.py" line="628" />
      <source>(no IPC prediction)</source>
      <translation>（IPC予測なし）</translation>
    </message>
    <message>
      <location filename="../draft_view.py" line="655" />
      <source>No claims to annotate in this draft: record your view in the decision's rationale.</source>
      <translation>この草稿には注記できる請求項がありません。ご意見は出願方針の理由に記入してください。</translation>
    </message>
    <message>
      <location filename="../draft_view.py" line="670" />
      <source>(whole claim)</source>
      <translation>（請求項全体）</translation>
    </message>
    <message>
      <location filename="../draft_view.py" line="703" />
      <source>This draft has no claims section; it was screened as a whole text.</source>
      <translation>この草稿には特許請求の範囲がないため、全文で判定しました。</translation>
    </message>
    <message>
      <location filename="../draft_view.py" line="709" />
      <source>Independent claim</source>
      <translation>独立請求項</translation>
    </message>
    <message>
      <location filename="../draft_view.py" line="709" />
      <source>Dependent claim</source>
      <translation>従属請求項</translation>
    </message>
    <message>
      <location filename="../draft_view.py" line="713" />
      <source>Claim %1</source>
      <translation>請求項%1</translation>
    </message>
    <message>
      <location filename="../draft_view.py" line="715" />
      <source>refers to claim(s) %1</source>
      <translation>請求項%1を引用</translation>
    </message>
    <message>
      <location filename="../draft_view.py" line="745" />
      <source>Evidence:</source>
      <translation>根拠:</translation>
    </message>
    <message>
      <location filename="../draft_view.py" line="748" />
      <source>No evidence terms found in this claim.</source>
      <translation>この請求項に根拠となる語は見つかりませんでした。</translation>
    </message>
    <message>
      <location filename="../draft_view.py" line="816" />
      <source>Also found in: %1</source>
      <translation>請求項以外の根拠: %1</translation>
    </message>
    <message>
      <location filename="../draft_view.py" line="822" />
      <source>title</source>
      <translation>発明の名称</translation>
    </message>
    <message>
      <location filename="../draft_view.py" line="823" />
      <source>abstract</source>
      <translation>要約</translation>
    </message>
    <message>
      <location filename="../draft_view.py" line="824" />
      <source>technical field</source>
      <translation>技術分野</translation>
    </message>
    <message>
      <location filename="../draft_view.py" line="825" />
      <source>description</source>
      <translation>明細書</translation>
    </message>
    <message>
      <location filename="../draft_view.py" line="826" />
      <source>predicted IPC</source>
      <translation>予測IPC</translation>
    </message>
    <message>
      <location filename="../draft_view.py" line="869" />
      <source>Claim %1 has no field flagged: there is no flag to agree or disagree with.</source>
      <translation>請求項%1には該当の可能性がある分野がありません。同意・不同意する判定がありません。</translation>
    </message>
    <message>
      <location filename="../draft_view.py" line="874" />
      <source>Choose the field of claim %1 to annotate first (Field, in the annotation panel).</source>
      <translation>先に請求項%1の注記する分野を選んでください（注記欄の「分野」）。</translation>
    </message>
    <message>
      <location filename="../draft_view.py" line="892" />
      <source>Agree with field %1 on claim %2</source>
      <translation>請求項%2の分野 %1 の判定に同意</translation>
    </message>
    <message>
      <location filename="../draft_view.py" line="893" />
      <source>Disagree with field %1 on claim %2</source>
      <translation>請求項%2の分野 %1 の判定に不同意</translation>
    </message>
    <message>
      <location filename="../draft_view.py" line="895" />
      <source>not saved yet: Save (Ctrl+S) or Undo (Ctrl+Z)</source>
      <translation>未保存です。保存（Ctrl+S）または取り消し（Ctrl+Z）</translation>
    </message>
  </context>
  <context>
    <name>FieldTableModel</name>
    <message>
      <location filename="../models/claims.py" line="131" />
      <source>Field</source>
      <translation>分野</translation>
    </message>
    <message>
      <location filename="../models/claims.py" line="131" />
      <source>Status</source>
      <translation>状態</translation>
    </message>
    <message>
      <location filename="../models/claims.py" line="131" />
      <source>Likelihood</source>
      <translation>該当可能性</translation>
    </message>
    <message>
      <location filename="../models/claims.py" line="131" />
      <source>Rule</source>
      <translation>ルール</translation>
    </message>
  </context>
  <context>
    <name>HistoryModel</name>
    <message>
      <location filename="../models/history.py" line="60" />
      <source>#</source>
      <translation>#</translation>
    </message>
    <message>
      <location filename="../models/history.py" line="60" />
      <source>When (UTC)</source>
      <translation>日時（UTC）</translation>
    </message>
    <message>
      <location filename="../models/history.py" line="60" />
      <source>Who</source>
      <translation>担当者</translation>
    </message>
    <message>
      <location filename="../models/history.py" line="60" />
      <source>What</source>
      <translation>内容</translation>
    </message>
    <message>
      <location filename="../models/history.py" line="60" />
      <source>Draft</source>
      <translation>草稿</translation>
    </message>
    <message>
      <location filename="../models/history.py" line="60" />
      <source>Details</source>
      <translation>詳細</translation>
    </message>
  </context>
  <context>
    <name>Labels</name>
    <message>
      <location filename="../labels.py" line="25" />
      <location filename="../labels.py" line="33" />
      <source>Clear</source>
      <translation>該当なし</translation>
    </message>
    <message>
      <location filename="../labels.py" line="26" />
      <location filename="../labels.py" line="33" />
      <source>Review</source>
      <translation>要検討</translation>
    </message>
    <message>
      <location filename="../labels.py" line="27" />
      <source>Likely referral – file in Japan first</source>
      <translation>送付の可能性大 – 第一国出願は日本へ</translation>
    </message>
    <message>
      <location filename="../labels.py" line="33" />
      <source>Likely</source>
      <translation>送付の可能性大</translation>
    </message>
    <message>
      <location filename="../labels.py" line="40" />
      <source>Met</source>
      <translation>該当</translation>
    </message>
    <message>
      <location filename="../labels.py" line="41" />
      <source>Not met</source>
      <translation>非該当</translation>
    </message>
    <message>
      <location filename="../labels.py" line="120" />
      <source>No</source>
      <translation>いいえ</translation>
    </message>
    <message>
      <location filename="../labels.py" line="53" />
      <source>Clear to file abroad</source>
      <translation>外国出願可</translation>
    </message>
    <message>
      <location filename="../labels.py" line="40" />
      <source>Partial</source>
      <translation>一部該当</translation>
    </message>
    <message>
      <location filename="../labels.py" line="46" />
      <source>Agree</source>
      <translation>同意</translation>
    </message>
    <message>
      <location filename="../labels.py" line="46" />
      <source>Disagree</source>
      <translation>不同意</translation>
    </message>
    <message>
      <location filename="../labels.py" line="54" />
      <source>File in Japan first (Art. 78)</source>
      <translation>日本で第一国出願（第78条）</translation>
    </message>
    <message>
      <location filename="../labels.py" line="55" />
      <source>Request prior confirmation (Art. 79)</source>
      <translation>事前確認を求める（第79条）</translation>
    </message>
    <message>
      <location filename="../labels.py" line="56" />
      <source>Hold for review</source>
      <translation>保留（要検討）</translation>
    </message>
    <message>
      <location filename="../labels.py" line="65" />
      <source>version %1</source>
      <translation>第%1版</translation>
    </message>
    <message>
      <location filename="../labels.py" line="70" />
      <source>v%1</source>
      <translation>第%1版</translation>
    </message>
    <message>
      <location filename="../labels.py" line="79" />
      <location filename="../labels.py" line="101" />
      <source>Screened</source>
      <translation>判定済み</translation>
    </message>
    <message>
      <location filename="../labels.py" line="80" />
      <source>In log</source>
      <translation>記録済み</translation>
    </message>
    <message>
      <location filename="../labels.py" line="81" />
      <source>Decided</source>
      <translation>方針決定済み</translation>
    </message>
    <message>
      <location filename="../labels.py" line="82" />
      <source>Screening…</source>
      <translation>判定中…</translation>
    </message>
    <message>
      <location filename="../labels.py" line="88" />
      <source>apparatus</source>
      <translation>物</translation>
    </message>
    <message>
      <location filename="../labels.py" line="89" />
      <source>method</source>
      <translation>方法</translation>
    </message>
    <message>
      <location filename="../labels.py" line="90" />
      <source>system</source>
      <translation>システム</translation>
    </message>
    <message>
      <location filename="../labels.py" line="91" />
      <source>composition</source>
      <translation>組成物</translation>
    </message>
    <message>
      <location filename="../labels.py" line="92" />
      <source>use</source>
      <translation>用途</translation>
    </message>
    <message>
      <location filename="../labels.py" line="93" />
      <source>program</source>
      <translation>プログラム</translation>
    </message>
    <message>
      <location filename="../labels.py" line="94" />
      <source>other</source>
      <translation>その他</translation>
    </message>
    <message>
      <location filename="../labels.py" line="100" />
      <source>Draft added</source>
      <translation>草稿を登録</translation>
    </message>
    <message>
      <location filename="../labels.py" line="102" />
      <source>Annotation</source>
      <translation>注記</translation>
    </message>
    <message>
      <location filename="../labels.py" line="103" />
      <source>Decision</source>
      <translation>出願方針</translation>
    </message>
    <message>
      <location filename="../labels.py" line="104" />
      <source>Log upgraded</source>
      <translation>記録形式を更新</translation>
    </message>
    <message>
      <location filename="../labels.py" line="105" />
      <source>New version</source>
      <translation>新しい版</translation>
    </message>
    <message>
      <location filename="../labels.py" line="106" />
      <source>Annotations carried over</source>
      <translation>注記の引き継ぎ</translation>
    </message>
    <message>
      <location filename="../labels.py" line="120" />
      <source>Yes</source>
      <translation>はい</translation>
    </message>
    <message>
      <location filename="../labels.py" line="120" />
      <source>Unanswered</source>
      <translation>未回答</translation>
    </message>
    <message>
      <location filename="../labels.py" line="124" />
      <source>verified</source>
      <translation>確認済み</translation>
    </message>
    <message>
      <location filename="../labels.py" line="124" />
      <source>unverified</source>
      <translation>未確認</translation>
    </message>
  </context>
  <context>
    <name>LogView</name>
    <message>
      <location filename="../log_view.py" line="70" />
      <location filename="../log_view.py" line="172" />
      <source>All events</source>
      <translation>すべての記録</translation>
    </message>
    <message>
      <location filename="../log_view.py" line="72" />
      <source>Reviewer</source>
      <translation>担当者</translation>
    </message>
    <message>
      <location filename="../log_view.py" line="74" />
      <source>Search history</source>
      <translation>履歴を検索</translation>
    </message>
    <message>
      <location filename="../log_view.py" line="78" />
      <source>Refresh</source>
      <translation>更新</translation>
    </message>
    <message>
      <location filename="../log_view.py" line="82" />
      <source>All decisions</source>
      <translation>すべての方針</translation>
    </message>
    <message>
      <location filename="../log_view.py" line="86" />
      <source>All levels</source>
      <translation>すべての判定</translation>
    </message>
    <message>
      <location filename="../log_view.py" line="89" />
      <source>From</source>
      <translation>開始日</translation>
    </message>
    <message>
      <location filename="../log_view.py" line="91" />
      <source>to</source>
      <translation>終了日</translation>
    </message>
    <message>
      <location filename="../log_view.py" line="101" />
      <source>Export…</source>
      <translation>エクスポート…</translation>
    </message>
    <message>
      <location filename="../log_view.py" line="105" />
      <source>Show</source>
      <translation>表示</translation>
    </message>
    <message>
      <location filename="../log_view.py" line="113" />
      <source>Export decisions:</source>
      <translation>方針をエクスポート:</translation>
    </message>
    <message>
      <location filename="../log_view.py" line="127" />
      <source>Drafts per triage level, by month</source>
      <translation>月別・判定別の草稿数</translation>
    </message>
    <message>
      <location filename="../log_view.py" line="128" />
      <source>Flagged drafts per top field, by month</source>
      <translation>月別・分野別の要確認草稿数</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../main_window.py" line="88" />
      <source>Patent Non-Disclosure Triage Workbench</source>
      <translation>特許出願非公開 事前判定ワークベンチ</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="101" />
      <source>Search drafts (name, field, level, decision)</source>
      <translation>草稿を検索（名前・分野・判定・方針）</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="105" />
      <source>All levels</source>
      <translation>すべての判定</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="106" />
      <source>Needs attention (review + likely)</source>
      <translation>要確認（要検討＋送付の可能性大）</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="107" />
      <source>Likely referral only</source>
      <translation>送付の可能性大のみ</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="108" />
      <source>Undecided</source>
      <translation>方針未決定</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="109" />
      <source>Key date within 30 days</source>
      <translation>30日以内に期限あり</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="119" />
      <source>Drop draft files or folders here (PDF, DOCX, TXT, MD, USPTO XML).</source>
      <translation>ここに草稿ファイルやフォルダーをドロップ（PDF・DOCX・TXT・MD・USPTO XML）。</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="137" />
      <source>Draft</source>
      <translation>草稿</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="138" />
      <source>Decision</source>
      <translation>出願方針</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="139" />
      <source>Triage log</source>
      <translation>判定記録</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="166" />
      <source>Cancel</source>
      <translation>中止</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="213" />
      <source>&amp;File</source>
      <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="214" />
      <source>&amp;Open drafts…</source>
      <translation>草稿を開く(&amp;O)…</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="215" />
      <source>&amp;Import folder…</source>
      <translation>フォルダーを取り込む(&amp;I)…</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="222" />
      <source>&amp;Export log…</source>
      <translation>判定記録をエクスポート(&amp;E)…</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="224" />
      <source>&amp;Settings…</source>
      <translation>設定(&amp;S)…</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="226" />
      <source>&amp;Quit</source>
      <translation>終了(&amp;Q)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="227" />
      <source>&amp;Review</source>
      <translation>審査(&amp;R)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="228" />
      <source>&amp;Next draft</source>
      <translation>次の草稿(&amp;N)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="229" />
      <source>&amp;Previous draft</source>
      <translation>前の草稿(&amp;P)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="230" />
      <source>&amp;Agree with the flag</source>
      <translation>判定に同意(&amp;A)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="231" />
      <source>&amp;Disagree with the flag</source>
      <translation>判定に不同意(&amp;D)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="232" />
      <source>Sa&amp;ve the pending annotation</source>
      <translation>保留中の注記を保存(&amp;V)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="233" />
      <source>&amp;Undo the pending annotation</source>
      <translation>保留中の注記を取り消す(&amp;U)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="234" />
      <source>De&amp;cide…</source>
      <translation>方針を決定(&amp;C)…</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="235" />
      <source>&amp;Save decision</source>
      <translation>方針を保存(&amp;S)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="236" />
      <source>&amp;Cancel running work</source>
      <translation>実行中の処理を中止(&amp;C)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="237" />
      <source>&amp;View</source>
      <translation>表示(&amp;V)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="238" />
      <source>Triage &amp;log</source>
      <translation>判定記録(&amp;L)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="247" />
      <source>&amp;Help</source>
      <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="248" />
      <source>Keyboard &amp;shortcuts</source>
      <translation>キーボードショートカット(&amp;S)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="249" />
      <source>&amp;About</source>
      <translation>このアプリについて(&amp;A)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="254" />
      <location filename="../main_window.py" line="263" />
      <source>Open drafts</source>
      <translation>草稿を開く</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="254" />
      <location filename="../main_window.py" line="263" />
      <source>Drafts (*.pdf *.docx *.txt *.md *.xml);;All files (*)</source>
      <translation>草稿 (*.pdf *.docx *.txt *.md *.xml);;すべてのファイル (*)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="269" />
      <source>Import a folder of drafts</source>
      <translation>草稿のフォルダーを取り込む</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="290" />
      <location filename="../main_window.py" line="594" />
      <location filename="../main_window.py" line="947" />
      <source>Please wait for the running work to finish, or cancel it.</source>
      <translation>実行中の処理が終わるまでお待ちいただくか、中止してください。</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="299" />
      <source>No draft files were found (PDF, DOCX, TXT, MD, XML).</source>
      <translation>草稿ファイル（PDF・DOCX・TXT・MD・XML）が見つかりません。</translation>
    </message>
    <message numerus="yes">
      <location filename="../main_window.py" line="336" />
      <source>Screening %n draft(s)…</source>
      <translation>
        <numerusform>%n 件の草稿を判定中…</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../main_window.py" line="415" />
      <source>None of the %n file(s) could be screened</source>
      <translation>
        <numerusform>ファイルを 1 件も判定できませんでした（全 %n 件）</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../main_window.py" line="416" />
      <source>%1 of %2 file(s) could not be screened; the others were processed</source>
      <translation>%2 件中 %1 件のファイルを判定できませんでした。ほかのファイルは処理済みです</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="423" />
      <source>Cancelled: %1 of %2 draft(s) screened; %3 not screened.</source>
      <translation>中止しました：%2 件中 %1 件の草稿を判定し、%3 件は判定していません。</translation>
    </message>
    <message numerus="yes">
      <location filename="../main_window.py" line="428" />
      <source>Screened %n draft(s).</source>
      <translation>
        <numerusform>%n 件の草稿を判定しました。</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../main_window.py" line="460" />
      <source>Cancelling after the current file…</source>
      <translation>現在のファイルの処理後に中止します…</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="511" />
      <source>The annotation of claim %1 was not saved (another draft was opened): nothing was recorded.</source>
      <translation>請求項%1の注記は保存されていません（別の草稿を開いたため）。何も記録されていません。</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="649" />
      <source>The source file of this draft is not known; open it again to re-screen.</source>
      <translation>この草稿の元ファイルが不明です。再判定するにはファイルを開き直してください。</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="619" />
      <location filename="../main_window.py" line="654" />
      <source>Re-screening…</source>
      <translation>再判定中…</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="682" />
      <location filename="../main_window.py" line="751" />
      <source>Please wait: the previous change is still being saved in the triage log.</source>
      <translation>お待ちください。前の変更を判定記録に保存しています。</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="714" />
      <source>Annotations need the triage log; check the database in Settings.</source>
      <translation>注記には判定記録が必要です。設定でデータベースを確認してください。</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="723" />
      <source>Saving the annotation in the triage log…</source>
      <translation>注記を判定記録に保存しています…</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="731" />
      <source>Annotation saved for claim %1.</source>
      <translation>請求項%1の注記を保存しました。</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="761" />
      <source>Annotation of claim %1 undone: nothing was recorded.</source>
      <translation>請求項%1の注記を取り消しました。何も記録されていません。</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="774" />
      <location filename="../main_window.py" line="790" />
      <source>Decisions need the triage log; check the database in Settings.</source>
      <translation>方針の記録には判定記録が必要です。設定でデータベースを確認してください。</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="782" />
      <source>Saving the decision in the triage log…</source>
      <translation>出願方針を判定記録に保存しています…</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="817" />
      <location filename="../main_window.py" line="828" />
      <source>Decision saved in the triage log.</source>
      <translation>出願方針を判定記録に保存しました。</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="597" />
      <location filename="../main_window.py" line="927" />
      <source>No triage log is open.</source>
      <translation>判定記録が開かれていません。</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="939" />
      <source>CSV (*.csv)</source>
      <translation>CSV (*.csv)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="939" />
      <source>Excel workbook (*.xlsx)</source>
      <translation>Excel ブック (*.xlsx)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="939" />
      <source>PDF report (*.pdf)</source>
      <translation>PDF レポート (*.pdf)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="941" />
      <source>Export the triage log</source>
      <translation>判定記録をエクスポート</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="956" />
      <source>Exported %1 decision(s) to %2</source>
      <translation>%1 件の方針を %2 にエクスポートしました</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="984" />
      <source>The file name ends in .%1, so the log is exported as %2 (not %3).</source>
      <translation>ファイル名の拡張子が .%1 のため、判定記録を %2 でエクスポートします（%3 ではありません）。</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="1014" />
      <source>Settings saved. The new thresholds apply to drafts screened from now on; the levels shown were set with the old ones (open a draft again to re-screen it).</source>
      <translation>設定を保存しました。新しいしきい値はこれから判定する草稿に適用されます。表示中の判定は以前のしきい値によるものです（草稿を開き直すと再判定します）。</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="1018" />
      <source>Settings saved.</source>
      <translation>設定を保存しました。</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="1054" />
      <source>Log: %1</source>
      <translation>判定記録: %1</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="1057" />
      <source>No triage log open</source>
      <translation>判定記録が開かれていません</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="1065" />
      <source>About</source>
      <translation>このアプリについて</translation>
    </message>
  </context>
  <context>
    <name>QtNotifier</name>
    <message>
      <location filename="../notify_qt.py" line="44" />
      <source>Patent Triage Workbench</source>
      <translation>特許出願 事前判定ワークベンチ</translation>
    </message>
  </context>
  <context>
    <name>QueueModel</name>
    <message>
      <location filename="../models/queue.py" line="176" />
      <source>Draft</source>
      <translation>草稿</translation>
    </message>
    <message>
      <location filename="../models/queue.py" line="177" />
      <source>Status</source>
      <translation>状態</translation>
    </message>
    <message>
      <location filename="../models/queue.py" line="178" />
      <source>Level</source>
      <translation>判定</translation>
    </message>
    <message>
      <location filename="../models/queue.py" line="179" />
      <source>Top field</source>
      <translation>最有力分野</translation>
    </message>
    <message>
      <location filename="../models/queue.py" line="180" />
      <source>Likelihood</source>
      <translation>該当可能性</translation>
    </message>
    <message>
      <location filename="../models/queue.py" line="181" />
      <source>Decision</source>
      <translation>出願方針</translation>
    </message>
    <message>
      <location filename="../models/queue.py" line="182" />
      <source>Review
due</source>
      <translation>審査
期限</translation>
    </message>
    <message>
      <location filename="../models/queue.py" line="183" />
      <source>If not
designated</source>
      <translation>指定なし
10か月</translation>
    </message>
    <message>
      <location filename="../models/queue.py" line="170" />
      <source>Primary review (3 mo.)</source>
      <translation>第一次審査期限（3か月）</translation>
    </message>
    <message>
      <location filename="../models/queue.py" line="171" />
      <source>10 mo. without designation</source>
      <translation>10か月（保全指定なし）</translation>
    </message>
  </context>
  <context>
    <name>SettingsDialog</name>
    <message>
      <location filename="../settings_dialog.py" line="48" />
      <source>Settings</source>
      <translation>設定</translation>
    </message>
    <message>
      <location filename="../settings_dialog.py" line="51" />
      <source>Default: your login name</source>
      <translation>既定: ログイン名</translation>
    </message>
    <message>
      <location filename="../settings_dialog.py" line="53" />
      <source>Default: the per-user data folder</source>
      <translation>既定: ユーザーごとのデータフォルダー</translation>
    </message>
    <message>
      <location filename="../settings_dialog.py" line="55" />
      <source>Optional folder with your own rule files</source>
      <translation>独自ルールファイルのフォルダー（任意）</translation>
    </message>
    <message>
      <location filename="../settings_dialog.py" line="72" />
      <source>Use the model's recommended thresholds</source>
      <translation>モデルの推奨しきい値を使う</translation>
    </message>
    <message>
      <location filename="../settings_dialog.py" line="77" />
      <source>Automatic (system language)</source>
      <translation>自動（システムの言語）</translation>
    </message>
    <message>
      <location filename="../settings_dialog.py" line="86" />
      <source>Reviewer name</source>
      <translation>担当者名</translation>
    </message>
    <message>
      <location filename="../settings_dialog.py" line="87" />
      <location filename="../settings_dialog.py" line="221" />
      <source>Triage log database</source>
      <translation>判定記録データベース</translation>
    </message>
    <message>
      <location filename="../settings_dialog.py" line="106" />
      <source>The model's recommended thresholds are not available: %1</source>
      <translation>モデルの推奨しきい値を読み込めません: %1</translation>
    </message>
    <message>
      <location filename="../settings_dialog.py" line="111" />
      <source>Thresholds</source>
      <translation>しきい値</translation>
    </message>
    <message>
      <location filename="../settings_dialog.py" line="115" />
      <location filename="../settings_dialog.py" line="146" />
      <source>Review threshold</source>
      <translation>要検討のしきい値</translation>
    </message>
    <message>
      <location filename="../settings_dialog.py" line="116" />
      <source>Likely-referral threshold</source>
      <translation>送付の可能性大のしきい値</translation>
    </message>
    <message>
      <location filename="../settings_dialog.py" line="154" />
      <source>Share of sensitive drafts flagged (recall) and of all drafts flagged at 1 % prevalence (flag rate) at each review threshold, from out-of-fold scores of real full drafts. Double-click a row to use its threshold.</source>
      <translation>各「要検討のしきい値」で、該当する草稿のうち要検討となる割合（再現率）と、該当する草稿が1%の場合に全草稿のうち要検討となる割合を示します（実在の草稿全文の交差検証による値）。行をダブルクリックすると、そのしきい値を使います。</translation>
    </message>
    <message>
      <location filename="../settings_dialog.py" line="88" />
      <location filename="../settings_dialog.py" line="228" />
      <source>User rules folder</source>
      <translation>ユーザールールフォルダー</translation>
    </message>
    <message>
      <location filename="../settings_dialog.py" line="89" />
      <source>Language</source>
      <translation>言語</translation>
    </message>
    <message>
      <location filename="../settings_dialog.py" line="118" />
      <source>Thresholds apply to the highest field likelihood of a draft.</source>
      <translation>しきい値は草稿の最も高い分野該当可能性に適用されます。</translation>
    </message>
    <message>
      <location filename="../settings_dialog.py" line="124" />
      <location filename="../settings_dialog.py" line="153" />
      <source>The model's operating points</source>
      <translation>モデルの動作点</translation>
    </message>
    <message>
      <location filename="../settings_dialog.py" line="126" />
      <source>These figures come from real full drafts, each scored by a model that had not learnt from it (out-of-fold scores; the flag rate at 1 % prevalence).</source>
      <translation>これらの数値は、実在の草稿全文を、その草稿を学習していないモデルで判定して測ったものです（交差検証による値。要検討となる割合は、該当する草稿が1%の場合の値）。</translation>
    </message>
    <message>
      <location filename="../settings_dialog.py" line="140" />
      <source>Recommended</source>
      <translation>推奨</translation>
    </message>
    <message>
      <location filename="../settings_dialog.py" line="146" />
      <source>Recall</source>
      <translation>再現率</translation>
    </message>
    <message>
      <location filename="../settings_dialog.py" line="146" />
      <source>Flag rate</source>
      <translation>要検討となる割合</translation>
    </message>
    <message>
      <location filename="../settings_dialog.py" line="198" />
      <source>The model's recommended value (untick the box above to set your own)</source>
      <translation>モデルの推奨値です（独自の値にするには上のチェックを外してください）</translation>
    </message>
    <message>
      <location filename="../settings_dialog.py" line="214" />
      <source>Browse…</source>
      <translation>参照…</translation>
    </message>
    <message>
      <location filename="../settings_dialog.py" line="221" />
      <source>SQLite database (*.sqlite *.db)</source>
      <translation>SQLite データベース (*.sqlite *.db)</translation>
    </message>
  </context>
  <context>
    <name>ShortcutsDialog</name>
    <message>
      <location filename="../dialogs.py" line="44" />
      <source>Keyboard shortcuts</source>
      <translation>キーボードショートカット</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="50" />
      <source>Action</source>
      <translation>操作</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="50" />
      <source>Shortcut</source>
      <translation>ショートカット</translation>
    </message>
  </context>
</TS>