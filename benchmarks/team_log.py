"""The team log under load: concurrent writers, a server restart, and the GUI on a big log.

    nice -n 10 .venv/bin/python -m benchmarks.team_log [--writers 8] [--decisions 1000]
        [--gui-drafts 10000] [--prev /tmp/prev] [--skip-gui | --gui-only]

1. Throughput: 1 writer, then ``--writers`` concurrent writer processes x ``--decisions``
   decisions each, on the embedded SQLite log and on a PostgreSQL team log (a throwaway
   cluster with fsync on, started by tests/pg_cluster.py); then verify: nothing lost (every
   acknowledged decision is there), no duplicate, chain whole. With ``--prev`` (a worktree of
   the previous release) its SQLite log is measured the same way in the same run.
2. Restart: the same writers on PostgreSQL while the server is stopped (immediate, i.e. a
   crash) and started again in the middle; writers report the coded error, retry, and after
   the run every acknowledged decision must be in the log once.
3. GUI: the main window (QT_QPA_PLATFORM=offscreen, 1366x768) on a log of ``--gui-drafts``
   drafts (a third decided, a tenth annotated), on PostgreSQL and on SQLite, this release
   beside ``--prev`` in the same run: the GUI-thread time of the first load, of a refresh
   after another client's write, and of 'Save decision' (target <= 200 ms each).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tests" / "store"))

N_DRAFTS = 100  # decisions go round these drafts


# ------------------------------------------------------------------ writers (child processes)
def _writer(ref: str, wid: int, n: int, src: str | None) -> dict:
    """Record ``n`` decisions with unique rationales; on a coded error retry (after checking
    whether an unacknowledged write did land). Reports (acknowledged, errors by code)."""
    if src:
        sys.path.insert(0, src)
    from workbench.errors import StoreError
    from workbench.store import TriageLog

    acked: list[str] = []
    codes: dict[str, int] = {}
    landed_unacked = 0
    log = None
    first = last = None
    for i in range(n):
        why = f"w{wid}-d{i}"
        attempt = 0
        while True:
            try:
                if log is None:
                    log = TriageLog.open(ref, reviewer=f"writer{wid}", timeout=30)
                if attempt:  # did the last try land without its answer reaching us?
                    guard = log._guard() if getattr(log, "is_team", False) else contextlib.nullcontext()
                    with log._lock, guard:  # (the previous release has no team log, nor _guard)
                        found = log.conn.execute("SELECT COUNT(*) FROM decisions WHERE rationale = ?", [why]).fetchone()[0]
                    if found:
                        landed_unacked += 1
                        break
                if first is None:
                    first = time.time()
                log.decide(1 + (wid * 7 + i) % N_DRAFTS, "hold", why)
                last = time.time()
                acked.append(why)
                break
            except StoreError as exc:
                codes[exc.code] = codes.get(exc.code, 0) + 1
                attempt += 1
                if log is not None and not getattr(log, "is_team", False):
                    log.close()
                    log = None
                time.sleep(0.2)
                if attempt > 200:
                    raise
    if log is not None:
        log.close()
    return {"acked": acked, "codes": codes, "landed_unacked": landed_unacked, "first": first, "last": last}


def _seed(ref: str, src: str | None, staff_ref: str | None = None) -> None:
    """N_DRAFTS screened drafts, written by the code under test (a child process)."""
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]) if sys.argv[1] else None; sys.path.insert(1, sys.argv[3])\n"
        "from factories import make_verdict\n"
        "from workbench.store import TriageLog\n"
        "with TriageLog.open(sys.argv[2], reviewer='seed') as log:\n"
        f"    for i in range({N_DRAFTS}):\n"
        "        log.record_verdict(make_verdict(f'd{i}.txt', text=f'draft {i}', level='review'))\n"
    )
    subprocess.run([sys.executable, "-c", code, src or "", staff_ref or ref, str(ROOT / "tests" / "store")],
                   check=True, capture_output=True, text=True, cwd=src or str(ROOT))


def run_writers(ref: str, writers: int, n: int, src: str | None = None, during=None) -> dict:
    """``writers`` writer processes (fresh interpreters: with ``src`` the previous release's
    code), started together; ``during()`` runs in this process meanwhile."""
    import json

    env = dict(os.environ)
    if src:
        env["PYTHONPATH"] = src
    t = time.perf_counter()
    procs = [
        subprocess.Popen([sys.executable, str(Path(__file__).resolve()), "--child", ref, str(w), str(n), src or ""],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=src or str(ROOT))
        for w in range(writers)
    ]
    if during is not None:
        during()
    results = []
    for p in procs:
        out, err = p.communicate()
        if p.returncode != 0:
            raise RuntimeError(f"writer failed: {err.strip().splitlines()[-1] if err.strip() else p.returncode}")
        results.append(json.loads(out.strip().splitlines()[-1]))
    # the writing itself: from the first decision begun to the last one stored (interpreter
    # start-up and imports of the writer processes are not the log's time)
    wall = max(r["last"] for r in results) - min(r["first"] for r in results)
    acked = [a for r in results for a in r["acked"]]
    codes: dict[str, int] = {}
    for r in results:
        for k, v in r["codes"].items():
            codes[k] = codes.get(k, 0) + v
    return {"wall": wall, "acked": acked, "codes": codes, "landed_unacked": sum(r["landed_unacked"] for r in results)}


def check(ref: str, expected: int, acked: list[str], src: str | None = None) -> dict:
    """In a child process (the right workbench version): count, duplicates, verify."""
    code = (
        "import sys, json; sys.path.insert(0, sys.argv[1]) if sys.argv[1] else None\n"
        "from workbench.store import TriageLog\n"
        "with TriageLog.open(sys.argv[2]) as log:\n"
        "    whys = [r[0] for r in log.conn.execute('SELECT rationale FROM decisions').fetchall()]\n"
        "    res = log.verify()\n"
        "print(json.dumps({'whys': whys, 'ok': res.ok, 'detail': res.detail, 'events': res.events}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code, src or "", ref], capture_output=True, text=True, check=True)
    import json

    data = json.loads(out.stdout.strip().splitlines()[-1])
    whys = data["whys"]
    return {
        "stored": len(whys), "expected": expected, "duplicates": len(whys) - len(set(whys)),
        "lost": len(set(acked) - set(whys)), "chain_ok": data["ok"], "detail": data["detail"], "events": data["events"],
    }


def throughput(label: str, make_ref, writers: int, n: int, src: str | None = None) -> list[str]:
    lines = []
    for k in (1, writers):
        ref, staff = make_ref()
        _seed(ref, src, staff)
        r = run_writers(ref, k, n, src)
        c = check(ref, k * n, r["acked"], src)
        rate = len(r["acked"]) / r["wall"]
        lines.append(
            f"{label:28} {k} writer(s) x {n}: {rate:7.1f} decisions/s ({r['wall']:.1f} s); stored {c['stored']}/{c['expected']}, "
            f"lost {c['lost']}, duplicates {c['duplicates']}, chain {'whole' if c['chain_ok'] else 'BROKEN: ' + c['detail']}; "
            f"retried errors {r['codes'] or 'none'}"
        )
        print(lines[-1], flush=True)
    return lines


# ------------------------------------------------------------------ GUI on a big team log
def _fill_child(ref: str, n: int, admin: str, src: str | None) -> None:
    """(a child process, the tree at ``src``) ``n`` screened drafts, a third of them decided
    and every tenth annotated, recorded through the store API (a valid chain); the fill's
    commits do not wait for the disk (it is not what is measured). With ``admin`` (a team
    log) the schema and the roles are set up first, by the same code."""
    if src:
        sys.path.insert(0, src)
    from dataclasses import replace

    from factories import make_verdict
    from workbench.store import TriageLog

    if admin:
        import psycopg

        TriageLog.setup_team(admin, users=[("tester", "manager"), ("staff1", "staff")]).close()
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute("GRANT workbench_staff, workbench_attorney TO tester")

    with TriageLog.open(ref, reviewer="seed") as log:
        log.conn.execute("SET synchronous_commit = off" if log.is_team else "PRAGMA synchronous = OFF")
        base = make_verdict("draft.txt", level="review")
        for i in range(n):
            d = replace(base.draft, sha256=f"{i:064x}", source_path=f"/drafts/2026/matter-{i:05d}.txt",
                        title=f"matter-{i:05d}")
            log.record_verdict(replace(base, draft=d, level=("clear", "review", "likely")[i % 3]))
        for i in range(1, n + 1, 3):
            log.decide(i, "hold", f"fill {i}", jp_filing_date="2026-09-01" if i % 2 else None)
        for i in range(1, n + 1, 10):
            log.annotate(i, 1, 5, "agree", note=f"fill {i}")


def _gui_child(url: str, other: str, admin: str, src: str | None) -> None:
    """(a child process, the tree at ``src``) the main window on the log at ``url``: the
    GUI-thread time of the first load, of a refresh after another client (``other``)
    recorded a draft, and of 'Save decision' (the press, and the GUI thread's part once the
    worker has stored it). Prints one JSON line."""
    if src:
        sys.path.insert(0, src)
    import json
    import statistics

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from factories import make_verdict
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from workbench.store import TriageLog

    if admin:  # a team log is brought up to date by its administrator (setup-team), not timed
        import psycopg

        TriageLog.setup_team(admin, users=[("tester", "manager"), ("staff1", "staff")]).close()
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute("GRANT workbench_staff, workbench_attorney TO tester")
    TriageLog.open(url).close()  # (a local log: its schema brought up to date here, not timed)
    app = QApplication([])
    from workbench.ui.main_window import MainWindow
    from workbench.ui.notifications import NotificationManager
    from workbench.ui.session import Session

    t = time.perf_counter()
    session = Session.start(db_path=url, notes=NotificationManager())
    win = MainWindow(session)
    win.resize(1366, 768)
    win.show()
    win.refresh_log()
    app.processEvents()
    first = time.perf_counter() - t
    rows = win.queue_model.rowCount()
    refresh = []
    for k in range(5):  # another client records a draft; this window refreshes
        with TriageLog.open(other) as o:
            o.record_verdict(make_verdict(f"another{k}.txt", text=f"another client's draft {k} {time.time()}"))
        t = time.perf_counter()
        win.refresh_log()
        app.processEvents()  # (what the refresh queued: the proxy, the coalesced column fit)
        refresh.append(time.perf_counter() - t)
    win.select_key(win.queue_model.row_at(0).key)
    app.processEvents()
    panel = win.decision_panel
    on_gui = [0.0]
    stored = win._decision_stored

    def timed(*a):
        t0 = time.perf_counter()
        stored(*a)
        app.processEvents()  # what the stored decision queued on the GUI thread counts too
        on_gui[0] += time.perf_counter() - t0

    win._decision_stored = timed
    saves = []
    for k in range(5):
        on_gui[0] = 0.0
        panel.rationale.setPlainText(f"benchmark hold {k}")
        t0 = time.perf_counter()
        panel.request_save()
        on_gui[0] += time.perf_counter() - t0
        loop, poll = QEventLoop(), QTimer()
        poll.timeout.connect(lambda: None if win.log_write_pending() else loop.quit())
        poll.start(2)
        loop.exec()
        poll.stop()
        saves.append(on_gui[0])
    print(json.dumps({"rows": rows, "first": first, "refresh": statistics.median(refresh), "refresh_max": max(refresh),
                      "save": statistics.median(saves), "save_max": max(saves)}))
    sys.stdout.flush()
    os._exit(0)  # PySide6 may abort while tearing 10,000 rows down at interpreter exit (none_dealloc): the figures are out


def _child(kind: str, args: list[str], src: str | None, timeout: float = 3600) -> str:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", WORKBENCH_CONFIG_DIR=tempfile.mkdtemp(prefix="wb-tl-gui-"))
    if src:
        env["PYTHONPATH"] = src
    out = subprocess.run([sys.executable, str(Path(__file__).resolve()), kind, *args, src or ""],
                         capture_output=True, text=True, env=env, cwd=src or str(ROOT), timeout=timeout)
    if out.returncode != 0:
        tail = "\n".join(out.stderr.strip().splitlines()[-12:])
        raise RuntimeError(f"{kind} failed (exit {out.returncode}):\n{tail}")
    return out.stdout.strip().splitlines()[-1] if out.stdout.strip() else ""


def gui_figures(cluster, drafts: int, prev: str | None, tmp: Path) -> list[str]:
    """The main window on a log of ``drafts`` drafts, on PostgreSQL and on SQLite, this
    release beside the previous one (``prev``) in the same run: each log is filled once (by
    the previous release's code when given, so both can open it) and each release opens its
    own copy (a PostgreSQL template database, a copied file)."""
    import json
    import shutil

    from workbench.store import TriageLog

    filler = prev or None
    admin = cluster.create_database("guibase")
    t = time.perf_counter()
    _child("--fill-child", [cluster.url("guibase", "tester"), str(drafts), admin], filler)
    print(f"  PostgreSQL log of {drafts} drafts filled in {time.perf_counter() - t:.0f} s", flush=True)
    base = tmp / "gui-base.sqlite"
    t = time.perf_counter()
    _child("--fill-child", [str(base), str(drafts), ""], filler)
    print(f"  SQLite log of {drafts} drafts filled in {time.perf_counter() - t:.0f} s", flush=True)
    releases = ([("previous release", prev)] if prev else []) + [("this release", None)]
    results: dict[tuple[str, str], dict] = {}
    for backend in ("PostgreSQL", "SQLite"):
        for label, src in releases:
            name = f"gui_{'prev' if src else 'this'}"
            if backend == "PostgreSQL":
                cluster.sql(f"DROP DATABASE IF EXISTS {name}")
                owner = cluster.create_database(name, template="guibase")
                url, other = cluster.url(name, "tester"), cluster.url(name, "staff1")
            else:
                url = str(tmp / f"{name}.sqlite")
                shutil.copyfile(base, url)
                other, owner = url, ""
            try:
                r = json.loads(_child("--gui-child", [url, other, owner], src))
            except (RuntimeError, ValueError, subprocess.TimeoutExpired) as exc:
                print(f"  {backend}, {label}: {exc}", flush=True)
                continue
            results[(backend, label)] = r
            print(f"  {backend:10} {label:16} {r['rows']} drafts: first load {r['first'] * 1000:8.0f} ms; "
                  f"refresh {r['refresh'] * 1000:6.0f} ms (max {r['refresh_max'] * 1000:.0f}); "
                  f"'Save decision' {r['save'] * 1000:6.0f} ms (max {r['save_max'] * 1000:.0f}) on the GUI thread", flush=True)
    lines = []
    for backend in ("PostgreSQL", "SQLite"):
        now, old = results.get((backend, "this release")), results.get((backend, "previous release"))
        if now is None:
            continue
        ok = now["refresh_max"] <= 0.2 and now["save_max"] <= 0.2
        line = (f"  {backend}: refresh {now['refresh'] * 1000:.0f} ms, 'Save decision' {now['save'] * 1000:.0f} ms "
                f"(target <= 200 ms, worst of 5: {'OK' if ok else 'MISSED'})")
        if old is not None:
            line += (f"; previous / this: first load x{old['first'] / now['first']:.1f}, refresh "
                     f"x{old['refresh'] / now['refresh']:.1f}, save x{old['save'] / now['save']:.1f}")
        lines.append(line)
        print(line, flush=True)
    return lines


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--writers", type=int, default=8)
    ap.add_argument("--decisions", type=int, default=1000)
    ap.add_argument("--gui-drafts", type=int, default=10000)
    ap.add_argument("--prev", help="a worktree of the previous release (git worktree add /tmp/prev 0ec98ae)")
    ap.add_argument("--skip-gui", action="store_true")
    ap.add_argument("--gui-only", action="store_true", help="only the GUI figures (section 3)")
    args = ap.parse_args()
    from pg_cluster import start_cluster

    from workbench.store import TriageLog

    tmp = Path(tempfile.mkdtemp(prefix="wb-team-bench-"))
    counter = [0]

    def sqlite_ref():
        counter[0] += 1
        return str(tmp / f"log{counter[0]}.sqlite"), None

    cluster = start_cluster(durable=True)
    try:
        def pg_ref():
            counter[0] += 1
            db = f"bench{counter[0]}"
            admin = cluster.create_database(db)
            TriageLog.setup_team(admin, users=[("mgr1", "manager"), ("staff1", "staff")]).close()
            return cluster.url(db, "mgr1"), cluster.url(db, "staff1")

        if not args.gui_only:
            print(f"== throughput ({args.writers} writers x {args.decisions} decisions; {os.cpu_count()} cores, shared)")
            if args.prev:
                throughput("previous release, SQLite", sqlite_ref, args.writers, args.decisions, src=args.prev)
            throughput("this release, SQLite", sqlite_ref, args.writers, args.decisions)
            throughput("this release, PostgreSQL", pg_ref, args.writers, args.decisions)

            print("== server stopped (immediate) and restarted in the middle")
            ref, staff = pg_ref()
            _seed(ref, None, staff)
            total = args.writers * args.decisions

            def restart_midway():
                import psycopg

                while True:
                    time.sleep(0.2)
                    try:
                        with psycopg.connect(cluster.url(ref.rsplit("/", 1)[1])) as c:
                            done = c.execute("SELECT COUNT(*) FROM decisions").fetchone()[0]
                    except psycopg.Error:
                        continue
                    if done >= total // 3:
                        break
                t = time.perf_counter()
                cluster.restart()
                print(f"  restarted the server after {done} decisions (down for {time.perf_counter() - t:.1f} s)", flush=True)

            r = run_writers(ref, args.writers, args.decisions, during=restart_midway)
            c = check(ref, total, r["acked"])
            print(f"  acknowledged {len(r['acked'])}, landed without acknowledgement (found on retry, not repeated) "
                  f"{r['landed_unacked']}; coded errors seen and retried {r['codes']}; stored {c['stored']}/{total}, "
                  f"acknowledged but lost {c['lost']}, duplicates {c['duplicates']}, "
                  f"chain {'whole' if c['chain_ok'] else 'BROKEN: ' + c['detail']}")
        if not args.skip_gui:
            print(f"== GUI (GUI-thread time; median of 5, QT_QPA_PLATFORM=offscreen; load average {os.getloadavg()[0]:.1f})")
            gui_figures(cluster, args.gui_drafts, args.prev, tmp)
    finally:
        cluster.destroy()
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)  # (the GUI logs: ~170 MB)
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] in ("--fill-child", "--gui-child"):  # gui_figures' children
        _src = sys.argv[-1] or None
        if sys.argv[1] == "--fill-child":
            _fill_child(sys.argv[2], int(sys.argv[3]), sys.argv[4], _src)
        else:
            _gui_child(sys.argv[2], sys.argv[3], sys.argv[4], _src)
        sys.exit(0)
    if len(sys.argv) > 1 and sys.argv[1] == "--child":  # one writer process (run_writers)
        import json

        _ref, _wid, _n, _src = sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5] or None
        if _src:
            sys.path.insert(0, _src)
        print(json.dumps(_writer(_ref, _wid, _n, _src)))
        sys.exit(0)
    sys.exit(main())
