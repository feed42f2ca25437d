"""The five sample articles read as a careful human reads them (seeds-expected.json), and no
date from the page around an article reaching its body."""

from __future__ import annotations

import json
from typing import Any

import pytest
from support import SEEDS, SEEDS_EXPECTED

from events.read import article_to_json, read_path

EXPECTED_FILE = SEEDS_EXPECTED


def _expected() -> list[dict[str, Any]]:
    articles: list[dict[str, Any]] = json.loads(EXPECTED_FILE.read_text(encoding="utf-8"))[
        "articles"
    ]
    return articles


EXPECTED = _expected()


def test_every_seed_file_has_an_expectation() -> None:
    assert sorted(p.name for p in SEEDS.glob("*.txt")) == sorted(a["file"] for a in EXPECTED)


@pytest.mark.parametrize("expected", EXPECTED, ids=[a["file"][:3] for a in EXPECTED])
@pytest.mark.parametrize("field", ["title", "published", "url", "language"])
def test_seed_metadata(expected: dict[str, Any], field: str) -> None:
    record = article_to_json(read_path(SEEDS / expected["file"]))
    assert record[field] == expected[field]


@pytest.mark.parametrize(
    ("prefix", "absent"),
    [
        ("000", ["ICP", "今天是", "当前位置", "字号"]),
        ("002", ["2023世界動力電池大會", "福州", "相關閱讀", "責編"]),
        ("004", ["免责声明", "原文链接", "2021年10月11日", "???"]),
    ],
)
def test_page_chrome_stays_out_of_the_body(prefix: str, absent: list[str]) -> None:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    article = read_path(path)
    for text in absent:
        assert text not in article.body, text
    assert article.body.startswith(article.lead)


def test_related_list_of_002_is_kept_as_a_part() -> None:
    (path,) = SEEDS.glob("002_*.txt")
    article = read_path(path)
    related = "\n".join(article.parts["related"])
    assert "2023世界動力電池大會" in related
    assert "福州" in related


def test_pinyin_of_001_is_gone_from_title_and_body() -> None:
    (path,) = SEEDS.glob("001_*.txt")
    article = read_path(path)
    for annotation in ("(bào)", "(dǎo)", "(dòng)"):
        assert annotation not in article.body
    assert "(記者黃劼)" in article.lead
    assert article.published is None and article.published_rule is None


@pytest.mark.parametrize(
    ("prefix", "rule"),
    [("000", "labelled-line"), ("001", None), ("002", "dateline"), ("003", "labelled-line")],
)
def test_published_rule_of_seeds(prefix: str, rule: str | None) -> None:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    assert read_path(path).published_rule == rule
