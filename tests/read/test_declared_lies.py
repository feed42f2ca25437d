"""Declarations that lie: a Western charset over Chinese bytes, markup without structure."""

from __future__ import annotations

from events.read import read_bytes
from events.read.decode import decode
from events.read.html import looks_like_html


def test_a_latin1_declaration_over_big5_bytes_is_not_trusted() -> None:
    text = "首屆深圳標準化活動周於4月24日啟動,由深圳市市場監督管理局主辦。" * 3
    page = f'<html><head><meta charset="iso-8859-1"></head><body><p>{text}</p></body></html>'
    decoded, report = decode(page.encode("big5"))
    assert text in decoded
    assert report.method == "detected"


def test_dense_inline_markup_is_read_as_html() -> None:
    raw = ("<b><i>" * 200 + "2023年6月9日,标准化大会在青岛召开。").encode()
    assert looks_like_html(raw.decode())
    article = read_bytes(raw, "tags.txt")
    assert "<b>" not in article.title + article.body
