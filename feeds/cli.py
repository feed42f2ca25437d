"""The `stdcal` command: serve, ingest, reextract, read, extract, db upgrade."""

from __future__ import annotations

import functools
import json
import logging
import os
import sys
from pathlib import Path
from typing import Any

import click

from events.ingest import RunReport, ingest_paths, reextract_all
from events.store.db import upgrade
from feeds.config import Settings
from feeds.progress import ProgressDisplay
from feeds.runtime import Runtime, configured_sources, prepare


def _runtime() -> Runtime:
    runtime = Runtime.open(Settings.from_env())
    upgrade(runtime.engine)
    return runtime


def _warm(runtime: Runtime) -> None:
    """Render the calendars' changed chunks now, not in the next subscriber's request."""
    from feeds.warmup import warm_calendars

    report = warm_calendars(runtime)
    click.echo(f"calendars: {report.rendered} event chunks rendered in {report.seconds:.1f} s")


def _print_report(report: RunReport) -> None:
    click.echo(report.summary())
    for failure in report.failures:
        click.echo(f"  failed: {failure.source}: {failure.reason}")


@click.group()
def main() -> None:
    """stdcal: calendars and feeds of standardization events."""


@main.command()
@click.argument("targets", nargs=-1)
def ingest(targets: tuple[str, ...]) -> None:
    """Read, extract and store articles (files or directories; default: the seeds)."""
    runtime = _runtime()
    paths = [Path(t) for t in targets] or [runtime.settings.seeds_dir]
    with ProgressDisplay(sys.stderr) as progress:  # a bar on a terminal, else one line a file
        report = ingest_paths(
            runtime.sessions,
            paths,
            trigger="cli",
            max_bytes=runtime.settings.max_article_bytes,
            max_events=runtime.settings.max_events_per_article,
            progress=progress,
        )
    _print_report(report)
    _warm(runtime)
    sys.exit(1 if report.failed and not (report.new or report.changed or report.unchanged) else 0)


@main.command()
def reextract() -> None:
    """Run reading and extraction again over every stored raw article."""
    runtime = _runtime()
    with ProgressDisplay(sys.stderr) as progress:
        report = reextract_all(
            runtime.sessions,
            max_events=runtime.settings.max_events_per_article,
            progress=progress,
        )
    _print_report(report)
    _warm(runtime)


@main.command("read")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="print the cleaned record as JSON")
def read_cmd(path: str, as_json: bool) -> None:
    """Show what the extractor will see for PATH."""
    from events.read import article_to_json, read_path

    record = article_to_json(read_path(path))
    if as_json:
        click.echo(json.dumps(record, ensure_ascii=False, indent=2))
    else:
        click.echo(f"{record['title']}\n{record.get('published')}\n\n{record['body']}")


@main.command("extract")
@click.argument("paths", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="print a JSON array, one object per input")
def extract_cmd(paths: tuple[str, ...], as_json: bool) -> None:
    """Extract events from files without touching the store. A file that cannot be read is
    reported on stderr and left out; the others are still printed, and the exit status is 1."""
    from events.errors import StdcalError
    from events.extract import event_to_json, extract
    from events.read import read_path

    results: list[dict[str, Any]] = []
    failed = 0
    for path in paths:
        try:
            article = read_path(path)
        except (StdcalError, OSError) as exc:
            click.echo(f"error: {exc}", err=True)
            failed += 1
            continue
        published = article.published.isoformat() if article.published else None
        results.append(
            {
                "source": path,
                "title": article.title,
                "published": published,
                "language": article.language.value,
                "url": article.url,
                "events": [event_to_json(e) for e in extract(article)],
            }
        )
    if as_json:
        click.echo(json.dumps(results, ensure_ascii=False, indent=2))
    else:
        for result in results:
            click.echo(f"{result['source']}: {result['title']}")
            for event in result["events"]:
                click.echo(f"  {event['start']}..{event['end']} {event['kind']}: {event['title']}")
    if failed:
        sys.exit(1)


@main.command("export")
@click.argument("directory", type=click.Path(file_okay=False))
def export_cmd(directory: str) -> None:
    """Write the public site (calendars, feeds, pages, embed assets) as static files."""
    from feeds.app import create_app
    from feeds.export import export_site

    app = create_app(Settings.from_env())
    report = export_site(app, Path(directory))
    click.echo(f"{report.files} files, {report.bytes} bytes written to {directory}")
    for item in report.skipped:
        click.echo(f"  skipped {item}")


@main.group()
def db() -> None:
    """Database schema commands."""


@db.command("upgrade")
def db_upgrade() -> None:
    """Apply every pending migration (never drops data)."""
    _runtime()
    click.echo("database is up to date")


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--workers", default=3, show_default=True, type=int)
@click.option("--dev", is_flag=True, help="use Flask's development server")
def serve(host: str, port: int, workers: int, dev: bool) -> None:
    """Run the service (gunicorn) and the scheduler, each in its own child process, ingesting
    the seeds on first start."""
    from feeds.supervisor import Supervisor

    settings = Settings.from_env()
    runtime = Runtime.open(settings)
    report = prepare(runtime)
    runtime.engine.dispose()  # the children open their own; this process keeps no connection
    if report is not None:
        _print_report(report)
    web = [sys.executable, "-m", "feeds.server", "--host", host, "--port", str(port)]
    web += ["--dev"] if dev else ["--workers", str(workers)]
    scheduler = [sys.executable, "-m", "feeds.cli", "scheduler"] if settings.scheduler else None
    say = functools.partial(click.echo, err=True)
    sys.exit(Supervisor(web, scheduler, say).run())


@main.command("scheduler")
def scheduler_cmd() -> None:
    """Run only the source scheduler (`stdcal serve` runs this as its child process)."""
    import signal
    import threading

    from feeds.scheduler import SourceScheduler

    settings = Settings.from_env()
    startup = Runtime.open(settings)
    prepare(startup)
    startup.engine.dispose()
    scheduler = SourceScheduler(Runtime.open(settings), configured_sources(settings))
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    scheduler.start()
    try:
        stop.wait()
    except KeyboardInterrupt:
        pass
    finally:
        scheduler.shutdown()
    # A run in progress is not waited for: each article is its own transaction (see
    # tests/reliability/test_crash.py), so stopping mid-run loses nothing, and a supervisor's
    # stop is not held up by a slow source.
    logging.shutdown()
    os._exit(0)


@main.command("sources")
def sources_cmd() -> None:
    """List the configured sources with their last run."""
    from events.store.queries import source_statuses

    runtime = _runtime()
    with runtime.sessions() as session:
        states = {s.name: s for s in source_statuses(session)}
    for source in configured_sources(runtime.settings):
        state = states.get(source.name)
        last = (
            f"{state.last_run:%Y-%m-%d %H:%M} {state.result}"
            if state and state.last_run
            else "never run"
        )
        click.echo(
            f"{source.name}\t{source.type}\t{source.location}\t"
            f"every {source.interval_minutes} min\t{last}"
        )


@main.command("run-source")
@click.argument("name")
def run_source_cmd(name: str) -> None:
    """Run one source now."""
    from events.refresh import run_source

    runtime = _runtime()
    sources = {s.name: s for s in configured_sources(runtime.settings)}
    if name not in sources:
        raise click.BadParameter(f"unknown source {name!r}; configured: {', '.join(sources)}")
    outcome = run_source(
        runtime.sessions,
        sources[name],
        max_bytes=runtime.settings.max_article_bytes,
        max_events=runtime.settings.max_events_per_article,
    )
    if outcome.report is not None:
        _print_report(outcome.report)
        _warm(runtime)
    click.echo(f"{name}: {outcome.result}" + (f" ({outcome.error})" if outcome.error else ""))
    sys.exit(0 if outcome.result != "failed" else 1)


@main.command("edit")
@click.argument("event_id", type=int)
@click.option("--year", type=int, help="the year of an event extracted without one")
@click.option("--start", help="first day, YYYY-MM-DD")
@click.option("--end", help="last day (inclusive), YYYY-MM-DD")
@click.option("--time", "time_", help="start time, HH:MM (Asia/Shanghai)")
@click.option("--title")
@click.option("--city")
@click.option("--kind", help="observance, conference, forum, activity-week, ...")
@click.option("--hide", "visibility", flag_value="hide", help="withdraw a false event")
@click.option("--unhide", "visibility", flag_value="unhide", help="publish a hidden event again")
@click.option("--merge-into", type=int, help="merge this event into another one")
def edit_cmd(event_id: int, visibility: str | None, merge_into: int | None, **fields: Any) -> None:
    """Correct an event as an editor would on /review; the correction survives re-extraction."""
    import datetime as dt

    from events.errors import StoreError
    from events.extract import event_to_json
    from events.store.queries import get_event
    from events.store.writer import add_correction

    values = {name.rstrip("_"): v for name, v in fields.items() if v is not None}
    steps: list[tuple[str, int | None]] = [("edit", None)] if values else []
    steps += [(visibility, None)] if visibility else []
    steps += [("merge", merge_into)] if merge_into is not None else []
    if not steps:
        raise click.UsageError("give a field to change, --hide, --unhide or --merge-into")
    runtime = _runtime()
    try:
        with runtime.sessions.begin() as session:
            for action, target in steps:
                add_correction(
                    session,
                    event_id,
                    action,
                    values=values,
                    merge_into=target,
                    author="cli",
                    now=dt.datetime.now(dt.UTC),
                )
    except StoreError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    with runtime.sessions() as session:
        item = get_event(session, event_id)
    assert item is not None
    record = event_to_json(item.event) | {"id": item.id, "status": item.status.value}
    click.echo(json.dumps(record | {"sequence": item.sequence}, ensure_ascii=False, indent=2))


if __name__ == "__main__":  # `python -m feeds.cli`: how `stdcal serve` starts its scheduler
    main()
