"""The parts of the UI package that must work without Qt (so they can be tested and
reused headless): the notification route, rows, the core adapter, the process runner."""

from __future__ import annotations

import subprocess
import sys


def test_headless_modules_do_not_import_qt():
    code = (
        "import sys\n"
        "import workbench.ui.notifications, workbench.ui.rows, workbench.ui.backend, workbench.ui.process_runner\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_coded_errors_survive_the_process_boundary():
    """They pickle as what they are (the screening process sends them through a
    multiprocessing connection); anything else the core raises crosses as E904 naming it."""
    import pickle

    from workbench.errors import E105, Cancelled, IngestError
    from workbench.ui.process_runner import portable_error

    def across(exc):
        return pickle.loads(pickle.dumps(portable_error(exc)))

    exc = across(IngestError(E105, path="/x/locked.pdf"))
    assert type(exc) is IngestError and exc.code == "E105" and exc.path == "/x/locked.pdf"
    assert exc.render() == IngestError(E105, path="/x/locked.pdf").render()
    assert isinstance(across(Cancelled()), Cancelled)
    other = across(ValueError("boom"))
    assert other.code == "E904" and "ValueError: boom" in other.message


def test_folders_expand_to_supported_draft_files(tmp_path):
    from workbench.ui.backend import expand_paths

    (tmp_path / "sub").mkdir()
    for name in ("a.pdf", "b.docx", "sub/c.txt", "d.xml", "e.md", "skip.png", ".hidden.txt"):
        (tmp_path / name).write_bytes(b"x")
    got = [p.replace(str(tmp_path) + "/", "") for p in expand_paths([tmp_path])]
    assert got == ["a.pdf", "b.docx", "d.xml", "e.md", "sub/c.txt"]
    assert expand_paths([tmp_path / "skip.png"]) == [str(tmp_path / "skip.png")]  # a file named explicitly is tried (and gets its coded error)


def test_screening_process_serves_calls_in_order_and_survives_an_abandoned_one(example_drafts, corrupt_pdf):
    from ui_fakes import fake_screen_files, slow_fake_screen_files

    from workbench.ui.process_runner import ScreeningProcess

    sp = ScreeningProcess()
    try:
        first = list(sp.run("workbench.ui.backend:screen_batch", [str(example_drafts[0])], record=False, screen_files=fake_screen_files))
        assert [i.verdict.draft.name for i in first] == [example_drafts[0].name]
        pid = sp._proc.pid
        # abandon a slow call after its first item (what Cancel does), then run another
        gen = sp.run("workbench.ui.backend:screen_batch", [str(p) for p in example_drafts], record=False, screen_files=slow_fake_screen_files)
        assert next(gen).ok
        gen.close()
        again = list(sp.run("workbench.ui.backend:screen_batch", [str(corrupt_pdf), str(example_drafts[1])], record=False, screen_files=fake_screen_files))
        assert [(i.path, i.ok) for i in again] == [(str(corrupt_pdf), False), (str(example_drafts[1]), True)]
        assert again[0].error.code.startswith("E1")
        assert sp._proc.pid == pid  # one process for the session: the model loads once
    finally:
        sp.close()
    assert not sp.running


def test_screening_process_reports_a_crash_and_restarts(example_drafts):
    from ui_fakes import fake_screen_files

    from workbench.ui.process_runner import ScreeningProcess

    sp = ScreeningProcess()
    try:
        import pytest

        from workbench.errors import WorkbenchError

        with pytest.raises(WorkbenchError, match=r"\[E903\] The screening process stopped unexpectedly \(exit code 3\)"):
            list(sp.run("ui_fakes:crash"))
        assert not sp.running
        items = list(sp.run("workbench.ui.backend:screen_batch", [str(example_drafts[0])], record=False, screen_files=fake_screen_files))
        assert items[0].ok
    finally:
        sp.close()
