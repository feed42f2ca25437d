"""One ingest run: files → read → extract → store, one transaction per article.

A bad article is recorded with its reason and the run goes on; the run itself is recorded
(what ran, when, what it found, every failure) so /healthz and the CLI summary can show it.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from events.errors import ReadError, StdcalError
from events.extract import MAX_EVENTS, extract
from events.model import Article, Event, RawInput
from events.read import load_sidecar, read_bytes
from events.store.tables import ArticleRevisionRow, ArticleRow, IngestRunRow
from events.store.writer import save_article

log = logging.getLogger(__name__)

ARTICLE_SUFFIXES = (".txt", ".html", ".htm")
Progress = Callable[[int, int, str], None]  # done, total, current input


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class Failure:
    source: str
    reason: str


@dataclass
class RunReport:
    run_id: int | None = None
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    events: int = 0
    failures: list[Failure] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.failures)

    def summary(self) -> str:
        return (
            f"{self.new} new, {self.changed} changed, {self.unchanged} unchanged, "
            f"{self.failed} failed; {self.events} events"
        )


def collect_inputs(targets: Iterable[Path]) -> tuple[list[Path], list[Failure]]:
    """Article files under ``targets`` (recursively), in a stable order; sidecars excluded."""
    found: list[Path] = []
    missing: list[Failure] = []
    for target in targets:
        if target.is_dir():
            found.extend(
                p
                for p in sorted(target.rglob("*"))
                if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
            )
        elif target.is_file():
            found.append(target)
        else:
            missing.append(Failure(str(target), "no such file or directory"))
    return found, missing


def ingest_paths(
    sessions: sessionmaker[Session],
    targets: Iterable[Path],
    *,
    trigger: str = "cli",
    max_bytes: int = 20_000_000,
    max_events: int = MAX_EVENTS,
    progress: Progress | None = None,
) -> RunReport:
    """Ingest files and directories given on the command line (or the seeds)."""
    targets = list(targets)
    files, failures = collect_inputs(targets)
    inputs = (_file_input(path, max_bytes) for path in files)
    target = ", ".join(str(t) for t in targets)
    return ingest_inputs(
        sessions,
        inputs,
        total=len(files),
        failures=failures,
        trigger=trigger,
        target=target,
        max_bytes=max_bytes,
        max_events=max_events,
        progress=progress,
    )


def _file_input(path: Path, max_bytes: int) -> RawInput | Failure:
    """A file with its ``NAME.meta.json`` sidecar, kept as the source metadata so that
    re-extraction later sees the same editorial values. An oversized file is refused from its
    size alone, before its bytes are loaded."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return Failure(str(path), f"{size} bytes is over the limit of {max_bytes}")
        meta = load_sidecar(path) or {}
        return RawInput(locator=str(path.resolve()), raw=path.read_bytes(), meta=meta)
    except OSError as exc:
        return Failure(str(path), f"cannot read file: {exc.strerror or exc}")
    except ReadError as exc:
        return Failure(str(path), str(exc))


def ingest_inputs(
    sessions: sessionmaker[Session],
    inputs: Iterable[RawInput | Failure],
    *,
    total: int,
    trigger: str,
    target: str,
    failures: Iterable[Failure] = (),
    max_bytes: int = 20_000_000,
    max_events: int = MAX_EVENTS,
    progress: Progress | None = None,
    source_id: int | None = None,
) -> RunReport:
    """The run itself: every input read, extracted and stored in its own transaction."""
    report = RunReport(failures=list(failures))
    report.run_id = _start_run(sessions, trigger, target)
    for done, item in enumerate(inputs, start=1):
        if progress:
            progress(done, total, item.source if isinstance(item, Failure) else item.locator)
        if isinstance(item, Failure):
            report.failures.append(item)
            continue
        try:
            article = read_input(item, max_bytes=max_bytes)
            events = extract(article, max_events=max_events)
            _store(sessions, report, item, article, events, source_id=source_id)
        except StdcalError as exc:
            report.failures.append(Failure(item.locator, str(exc)))
        except Exception as exc:  # one bad article must never stop the batch
            log.exception("ingest of %s failed", item.locator)
            report.failures.append(Failure(item.locator, f"{type(exc).__name__}: {exc}"))
    _finish_run(sessions, report)
    return report


def read_input(item: RawInput, *, max_bytes: int = 20_000_000) -> Article:
    if len(item.raw) > max_bytes:
        raise ReadError(item.locator, f"{len(item.raw)} bytes is over the limit of {max_bytes}")
    sidecar = dict(item.meta) or None
    return read_bytes(
        item.raw, item.locator, content_type=item.content_type, sidecar=sidecar, max_bytes=max_bytes
    )


def reextract_all(
    sessions: sessionmaker[Session],
    *,
    max_events: int = MAX_EVENTS,
    progress: Progress | None = None,
) -> RunReport:
    """Run reading and extraction again over the newest raw bytes of every stored article."""
    with sessions() as session:
        ids = list(session.scalars(select(ArticleRow.id).order_by(ArticleRow.id)))
    report = RunReport()
    report.run_id = _start_run(sessions, "reextract", "all stored articles")
    for done, article_id in enumerate(ids, start=1):
        item = _stored_input(sessions, article_id)
        if progress:
            progress(done, len(ids), item.locator)
        try:
            article = read_input(item, max_bytes=max(len(item.raw), 1))
            events = extract(article, max_events=max_events)
            _store(sessions, report, item, article, events, reextract=True)
        except Exception as exc:  # the stored raw copy stays; the failure is reported
            log.exception("re-extraction of %s failed", item.locator)
            report.failures.append(Failure(item.locator, f"{type(exc).__name__}: {exc}"))
    _finish_run(sessions, report)
    return report


def _stored_input(sessions: sessionmaker[Session], article_id: int) -> RawInput:
    """The newest raw revision, with the metadata its source or sidecar gave at the time."""
    with sessions() as session:
        row = session.get_one(ArticleRow, article_id)
        revision = session.scalars(
            select(ArticleRevisionRow)
            .where(ArticleRevisionRow.article_id == article_id)
            .order_by(ArticleRevisionRow.revision.desc())
            .limit(1)
        ).one()
        meta = (row.record or {}).get("source_meta") or {}
        return RawInput(row.locator, revision.raw, revision.content_type, meta)


def _store(
    sessions: sessionmaker[Session],
    report: RunReport,
    item: RawInput,
    article: Article,
    events: list[Event],
    *,
    reextract: bool = False,
    source_id: int | None = None,
) -> None:
    with sessions.begin() as session:
        result = save_article(
            session,
            locator=item.locator,
            raw=item.raw,
            article=article,
            events=events,
            now=utcnow(),
            source_id=source_id,
            content_type=item.content_type,
            source_meta=dict(item.meta),
            reextract=reextract,
        )
    setattr(report, result.outcome, getattr(report, result.outcome) + 1)
    report.events += result.events


def _start_run(sessions: sessionmaker[Session], trigger: str, target: str) -> int:
    with sessions.begin() as session:
        run = IngestRunRow(trigger=trigger, target=target[:2000], started=utcnow())
        session.add(run)
        session.flush()
        return run.id


def _finish_run(sessions: sessionmaker[Session], report: RunReport) -> None:
    with sessions.begin() as session:
        run = session.get(IngestRunRow, report.run_id)
        if run is None:
            return
        run.finished = utcnow()
        run.new, run.changed, run.unchanged = report.new, report.changed, report.unchanged
        run.failed, run.events = report.failed, report.events
        run.errors = [{"source": f.source, "reason": f.reason} for f in report.failures]
