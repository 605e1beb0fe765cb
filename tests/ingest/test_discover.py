"""Batch screening walks folders with one rule, shared by the CLI and the GUI."""

from __future__ import annotations

from workbench.cli.main import main
from workbench.ingest import expand_paths


def test_folders_expand_to_supported_drafts_skipping_hidden(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / ".git").mkdir()
    for name in ("a.pdf", "b.DOCX", "sub/c.txt", "d.xml", "e.md", "skip.png", ".hidden.txt", ".git/x.txt"):
        (tmp_path / name).write_bytes(b"x")
    got = [p.replace(str(tmp_path) + "/", "") for p in expand_paths([tmp_path])]
    assert got == ["a.pdf", "b.DOCX", "d.xml", "e.md", "sub/c.txt"]
    # a file named explicitly is kept (reading it gives its own coded error)
    assert expand_paths([tmp_path / "skip.png", "missing.txt"]) == [str(tmp_path / "skip.png"), "missing.txt"]


def test_triage_of_a_folder_screens_each_draft_and_reports_the_bad_one(tmp_path, capsys):
    from importlib import resources

    src = resources.files("workbench") / "examples" / "draft_en_coffee_grinder.txt"
    (tmp_path / "good.txt").write_bytes(src.read_bytes())
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj<<>>")
    rc = main(["triage", str(tmp_path), "--no-log", "--json"])
    out, err = capsys.readouterr()
    assert rc == 3  # some files failed, the rest were screened
    assert "good.txt" in out and "E104" in err and "broken.pdf" in err


def test_triage_of_an_empty_folder_says_so(tmp_path, capsys):
    assert main(["triage", str(tmp_path), "--no-log"]) == 2
    assert "no draft files" in capsys.readouterr().err


def test_office_owner_files_of_open_drafts_are_skipped(tmp_path):
    """Word keeps '~$name.docx' beside a draft that is open; it is a lock file, not a draft,
    and screening the folder must not report it as a broken DOCX (exit 3)."""
    (tmp_path / "draft.docx").write_bytes(b"x")
    (tmp_path / "~$draft.docx").write_bytes(b"\x05alice")
    got = [p.replace(str(tmp_path) + "/", "") for p in expand_paths([tmp_path])]
    assert got == ["draft.docx"]


def test_triage_exits_2_when_every_file_failed(tmp_path, capsys):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"not a pdf")
    assert main(["triage", str(bad), "--no-log"]) == 2  # nothing screened: an error, not a partial batch
    assert "E104" in capsys.readouterr().err


def test_a_file_named_twice_is_screened_once(tmp_path):
    from workbench.ingest.discover import expand_paths

    (tmp_path / "sub").mkdir()
    a = tmp_path / "sub" / "a.txt"
    a.write_text("x", encoding="utf-8")
    b = tmp_path / "b.txt"
    b.write_text("y", encoding="utf-8")
    # the folder, then a file inside it, then the same file by another spelling
    got = expand_paths([tmp_path, a, tmp_path / "sub" / ".." / "sub" / "a.txt", b])
    assert got == [str(b), str(a)]  # the folder's sorted walk, nothing twice
    missing = tmp_path / "nope.txt"
    assert expand_paths([missing, missing]) == [str(missing)]  # still reported (once) as E101
