"""Coded messages of finding and splitting claims (N2xx/W2xx/I2xx); see workbench/messages/__init__.py."""

from __future__ import annotations

from workbench.messages import define


# -- what the claim splitter noticed (ClaimSet.notes) ----------------------------------------
N201 = define(
    "N201",
    "claim {number} is {length:,} characters long; only its first {analysed:,} were analysed",
    "請求項{number}は{length:,}文字あり、最初の{analysed:,}文字のみを解析しました",
)
N202 = define(
    "N202",
    "claim 1 refers to 'any preceding claim' but none precedes it",
    "請求項1は「先行するいずれかの請求項」を引用していますが、先行する請求項がありません",
)
N203 = define("N203", "{error}; the reference was ignored", "{error}（この引用は無視しました）")
N204 = define(
    "N204",
    "claims are numbered in {other} style although the draft reads as {language}",
    "草稿の本文は{language}ですが、請求項の番号は{other}の様式です",
)
N205 = define("N205", "claim numbering starts at {first}, not 1", "請求項の番号が1ではなく{first}から始まっています")
N206 = define("N206", "claim numbering jumps from {last} to {next}", "請求項の番号が{last}から{next}に飛んでいます")
N207 = define("N207", "cancelled claims left out: {labels}", "削除された請求項を除外しました: {labels}")
# the extractor's bound (claims.extract.MAX_CLAIMS / MAX_CLAIMS_TEXT; hostile input, issue 14)
W280 = define(
    "W280",
    "{path}: only the first {read} of its {total} claims were read (claims 1 to {last}; at most {max_claims} claims "
    "and {max_chars:,} characters of claims are read per draft). Check the other claims by hand or split the draft.",
    "{path}: 請求項{total}項のうち、最初の{read}項（請求項1～{last}）のみを読み取りました（1つの草稿で読み取るのは"
    "最大{max_claims}項、請求項の本文{max_chars:,}文字までです）。残りの請求項は個別に確認するか、草稿を分割してください。",
)
# languages named inside a note
N290 = define("N290", "English", "英語")
N291 = define("N291", "Japanese", "日本語")
LANGUAGE_NAMES = {"en": N290, "ja": N291}

# -- references to claims that do not precede the citing claim (E202), bounded and grouped ----
# One line per cited claim, at most claims.extract.MAX_REFERENCE_GROUPS lines, then one
# line for the rest; the citing claims are listed as ranges ("3-5, 9", at most a dozen).
W201 = define(
    "W201",
    "[E202] Claim {claims} refers to claim {target}, which does not precede it; the reference was ignored",
    "[E202] 請求項{claims}が、それより前にない請求項{target}を引用しています（この引用は無視しました）",
)
W202 = define(
    "W202",
    "[E202] Claims {claims} refer to claim {target}, which does not precede them; the references were ignored",
    "[E202] 請求項{claims}が、それより前にない請求項{target}を引用しています（これらの引用は無視しました）",
)
W203 = define(
    "W203",
    "[E202] {count} more references to claims that do not precede the citing claim were ignored (citing claims {claims})",
    "[E202] ほかに、引用する請求項より前にない請求項への引用 {count} 件を無視しました（引用している請求項: {claims}）",
)
