"""``manage.py match`` keeps the command-line contract of interfaces.md."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection


def run_match(*args):
    out = io.StringIO()
    call_command("match", *args, stdout=out)
    return out.getvalue()


def test_json_output_is_only_the_contract_json(indexed_directory):
    body = json.loads(run_match("szycie fartuchów", "--near", "52.41,16.93", "--json"))
    assert body["query"] == "szycie fartuchów"
    assert body["capabilities"] == ["sewing"]
    result = body["results"][0]
    assert result["slug"] == "ss-igla"
    assert result["distance_km"] == result["explanation"]["distance_km"] < 2


def test_no_match_is_exit_0_with_empty_results(indexed_directory):
    assert json.loads(run_match("naprawa zegarów wieżowych", "--json"))["results"] == []


@pytest.mark.parametrize(
    "args", [("x", "--near", "52.4"), ("x", "--radius", "5"), ("x", "--limit", "0")]
)
def test_bad_options_are_refused_with_a_message(db, args):
    with pytest.raises(CommandError):
        run_match(*args)


def test_elasticsearch_unreachable_is_exit_2_with_one_line(db):
    settings = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "ELASTICSEARCH_URL": "http://127.0.0.1:9",
        "DATABASE_URL": f"postgres://{settings['USER']}@{settings['HOST']}:{settings['PORT']}/"
        f"{settings['NAME']}",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "match", "szycie", "--json"],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith("Elasticsearch is unreachable")
