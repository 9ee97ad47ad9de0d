"""The foundation runs on the real servers, and a broken environment says so in one line."""

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection
from elasticsearch.dsl import Document, Keyword, Text

from cms import devservices
from search.client import get_client, index_name

BASE_DIR = Path(__file__).resolve().parents[3]


@pytest.mark.django_db
def test_database_is_a_real_postgresql_server():
    assert connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        cursor.execute("SELECT version(), current_database()")
        version, database = cursor.fetchone()
    assert version.startswith("PostgreSQL ")
    assert connection.pg_version >= 150000
    assert database.startswith("test_"), "tests must not touch the development database"


def test_elasticsearch_node_answers_with_a_9x_version():
    client = get_client()
    assert client.cluster.health()["status"] in {"green", "yellow"}
    versions = {node["version"] for node in client.nodes.info()["nodes"].values()}
    assert versions and all(version.startswith("9.") for version in versions)


class Probe(Document):
    """A throwaway document type used only to prove the round trip."""

    title = Text()
    code = Keyword()

    class Index:
        name = index_name("probe")
        settings = {"number_of_shards": 1, "number_of_replicas": 0}


def test_dsl_document_round_trips_through_a_prefixed_index():
    client = get_client()
    Probe.init()
    try:
        Probe(meta={"id": "1"}, title="Szycie fartuchów roboczych", code="sewing").save(
            refresh=True
        )
        hits = Probe.search().query("match", title="fartuchów").execute()
        assert [(hit.meta.id, hit.code) for hit in hits] == [("1", "sewing")]

        Probe.get(id="1").delete(refresh=True)
        assert Probe.search().query("match", title="fartuchów").count() == 0
    finally:
        client.indices.delete(index=Probe.Index.name, ignore_unavailable=True)
    assert not client.indices.exists(index=Probe.Index.name)


def test_index_prefix_of_the_test_run_is_not_the_development_prefix(settings):
    assert settings.ELASTICSEARCH_INDEX_PREFIX != "kooperacja"
    assert index_name("cooperatives").startswith(settings.ELASTICSEARCH_INDEX_PREFIX + "-")


def test_services_status_reports_every_managed_service_running():
    statuses = devservices.status()
    assert all(status.running for status in statuses), statuses


def _manage(*args, env_extra, timeout=120):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.dev", **env_extra}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def _taken_port():
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen()
    return sock


def test_port_taken_by_another_program_gives_one_clear_line():
    with _taken_port() as sock:
        port = sock.getsockname()[1]
        result = _manage(
            "services",
            "up",
            env_extra={"KOOPERACJA_ES_PORT": str(port), "DATABASE_URL": "postgres://unused/x"},
        )
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert f"port {port} is taken by another program" in lines[0]
    assert "Traceback" not in result.stderr


def test_download_failure_names_maven_and_the_reason(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    node = devservices.Elasticsearch(version="9.99.99")
    with pytest.raises(devservices.ServiceError) as excinfo:
        node.download()
    message = str(excinfo.value)
    assert "could not download Elasticsearch 9.99.99" in message
    assert "\n" not in message
    assert not node.zip.exists()


def test_java_home_must_be_21_or_newer(tmp_path, monkeypatch):
    old_jdk = tmp_path / "jdk17"
    old_jdk.mkdir()
    (old_jdk / "release").write_text('JAVA_VERSION="17.0.15"\n')
    monkeypatch.setenv("ES_JAVA_HOME", str(old_jdk))
    with pytest.raises(devservices.ServiceError, match="not a Java 21\\+ runtime"):
        devservices.find_java_home()
