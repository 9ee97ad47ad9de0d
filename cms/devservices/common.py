"""What both local servers share: paths, ports, errors, status, and running as root."""

from __future__ import annotations

import os
import pwd
import socket
import subprocess
from dataclasses import dataclass
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
LOCAL_DIR = BASE_DIR / ".local"

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


def port_open(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def read_pid(path: Path) -> int | None:
    try:
        return int(path.read_text().split()[0])
    except (FileNotFoundError, ValueError, IndexError):
        return None


def running_as_root() -> bool:
    return os.geteuid() == 0


def ensure_service_user() -> pwd.struct_passwd:
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


def open_parents(path: Path) -> None:
    """Give every folder above ``path`` the "others may traverse" bit (root only)."""
    for parent in path.parents:
        mode = parent.stat().st_mode
        if not mode & 0o001:
            parent.chmod(mode | 0o001)


def hand_over(path: Path) -> dict:
    """Make ``path`` usable by the service account; return subprocess user kwargs.

    When we are not root the servers run as ourselves and nothing changes.
    As root, the folder is given to the service account and the folders
    above it become traversable, so the account can reach it.
    """
    path.mkdir(parents=True, exist_ok=True)
    if not running_as_root():
        return {}
    account = ensure_service_user()
    open_parents(path)
    for root, dirs, files in os.walk(path):
        os.chown(root, account.pw_uid, account.pw_gid)
        for name in dirs + files:
            os.lchown(os.path.join(root, name), account.pw_uid, account.pw_gid)
    return service_account()


def service_account() -> dict:
    """subprocess keyword arguments that run a server as the service account."""
    if not running_as_root():
        return {}
    account = ensure_service_user()
    return {"user": account.pw_uid, "group": account.pw_gid, "extra_groups": []}


def check_writable(path: Path) -> None:
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


def grant_traverse(path: Path) -> None:
    """Let the service account read and run files under ``path`` (root only)."""
    open_parents(path)
    for root, _dirs, files in os.walk(path):
        os.chmod(root, os.stat(root).st_mode | 0o005)
        for name in files:
            full = os.path.join(root, name)
            os.chmod(full, os.stat(full).st_mode | 0o004)


def last_line(text: str) -> str:
    lines = [line.strip() for line in (text or "").strip().splitlines() if line.strip()]
    return lines[-1] if lines else "no output"


# --------------------------------------------------------------------------
# Elasticsearch
