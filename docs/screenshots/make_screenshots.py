"""Render the main window with real drafts loaded, in English and Japanese, to PNGs.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_screenshots.py [OUT_DIR]

Uses the bundled example drafts (and, when ../shared/data is present, a real USPTO
publication) screened by the real pipeline, a throw-away triage log and throw-away
settings; nothing of the user's is touched.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

TMP = Path(tempfile.mkdtemp(prefix="wb-shots-"))
os.environ["WORKBENCH_CONFIG_DIR"] = str(TMP / "config")
os.environ["WORKBENCH_DB"] = str(TMP / "log.sqlite")
os.environ["WORKBENCH_REVIEWER"] = "tanaka"

from PySide6.QtCore import QCoreApplication, QDate, QEventLoop, QSettings, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QWidget  # noqa: E402

from workbench.settings import Settings  # noqa: E402
from workbench.ui import preferences  # noqa: E402
from workbench.ui.app import Controller, ensure_app  # noqa: E402
from workbench.ui.notifications import NotificationManager  # noqa: E402
from workbench.ui.session import Session  # noqa: E402


def wait_for(signal, timeout_ms: int = 300000) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


def settle(ms: int = 150) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def bad_files() -> list[Path]:
    """Files a user meets that cannot be screened: an empty file, a scanned PDF (no text
    layer), a password-protected PDF."""
    from fpdf import FPDF
    from PIL import Image, ImageDraw
    from pypdf import PdfWriter

    folder = TMP / "bad"
    if folder.is_dir():
        return sorted(folder.iterdir())
    folder.mkdir()
    (folder / "empty_draft.txt").write_bytes(b"")
    page = Image.new("RGB", (900, 300), "white")
    ImageDraw.Draw(page).text((20, 130), "1. A drone comprising a rotor and a camera.", fill="black")
    pdf = FPDF()
    for _ in range(3):
        pdf.add_page()
        pdf.image(page, x=10, y=10, w=190)
    pdf.output(str(folder / "scanned_draft.pdf"))
    locked = PdfWriter()
    locked.add_blank_page(width=595, height=842)
    locked.encrypt(user_password="secret", owner_password="owner", algorithm="AES-128")
    with (folder / "protected_draft.pdf").open("wb") as fh:
        locked.write(fh)
    return sorted(folder.iterdir())


def failures_shot(win, files: list[Path], shot: Path) -> None:
    """The list of files that could not be screened, each with its code and what to do."""
    win.open_paths([str(p) for p in files])
    wait_for(win.batch_finished)
    settle()
    dlg = win.notifier.last_dialog
    dlg.resize(980, 240)
    settle()
    dlg.grab().save(str(shot))
    dlg.close()


SIZES = ((1366, 768), (1920, 1080))  # a common office laptop and a common desktop monitor


def grab(win, shot: Path, size: tuple[int, int]) -> Path:
    """The window as the screen shows it; the grab is exactly the screen's size (a window
    that cannot shrink to it would be bigger, and that is a defect)."""
    settle()
    image = win.grab()
    if (image.width(), image.height()) != size:  # say which part holds it wider or taller
        def walk(w, depth=0):
            m = w.minimumSizeHint()
            if m.width() > size[0] * 0.45 or m.height() > size[1] * 0.6:
                print("  " * depth, type(w).__name__, w.objectName(), m.width(), m.height(), w.minimumWidth(), file=sys.stderr)
                for c in w.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
                    walk(c, depth + 1)
        walk(win)
    assert (image.width(), image.height()) == size, f"{shot.name}: the window is {image.width()}x{image.height()}, not {size}"
    image.save(str(shot))
    return shot


def main(out_dir: Path) -> list[Path]:
    app = ensure_app()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(TMP / "qsettings"))
    preferences.ORG = "PatentTriageWorkbenchScreenshots"
    examples = sorted((ROOT / "workbench" / "examples").glob("draft_*.txt"))
    shared = Path(os.environ.get("WORKBENCH_SHARED_DATA", ROOT.parent / "shared" / "data"))
    uspto = sorted((shared / "uspto-xml").glob("*.xml"))[:2] if (shared / "uspto-xml").is_dir() else []
    session = Session.start(Settings(reviewer="tanaka"), db_path=str(TMP / "log.sqlite"), notes=NotificationManager())
    ctl = Controller(app, session)
    written = []
    out_dir.mkdir(parents=True, exist_ok=True)
    grinder = TMP / "draft_en_coffee_grinder.txt"  # comes back edited: version 2 of its matter
    grinder_text = (ROOT / "workbench" / "examples" / "draft_en_coffee_grinder.txt").read_text(encoding="utf-8")
    grinder.write_text(grinder_text, encoding="utf-8")
    for lang, focus in (("en", "draft_en_underwater_vehicle.txt"), ("ja", "draft_ja_quantum_dot_detector.txt")):
        win = ctl.build(lang)
        win.resize(*SIZES[0])
        win.show()
        if not session.verdicts:
            win.open_paths([str(p) for p in (*examples, *uspto, grinder)])
            wait_for(win.batch_finished)
            rows = [win.queue_model.row_at(i) for i in range(win.queue_model.rowCount())]
            uuv = next(r for r in rows if r.name == "draft_en_underwater_vehicle.txt")
            session.log.annotate(uuv.draft_id, 1, uuv.top_field_id, "agree", "Passive sonar AUV: military use plausible", reviewer="tanaka")
            session.log.decide(uuv.draft_id, "file_jp_first", "Likely field hit; file at the JPO first and wait for the primary review.",
                               True, ("US", "EP"), "2026-01-31", reviewer="tanaka")
            g1 = next(r for r in rows if r.path == str(grinder))
            session.log.annotate(g1.draft_id, 1, g1.top_field_id, "disagree", "Kitchen appliance", reviewer="sato")
            session.log.annotate(g1.draft_id, 2, g1.top_field_id, "disagree", "Lighting only", reviewer="sato")
            session.log.decide(g1.draft_id, "hold", "Waiting for the inventor's corrected claims.", False, ("US",),
                               reviewer="tanaka", completed_abroad=("US",))
            grinder.write_text(grinder_text.replace("wherein the scale is illuminated.",
                                                    "wherein the scale is illuminated by a light guide fed by an LED."),
                               encoding="utf-8")
            win.open_paths([str(grinder)])
            wait_for(win.batch_finished)
            win.refresh_log()
        key = next(k for k, v in session.verdicts.items() if Path(v.draft.source_path).name == focus)
        for size in SIZES:
            win.resize(*size)
            win.tabs.setCurrentWidget(win.draft_view)
            win.select_key(key)
            written.append(grab(win, out_dir / f"main_{lang}_{size[0]}x{size[1]}.png", size))
        # the grinder's second version: what changed, carried annotations, what to re-review
        g2 = next(r for r in (win.queue_model.row_at(i) for i in range(win.queue_model.rowCount())) if r.path == str(grinder))
        for size in SIZES:
            win.resize(*size)
            win.select_key(g2.key)
            written.append(grab(win, out_dir / f"versions_{lang}_{size[0]}x{size[1]}.png", size))
        win.select_key(key)
        win.tabs.setCurrentWidget(win.decision_panel)
        panel = win.decision_panel
        panel.decision.setCurrentIndex(panel.decision.findData("file_jp_first"))
        panel.rationale.setPlainText(
            "請求項1の量子ドット赤外線検出器は特定技術分野に該当する可能性があるため、日本で第一国出願する。" if lang == "ja"
            else "Claim 1 may fall in a specified field: file in Japan first."
        )
        panel.place.setCurrentIndex(panel.place.findData(True))
        panel.countries.setText("US, EP, CN")
        panel.residences.setText("JP, IN, GB")  # the checklist gains an India (yes) and a UK (possible) row
        panel.jp_filed.setChecked(True)
        panel.jp_date.setDate(QDate(2026, 1, 31))
        for size in SIZES:
            win.resize(*size)
            written.append(grab(win, out_dir / f"decision_{lang}_{size[0]}x{size[1]}.png", size))
        win.tabs.setCurrentWidget(win.log_view)
        for size in SIZES:
            win.resize(*size)
            written.append(grab(win, out_dir / f"log_{lang}_{size[0]}x{size[1]}.png", size))
        win.tabs.setCurrentWidget(win.draft_view)
        shot = out_dir / f"failures_{lang}.png"
        failures_shot(win, bad_files(), shot)
        written.append(shot)
    ctl.window.close()
    session.close_log()
    QCoreApplication.processEvents()
    return written


if __name__ == "__main__":
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent
    for p in main(out):
        print(p)
