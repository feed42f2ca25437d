"""The direct VEVENT writer against icalendar, the reference model, byte for byte.

feeds.ics_writer writes iCalendar without the library for speed (issue 18); it is allowed to
exist only while these properties hold: for any event (every field, all three scripts, lines
long enough to fold, every character that needs escaping or must be removed, hostile URLs, any
time zone), its bytes are exactly those icalendar serializes from the same values.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from events.model import Event, Kind, Language, PartialDate, PublishedEvent, SourceRef, Status
from feeds.ics import render_vevent, vevent, vevent_component
from feeds.ics_values import _BREAKS, _ILLEGAL, CalendarMeta, VeventValues, clean_url, vevent_values
from feeds.ics_writer import escape, fold, supported, vevent_bytes

# Characters every escaping and cleaning rule is about, mixed into random text.
SPECIAL = [
    *",;:\\^\"'\r\n\t\x00\x01\x0b\x0c\x1b\x1f\x7f\x85\u2028\u2029\ud800\ufffe",
    *("\\N", "\\n", "\r\n", "\\,", "https://"),
]
SCRIPTS = [
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),  # CJK ideographs
    st.sampled_from(list("标准化活动周國際標準會議臺灣广东")),  # both Chinese scripts
    st.characters(min_codepoint=0x20, max_codepoint=0x7E),  # ASCII
    st.characters(min_codepoint=0x1F300, max_codepoint=0x1FAFF),  # 4-byte UTF-8
    st.characters(),  # anything, surrogates and controls included
    st.sampled_from(SPECIAL),
]
text = st.lists(st.one_of(*SCRIPTS), max_size=120).map("".join)
long_text = st.lists(st.one_of(*SCRIPTS), min_size=60, max_size=400).map("".join)
urls = st.one_of(
    st.none(),
    st.builds(lambda path: f"https://news.example.cn/{path}", text),
    st.sampled_from(
        [
            "https://a.example/x,y;z\\N?q=1&r=标准",
            "javascript:alert(1)",
            "http://x.cn/a b",
            "https://x.cn/\r\nBEGIN:VEVENT",
            "ftp://x.cn/",
            "https://" + "长" * 80 + ".cn/",
        ]
    ),
)
ZONES = sorted(zoneinfo.available_timezones())
stamps = st.datetimes(
    min_value=dt.datetime(1971, 1, 1),
    max_value=dt.datetime(2099, 1, 1),
    timezones=st.sampled_from([dt.UTC, dt.timezone(dt.timedelta(hours=8)), None]),
)


@st.composite
def events(draw: st.DrawFn) -> PublishedEvent:
    start = draw(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 1)))
    end = draw(
        st.one_of(
            st.none(),
            st.builds(
                lambda d: PartialDate.from_date(start + dt.timedelta(days=d)),
                st.integers(-3, 60),
            ),
            st.builds(PartialDate, st.none(), st.integers(1, 12), st.integers(1, 28)),
        )
    )
    kind = draw(st.sampled_from(list(Kind)))
    event = Event(
        title=draw(st.one_of(text, long_text)),
        start=PartialDate.from_date(start),
        end=end,
        kind=kind,
        time=draw(st.one_of(st.none(), st.times())),
        end_time=draw(st.one_of(st.none(), st.times())),
        city=draw(st.one_of(st.none(), text, st.sampled_from(["Qingdao", "Shenzhen", "北京"]))),
        organisers=tuple(draw(st.lists(text, max_size=3))),
        evidence=draw(st.one_of(text, long_text)),
        series=draw(st.sampled_from([None, "world-standards-day", "unknown-series"])),
        tzid=draw(st.one_of(st.just("Asia/Shanghai"), st.sampled_from(ZONES), text)),
    )
    sources = tuple(
        SourceRef(i, draw(text), draw(urls), draw(st.one_of(text, long_text)), Language.HANS)
        for i in range(draw(st.integers(0, 3)))
    )
    return PublishedEvent(
        id=draw(st.integers(1, 2**40)),
        key=draw(st.one_of(st.just("ev-0123456789abcdef01234567"), text)),
        event=event,
        status=draw(st.sampled_from(list(Status))),
        sequence=draw(st.integers(0, 10**6)),
        created=draw(stamps),
        last_modified=draw(stamps),
        sources=sources,
    )


hosts = st.from_regex(r"[a-z0-9\-]{1,20}(\.[a-z0-9\-\u4e00-\u4e10]{1,20}){0,3}", fullmatch=True)
metas = st.builds(
    CalendarMeta,
    name=text,
    description=text,
    host=st.one_of(st.just("stdcal.example.org"), hosts),  # configuration, not article text
    base_url=st.one_of(
        st.just("https://stdcal.example.org/"),
        st.just("http://x"),
        hosts.map(lambda h: f"https://{h}/标准,a;b/"),
    ),
    refresh=st.just(dt.timedelta(hours=12)),
    language=st.sampled_from(list(Language)),
)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(events(), metas)
def test_any_event_is_written_exactly_as_icalendar_writes_it(
    pe: PublishedEvent, meta: CalendarMeta
) -> None:
    assert render_vevent(pe, meta) == vevent(pe, meta).to_ical()


@settings(max_examples=200, deadline=None)
@given(events(), st.sampled_from(list(Language)))
def test_the_direct_writer_covers_every_event_the_service_renders(
    pe: PublishedEvent, language: Language
) -> None:
    """Not a fallback in disguise: the values of every event go to the direct writer."""
    meta = CalendarMeta("stdcal", "", "stdcal.example.org", "https://s.example", dt.timedelta(1),
                        language)  # fmt: skip
    values = vevent_values(pe, meta)
    assert supported(values)
    assert vevent_bytes(values) == vevent_component(values).to_ical()


def values(**changes: object) -> VeventValues:
    base = VeventValues(
        uid="k@h", stamp=dt.datetime(2024, 1, 2, 3, 4, 5, 678, tzinfo=dt.UTC),
        created=dt.datetime(2023, 1, 1, tzinfo=dt.UTC), sequence=0,
        start=dt.date(2024, 10, 14), end=dt.date(2024, 10, 15), summary="s", description="d",
        location=None, url=None, category="observance", organizer="mailto:a@h",
        related_to=None, status="CONFIRMED", transp="OPAQUE",
    )  # fmt: skip
    return VeventValues(**{**{f: getattr(base, f) for f in base.__slots__}, **changes})  # type: ignore[arg-type]


LINES = [  # (summary, why): lines where folding and escaping meet
    ("a" * 65, "exactly 74 octets with the name: no fold"),
    ("a" * 66, "75 octets: one fold"),
    ("a" * 64 + "\\", "a backslash at the fold moves to the next line"),
    ("a" * 63 + ",", "an escaped comma is not split"),
    ("a" * 64 + "^b", "a caret at the fold moves too"),
    ("长" * 30, "3-byte characters are never split"),
    ("a" + "🎉" * 30, "4-byte characters are never split"),
    ("x\r\ny\rz\nw\\Nv", "CRLF, CR, LF and a literal \\N all become \\n"),
    ("\\" * 200, "a run of backslashes across several folds"),
    ("", "an empty value"),
]


@pytest.mark.parametrize(("summary", "why"), LINES, ids=[w for _, w in LINES])
def test_folding_and_escaping_cases(summary: str, why: str) -> None:
    v = values(summary=summary, description=summary * 3, location=summary)
    assert vevent_bytes(v) == vevent_component(v).to_ical(), why


ZONE_CASES = ["Asia/Shanghai", "UTC", "Etc/UTC", "Europe/London", "America/Argentina/Buenos_Aires",
              "Etc/GMT+5", "Zulu"]  # fmt: skip


@pytest.mark.parametrize("tzid", ZONE_CASES)
def test_zone_parameters_are_icalendars(tzid: str) -> None:
    zone = zoneinfo.ZoneInfo(tzid)
    v = values(start=dt.datetime(2024, 3, 31, 1, 30, tzinfo=zone),
               end=dt.datetime(2024, 3, 31, 3, 0, tzinfo=zone))  # fmt: skip
    assert vevent_bytes(v) == vevent_component(v).to_ical()


@given(st.text(max_size=300))
@example("\\N")
@example("a\\\\Nb")
def test_escape_is_icalendars(value: str) -> None:
    from icalendar.parser.string import _escape_char

    assert escape(value) == _escape_char(value)


@given(st.text(min_size=1, max_size=400).filter(lambda s: "\n" not in s and "\r" not in s))
def test_fold_is_icalendars(line: str) -> None:
    from icalendar.parser.string import _foldline

    line = line.encode("utf-8", "replace").decode("utf-8")
    assert fold(line) == _foldline(line)


@given(st.one_of(urls, text, st.builds(lambda h, p: f"{h}{p}", st.sampled_from(
    ["http://", "HTTPS://", "https://[::1", "http://[::1]:80", "http:///", "https://例子.cn",
     "https://a@b", "http://a:99999", "hTTp://x?y", "https://x#"]), text)))  # fmt: skip
def test_clean_url_accepts_what_urlsplit_accepts(url: str | None) -> None:
    """The shortcut for plain http(s) addresses decides as urlsplit does."""
    from urllib.parse import urlsplit

    def reference(value: str | None) -> str | None:  # the rule without the shortcut
        if not value:
            return None
        stripped = value.strip()
        if _ILLEGAL.search(stripped) or _BREAKS.search(stripped):
            return None
        if any(c.isspace() for c in stripped):
            return None
        try:
            parts = urlsplit(stripped)
        except ValueError:
            return None
        return stripped if parts.scheme in ("http", "https") and parts.netloc else None

    assert clean_url(url) == reference(url)
