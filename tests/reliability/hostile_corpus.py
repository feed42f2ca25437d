"""Hostile articles, written by hand and generated: what a crawler of arbitrary pages meets.

Each hand-written case is named for what it shows and carries a real event sentence where it
can, so the hostile part travels on through extraction and the store into calendars, feeds
and pages instead of being dropped at the door.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import strategies as st

EVENT = "2024年5月6日,第十届深圳标准化论坛在深圳会展中心举行。"
HANT = "<p>2024年5月6日,第十屆深圳標準化論壇在深圳會展中心舉行。</p>"
EVENT_EN = "The Geneva standards forum will be held on 6 May 2024 at the ITU headquarters."
MIB = 1024 * 1024

# titles that try to leave their field: iCalendar line injection, CDATA end, markup, URLs
HOSTILE_TITLES = {
    "title_ics_injection": "标准化大会\r\nBEGIN:VEVENT\r\nUID:evil@x\r\nEND:VEVENT",
    "title_cdata_end": "标准化]]><evil>大会]]>",
    "title_script": "<script>alert(1)</script>标准化论坛",
    "title_img_onerror": '"><img src=x onerror=alert(1)>标准化论坛',
    "title_javascript_link": "javascript:alert(1) 标准化论坛",
}
HOSTILE_DATES = {
    "date_month_13_day_45": "2021年13月45日,标准化大会在深圳举行。",
    "date_year_0000": "0000年5月6日,标准化大会在深圳举行。",
    "date_year_99999": "99999年5月6日,标准化大会在深圳举行。",
    "date_february_30": "2024年2月30日,标准化大会在深圳举行。",
}


@dataclass(frozen=True)
class Case:
    name: str  # file name: what the case shows
    raw: bytes
    sidecar: dict[str, object] = field(default_factory=dict)
    refused: bool = False  # must be refused (recorded as a failure), not stored


def _html(body: str, charset: str, title: str = "标准化论坛") -> str:
    return (
        f'<!doctype html><html><head><meta charset="{charset}"><title>{title}</title>'
        f"</head><body>{body}</body></html>"
    )


def hand_written() -> list[Case]:
    """The corpus of the issue, one case per hostile shape (the 20 MB ones excepted)."""
    cases = [
        Case("random_bytes.txt", random.Random(10).randbytes(64 * 1024)),
        Case("random_bytes_small.html", random.Random(11).randbytes(300)),
        Case("utf8_declared_big5.html", _html(f"<p>{EVENT}</p>", "big5").encode("utf-8")),
        Case("gbk_declared_utf8.html", _html(f"<p>{EVENT}</p>", "utf-8").encode("gbk")),
        Case("big5_declared_latin1.html", _html(HANT, "iso-8859-1", "標準").encode("big5")),
        Case("utf16_no_bom.txt", f"标准化论坛\n{EVENT}".encode("utf-16-le")),
        Case("one_5mb_line.txt", ("标题\n" + "标准化" * (5 * MIB // 9) + EVENT).encode()),
        Case(
            "nested_10000_levels.html",
            _html("<div>" * 10_000 + f"<p>{EVENT}</p>" + "</div>" * 10_000, "utf-8").encode(),
        ),
        Case("unclosed_10000_levels.html", ("<b><i>" * 5_000 + EVENT).encode()),
        Case("nul_and_controls.txt", f"标准化\x00论坛\x07\x1b\n\x00{EVENT}\x0b\x0c\x7f".encode()),
        Case("only_nul_bytes.txt", b"\x00" * 4096),
        Case("lone_surrogates.txt", "标准化论坛".encode() + b"\xed\xa0\x80\n" + EVENT.encode()),
        Case(
            "lone_surrogate_in_title.html",
            _html("", "utf-8")
            .encode()
            .replace("标准化论坛".encode(), b"\xed\xb0\x80<script>x</script>\xed\xa0\x80")
            + f"<p>{EVENT}</p>".encode(),
        ),
        Case("rtl_marks.txt", f"\u202e标准化论坛\u200f\n\u200f{EVENT}\u202c\u2067".encode()),
        Case("emoji_4_byte.txt", f"😀标准化论坛𝄞\n{EVENT[:11]}😀🇨🇳{EVENT[11:]}".encode()),
        Case("english_emoji.txt", f"Standards 🚀 forum\n{EVENT_EN} 👩‍👩‍👧‍👦".encode()),
        Case("empty.txt", b""),
        Case(
            "javascript_links.html",
            _html(
                f'<p><a href="javascript:alert(1)">原文</a>{EVENT}</p>'
                '<a href="JaVaScRiPt:alert(2)">source</a>',
                "utf-8",
            ).encode(),
        ),
        Case(
            "javascript_url_in_sidecar.txt",
            f"标准化论坛\n{EVENT}".encode(),
            {"url": "javascript:alert(1)", "publisher": '"><img src=x onerror=alert(1)>'},
        ),
        Case("many_events.txt", ("标准化论坛\n" + "".join(_many_events(300))).encode()),
    ]
    for day, (name, title) in enumerate(HOSTILE_TITLES.items(), start=10):
        sentence = f"2024年6月{day}日,{title}在深圳会展中心举行。"  # one event per title
        cases.append(Case(f"{name}.txt", f"{title}\n{sentence}".encode()))
        cases.append(Case(f"{name}_sidecar.txt", f"标准化\n{EVENT}".encode(), {"title": title}))
    for name, sentence in HOSTILE_DATES.items():
        cases.append(Case(f"{name}.txt", f"标准化会议通知\n{sentence}".encode()))
    return cases


def _many_events(count: int) -> list[str]:
    return [f"2024年{1 + i % 12}月{1 + i % 28}日举办第{i}届标准化论坛。" for i in range(count)]


def write_case(directory: Path, case: Case) -> Path:
    """The case as a file, with its ``NAME.meta.json`` sidecar when it has one."""
    path = directory / case.name
    path.write_bytes(case.raw)
    if case.sidecar:
        sidecar = json.dumps(case.sidecar, ensure_ascii=False)
        path.with_suffix(".meta.json").write_text(sidecar, encoding="utf-8")
    return path


# generated: hostile fragments spliced into an article that holds a real event
FRAGMENTS = st.sampled_from(
    [*HOSTILE_TITLES.values(), *HOSTILE_DATES.values(), "\x00", "\ud800", "\u202e", "😀",
     "]]>", "\r\n", "&amp;&#0;&#xD800;", "<![CDATA[", "-->", "\\;,", "\u2028", "\ufeff"]
)  # fmt: skip
TEXT = st.lists(st.one_of(FRAGMENTS, st.text(max_size=30)), max_size=5).map("".join)
ENCODINGS = st.sampled_from(["utf-8", "gb18030", "big5", "utf-16", "latin-1", "shift_jis"])


@st.composite
def generated_article(draw: st.DrawFn) -> bytes:
    """Bytes of an article: random bytes, or hostile text around an event in some encoding."""
    if draw(st.booleans()):
        return draw(st.binary(max_size=2000))
    title, before, after = draw(TEXT), draw(TEXT), draw(TEXT)
    text = f"{title}\n{before}{EVENT}{after}"
    encoding = draw(ENCODINGS)
    raw = text.encode(encoding, errors="surrogatepass" if "utf" in encoding else "replace")
    return _html(text, draw(ENCODINGS)).encode(encoding, "replace") if draw(st.booleans()) else raw
