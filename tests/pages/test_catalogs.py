"""The gettext catalogs: the template matches the sources, every locale translates every
message, and the app compiles missing or stale ``.mo`` files itself (they are not committed)."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po
from support import PROJECT

from feeds.l10n import LOCALES
from feeds.translations import CATALOGS, compile_catalogs, translations

PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def _messages(path: Path) -> dict[str, str]:
    with path.open("rb") as handle:
        catalog = read_po(handle)
    return {m.id: str(m.string) for m in catalog if isinstance(m.id, str) and m.id and not m.fuzzy}


def _extracted() -> set[str]:
    with (PROJECT / "babel.cfg").open() as handle:
        method_map, options_map = parse_mapping_cfg(handle)  # type: ignore[no-untyped-call]
    found = extract_from_dir(
        str(PROJECT), method_map, options_map, keywords={"_": None, "gettext": None, "N_": None}
    )
    return {
        message for _file, _line, message, _notes, _context in found if isinstance(message, str)
    }


def test_the_template_holds_exactly_what_the_sources_use() -> None:
    assert set(_messages(CATALOGS / "messages.pot")) == _extracted()


@pytest.mark.parametrize("locale", LOCALES)
def test_every_message_is_translated(locale: str) -> None:
    template = _messages(CATALOGS / "messages.pot")
    catalog = _messages(CATALOGS / locale / "LC_MESSAGES" / "messages.po")
    missing = [msgid for msgid in template if not catalog.get(msgid, "").strip()]
    assert not missing, f"{locale} lacks {missing}"
    for msgid in template:
        assert set(PLACEHOLDER.findall(msgid)) == set(PLACEHOLDER.findall(catalog[msgid]))


@pytest.mark.parametrize(
    ("locale", "expected"),
    [("zh_Hans_CN", "标准化活动"), ("zh_Hant_TW", "標準化活動"), ("en", "Standardization events")],
)
def test_catalogs_load_for_each_locale(locale: str, expected: str) -> None:
    assert translations(locale).gettext("Standardization events") == expected


def test_missing_and_stale_mo_files_are_compiled(tmp_path: Path) -> None:
    tmp_path = tmp_path / "translations"
    shutil.copytree(CATALOGS, tmp_path, ignore=shutil.ignore_patterns("*.mo", "*.py*"))
    written = compile_catalogs(tmp_path)
    assert {p.parent.parent.name for p in written} == set(LOCALES)
    assert compile_catalogs(tmp_path) == []  # fresh: nothing to do
    po = tmp_path / "en" / "LC_MESSAGES" / "messages.po"
    later = po.with_suffix(".mo").stat().st_mtime + 10
    os.utime(po, (later, later))
    assert compile_catalogs(tmp_path) == [po.with_suffix(".mo")]
