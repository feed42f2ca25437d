"""Every STDCAL_* option in one place: default, type and meaning, validated at start.

Settings are read once (environment, then a `.env` file in the working directory) into a frozen
value that is passed down; nothing else reads the environment.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlsplit

from dotenv import dotenv_values

from events.errors import ConfigError
from events.extract.limits import MAX_EVENTS
from events.store.db import sqlite_url

PROJECT_DIR = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Settings:
    database_url: str | None = None  # STDCAL_DATABASE_URL or DATABASE_URL; SQLite when unset
    instance_dir: Path = Path("instance")  # STDCAL_INSTANCE_DIR: the SQLite file lives here
    seeds_dir: Path = PROJECT_DIR / "seeds"  # STDCAL_SEEDS_DIR: the built-in corpus
    ingest_seeds: bool = True  # STDCAL_INGEST_SEEDS: ingest seeds on first start if empty
    base_url: str = "http://127.0.0.1:8000"  # STDCAL_BASE_URL: public address of the service
    host: str = ""  # STDCAL_HOST: domain part of calendar UIDs (default: base_url's host)
    refresh_hours: float = 12.0  # STDCAL_REFRESH_HOURS: calendar REFRESH-INTERVAL, cache time
    cancelled_days: int = 90  # STDCAL_CANCELLED_DAYS: how long CANCELLED events stay listed
    default_locale: str = "zh_Hans_CN"  # STDCAL_DEFAULT_LOCALE
    max_article_bytes: int = 20_000_000  # STDCAL_MAX_ARTICLE_BYTES: larger inputs are refused
    max_fetch_bytes: int = 20_000_000  # STDCAL_MAX_FETCH_BYTES: cap on any source's download
    max_events_per_article: int = MAX_EVENTS  # STDCAL_MAX_EVENTS_PER_ARTICLE
    secret_key: str = field(default_factory=lambda: secrets.token_hex(32))  # STDCAL_SECRET_KEY
    editor_token: str | None = None  # STDCAL_EDITOR_TOKEN: required for editorial changes
    websub_hub: str | None = None  # STDCAL_WEBSUB_HUB: advertised in feeds when set
    feed_author: str = "stdcal"  # STDCAL_FEED_AUTHOR: the feeds' author (the service, operator)
    config_path: Path = Path("stdcal.toml")  # STDCAL_CONFIG: the sources file
    scheduler: bool = True  # STDCAL_SCHEDULER: `stdcal serve` supervises a scheduler process
    request_timeout: int = 60  # STDCAL_REQUEST_TIMEOUT: past it, a request costs its worker

    @property
    def uid_host(self) -> str:
        return self.host or urlsplit(self.base_url).hostname or "stdcal.localhost"

    def resolved_database_url(self) -> str:
        return self.database_url or sqlite_url(self.instance_dir)

    def with_overrides(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]

    @classmethod
    def from_env(
        cls, environ: Mapping[str, str] | None = None, env_file: Path | None = Path(".env")
    ) -> Settings:
        values: dict[str, str] = {}
        if env_file is not None and env_file.is_file():
            values.update({k: v for k, v in dotenv_values(env_file).items() if v is not None})
        values.update(os.environ if environ is None else environ)
        return _parse(values)


def _parse(env: Mapping[str, str]) -> Settings:
    def get(name: str) -> str | None:
        value = env.get(f"STDCAL_{name}")
        return value if value not in (None, "") else None

    def number(name: str, kind: type[int] | type[float], default: float) -> float:
        text = get(name)
        if text is None:
            return default
        try:
            value = kind(text)
        except ValueError:
            raise ConfigError(f"STDCAL_{name}={text!r} is not a {kind.__name__}") from None
        if value <= 0:
            raise ConfigError(f"STDCAL_{name} must be positive, got {text}")
        return value

    def boolean(name: str, default: bool) -> bool:
        text = (get(name) or ("1" if default else "0")).lower()
        if text not in {"1", "0", "true", "false", "yes", "no"}:
            raise ConfigError(f"STDCAL_{name}={text!r}: use 1/0, true/false or yes/no")
        return text in {"1", "true", "yes"}

    base_url = (get("BASE_URL") or Settings.base_url).rstrip("/")
    if urlsplit(base_url).scheme not in {"http", "https"}:
        raise ConfigError(f"STDCAL_BASE_URL={base_url!r} must be an http(s) URL")
    defaults = Settings()
    return Settings(
        database_url=get("DATABASE_URL") or env.get("DATABASE_URL") or None,
        instance_dir=Path(get("INSTANCE_DIR") or "instance"),
        seeds_dir=Path(get("SEEDS_DIR") or defaults.seeds_dir),
        ingest_seeds=boolean("INGEST_SEEDS", True),
        base_url=base_url,
        host=get("HOST") or "",
        refresh_hours=number("REFRESH_HOURS", float, 12.0),
        cancelled_days=int(number("CANCELLED_DAYS", int, 90)),
        default_locale=get("DEFAULT_LOCALE") or "zh_Hans_CN",
        max_article_bytes=int(number("MAX_ARTICLE_BYTES", int, defaults.max_article_bytes)),
        max_fetch_bytes=int(number("MAX_FETCH_BYTES", int, defaults.max_fetch_bytes)),
        max_events_per_article=int(
            number("MAX_EVENTS_PER_ARTICLE", int, defaults.max_events_per_article)
        ),
        secret_key=get("SECRET_KEY") or defaults.secret_key,
        editor_token=get("EDITOR_TOKEN"),
        websub_hub=get("WEBSUB_HUB"),
        feed_author=(get("FEED_AUTHOR") or defaults.feed_author).strip() or defaults.feed_author,
        config_path=Path(get("CONFIG") or "stdcal.toml"),
        scheduler=boolean("SCHEDULER", True),
        request_timeout=int(number("REQUEST_TIMEOUT", int, defaults.request_timeout)),
    )
