"""Editorial sidecars: what an editor states beside an input wins over what reading finds,
is marked editorial, and a broken sidecar is an error that names the file."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from events.errors import ReadError
from events.model import Language
from events.read import article_to_json, load_sidecar, read_path

TEXT = (
    "深圳举办标准化论坛\n来源:人民网 日期:2022-03-01 10:00\n"
    "5月1日,深圳标准化论坛在深圳会展中心举行,来自国内外标准化组织的专家学者参加了论坛。\n"
    "原文链接:http://www.example.gov.cn/a.html\n"
)
META = {
    "url": "https://example.org/forum",
    "published": "2022-05-01",
    "publisher": "深圳市市场监督管理局",
    "city": "Shenzhen",
}


@pytest.fixture
def article_file(tmp_path: Path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


@pytest.mark.parametrize("sidecar_name", ["a.txt.meta.json", "a.meta.json"])
def test_sidecar_values_win_and_are_editorial(article_file: Path, sidecar_name: str) -> None:
    (article_file.parent / sidecar_name).write_text(json.dumps(META), encoding="utf-8")
    article = read_path(article_file)
    assert article.url == META["url"]
    assert article.published == dt.date(2022, 5, 1)
    assert article.published_rule == "sidecar"
    assert article.publisher == META["publisher"]
    assert article.city == "Shenzhen"
    assert article.editorial == frozenset(META)
    assert article_to_json(article)["editorial"] == sorted(META)


def test_without_sidecar_the_text_decides(article_file: Path) -> None:
    article = read_path(article_file)
    assert article.url == "http://www.example.gov.cn/a.html"
    assert article.published_rule == "labelled-line"
    assert article.publisher == "人民网"
    assert article.city is None
    assert article.editorial == frozenset()


def test_sidecar_language_and_title(article_file: Path) -> None:
    sidecar = {"language": "zh-Hant", "title": "深圳舉辦標準化論壇"}
    (article_file.parent / "a.meta.json").write_text(json.dumps(sidecar), encoding="utf-8")
    article = read_path(article_file)
    assert article.language is Language.HANT
    assert article.title == "深圳舉辦標準化論壇"


def test_unknown_and_empty_fields_are_dropped(article_file: Path) -> None:
    sidecar = {"url": "", "city": None, "colour": "blue", "publisher": "人民网"}
    (article_file.parent / "a.meta.json").write_text(json.dumps(sidecar), encoding="utf-8")
    assert load_sidecar(article_file) == {"publisher": "人民网"}
    assert read_path(article_file).editorial == frozenset({"publisher"})


def test_longer_sidecar_name_is_preferred(article_file: Path) -> None:
    (article_file.parent / "a.txt.meta.json").write_text('{"city": "Tianjin"}', encoding="utf-8")
    (article_file.parent / "a.meta.json").write_text('{"city": "Qingdao"}', encoding="utf-8")
    assert read_path(article_file).city == "Tianjin"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("{not json", "sidecar is not valid JSON"),
        ('["a", "list"]', "sidecar must be a JSON object"),
        (b"\xff\xfe{}", "sidecar is not valid JSON"),
    ],
    ids=["syntax", "list", "not-utf8"],
)
def test_broken_sidecar_is_a_clear_read_error(
    article_file: Path, content: str | bytes, reason: str
) -> None:
    sidecar = article_file.parent / "a.txt.meta.json"
    if isinstance(content, bytes):
        sidecar.write_bytes(content)
    else:
        sidecar.write_text(content, encoding="utf-8")
    with pytest.raises(ReadError) as caught:
        read_path(article_file)
    assert caught.value.source == str(sidecar)
    assert caught.value.reason.startswith(reason)
    assert str(sidecar) in str(caught.value)
