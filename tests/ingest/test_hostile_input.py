"""Hostile drafts (issue 14): every reader bounded in time, memory and nesting depth, odd
paths handled like any bad input, and one bad file never stops a batch. Each case was
reproduced against the previous reader first (RecursionError, minutes of regex, GBs)."""

from __future__ import annotations

import io
import os
import struct
import threading
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from workbench.errors import IngestError
from workbench.ingest import expand_paths, read_draft
from workbench.ingest.limits import MAX_DEPTH, Limits
from workbench.ingest.text import markdown_to_text

CLAIMS = b"What is claimed is:\n1. A drone comprising a rotor.\n2. The drone of claim 1, wherein the rotor is shrouded.\n"
GOOD = b"Title: Drone\n\n" + CLAIMS
XML_HEAD = b'<?xml version="1.0" encoding="UTF-8"?>\n'


def _refused(path, code: str, *, within: float = 12.0, **kwargs) -> IngestError:
    started = time.monotonic()
    with pytest.raises(IngestError) as exc:
        read_draft(path, **kwargs)
    assert exc.value.code == code, exc.value.render()
    assert exc.value.path == str(path) and Path(path).name in exc.value.render()
    assert time.monotonic() - started < within
    return exc.value


def _grant(claims: bytes = b"<claim id=\"c1\" num=\"1\"><claim-text>1. A drone comprising a rotor.</claim-text></claim>",
           description: bytes = b"<p>A drone.</p>") -> bytes:
    return (XML_HEAD + b'<us-patent-grant><us-bibliographic-data-grant><invention-title>Drone</invention-title>'
            b"</us-bibliographic-data-grant><description>" + description + b"</description><claims>" + claims
            + b"</claims></us-patent-grant>")


# ------------------------------------------------------------------ nesting depth
@pytest.mark.parametrize(
    "where, data",
    [
        ("root", XML_HEAD + b"<us-patent-grant>" + b"<x>" * 50_000 + b"</x>" * 50_000 + b"</us-patent-grant>"),
        ("claim text", _grant(claims=b'<claim id="c1" num="1">' + b"<claim-text>" * 3_000 + b"1. A drone."
                              + b"</claim-text>" * 3_000 + b"</claim>")),
        ("description", _grant(description=b"<p>" + b"<b>" * 5_000 + b"deep" + b"</b>" * 5_000 + b"</p>")),
    ],
)
def test_deeply_nested_uspto_xml_is_e115_not_a_recursion_error(tmp_path, where, data):
    p = tmp_path / "deep.xml"
    p.write_bytes(data)
    err = _refused(p, "E115")
    assert str(MAX_DEPTH) in err.message


def test_ordinary_nesting_is_still_read(tmp_path):
    p = tmp_path / "ok.xml"
    p.write_bytes(_grant(claims=b'<claim id="c1" num="1"><claim-text>1. A drone comprising'
                         + b"<claim-text>a rotor;</claim-text>" * 3 + b"</claim-text></claim>"))
    assert "a rotor" in read_draft(p).claims_text


# ------------------------------------------------------------------ time: quadratic patterns
def test_crafted_doctype_is_refused_at_once(tmp_path):
    p = tmp_path / "doctype.xml"
    p.write_bytes(XML_HEAD + b"<!-- <us-patent-grant> -->" + b"<!DOCTYPE a [" * 40_000 + _grant()[len(XML_HEAD):])
    _refused(p, "E114", within=3.0)


def test_entity_declarations_are_never_expanded(tmp_path):
    lol = b'<!ENTITY lol "lol">' + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10) for i in range(1, 10)
    )
    p = tmp_path / "laughs.xml"
    p.write_bytes(XML_HEAD + b"<!DOCTYPE us-patent-grant [" + lol + b"]>" + _grant(
        claims=b'<claim id="c1" num="1"><claim-text>1. A drone &lol9; rotor.</claim-text></claim>')[len(XML_HEAD):])
    d = read_draft(p)
    assert "lol" not in d.text and len(d.text) < 1000
    q = tmp_path / "inner.xml"  # a DOCTYPE that is not the document's first is refused
    q.write_bytes(_grant(description=b'<p>x</p><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'))
    _refused(q, "E114")


@pytest.mark.parametrize(
    "name, line",
    [
        ("heading", b"# " + b" #" * 60_000 + b"x"),  # lazy group + trailing '[ \t#]*$': 61 s at 40k before
        ("emphasis", b"**a " * 60_000),  # an opener scanning to the end of the line: 219 s at 40k before
        ("underscores", b"__a " * 60_000),
    ],
)
def test_markdown_patterns_are_linear(tmp_path, name, line):
    p = tmp_path / f"{name}.md"
    p.write_bytes(b"Title: Drone\n\n" + line + b"\n\n" + CLAIMS)
    started = time.monotonic()
    d = read_draft(p)
    assert time.monotonic() - started < 5.0
    assert "1. A drone" in d.claims_text


def test_markdown_cleanup_keeps_its_meaning():
    assert markdown_to_text("## Claims ##\n# Title  #  \n") == "Claims\nTitle\n"
    assert markdown_to_text("a **bold** and __also__ but ** not** x") == "a bold and also but ** not** x"


def test_one_time_limit_for_text_xml_and_markdown(tmp_path):
    for name, data in (("t.txt", GOOD * 2000), ("t.md", GOOD * 2000), ("t.xml", _grant(description=b"<p>x</p>" * 20000))):
        p = tmp_path / name
        p.write_bytes(data)
        err = _refused(p, "E112", timeout_s=0.0)
        assert "0.0" in err.message


# ------------------------------------------------------------------ memory: measured sizes
def test_huge_text_is_refused_without_being_read(tmp_path):
    p = tmp_path / "huge.txt"
    with p.open("wb") as fh:  # sparse: 190 MB on paper, nothing on disk
        fh.write(GOOD)
        fh.seek(190_000_000)
        fh.write(b"x")
    tracemalloc.start()
    try:
        err = _refused(p, "E111", within=2.0)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 5_000_000 and "text or XML" in err.message


def test_text_over_the_character_limit_is_refused(tmp_path):
    p = tmp_path / "one-line.txt"
    p.write_bytes(b"a" * 3_000_000)
    _refused(p, "E111", limits=Limits(max_chars=1_000_000))
    q = tmp_path / "pages.txt"
    q.write_bytes(GOOD + b"\f" * 10_000)
    assert "pages" in _refused(q, "E111").message


def _lying_docx(real: int, declared: int) -> bytes:
    """A Word package with one member whose headers declare ``declared`` bytes (CRC of
    those) while its deflate stream unpacks to ``real`` bytes."""
    from docx import Document

    buf = io.BytesIO()
    Document().save(buf)
    out = io.BytesIO()
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        dst.writestr("word/media/image1.png", b"\0" * real)
    data = bytearray(out.getvalue())
    import zlib

    crc = zlib.crc32(b"\0" * declared)
    # local header: crc at +14, uncompressed size at +22; central directory: crc +16, size +24
    for sig, crc_at, size_at in ((b"PK\x03\x04", 14, 22), (b"PK\x01\x02", 16, 24)):
        pos = data.rfind(sig)
        while pos >= 0:
            name_len = struct.unpack_from("<H", data, pos + (26 if sig == b"PK\x03\x04" else 28))[0]
            name_at = pos + (30 if sig == b"PK\x03\x04" else 46)
            if bytes(data[name_at : name_at + name_len]) == b"word/media/image1.png":
                struct.pack_into("<L", data, pos + crc_at, crc)
                struct.pack_into("<L", data, pos + size_at, declared)
                break
            pos = data.rfind(sig, 0, pos)
    return bytes(data)


def test_docx_whose_zip_header_lies_about_its_size_is_refused_measured(tmp_path):
    p = tmp_path / "liar.docx"
    p.write_bytes(_lying_docx(real=300_000_000, declared=1_000))
    assert p.stat().st_size < 1_000_000
    tracemalloc.start()
    try:
        err = _refused(p, "E111")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "measured" in err.message and peak < 100_000_000  # 2.2 GB before
    q = tmp_path / "small-liar.docx"
    q.write_bytes(_lying_docx(real=5_000_000, declared=1_000))
    assert "misstates" in _refused(q, "E108").message


def test_docx_with_a_huge_list_start_or_cell_span_is_bounded(tmp_path):
    from docx import Document

    doc = Document()
    table = doc.add_table(rows=1, cols=1)
    tc_pr = table.rows[0].cells[0]._tc.get_or_add_tcPr()
    from docx.oxml import parse_xml

    tc_pr.append(parse_xml('<w:gridSpan xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:val="100000000"/>'))
    p = tmp_path / "span.docx"
    doc.save(p)
    _refused(p, "E108")
    from workbench.ingest.docx import format_number

    assert format_number(10**9, "lowerLetter") == str(10**9) and format_number(3, "upperRoman") == "III"


# ------------------------------------------------------------------ odd paths
def test_file_name_with_undecodable_bytes_is_screened_and_logged(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_CONFIG_DIR", str(tmp_path / "config"))
    name = os.fsdecode(b"draft-\xff\xfe.txt")
    p = tmp_path / name
    p.write_bytes(GOOD)
    from workbench.cli.main import main

    rc = main(["triage", "--db", str(tmp_path / "log.sqlite"), "--json", str(p)])
    assert rc == 0
    from workbench.store import TriageLog

    with TriageLog.open(tmp_path / "log.sqlite") as lg:
        assert lg.verify().ok
        (summary,) = lg.drafts()
        assert "\\udcff" in summary.name  # stored visibly escaped, never dropped
    # a changed draft under the same name: the next version of its matter (the name lookup
    # raised UnicodeEncodeError once draft versions came)
    p.write_bytes(GOOD.replace(b"rotor.", b"rotor and a frame."))
    assert main(["triage", "--db", str(tmp_path / "log.sqlite"), "--json", str(p)]) == 0
    with TriageLog.open(tmp_path / "log.sqlite") as lg:
        assert lg.verify().ok
        first, second = lg.drafts()
        assert first.name == second.name and len(lg.versions_of(second.id)) == 2


def test_symlink_loop_is_a_coded_error_in_a_batch_too(tmp_path):
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    (tmp_path / "good.txt").write_bytes(GOOD)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to(tmp_path, target_is_directory=True)  # a folder loop
    files = expand_paths([tmp_path])
    assert sorted(Path(f).name for f in files) == ["a.txt", "b.txt", "good.txt"]
    assert "symbolic link loop" in _refused(tmp_path / "a.txt", "E116").message


def test_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    box: list = []
    t = threading.Thread(target=lambda: box.append(pytest.raises(IngestError, read_draft, fifo)), daemon=True)
    t.start()
    t.join(5)
    assert not t.is_alive(), "reading a FIFO blocked"
    assert box[0].value.code == "E116" and "FIFO" in box[0].value.message
    assert str(fifo) in expand_paths([tmp_path])  # listed, so the batch reports it
    assert _refused(tmp_path, "E116").message.endswith("(a folder)")
    assert _refused(Path("/dev/zero"), "E116")


def test_very_long_names(tmp_path):
    long_ja = tmp_path / ("草" * 80 + ".txt")  # 240 bytes + suffix: the longest name ext4 takes
    long_ja.write_bytes(GOOD)
    assert "1. A drone" in read_draft(long_ja).claims_text
    _refused(tmp_path / ("x" * 300 + ".txt"), "E101")
    _refused(tmp_path / "/".join(["d" * 200] * 30) / "a.txt", "E101")


# ------------------------------------------------------------------ a batch always goes on
def test_a_folder_with_hostile_files_still_screens_its_good_drafts(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("WORKBENCH_CONFIG_DIR", str(tmp_path / "config"))
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-deep.xml").write_bytes(XML_HEAD + b"<us-patent-grant>" + b"<x>" * 50_000 + b"</us-patent-grant>")
    (folder / "b-good.txt").write_bytes(GOOD)
    (folder / "c-heading.md").write_bytes(b"# " + b" #" * 60_000 + b"x\n\n" + CLAIMS)
    (folder / "d-liar.docx").write_bytes(_lying_docx(real=50_000_000, declared=1_000))
    os.mkfifo(folder / "e-pipe.txt")
    (folder / "f-good.txt").write_bytes(GOOD.replace(b"Drone", b"Pump"))
    from workbench.cli.main import main

    rc = main(["triage", "--db", str(tmp_path / "log.sqlite"), str(folder)])
    out, err = capsys.readouterr()
    assert rc == 3, err  # some failed, the rest were screened
    assert "Traceback" not in err
    for code, name in (("E115", "a-deep.xml"), ("E108", "d-liar.docx"), ("E116", "e-pipe.txt")):
        assert f"[{code}]" in err and name in err
    from workbench.store import TriageLog

    with TriageLog.open(tmp_path / "log.sqlite") as lg:
        names = sorted(s.name for s in lg.drafts())
    assert names == ["b-good.txt", "c-heading.md", "f-good.txt"]


# ------------------------------------------------------------------ odd paths on every command (triage, claims, batch)
def _cli(args: list[str], capsys) -> tuple[int, str, str]:
    from workbench.cli.main import main

    rc = main(args)
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return rc, out, err


def test_a_link_to_a_folder_given_as_a_file_is_refused_and_one_given_as_a_folder_is_walked_and_said(tmp_path, monkeypatch, capsys):
    """'drafts.txt' -> /tmp was walked silently (every draft under /tmp screened: the hostile
    benchmark's 40 s hang). Named like a draft it is given as a file, so it is refused (E116,
    a link to a folder) on every command; a link named like a folder ('portfolio') gets the
    folder behaviour of `triage`/`batch` with a coded note (W150); `claims` takes one file."""
    from workbench.messages import code_of

    monkeypatch.setenv("WORKBENCH_CONFIG_DIR", str(tmp_path / "config"))
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.txt").write_bytes(GOOD)
    as_file = tmp_path / "drafts.txt"
    as_file.symlink_to(tmp_path / "real", target_is_directory=True)
    as_folder = tmp_path / "portfolio"
    as_folder.symlink_to(tmp_path / "real", target_is_directory=True)

    notes: list = []
    assert expand_paths([as_file], notes) == [str(as_file)] and notes == []
    assert "a link to a folder" in _refused(as_file, "E116").message
    db = str(tmp_path / "log.sqlite")
    for args in (["triage", "--no-log", str(as_file)], ["claims", str(as_file)], ["batch", "--jobs", "1", "--db", db, str(as_file)]):
        rc, out, err = _cli(args, capsys)
        assert rc == 2 and "[E116]" in err and "drafts.txt" in err and "a.txt: " not in out, args

    assert expand_paths([as_folder], notes) == [str(as_folder / "a.txt")]
    assert [code_of(n) for n in notes] == ["W150"] and notes[0].get("target") == str(tmp_path / "real")
    rc, out, err = _cli(["triage", "--no-log", str(as_folder)], capsys)
    assert rc == 0 and f"{as_folder} is a link to the folder {tmp_path / 'real'}" in err and "a.txt: " in out
    rc, out, err = _cli(["batch", "--jobs", "1", "--db", db, str(as_folder)], capsys)
    assert rc == 0 and f"{as_folder} is a link to the folder" in err
    rc, out, err = _cli(["claims", str(as_folder)], capsys)
    assert rc == 2 and "[E901]" in err and "portfolio" in err
    monkeypatch.setenv("WORKBENCH_LANG", "ja")
    rc, out, err = _cli(["triage", "--no-log", str(as_folder)], capsys)
    assert rc == 0 and "へのリンクです" in err
    rc, out, err = _cli(["triage", "--no-log", str(as_file)], capsys)
    assert rc == 2 and "フォルダーへのリンク" in err


def test_a_line_of_a_million_tabs_is_read_in_bounded_time(tmp_path):
    """The technical-field heading pattern tried every split of the line between two runs of
    [ \\t]* (15-24 s CPU in the hostile benchmark, killed at 40 s)."""
    p = tmp_path / "tabs.txt"
    p.write_bytes(b"Claims\n" + b"\t" * 1_000_000 + b"1. x\n")
    started = time.monotonic()
    d = read_draft(p)
    assert time.monotonic() - started < 8 and d.claims_text.strip() == "1. x"


def test_links_to_folders_inside_a_walk_are_named_not_followed(tmp_path):
    from workbench.ingest import discover
    from workbench.messages import code_of

    top = tmp_path / "in"
    top.mkdir()
    (top / "a.txt").write_bytes(GOOD)
    (top / "up").symlink_to(tmp_path, target_is_directory=True)  # a loop: never followed
    notes: list = []
    assert expand_paths([top], notes) == [str(top / "a.txt")]
    assert [(code_of(n), n.get("path")) for n in notes] == [("W151", str(top / "up"))]
    for i in range(discover.MAX_LINK_NOTES + 5):  # many links: a bounded list, then a count
        (top / f"l{i:03}").symlink_to(tmp_path, target_is_directory=True)
    notes = []
    expand_paths([top], notes)
    assert [code_of(n) for n in notes] == ["W151"] * discover.MAX_LINK_NOTES + ["W152"]
    assert notes[-1].get("count") == 6


@pytest.mark.parametrize("name", ["new\nline.txt", "report\u202etxt.exe.txt", "zero\u200fwidth.txt"])
def test_names_with_a_newline_or_a_bidi_mark_are_shown_escaped_on_every_command(tmp_path, monkeypatch, capsys, name):
    """A newline in a file name printed a forged line ('line.txt: REVIEW'), U+202E turned the
    name around on screen; both are shown as escapes (\\x0a, \\u202e) in results and errors."""
    def shown_name(s: str) -> str:  # what the person must read (workbench.text.shown_name)
        return s.replace("\n", "\\x0a").replace("\u202e", "\\u202e").replace("\u200f", "\\u200f")

    monkeypatch.setenv("WORKBENCH_CONFIG_DIR", str(tmp_path / "config"))
    p = tmp_path / name
    p.write_bytes(GOOD)
    bad = tmp_path / ("bad-" + name)
    bad.write_bytes(b"")  # empty: a coded error naming it
    shown = shown_name(str(p))
    assert "\n" not in shown and "\u202e" not in shown and "\u200f" not in shown
    for args in (["triage", "--no-log", str(p), str(bad)], ["claims", str(p)], ["claims", str(bad)],
                 ["batch", "--jobs", "1", "--progress", "lines", "--db", str(tmp_path / "log.sqlite"), str(p), str(bad)]):
        rc, out, err = _cli(args, capsys)
        assert rc in (0, 2, 3)
        both = out + err
        for ch in ("\u202e", "\u200f"):
            assert ch not in both, args
        assert not [line for line in both.splitlines() if line.startswith(("line.txt", "txt.exe"))], args  # no forged line
        if args[0] != "claims" or str(bad) in args:
            assert shown_name(bad.name) in both, args


def test_an_unreadable_file_is_e101_on_every_command(tmp_path, monkeypatch, capsys):
    """Permission denied (the tests run as root, so os.open is made to refuse it)."""
    import errno

    monkeypatch.setenv("WORKBENCH_CONFIG_DIR", str(tmp_path / "config"))
    p = tmp_path / "secret.txt"
    p.write_bytes(GOOD)
    real_open = os.open

    def refuse(path, flags, *a, **kw):
        if os.fspath(path) == str(p):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *a, **kw)

    monkeypatch.setattr(os, "open", refuse)
    real_builtin_open = open

    def refuse_builtin(file, *a, **kw):
        if isinstance(file, (str, os.PathLike)) and os.fspath(file) == str(p):
            raise PermissionError(errno.EACCES, "Permission denied", str(file))
        return real_builtin_open(file, *a, **kw)

    monkeypatch.setattr("builtins.open", refuse_builtin)
    _refused(p, "E101")
    for args in (["triage", "--no-log", str(p)], ["claims", str(p)], ["batch", "--jobs", "1", "--db", str(tmp_path / "log.sqlite"), str(p)]):
        rc, out, err = _cli(args, capsys)
        assert rc == 2 and "[E101]" in err and "secret.txt" in err, (args, err)
