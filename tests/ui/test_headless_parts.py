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
    from workbench.errors import E105, Cancelled, IngestError
    from workbench.ui.process_runner import _pack_error, rebuild_error

    exc = rebuild_error(_pack_error(IngestError(E105, path="/x/locked.pdf")))
    assert type(exc) is IngestError and exc.code == "E105" and exc.path == "/x/locked.pdf"
    assert exc.render() == IngestError(E105, path="/x/locked.pdf").render()
    assert isinstance(rebuild_error(_pack_error(Cancelled())), Cancelled)
    other = rebuild_error(_pack_error(ValueError("boom")))
    assert "ValueError: boom" in str(other)


def test_folders_expand_to_supported_draft_files(tmp_path):
    from workbench.ui.backend import expand_paths

    (tmp_path / "sub").mkdir()
    for name in ("a.pdf", "b.docx", "sub/c.txt", "d.xml", "e.md", "skip.png", ".hidden.txt"):
        (tmp_path / name).write_bytes(b"x")
    got = [p.replace(str(tmp_path) + "/", "") for p in expand_paths([tmp_path])]
    assert got == ["a.pdf", "b.docx", "d.xml", "e.md", "sub/c.txt"]
    assert expand_paths([tmp_path / "skip.png"]) == [str(tmp_path / "skip.png")]  # a file named explicitly is tried (and gets its coded error)
