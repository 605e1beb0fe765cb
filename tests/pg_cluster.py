"""A throwaway PostgreSQL cluster for the tests and benchmarks: Debian's ``postgresql``
package (installed by ``packaging/setup.sh --dev``), ``initdb`` into a temporary folder and
``pg_ctl start`` on 127.0.0.1 with a free port; stopped and removed at the end.

PostgreSQL refuses to run as root, so under root the cluster runs as the ``postgres``
system user (created by the Debian package) through ``runuser``.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

SUPERUSER = "postgres"


def find_bindir() -> Path | None:
    """The newest PostgreSQL server binaries on this machine (None: not installed)."""
    env = os.environ.get("WORKBENCH_PG_BINDIR")
    if env and (Path(env) / "initdb").exists():
        return Path(env)
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    if found:
        return Path(found[-1]).parent
    exe = shutil.which("initdb")
    return Path(exe).resolve().parent if exe else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    def __init__(self, *, durable: bool = False) -> None:
        self.bindir = find_bindir()
        if self.bindir is None:
            raise RuntimeError("PostgreSQL is not installed: run 'bash packaging/setup.sh --dev' (installs Debian's postgresql)")
        self.durable = durable  # fsync on (benchmarks) or off (tests: a throwaway cluster)
        self.root = Path(tempfile.mkdtemp(prefix="workbench-pg-"))
        self.data = self.root / "data"
        self.sockets = self.root / "run"
        self.logfile = self.root / "server.log"
        self.port = _free_port()
        self._as: list[str] = []
        if os.geteuid() == 0:
            try:
                user = pwd.getpwnam("postgres")
            except KeyError:
                raise RuntimeError("running as root, but there is no 'postgres' user to run the server as") from None
            os.chown(self.root, user.pw_uid, user.pw_gid)
            os.chmod(self.root, 0o700)
            self._as = ["runuser", "-u", "postgres", "--"]
        self.sockets.mkdir()
        self.logfile.touch()
        if self._as:
            for p in (self.sockets, self.logfile):
                os.chown(p, pwd.getpwnam("postgres").pw_uid, pwd.getpwnam("postgres").pw_gid)

    def _run(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
        return subprocess.run([*self._as, *args], capture_output=True, text=True, timeout=timeout, check=True)

    def init(self) -> Cluster:
        self._run(str(self.bindir / "initdb"), "-D", str(self.data), "-U", SUPERUSER, "-A", "trust",
                  "-E", "UTF8", "--no-locale", "--no-instructions", *(() if self.durable else ("--no-sync",)))
        return self

    @property
    def options(self) -> str:
        opts = [f"-c listen_addresses=127.0.0.1 -p {self.port}", f"-c unix_socket_directories={self.sockets}",
                "-c max_connections=60", "-c shared_buffers=32MB"]
        if not self.durable:
            opts.append("-c fsync=off -c synchronous_commit=off -c full_page_writes=off")
        return " ".join(opts)

    def start(self) -> Cluster:
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-l", str(self.logfile), "-w", "-t", "60",
                  "-o", self.options, "start")
        return self

    def stop(self, mode: str = "fast") -> None:
        try:
            self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "-t", "60", "stop")
        except subprocess.CalledProcessError:
            pass

    def restart(self) -> None:
        """Stop the server as a crash would (immediate) and start it again (crash recovery)."""
        self.stop("immediate")
        for attempt in range(5):  # the old postmaster may still be letting go of its port
            try:
                self.start()
                return
            except subprocess.CalledProcessError:
                if attempt == 4:
                    raise
                time.sleep(1)

    def destroy(self) -> None:
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)

    def url(self, database: str = "postgres", user: str = SUPERUSER) -> str:
        return f"postgresql://{user}@127.0.0.1:{self.port}/{database}"

    def sql(self, statement: str, database: str = "postgres") -> None:
        import psycopg

        with psycopg.connect(self.url(database), autocommit=True) as conn:
            conn.execute(statement)

    def create_database(self, name: str, template: str | None = None) -> str:
        self.sql(f"CREATE DATABASE {name}" + (f" TEMPLATE {template}" if template else ""))
        return self.url(name)


def start_cluster(*, durable: bool = False) -> Cluster:
    c = Cluster(durable=durable).init()
    try:
        c.start()
    except BaseException:
        shutil.rmtree(c.root, ignore_errors=True)
        raise
    deadline = time.monotonic() + 30
    while True:
        try:
            c.sql("SELECT 1")
            return c
        except Exception:  # noqa: BLE001 - not accepting connections yet
            if time.monotonic() > deadline:
                c.destroy()
                raise
            time.sleep(0.1)
