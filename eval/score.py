"""`make eval`: how well `stdcal extract` reads what careful humans read, on whatever is present.

The seeds are always scored (their gold is in tests/data). The real pages are third-party text,
so only their gold and addresses are committed (eval/*.json); their texts live in the
git-ignored `.eval-cache/` and are rebuilt through the search tool (eval/README.md). A page
whose text is absent is skipped and counted as such, never scored as a miss.

An event matches when its start and end are both exactly the gold's (end inclusive; a year the
text does not give stays `--MM-DD`). Kind and city are then scored on the matched pairs, the
publication date on every page. A third of the corpus is held out (eval/README.md says which):
its figures are printed, its misses only with --show-held-out, so that rules are tuned on the
development part and judged on the rest.

    python eval/score.py [--set corpus] [--show-held-out] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".eval-cache"
STDCAL = Path(sys.executable).with_name("stdcal")
SCRIPTS = ("zh-Hans", "zh-Hant", "en")


@dataclass(frozen=True)
class Case:
    """One page and what a careful reader found in it."""

    set: str
    id: str
    lang: str
    path: Path
    published: str | None
    events: list[dict[str, Any]]
    held_out: bool


@dataclass
class Outcome:
    """What the extractor got right and wrong on one page."""

    case: Case
    matched: list[tuple[dict[str, Any], dict[str, Any]]] = field(default_factory=list)
    misses: list[dict[str, Any]] = field(default_factory=list)
    extras: list[dict[str, Any]] = field(default_factory=list)
    published: str | None = None
    error: str | None = None

    @property
    def published_right(self) -> bool:
        return self.published == self.case.published


def _number(page_id: str) -> int:
    number = page_id.rsplit("-", 1)[-1]
    return int(number) if number.isdigit() else -1


def held_out(page_id: str) -> bool:
    """Every third corpus page, by its number: fixed before any page was scored."""
    number = _number(page_id)
    return number >= 0 and number % 3 == 0


def seed_cases() -> list[Case]:
    expected = json.loads((ROOT / "tests" / "data" / "seeds-expected.json").read_text("utf-8"))
    return [
        Case(
            "seeds",
            a["file"],
            a["language"],
            ROOT / "seeds" / a["file"],
            (a["published"] or "")[:10] or None,
            a["events"],
            held_out=False,
        )
        for a in expected["articles"]
    ]


def page_cases(name: str, gold: Path, folder: Path, *, split: bool) -> list[Case]:
    entries = json.loads(gold.read_text("utf-8"))
    return [
        Case(
            name,
            e["id"],
            e["lang"],
            folder / e["file"],
            e["published"],
            e["events"],
            held_out=split and held_out(e["id"]),
        )
        for e in entries
    ]


def all_cases() -> list[Case]:
    cases = seed_cases()
    cases += page_cases(
        "dev-pages", ROOT / "eval" / "dev-pages.json", CACHE / "dev-pages", split=False
    )
    for gold in sorted((ROOT / "eval" / "corpus").glob("*.json")):
        cases += page_cases("corpus", gold, CACHE / "corpus", split=True)
    return cases


def run_extract(paths: list[Path]) -> dict[str, dict[str, Any] | str]:
    """`stdcal extract --json` over every path: a file it cannot read is reported and left
    out of its output; should the command itself fail, each page is run alone so one bad page
    costs only itself."""
    if not paths:
        return {}
    done = subprocess.run(
        [str(STDCAL), "extract", "--json", *map(str, paths)], capture_output=True, text=True
    )
    try:
        read: dict[str, dict[str, Any] | str] = {r["source"]: r for r in json.loads(done.stdout)}
    except json.JSONDecodeError:
        read = {}  # the command itself failed: each page alone, so one bad page costs itself
    if done.returncode == 0 or read:
        errors = {
            line.split(": ", 2)[1]: line
            for line in done.stderr.splitlines()
            if line.startswith("error: ") and line.count(": ") >= 2
        }
        return {str(p): read.get(str(p), errors.get(str(p), "failed")) for p in paths}
    if len(paths) == 1:
        return {str(paths[0]): done.stderr.strip().splitlines()[-1] if done.stderr else "failed"}
    results: dict[str, dict[str, Any] | str] = {}
    for path in paths:
        results.update(run_extract([path]))
    return results


def _key(event: dict[str, Any]) -> tuple[str, str | None]:
    return event["start"], event["end"]


def score(case: Case, result: dict[str, Any] | str) -> Outcome:
    outcome = Outcome(case)
    if isinstance(result, str):
        outcome.error, outcome.misses = result, list(case.events)
        return outcome
    outcome.published = (result["published"] or "")[:10] or None
    found = list(result["events"])
    for gold in case.events:
        twin = next((e for e in found if _key(e) == _key(gold)), None)
        if twin is None:
            outcome.misses.append(gold)
        else:
            found.remove(twin)
            outcome.matched.append((gold, twin))
    outcome.extras = found
    return outcome


@dataclass
class Tally:
    pages: int = 0
    gold: int = 0
    found: int = 0
    matched: int = 0
    kind: int = 0
    city: int = 0
    published: int = 0

    def add(self, o: Outcome) -> None:
        self.pages += 1
        self.gold += len(o.case.events)
        self.found += len(o.matched) + len(o.extras)
        self.matched += len(o.matched)
        self.kind += sum(g["kind"] == e["kind"] for g, e in o.matched)
        self.city += sum(g["city"] == e["city"] for g, e in o.matched)
        self.published += o.published_right

    def row(self, label: str) -> str:
        def ratio(a: int, b: int) -> str:
            return f"{a / b:.2f}" if b else "  - "

        return (
            f"{label:<28}{self.pages:>6}{self.gold:>7}{self.found:>7}"
            f"{ratio(self.matched, self.gold):>8}{ratio(self.matched, self.found):>8}"
            f"{ratio(self.kind, self.matched):>7}{ratio(self.city, self.matched):>7}"
            f"{ratio(self.published, self.pages):>7}"
        )


HEADER = (
    f"{'set':<28}{'pages':>6}{'gold':>7}{'found':>7}{'recall':>8}{'prec.':>8}"
    f"{'kind':>7}{'city':>7}{'publ.':>7}"
)


def _group(o: Outcome) -> str:
    if o.case.set != "corpus":
        return o.case.set
    return "corpus held-out" if o.case.held_out else "corpus dev"


def report(outcomes: list[Outcome], show_held_out: bool) -> None:
    tallies: dict[str, Tally] = defaultdict(Tally)
    for o in outcomes:
        for label in (_group(o), f"{_group(o)} {o.case.lang}"):
            tallies[label].add(o)
    print(HEADER)
    for group in ("seeds", "dev-pages", "corpus dev", "corpus held-out"):
        if group not in tallies:
            continue
        print(tallies[group].row(group))
        for script in SCRIPTS:
            if f"{group} {script}" in tallies:
                print(tallies[f"{group} {script}"].row(f"  {script}"))
    print()
    for o in outcomes:
        if o.case.held_out and not show_held_out:
            continue
        lines = [f"  error: {o.error}"] if o.error else []
        if not o.published_right:
            lines.append(f"  published: gold {o.case.published}, read {o.published}")
        lines += [f"  miss  {_show(g)}" for g in o.misses]
        lines += [f"  extra {_show(e)}" for e in o.extras]
        lines += [
            f"  kind/city {g['kind']}/{g['city']} read {e['kind']}/{e['city']}: {g['title']}"
            for g, e in o.matched
            if (g["kind"], g["city"]) != (e["kind"], e["city"])
        ]
        if lines:
            print(f"{o.case.set}/{o.case.id} ({o.case.lang})")
            print("\n".join(lines))


def _show(event: dict[str, Any]) -> str:
    return f"{event['start']}..{event['end']} {event['kind']}: {event['title']}"


def agreement() -> None:
    """How far a second careful reader, working blind on a sample, agrees with the gold: the
    ceiling the extractor's figures are read against."""
    second = json.loads((ROOT / "eval" / "agreement" / "second-reader.json").read_text("utf-8"))
    first = {c.id: c for c in all_cases() if c.set == "corpus"}
    tally = Tally()
    for entry in second:
        case = first[entry["id"]]
        outcome = score(case, {"published": entry["published"], "events": entry["events"]})
        tally.add(outcome)
    print("second reader against the gold (matched = same start and end)")
    print(HEADER)
    print(tally.row("corpus sample"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", choices=("seeds", "dev-pages", "corpus"), action="append")
    parser.add_argument("--show-held-out", action="store_true")
    parser.add_argument("--json", type=Path, help="also write every outcome to this file")
    parser.add_argument("--agreement", action="store_true", help="score the second reader")
    parser.add_argument(
        "--from-number",
        type=int,
        default=0,
        help="only corpus pages numbered at least this (a batch added later, scored alone)",
    )
    args = parser.parse_args()
    if args.agreement:
        agreement()
        return
    cases = [
        c
        for c in all_cases()
        if (not args.set or c.set in args.set)
        and (c.set != "corpus" or _number(c.id) >= args.from_number)
    ]
    present = [c for c in cases if c.path.is_file()]
    absent = Counter(c.set for c in cases if not c.path.is_file())
    results = run_extract([c.path for c in present])
    outcomes = [score(c, results.get(str(c.path), "no output")) for c in present]
    report(outcomes, args.show_held_out)
    for name, count in sorted(absent.items()):
        print(f"({name}: {count} pages without a cached text were skipped; see eval/README.md)")
    if args.json:
        args.json.write_text(
            json.dumps(
                [
                    {
                        "set": o.case.set,
                        "id": o.case.id,
                        "held_out": o.case.held_out,
                        "published": [o.case.published, o.published],
                        "misses": o.misses,
                        "extras": o.extras,
                    }
                    for o in outcomes
                ],
                ensure_ascii=False,
                indent=1,
            ),
            "utf-8",
        )


if __name__ == "__main__":
    main()
