"""Where articles come from: the ``[[source]]`` tables of the sources file, checked at start.

A typo in the sources file should stop the service with a message naming the source and the
key, not surface hours later as a scheduled run that fetches nothing; so every key is checked
here, once, and the rest of the code trusts a :class:`SourceConfig`.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from urllib.parse import urlsplit

from events.errors import ConfigError
from events.model import Language

SOURCE_TYPES = ("directory", "feed", "html")


@dataclass(frozen=True)
class SourceConfig:
    """One source: a directory of files, an RSS/Atom feed, or an HTML list page of articles.

    ``publisher``, ``language`` and ``city`` are defaults for every article of the source; a
    sidecar or feed entry may override them. ``allow_private`` lets a source reach loopback and
    private addresses, which are refused by default so a sources file cannot probe the
    service's own network.
    """

    name: str
    type: str  # "directory" | "feed" | "html"
    location: str  # a directory path, or a URL
    interval_minutes: int = 360
    max_bytes: int = 20_000_000
    retire_after_runs: int = 3
    link_pattern: str | None = None  # regex selecting article links on an "html" list page
    publisher: str | None = None
    language: str | None = None
    city: str | None = None
    allow_private: bool = False
    timeout_seconds: float = 20.0

    def defaults(self) -> dict[str, object]:
        """The source-wide metadata every article of this source starts from."""
        values = {"publisher": self.publisher, "language": self.language, "city": self.city}
        return {key: value for key, value in values.items() if value is not None}


def default_sources(seeds_dir: Path) -> list[SourceConfig]:
    """Without a sources file the service reads its seeds directory, and nothing else."""
    return [SourceConfig(name="seeds", type="directory", location=str(seeds_dir))]


def load_sources(path: Path) -> list[SourceConfig]:
    """Parse and check the sources file; relative directories are taken from the file's folder."""
    try:
        with path.open("rb") as handle:
            document = tomllib.load(handle)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the sources file: {exc.strerror or exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    tables = document.get("source")
    if not isinstance(tables, list) or not tables:
        raise ConfigError(f"{path}: no [[source]] tables; add one per directory, feed or page")
    sources: list[SourceConfig] = []
    names: set[str] = set()
    for index, table in enumerate(tables, start=1):
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: source #{index} is not a table")
        source = _source(table, f"{path}: source #{index}", path.parent)
        if source.name in names:
            raise ConfigError(f"{path}: duplicate source name {source.name!r}; names must differ")
        names.add(source.name)
        sources.append(source)
    return sources


_KEYS = {f.name for f in fields(SourceConfig)}


def _source(table: Mapping[str, object], where: str, base: Path) -> SourceConfig:
    unknown = sorted(set(table) - _KEYS)
    if unknown:
        raise ConfigError(
            f"{where}: unknown key {unknown[0]!r}; known keys: {', '.join(sorted(_KEYS))}"
        )
    name = _required_text(table, "name", where)
    where = f"{where} ({name!r})"
    kind = _required_text(table, "type", where)
    if kind not in SOURCE_TYPES:
        raise ConfigError(f"{where}: unknown type {kind!r}; use one of {', '.join(SOURCE_TYPES)}")
    location = _required_text(table, "location", where)
    if kind == "directory":
        location = str(base / location) if not Path(location).is_absolute() else location
    elif urlsplit(location).scheme not in ("http", "https") or not urlsplit(location).hostname:
        raise ConfigError(f"{where}: location {location!r} must be an http or https URL")
    language = _optional_text(table, "language", where)
    if language is not None and language not in {lang.value for lang in Language}:
        accepted = ", ".join(lang.value for lang in Language)
        raise ConfigError(f"{where}: language {language!r} is not one of {accepted}")
    allow_private = table.get("allow_private", False)
    if not isinstance(allow_private, bool):
        raise ConfigError(f"{where}: allow_private must be true or false")
    timeout = table.get("timeout_seconds", 20.0)
    if isinstance(timeout, bool) or not isinstance(timeout, int | float) or timeout <= 0:
        raise ConfigError(f"{where}: timeout_seconds must be a positive number of seconds")
    return SourceConfig(
        name=name,
        type=kind,
        location=location,
        interval_minutes=_positive_int(table, "interval_minutes", 360, where),
        max_bytes=_positive_int(table, "max_bytes", 20_000_000, where),
        retire_after_runs=_positive_int(table, "retire_after_runs", 3, where),
        link_pattern=_link_pattern(table, kind, where),
        publisher=_optional_text(table, "publisher", where),
        language=language,
        city=_optional_text(table, "city", where),
        allow_private=allow_private,
        timeout_seconds=float(timeout),
    )


def _required_text(table: Mapping[str, object], key: str, where: str) -> str:
    if key not in table:
        raise ConfigError(f"{where}: missing {key!r}")
    return _text(table[key], key, where)


def _text(value: object, key: str, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{where}: {key!r} must be a non-empty string")
    return value.strip()


def _optional_text(table: Mapping[str, object], key: str, where: str) -> str | None:
    return _text(table[key], key, where) if key in table else None


def _positive_int(table: Mapping[str, object], key: str, default: int, where: str) -> int:
    value = table.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigError(f"{where}: {key} must be a whole number of at least 1, not {value!r}")
    return value


def _link_pattern(table: Mapping[str, object], kind: str, where: str) -> str | None:
    if "link_pattern" not in table:
        if kind == "html":
            raise ConfigError(f"{where}: an html source needs link_pattern (a regex for links)")
        return None
    pattern = _text(table["link_pattern"], "link_pattern", where)
    try:
        re.compile(pattern)
    except re.error as exc:
        raise ConfigError(f"{where}: link_pattern {pattern!r} is not a valid regex: {exc}") from exc
    return pattern
