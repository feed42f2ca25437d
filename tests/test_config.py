"""Settings come from STDCAL_* variables once, with defaults, and bad values are named."""

from __future__ import annotations

from pathlib import Path

import pytest

from events.errors import ConfigError
from feeds.config import Settings


def test_defaults_use_sqlite_under_instance(tmp_path: Path) -> None:
    settings = Settings.from_env({"STDCAL_INSTANCE_DIR": str(tmp_path / "i")}, env_file=None)
    assert settings.resolved_database_url().startswith("sqlite:///")
    assert settings.resolved_database_url().endswith("/i/stdcal.sqlite3")
    assert settings.uid_host == "127.0.0.1"


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"STDCAL_DATABASE_URL": "postgresql+psycopg://x@h/db"}, "postgresql+psycopg://x@h/db"),
        ({"DATABASE_URL": "postgresql://x@h/db"}, "postgresql://x@h/db"),
        (
            {"STDCAL_DATABASE_URL": "postgresql+psycopg://a@h/1", "DATABASE_URL": "sqlite://"},
            "postgresql+psycopg://a@h/1",
        ),
    ],
)
def test_database_url_precedence(env: dict[str, str], expected: str) -> None:
    assert Settings.from_env(env, env_file=None).database_url == expected


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("STDCAL_REFRESH_HOURS", "soon"),
        ("STDCAL_REFRESH_HOURS", "-1"),
        ("STDCAL_INGEST_SEEDS", "maybe"),
        ("STDCAL_BASE_URL", "ftp://x"),
        ("STDCAL_MAX_ARTICLE_BYTES", "1.5"),
        ("STDCAL_REQUEST_TIMEOUT", "0"),
    ],
)
def test_bad_values_are_named(name: str, value: str) -> None:
    with pytest.raises(ConfigError, match=name):
        Settings.from_env({name: value}, env_file=None)


def test_dotenv_file_is_read_and_environment_wins(tmp_path: Path) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text("STDCAL_HOST=from-file\nSTDCAL_REFRESH_HOURS=6\n")
    settings = Settings.from_env({"STDCAL_REFRESH_HOURS": "3"}, env_file=env_file)
    assert settings.uid_host == "from-file"
    assert settings.refresh_hours == 3


@pytest.mark.parametrize(
    ("env", "author"),
    [
        ({}, "stdcal"),
        ({"STDCAL_FEED_AUTHOR": "青岛市标准化研究院"}, "青岛市标准化研究院"),
        ({"STDCAL_FEED_AUTHOR": "  Example Standards Office "}, "Example Standards Office"),
        ({"STDCAL_FEED_AUTHOR": "   "}, "stdcal"),
    ],
)
def test_feed_author_is_the_service_unless_configured(env: dict[str, str], author: str) -> None:
    assert Settings.from_env(env, env_file=None).feed_author == author
