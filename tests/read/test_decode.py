"""Bytes to text: BOMs, declared charsets that tell the truth or lie, detection, and damage
that is counted instead of raised."""

from __future__ import annotations

import codecs
import random

import pytest

from events.read import read_bytes
from events.read.decode import decode

HANS = (
    "深圳市市场监督管理局于十月十五日组织开展标准化活动,来自各地的代表参加了本次会议并进行了交流。"
)
HANT = (
    "深圳市市場監督管理局於十月十五日組織開展標準化活動週,"
    "來自各地的代表參加了本次會議並進行了交流。"
)
PAGE = (
    '<html><head><meta charset="{charset}"><title>标准化活动</title></head>'
    "<body><p>{body}</p></body></html>"
)


@pytest.mark.parametrize(
    "raw",
    [
        "标准化活动".encode("gbk"),
        ("关于举办" + "标准化活动" + "的通知").encode("gbk"),
        HANS.encode("gbk"),
        b"Shenzhen held its first " + "标准化活动".encode("gbk") + b" on 24 April this year.",
    ],
    ids=["alone", "in-a-headline", "in-a-paragraph", "inside-english"],
)
def test_gbk_without_declaration_is_detected(raw: bytes) -> None:
    text, report = decode(raw)
    assert "标准化活动" in text
    assert report.method == "detected"
    assert report.encoding == "gb18030"
    assert report.replaced == 0


@pytest.mark.parametrize(
    "raw",
    [
        HANT.encode("big5"),
        "標準化活動週於4月24日在深圳啟動,來自各地的代表參加。".encode("big5"),
        b"The first " + "標準化活動週".encode("big5") + b" opened in Shenzhen on 24 April.",
    ],
    ids=["paragraph", "sentence", "inside-english"],
)
def test_big5_traditional_text_is_detected(raw: bytes) -> None:
    text, report = decode(raw)
    assert "標準化活動週" in text or text == HANT
    assert report.encoding.startswith("big5")
    assert report.replaced == 0


@pytest.mark.parametrize(
    ("raw", "encoding"),
    [
        (HANT.encode("utf-16"), "utf-16"),  # Python writes the BOM in native order
        (codecs.BOM_UTF16_BE + HANT.encode("utf-16-be"), "utf-16"),
        (codecs.BOM_UTF16_LE + HANT.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF8 + HANT.encode("utf-8"), "utf-8-sig"),
    ],
    ids=["utf-16-native", "utf-16-be", "utf-16-le", "utf-8-bom"],
)
def test_byte_order_mark_decides(raw: bytes, encoding: str) -> None:
    text, report = decode(raw)
    assert text == HANT
    assert report.method == "bom"
    assert report.encoding == encoding


def test_utf8_bom_is_not_left_in_the_text() -> None:
    article = read_bytes(codecs.BOM_UTF8 + HANS.encode(), "bom.txt")
    assert not article.body.startswith("\ufeff")
    assert article.decode is not None and article.decode.method == "bom"


def test_http_header_charset_wins() -> None:
    raw = PAGE.format(charset="big5", body=HANS).encode("gbk")
    text, report = decode(raw, "text/html; charset=gbk")
    assert HANS in text
    assert (report.method, report.encoding) == ("http-header", "gb18030")


def test_meta_charset_is_used_when_true() -> None:
    raw = PAGE.format(charset="gb2312", body=HANS).encode("gbk")
    text, report = decode(raw)
    assert HANS in text
    assert (report.method, report.encoding) == ("meta", "gb18030")


def test_lying_meta_charset_falls_to_detection() -> None:
    raw = PAGE.format(charset="utf-8", body=HANS).encode("gbk")
    text, report = decode(raw)
    assert HANS in text
    assert report.method == "detected"
    assert report.encoding == "gb18030"


def test_lying_header_falls_to_detection() -> None:
    text, report = decode(HANS.encode("gbk"), "text/plain; charset=utf-8")
    assert text == HANS
    assert report.method == "detected"


def test_unknown_declared_charset_is_ignored() -> None:
    text, report = decode(HANS.encode("utf-8"), "text/plain; charset=x-no-such-charset")
    assert text == HANS
    assert report.method == "utf-8"


def test_plain_utf8() -> None:
    text, report = decode(HANS.encode())
    assert text == HANS
    assert (report.encoding, report.method, report.replaced) == ("utf-8", "utf-8", 0)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_broken_bytes_are_replaced_and_counted(seed: int) -> None:
    rng = random.Random(seed)
    raw = bytes(rng.randrange(256) for _ in range(600))
    text, report = decode(raw)
    assert report.replaced > 0
    assert report.replaced == text.count("\ufffd")


def test_broken_bytes_inside_utf8_text_do_not_raise() -> None:
    raw = HANS.encode() + b"\xff\xfe\xfd\x80" + HANS.encode()
    text, report = decode(raw)
    assert text.count(HANS) == 2
    assert report.replaced == 4
    article = read_bytes(raw, "broken.txt")
    assert "\ufffd" not in article.body
    assert article.decode is not None and article.decode.damage == 1
