"""Input that holds no article, or too much of it: reading fails only with ReadError, and
arbitrary bytes never escape as any other exception."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from events.errors import ReadError
from events.model import Article
from events.read import read_bytes, read_path

SENTENCE = "深圳标准化论坛在深圳会展中心举行,来自国内外标准化组织的专家学者参加了论坛。"


def test_input_over_the_size_limit_is_refused() -> None:
    raw = SENTENCE.encode()
    with pytest.raises(ReadError) as caught:
        read_bytes(raw, "big.txt", max_bytes=len(raw) - 1)
    assert caught.value.source == "big.txt"
    assert str(len(raw) - 1) in caught.value.reason


def test_input_at_the_size_limit_is_read() -> None:
    raw = SENTENCE.encode()
    assert read_bytes(raw, "exact.txt", max_bytes=len(raw)).body == SENTENCE


def test_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(SENTENCE, encoding="utf-8")
    with pytest.raises(ReadError, match="over the limit"):
        read_path(path, max_bytes=10)


def test_missing_file_is_a_read_error(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="cannot read file"):
        read_path(tmp_path / "absent.txt")


@pytest.mark.parametrize(
    "raw",
    [b"", b"   \n\t\r\n", "\u3000\u200b\ufeff".encode(), b"??? ???", b"<html><body></body></html>"],
    ids=["empty", "whitespace", "invisible", "damage-only", "empty-page"],
)
def test_no_article_text_is_a_read_error(raw: bytes) -> None:
    with pytest.raises(ReadError, match="no article text"):
        read_bytes(raw, "empty.txt")


def test_content_hash_is_of_the_raw_bytes() -> None:
    one = read_bytes(SENTENCE.encode(), "a.txt")
    other = read_bytes(SENTENCE.encode("gbk"), "b.txt")
    assert one.body == other.body
    assert one.content_hash != other.content_hash
    assert len(one.content_hash) == 64


CONTENT_TYPES = st.sampled_from(
    [None, "text/plain", "text/html", "text/html; charset=gbk", "text/plain; charset=nonsense"]
)
MARKUP = st.text(
    alphabet=st.sampled_from(list("<>/=\"' htmlpdivbodyheadmetatitlecharset标準!-\n&#;?\ufffd")),
    max_size=300,
)


def _read_or_refuse(raw: bytes, content_type: str | None) -> None:
    try:
        article = read_bytes(raw, "fuzz", content_type=content_type)
    except ReadError:
        return
    assert isinstance(article, Article)
    assert article.title or article.body
    assert "\ufffd" not in article.body


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000), CONTENT_TYPES)
def test_arbitrary_bytes_give_an_article_or_a_read_error(raw: bytes, ctype: str | None) -> None:
    _read_or_refuse(raw, ctype)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(MARKUP, st.sampled_from(["utf-8", "utf-16", "gb18030"]), CONTENT_TYPES)
def test_arbitrary_markup_gives_an_article_or_a_read_error(
    text: str, encoding: str, ctype: str | None
) -> None:
    _read_or_refuse(text.encode(encoding), ctype)
