"""Events a notice dates in its own forms: a day something is due by, a labelled line
(``活动时间:``, ``When:``) that dates the activity the notice or page announces, and the
issuer that holds them.
"""

from __future__ import annotations

from events.extract import places
from events.extract.clauses import counted_as_of, in_force_by, opens, recurring
from events.extract.context import ArticleContext
from events.extract.dates import DateMention
from events.extract.lexicon import CLOSES, SUBMIT, contains, head_kind
from events.extract.organisers import expand, is_organisation
from events.extract.spans import span_of
from events.extract.titles import deadline_title
from events.extract.which_year import resolve_year
from events.model import Event, Kind, Language


def issuer_of(ctx: ArticleContext) -> list[str]:
    """The body that issued the notice, when it names an organisation (a notice's events are
    held by whoever signs it unless the text says otherwise)."""
    if ctx.issuer is None:
        return []
    issuer = expand(ctx.issuer, ctx.city_zh)
    return [issuer] if is_organisation(issuer) else []


def row_deadline(ctx: ArticleContext, sentence: str, mention: DateMention, row: str) -> Event:
    return _deadline_event(ctx, sentence, mention, row, resolve_year(ctx, mention, sentence, row))


def _deadline_event(
    ctx: ArticleContext, sentence: str, mention: DateMention, title: str, year: int | None
) -> Event:
    """One day something is due by: a day-long event of the page's issuer, in its city."""
    start, _ = span_of(mention, year)
    return Event(
        title=title,
        start=start,
        end=start,
        kind=Kind.DEADLINE,
        time=mention.time,
        city=ctx.city,
        organisers=tuple(issuer_of(ctx)),
        confidence=0.75 if start.known else 0.55,
        evidence=sentence[:500],
    )


def deadline(ctx: ArticleContext, sentence: str, mention: DateMention, clause: str) -> Event | None:
    """A day something must be done by: said so outright (``截止``, ``due``), or a ``before``
    whose sentence says what is handed in (``请于10月30日前报送``, ``comments … until``)."""
    if counted_as_of(sentence, mention) or in_force_by(sentence, mention):
        return None
    if recurring(sentence, mention):
        return None  # ``應於每年4月30日前完成``: a rule for every year, no one day
    nearby = sentence[: mention.begin][-80:] + clause[:120]
    said = sentence[: mention.stop + 12].lower()
    if not contains(nearby.lower(), SUBMIT) and not contains(said, CLOSES):
        return None
    title = deadline_title(nearby, ctx.article.language)
    return _deadline_event(
        ctx, sentence, mention, title, resolve_year(ctx, mention, sentence, None)
    )


def labelled_subject(ctx: ArticleContext) -> tuple[str, Kind] | None:
    """What a ``活动时间:``/``When:`` line dates: the activity a notice announces, or the event
    an English event page is headed by (``ISO/TC 207 Plenary Meeting``)."""
    if ctx.subject is not None:
        return ctx.subject, ctx.subject_kind or Kind.CAMPAIGN
    title = ctx.article.title
    kind = head_kind(title) if ctx.article.language is Language.EN and title else None
    return (title, kind) if kind is not None else None


def notice_subject(
    ctx: ArticleContext, sentence: str, mention: DateMention, subject: str, kind: Kind
) -> Event:
    year = resolve_year(ctx, mention, sentence, subject)
    start, end = span_of(mention, year, opens=opens(sentence, mention, sentence[mention.stop :]))
    if mention.form == "window" and kind in (Kind.OTHER, Kind.MEETING):
        kind = Kind.CAMPAIGN
    return Event(
        title=subject,
        start=start,
        end=end,
        kind=kind,
        time=mention.time,
        end_time=mention.end_time,
        city=places.first_city(subject) or ctx.city,
        organisers=tuple(issuer_of(ctx)),
        confidence=0.8 if start.known else 0.6,
        evidence=sentence[:500],
    )
