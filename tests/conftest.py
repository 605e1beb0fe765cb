"""Shared fixtures: where the real patent data lives, and Qt offscreen."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The suite runs as at a terminal, however it was started: a run started in the background of
# a non-interactive shell (`bash .ci/run > log &`, nohup, a CI agent) inherits SIGINT ignored,
# Python leaves an ignored SIGINT ignored, and so does every process the tests start (an
# ignored signal stays ignored across exec). The tests of Ctrl-C then saw nothing: the batch
# CLI screened every draft and exited 0, a read waiting on a slow file ran into its 60 s limit.
# A handled signal is reset to the default in a child, so children get Ctrl-C as usual too.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)
# A locale-neutral English user, set before Qt reads the system locale (QLocale.system() is
# read once per process): the suite must pass the same on a Japanese developer's machine.
for _name in ("WORKBENCH_LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE"):
    os.environ.pop(_name, None)
os.environ["LANG"] = "C.UTF-8"

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = Path(os.environ.get("WORKBENCH_SHARED_DATA", ROOT.parent / "shared" / "data"))


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The real public patent data (../shared/data). Tests that need it run wherever it
    exists; packaging/test.sh (and so CI) refuses to run when it is missing."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"real patent data not found at {SHARED_DATA}")
    return SHARED_DATA


@pytest.fixture(autouse=True)
def neutral_locale(monkeypatch):
    """Every test starts from an English, locale-neutral user whatever the developer's own
    machine says (a Japanese developer's LANG=ja_JP.UTF-8 would otherwise turn the CLI's
    and the app's messages Japanese); tests of the Japanese paths set the language themselves."""
    for name in ("WORKBENCH_LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


# -- a throwaway PostgreSQL server for the team-log tests (tests/pg_cluster.py) ------------
class TeamLogServer:
    """The session's PostgreSQL cluster with a template team log: ``new_log_url(login)`` is
    a fresh team log database (a copy of the template) for one test."""

    LOGINS = {"tester": ("staff", "attorney", "manager"), "staff1": ("staff",), "att1": ("attorney",),
              "mgr1": ("manager",), "mgr2": ("manager",)}

    def __init__(self, cluster) -> None:
        self.cluster = cluster
        self._n = 0
        from workbench.store import TriageLog

        url = cluster.create_database("workbench_template")
        with TriageLog.setup_team(url, users=[(login, roles[0]) for login, roles in self.LOGINS.items()]):
            pass
        for login, roles in self.LOGINS.items():  # 'tester' does everything (the store suite)
            for role in roles[1:]:
                cluster.sql(f"GRANT workbench_{role} TO {login}")
        # the setup's events, kept to put back when the test database is reset
        cluster.sql("CREATE TABLE workbench_template_events AS SELECT * FROM events", "workbench_template")
        self._test_db = False

    def new_database(self) -> str:
        """The test database, reset to a fresh team log (as setup-team left it). CREATE
        DATABASE takes ~0.6 s here, so one database is emptied instead: as the superuser,
        with triggers off for this session only (session_replication_role), every table is
        truncated and the setup's first event put back."""
        import psycopg

        name = "workbench_test"
        if not self._test_db:
            self.cluster.create_database(name, template="workbench_template")
            self._test_db = True
            return name
        from workbench.store.dialect import pg_tables

        with psycopg.connect(self.cluster.url(name)) as conn:  # one transaction
            conn.execute("SET LOCAL session_replication_role = replica")
            for table in pg_tables():  # DELETE: much faster than TRUNCATE on tiny tables
                conn.execute(f"DELETE FROM {table}")
                if table not in ("events", "drafts"):
                    conn.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), 1, false)")
            conn.execute("INSERT INTO events SELECT * FROM workbench_template_events")
        return name

    def url(self, database: str, login: str = "tester") -> str:
        return self.cluster.url(database, login)

    def empty_database(self) -> str:
        """A database without a team log (for setup-team / migrate-to)."""
        self._n += 1
        name = f"e{os.getpid()}_{self._n}"
        self.cluster.create_database(name)
        return name


@pytest.fixture(scope="session")
def team_server():
    """One PostgreSQL cluster for the whole test session, on 127.0.0.1 and a free port,
    initialised in a temporary folder (as the 'postgres' user when the tests run as root)
    and removed at the end. Debian's postgresql package is installed by
    packaging/setup.sh --dev; without it the team-log tests fail (they are never skipped)."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from pg_cluster import start_cluster

    cluster = start_cluster()
    try:
        yield TeamLogServer(cluster)
    finally:
        cluster.destroy()
