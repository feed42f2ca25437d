"""Which year a date without one means, for one mention in its sentence and article.

The evidence in order: a year said relative to the page (``去年``, ``next year``), the year in
the event's own name, an explicit year earlier in the same sentence or an edition's year later
in the date's clause (never a target years ahead of the page, ``中国标准2035``), the headline
(an occurrence number there, ``第47届世界标准日…方案``, outranks a reposted page's date; a
plain year there only counts near the page's own date), the page date read with the sentence's
tense, then the year the paragraph gives, an undated English page's edition, the one year its
full dates share, and last its masthead's month and year. The arithmetic on one piece of
evidence lives in :mod:`events.extract.years`.
"""

from __future__ import annotations

import re

from events.extract import years
from events.extract.context import ArticleContext
from events.extract.dates import DateMention, dates_in
from events.extract.lexicon import FUTURE, PAST, contains
from events.extract.observances_rule import ordinal_years
from events.model import Language


def tense(text: str) -> str | None:
    if contains(text, FUTURE):
        return "future"
    if contains(text, PAST):
        return "past"
    return None


def resolve_year(
    ctx: ArticleContext, mention: DateMention, sentence: str, name: str | None
) -> int | None:
    year = mention.start[0]
    if year is not None:
        return year
    hant = ctx.article.language is Language.HANT
    published = ctx.article.published_date
    shift = _RELATIVE_YEAR.search(sentence, max(0, mention.begin - 14), mention.begin)
    if shift is not None and published is not None:  # 去年10月14日, next year on 14 October
        return published.year + _SHIFTS[shift.group(1).lower()]
    inferred = (
        (years.year_in(name) if name else None)
        or (_one(ordinal_years(name)) if name else None)
        or _earlier_year(sentence, mention, hant)
        or _named_after(sentence, mention, hant)
    )
    if inferred and published and inferred - published.year > _AHEAD:
        inferred = None  # ``“中国标准2035”项目讨论会`` on a 2019 page: a target, not an edition
    headline = ctx.headline_year
    if headline and published and abs(headline - published.year) > 1:
        headline = None  # 自1973年来连任 in a 2006 headline: history, not this report's year
    inferred = inferred or ctx.headline_ordinal_year or headline
    if inferred is None and published is not None:
        around = sentence[: mention.begin][-40:] + " " + sentence[mention.stop :]
        said = None if mention.form == "deadline" else tense(around)  # a day due is ahead
        inferred = years.from_publication(mention.start[1], mention.start[2], published, said)
    # an undated English page's ``Kaleidoscope 2022``, ``WSD 2023`` outranks the one full date
    # it writes (often history: ``took place on November 13, 2008``)
    only = ctx.only_year
    if only and ctx.only_ahead and tense(sentence) == "past":
        only = None  # the page dates only what is to come; what was done may be a year before
    inferred = inferred or ctx.paragraph_year or ctx.edition_year or only
    inferred = inferred or ctx.issue_year  # ``A2LA Today | June 2017`` heading an undated page
    if inferred is None:
        return None
    return years.check_weekday(inferred, mention.start[1], mention.start[2], mention.weekday)


_RELATIVE_YEAR = re.compile(
    r"(去年|前年|今年|本年|明年|一年前|this year|last year|next year)(?:的|'s)?\s*(?:on\s+)?$",
    re.I,
)
_SHIFTS = {
    "去年": -1, "前年": -2, "今年": 0, "本年": 0, "明年": 1, "一年前": -1,
    "this year": 0, "last year": -1, "next year": 1,
}  # fmt: skip
_AHEAD = 2  # an edition a page names is at most this many years after the page's own date

HISTORY_IN_UNDATED = 10  # years before the latest year an undated page writes


def history_before(ctx: ArticleContext) -> int | None:
    """Years before this one are history to the article (a report may look back a year). A
    page that dates nothing of its own may announce years ahead (2019, 2020, 2022 meetings), so
    only what lies long before its latest full date is history there."""
    present = ctx.present_year
    if present is not None:
        return present - 1
    latest = max((y for y in (ctx.ordinal_year, ctx.text_year) if y), default=None)
    return latest - HISTORY_IN_UNDATED if latest is not None else None


_PLAN_YEAR = re.compile(r"(?<![\d~～\-–—至到])((?:19|20)\d{2})\s*年度")  # not 2014~2016年度


def _earlier_year(sentence: str, mention: DateMention, hant: bool) -> int | None:
    """An explicit year written before the date in its sentence: a dated day, or an edition's
    name (``Kaleidoscope 2022: …, from 7 to 9 December``)."""
    for earlier in dates_in(sentence, hant):
        if earlier.stop > mention.begin:
            break
        if earlier.explicit_year:
            return earlier.start[0]
    named = years.name_years(sentence[: mention.begin])
    if hant:
        named = named or years.minguo_name_years(sentence[: mention.begin])
    if named:
        return named[-1]
    plan = _PLAN_YEAR.findall(sentence, 0, mention.begin)  # 2022年度…申报时间为2月16日
    return int(plan[-1]) if plan else None


_CLAUSE = 40  # a name further on belongs to another clause (``…2030年愿景》``)


def _named_after(sentence: str, mention: DateMention, hant: bool) -> int | None:
    """An edition's year named after the date in its own clause (``9月18日上午,…主办的2023年
    “质量月”宣传活动在…举行``): the clause runs to the next date."""
    clause_end = next(
        (m.begin for m in dates_in(sentence, hant) if m.begin >= mention.stop), len(sentence)
    )
    clause_end = min(clause_end, mention.stop + _CLAUSE)
    named = years.name_years(sentence[mention.stop : clause_end])
    if hant:
        named = named or years.minguo_name_years(sentence[mention.stop : clause_end])
    return named[0] if named else None


def _one(found: list[int]) -> int | None:
    """The year a name's occurrence number gives (``纪念第46届世界标准日报告会`` → 2015)."""
    return found[0] if len(set(found)) == 1 else None
