"""Turning a cleaned article into calendar-ready events: stdcal's own rules.

Every date expression in the body is a candidate; it becomes an event only when its sentence
binds it to something that happens: an observance (``…是第52届世界标准日``), a named event or an
event verb (``召开``, ``held``), a deadline (``于…前报送``), or a labelled window inside a notice
(``活动时间:``). Dates of history (``成立于``), plans and targets (years only) and the page around
the article (kept apart by reading) never qualify.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from collections.abc import Callable

from events import observances
from events.extract import places
from events.extract.clauses import (
    arranged,
    event_noun_before,
    held_on,
    is_period,
    last_event_noun,
    opens,
    period_ends,
    place_before,
    recurring,
    says_closing,
    time_is,
)
from events.extract.context import ArticleContext, article_context
from events.extract.dates import DateMention, dates_in, find_dates
from events.extract.durations import days_before
from events.extract.kept import drop_shadows, keep, share_organisers
from events.extract.lexicon import (
    CLOSES,
    HAPPEN,
    HISTORY,
    ZH_TIME_LABELS,
    both_scripts,
    contains,
    head_kind,
)
from events.extract.limits import MAX_EVENTS
from events.extract.names import Name, names_in
from events.extract.notices import (
    deadline,
    issuer_of,
    labelled_subject,
    notice_subject,
    row_deadline,
)
from events.extract.observances_rule import (
    numbered_observance,
    observance_event,
)
from events.extract.organisers import (
    en_organisers,
    subject_organisers,
    zh_organisers,
)
from events.extract.paragraphs import join_labels, sentences_of
from events.extract.relative import Anchor, Weekdays, note_weekdays, with_relative
from events.extract.schedule import row_name
from events.extract.spans import span_of
from events.extract.titles import fallback_title
from events.extract.which_year import history_before, resolve_year
from events.model import Article, Event, Kind, Language
from events.read.metadata import dateline_month_day, dateline_span
from events.read.publine import MINUTES

_ACT_AFTER = re.compile(
    r"\s*(?:起\s*)?(?:修正|修订|修訂|正式|联合|聯合)?(?:发布|發布|印发|印發|公布|公告|颁布|頒布|签署|簽署|成立|"
    r"生效|施行|实施|實施|来函|來函|函)(?!会|會|仪式|儀式|典礼|典禮)"
)
_DATE_LABEL = re.compile(
    r"(?:公告|发布|發布|發佈|发文|發文|印发|印發|报告|報告)(?:日期|时间|時間)\s*[::]?\s*(?:中華|中华)?\s*$"
)
# ``有效期間:2025年11月11日至2028年11月10日``: how long a certificate or a recognition holds
_VALID_FOR = re.compile(r"(?:有效|效期|認可期間|认可期间|有效期限)[^,,。;;]{0,6}$")
# ``出國期間: 96年11月5日至96年11月11日``: a traveller's time away, not something held
_AWAY = re.compile(r"(?:出国|出國|出差|公出)(?:期间|期間|日期|时间|時間)\s*[::]?\s*$")
_SELF_ANNOUNCED = re.compile("定于|拟于|定於|擬於")
_LABEL = re.compile(
    "^(?:" + "|".join(both_scripts(ZH_TIME_LABELS)) + r"|(?i:when|dates?|event dates?))\s*[::]"
)


def extract(article: Article, *, max_events: int = MAX_EVENTS) -> list[Event]:
    """Every event of ``article``, in order of first mention, each occurrence once."""
    article_ctx = article_context(article)
    reported = _report_day(article)
    events: list[Event] = []
    weekdays: Weekdays = {}
    hant = article.language is Language.HANT
    body = join_labels(article.body)
    sentences = list(sentences_of(body, hant))
    for index, (sentence, paragraph_year, ordinals) in enumerate(sentences):
        if len(events) >= max_events:
            break  # the cap also bounds the work on hostile input
        ctx = dataclasses.replace(article_ctx, paragraph_year=paragraph_year)
        skip_until = dateline_span(sentence) if index == 0 else 0
        mentions = with_relative(sentence, dates_in(sentence, hant), reported, weekdays)
        sentence_names = functools.cache(lambda s=sentence: names_in(s))
        numbered = numbered_observance(ctx, sentence, history_before(ctx), ordinals)
        if numbered is not None:
            keep(events, numbered)
        for position, mention in enumerate(mentions):
            if mention.stop <= skip_until:
                continue
            following = _clause_end(sentence, mentions, position)
            found = _events(ctx, sentence, mention, following, sentence_names)
            if not found and len(mentions) == 1 and mention.begin <= _LEADING:
                found = _scene_then_event(ctx, sentence, mention, sentences[index + 1 : index + 2])
            for event in found:
                keep(events, event, sentence[mention.begin : following or len(sentence)])
                note_weekdays(weekdays, event.start, event.end)
    if len(events) < max_events:
        _headline_events(article_ctx, events, reported, weekdays)
    share_organisers(article_ctx, events)
    return drop_shadows(events)[:max_events]


_STAMP_AT = 16
# how far before a date its verb may stand (``…科教廣場舉辦了…活動,時間為10月14日``): 80 found
# five more development events for two extras; 160 added only extras
_VERB_BEFORE = 80
_LEADING, _SCENE = 2, 80


def _scene_then_event(
    ctx: ArticleContext,
    sentence: str,
    mention: DateMention,
    following: list[tuple[str, int | None, list[int]]],
) -> list[Event]:
    """``6月25日,街道会议室内座无虚席。区局计量培训班正在这里举行。``: a short sentence that
    opens on a date and sets the scene, and the next one, dateless, says what is held."""
    written = sentence[mention.begin : mention.stop]
    if not following or len(sentence) > _SCENE or not sentence.rstrip().endswith(("。", ".")):
        return []
    if not re.search("[月A-Za-z]", written) or contains(sentence, HISTORY):
        return []  # a stamped date, or a day of history
    after = following[0][0]
    if find_dates(after) or not contains(after, HAPPEN):
        return []
    both = f"{sentence} {after}"
    return _events(ctx, both, mention, None, functools.cache(lambda: names_in(both)))


def _headline_events(
    ctx: ArticleContext, events: list[Event], reported: Anchor | None, weekdays: Weekdays
) -> None:
    """A headline, or a date line set apart beside it, may be the only place a day is written
    (``9th June 2016 is World Accreditation Day``, a page that is one line, ``9-11 December
    2015, Barcelona, Spain`` under an event's name): their events count where the body gave
    none on that day, so a headline repeating the body adds nothing."""
    title = ctx.article.title
    hant = ctx.article.language is Language.HANT
    for heading, line in _headings_with_dates(ctx.article, hant):
        _line_events(ctx, events, f"{title}, {heading}: {line}", reported, weekdays)
    if title and dates_in(title, hant):
        _line_events(ctx, events, title, reported, weekdays)


def _headings_with_dates(article: Article, hant: bool) -> list[tuple[str, str]]:
    """The lines set apart with the headline that give a span or a place with a date
    (``9-11 December 2015, Barcelona, Spain``, ``9月9日-9月14日`` under the event's name),
    each with the line above it: an event page's name, when and where, not furniture (a bare
    day there is a site's clock, except under a meeting's minutes, where it is the meeting's)."""
    found = []
    chrome = article.parts.get("chrome", ())[:_HEADING_LINES]
    # under a meeting's minutes the day is the meeting's
    minutes = any(MINUTES.search(x) for x in (article.title or "", *chrome))
    for index, line in enumerate(chrome):
        mentions = dates_in(line, hant)
        if (
            len(line) <= _HEADING_SIZE
            and len(mentions) == 1
            and (mentions[0].end is not None or places.cities_in(line) or minutes)
        ):
            found.append((chrome[index - 1] if index else "", line))
    return found


_HEADING_LINES, _HEADING_SIZE = 6, 80


def _line_events(
    ctx: ArticleContext,
    events: list[Event],
    title: str,
    reported: Anchor | None,
    weekdays: Weekdays,
) -> None:
    """The events of one line read outside the body, on the days the body left empty."""
    hant = ctx.article.language is Language.HANT
    days = {(e.start.month, e.start.day) for e in events}
    mentions = with_relative(title, dates_in(title, hant), reported, weekdays)
    names = functools.cache(lambda: names_in(title))
    published = ctx.article.published_date
    for position, mention in enumerate(mentions):
        if (mention.start[1], mention.start[2]) in days:
            continue
        stamp = published is not None and mention.start == (
            published.year,
            published.month,
            published.day,
        )
        if stamp and mention.begin < _STAMP_AT:
            continue  # ``date 2024-10-16 The Bureau …``: the page's own date leads its title
        following = _clause_end(title, mentions, position)
        for event in _events(ctx, title, mention, following, names):
            keep(events, event, title[mention.begin : following or len(title)])


_ENUMERATION = re.compile(r"\s*(?:、|及|和|与|與|以及|and|&)\s*", re.I)


def _clause_end(sentence: str, mentions: list[DateMention], position: int) -> int | None:
    """Where the clause of the date at ``position`` ends: at the next date, unless the dates
    are listed (``9月10日、9月17日及9月24日舉行``): then all of them share what follows."""
    last = position
    while last + 1 < len(mentions) and _ENUMERATION.fullmatch(
        sentence, mentions[last].stop, mentions[last + 1].begin
    ):
        last += 1
    return mentions[last + 1].begin if last + 1 < len(mentions) else None


def _report_day(article: Article) -> Anchor | None:
    """The day relative dates count from: the page's own date (not a notice's signature,
    written after the fact, unless a clock shows a machine stamped it), else its dateline's
    month and day, else the full date an undated page's lead opens with."""
    published = article.published_date
    stamped = isinstance(article.published, dt.datetime)
    if published is not None and (article.published_rule != "signature" or stamped):
        return (published.year, published.month, published.day)
    month_day = dateline_month_day(article.lead)
    if month_day:
        return (None, *month_day)
    if article.language is Language.EN:
        return None
    lead = article.lead.lstrip()  # ``2022年5月20日是…。今天上午,…``: the day the lead tells of
    opening = dates_in(lead[:_OPENING], article.language is Language.HANT)
    if opening and opening[0].begin == 0 and opening[0].start[0] is not None:
        return opening[0].start
    return None


_OPENING = 40  # enough of the lead for one full date


def _nearest_name(names: list[Name], mention: DateMention, following: int | None) -> Name | None:
    after = [
        n for n in names if n.begin >= mention.stop and (following is None or n.begin < following)
    ]
    before = [n for n in names if n.stop <= mention.begin]
    for group in (after, list(reversed(before))):
        for name in group:
            if name.specific:
                return name
    nearest = after or list(reversed(before))
    return nearest[0] if nearest else None


# ``成立滿廿週年,於2025年12月26日…舉辦慶祝活動``: an anniversary of a founding is held today
_ANNIVERSARY = re.compile(r"(?:成立|创建|創建|建立)[^,,。;]{0,6}(?:周年|週年)")
_OTHER_TIME = re.compile(
    r"(?:19|20)\d{2}\s*年(?:\s*\d{1,2}\s*月)?|\b(?:in|since)\s+(?:19|20)\d{2}\b"
)


def _events(
    ctx: ArticleContext,
    sentence: str,
    mention: DateMention,
    following: int | None,
    sentence_names: Callable[[], list[Name]],
) -> list[Event]:
    """What one date stands for: the observance it names, and an event the same clause holds
    on that day (``10月14日,为庆祝第五十届世界标准日,团委组织开展了主题宣传活动``)."""
    observance = observance_event(
        ctx, sentence, mention, resolve_year(ctx, mention, sentence, None), history_before(ctx)
    )
    if observance is None:
        event = _event(ctx, sentence, mention, following, sentence_names)
        return [event] if event is not None else []
    end = following or len(sentence)
    other_time = _OTHER_TIME.search(sentence, mention.stop, end)
    if other_time is not None:  # ``…世界认可日,2007年10月,…在联合召开的年会上``: another time
        end = other_time.start()
    clause = sentence[mention.begin : end]
    names = [n for n in sentence_names() if mention.stop <= n.begin < end and n.specific]
    named_for = [  # ``庆祝第45届世界标准日…交流会 | … | 10月14日``: a table row of an event
        n  # named after the day, the day in a later cell
        for n in sentence_names()
        if n.specific
        and n.stop <= mention.begin
        and "|" in sentence[n.stop : mention.begin]
        and observances.find(n.text)
    ]
    if (
        not named_for
        and not _held_for(sentence, mention)
        and (not names or not contains(clause, HAPPEN))
    ):
        return [observance]
    held = _event(ctx, sentence, mention, end, sentence_names)
    return (
        [observance, held]
        if held is not None and held.kind is not Kind.OBSERVANCE
        else [observance]
    )


# ``will celebrate World Metrology Day with a live webinar on 20 May``: what is held for the day
_HELD_FOR = re.compile(
    r"\b(?:with|organi[sz]ing|organi[sz]es|hosting|hosts|holding|holds)\s+(?:an?|the|its)\s+"
    r"(?:[\w-]+\s+){0,3}(?:webinar|seminar|workshop|conference|"
    r"forum|symposium|lecture|exhibition|fair|open day|open house|run|walk|competition)s?\b"
    r"[^.;]{0,30}\bon\s*$",
    re.I,
)


# ``Bureau of Indian Standards (BIS) … celebrated the World Standards Day on October 14``,
# ``… was celebrated by the Bureau of … on 14 October``: a body's own celebration of the day,
# an event of its own beside the day itself.
_BODY = r"(?:Bureau|Institute|Institution|Agency|Authority|Council|Association|Organi[sz]ation|"
_BODY += r"Board|Ministry|Department|Commission|Society|Centre|Center|Office|Federation)\b"
_CELEBRATED_BY = re.compile(
    rf"\b{_BODY}[^.;]{{0,60}}\b(?:celebrated|commemorated)\b|"
    rf"\b(?:was|were)\s+(?:celebrated|commemorated)\s+by\s+(?:the\s+)?[^.;]{{0,30}}\b{_BODY}"
)


def _held_for(sentence: str, mention: DateMention) -> bool:
    before = sentence[max(0, mention.begin - 160) : mention.begin]
    return _HELD_FOR.search(before) is not None or _CELEBRATED_BY.search(before) is not None


def _event(
    ctx: ArticleContext,
    sentence: str,
    mention: DateMention,
    following: int | None,
    sentence_names: Callable[[], list[Name]],
) -> Event | None:
    clause = sentence[mention.begin : following or len(sentence)]
    if mention.form == "deadline":
        return deadline(ctx, sentence, mention, clause)
    if _LABEL.search(sentence[: mention.begin]) and (labelled := labelled_subject(ctx)):
        return notice_subject(ctx, sentence, mention, *labelled)
    if recurring(sentence, mention):
        return None  # 每年的10月14日, on 14 October each year, 将5月20日定为…: no occurrence
    if (period := period_ends(sentence, mention)) is not None:
        return row_deadline(ctx, sentence, mention, period)  # the last day to take part
    name = _nearest_name(sentence_names(), mention, following)
    happens = (
        contains(clause, HAPPEN)
        or contains(sentence[: mention.begin][-_VERB_BEFORE:], HAPPEN)
        or event_noun_before(sentence, mention) is not None
        or is_period(sentence, mention)
        or arranged(sentence, mention)
        or time_is(sentence, mention)
        or held_on(sentence, mention)
        or place_before(sentence, mention, lambda text: bool(places.cities_in(text)))
    )
    if name is None and not happens:
        row = row_name(sentence, mention, len(find_dates(sentence)) - 1)
        if row is None:
            return None
        if contains(row.lower(), CLOSES) or says_closing(row):
            return row_deadline(ctx, sentence, mention, row)
        name = Name(row, 0, 0, specific=True)  # the row's words name its day
    around = _ANNIVERSARY.sub("", sentence[max(0, mention.begin - 30) : mention.stop + 40])
    if contains(around, HISTORY) and (name is None or not name.specific) and not mention.end:
        return None  # a founding, signing or publication date (a span is something carried out)
    if mention.end is None and _ACT_AFTER.match(sentence, mention.stop):
        return None  # ``108年2月27日修正發布之「…要點」``, ``6月1日正式生效``: a document's day
    if _DATE_LABEL.search(sentence, max(0, mention.begin - 10), mention.begin):
        return None  # ``(公告日期112年4月11日)``: the date a notice carries, not an event
    if mention.end is not None and (
        _VALID_FOR.search(sentence, max(0, mention.begin - 12), mention.begin)
        or _AWAY.search(sentence, max(0, mention.begin - 10), mention.begin)
    ):
        return None  # a certificate's validity or a trip abroad, not something held
    noun = last_event_noun(sentence, mention)
    kind = (
        (head_kind(name.text) if name else None)
        or (head_kind(noun.group(0)) if noun else None)
        or (
            Kind.CAMPAIGN
            if mention.form == "window" or is_period(sentence, mention)
            else Kind.OTHER
        )
    )
    year = resolve_year(ctx, mention, sentence, name.text if name else None)
    before = history_before(ctx)
    if before and year is not None and year < before:
        return None  # a date of history, not of the article's events
    start, end = span_of(
        mention,
        year,
        opens=opens(sentence, mention, clause),
        lasting=sentence[mention.stop : mention.stop + 40],
        adjective=days_before(sentence[max(0, mention.begin - 80) : mention.begin], clause[:60])
        if ctx.article.language is Language.EN
        else None,
    )
    title = name.text if name and name.specific else fallback_title(name, kind, ctx)
    organisers = _organisers(ctx, sentence, mention)
    if name and ctx.subject and name.text in ctx.subject:  # the activity the notice announces
        title, organisers = ctx.subject, organisers or issuer_of(ctx)
    elif not organisers and _SELF_ANNOUNCED.search(sentence):
        organisers = issuer_of(ctx)  # a notice's ``定于…举办``: the issuer holds it
    city = (
        places.held_in(sentence)
        or (places.first_city(name.text) if name else None)
        or next((c for c in map(places.first_city, organisers) if c), None)
        or _only_city(sentence)
        or ctx.city
    )
    confidence = 0.4 + (0.2 if year else 0) + (0.2 if name and name.specific else 0)
    confidence += 0.1 if happens else 0
    return Event(
        title=title,
        start=start,
        end=end,
        kind=kind,
        time=mention.time,
        end_time=mention.end_time,
        city=city,
        organisers=tuple(organisers),
        confidence=round(min(confidence + (0.05 if organisers else 0), 0.95), 2),
        evidence=sentence[:500],
    )


def _only_city(sentence: str) -> str | None:
    """The city of a sentence that names exactly one."""
    found = set(places.cities_in(sentence))
    return found.pop() if len(found) == 1 else None


def _organisers(ctx: ArticleContext, sentence: str, mention: DateMention) -> list[str]:
    if ctx.article.language is Language.EN:
        return en_organisers(sentence)
    found = zh_organisers(sentence, ctx.city_zh)
    if found:
        return found
    before = sentence[: mention.begin]
    if before.endswith(("于", "於", "在", "将于", "將於")):
        clause = re.split(r"[,,;;。]", before)[-1]
        clause = re.sub(r"(?:将于|將於|于|於|在)$", "", clause)
        return subject_organisers(clause, ctx.city_zh)
    return []
