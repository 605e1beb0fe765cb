"""The same batch on a Dask cluster through joblib's dask backend (`--scheduler`), against a
LocalCluster this test starts on loopback; and a scheduler that is not there (E801)."""

from __future__ import annotations

import shutil
import time

import pytest

from test_batch import EXAMPLES, env, final_log, grants  # noqa: F401  (fixture and helpers)

from workbench.cli.main import main

import distributed  # noqa: E402,F401  (dask[distributed] is a dev dependency: packaging/setup.sh --dev; a missing one fails, never skips)


@pytest.fixture
def cluster():
    from distributed import LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False, host="127.0.0.1",
                      dashboard_address=None, protocol="tcp") as c:
        yield c


@pytest.mark.shared_data
@pytest.mark.slow
def test_a_batch_on_a_local_dask_cluster_gives_the_log_of_a_local_run(env, shared_data, cluster, capsys):  # noqa: F811
    folder = env / "grants"
    grants(shared_data, 4, folder)
    shutil.copy(EXAMPLES / "draft_ja_quantum_dot_detector.txt", folder)
    (folder / "empty.txt").write_bytes(b"")
    address = cluster.scheduler_address
    assert address.startswith("tcp://127.0.0.1:")
    on_dask, local = env / "dask.sqlite", env / "local.sqlite"
    assert main(["batch", str(folder), "--scheduler", address, "--db", str(on_dask), "--progress", "lines"]) == 3
    out, err = capsys.readouterr()
    assert f"Dask cluster {address}" in err and "[E102]" in err and "Screened 5 of 6" in out
    assert main(["batch", str(folder), "--jobs", "1", "--db", str(local)]) == 3
    assert final_log(on_dask) == final_log(local) and len(final_log(local)) == 5
    # a re-run on the cluster skips what is recorded, as on one machine
    capsys.readouterr()
    assert main(["batch", str(folder), "--scheduler", address, "--db", str(on_dask)]) == 3
    assert "Skipped 5 draft(s)" in capsys.readouterr().out


def test_a_scheduler_that_is_not_there_is_a_coded_error_in_bounded_time(env, capsys):  # noqa: F811
    import socket

    with socket.socket() as s:  # a free port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    t0 = time.monotonic()
    assert main(["batch", str(EXAMPLES), "--scheduler", f"tcp://127.0.0.1:{port}", "--db", str(env / "log.sqlite")]) == 2
    assert time.monotonic() - t0 < 60
    err = capsys.readouterr().err
    assert "[E801]" in err and f"127.0.0.1:{port}" in err
    assert not (env / "log.sqlite").exists() or final_log(env / "log.sqlite") == {}
