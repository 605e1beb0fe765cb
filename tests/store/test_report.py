"""The PDF report as an auditor reads it: never a word broken (English at spaces, Japanese
by character with kinsoku), one fact per column, likelihoods as the application shows
them, whole titles; in English, Japanese and both."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from tests.store.factories import make_verdict
from workbench.store import TriageLog
from workbench.store.export import export_log
from workbench.store.report import NO_LINE_END, NO_LINE_START, wrap_lines

LONG_TITLE = ("Systems and Methods For Transacting Business Over A Global Communications Network Such As The Internet "
              "With Ballistics-Grade Encryption")
RATIONALE = ("Transacting business over a network is not a specified field; the encryption is possible dual use, "
             "so Ballistics and cryptography were checked: neither applies. Cleared after the attorney's review.")
JA_RATIONALE = ("請求項1の量子ドット型赤外線受光素子は特定技術分野17に該当する可能性があるため、外国出願の前に特許庁へ事前確認を"
                "求める。（防衛用途の有無は発明者に確認中。）「追加要件」は未回答。")


def _width(text: str) -> float:
    return sum(2.0 if ord(ch) > 0x2E80 else 1.0 for ch in text)


@pytest.mark.parametrize("width", [13, 21, 34, 80])
def test_english_wraps_at_spaces_only(width):
    lines = wrap_lines(RATIONALE, width, _width)
    assert all(_width(line) <= width for line in lines)
    assert " ".join(lines).split() == RATIONALE.split()  # every word whole, on one line, in order


def test_a_word_longer_than_its_column_is_cut_after_a_separator_first():
    lines = wrap_lines("PatentPublicData_pap_US20010000044A1.xml", 22, _width)
    assert lines[0] == "PatentPublicData_pap_" and "".join(lines) == "PatentPublicData_pap_US20010000044A1.xml"


@pytest.mark.parametrize("width", [10, 11, 14, 17, 25, 31])
def test_japanese_wraps_between_characters_with_kinsoku(width):
    lines = wrap_lines(JA_RATIONALE, width, _width)
    assert "".join(lines) == JA_RATIONALE  # nothing lost, nothing added
    assert all(_width(line) <= width for line in lines)
    assert all(line[0] not in NO_LINE_START for line in lines[1:]), lines
    assert all(line[-1] not in NO_LINE_END for line in lines[:-1]), lines


def test_mixed_japanese_and_english_keeps_the_english_word_whole():
    text = "分野17（Semiconductor photodetectors）に該当する可能性"
    for width in range(16, 40):
        lines = wrap_lines(text, width, _width)
        assert any("photodetectors）" in line or "photodetectors" in line for line in lines)
        assert all(line[0] not in NO_LINE_START for line in lines[1:])


def test_a_file_extension_stays_with_its_name():
    """'…US20010000044A1.' over 'xml' read as two words: the dot before an extension is no break."""
    name = "PatentPublicData_pap_US20010000044A1.xml"
    for width in range(17, 40):
        lines = wrap_lines(name, width, _width)
        assert "".join(lines) == name and all(_width(line) <= width for line in lines)
        if width >= _width("US20010000044A1.xml"):
            assert not any(line.endswith(".") for line in lines), (width, lines)
        else:  # too narrow for the name and its extension: cut at the dot, never inside 'xml'
            assert lines[-1] == "xml", (width, lines)


def test_a_long_japanese_phrase_wraps_where_katakana_meets_kanji():
    """'請求項1の量子ドッ' / 'ト型…': a phrase longer than its column was cut inside ドット."""
    text = "請求項1の量子ドット型赤外線受光素子は特定技術分野17に該当する"
    for width in range(20, 34):
        lines = wrap_lines(text, width, _width)
        assert "".join(lines) == text and all(_width(line) <= width for line in lines)
        assert not any(line.endswith(("ド", "ドッ")) for line in lines), (width, lines)


@pytest.mark.parametrize("text, width, expected", [
    ("送付の可能性大", 12, ["送付の", "可能性大"]),  # not 送付の可能性 / 大
    ("第一次\u200b審査期限", 10, ["第一次", "審査期限"]),  # a marked break: not 第一次審査期 / 限
    ("指定なし10か月", 12, ["指定なし", "10か月"]),  # not 指定なし10か / 月
    ("日本で第一国出願（第78条）", 20, ["日本で第一国出願", "（第78条）"]),  # not （第 / 78条）
    ("事前確認を求める（第79条）", 20, ["事前確認を求める", "（第79条）"]),
])
def test_japanese_wraps_between_phrases_not_inside_a_word(text, width, expected):
    assert wrap_lines(text, width, _width) == expected


def test_a_japanese_phrase_longer_than_its_column_still_wraps_by_character():
    lines = wrap_lines("量子ドット型赤外線受光素子", 8, _width)
    assert "".join(lines) == "量子ドット型赤外線受光素子" and all(_width(line) <= 8 for line in lines)
    assert all(line[0] not in NO_LINE_START for line in lines[1:])


@pytest.fixture
def report_log(tmp_path):
    with TriageLog.open(tmp_path / "log.sqlite", reviewer="tanaka") as log:
        v = make_verdict("transacting.xml", likelihood=0.0027, claims=("A method of transacting business.",))
        v = v.__class__(**{**v.__dict__, "draft": v.draft.__class__(**{**v.draft.__dict__, "title": LONG_TITLE})})
        a = log.record_verdict(v)
        log.annotate(a, 1, 5, "disagree", "generic e-commerce", corrected_ipc="G06Q 30/06", reviewer="sato")
        log.decide(a, "hold", "first look", True, ("US",), reviewer="kimura")
        log.decide(a, "clear_abroad", RATIONALE, True, ("US", "EP", "CN", "IN"), "2026-01-31", reviewer="kimura",
                   residences=("JP",), completed_abroad=(), override_reason="The JPO confirmed it is not covered (Art. 79)")
        b = log.record_verdict(make_verdict("量子ドット.txt", language="ja", likelihood=0.46))
        log.decide(b, "prior_confirmation", JA_RATIONALE, None, (), reviewer="佐藤")
        yield log


def _pdftotext(path, layout=False):
    args = ["pdftotext", *(["-layout"] if layout else []), str(path), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


@pytest.fixture
def poppler():
    """The report's pages are read back with poppler (packaging/setup.sh installs it): a machine
    without it fails here, it does not skip the report's checks silently."""
    missing = [t for t in ("pdftotext", "pdftoppm") if not shutil.which(t)]
    if missing:
        pytest.fail(f"{', '.join(missing)} missing: run packaging/setup.sh (it installs poppler-utils)")


@pytest.mark.usefixtures("poppler")
@pytest.mark.parametrize("language", ["en", "ja", "both"])
def test_the_report_never_breaks_a_word_and_shows_one_fact_per_column(report_log, tmp_path, language):
    res = export_log(report_log, "pdf", tmp_path / f"r-{language}.pdf", language=language)
    text = _pdftotext(res.path)
    words = set(text.split())
    for word in re.findall(r"[A-Za-z]{5,}", RATIONALE + " " + LONG_TITLE):
        assert any(word in w for w in words), f"{word!r} is broken in the {language} report"
    assert not {"Transactin", "Balli", "po", "supersede"} & words
    # the whole title, over as many lines as it takes
    assert " ".join(LONG_TITLE.split()) in " ".join(text.split())
    # the likelihood as the application shows it, never the raw score
    assert "<1%" in text and "0.0027" not in text and "46%" in text
    # completed in Japan and the planned countries are two columns, not "JP yes US,EP,CN,IN"
    flat = "".join(text.split())
    assert "JPyes" not in flat and "US,EP,CN,IN" in flat
    if language in ("ja", "both"):
        assert "特許庁へ事前確認" in flat and "指定なし10か月" in flat and "日本国内で" in flat
        assert "出願案" not in flat and "判断" not in flat  # the glossary's words
    if language in ("ja", "both"):  # the annotations a decision was taken on, in Japanese too
        assert "請求項1「Amethodoftransactingbusiness.」、分野5：不同意（修正IPCG06Q30/06）—generice-commerce" in flat
    if language == "ja":
        assert "Triage report" not in text and "Decisions with rationale" not in text
        assert "claim 1, field" not in text and "disagree" not in text
    if language == "en":
        assert "事前判定報告書" not in text and "Triage report" in text
        assert "claim1“Amethodoftransactingbusiness.”,field5:disagree(correctedIPCG06Q30/06)—generice-commerce" in flat
    layout = _pdftotext(res.path, layout=True)
    row = next(line for line in layout.splitlines() if "Transacting business over" in line)
    assert re.search(r"\byes\b|はい", row)  # the cells of a row start on one baseline: the answer is its own cell


@pytest.mark.usefixtures("poppler")
def test_every_page_renders(report_log, tmp_path):
    res = export_log(report_log, "pdf", tmp_path / "r.pdf", language="both")
    subprocess.run(["pdftoppm", "-r", "20", str(res.path), str(tmp_path / "p")], check=True)
    pages = sorted(tmp_path.glob("p*.ppm"))
    assert pages
    for page in pages:
        pixels = page.read_bytes().split(b"\n", 3)[3]
        assert sum(1 for i in range(0, len(pixels), 3) if pixels[i] < 128) > 200, page.name


@pytest.mark.usefixtures("poppler")
def test_log_export_lang_chooses_the_reports_language(report_log, tmp_path):
    from workbench.cli.main import main

    out = tmp_path / "ja.pdf"
    assert main(["log", "export", "--db", str(report_log.path), "-o", str(out), "--lang", "ja"]) == 0
    text = _pdftotext(out)
    assert "事前判定報告書" in text and "Triage report" not in text


@pytest.mark.usefixtures("poppler")
@pytest.mark.parametrize("language", ["en", "ja"])
def test_an_annotation_quotes_its_claim_as_a_reader_sees_it(tmp_path, language):
    """The claim an annotation is about, quoted by its display text: the PDF draft's line
    breaks and end-of-line hyphens joined ('hydro-⏎phone' is 'hydrophone'), cut at a word."""
    claims = ("An autonomous underwater vehicle comprising: a pressure hull; a hydro-\nphone array mounted along\n"
              "the pressure hull; and a navigation controller configured to estimate a position of the vehicle.",
              "The vehicle of claim 1, wherein the hydrophone array is towed.")
    with TriageLog.open(tmp_path / "log.sqlite", reviewer="tanaka") as log:
        did = log.record_verdict(make_verdict("uuv.pdf", claims=claims))
        log.annotate(did, 1, 5, "agree", "pressure hull", reviewer="sato")
        log.decide(did, "hold", "look again", reviewer="kimura")
        res = export_log(log, "pdf", tmp_path / "r.pdf", language=language)
    flat = " ".join(_pdftotext(res.path).split())
    assert "hydro-" not in flat and "hydrophone" in flat
    # its opening, cut at a word and marked
    quote = ("claim 1 “An autonomous underwater vehicle comprising: a pressure hull; a hydrophone…”, field 5: agree"
             if language == "en" else
             "請求項1「An autonomous underwater vehicle comprising: a pressure hull; a hydrophone…」、分野 5：同意")
    assert quote in flat, flat
