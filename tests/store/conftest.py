"""Fixtures for the triage-log tests: an isolated config folder and log per test."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # factories.py

from factories import make_verdict  # noqa: E402

from workbench.store import TriageLog  # noqa: E402


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, monkeypatch):
    """No test reads or writes the real per-user settings or log."""
    monkeypatch.setenv("WORKBENCH_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("WORKBENCH_DB", str(tmp_path / "default-log.sqlite"))
    monkeypatch.delenv("WORKBENCH_REVIEWER", raising=False)
    monkeypatch.delenv("WORKBENCH_PDF_FONT", raising=False)
    return tmp_path


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "log.sqlite"


BACKENDS = ("sqlite", "postgresql")


def pytest_generate_tests(metafunc):
    """Every test that uses the ``log`` fixture (through ``backend``) runs on both backends:
    the embedded SQLite log and a PostgreSQL team log on the session's throwaway server.
    A test about SQLite itself (its file, PRAGMAs, sqlite3 errors) is marked sqlite_only."""
    if "backend" in metafunc.fixturenames:
        only = metafunc.definition.get_closest_marker("sqlite_only")
        metafunc.parametrize("backend", BACKENDS[:1] if only else BACKENDS, indirect=True)


@pytest.fixture
def backend(request):
    return request.param


@pytest.fixture
def log_ref(request, backend, db_path):
    """What names the test's log: the SQLite file, or a fresh team log's URL (login 'tester',
    a member of every role)."""
    if backend == "sqlite":
        return db_path
    server = request.getfixturevalue("team_server")
    return server.url(server.new_database())


@pytest.fixture
def recorded(backend):
    """Who the log records for a typed reviewer name: the name on a local log; on a team log
    always the login ('tester'), never a typed name."""
    return (lambda name: name) if backend == "sqlite" else (lambda name: "tester")


@pytest.fixture
def reopen(log_ref, backend):
    """Open the test's log again as another person: a typed name on a local log, that login
    on a team log (the session's server has the logins tester, staff1, att1, mgr1, mgr2)."""
    opened = []

    def _open(login: str = "tester"):
        ref = log_ref if backend == "sqlite" else str(log_ref).replace("//tester@", f"//{login}@", 1)
        lg = TriageLog.open(ref, reviewer=login)
        opened.append(lg)
        return lg

    yield _open
    for lg in opened:
        lg.close()


@pytest.fixture
def log(log_ref):
    lg = TriageLog.open(log_ref, reviewer="tester")
    yield lg
    lg.close()


@pytest.fixture
def populated(log):
    """A log with three drafts (EN review, JA likely, EN clear) and some decisions."""
    a = log.record_verdict(make_verdict("uav.txt", level="review", likelihood=0.42))
    b = log.record_verdict(
        make_verdict(
            "無人機.txt", language="ja", level="likely", likelihood=0.81,
            claims=("無人航空機であって、赤外線カメラと識別部とを備える無人航空機。", "請求項１に記載の無人航空機であって、自律飛行する。"),
        )
    )
    c = log.record_verdict(make_verdict("pump.txt", level="clear", likelihood=0.03, claims=("A water pump with an impeller.",)))
    return log, (a, b, c)
