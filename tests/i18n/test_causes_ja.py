"""What the operating system and the libraries report reaches a Japanese reader in Japanese
(workbench/messages/causes.py): real failures - a file the user may not read, a folder
given as a file, a locked or full SQLite log, a damaged DOCX or PDF, a malformed YAML or JSON
rule file - under WORKBENCH_LANG=ja leave no English word but codes (E601, EACCES,
SQLITE_FULL), file names and format names; the English rendering (logs, stored records,
WORKBENCH_LANG=en) keeps the system's own words for support."""

from __future__ import annotations

import errno
import io
import os
import sqlite3
import sys
import zipfile
from pathlib import Path

import pytest

from tests.i18n.test_cli_ja_output import english_words
from tests.i18n.test_cli_ja_output import run_cli as _run
from workbench.cli.main import main
from workbench.errors import WorkbenchError
from workbench.messages import CATALOGUE, msg
from workbench.messages import causes as C
from workbench.messages.causes import cause

EXAMPLES = Path(__file__).resolve().parents[2] / "workbench" / "examples"
JA_DRAFT = EXAMPLES / "draft_ja_ir_seeker.txt"


def _japanese_only(out: str, code: str) -> None:
    assert f"[{code}]" in out, out
    assert not english_words(out), (english_words(out), out)


# -- the mapping: from what the exception is, never from its words ----------------------------------

@pytest.mark.parametrize("name", sorted(C._BY_ERRNO))
def test_every_mapped_errno_is_said_in_japanese_with_its_symbol(name):
    if not hasattr(errno, name):
        pytest.skip(f"{name} does not exist on this system")
    number = getattr(errno, name)
    exc = OSError(number, os.strerror(number), "/tmp/x")
    m = cause(exc)
    assert m.code == C.ERRNO_CAUSES[number] != C.D001
    assert m.render("en") == os.strerror(number)  # the system's words, for the audit copy
    ja = m.render("ja")
    assert errno.errorcode[number] in ja and not english_words(ja), ja


def test_the_words_of_an_exception_do_not_choose_its_cause():
    """Two errors with the same English but different errno get different causes; an unknown
    errno is still Japanese, naming its symbol."""
    said = "Permission denied"
    assert cause(OSError(errno.EACCES, said)).code == C.D002
    assert cause(OSError(errno.ENOENT, said)).code == C.D003
    odd = cause(OSError(errno.ENOTSUP, os.strerror(errno.ENOTSUP)))
    assert odd.code == C.D001 and errno.errorcode[errno.ENOTSUP] in odd.render("ja")
    assert odd.render("en") == f"{os.strerror(errno.ENOTSUP)} ({errno.errorcode[errno.ENOTSUP]})"
    assert cause(OSError("no errno at all")).code == C.D027


def test_sqlite_errors_are_told_by_result_code():
    conn = sqlite3.connect(":memory:")
    with pytest.raises(sqlite3.Error) as info:
        conn.execute("SELECT * FROM no_such_table")
    m = cause(info.value)
    assert m.code == C.D045 and "SQLITE_ERROR" in m.render("ja")
    assert m.render("en") == "no such table: no_such_table"
    conn.execute("CREATE TABLE t (x)")
    conn.execute("CREATE TRIGGER t_no_update BEFORE UPDATE ON t BEGIN SELECT RAISE(ABORT, 'append-only'); END")
    conn.execute("INSERT INTO t VALUES (1)")
    with pytest.raises(sqlite3.IntegrityError) as info:
        conn.execute("UPDATE t SET x = 2")
    assert cause(info.value).code == C.D039  # the trigger's refusal (SQLITE_CONSTRAINT_TRIGGER)


def test_every_cause_code_has_real_japanese():
    codes = [c for c in CATALOGUE if c.startswith("D0")]
    assert len(codes) >= 60
    for code in codes:
        spec = CATALOGUE[code]
        args = {n: "X" for n in spec.placeholders("en") | spec.placeholders("ja")}
        ja = msg(code, **args).render("ja")
        assert not english_words(ja.replace("X", " ")), (code, ja)


# -- real failures, as a Japanese user meets them ------------------------------------------------------

def test_a_folder_given_as_the_export_file(tmp_path, capsys, monkeypatch):
    db = str(tmp_path / "log.sqlite")
    assert _run(capsys, monkeypatch, ["triage", "--db", db, str(JA_DRAFT)])[0] in (0, 3)
    folder = tmp_path / "decisions.csv"
    folder.mkdir()
    rc, out = _run(capsys, monkeypatch, ["log", "export", "--db", db, "-o", str(folder)])
    assert rc == 2
    _japanese_only(out, "E601")
    assert "フォルダーです（EISDIR）" in out
    rc, out = _run(capsys, monkeypatch, ["log", "export", "--db", db, "-o", str(folder)], lang="en")
    assert os.strerror(errno.EISDIR) in out  # English keeps the system's words


def test_a_locked_log(tmp_path, capsys, monkeypatch):
    db = str(tmp_path / "log.sqlite")
    _run(capsys, monkeypatch, ["triage", "--db", db, str(JA_DRAFT)])
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        monkeypatch.setattr("workbench.store.log.DEFAULT_TIMEOUT", 0.2)
        rc, out = _run(capsys, monkeypatch, ["log", "decide", "1", "--decision", "hold", "--rationale", "確認中",
                                             "--db", db, "--completed-in-japan", "yes"])
    finally:
        holder.rollback()
        holder.close()
    assert rc == 2
    _japanese_only(out, "E502")


def test_a_full_log_is_E511_with_sqlites_code_in_japanese(tmp_path):
    """SQLite's own "database or disk is full" (a page limit makes it real): E511, told by the
    result code SQLITE_FULL, in Japanese; the English keeps SQLite's words."""
    from workbench import triage
    from workbench.store.log import TriageLog

    log = TriageLog.open(tmp_path / "log.sqlite")
    pages = log.conn.execute("PRAGMA page_count").fetchone()[0]
    log.conn.execute(f"PRAGMA max_page_count = {pages + 1}")
    with pytest.raises(WorkbenchError) as info:
        for i in range(50):
            log.record_verdict(triage.screen_text(f"1. A grinder number {i} comprising a burr. " * 40), reviewer="tanaka")
    log.close()
    exc = info.value
    assert exc.code == "E511" and exc.details["detail"].code == C.D035
    ja = exc.render_in("ja")
    assert "SQLITE_FULL" in ja and not english_words(ja), ja
    assert "database or disk is full" in exc.render()


def test_a_damaged_log_file(tmp_path, capsys, monkeypatch):
    """A file with SQLite's header and garbage after it: SQLite's "file is not a database" /
    "malformed" reach the reader as a Japanese cause with SQLite's code."""
    db = tmp_path / "log.sqlite"
    _run(capsys, monkeypatch, ["triage", "--db", str(db), str(JA_DRAFT)])
    data = bytearray(db.read_bytes())
    data[100:4096] = os.urandom(len(data[100:4096]))  # the header page's schema, scrambled
    db.write_bytes(bytes(data))
    for suffix in ("-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    rc, out = _run(capsys, monkeypatch, ["log", "list", "--db", str(db)])
    assert rc == 2
    _japanese_only(out, "E501")


def _docx(path: Path, damage) -> None:
    from docx import Document

    doc = Document()
    doc.add_paragraph("【請求項１】赤外線シーカを備える誘導弾。" * 20)
    doc.save(str(path))
    path.write_bytes(damage(path.read_bytes()))


def _scramble_document_xml(data: bytes) -> bytes:
    """The compressed bytes of word/document.xml overwritten: the ZIP's directory is intact,
    its member does not inflate (zlib / CRC errors from the library)."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        info = zf.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    out = bytearray(data)
    out[start + 10:start + info.compress_size - 10] = b"\xff" * (info.compress_size - 20)
    return bytes(out)


def test_a_damaged_docx_and_pdf(tmp_path, capsys, monkeypatch):
    cut = tmp_path / "草稿.docx"
    _docx(cut, lambda data: data[: len(data) - 30] + b"\0" * 30)  # the central directory's end damaged
    scrambled = tmp_path / "scrambled.docx"
    _docx(scrambled, _scramble_document_xml)
    pdf = tmp_path / "draft.pdf"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
    for path, code in ((cut, "E108"), (scrambled, "E108"), (pdf, "E104")):
        rc, out = _run(capsys, monkeypatch, ["claims", str(path)])
        assert rc == 2, out
        _japanese_only(out, code)


@pytest.mark.parametrize(
    "name, text, phrase",
    [
        ("bad.yaml", "id: x\nversion: '1'\nfields:\n  - id: 1\n    name_ja: [unclosed\n    name_en: x\n", "構造"),
        ("tab.yaml", "id: x\n\tversion: 1\n", "字句"),
        ("alias.yaml", "id: *nowhere\n", "別名"),
        ("bad.json", '{"id": "x",}', "JSON の書式"),
    ],
)
def test_a_malformed_rule_file(tmp_path, capsys, monkeypatch, name, text, phrase):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    rc, out = _run(capsys, monkeypatch, ["rules", "check", str(p)])
    assert rc != 0
    _japanese_only(out, "E302")
    assert phrase in out, out
    rc, out = _run(capsys, monkeypatch, ["rules", "check", str(p)], lang="en")
    assert "[E302]" in out and ("parser says" in out or "Expecting" in out)  # the parser's words, for support


# -- "Permission denied" for real: without the right to override file modes ----------------------
# The tests run as root, who reads a chmod 000 file anyway; the child below gives up the
# capabilities that allow it (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH), so the kernel refuses
# as it does for any user.

def _drop_file_mode_override() -> None:
    import ctypes

    class Header(ctypes.Structure):
        _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]

    class Data(ctypes.Structure):
        _fields_ = [("effective", ctypes.c_uint32), ("permitted", ctypes.c_uint32), ("inheritable", ctypes.c_uint32)]

    libc = ctypes.CDLL(None, use_errno=True)
    header, data = Header(0x20080522, 0), (Data * 2)()  # _LINUX_CAPABILITY_VERSION_3
    if libc.capget(ctypes.byref(header), data) != 0:
        raise OSError(ctypes.get_errno(), "capget")
    keep = ~((1 << 1) | (1 << 2)) & 0xFFFFFFFF  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
    data[0].effective &= keep
    data[0].permitted &= keep
    if libc.capset(ctypes.byref(header), data) != 0:
        raise OSError(ctypes.get_errno(), "capset")


def _as_unprivileged(argv: list[str], env: dict[str, str]) -> str:
    """Run ``workbench argv`` in a child process that file modes bind; return what it printed."""
    if not sys.platform.startswith("linux"):
        pytest.skip("capabilities are Linux's")
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        try:
            os.close(read)
            _drop_file_mode_override()
            os.environ.update(env)
            sys.stdout = sys.stderr = buf = io.StringIO()
            try:
                main(list(argv))
            except SystemExit:
                pass
            os.write(write, buf.getvalue().encode("utf-8"))
        except BaseException as exc:  # noqa: BLE001 - told to the parent, which fails the test
            os.write(write, f"child failed: {exc!r}".encode("utf-8"))
        finally:
            os._exit(0)
    os.close(write)
    chunks = []
    while chunk := os.read(read, 65536):
        chunks.append(chunk)
    os.close(read)
    os.waitpid(pid, 0)
    return b"".join(chunks).decode("utf-8")


def test_an_unreadable_rule_file_and_log_folder(tmp_path):
    env = {"WORKBENCH_LANG": "ja", "WORKBENCH_CONFIG_DIR": str(tmp_path / "config")}
    rule = tmp_path / "fields.yaml"
    rule.write_text("id: x\n", encoding="utf-8")
    rule.chmod(0o000)
    out = _as_unprivileged(["rules", "check", str(rule)], env)
    _japanese_only(out, "E302")
    assert "アクセスする権限がありません（EACCES）" in out, out
    out = _as_unprivileged(["rules", "check", str(rule)], {**env, "WORKBENCH_LANG": "en"})
    assert os.strerror(errno.EACCES) in out, out  # the English audit copy: the system's own words

    logs = tmp_path / "logs"
    logs.mkdir(mode=0o555)
    out = _as_unprivileged(["triage", "--db", str(logs / "log.sqlite"), "--text", "赤外線シーカを備える誘導弾。"], env)
    _japanese_only(out, "E509")
    assert "SQLITE_CANTOPEN" in out, out  # SQLite's code for it, said in Japanese
    logs.chmod(0o755)

    config = tmp_path / "config"
    config.mkdir()
    (config / "settings.json").write_text("{}", encoding="utf-8")
    (config / "settings.json").chmod(0o000)
    out = _as_unprivileged(["triage", "--no-log", "--text", "赤外線シーカを備える誘導弾。"], env)
    _japanese_only(out, "E901")
    assert "ファイルを読み取れません（アクセスする権限がありません（EACCES））" in out, out


# -- a defect: an exception nothing raised on purpose ------------------------------------------------

def test_an_unexpected_failure_of_a_command_is_E905_in_japanese_with_a_report(tmp_path, capsys, monkeypatch):
    """A bug in a command used to end in a Python traceback (English) on the console: it is
    one coded line in the user's language now, the cause said from the exception's type, and
    the traceback support needs in a report file named in that line."""
    import workbench.cli.rules as rules_cli

    def broken(args):
        return {}["missing"]

    monkeypatch.setattr(rules_cli, "run_show", broken)
    config = tmp_path / "config"
    monkeypatch.setenv("WORKBENCH_CONFIG_DIR", str(config))
    rc, out = _run(capsys, monkeypatch, ["rules", "show"])
    assert rc == 2
    _japanese_only(out, "E905")
    assert "データが、プログラムの想定した形式ではありません" in out and "Traceback" not in out
    reports = list(config.glob("error-report-*.txt"))
    assert len(reports) == 1 and str(reports[0]) in out
    saved = reports[0].read_text(encoding="utf-8")
    assert "Traceback" in saved and "KeyError: 'missing'" in saved and "in broken" in saved
    rc, out = _run(capsys, monkeypatch, ["rules", "show"], lang="en")
    assert rc == 2 and "[E905]" in out and "KeyError: 'missing'" in out  # the English keeps the exception's words
    # the report cannot be written: the traceback is printed instead, and the line says so
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("WORKBENCH_CONFIG_DIR", str(blocker))
    rc, out = _run(capsys, monkeypatch, ["rules", "show"])
    assert rc == 2 and "Traceback" in out and "上に表示した内容" in out
