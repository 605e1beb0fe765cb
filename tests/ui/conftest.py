"""Fixtures for the desktop-app tests: an isolated QSettings / settings file / log per
test, a leak check that fails any test leaving threads running, and a plain-function
stand-in for the classifier built on the real ingest + claims code."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from PySide6.QtCore import QCoreApplication, QSettings  # noqa: E402

from workbench.domain import ClaimVerdict, DraftVerdict, Evidence, FieldVerdict, IpcScore  # noqa: E402
from workbench.errors import WorkbenchError  # noqa: E402

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, monkeypatch, qapp):
    """Per-test QSettings (ini files under tmp) and a per-test core settings file and log."""
    QCoreApplication.setOrganizationName("PatentTriageWorkbenchTest")
    QCoreApplication.setApplicationName(f"ui-test-{tmp_path.name}")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    monkeypatch.setenv("WORKBENCH_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("WORKBENCH_DB", str(tmp_path / "log.sqlite"))
    monkeypatch.setenv("WORKBENCH_REVIEWER", "tester")
    from workbench.ui import preferences

    monkeypatch.setattr(preferences, "ORG", "PatentTriageWorkbenchTest")
    monkeypatch.setattr(preferences, "APP", f"ui-test-{tmp_path.name}")
    yield


@pytest.fixture(autouse=True)
def no_leaked_threads(qapp):
    """Fail a test that leaves Qt pool threads or Python threads running (napari-style)."""
    from workbench.ui.workers import active_workers, thread_pool

    before = {t.ident for t in threading.enumerate()}
    yield
    pool = thread_pool()
    leaked_workers = active_workers()
    busy = pool.activeThreadCount()
    pool.waitForDone(10000)  # tidy up so the next test starts clean, then report
    QCoreApplication.processEvents()
    extra = [
        t for t in threading.enumerate()
        if t.ident not in before and t.is_alive() and not isinstance(t, threading._DummyThread)  # type: ignore[attr-defined]
    ]
    assert busy == 0 and not leaked_workers, f"test left {busy} Qt worker thread(s) running: {leaked_workers}"
    assert not extra, f"test left Python threads running: {extra}"


# -- a plain-function classifier over the real ingest + claims code ------------------------
_WORD = re.compile(r"[A-Za-z]{7,}")


def fake_classify(draft) -> DraftVerdict:
    """A deterministic stand-in for the classifier: field 1 for every claim, with the
    first long word of the claim as evidence. Used where a test is about the UI, not
    about classification quality."""
    from workbench.claims import extract_claims

    claims = extract_claims(draft)
    cvs = []
    for c in claims.claims:
        m = _WORD.search(c.text)
        ev = (Evidence(1, m.group(0), "claim", m.start(), m.end(), 1.0, c.number),) if m else ()
        fv = FieldVerdict(1, "possible", 0.3, "Test field one", "テスト分野", ("test",), ev, False)
        fv2 = FieldVerdict(2, "no", 0.05, "Test field two", "テスト分野二", (), (), True)
        cvs.append(ClaimVerdict(c.number, (fv, fv2), (IpcScore("F41H", 0.4, "Armour"),), ev))
    top = FieldVerdict(1, "possible", 0.3, "Test field one", "テスト分野", ("test",), (), False)
    return DraftVerdict(draft, claims, "review", (top,), (IpcScore("F41H", 0.4, "Armour"),), tuple(cvs))


def fake_screen_files(paths, *, answers=None, thresholds=None, should_cancel=None, **_):
    from workbench.ingest import read_draft

    for p in paths:
        if should_cancel is not None and should_cancel():
            return
        try:
            yield p, fake_classify(read_draft(p))
        except WorkbenchError as exc:
            yield p, exc


@pytest.fixture
def example_drafts() -> list[Path]:
    root = Path(__file__).resolve().parents[2] / "workbench" / "examples"
    files = sorted(root.glob("draft_*.txt"))
    assert files, "the bundled example drafts are missing"
    return files


@pytest.fixture
def corrupt_pdf(tmp_path) -> Path:
    p = tmp_path / "broken.pdf"
    p.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\nthis is not a pdf body\n")
    return p


@pytest.fixture(scope="session")
def uspto_drafts(shared_data) -> list[Path]:
    """Real USPTO publications (read in place; the ingest reads their XML directly)."""
    xmls = sorted((shared_data / "uspto-xml").glob("*.xml"))
    assert xmls, "no USPTO XML in the shared data"
    return xmls
