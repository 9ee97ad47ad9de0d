"""A local cluster of three Elasticsearch nodes, for the scale-out test (``make cluster-test``).

The nodes run the very zip the development node runs (same Maven download,
same cache), unpacked a second time under ``.local/cluster/`` so that nothing
the development node owns is read or written: each node has its own config,
data and logs in ``.local/cluster/<n>/``, listens on HTTP 9261-9263 and
transport 9361-9363 (not 9250/9350), and gets a 384 MB heap. They find each
other through the three transport ports and form one cluster on first start
(``cluster.initial_master_nodes`` names all three). Each node is started and
stopped on its own, so a test can take one away and bring it back.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

from cms.devservices.common import (
    LOCAL_DIR,
    ServiceError,
    check_writable,
    grant_traverse,
    hand_over,
    last_line,
    pid_alive,
    port_open,
    read_pid,
    running_as_root,
)
from cms.devservices.elasticsearch import Elasticsearch, find_java_home

CLUSTER_DIR = LOCAL_DIR / "cluster"
CLUSTER_NAME = "kooperacja-cluster-test"
FIRST_HTTP_PORT = 9261
TRANSPORT_OFFSET = 100
NODE_HEAP = "384m"
SIZE = 3


class ClusterDistribution(Elasticsearch):
    """The development node's distribution, unpacked in the cluster's own folder.

    Only download, unpack and the JVM-options fix are used; every path points
    under ``.local/cluster/`` so that no method can reach the development
    node's files or process.
    """

    def __init__(self) -> None:
        super().__init__()
        self.root = CLUSTER_DIR
        self.home = CLUSTER_DIR / f"elasticsearch-{self.version}"
        self.data = CLUSTER_DIR / "unused-data"
        self.logs = CLUSTER_DIR / "unused-logs"
        self.pidfile = CLUSTER_DIR / "distribution.pid"  # never written: nothing runs as this

    def prepare(self) -> Path:
        """Unpack (once) and return the Java home the nodes run on."""
        java_home = find_java_home()
        check_writable(self.root)
        self._unpack()
        self._fit_jvm_options(java_home)
        return java_home


class ClusterNode:
    """One node of the local cluster: its ports, folders, process, start and stop."""

    def __init__(self, number: int, home: Path) -> None:
        self.number = number
        self.home = home
        self.name = f"{CLUSTER_NAME}-{number}"
        self.http_port = FIRST_HTTP_PORT + number - 1
        self.transport_port = self.http_port + TRANSPORT_OFFSET
        self.root = CLUSTER_DIR / str(number)
        self.config = self.root / "config"
        self.data = self.root / "data"
        self.logs = self.root / "logs"
        self.pidfile = self.root / "elasticsearch.pid"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    def pid(self) -> int | None:
        pid = read_pid(self.pidfile)
        return pid if pid and pid_alive(pid) else None

    def get(self, path: str, timeout: float = 5) -> dict | None:
        """GET ``path`` from this node; None when it does not answer."""
        try:
            with urllib.request.urlopen(f"{self.url}{path}", timeout=timeout) as response:  # noqa: S310 - loopback
                return json.load(response)
        except (OSError, ValueError):
            return None

    def configure(self, peers: list[ClusterNode]) -> None:
        """Give the node its own copy of the distribution's config, naming the cluster."""
        if self.config.exists():
            shutil.rmtree(self.config)
        shutil.copytree(self.home / "config", self.config)
        (self.config / "elasticsearch.keystore").unlink(missing_ok=True)  # each node makes its own
        seeds = ", ".join(f'"127.0.0.1:{peer.transport_port}"' for peer in peers)
        masters = ", ".join(f'"{peer.name}"' for peer in peers)
        (self.config / "elasticsearch.yml").write_text(
            "# Written by cms/devservices/cluster.py for the local scale-out test.\n"
            f"cluster.name: {CLUSTER_NAME}\n"
            f"node.name: {self.name}\n"
            "network.host: 127.0.0.1\n"
            f"http.port: {self.http_port}\n"
            f"transport.port: {self.transport_port}\n"
            f"discovery.seed_hosts: [{seeds}]\n"
            f"cluster.initial_master_nodes: [{masters}]\n"
            "xpack.security.enabled: false\n"
            f"path.data: {self.data}\n"
            f"path.logs: {self.logs}\n"
            "action.destructive_requires_name: false\n"
            "cluster.routing.allocation.disk.watermark.low: 97%\n"
            "cluster.routing.allocation.disk.watermark.high: 98%\n"
            "cluster.routing.allocation.disk.watermark.flood_stage: 99%\n"
        )
        self.data.mkdir(parents=True, exist_ok=True)
        self.logs.mkdir(parents=True, exist_ok=True)

    def launch(self, java_home: Path) -> subprocess.Popen:
        """Start the node in the background; the returned launcher exits once it runs."""
        for port in (self.http_port, self.transport_port):
            if port_open(port):
                raise ServiceError(
                    f"port {port} for cluster node {self.number} is taken by another program"
                )
        self.pidfile.unlink(missing_ok=True)
        env = {
            **os.environ,
            "ES_JAVA_HOME": str(java_home),
            "ES_JAVA_OPTS": f"-Xms{NODE_HEAP} -Xmx{NODE_HEAP}",
            "ES_PATH_CONF": str(self.config),
        }
        env.pop("JAVA_HOME", None)
        return subprocess.Popen(
            [str(self.home / "bin" / "elasticsearch"), "-d", "-p", str(self.pidfile)],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=env,
            cwd=self.logs,  # the JVM writes gc.log and crash files where it starts
            **_account(),
        )

    def wait_launched(self, launcher: subprocess.Popen, timeout: float = 300) -> None:
        try:
            output, _ = launcher.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            launcher.kill()
            raise ServiceError(
                f"cluster node {self.number} did not start in {timeout:.0f} s (logs: {self.logs})"
            ) from None
        if launcher.returncode != 0:
            raise ServiceError(
                f"cluster node {self.number} did not start: {last_line(output)} (logs: {self.logs})"
            )

    def stop(self, how: signal.Signals = signal.SIGTERM, timeout: float = 120) -> None:
        """Send ``how`` to the node and wait until its process is gone."""
        pid = self.pid()
        if not pid:
            return
        os.kill(pid, how)
        deadline = time.monotonic() + timeout
        while pid_alive(pid):
            if time.monotonic() > deadline:
                os.kill(pid, signal.SIGKILL)
                deadline = time.monotonic() + 30
            time.sleep(0.2)


def _account() -> dict:
    """subprocess user arguments for the service account (root only); the folder is handed
    over first, so a node started again after a stop can still write its files."""
    return hand_over(CLUSTER_DIR)


class LocalCluster:
    """The three local nodes; ``up`` forms the cluster, ``down`` removes it again."""

    def __init__(self, size: int = SIZE) -> None:
        self.distribution = ClusterDistribution()
        self.nodes = [ClusterNode(number, self.distribution.home) for number in range(1, size + 1)]
        self._java_home: Path | None = None

    @property
    def urls(self) -> list[str]:
        """The nodes' URLs, first node first, as ELASTICSEARCH_URL lists them."""
        return [node.url for node in self.nodes]

    def node(self, number: int) -> ClusterNode:
        return self.nodes[number - 1]

    def java_home(self) -> Path:
        if self._java_home is None:
            self._java_home = self.distribution.prepare()
            if running_as_root():
                grant_traverse(self._java_home)
        return self._java_home

    def up(self, timeout: float = 600) -> float:
        """Start every node on fresh data, wait for a green cluster of all of them; return
        the seconds from the first launch until then."""
        java_home = self.java_home()
        for node in self.nodes:
            if node.pid():
                raise ServiceError(
                    f"cluster node {node.number} is still running (pid {node.pid()}); "
                    "run `python manage.py cluster_test --down` first"
                )
            shutil.rmtree(node.data, ignore_errors=True)
            node.configure(self.nodes)
        started = time.monotonic()
        launchers = [(node, node.launch(java_home)) for node in self.nodes]
        for node, launcher in launchers:
            node.wait_launched(launcher)
        self.wait_for(status="green", timeout=timeout - (time.monotonic() - started))
        self._wait_for_every_vote(timeout=timeout - (time.monotonic() - started))
        return time.monotonic() - started

    def _wait_for_every_vote(self, timeout: float) -> None:
        """Wait until every node is in the committed voting configuration.

        The cluster bootstraps as soon as two of the three named nodes meet and
        adds the third a moment after it joins. Until that change is committed
        the cluster needs both founding nodes: losing one of them then leaves it
        without a master, although two nodes remain.
        """
        deadline = time.monotonic() + timeout
        path = "/_cluster/state/metadata?filter_path=metadata.cluster_coordination"
        while time.monotonic() < deadline:
            state = self.nodes[-1].get(path) or {}
            voting = state.get("metadata", {}).get("cluster_coordination", {})
            committed = voting.get("last_committed_config", [])
            if (
                len(committed) == len(self.nodes)
                and voting.get("last_accepted_config") == committed
            ):
                return
            time.sleep(0.25)
        raise ServiceError(
            f"the local cluster did not make every node a voter in {timeout:.0f} s "
            f"(logs: {CLUSTER_DIR}/<n>/logs)"
        )

    def start(self, number: int) -> None:
        """Start one node again on its existing data (it rejoins the cluster)."""
        node = self.node(number)
        node.wait_launched(node.launch(self.java_home()))

    def health(self) -> dict | None:
        """The cluster's health from the first node that answers."""
        for node in self.nodes:
            health = node.get("/_cluster/health")
            if health:
                return health
        return None

    def master(self) -> str:
        for node in self.nodes:
            answer = node.get("/_cat/master?format=json")
            if answer:
                return answer[0].get("node", "")
        return ""

    def wait_for(self, status: str | None, timeout: float, nodes: int | None = None) -> None:
        """Wait until the cluster has ``nodes`` nodes (default: all) and is ``status`` (any
        status when None)."""
        wanted = len(self.nodes) if nodes is None else nodes
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            health = self.health() or {}
            if health.get("number_of_nodes") == wanted and status in (None, health.get("status")):
                return
            time.sleep(0.25)
        raise ServiceError(
            f"the local cluster is not {status or 'formed'} with {wanted} nodes after "
            f"{timeout:.0f} s: {self.health()} (logs: {CLUSTER_DIR}/<n>/logs)"
        )

    def down(self) -> None:
        """Stop every node and delete their data (the logs stay for a look afterwards)."""
        for node in self.nodes:
            node.stop()
            shutil.rmtree(node.data, ignore_errors=True)
