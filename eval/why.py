"""Why the extractor missed what it missed: a miss sorted by the first stage that lost it.

`score.py` says *what* was missed; rules are worth writing only for losses that recur, so this
sorts each development miss by where it was lost, in the order the data flows:

- ``not in body``: the evidence is not in the article body the reader kept (cut as page chrome,
  or taken as the lead or an info line);
- ``no date``: the body holds it, but no date mention in any sentence has the gold's month and
  day (a date form the tagger does not know);
- ``not bound``: a mention has that day, but no event was made of it (no name, no verb, or a
  filter such as history or recurrence dropped it);
- ``year`` / ``end``: an event has that month and day, with another year or end.

Held-out pages are never shown: ``--held-out`` counts their misses by stage, and nothing more.

    python eval/why.py [--set corpus] [--lang en] [--kind "no date"] [--held-out]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from eval.score import Outcome, all_cases, run_extract, score
from events.extract.dates import dates_in
from events.extract.paragraphs import join_labels, sentences_of
from events.model import Language
from events.read.reader import read_path

_SPACE = re.compile(r"\s+")


def _flat(text: str) -> str:
    return _SPACE.sub("", text)


def _month_day(value: str | None) -> tuple[int, int] | None:
    if not value:
        return None
    month, day = value[-5:].split("-")
    return int(month), int(day)


def why(outcome: Outcome, miss: dict[str, Any]) -> str:
    article = read_path(outcome.case.path)
    hant = article.language is Language.HANT
    if _flat(miss["evidence"])[:40] not in _flat(article.body):
        return "not in body"
    wanted = _month_day(miss["start"])
    days = {
        (m.start[1], m.start[2])
        for sentence, _, _ in sentences_of(join_labels(article.body), hant)
        for m in dates_in(sentence, hant)
    }
    if wanted not in days:
        return "no date"
    same_day = [e for e in outcome.extras if _month_day(e["start"]) == wanted]
    if not same_day:
        return "not bound"
    return "end" if any(e["start"] == miss["start"] for e in same_day) else "year"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", choices=("dev-pages", "corpus"), action="append")
    parser.add_argument("--lang", choices=("zh-Hans", "zh-Hant", "en"))
    parser.add_argument("--kind", help="show only misses of this kind")
    parser.add_argument("--held-out", action="store_true", help="count held-out misses only")
    args = parser.parse_args()
    cases = [
        c
        for c in all_cases()
        if c.set != "seeds"
        and c.held_out == args.held_out
        and c.path.is_file()
        and (not args.set or c.set in args.set)
        and (not args.lang or c.lang == args.lang)
    ]
    results = run_extract([c.path for c in cases])
    kinds: Counter[str] = Counter()
    for case in cases:
        outcome = score(case, results.get(str(case.path), "no output"))
        for miss in outcome.misses:
            kind = why(outcome, miss)
            kinds[kind] += 1
            if args.kind in (None, kind) and not args.held_out:
                print(f"{case.id:<10} {kind:<12} {miss['start']}..{miss['end']} {miss['title']}")
                print(f"{'':<23} {miss['evidence'][:150]}")
    print()
    for kind, count in kinds.most_common():
        print(f"{kind:<12} {count}")


if __name__ == "__main__":
    main()
