"""What the whole article tells every event in it: its place, its issuer, its subject.

A notice (``市市场监管委关于开展2021年世界标准日宣传活动的通知``) names its issuer and the
activity it announces; lines such as ``活动时间:…`` inside it refer to that activity. A local
government site's domain, ``在津``-style abbreviations or the issuer name the article's city,
which events fall back to when their own sentence names no place.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from events.extract import places
from events.extract.lexicon import head_kind
from events.extract.observances_rule import ordinal_years
from events.extract.organisers import is_organisation
from events.extract.years import name_years, year_in
from events.model import Article, Kind, Language

_NOTICE = re.compile(
    r"^(?P<issuer>.{0,40}?)(?:关于|關於)(?:开展|開展|举办|舉辦|组织|組織|召开|召開|举行|舉行|做好)?"
    r"(?P<subject>.{2,60}?)(?:的|有关|有關)?(?:工作)?(?:通知|公告|通告|函)$"
)
_PLAN = re.compile(  # 第47届世界标准日宣传活动方案: a plan names the activity it organises
    r"^(?P<issuer>)(?P<subject>.{2,60}?(?:活动|活動|周|週|月))(?:实施|實施|工作)?方案$"
)
_DATELINE_CITY = re.compile(
    r"^[^,,。]{0,12}?([\u3400-\u9fff]{2,4})(?:\d{1,2}月\d{1,2}日)?(?:电|電|讯|訊)"
)


@dataclass(frozen=True)
class ArticleContext:
    article: Article
    city: str | None
    city_zh: str | None
    issuer: str | None  # the body issuing a notice, as written
    subject: str | None  # the activity a notice announces
    subject_kind: Kind | None
    headline_year: int | None
    headline_ordinal_year: int | None = None  # 第47届世界标准日宣传活动方案: 2016
    paragraph_year: int | None = None  # the last explicit year earlier in the same paragraph
    ordinal_year: int | None = None  # 第49届世界标准日 anywhere in the article: 2018
    text_year: int | None = None  # the latest year of a full date the article writes
    only_year: int | None = None  # the year of every full date it writes, if they share one
    only_ahead: bool = False  # and those dates are all of things to come (``the next meeting``)
    edition_year: int | None = None  # the one year its names carry (``Standards Conclave 2022``)
    issue_year: int | None = None  # a newsletter's ``June 2017`` at the top of an undated page

    @property
    def present_year(self) -> int | None:
        """The year the article is written in, as far as its date or headline tells: dates in
        it more than a year older are history (``1969年9月``, ``1970年…第一届``)."""
        if self.headline_ordinal_year is not None:
            return self.headline_ordinal_year  # 第47届…方案 reposted in 2022 is still of 2016
        published = self.article.published_date
        if published is not None:
            return published.year
        return self.headline_year


def _article_city(article: Article) -> str | None:
    if article.city:
        return article.city
    by_url = places.city_of_url(article.url) or places.city_of_url(article.source)
    if by_url:
        return by_url
    g = places.gazetteer()
    if g.abbrev_pattern is not None:
        m = g.abbrev_pattern.search(article.body)
        if m:
            return g.by_name[m.group(1) or m.group(2)].english
    title_city = places.first_city(article.title)
    if title_city:
        return title_city
    dateline = _DATELINE_CITY.search(article.lead)
    if dateline:
        city = places.first_city(dateline.group(1))
        if city:
            return city
    counts = Counter(places.cities_in(article.body))
    if counts:
        city, count = counts.most_common(1)[0]
        if count >= 2:
            return city
    return None


def article_context(article: Article) -> ArticleContext:
    city = _article_city(article)
    city_zh = places.gazetteer().zh_name(city) if city else None
    notice = _NOTICE.search(article.title) or _PLAN.search(article.title)
    issuer = subject = None
    subject_kind = None
    if notice:
        issuer = notice.group("issuer")
        candidate = notice.group("subject")
        subject_kind = head_kind(candidate) or (
            Kind.CAMPAIGN if candidate.endswith(("活动", "活動")) else None
        )
        if subject_kind is not None:
            subject = candidate
    if notice and not (issuer or "").strip():
        issuer = _signing_body(article)
    if city is None and issuer:
        city = places.first_city(issuer)
        city_zh = places.gazetteer().zh_name(city) if city else None
    ordinals = ordinal_years(f"{article.title}\n{article.body}")
    written = _full_date_years(article.body, article.language)
    return ArticleContext(
        article,
        city,
        city_zh,
        issuer,
        subject,
        subject_kind,
        None if _title_from_text(article) else year_in(article.title),
        headline_ordinal_year=None if _title_from_text(article) else _ordinal_year(article.title),
        ordinal_year=max(ordinals) if ordinals else None,
        text_year=max((w.year for w in written), default=None),
        only_year=_only_year(written),
        only_ahead=bool(written) and all(w.ahead for w in written if not w.founding),
        edition_year=(  # read only where it is used: an English page that dates nothing
            _edition_year(f"{article.title}\n{article.body}")
            if article.language is Language.EN and article.published is None
            else None
        ),
        issue_year=_issue_year(article)
        if article.language is Language.EN and article.published is None
        else None,
    )


_MONTH_YEAR = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\s+((?:19|20)\d{2})\b(?!\s*[-–]\s*\d)"
)
_TOP = 3  # lines of an undated page where an issue's month and year stand


def _issue_year(article: Article) -> int | None:
    """``A2LA Today | June 2017 | Number 135``, ``November 2018 / CEN Workshop…``, an event
    card's ``Date: …, 2017``: the year an undated page's masthead or first lines give (one year
    only)."""
    top = [article.title, *article.parts.get("chrome", ())[:_TOP], *article.body.split("\n")[:_TOP]]
    card = article.parts.get("info", ())[:_TOP]  # ``Date: February 27 – March 3, 2017``
    found = {int(m.group(1)) for line in top for m in _MONTH_YEAR.finditer(line[:120])}
    found |= {
        int(next(g for g in m.groups() if g))
        for line in card
        for m in _FULL_DATE_EN.finditer(line[:120])
    }
    return found.pop() if len(found) == 1 else None


_FULL_DATE_ZH = re.compile(
    r"(?<!\d)((?:19|20)\d{2})(?:\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*[日号號]|[-/.]\d{1,2}[-/.]\d{1,2}(?!\d))"
)
_EN_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_EN_DAYS = rf"{_EN_DAY}(?:\s*(?:-|–|—|to)\s*{_EN_DAY})?"  # October 12 to 16, 2020; 9-11 May 2015
_FULL_DATE_EN = re.compile(
    rf"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+{_EN_DAYS},?\s+"
    rf"((?:19|20)\d{{2}})\b|\b{_EN_DAYS}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|"
    r"Nov|Dec)[a-z]*\.?,?\s+((?:19|20)\d{2})\b"
)


def _title_from_text(article: Article) -> bool:
    """A title taken from the lead (the page has no headline) dates nothing by itself: its
    years are the lead's business (``報道:1970年10月14日舉行了第一屆…``)."""
    return article.title in article.body


def _ordinal_year(title: str) -> int | None:
    """``第47届世界标准日宣传活动方案`` as the headline dates the whole page."""
    return max(ordinal_years(title), default=None)


def _edition_year(text: str) -> int | None:
    """An undated page about ``World Standards Day 2023`` is about that year's days, if its
    names carry no other year. Chinese pages name plans and visions by year (``2030年愿景``)
    too often for the rule to hold there: it is read for English pages only."""
    years = set(name_years(text))
    return years.pop() if len(years) == 1 else None


@dataclass(frozen=True)
class _Written:
    """A full date the body writes: its year, and what its clause says of it."""

    year: int
    founding: bool  # ``成立于1947年2月23日``
    ahead: bool  # ``The next plenary meeting will take place … on June 6-9, 2015``


def _full_date_years(body: str, language: Language) -> list[_Written]:
    pattern = _FULL_DATE_EN if language is Language.EN else _FULL_DATE_ZH
    return [
        _Written(
            int(next(g for g in m.groups() if g)),
            _FOUNDED.search(body, max(0, m.start() - 12), m.start()) is not None
            or _DECIDED.search(body, m.end(), m.end() + _DECIDED_REACH) is not None,
            _AHEAD.search(body, max(0, m.start() - _AHEAD_REACH), m.start()) is not None,
        )
        for m in pattern.finditer(body)
    ]


def _only_year(written: list[_Written]) -> int | None:
    """A page that writes one year in all its full dates (``27-31 October 2014`` … ``by 16
    November 2014``) means that year for the days it writes without one (``1 Oct - …``)."""
    years = {w.year for w in written if not w.founding}
    return years.pop() if len(years) == 1 else None


# ``将于``, ``will``, ``the next meeting``: a full date of something still to come, which
# does not date what the page reports as done (``was held on September 25-26``).
_AHEAD = re.compile(r"(?:将|將|\bwill\b|\bnext\b)[^.。;；]*$", re.I)
_AHEAD_REACH = 80


# ``成立于1947年2月23日``, ``founded on 23 February 1947``: a founding says nothing of the year
# the page's other days are in.
_FOUNDED = re.compile(r"成立|創立|创立|創建|创建|建立|\b(?:founded|established|created)\b", re.I)
# ``2017年4月24日,国务院正式批复…``: a decision's day, background to the page's own year
_DECIDED = re.compile(r"批复|批覆|批准|成立|\b(?:approved|adopted|established|founded)\b", re.I)
_DECIDED_REACH = 16


def _signing_body(article: Article) -> str | None:
    """A notice without an issuer in its headline is signed by the body on its last line."""
    lines = article.body.split("\n")
    last = lines[-1].strip() if lines else ""
    return last if article.parts.get("signature") and is_organisation(last) else None
