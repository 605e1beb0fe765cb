"""Coded messages of the IPC model: its training run's progress lines (``workbench model
train``), the guard's comparison of held-out scores, and the notes of the model card
(N45x/I46x); see workbench/messages/__init__.py.

The card (``models/ipc_model.card.json``) stores each note as a coded message (``{"code",
"args", "en"}``), so ``workbench model info`` shows it in the reader's language; a card
written before keeps its English notes as plain strings, shown as they are.
"""

from __future__ import annotations

from workbench.messages import define

# -- progress of a training run (workbench/classify/train.py, draft_train.py) -----------------
I460 = define("I460", "  fitted {done}/{total} labels ({s:.0f} s)", "  ラベル {done}/{total} 件を学習しました（{s:.0f} 秒）")
I461 = define("I461", "labels: {subclasses} subclasses + {groups} rule groups; records: {records}",
              "ラベル: サブクラス {subclasses} 件 + 規則のグループ {groups} 件、レコード {records} 件")
I462 = define("I462", "training examples: {counts}", "学習例: {counts}")
I463 = define("I463", "{kind} {n}", "{kind} {n} 件")  # one kind of training example and its count
EXAMPLE_KINDS = {  # the kinds of training example (train.WEIGHTS)
    "definition": define("I464", "definitions", "IPC の定義"),
    "record": define("I465", "records", "実データのレコード"),
    "term": define("I466", "evidence terms", "証拠用語"),
    "annotation": define("I467", "annotations", "判定記録の注記"),
}
I468 = define("I468", "record thresholds (titles/first claims): review={review:.4f} likely={likely:.4f}",
              "レコード単位のしきい値（名称・第1請求項）: 要検討 {review:.4f}、送付の可能性大 {likely:.4f}")
I469 = define("I469", "default thresholds (full drafts): review={review:.6f} likely={likely:.6f}; out of fold {figures}",
              "既定のしきい値（草稿全文）: 要検討 {review:.6f}、送付の可能性大 {likely:.6f}。交差検証 {figures}")
I470 = define("I470", "held-out drafts: {figures}; cut to 15,000: {cut}",
              "評価用の草稿: {figures}。先頭15,000文字のみ: {cut}")
I471 = define("I471", "sensitivity head: the training records have one class only; no head",
              "感度ヘッド: 学習レコードが一方の区分しかないため、作成しません")
I472 = define("I472", "sensitivity head: {sensitive}/{total} sensitive training records, {weights} weights",
              "感度ヘッド: 該当する学習レコード {sensitive}/{total} 件、重み {weights} 個")
I473 = define("I473", "calibration split has no sensitive record: calibrator left as identity on the code score",
              "較正用データに該当レコードがないため、較正器はコードのスコアをそのまま使います")
I474 = define("I474", "calibrator: coef={coef} intercept={intercept:.3f} (positives {positives}/{total})",
              "較正器: 係数 {coef}、切片 {intercept:.3f}（該当 {positives}/{total} 件）")
I475 = define("I475", "draft scorer: {drafts} training drafts ({sensitive} sensitive), {definitions} definitions/terms, "
              "{records} short records; featurised in {s:.0f} s",
              "草稿スコア: 学習用の草稿 {drafts} 件（該当 {sensitive} 件）、定義・用語 {definitions} 件、"
              "短いレコード {records} 件。特徴量の作成に {s:.0f} 秒")
I476 = define("I476", "draft scorer: stage 2 {stage2} + {intercept2:.2f}; base {base} + {intercept:.2f} (R2 {r2:.2f}); {s:.0f} s",
              "草稿スコア: 第2段 {stage2} + {intercept2:.2f}、基本段 {base} + {intercept:.2f}（決定係数 {r2:.2f}）、{s:.0f} 秒")
# -- the guard: the new model's held-out scores against the old one's (train.compare) ----------
I477 = define("I477", "no previous scores", "以前のスコアはありません")
I478 = define("I478", "not worse ({changes})", "悪化していません（{changes}）")
I479 = define("I479", "{key} {old} -> {new}", "'{key}' が {old} から {new} に")
I481 = define("I481", "worse: {changes}", "悪化: {changes}")
I480 = define("I480", "drafts {key} {old} -> {new}", "草稿の '{key}' が {old} から {new} に")
I482 = define(
    "I482",
    "IPC suggestions: centroid weight {weight:g}; calibration split, {source}: top-1/top-3 {top1:.3f}/{top3:.3f} "
    "(scorers alone {base1:.3f}/{base3:.3f})",
    "IPC候補: 重心の重み {weight:g}。調整用データ（{source}）で上位1件/3件の正解率 {top1:.3f}/{top3:.3f}"
    "（ラベル別スコアのみでは {base1:.3f}/{base3:.3f}）",
)

# -- the model card's notes (train.CARD_NOTES) ------------------------------------------------
N450 = define(
    "N450",
    "Levels come from the draft-level score (workbench/classify/draft.py), trained, calibrated and measured on real FULL drafts: "
    "fulltext/us_grants_reviewed (labels are a reviewer's, from title and abstract, not an office's: high/medium confidence weight 1, "
    "low 0.5) and fulltext/us_grants_portfolio (near-certain negatives); split by a hash of the publication id (0-24 test, never "
    "trained on; 25-99 training and calibration, the heads learning from all of it). The 140 uspto-grants are never trained on (held out whole for the clear rate and IPC top-k).",
    "判定の段階は草稿単位のスコア（'workbench/classify/draft.py'）で決まります。このスコアは実在する草稿の全文で学習・較正・測定しました："
    "'fulltext/us_grants_reviewed'（ラベルは特許庁ではなく担当者が名称と要約から付けたもの。確信度が高・中なら重み 1、低なら 0.5）と "
    "'fulltext/us_grants_portfolio'（ほぼ確実に非該当の例）です。公報番号のハッシュで分けています（0～24 評価用で学習には使わず、"
    "25～99 学習・較正用で、ヘッドはその全体から学習）。'uspto-grants' の 140 件は学習に一切使わず、全件を非該当率と IPC 上位候補の評価に充てています。",
)
N451 = define(
    "N451",
    "Draft-level score: two class-balanced logistic-regression heads (C=10) on the hashed word features (log tf, L2: length "
    "does not raise them): the whole head reads the whole normalised draft, the front head the draft's first 4,000 characters "
    "(title, abstract, field, start of the description) and its claims wherever they stand; the front head also learns, at "
    "weight 0.3, from the office-coded short records and the IPC main-group definitions / the rules' English terms (positive "
    "when in a field), which cover fields no training draft is in. A second stage (logistic regression over the two heads and "
    "log(1 + distinct evidence terms of the best-supported field)) is fit on out-of-fold head values (5 folds by id). "
    "Tried on out-of-fold drafts (never the test split): one whole-draft head with a "
    "passage stage (the previous model: a long text rose by its many passages, AUC against the hard negatives lower), title + "
    "abstract alone, C 1/10/100, IDF weighting, the IPC model's field scores in the second stage (more AUC, but fewer hard "
    "negatives cleared at 97 % recall); the chosen form cleared the most at 97 % recall.",
    "草稿単位のスコア：ハッシュ化した単語の特徴量（出現回数の対数を長さで正規化。草稿が長いだけでは上がりません）に対する、"
    "区分の偏りを補正したロジスティック回帰のヘッド 2 つ（C=10）です。全体ヘッドは正規化した草稿全体を、前部ヘッドは草稿の先頭"
    " 4,000 文字（名称、要約、技術分野、説明の冒頭）と、位置を問わず請求項を読みます。前部ヘッドは、特許庁の分類付きの"
    "短いレコードと IPC メイングループの定義・規則の英語の用語（分野内なら該当）からも重み 0.3 で学習し、学習用の草稿がない分野も"
    "補います。第2段（2 つのヘッドと、最も裏付けのある分野の異なる証拠用語の数に 1 を足した値の対数に対するロジスティック回帰）は、"
    "交差検証外のヘッド値（公報番号による 5 分割）で当てはめています。交差検証外の草稿（評価用データは一切使わず）で、"
    "次も試しました：段落段を持つ草稿全体のヘッド 1 つ（以前のモデル。長い文書ほど段落の多さで上がり、紛らわしい非該当例に対する"
    "曲線下面積が低い）、名称と要約のみ、C=1/10/100、逆文書頻度による重み付け、第2段での IPC モデルの分野スコア（曲線下面積は"
    "上がるが、再現率 97 % で非該当とできる紛らわしい例が減る）。採用した形が、再現率 97 % で最も多くを非該当にできました。",
)
N452 = define(
    "N452",
    "Levels: a draft with an evidence term of any field anywhere in its text is never cleared by the model (review at least, "
    "reason R416); without one it is cleared below the review threshold. The review threshold is the highest at which 97 % "
    "of the sensitive drafts (out-of-fold scores) are flagged by the score or by that rule and 90 % by the score alone (the "
    "terms of rules 2025.01-draft.3 were chosen by reading these drafts, so the rule's share among them is optimistic); the "
    "likely threshold is the lowest at which 80 % of the flagged drafts are sensitive.",
    "判定の段階：本文のどこかにいずれかの分野の証拠用語がある草稿は、モデルだけで「該当なし」にはなりません（少なくとも要検討、"
    "理由 [R416]）。証拠用語がなければ、要検討のしきい値未満で「該当なし」になります。要検討のしきい値は、該当する草稿（交差検証外のスコア）の"
    "97 % がスコアまたはこの規則で、90 % がスコアだけで検出される最も高い値です（規則集 '2025.01-draft.3' の証拠用語はこれらの草稿を読んで"
    "選んだため、規則だけでの検出率は楽観的です）。「送付の可能性大」のしきい値は、検出した草稿の 80 % が該当となる最も低い値です。",
)
N453 = define(
    "N453",
    "Length and topic biases checked: the benchmark (benchmarks/quality_drafts.py) prints every figure again with each description "
    "cut to 15,000 characters, and separately for the hard negatives (reviewed non-sensitive) and the 140 office-coded grants (a "
    "mechanical/chemical/electrical mix unlike the software-leaning portfolio). The owner field is never read.",
    "長さと技術分野の偏りを確認済み：ベンチマーク（'benchmarks/quality_drafts.py'）は、各説明を 15,000 文字に切った場合と、紛らわしい"
    "非該当例（確認済みの非該当）および特許庁の分類付きの特許 140 件（ソフトウェア寄りのポートフォリオと異なり、機械・化学・電気が"
    "混在）のそれぞれについても、すべての数値を出力します。権利者の項目は読みません。",
)
N454 = define(
    "N454",
    "Japanese: the heads learnt from English drafts only; a Japanese draft is scored by the base stage, a ridge regression of the "
    "English drafts' out-of-fold logit on the Japanese-readable evidence (the rules' evidence terms, the IPC model's field scores "
    "beside a term); a Japanese draft without any evidence term sits at the median of the English portfolio drafts without one. "
    "No real Japanese patent text exists here: Japanese quality is not measured.",
    "日本語：ヘッドは英語の草稿だけから学習しています。日本語の草稿は基本段でスコアを付けます。基本段は、英語の草稿の交差検証外の"
    "対数オッズを、日本語でも読める証拠（規則の証拠用語、用語のそばの IPC モデルの分野スコア）に対してリッジ回帰したものです。"
    "証拠用語のない日本語の草稿は、証拠用語のない英語のポートフォリオ草稿の中央値に位置します。ここには実在する日本語の特許文書が"
    "ないため、日本語での精度は測定していません。",
)
N455 = define(
    "N455",
    "Predicts IPC subclasses and the IPC groups named by the rule set from claim/title/abstract text (the screen's suggestions "
    "for a draft come from its title, abstract, field and claims, not from the whole description); "
    "a screening aid, not legal advice.",
    "請求項・名称・要約の文から、IPC サブクラスと規則に記載の IPC グループを予測します（草稿の判定で示す候補は、説明全体ではなく、"
    "名称、要約、技術分野、請求項から出します）。判定の補助であり、法的助言ではありません。",
)
N456 = define(
    "N456",
    "Training text: IPC definitions (title chains from ipc_titles.tsv; every subgroup of the main groups the rules name), "
    "the training split of the real records, and the rule set's evidence terms and field names (EN and JA).",
    "学習に使う文：IPC の定義（'ipc_titles.tsv' のタイトルの連なり。規則に記載のメイングループのすべてのサブグループ）、"
    "実データのレコードのうち学習用のもの、規則の証拠用語と分野の名称（英語・日本語）。",
)
N457 = define(
    "N457",
    "Japanese: there is no real Japanese patent text here. Japanese input works through character 2-4-grams "
    "learnt from the rule set's Japanese terms and field names only; Japanese quality is not measured on real text.",
    "日本語：ここには実在する日本語の特許文書がありません。日本語の入力は、規則の日本語の用語と分野の名称だけから学習した"
    "文字の 2～4 文字の並びで扱います。日本語での精度は実在の文書で測定していません。",
)
N458 = define(
    "N458",
    "Held-out figures are on titles (drone_titles.jsonl) and first claims (first_claims_cpc.jsonl), not full drafts; "
    "a title carries much less evidence than a whole draft.",
    "評価用の数値は草稿全文ではなく、名称（'drone_titles.jsonl'）と第1請求項（'first_claims_cpc.jsonl'）に対するものです。"
    "名称が持つ証拠は草稿全体よりはるかに少なくなります。",
)
N459 = define(
    "N459",
    "Split: a record's bucket is sha256(normalised text) % 100: 0-24 test, 25-44 calibration, 45-99 training; "
    "identical titles (patent family members) share a bucket.",
    "分割：レコードの区分は、正規化した文の sha256 を 100 で割った余りです（0～24 評価用、25～44 較正用、45～99 学習用）。"
    "同じ名称（同じパテントファミリー）は同じ区分になります。",
)
N460 = define(
    "N460",
    "Hyper-parameters (SGD alpha 1e-5 over 2e-6/5e-5, record weight 1 over 2/6) were chosen by ROC AUC on the "
    "calibration split; the test split was not used for any choice.",
    "ハイパーパラメータ（勾配降下法による逐次学習の正則化の強さ 1×10⁻⁵ を 2×10⁻⁶・5×10⁻⁵ と比較、レコードの重み 1 を 2・6 と比較）は、"
    "較正用データでの曲線下面積で選びました。評価用データはどの選択にも使っていません。",
)
N461 = define(
    "N461",
    "Sensitivity head: a class-balanced logistic regression fit directly on the training records' 'in any specified "
    "field' label; its value on the whole text is one more calibrator input (Japanese text, which it never saw, is "
    "scored by a second calibrator fit without the head, i.e. as before the head existed). Chosen by 5-fold cross-validation "
    "of the calibrator on the calibration split (AUC 0.798 -> 0.819, recall at 2x share 0.42 -> 0.45); a k-nearest-"
    "training-records share of sensitive neighbours (k 10/20/50, per field and any field) added nothing there and is not used.",
    "感度ヘッド：学習レコードの「いずれかの特定技術分野に該当」のラベルに直接当てはめた、区分の偏りを補正したロジスティック回帰です。"
    "文全体に対するその値を較正器の入力に一つ加えます（ヘッドが学習していない日本語の文は、ヘッドなしで当てはめた第2の較正器、"
    "つまりヘッド導入前と同じ方法でスコアを付けます）。較正用データでの較正器の 5 分割交差検証で選びました（曲線下面積 0.798 → 0.819、"
    "該当割合の 2 倍での再現率 0.42 → 0.45）。近い学習レコードのうち該当するものの割合（近傍数 10・20・50、分野別といずれかの分野）は"
    "そこで何も改善しなかったため、使っていません。",
)
N462 = define(
    "N462",
    "'Sensitive' ground truth for a record: its office-assigned codes meet a field of the rule set "
    "(additional requirements taken as met; limitations such as uranium/plutonium checked on its text). "
    "first_claims records carry CPC subclasses only, so group-level rules cannot be met there.",
    "レコードが「該当」である正解：特許庁が付けた分類が規則のいずれかの分野に当たること（付加要件は満たすものとし、ウラン・"
    "プルトニウムのような限定はその文で確認）。'first_claims' のレコードは CPC のサブクラスしか持たないため、グループ単位の規則には"
    "当たりません。",
)
CARD_NOTES = (N450, N451, N452, N453, N454, N455, N456, N457, N458, N459, N460, N461, N462)
