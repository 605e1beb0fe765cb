"""The Japanese error catalogue: complete, with the same placeholders as the English,
filled correctly by every real raise site, and rendered for real bad files."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

import workbench
from workbench import errors
from workbench.errors import CATALOGUE, WorkbenchError
from workbench.errors_ja import MESSAGES, localize, render_error, user_language, where_text

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
PACKAGE = Path(workbench.__file__).resolve().parent
LOCATION = {"path", "line", "page"}


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_code_has_a_japanese_message_and_hint():
    assert set(MESSAGES) == set(CATALOGUE), "errors_ja.MESSAGES and errors.CATALOGUE list different codes"
    for code, (message, hint) in MESSAGES.items():
        assert JAPANESE.search(message) and JAPANESE.search(hint), code
        assert hint.endswith("。"), f"{code}: a hint is a sentence"
        assert not message.endswith("。"), f"{code}: the message is joined to the hint with 。"


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_japanese_uses_exactly_the_english_placeholders(code):
    spec = CATALOGUE[code]
    ja_message, ja_hint = MESSAGES[code]
    assert _placeholders(ja_message) == _placeholders(spec.message)
    assert _placeholders(ja_hint) == _placeholders(spec.hint)


def _calls(pattern: str = r"E\d{3}"):
    """(file, source, call, code) of every call in the package whose first argument is a code
    matching ``pattern``: ``XxxError(E101, ...)``, ``msg(M.D509, ...)``."""
    for file in sorted(PACKAGE.rglob("*.py")):
        src = file.read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(src)):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            first = node.args[0]
            name = first.id if isinstance(first, ast.Name) else first.attr if isinstance(first, ast.Attribute) else ""
            if re.fullmatch(pattern, name):
                yield file, src, node, name


def _raise_sites() -> list[tuple[str, str, dict]]:
    """(where, code, keyword arguments) of every ``XxxError(Exxx, ...)`` in the package;
    constant arguments keep their value, computed ones get a stand-in."""
    sites = []
    for file, _src, node, name in _calls():
        kwargs = {}
        for kw in node.keywords:
            if kw.arg is None or kw.arg in LOCATION:
                continue
            kwargs[kw.arg] = kw.value.value if isinstance(kw.value, ast.Constant) else "x1"
        sites.append((f"{file.relative_to(PACKAGE.parent)}:{node.lineno}", name, kwargs))
    return sites


def test_every_raise_site_fills_the_japanese_templates():
    sites = _raise_sites()
    assert len(sites) > 100  # the scan really found the raise sites
    assert {code for _, code, _ in sites} >= set(CATALOGUE) - {"E202"}  # E202 has no raise site today
    for where, code, kwargs in sites:
        message, hint = MESSAGES[code]
        filled = message.format(**kwargs) + hint.format(**kwargs)  # KeyError = a placeholder the site does not give
        assert "{" not in filled, where
        text = WorkbenchError(code, path="draft.pdf", **kwargs).render_in("ja")
        assert text.startswith(f"[{code}] draft.pdf: ") and JAPANESE.search(text), where


PHRASE_KEYS = {"detail", "what", "allowed", "size", "limit", "kind", "tried", "depth", "suffix", "name"}


def test_raise_sites_pass_phrases_as_coded_details():
    """A fixed phrase in an error's placeholder is a coded detail (``detail=msg(M.D104)``,
    workbench/messages/details.py), never English text that a table would have to translate
    back: no string literal or f-string with words in the phrase placeholders. What a library
    or the system said (``f"{type(exc).__name__}: {exc}"``) and lists of codes pass as given."""
    found = []
    for file, src, node, _code in _calls():
        for kw in node.keywords:
            if kw.arg not in PHRASE_KEYS:
                continue
            v = kw.value.value if isinstance(kw.value, ast.Subscript) else kw.value
            parts = [v.value] if isinstance(v, ast.Constant) and isinstance(v.value, str) else \
                [p.value for p in v.values if isinstance(p, ast.Constant)] if isinstance(v, ast.JoinedStr) else []
            if kw.arg == "name" and all(" " not in p for p in parts):
                continue  # a setting, option or argument name (language, --review, FILE) is an identifier
            if any(re.search(r"[A-Za-z]{3,}", p) for p in parts):
                found.append(f"{file.relative_to(PACKAGE.parent)}:{node.lineno}: {kw.arg}={ast.get_source_segment(src, kw.value)}")
    assert not found, "English phrases in error placeholders (use msg(M.Dxxx, ...)):\n" + "\n".join(found)


_EXC_NAMES = {"exc", "e", "err", "error"}
_EXC_TEXT = {"strerror", "msg", "problem", "args", "reason"}  # an exception's own words (OSError, JSONDecodeError...)


def _exception_text(node: ast.AST) -> bool:
    """Whether ``node`` spells an exception's words (``str(exc)``, ``exc.strerror``, an
    f-string with ``{exc}``), outside a ``cause(exc, ...)`` that codes them."""
    if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "cause":
        return False
    if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "str" and node.args:
        return isinstance(node.args[0], ast.Name) and node.args[0].id in _EXC_NAMES or _exception_text(node.args[0])
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in _EXC_NAMES:
        return node.attr in _EXC_TEXT
    if isinstance(node, ast.FormattedValue):
        return isinstance(node.value, ast.Name) and node.value.id in _EXC_NAMES or _exception_text(node.value)
    return any(_exception_text(child) for child in ast.iter_child_nodes(node))


def test_what_the_system_or_a_library_said_is_a_coded_cause():
    """An exception's own words (strerror "Permission denied", SQLite's "database is locked",
    PyYAML's, pypdf's) reach an error or a detail only through ``cause(exc, en=...)``
    (workbench/messages/causes.py), which says them in the reader's language from the
    exception's errno, result code or type; only a placeholder the catalogue marks as the
    English audit copy (``define(..., audit=...)``) takes them as they are."""
    from workbench.messages import CATALOGUE as MESSAGE_CATALOGUE

    found = []
    for file, src, node, code in _calls(r"E\d{3}|[NRWID]\d{3}"):
        audit = MESSAGE_CATALOGUE[code].audit if code in MESSAGE_CATALOGUE else ()
        for kw in node.keywords:
            if kw.arg is not None and kw.arg not in audit and _exception_text(kw.value):
                found.append(f"{file.relative_to(PACKAGE.parent)}:{node.lineno}: {kw.arg}={ast.get_source_segment(src, kw.value)}")
    assert not found, "an exception's words passed as they are (use cause(exc, en=...)):\n" + "\n".join(found)


def test_the_cause_check_finds_raw_exception_text():
    bad = ast.parse('X(E601, detail=exc.strerror or str(exc))').body[0].value.keywords[0].value
    good = ast.parse('X(E601, detail=cause(exc, en=exc.strerror or str(exc)))').body[0].value.keywords[0].value
    fstring = ast.parse('msg(M.D110, n=1, x=f"{type(exc).__name__}: {exc}")').body[0].value.keywords[1].value
    assert _exception_text(bad) and not _exception_text(good) and _exception_text(fstring)


def test_english_rendering_is_unchanged():
    for where, code, kwargs in _raise_sites():
        exc = WorkbenchError(code, path="d.txt", line=3, **kwargs)
        assert exc.render_in("en") == exc.render() == str(exc), where


def test_real_bad_files_read_in_japanese(tmp_path):
    from fpdf import FPDF
    from PIL import Image, ImageDraw

    from workbench.ingest import read_draft

    empty = tmp_path / "空の草稿.txt"
    empty.write_bytes(b"")
    img = Image.new("RGB", (600, 200), "white")
    ImageDraw.Draw(img).text((10, 80), "1. A drone comprising a rotor.", fill="black")
    pdf = FPDF()
    for _ in range(3):
        pdf.add_page()
        pdf.image(img, x=10, y=10, w=180)
    scan = tmp_path / "scan.pdf"
    pdf.output(str(scan))
    fake = tmp_path / "fake.pdf"
    fake.write_text("not a pdf at all", encoding="utf-8")

    seen = {}
    for path in (empty, scan, fake):
        with pytest.raises(WorkbenchError) as info:
            read_draft(path)
        seen[info.value.code] = info.value.render_in("ja")
    assert seen["E102"] == f"[E102] {empty}: ファイルが空です（0 バイト）。編集ソフトで草稿を保存し直してから、もう一度お試しください。"
    assert seen["E107"].startswith(f"[E107] {scan}: PDF にテキスト層がありません（スキャン画像と思われます：テキストのないページ 3 ページ）。")
    assert "OCR" in seen["E107"]
    # the raise site's fixed English phrase is translated too
    assert "ファイルの先頭が PDF の形式ではありません（%PDF ヘッダーなし）" in seen["E104"]


def test_an_encrypted_pdf_asks_for_the_password_in_japanese(tmp_path):
    from pypdf import PdfWriter

    from workbench.ingest import read_draft

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.encrypt(user_password="s3cret", owner_password="owner", algorithm="AES-128")
    p = tmp_path / "locked.pdf"
    with p.open("wb") as fh:
        writer.write(fh)
    with pytest.raises(WorkbenchError) as info:
        read_draft(p)
    assert info.value.code == "E105"
    assert info.value.render_in("ja") == (
        f"[E105] {p}: PDF が暗号化されています。"
        "パスワードを入力するか（--password／パスワード入力画面）、保護を外したコピーを保存してください。"
    )


def test_a_rule_file_error_says_the_line_in_japanese_and_keeps_the_extended_hint():
    from workbench.messages import M, msg

    exc = errors.RulesError(errors.E304, path="fields.yaml", line=12, field_id=7)
    exc.extend_hint(msg(M.D318, n=2))  # as rules/loader.py does
    assert exc.hint.endswith(" (2 more problem(s): run 'workbench rules check')")  # English as before
    assert exc.render().endswith("Give each field a unique id. (2 more problem(s): run 'workbench rules check')")
    text = exc.render_in("ja")
    assert text.startswith("[E304] fields.yaml、12 行目: 分野番号 7 が二重に定義されています。")
    assert text.endswith("（ほかに 2 件の問題があります：'workbench rules check' で確認してください）")
    exc.extend_hint(msg(M.D318, n=3))  # extended again: replaced, not appended twice
    assert exc.hint.count("more problem") == 1 and "(3 more" in exc.hint


def test_user_typed_values_are_never_translated():
    # E901's value "(none)" and E508's value "decision" are what the user gave, not phrases
    from workbench.messages import M, msg

    exc = errors.SettingsError(errors.E901, name="FILE", value="(none)", detail=msg(M.D906))  # as cli/triage.py raises it
    assert "FILE=(none)" in exc.render_in("ja") and "ファイルを1つ以上" in exc.render_in("ja")
    exc = errors.StoreError(errors.E508, value="decision", what=msg(M.D531), allowed="clear_abroad, hold")
    assert exc.render_in("ja").startswith("[E508] 'decision' は出願方針として正しくありません。")


def test_a_plain_detail_stays_as_it_came():
    """A detail that is not coded is shown as given; nothing reads it to guess a translation
    (the raise sites code the system's and libraries' words with cause(), checked by
    test_what_the_system_or_a_library_said_is_a_coded_cause; this is the renderer's side)."""
    msg, _ = localize("E104", {"detail": "EOF marker not found"}, "ja")
    assert msg == "PDF が壊れているか、途中で切れています（EOF marker not found）"
    msg, _ = localize("E601", {"detail": "[Errno 13] Permission denied"}, "ja")
    assert msg == "エクスポートファイルを書き込めません（[Errno 13] Permission denied）"


def test_a_coded_detail_keeps_its_code_across_processes():
    """A coded detail survives the framing to a worker process and back (pickled) and the
    JSON form, so the parent renders it in the user's language."""
    import pickle

    from workbench.messages import M, details_from_json, details_to_json, error_message, msg

    exc = errors.IngestError(errors.E104, path="a.pdf", detail=msg(M.D105))
    back = pickle.loads(pickle.dumps(exc.details))
    assert back["detail"].code == "D105"
    again = errors.IngestError(errors.E104, path="a.pdf", **details_from_json(details_to_json(exc.details)))
    assert again.render() == exc.render() and again.render_in("ja") == exc.render_in("ja")
    assert "ファイル終端の印" in again.render_in("ja")
    quoted = error_message(exc)  # a note quoting the error keeps the coded detail
    assert quoted.get("detail").code == "D105" and "ファイル終端の印" in quoted.render("ja")


def test_parts_render_like_the_exception():
    exc = errors.IngestError(errors.E107, path="/d/scan.pdf", page=2, pages=3)
    assert render_error("E107", lang="ja", path="/d/scan.pdf", page=2, details={"pages": 3}) == exc.render_in("ja")
    assert render_error("E107", lang="en", path="/d/scan.pdf", page=2, details={"pages": 3}) == exc.render()
    assert where_text("a.yaml", 4, None, "ja") == "a.yaml、4 行目"
    assert where_text(None, None, 5, "en") == "page 5"


@pytest.mark.parametrize(
    ("env", "setting", "expected"),
    [
        ({}, None, "en"),
        ({"LANG": "ja_JP.UTF-8"}, None, "ja"),
        ({"LANG": "ja_JP.eucJP"}, "auto", "ja"),
        ({"LANG": "C.UTF-8"}, None, "en"),
        ({"LANG": "ja_JP.UTF-8", "LC_ALL": "C"}, None, "en"),  # LC_ALL wins, as POSIX says
        ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "ja_JP.UTF-8"}, None, "ja"),
        ({"LANG": "C.UTF-8"}, "ja", "ja"),  # the user chose Japanese in Settings
        ({"LANG": "ja_JP.UTF-8"}, "en", "en"),
        ({"LANG": "ja_JP.UTF-8", "WORKBENCH_LANG": "en"}, "ja", "en"),  # e.g. to send support an English line
        ({"WORKBENCH_LANG": "ja"}, None, "ja"),
        ({"WORKBENCH_LANG": "klingon", "LANG": "C"}, None, "en"),
    ],
)
def test_user_language(env, setting, expected):
    assert user_language(setting, env) == expected


def test_a_broken_history_is_explained_in_japanese_by_the_real_verify(tmp_path, capsys, monkeypatch):
    """A hand-edited event (the audit case): 'workbench log verify' names it in Japanese."""
    import sqlite3

    from workbench import triage
    from workbench.cli import main as cli
    from workbench.store.log import TriageLog

    db = tmp_path / "log.sqlite"
    log = TriageLog.open(db)
    draft_id = log.record_verdict(triage.screen_text("1. A coffee grinder comprising a burr."), reviewer="tanaka")
    log.decide(draft_id, "clear_abroad", "No specified field.", True, ("US",), None, reviewer="tanaka",
               override_reason="JPO confirmed")  # completed in Japan: sign-off needed unless triaged clear
    log.close()
    with sqlite3.connect(db) as conn:  # what a tamperer would do, bypassing the append-only triggers
        conn.execute("DROP TRIGGER IF EXISTS events_no_update")
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'").fetchall():
            conn.execute(f"DROP TRIGGER {name}")
        conn.execute("UPDATE events SET payload = replace(payload, 'No specified field.', 'Edited.') WHERE kind = 'decision.recorded'")
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    assert cli.main(["log", "verify", "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"エラー: [E504] {db}: 判定記録の履歴がイベント ")
    assert "内容がハッシュと一致しません（decision.recorded）。記録が書き換えられた可能性があります。" in err


@pytest.mark.parametrize(
    "args, expected",
    [
        (["--residence", "JP,XYZ"], "国コードではありません：XYZ（例：JP,IN）"),
        (["--completed-abroad", "US,??"], "国コードではありません：??（例：US,CN）"),
        (["--completed-abroad", "JP,US"], "日本は国外ではありません。--completed-in-japan 'yes' を指定し"),
    ],
)
def test_the_decision_options_country_errors_read_in_japanese(tmp_path, monkeypatch, capsys, args, expected):
    from workbench.cli.main import main

    monkeypatch.setenv("WORKBENCH_LANG", "ja")
    db = tmp_path / "log.sqlite"
    rc = main(["log", "decide", "1", "--db", str(db), "--decision", "hold", "--rationale", "r", *args])
    err = capsys.readouterr().err
    assert rc == 2 and "[E901]" in err
    assert expected in err, err
    assert "not a country code" not in err and "Japan is not abroad" not in err


def test_the_stores_country_checks_read_in_japanese(tmp_path):
    from workbench.store import TriageLog

    log = TriageLog.open(tmp_path / "log.sqlite")
    with pytest.raises(WorkbenchError) as info:
        log.decide(1, "hold", "why", reviewer="sato", residences=("J1",))
    assert "居住国の国コード" in info.value.render_in("ja")
    assert "JP・IN・US などの2文字の ISO 国コード" in info.value.render_in("ja")
    with pytest.raises(WorkbenchError) as info:
        log.decide(1, "hold", "why", reviewer="sato", completed_abroad=("JP",))
    text = info.value.render_in("ja")
    assert "国外の完成地" in text and "日本以外の国の2文字の ISO 国コード" in text, text


def test_a_coded_detail_is_rendered_from_the_catalogue_not_by_a_filler():
    """A raise site that passes detail=msg(...) gets its Japanese from the message catalogue."""
    from workbench.errors import E901, SettingsError
    from workbench.messages import cli as C
    from workbench.messages import msg

    exc = SettingsError(E901, name="--review", value=0.9, detail=msg(C.N905, likely=0.5))
    assert "must not exceed the likely threshold (0.5)" in exc.render()
    assert "「送付の可能性大」のしきい値（0.5）以下にしてください" in exc.render_in("ja")
