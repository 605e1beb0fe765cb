"""Build the PDF report an auditor reads from real drafts, in English, Japanese and both,
and render every page to PNG (pdftoppm) to look at:

    .venv/bin/python docs/report/make_report.py [OUT_DIR]

The bundled example drafts and two real USPTO publications (../shared/data) are screened
by the real pipeline into a throw-away log; decisions (one superseded), annotations and a
second version of a draft are recorded, as over a day's work. Nothing of the user's is touched.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def build_log(tmp: Path) -> Path:
    from workbench.store import TriageLog
    from workbench.triage import screen_file

    shared = Path(os.environ.get("WORKBENCH_SHARED_DATA", ROOT.parent / "shared" / "data"))
    drafts = sorted((ROOT / "workbench" / "examples").glob("draft_*.txt"))
    drafts += sorted((shared / "uspto-xml").glob("*.xml"))[:2] if (shared / "uspto-xml").is_dir() else []
    db = tmp / "log.sqlite"
    with TriageLog.open(db, reviewer="tanaka") as log:
        ids = {}
        for p in drafts:
            ids[p.name] = log.record_verdict(screen_file(p))
        uuv = ids["draft_en_underwater_vehicle.txt"]
        log.annotate(uuv, 1, log.draft(uuv).summary.top_field_id, "agree", "Passive sonar AUV: military use plausible", reviewer="sato")
        log.decide(uuv, "hold", "Waiting for the inventor's answer on the intended customers.", True, ("US",), reviewer="tanaka")
        log.decide(uuv, "file_jp_first", "Likely field hit (unmanned underwater vehicles); file at the JPO first and "
                   "wait for the primary review before any foreign or PCT filing.", True, ("US", "EP", "CN", "IN"),
                   "2026-01-31", reviewer="kimura", residences=("JP", "IN"), completed_abroad=())
        ja = ids["draft_ja_quantum_dot_detector.txt"]
        log.decide(ja, "prior_confirmation", "請求項1の量子ドット型赤外線受光素子は特定技術分野17に該当する可能性があるため、"
                   "外国出願の前に特許庁へ事前確認を求める。防衛用途の有無は発明者に確認中。", True, ("US", "CN"),
                   "2026-02-14", reviewer="佐藤", residences=("JP",))
        grinder = ids["draft_en_coffee_grinder.txt"]
        log.decide(grinder, "clear_abroad", "Kitchen appliance; no specified field applies.", False, ("US", "EP"),
                   reviewer="tanaka", residences=("US",), completed_abroad=("US",),
                   override_reason="Triaged 'review' on a low score; the attorney found no specified field")
        # the grinder comes back edited: a second version of the same matter
        edited = tmp / "draft_en_coffee_grinder.txt"
        text = (ROOT / "workbench" / "examples" / "draft_en_coffee_grinder.txt").read_text(encoding="utf-8")
        edited.write_text(text.replace("wherein the scale is illuminated.",
                                       "wherein the scale is illuminated by a light guide fed by an LED."), encoding="utf-8")
        log.record_verdict(screen_file(edited))
        for name, did in ids.items():
            if name.startswith("PatentPublicData"):
                log.decide(did, "hold", "Transactional data processing claims; awaiting the attorney's review of claim 1.",
                           None, (), reviewer="kimura")
                break
    return db


def main(out: Path) -> list[Path]:
    from workbench.store import TriageLog
    from workbench.store.export import export_log

    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="wb-report-"))
    db = build_log(tmp)
    pages = []
    with TriageLog.open(db) as log:
        for lang in ("en", "ja", "both"):
            pdf = out / f"report_{lang}.pdf"
            export_log(log, "pdf", pdf, language=lang)
            for old in out.glob(f"report_{lang}-*.png"):
                old.unlink()
            subprocess.run(["pdftoppm", "-r", "70", "-png", str(pdf), str(out / f"report_{lang}")], check=True)
            pages += sorted(out.glob(f"report_{lang}-*.png"))
    return pages


if __name__ == "__main__":
    for p in main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent):
        print(p)
