"""The line near the headline where a page dates itself, in the layouts real sites print.

Sites write their publication line in many shapes (``2016-09-15 10:15:38 来源:中国质量报``,
``发布时间:2024-05-28 09:30``, ``發布日期:111-10-14``, ``NEWS | October 18, 2022``,
``Posted on 3 May 2021``, a ``時間:`` label on one line and its date on the next). What they
share is position and company: the line sits above the first paragraph, it holds one full
date, and everything else on it is a label, a clock time, a weekday, a separator or a
``label: value`` pair. A line that says anything more is a sentence, and its date belongs to
what it says. A bare date with only a weekday above a site's menus is its clock widget
(``2024年11月23日 星期六``), not the article's date; right above a post's title it is a blog's
date header.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from events import observances
from events.model import Published
from events.numerals import MINGUO_OFFSET
from events.read.parts import BODY, ITEM, classify, is_headline, is_related_heading

SHANGHAI = dt.timezone(dt.timedelta(hours=8))
TOP_LINES = 16  # a publication line comes before this many lines, or before the first paragraph
# a forum thread or a portal's long menu pushes the post's own ``发表于 …`` line further down:
# a line a publication label names, or a date stamped with its clock, still counts there,
# before the first paragraph
LABELLED_LINES = 40
TAIL_LINES = 4  # or among the short lines after the last paragraph

_MONTH = (
    r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_ORD = r"(?:st|nd|rd|th)?"
_EN_YEAR = r"(?P<y>(?:19|20)\d{2})\b"
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_DATES = [
    re.compile(
        r"(?<![\d.])(?P<y>(?:19|20)\d{2})\s*(?:[-/.]|年)\s*(?P<m>\d{1,2})\s*(?:[-/.]|月)"
        r"\s*(?P<d>\d{1,2})(?:(?![\d.])|(?=\d{1,7}\s*次))\s*日?"  # 2024-10-15391次浏览: a counter
    ),
    re.compile(
        r"(?P<mg>民國|民国)?\s*(?<![\d.])(?P<y>\d{2,3})\s*(?P<sep>年|[-/.])\s*(?P<m>\d{1,2})\s*"
        r"(?:月|[-/.])\s*(?P<d>\d{1,2})(?![\d.])\s*日?"
    ),
    re.compile(rf"(?<![A-Za-z]){_MONTH}\s+(?P<d>\d{{1,2}}){_ORD},?\s+{_EN_YEAR}", re.I),
    # (not the end of a span: ``9-11 December 2015``; ``14. September 2018`` as German sites write)
    re.compile(
        rf"(?<![\dA-Za-z\-–])(?<![\-–]\s)(?P<d>\d{{1,2}}){_ORD}\.?\s+{_MONTH},?\s+{_EN_YEAR}",
        re.I,
    ),
    # 09/23/2022 (month first on English pages), 01/04/2010 (day first in Hong Kong's Chinese)
    re.compile(r"(?<![\d.])(?P<p>\d{1,2})/(?P<q>\d{1,2})/(?P<y>(?:19|20)\d{2})(?![\d.])"),
    re.compile(r"(?<![\d.])(?P<d>\d{1,2})[-.](?P<m>\d{1,2})[-.](?P<y>(?:19|20)\d{2})(?![\d.])"),
    re.compile(rf"(?<![\d.])(?P<d>\d{{1,2}})-{_MONTH}-{_EN_YEAR}", re.I),  # 01-Oct-2021
]
_OFFICE_AFTER = re.compile(r"\s*(?:[\[【(（][^\]】)）]{1,30}[\]】)）])?\s*$")
# The record of a meeting: the date under its heading is the day the meeting met.
MINUTES = re.compile(r"\bminutes\b|会议纪要|會議紀要|会议记录|會議紀錄|会议纪录|會議記錄", re.I)
_MINGUO_YEARS = (80, 130)  # a bare ``111/09/26`` line: the years of the Minguo era on the web
# An English label that names some other day than the page's (``Deadline:``, ``Formation:``):
# words and a colon right before the date that no publication label matched. (Chinese sites
# label their own date in too many ways, ``發刊日期:``, ``上传日期:``, to read it so there.)
_OTHER_LABEL = re.compile(r"(?<![\u3400-\u9fff])\b[A-Za-z][A-Za-z ]{0,30}:\s*$")
# The line above says what the day is for: ``Deadline for abstract submission`` / ``15 Dec…``.
_DUE_ABOVE = re.compile(r"\b(?:deadline|submission|registration|due|closes|opens)\b", re.I)
_TWO_NUMBERS = re.compile(r"\d[^\d]{0,12}\d")
_NOT_A_NAME = re.compile(r"[于於在将將的了请請前后後起至]|[a-z]{2}|[::]")  # words of a sentence
_EVENT_LABEL = re.compile(r"\s*(?:when|where|venue|location|event dates?)\s*:", re.I)
_CLOCK_WORDS = re.compile(r"\b(?:noon|midnight|ET|EST|EDT|CET|CEST|UTC|GMT)\b|\s+", re.I)
_MERIDIEM = re.compile(r"^\s*(?:上午|下午|早上|晚上)\s*")
# ``【CTIMES/SmartAuto 陳念舜 報導】``: a bracketed byline beside the date says who, not what
_BYLINE = re.compile(r"[【\[][^】\]]{0,40}(?:報導|报道|記者|记者|報道)[】\]]")
_CLOCK = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?(?!\d)")
_WEEKDAY = re.compile(
    r"(?:星期|礼拜|禮拜|周|週)[一二三四五六日天]|"
    r"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?(?=\W|$)",
    re.I,
)
# Words that label a publication date, right before it (``发布时间:``, ``Posted on``).
_DATE_LABEL = re.compile(
    # ``…活动的通知发表时间:2018-09-04``: a long label glued to the title, with its colon
    r"(?:(?<=[\u3400-\u9fff])(?:发布时间|發佈時間|發布時間|发布日期|發布日期|發佈日期|发表时间|發表時間|"
    r"发稿时间|發稿時間)[\s_]*[::]|"
    r"(?:稿|本文)(?:发布于|發佈於|發布於)|(?<![\u3400-\u9fff])(?:发布时间|發佈時間|發布時間|发布日期|發布日期|發佈日期|发表时间|發表時間|"
    r"发文日期|發文日期|更新时间|更新時間|更新日期|更新|刊登日期|上稿时间|上稿時間|录入时间|錄入時間|"
    r"添加日期|添加时间|添加時間|发表于|發表於|发布于|發佈於|發布於|上传时间|上傳時間|创建时间|建立時間|"
    r"编修日期|編修日期|公告日期|公告時間|公告时间|公布日期|登載日期|刊登時間|上版日期|上稿日期|"
    r"发稿时间|發稿時間|报告日期|報告日期|"
    r"日期|时间|時間)|"
    r"(?:release date|released on|released|publication date|publish(?:ed)? date|published on|"
    r"published|date posted|dated|"
    r"posted on|posted|post on|last updated|updated on|update on|updated|update time|date|"
    r"(?:asked|written|posted|submitted|added|distributed) by [^|,]{1,40}? on|"
    r"^\s*by [^|,]{1,40}? on|news of))"  # ``By Jane Doe on 16 November 2016``, ``Business News of``
    r"[\s_]*[::]?[\s_]*$",
    re.I,
)
# A line opened by a label that says publishing, not any time (``时间:`` may label an event's
# day; a list item may carry its own ``更新時間``).
_PUBLISHING_LABEL = re.compile(
    r"\s*(?:发布|發布|發佈|发表|發表|刊登|上稿|录入|錄入|添加|更新|报告日期|報告日期|"
    r"(?:posted|published|released|updated)\b)",
    re.I,
)
_WEEKDAY_BEFORE = re.compile(
    r"\s*(?:(?:星期|礼拜|禮拜|周|週)[一二三四五六日天]|"
    r"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?)[\s,，]*$",
    re.I,
)
# Labels of the other facts a publication line carries (``来源:``, ``Views: 356``).
_INFO_PAIR = re.compile(
    r"(?:来源|來源|作者|编辑|編輯|责任编辑|責任編輯|责编|責編|点击数?|點擊數?|浏览(?:次数|量)?|瀏覽(?:次數|量)?|"
    r"阅读(?:量|数)?|閱讀(?:量|數)?|人气|人氣|字号|字號|稿源|供稿|发布者|發布者|發布單位|发布单位|"
    r"Source|Author|By|Editor|Views?|Hits|Reads?|Comments?)\s*[::]?\s*[^|｜/\s]{0,24}",
    re.I,
)
# A site's section names around the date (``NEWS | …``, ``… | Press release``).
_SECTION = re.compile(
    r"\b(?:press releases?|news(?:room)?|media|announcements?|statements?|speech(?:es)?|"
    r"updates?|stories|story)\b|新闻动态|新聞動態|要闻|要聞|新闻|新聞|动态|動態|通知公告",
    re.I,
)
_FILLER = re.compile(r"[\s_|｜/\\·•\-–—_()（）\[\]【】<>《》:：,，.。*#★☆◎■□◆◇►>]+")
_HAN = re.compile(r"[\u3400-\u9fff]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
_PARAGRAPH = 200
_UPDATE_LABEL = re.compile(r"更新|updated|last update", re.I)
# A machine-printed date closing a headline line: no sentence writes its date that way.
_STAMP_AT_END = re.compile(r"\s(?:19|20)\d{2}-\d{2}-\d{2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$")
_SENTENCE_END = re.compile(r"[。!?！？;；]\s*$|[a-z]{2}\.\s*$")
# A line that is nothing but a date stamp; three of them on a page make it a list of items.
_STAMP_LINE = re.compile(
    r"^\s*(?:更多\s*>?\s*)?(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$"
)
_LISTING = 3
# ``GMT+8, 2025-9-7 19:14``: a forum's clock in its footer.
_NOT_OWN = re.compile(r"GMT\s*[+-]\s*\d")
# ``[2006年8月15日] 品牌局首創…``: a headline led by its date in brackets.
_BRACKETED_LEAD = re.compile(r"^\s*[\[【(（]\s*$")
_BRACKET_CLOSE = re.compile(r"\s*[\]】)）]")


@dataclass(frozen=True)
class PublicationLine:
    """The date a page states for itself and the line that states it."""

    published: Published
    index: int  # in the lines given
    bare: bool  # nothing on the line but the date's company: safe to drop from the body
    labelled: bool  # a label names it (``发布时间:``, ``Posted on``)
    closing: bool = False  # after the last paragraph, where notices sign

    @property
    def rule(self) -> str:
        if self.closing:
            return "signature"
        return "labelled-line" if self.labelled else "publication-line"


def _year(match: re.Match[str]) -> int | None:
    year = int(match.group("y"))
    if year >= 1900:
        return year
    minguo = match.groupdict().get("mg") or match.groupdict().get("sep") == "年"
    return year + MINGUO_OFFSET if minguo and 1 <= year <= 150 else None


def _month_day(match: re.Match[str], han: bool) -> tuple[int, int]:
    named = match.groupdict().get("mon")
    if named:
        return _MONTHS.index(named[:3].lower()) + 1, int(match.group("d"))
    if match.groupdict().get("p"):
        first, second = int(match.group("p")), int(match.group("q"))
        day_first = first > 12 or (second <= 12 and han)
        return (second, first) if day_first else (first, second)
    return int(match.group("m")), int(match.group("d"))


def _find_date(line: str, han: bool = False) -> tuple[dt.date, re.Match[str], bool] | None:
    """The line's full date, a labelled one first; a Minguo date written with dashes
    (``111-10-14``) counts only right after a label, where nothing else could be meant."""
    first: tuple[dt.date, re.Match[str], bool] | None = None
    if _TWO_NUMBERS.search(line) is None:
        return None  # every full date has a year or day beside another number
    for pattern in _DATES:
        for match in pattern.finditer(line):
            labelled = bool(_DATE_LABEL.search(_WEEKDAY_BEFORE.sub("", line[: match.start()])))
            year = _year(match)
            if year is None and han and match.groupdict().get("sep"):
                # ``111/09/26`` alone, or with the issuing office in brackets after it
                alone = not line[: match.start()].strip() and bool(
                    _OFFICE_AFTER.match(line, match.end())
                )
                if labelled or (
                    alone and _MINGUO_YEARS[0] <= int(match.group("y")) <= _MINGUO_YEARS[1]
                ):
                    year = int(match.group("y")) + MINGUO_OFFSET  # ``111/09/26`` alone on its line
            if year is None:
                continue
            try:
                found = (dt.date(year, *_month_day(match, han)), match, labelled)
            except ValueError:
                continue
            if labelled:
                return found
            if first is None or match.start() < first[1].start():
                first = found
    return first


# ``109-09-30 [行政院環境保護署管考處]``: the office that posted it, bracketed after the date
_POSTED_BY = re.compile(r"\s*[\[【][^\]】]{1,30}[\]】]")


_ADDRESS = re.compile(r"https?://\S+|www\.\S+", re.I)  # a site's address beside its date


def _remainder(line: str, match: re.Match[str]) -> str:
    posted = _POSTED_BY.match(line, match.end())
    after = line[posted.end() if posted else match.end() :]
    rest = _ADDRESS.sub(" ", _BYLINE.sub(" ", line[: match.start()] + " " + after))
    for pattern in (_CLOCK, _WEEKDAY, _INFO_PAIR, _SECTION):
        rest = pattern.sub(" ", rest)
    return _FILLER.sub(" ", rest).strip()


def _moment(date: dt.date, line: str, match: re.Match[str]) -> Published:
    clock = _CLOCK.match(line[match.end() :].lstrip(" T"))
    if clock is None:
        return date
    hour, minute, *second = (int(x) for x in re.findall(r"\d+", clock.group(0)))
    marker = clock.group(0).lower().replace(".", "")
    if marker.endswith("pm") and hour < 12:
        hour += 12
    try:
        moment = dt.time(hour, minute, second[0] if second else 0)
    except ValueError:
        return date
    return dt.datetime.combine(date, moment, tzinfo=SHANGHAI)


# ``2009/10/18(2022/3/15 20:3更新)``: a date the page was touched again, beside its own
_TOUCHED_AFTER = re.compile(r"[\s\d:]*(?:更新|updated)", re.I)


def _own_dates(line: str) -> list[re.Match[str]]:
    return [m for m in _DATES[0].finditer(line) if not _TOUCHED_AFTER.match(line, m.end())]


# ``Location -`` / ``Date: Friday, May 19, 2017`` / ``Duration: All Day``: an event's card
_EVENT_FIELD = re.compile(
    r"(?:^|\|)\s*(?:location|venue|duration|where|time|organi[sz]ers?|organi[sz]ed by|cost|fees?|"
    r"地點|地点|會議地點|会议地点|場地|场地)\s*[::-]",  # (``Organised by CEN | Venue: …``)
    re.I,
)
_CARD_REACH = 2


def on_event_card(lines: Sequence[str], index: int) -> bool:
    """Whether the line at ``index`` sits among an event's fields (where, how long): its date is
    when the event is held, not when the page was written."""
    near = [
        *lines[max(0, index - _CARD_REACH) : index],
        *lines[index + 1 : index + 1 + _CARD_REACH],
    ]
    return any(_EVENT_FIELD.search(x) for x in near)


def _span_end(line: str, match: re.Match[str]) -> bool:
    """``February 27 – March 3, 2017``: the last day of a span, which no page is dated by."""
    return bool(re.search(r"\d\s*[-–—~～至]\s*$|\bto\s*$", line[: match.start()]))


def _label_only(line: str) -> bool:
    """``時間:`` alone on its line: the date follows on the next."""
    return len(line) <= 12 and bool(_DATE_LABEL.search(line)) and line.rstrip().endswith((":", ":"))


def _is_paragraph(line: str) -> bool:
    return len(line) > _PARAGRAPH or (len(line) > 30 and bool(_SENTENCE_END.search(line)))


_MENU = re.compile("[|│｜>›»◎•·]")


_HEADLINE_SIZE = 15


def _date_alone(line: str) -> bool:
    """Nothing on the line but one date (a weekday or clock at most)."""
    found = _find_date(line)
    return found is not None and not _remainder(line, found[1])


def _post_title(line: str) -> bool:
    """A headline, not a breadcrumb or a menu."""
    return is_headline(line) and classify(line, None) == BODY and not _MENU.search(line)


def _weekday_only(line: str) -> bool:
    return bool(line) and not _FILLER.sub("", _WEEKDAY.sub("", line))


def _judge(
    lines: Sequence[str], index: int, *, seen_headline: bool, han: bool
) -> PublicationLine | None:
    line = lines[index].strip()
    if _NOT_OWN.match(line) or ITEM.match(line) or _EVENT_LABEL.match(line):
        return None  # a forum's clock; ``壹、時間:…``, ``When:``: when an event is held
    found = _find_date(line[:_PARAGRAPH], han or _HAN.search(line) is not None)
    if found is None:
        return None
    date, match, labelled = found
    if _span_end(line, match) or (
        not _PUBLISHING_LABEL.match(line) and on_event_card(lines, index)
    ):
        return None
    rest = _remainder(line, match)
    if not labelled and line.endswith((":", ":")) and not _CLOCK_WORDS.sub("", rest):
        return None  # ``7 July 2013:``: a schedule's day, its item on the next line
    if not labelled and (
        _OTHER_LABEL.search(line[: match.start()])
        or observances.find(rest)
        or (index > 0 and _DUE_ABOVE.search(lines[index - 1]))
    ):
        return (
            None  # ``Formation: …``, ``World Accreditation Day June 9th, 2012``, a deadline's day
        )
    labelled = labelled or (index > 0 and _label_only(lines[index - 1].strip()))
    words = _LATIN_WORD.findall(rest)
    # beside the date only labels, a site or a byline: few Han characters, few capitalised words;
    # a date stamped with its clock may carry a longer site or region name
    han_beside = len(_HAN.findall(rest))
    stamped_clock = bool(_CLOCK.match(_MERIDIEM.sub("", line[match.end() :].lstrip(" /|T"), 1)))
    # a line of ``作者:…``/``点击:…`` pairs may name the issuing office beside the date too
    paired = _INFO_PAIR.search(line) is not None and ":" in line
    bare = han_beside <= (12 if stamped_clock else 20 if paired else 4) and (
        len(words) <= 4 and all(w[0].isupper() for w in words)
    )
    # ``2018-06-09 赵丹 中国中医``, ``广州日报 2025年10月15日 卢梦谦``: a date in a short line
    # of names (paper, author, source)
    names = rest.split()
    beside = line[: match.start()] + " " + line[match.end() :]
    names_only = match.start() == 0 or not _NOT_A_NAME.search(beside)
    byline = len(line) <= 30 and len(names) >= 2 and names_only
    byline = byline and all(len(t) <= 8 for t in names)
    bare = bare or byline
    led = bool(_BRACKETED_LEAD.match(line[: match.start()])) and bool(
        _BRACKET_CLOSE.match(line, match.end())
    )
    labelled = labelled or led
    short = len(line) <= 120 and "。" not in line
    following = next((x.strip() for x in lines[index + 1 :] if x.strip()), "")
    widget = (
        bare
        and not labelled
        and not seen_headline
        and (
            (bool(_WEEKDAY.search(line)) and not _post_title(following)) or _weekday_only(following)
        )
        and not _CLOCK.search(line)
    )  # (a blog heads each post with its day and weekday, right above the post's title)
    if not labelled and len(_own_dates(line)) > 1:
        return None  # ``2004-10-22 至 2004-10-31``: a span of days, not the page's date
    stamped = (  # ``Headline 2022-08-09``
        short and _STAMP_AT_END.search(line) is not None and len(_DATES[0].findall(line)) == 1
    )
    if widget or not ((labelled and (short or match.start() < 40)) or (bare and short) or stamped):
        return None
    return PublicationLine(_moment(date, line, match), index, bare and short, labelled)


def publication_line(lines: Sequence[str]) -> PublicationLine | None:
    """The page's own date from its top lines (a labelled one may follow a summary
    paragraph, as on news portals that repeat the lead above the date line), else from a
    date line closing it
    (``2015/09/16`` or ``Published on: …`` after the last paragraph), or ``None``."""
    seen_headline = in_text = minutes = False
    listing = sum(1 for line in lines if _STAMP_LINE.match(line)) >= _LISTING
    han = any(_HAN.search(line) for line in lines[:TOP_LINES])  # 01/04/2010 is day first there
    above = ""
    for index, raw in enumerate(lines[:LABELLED_LINES]):
        line = raw.strip()
        if not line:
            continue
        if is_related_heading(line) or (index >= TOP_LINES and in_text):
            break  # what follows lists other articles with their dates; or the story began
        judged = _judge(lines, index, seen_headline=seen_headline, han=han)
        if judged is not None and not judged.labelled and minutes:
            judged = None  # under ``SEC Meeting Minutes`` a bare date is the meeting's
        minutes = minutes or MINUTES.search(line) is not None
        if index >= TOP_LINES:
            if judged is not None and judged.labelled and _PUBLISHING_LABEL.match(line):
                return judged
            # ``2015-11-07 06:30`` alone under a headline below a long menu: a machine's stamp
            stamp = judged is not None and judged.bare and _date_alone(line) and _CLOCK.search(line)
            if stamp and not listing:
                return judged
            in_text = in_text or _is_paragraph(line)
            continue
        # below the first paragraph only a labelled date is the page's, or a bare one right
        # under a headline (a site's notice or cookie banner above the story is no paragraph)
        under_headline = (
            judged is not None
            and judged.bare
            and _date_alone(line)
            and len(above) >= _HEADLINE_SIZE
            and _post_title(above)
            and _find_date(above) is None
        )
        if judged is not None and (
            judged.labelled or not (in_text or listing) or (under_headline and not listing)
        ):
            return judged
        above = line
        # a sentence above any headline is a site's slogan or notice; a long one is the story
        in_text = in_text or (_is_paragraph(line) and (seen_headline or len(line) > _PARAGRAPH))
        if not seen_headline and is_headline(line) and _find_date(line) is None:
            seen_headline = True
    if listing:
        return None  # a date under every item: a listing, whose dates are its items
    tail: list[int] = []
    for index in range(len(lines) - 1, max(len(lines) - TAIL_LINES, 0) - 1, -1):
        line = lines[index].strip()
        if _is_paragraph(line):
            break
        if is_related_heading(line):
            return None  # the dates after a related-articles heading are other articles'
        tail.append(index)
    closing = [
        judged
        for index in tail
        if lines[index].strip()
        and (judged := _judge(lines, index, seen_headline=True, han=han)) is not None
        and (judged.bare or judged.labelled)
    ]
    # a site-wide ``更新日期`` footer yields to the article's own ``編修日期`` above it
    own = [c for c in closing if not _UPDATE_LABEL.search(lines[c.index])]
    chosen = own or closing
    return dataclasses.replace(chosen[0], closing=True) if chosen else None
