"""Messages a Japanese IP staff member met on the command line: each names what is wrong
and what to do, in Japanese under a Japanese locale."""

from __future__ import annotations

from workbench.cli.main import main


def test_filing_check_without_the_place_of_completion_is_refused(capsys):
    # without --completed-in no first-filing duty can apply: "no rule applies" would be a false all-clear
    assert main(["filing", "check", "--plan", "US,EP"]) == 2
    err = capsys.readouterr().err
    assert "[E901]" in err and "--completed-in" in err and "Traceback" not in err


def test_filing_check_without_the_place_of_completion_in_japanese(capsys, monkeypatch):
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    assert main(["filing", "check", "--residence", "JP", "--plan", "US"]) == 2
    err = capsys.readouterr().err
    assert "[E901]" in err and "--completed-in" in err and "発明を完成した国" in err


def test_filing_check_with_the_place_of_completion_still_runs(capsys):
    assert main(["filing", "check", "--completed-in", "JP", "--plan", "US"]) == 0
    assert "JP" in capsys.readouterr().out


def test_export_to_a_file_without_a_known_ending_names_it_in_japanese(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    out = tmp_path / "decisions.txt"
    assert main(["log", "export", "--db", str(tmp_path / "log.sqlite"), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "[E901]" in err and str(out) in err and "--format" in err
    assert "give --format" not in err  # the reason is in Japanese too, not only the frame
    assert ".xlsx" in err and not out.exists()


def test_claims_of_a_folder_says_it_is_a_folder(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    assert main(["claims", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "[E901]" in err and str(tmp_path) in err and "フォルダーです" in err and "workbench triage" in err
    assert "存在しない" not in err


def test_a_truncated_docx_reads_in_japanese(tmp_path, capsys, monkeypatch):
    from docx import Document

    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    whole = tmp_path / "whole.docx"
    doc = Document()
    doc.add_paragraph("【請求項１】弾頭を備える無人航空機。")
    doc.save(whole)
    cut = tmp_path / "cut.docx"
    cut.write_bytes(whole.read_bytes()[:4000])  # a copy interrupted half-way
    assert main(["claims", str(cut)]) == 2
    err = capsys.readouterr().err
    assert "[E108]" in err and str(cut) in err and "途中で切れている" in err
    assert "not a valid ZIP" not in err
