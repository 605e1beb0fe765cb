"""Runs the hostile cases through the real command line of one source tree.

Started as ``python -P driver.py ROOT CASES.json RESULTS.json HANG_S [SHARD/SHARDS]``: imports the
workbench of ROOT, warms it once (model, rules, language pipelines: what a triage process
holds anyway), then for each case and command forks a child that runs
``workbench.cli.main.main([...])`` exactly as the console script does, with its own stdout
and stderr files. The parent measures each child: wall time, CPU time, peak RSS
(``wait4`` rusage), kills it after HANG_S seconds (a hang) or above 4 GB of RSS, and
records the exit status and what it printed (also line by line in RESULTS.json.partial).
"""

from __future__ import annotations

import json
import os
import re
import signal
import sys
import tempfile
import time
import traceback

RSS_KILL_KB = 4_000_000


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def run_one(argv: list[str], hang_s: float, workdir: str) -> dict:
    out_path = os.path.join(workdir, "out.txt")
    err_path = os.path.join(workdir, "err.txt")
    started = time.monotonic()
    pid = os.fork()
    if pid == 0:  # the child: the CLI, as the console script runs it
        try:
            fd_out = os.open(out_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            fd_err = os.open(err_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            os.dup2(fd_out, 1)
            os.dup2(fd_err, 2)
            sys.stdout = open(1, "w", encoding="utf-8", errors="strict", closefd=False)
            sys.stderr = open(2, "w", encoding="utf-8", errors="backslashreplace", closefd=False)
            from workbench.cli.main import main

            try:
                rc = main(argv)
            except SystemExit as exc:
                rc = exc.code if isinstance(exc.code, int) else 1
            except BaseException:  # noqa: BLE001 - what Python itself would print
                traceback.print_exc()
                rc = 1
            sys.stdout.flush()
            sys.stderr.flush()
        except BaseException:  # noqa: BLE001
            try:
                traceback.print_exc()
                sys.stderr.flush()
            except BaseException:  # noqa: BLE001
                pass
            rc = 1
        os._exit(int(rc or 0) & 0xFF)
    outcome = None
    peak_seen = 0
    while True:
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            break
        peak_seen = max(peak_seen, _rss_kb(pid))
        elapsed = time.monotonic() - started
        if elapsed > hang_s or peak_seen > RSS_KILL_KB:
            outcome = "hang" if elapsed > hang_s else "memory-killed"
            os.kill(pid, signal.SIGKILL)
            _, status, usage = os.wait4(pid, 0)
            break
        time.sleep(0.02)
    wall = time.monotonic() - started
    with open(out_path, "rb") as fh:
        out = fh.read(2_000_000).decode("utf-8", "backslashreplace")
    with open(err_path, "rb") as fh:
        err = fh.read(200_000).decode("utf-8", "backslashreplace")
    rc = os.waitstatus_to_exitcode(status)
    files = []  # the drafts `triage --json` screened, from the whole output (a folder's results pass 20 kB)
    for line in out.splitlines():
        if line.startswith('{"file"'):
            try:
                files.append(json.loads(line).get("file"))
            except ValueError:
                pass
    return {
        "rc": rc, "killed": outcome, "wall": round(wall, 3), "cpu": round(usage.ru_utime + usage.ru_stime, 3),
        "rss_mb": round(max(usage.ru_maxrss, peak_seen) / 1024, 1), "out": out[-20_000:], "err": err[-5000:],
        "out_len": len(out), "files": files,
        "codes": re.findall(r"\[(E\d{3})\]", err),  # from the whole error output (a 5,000-character path hid the code)
    }


def main() -> int:
    root, cases_file, results_file, hang_s = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
    shard, shards = (int(x) for x in (sys.argv[5] if len(sys.argv) > 5 else "0/1").split("/"))
    sys.path.insert(0, root)
    os.chdir(root)
    work = tempfile.mkdtemp(prefix="hostile-driver-")
    os.environ["WORKBENCH_CONFIG_DIR"] = os.path.join(work, "config")
    os.environ.setdefault("WORKBENCH_LANG", "en")
    import workbench  # noqa: F401 - from ROOT
    from workbench import triage

    assert os.path.realpath(workbench.__file__).startswith(os.path.realpath(root)), workbench.__file__
    triage.get_engine()  # the model and the rules, once: each child starts warm
    try:
        from workbench.claims.pipeline import get_pipeline

        for lang in ("en", "ja"):
            get_pipeline(lang)  # the language pipelines, once (as a GUI or batch process holds them)
    except Exception:  # noqa: BLE001 - warming only
        pass
    with open(cases_file, encoding="utf-8", errors="surrogateescape") as fh:
        cases = json.load(fh)
    results = []
    db = os.path.join(work, "bench-log.sqlite")
    partial = open(results_file + ".partial", "w", encoding="utf-8", errors="surrogateescape")  # noqa: SIM115
    for i, case in enumerate(cases):
        if i % shards != shard:
            continue
        path = case["path"]
        for command in ("triage", "claims"):
            if case["expect"] == "partial" and command == "claims":
                continue  # `claims` reads one file
            argv = [command, path] if command == "claims" else ["triage", "--db", db, "--json", path]
            res = run_one(argv, hang_s, work)
            res.update({"case": case["name"], "command": command})
            results.append(res)
            partial.write(json.dumps(res, ensure_ascii=False) + "\n")
            partial.flush()
        if (i + 1) % 25 == 0:
            print(f"  {i + 1}/{len(cases)} cases", file=sys.stderr, flush=True)
    with open(results_file, "w", encoding="utf-8", errors="surrogateescape") as fh:
        json.dump(results, fh, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
