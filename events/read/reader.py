"""Bytes to a clean :class:`~events.model.Article`: decode, clean, separate, find metadata.

This is the single entry point of reading; ingest, the CLI and the scheduler all call
:func:`read_bytes`, so an article is read the same way wherever it comes from.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from events.errors import ReadError
from events.model import Article, Language, Published
from events.read import metadata as meta_rules
from events.read.clean import clean_text
from events.read.decode import decode
from events.read.html import PageMeta, looks_like_html, read_html, stated_address
from events.read.parts import Segmented, segment
from events.read.publine import PublicationLine, on_event_card, publication_line
from events.read.sidecar import load_sidecar
from events.script import detect_language

DEFAULT_MAX_BYTES = 20_000_000
_LANGUAGES = {lang.value.lower(): lang for lang in Language} | {
    "zh-cn": Language.HANS,
    "zh-sg": Language.HANS,
    "zh-tw": Language.HANT,
    "zh-hk": Language.HANT,
    "zh-mo": Language.HANT,
}


def _language(value: object) -> Language | None:
    return _LANGUAGES.get(str(value).strip().lower()) if value else None


def read_path(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Read a file, with its ``NAME.meta.json`` sidecar when there is one."""
    file = Path(path)
    try:
        size = file.stat().st_size
        if size > max_bytes:
            raise ReadError(str(path), f"{size} bytes is over the limit of {max_bytes}")
        raw = file.read_bytes()
    except OSError as exc:
        raise ReadError(str(path), f"cannot read file: {exc.strerror or exc}") from exc
    return read_bytes(raw, str(path), sidecar=load_sidecar(file), max_bytes=max_bytes)


def read_bytes(
    raw: bytes,
    source: str,
    *,
    content_type: str | None = None,
    sidecar: Mapping[str, Any] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Article:
    """Read one input. Raises :class:`ReadError` only for input that holds no article."""
    if len(raw) > max_bytes:
        raise ReadError(source, f"{len(raw)} bytes is over the limit of {max_bytes}")
    text, report = decode(raw, content_type)
    page = PageMeta()
    is_html = (content_type or "").lower().startswith(("text/html", "application/xhtml"))
    if is_html or looks_like_html(text):
        text, page = read_html(text)
    cleaned, damage = clean_text(text)
    lines = cleaned.split("\n")
    segmented = segment(lines)
    top = publication_line(lines)
    if top is not None and top.bare:
        _move_to_info(segmented, lines[top.index])
    if not segmented.body and not page.title:
        raise ReadError(source, "no article text found")
    report = type(report)(report.encoding, report.method, report.replaced, damage)
    side = dict(sidecar or {})
    info = segmented.parts.get("info", [])
    body_lines = segmented.body
    run = meta_rules.headline_run(body_lines)
    if run:
        body_lines = body_lines[len(run) :]
        headline: str | None = max(run, key=meta_rules.headline_rank)
        others = [x for x in run if x != headline]
        if others:
            segmented.parts.setdefault("chrome", []).extend(others)
    else:
        headline = _page_headline(page)
    body = "\n".join(body_lines)
    lead = body_lines[0] if body_lines else ""
    language = _language(side.get("language")) or detect_language(f"{headline or ''}\n{body}")
    title = str(side.get("title") or "") or (
        meta_rules.clean_title(headline) if headline else meta_rules.title_from_lead(lead, language)
    )
    # an info line among an event's fields (``Date:`` beside ``Location:``) dates the event
    own_info = [x for x in info if x not in lines or not on_event_card(lines, lines.index(x))]
    published, rule = _published(
        side, page, top, own_info, lead, title, segmented.parts, body_lines
    )
    all_lines = [*lines]
    # The page's own statement of its address (canonical link) wins over an address quoted in
    # its text: a reprint's ``原文链接`` line names where the text came from, not this article.
    url = (
        str(side.get("url") or "")
        or stated_address(page, source)
        or meta_rules.source_url(segmented.parts.get("source", []))
        or (source if source.startswith(("http://", "https://")) else None)
    )
    return Article(
        source=source,
        title=title,
        body=body,
        language=language,
        published=published,
        published_rule=rule,
        url=url or meta_rules.source_url(all_lines),
        publisher=str(side.get("publisher") or "")
        or meta_rules.publisher(info, lead)
        or page.site_name,
        city=str(side["city"]) if side.get("city") else None,
        lead=lead,
        parts={k: tuple(v) for k, v in segmented.parts.items()},
        editorial=frozenset(side),
        decode=report,
        content_hash=hashlib.sha256(raw).hexdigest(),
    )


def _move_to_info(segmented: Segmented, line: str) -> None:
    """A publication line read as body (``NEWS | October 18, 2022``) is page furniture."""
    if line in segmented.body:
        segmented.body.remove(line)
        segmented.parts.setdefault("info", []).insert(0, line)


def _page_headline(page: PageMeta) -> str | None:
    for candidate in (page.og_title, *page.h1, page.title):
        if candidate:
            cleaned, _ = clean_text(candidate)
            if cleaned:
                return cleaned.split("\n")[0]
    return None


def _published(
    side: Mapping[str, Any],
    page: PageMeta,
    top: PublicationLine | None,
    info: list[str],
    lead: str,
    title: str,
    parts: Mapping[str, list[str]],
    body_lines: Sequence[str],
) -> tuple[Published | None, str | None]:
    """The first rule that finds a date wins, most explicit first."""
    if side.get("published"):
        value = meta_rules.parse_published(str(side["published"]))
        if value is not None:
            return value, "sidecar"
    if page.published:
        value = meta_rules.parse_published(page.published)
        if value is not None:
            return value, "html-meta"
    if top is not None:
        return top.published, top.rule
    labelled = meta_rules.labelled_date(info)
    if labelled is not None:
        return labelled, "labelled-line"
    dateline = meta_rules.dateline_date(lead, meta_rules.headline_year(title))
    if dateline is not None:
        return dateline, "dateline"
    signature = meta_rules.signature_date(parts.get("signature", []))
    if signature is not None:
        return signature, "signature"
    stamp = meta_rules.wire_stamp(body_lines)
    if stamp is not None:
        return stamp, "wire-stamp"
    return None, None


def article_to_json(article: Article) -> dict[str, Any]:
    """The cleaned record as ``stdcal read --json`` prints it."""
    published = article.published
    return {
        "source": article.source,
        "title": article.title,
        "published": published.isoformat() if published is not None else None,
        "published_rule": article.published_rule,
        "language": article.language.value,
        "url": article.url,
        "publisher": article.publisher,
        "city": article.city,
        "editorial": sorted(article.editorial),
        "decode": None
        if article.decode is None
        else {
            "encoding": article.decode.encoding,
            "method": article.decode.method,
            "replaced": article.decode.replaced,
            "damage": article.decode.damage,
        },
        "lead": article.lead,
        "body": article.body,
        "parts": {k: list(v) for k, v in article.parts.items()},
        "content_hash": article.content_hash,
    }
