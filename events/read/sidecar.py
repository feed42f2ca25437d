"""Editorial metadata beside an input: ``NAME.meta.json`` (or ``NAME.ext.meta.json``).

An editor supplies what the text lacks (most often the year of an event or the page's URL);
these values win over what reading finds and are marked editorial in the record.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from events.errors import ReadError

FIELDS = ("url", "published", "publisher", "city", "language", "title")


def sidecar_paths(path: Path) -> tuple[Path, Path]:
    return path.with_name(path.name + ".meta.json"), path.with_suffix(".meta.json")


def load_sidecar(path: Path) -> dict[str, Any] | None:
    """The sidecar of ``path`` if one exists; a broken one is a clear error, not a guess."""
    for candidate in sidecar_paths(path):
        if candidate.is_file():
            try:
                data = json.loads(candidate.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
                raise ReadError(str(candidate), f"sidecar is not valid JSON: {exc}") from exc
            if not isinstance(data, dict):
                raise ReadError(str(candidate), "sidecar must be a JSON object")
            return {k: v for k, v in data.items() if k in FIELDS and v not in (None, "")}
    return None
