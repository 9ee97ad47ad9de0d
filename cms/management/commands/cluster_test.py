"""``python manage.py cluster_test``: the scale-out test behind ``make cluster-test``.

It starts the local three-node cluster (``cms.devservices.cluster``) and
creates the database ``kooperacja_cluster`` on the PostgreSQL server this
project uses. Then three child processes run with the environment a
production server would have — ``DATABASE_URL`` naming that database,
``ELASTICSEARCH_URL`` listing the three nodes (node 1 first),
``ELASTICSEARCH_SHARDS=3`` so every node holds primaries and losing one
always promotes replicas, ``ELASTICSEARCH_REPLICAS=1`` — because settings
read only the environment: ``migrate``, ``import_directory`` of the demo,
and this command with ``--under-load``, the measured part
(:mod:`search.measure.outage`). Whatever happens, the nodes are stopped,
their data deleted and the database dropped at the end. Exit 1 when a check
failed.
"""

import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from cms.devservices import ServiceError
from cms.devservices.cluster import LocalCluster
from search.measure import outage

BASE_DIR = Path(__file__).resolve().parents[3]
DATABASE = "kooperacja_cluster"
DEMO = "cms/demo/directory.jsonl"
SHARDS = 3
REPLICAS = 1


class Command(BaseCommand):
    help = (
        "Form a local three-node Elasticsearch cluster, index the demo into it, then stop and "
        "restart its first node (SIGTERM, then SIGKILL) while matches run; print the figures."
    )

    def add_arguments(self, parser):
        parser.add_argument("--threads", type=int, default=3, help="matching threads, 2-4")
        parser.add_argument(
            "--outage-seconds", type=float, default=20, help="how long node 1 stays away"
        )
        parser.add_argument(
            "--calm-seconds",
            type=float,
            default=15,
            help="matching before the first outage and after each return to green",
        )
        parser.add_argument(
            "--clean", action="store_true", help="only stop the nodes and drop the database"
        )
        # The measured part, in a child process whose environment names the cluster.
        parser.add_argument("--under-load", action="store_true", help="(internal)")

    def handle(self, *args, threads, outage_seconds, calm_seconds, clean, under_load, **options):
        if not 2 <= threads <= 4:
            raise CommandError("--threads must be between 2 and 4")
        if outage_seconds <= 0 or calm_seconds <= 0:
            raise CommandError("--outage-seconds and --calm-seconds must be more than 0")
        cluster = LocalCluster()
        if under_load:
            self._under_load(cluster, threads, outage_seconds, calm_seconds)
            return
        try:
            if clean:
                return
            self._run(cluster, threads, outage_seconds, calm_seconds)
        except ServiceError as error:
            raise CommandError(str(error)) from None
        finally:
            self.stderr.write("stopping the cluster and dropping its database…")
            cluster.down()
            with connection.cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')

    def _run(self, cluster: LocalCluster, threads: int, outage_s: float, calm_s: float) -> None:
        self.stderr.write(f"starting {len(cluster.nodes)} nodes: {', '.join(cluster.urls)}…")
        formed = cluster.up()
        self.stdout.write(
            f"cluster formed in {formed:.1f} s (3 nodes launched at once until green with "
            "every node a voter)"
        )
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
            cursor.execute(f'CREATE DATABASE "{DATABASE}"')
        env = self._environment(cluster)
        self._child(env, "migrate", "--no-input", "-v", "0")
        started = time.monotonic()
        self._child(env, "import_directory", DEMO)
        self.stdout.write(f"demo imported and indexed in {time.monotonic() - started:.1f} s")
        self._child(
            env,
            "cluster_test",
            "--under-load",
            f"--threads={threads}",
            f"--outage-seconds={outage_s}",
            f"--calm-seconds={calm_s}",
        )

    def _environment(self, cluster: LocalCluster) -> dict:
        db = connection.settings_dict
        login = quote(db["USER"] or "postgres")
        if db["PASSWORD"]:
            login += ":" + quote(db["PASSWORD"])
        return {
            **os.environ,
            "DATABASE_URL": f"postgres://{login}@{db['HOST']}:{db['PORT']}/{DATABASE}",
            "ELASTICSEARCH_URL": ",".join(cluster.urls),
            "ELASTICSEARCH_SHARDS": str(SHARDS),
            "ELASTICSEARCH_REPLICAS": str(REPLICAS),
            "ELASTICSEARCH_INDEX_PREFIX": "kooperacja-cluster",
            # Three nodes and the load share two cores here: the test settings' wait, not
            # production's 3 s (a timeout is a failed match, whatever its cause).
            "ELASTICSEARCH_TIMEOUT": os.environ.get("ELASTICSEARCH_TIMEOUT", "10"),
        }

    def _child(self, env: dict, *arguments: str) -> None:
        result = subprocess.run(
            [sys.executable, "manage.py", *arguments], cwd=BASE_DIR, env=env, check=False
        )
        if result.returncode != 0:
            raise CommandError(f"`manage.py {arguments[0]}` failed (exit {result.returncode})")

    def _under_load(self, cluster, threads: int, outage_s: float, calm_s: float) -> None:
        try:
            result = outage.run(cluster, threads, outage_s, calm_s, progress=self.stderr.write)
        except ServiceError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(result.report)
        if result.problems:
            raise CommandError("the cluster test failed:\n" + "\n".join(result.problems))
        self.stdout.write("passed: no match failed, nothing published during an outage lost")
