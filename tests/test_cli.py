"""The `stdcal` command as a user runs it: ingest with a summary, read/extract as JSON."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from support import SEEDS

from feeds.cli import main

SEED_FILES = sorted(SEEDS.glob("*.txt"))


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {"STDCAL_INSTANCE_DIR": str(tmp_path / "instance"), "STDCAL_DATABASE_URL": ""}


def test_ingest_prints_a_summary_and_is_idempotent(env: dict[str, str], tmp_path: Path) -> None:
    runner = CliRunner()
    first = runner.invoke(main, ["ingest", str(SEEDS)], env=env)
    assert first.exit_code == 0, first.output
    assert "5 new, 0 changed, 0 unchanged, 0 failed" in first.output
    second = runner.invoke(main, ["ingest", str(SEEDS)], env=env)
    assert "0 new, 0 changed, 5 unchanged, 0 failed" in second.output


def test_ingest_reports_each_failure(env: dict[str, str], tmp_path: Path) -> None:
    shutil.copy(SEED_FILES[0], tmp_path / "ok.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    result = CliRunner().invoke(main, ["ingest", str(tmp_path)], env=env)
    assert "1 new" in result.output
    assert "failed: " in result.output
    assert "empty.txt" in result.output


def test_extract_json_keeps_input_order_and_shape() -> None:
    paths = [str(p) for p in reversed(SEED_FILES)]
    result = CliRunner().invoke(main, ["extract", *paths, "--json"])
    assert result.exit_code == 0, result.output
    records = json.loads(result.output)
    assert [r["source"] for r in records] == paths
    for record in records:
        assert set(record) == {"source", "title", "published", "language", "url", "events"}
        for event in record["events"]:
            assert set(event) >= {
                "title",
                "start",
                "end",
                "time",
                "all_day",
                "city",
                "organisers",
                "kind",
                "confidence",
                "evidence",
            }


def test_read_json_shows_body_and_parts() -> None:
    result = CliRunner().invoke(main, ["read", str(SEED_FILES[2]), "--json"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    assert record["body"]
    assert record["parts"]


def test_db_upgrade(env: dict[str, str]) -> None:
    result = CliRunner().invoke(main, ["db", "upgrade"], env=env)
    assert result.exit_code == 0
    assert "up to date" in result.output


def test_extract_reports_an_unreadable_file_and_prints_the_rest(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = CliRunner().invoke(main, ["extract", str(SEED_FILES[0]), str(empty), "--json"])
    assert result.exit_code == 1
    records = json.loads(result.stdout)
    assert [r["source"] for r in records] == [str(SEED_FILES[0])]
    assert f"{empty}: no article text found" in result.stderr
