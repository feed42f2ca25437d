"""A year that is written but impossible is not a missing year: no event, not a yearly one."""

from __future__ import annotations

import pytest

from events.extract import extract
from events.extract.sentences import MAX_SENTENCE, split_sentences
from events.read import read_bytes


@pytest.mark.parametrize("year", ["0000", "99999", "123"])
def test_an_impossible_year_gives_no_event(year: str) -> None:
    article = read_bytes(f"标题\n{year}年5月6日,标准化大会在深圳召开。".encode(), "y.txt")
    assert extract(article) == []


def test_a_page_without_punctuation_is_cut_into_bounded_sentences() -> None:
    body = "standard " * 5_000 + "2023年6月9日,标准化大会在青岛召开。"
    sentences = split_sentences(body)
    assert max(map(len, sentences)) <= MAX_SENTENCE
    assert "".join(sentences).replace(" ", "") == body.replace(" ", "")
