"""A directory source: article files on disk, each with an optional JSON sidecar.

Saved pages often lack what a reader needs (the original URL, the publication date, the
publisher), so an editor may put ``NAME.meta.json`` beside the file (``a.txt.meta.json`` or
``a.meta.json``). Locators are resolved absolute paths, as ``events.ingest`` uses for files
given on the command line, so the same file is the same article whichever way it came in.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

from events.model import RawInput

ARTICLE_SUFFIXES = (".txt", ".html", ".htm")
SIDECAR_SUFFIX = ".meta.json"

Failure = tuple[str, str]


def article_files(root: Path) -> list[Path]:
    """Article files under ``root``, recursively, in a stable order; sidecars excluded."""
    return [
        path
        for path in sorted(root.rglob("*"))
        if path.is_file() and path.suffix.lower() in ARTICLE_SUFFIXES
    ]


def read_directory(
    root: Path, defaults: Mapping[str, object], max_bytes: int
) -> tuple[list[RawInput], list[Failure]]:
    inputs: list[RawInput] = []
    failures: list[Failure] = []
    for path in article_files(root):
        locator = str(path.resolve())
        try:
            size = path.stat().st_size
            if size > max_bytes:
                failures.append((locator, f"larger than {max_bytes} bytes ({size} bytes)"))
                continue
            raw = path.read_bytes()
        except OSError as exc:
            failures.append((locator, f"cannot read file: {exc.strerror or exc}"))
            continue
        meta = dict(defaults)
        sidecar, problem = read_sidecar(path)
        if problem is not None:
            failures.append(problem)
        meta.update(sidecar)
        inputs.append(RawInput(locator=locator, raw=raw, meta=meta))
    return inputs, failures


def sidecar_path(path: Path) -> Path | None:
    """``a.txt.meta.json`` if present, else ``a.meta.json``, else ``None``."""
    for candidate in (path.with_name(path.name + SIDECAR_SUFFIX), path.with_suffix(SIDECAR_SUFFIX)):
        if candidate.is_file():
            return candidate
    return None


def read_sidecar(path: Path) -> tuple[dict[str, object], Failure | None]:
    """The sidecar's fields, or nothing plus a failure naming the sidecar and what is wrong."""
    sidecar = sidecar_path(path)
    if sidecar is None:
        return {}, None
    where = str(sidecar.resolve())
    try:
        data = json.loads(sidecar.read_bytes())
    except OSError as exc:
        return {}, (where, f"cannot read sidecar: {exc.strerror or exc}")
    except ValueError as exc:  # JSONDecodeError and undecodable bytes alike
        return {}, (where, f"sidecar is not valid JSON ({exc}); the article is read without it")
    if not isinstance(data, dict):
        return {}, (where, "sidecar must be a JSON object; the article is read without it")
    return data, None
