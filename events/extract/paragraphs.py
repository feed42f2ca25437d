"""The article body as the extractor walks it: lines joined where a label or a heading on a
line of its own belongs to the line under it, then sentences, each with the year its
paragraph gives it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from events.extract.dates import dates_in, find_dates
from events.extract.lexicon import ZH_TIME_LABELS, both_scripts
from events.extract.names import names_in
from events.extract.observances_rule import ordinal_years
from events.extract.sentences import split_sentences
from events.extract.years import name_years

_SENTENCE_END = re.compile(r"[。!?！？;；.]\s*$")
_LABEL_LINE = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.]|[((]?\s*[一二三四五六七八九十\d]{1,2}\s*[))、.])?\s*"
    r"(?P<label>" + "|".join(both_scripts(ZH_TIME_LABELS)) + r"|"
    # ``報名日期``, ``申請期間`` on a line of their own: what the date under them is for
    r"[\u4e00-\u9fff]{1,6}(?:日期|时间|時間|期间|期間))\s*(?:为|為)?\s*[::]?\s*$"
)


def join_labels(body: str) -> str:
    """``三、活动时间`` on a line of its own labels the line after it (``10月10日-10月24日``),
    and a heading that names an event (``83rd General Meeting``) is the subject of a short
    line of place and date under it (``Shanghai, China, from 21 to 25 October 2019.``); a day
    alone with a colon (``7 July 2013:``) heads the schedule item on the next line."""
    lines = body.split("\n")
    joined: list[str] = []
    for line in lines:
        if joined and (label := _LABEL_LINE.match(joined[-1])) is not None:
            joined[-1] = f"{label.group('label')}:{line.strip()}"
        elif joined and _heading_over_date(joined[-1], line):
            joined[-1] = f"{joined[-1].strip()}: {line.strip()}"
        elif joined and _date_label(joined[-1]):
            joined[-1] = f"{joined[-1].strip()} {line.strip()}"  # ``7 July 2013:`` / its item
        else:
            joined.append(line)
    return "\n".join(joined)


def _date_label(line: str) -> bool:
    """``7 July 2013:``, ``2 September 2013, noon ET:`` alone on a line: a schedule's day,
    whose item is the next line."""
    line = line.strip()
    return len(line) <= 40 and line.endswith((":", ":")) and bool(find_dates(line))


def _heading_over_date(heading: str, line: str) -> bool:
    if len(heading) > 60 or len(line) > 120 or _SENTENCE_END.search(heading):
        return False
    if not find_dates(line) or any(n.specific for n in names_in(line)):
        return False
    return any(n.specific for n in names_in(heading)) and not find_dates(heading)


def sentences_of(body: str, hant: bool) -> Iterator[tuple[str, int | None, list[int]]]:
    """Each sentence with the year its paragraph gives it: the last explicit year written
    before it (``2023年5月20日是…。…於5月22日(星期一)舉辦``), else the first written after
    it (``10月14日是世界标准日。…定于2008年10月6日-16日…``), or the one year of the section
    heading above its paragraph (``2026年考试时间安排``); a numbered observance
    (``第49届世界标准日``) and a named edition (``Standards Conclave 2022``,
    ``2023青島國際標準化大會``) write their year too."""
    heading_year: int | None = None
    for paragraph in body.split("\n"):
        if _heading(paragraph):  # ``② 2026年考试时间安排``: its year rules the lines under it
            heading_year = _plain_year(paragraph)
        sentences = split_sentences(paragraph)
        ordinals = [ordinal_years(s) for s in sentences]
        written: list[list[int]] = [
            [m.start[0] for m in dates_in(s, hant) if m.start[0] is not None]
            + numbered
            + name_years(s)
            for s, numbered in zip(sentences, ordinals, strict=True)
        ]
        year: int | None = None
        for index, sentence in enumerate(sentences):
            later = next((ys[0] for ys in written[index + 1 :] if ys), None)
            yield sentence, year or later or heading_year, ordinals[index]
            year = written[index][-1] if written[index] else year


_HEADING_SIZE = 40
_PLAIN_YEAR = re.compile(r"(?<![\d~～\-–—至到])((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)")


def _heading(line: str) -> bool:
    """A short line that ends no sentence and dates nothing to the day: a section's heading."""
    line = line.strip()
    return (
        0 < len(line) <= _HEADING_SIZE and not _SENTENCE_END.search(line) and not find_dates(line)
    )


def _plain_year(heading: str) -> int | None:
    years = {int(y) for y in _PLAIN_YEAR.findall(heading)}
    return years.pop() if len(years) == 1 else None
