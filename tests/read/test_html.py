"""HTML pages: what the page states (title, date, canonical URL, lang) is taken as stated,
and the navigation and footer around the article stay out of its body."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from events.model import Language
from events.read import read_bytes
from events.read.html import looks_like_html, read_html
from events.read.metadata import SHANGHAI_OFFSET

READ_DATA = Path(__file__).resolve().parent.parent / "data" / "read"

PARAGRAPHS = [
    "5月1日,深圳标准化论坛在深圳会展中心举行,来自国内外标准化组织的专家学者和企业代表共三百余人参加了论坛。",
    "论坛围绕标准化与产业创新、标准国际化等议题展开了深入交流,与会专家分享了各自领域的最新实践经验。",
    "论坛期间还发布了多项团体标准,并举行了标准化合作项目的签约仪式,进一步推动了区域标准化合作。",
]
CANONICAL = "https://www.example.gov.cn/news/2022/05/01/forum.html"
PAGE = f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>深圳举办标准化论坛_新闻中心</title>
<meta property="article:published_time" content="2022-05-01T09:00:00+08:00">
<link rel="canonical" href="{CANONICAL}">
<style>body {{ color: #333 }}</style>
<script>var published = "2019-01-01";</script>
</head><body>
<nav><ul><li><a href="/">网站首页</a></li><li><a href="/news">新闻中心导航栏目</a></li></ul></nav>
<article>
<h1>深圳举办标准化论坛</h1>
{"".join(f"<p>{p}</p>" for p in PARAGRAPHS)}
</article>
<footer><p>版权所有:深圳市市场监督管理局 粤ICP备12345678号</p><p>网站地图 | 联系我们</p></footer>
</body></html>"""


@pytest.mark.parametrize("content_type", ["text/html; charset=utf-8", None])
def test_page_metadata_and_body(content_type: str | None) -> None:
    article = read_bytes(PAGE.encode(), "page.html", content_type=content_type)
    assert article.title == "深圳举办标准化论坛"
    assert article.published == dt.datetime(2022, 5, 1, 9, 0, tzinfo=SHANGHAI_OFFSET)
    assert article.published_rule == "html-meta"
    assert article.url == CANONICAL
    assert article.language is Language.HANS
    assert article.body == "\n".join(PARAGRAPHS)
    for chrome in ("网站首页", "导航栏目", "ICP", "版权所有", "网站地图", "2019", "color"):
        assert chrome not in article.body


def test_page_in_gbk_declared_by_meta() -> None:
    page = PAGE.replace('charset="utf-8"', 'charset="gbk"')
    article = read_bytes(page.encode("gbk"), "page.html")
    assert article.decode is not None and article.decode.method == "meta"
    assert article.title == "深圳举办标准化论坛"
    assert article.body.startswith(PARAGRAPHS[0])


def test_meta_date_wins_over_a_date_line_in_the_text() -> None:
    page = PAGE.replace("<article>", "<article><p>发布时间:2022-04-30 08:00</p>")
    article = read_bytes(page.encode(), "page.html")
    assert article.published_rule == "html-meta"
    assert article.published_date == dt.date(2022, 5, 1)


def test_og_url_when_no_canonical_link() -> None:
    page = PAGE.replace(f'<link rel="canonical" href="{CANONICAL}">', "").replace(
        "<title>", '<meta property="og:url" content="https://example.org/og"><title>'
    )
    assert read_bytes(page.encode(), "page.html").url == "https://example.org/og"


TIANJIN_ORIGINAL = (
    "http://scjg.tj.gov.cn/tjsscjdglwyh_52651/zwgk/zfgznew/bdwwjnew/gzwjnew_1/202110/"
    "t20211012_5645604.html"
)
TIANJIN_CANONICAL = "https://bz.example.org/tzgg/2021/1022/5645604.html"
_CANONICAL_LINK = f'<link rel="canonical" href="{TIANJIN_CANONICAL}">'


@pytest.mark.parametrize(
    ("change", "source", "sidecar", "url"),
    [
        (None, "copy.html", None, TIANJIN_CANONICAL),
        (None, "https://mirror.example.net/a/1.html", None, TIANJIN_CANONICAL),
        (
            (_CANONICAL_LINK, '<link rel="canonical" href="/tzgg/5645604.html">'),
            "https://bz.example.org/list/1.html",
            None,
            "https://bz.example.org/tzgg/5645604.html",
        ),
        (
            (_CANONICAL_LINK, '<meta property="og:url" content="https://bz.example.org/og">'),
            "copy.html",
            None,
            "https://bz.example.org/og",
        ),
        (
            (_CANONICAL_LINK, '<link rel="canonical" href="/tzgg/5645604.html">'),
            "copy.html",  # relative, and nothing to resolve it against: the text's address
            None,
            TIANJIN_ORIGINAL,
        ),
        (
            (_CANONICAL_LINK, '<link rel="canonical" href="javascript:alert(1)">'),
            "copy.html",
            None,
            TIANJIN_ORIGINAL,
        ),
        ((_CANONICAL_LINK, ""), "copy.html", None, TIANJIN_ORIGINAL),
        (
            None,
            "copy.html",
            {"url": "https://editor.example.org/x"},
            "https://editor.example.org/x",
        ),
    ],
    ids=[
        "canonical-over-body",
        "canonical-over-fetched-address",
        "relative-canonical-resolved",
        "og-url-over-body",
        "relative-canonical-unresolvable",
        "canonical-not-http",
        "no-canonical-body-address",
        "sidecar-over-canonical",
    ],
)
def test_the_page_address_wins_over_one_in_its_text(
    change: tuple[str, str] | None, source: str, sidecar: dict[str, str] | None, url: str
) -> None:
    """An HTML copy of the Tianjin notice: its canonical link against the ``原文链接`` line."""
    page = (READ_DATA / "tianjin_notice_canonical.html").read_text(encoding="utf-8")
    assert _CANONICAL_LINK in page and TIANJIN_ORIGINAL in page
    if change is not None:
        page = page.replace(*change)
    article = read_bytes(page.encode(), source, sidecar=sidecar)
    assert article.url == url
    assert article.title == "市市场监管委关于开展2021年世界标准日宣传活动的通知"
    assert article.parts["source"] == (f"原文链接:{TIANJIN_ORIGINAL}",)  # still kept as read


def test_fetched_page_without_stated_url_keeps_its_address() -> None:
    page = PAGE.replace(f'<link rel="canonical" href="{CANONICAL}">', "")
    article = read_bytes(page.encode(), "https://example.org/news/1.html")
    assert article.url == "https://example.org/news/1.html"


def test_english_page() -> None:
    page = """<html lang="en"><head><title>Standards Week Opens in Geneva</title>
<meta name="pubdate" content="2021-08-01"></head><body>
<div class="menu">Home | About | Contact</div>
<div class="content"><h1>Standards Week Opens in Geneva</h1>
<p>The annual standards week opened in Geneva on July 28 with delegates from many countries.</p>
<p>It will run for five days and close with a ceremony for the winners of the standards awards.</p>
</div></body></html>"""
    article = read_bytes(page.encode(), "page.html")
    assert article.title == "Standards Week Opens in Geneva"
    assert article.published == dt.date(2021, 8, 1)
    assert article.language is Language.EN
    assert "Home | About" not in article.body


def test_read_html_fallback_keeps_visible_text_only() -> None:
    text, meta = read_html(
        "<html lang='zh-TW'><head><title>標題</title></head>"
        "<body><script>var x = 1;</script><p>短</p></body></html>"
    )
    assert "var x" not in text
    assert meta.title == "標題"
    assert meta.lang == "zh-TW"


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("<!DOCTYPE html><html>", True),
        ("  <meta charset='utf-8'>", True),
        ("<p>段落</p>", True),
        ("标准化活动周于4月24日启动 <b>", False),
        ("a < b and c > d", False),
    ],
)
def test_looks_like_html(text: str, html: bool) -> None:
    assert looks_like_html(text) is html


@pytest.mark.parametrize(
    "page",
    [
        "<html>" + "<div>" * 5000 + "深圳标准化活动周启动" + "</div>" * 5000 + "</html>",
        "<html><body><p>未闭合的段落<div><span>深圳标准化活动周启动</p></body>",
        "<html><head><title>只有标题的页面</title></head><body></body></html>",
    ],
    ids=["deep-nesting", "unclosed", "title-only"],
)
def test_hostile_pages_still_read(page: str) -> None:
    article = read_bytes(page.encode(), "hostile.html")
    assert article.title


def test_a_text_page_under_stray_tags_keeps_its_story() -> None:
    junk = '<rt id="q"><delect id="q"></delect></rt>\n  • <strike id="q"></strike>\n'
    story = "2023年5月20日是第24個世界計量日,市局在廣場舉辦宣傳活動,向市民介紹計量知識。"
    article = read_bytes(
        f"{junk}  • 世界計量日主題發布\n    時間:2023-04-13\n{story}\n".encode(), "p.txt"
    )
    assert "世界計量日,市局在廣場舉辦宣傳活動" in article.body
