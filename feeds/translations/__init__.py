"""The gettext catalogs of the pages and the widget, and how they become ``.mo`` files.

The ``.po`` files are the sources (Babel's extract/update workflow, see babel.cfg); compiled
``.mo`` files are build output and never committed, so the app compiles any that are missing
or older than their ``.po`` when it starts, and compiles in memory where it cannot write.
"""

from __future__ import annotations

import io
import logging
from functools import cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

log = logging.getLogger(__name__)

CATALOGS = Path(__file__).resolve().parent
DOMAIN = "messages"


def compile_catalogs(directory: Path = CATALOGS) -> list[Path]:
    """Compile each ``.po`` whose ``.mo`` is missing or older; the ``.mo`` files are build
    output, not sources. Returns what was written; an unwritable tree is logged, not fatal."""
    written = []
    for po in sorted(directory.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        mo = po.with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        try:
            mo.write_bytes(_compiled(po))
        except OSError as exc:
            log.warning("cannot write %s (%s); catalogs will compile in memory", mo, exc)
            continue
        written.append(mo)
    return written


def _compiled(po: Path) -> bytes:
    with po.open("rb") as handle:
        catalog = read_po(handle, locale=po.parent.parent.name, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


@cache
def translations(locale: str, directory: Path = CATALOGS) -> Translations:
    po = directory / locale / "LC_MESSAGES" / f"{DOMAIN}.po"
    mo = po.with_suffix(".mo")
    if mo.exists() and (not po.exists() or mo.stat().st_mtime >= po.stat().st_mtime):
        return Translations(io.BytesIO(mo.read_bytes()), domain=DOMAIN)
    if po.exists():
        return Translations(io.BytesIO(_compiled(po)), domain=DOMAIN)
    raise FileNotFoundError(f"no catalog for {locale} in {directory}")
