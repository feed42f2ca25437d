"""Bytes to text: declared charsets first, detection when they are missing or wrong.

Saved government pages arrive in UTF-8, GB18030/GBK, Big5 or UTF-16, often with a declared
charset that lies. A declaration is trusted only if the bytes decode under it without error;
otherwise charset-normalizer guesses. Undecodable bytes are replaced and counted, never fatal,
so one damaged page cannot stop an ingest run.
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer

from events.model import DecodeReport

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
_META_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?([\w.:-]+)", re.I)
# Declared names that are subsets of a wider codec: decode with the superset.
_SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "cp936": "gb18030",
    "big5": "big5hkscs",
    "big5-hkscs": "big5hkscs",
    "cp950": "big5hkscs",
    "ascii": "utf-8",
    "us-ascii": "utf-8",
    "iso-8859-1": "cp1252",
    "latin-1": "cp1252",
}
_DETECT_WINDOW = 64 * 1024
# Detector names of the Chinese codecs our sources use, and how much more "chaos" than the
# detector's first guess we accept to read the bytes with one of them.
_CHINESE = frozenset({"gb18030", "gbk", "gb2312", "big5", "big5hkscs", "cp950"})
_CHINESE_MARGIN = 0.1


def _codec(name: str) -> str | None:
    """The Python codec for a declared charset name, or ``None`` when it is unknown."""
    lowered = name.strip().lower()
    lowered = _SUPERSETS.get(lowered, lowered)
    try:
        return codecs.lookup(lowered).name
    except LookupError:
        return None


def _strict(raw: bytes, codec: str) -> str | None:
    try:
        return raw.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _replaced(raw: bytes, codec: str) -> tuple[str, int]:
    text = raw.decode(codec, errors="replace")
    return text, text.count("\ufffd")


_SINGLE_BYTE = {"cp1252", "latin-1", "iso8859-1", "iso8859-15", "ascii", "mac-roman"}


def _mostly_high(raw: bytes) -> bool:
    """More than a fifth of the non-space bytes above 0x7F: CJK or UTF-8, not Western text."""
    sample = raw[:_DETECT_WINDOW]
    visible = sum(1 for b in sample if b > 0x20)
    return visible > 0 and sum(1 for b in sample if b > 0x7F) * 5 > visible


def _detect(raw: bytes) -> str | None:
    """The detector's guess, preferring a Chinese codec that reads the bytes (almost) as well.

    A short GBK or Big5 run inside mostly-ASCII text reads just as cleanly as Korean or
    Japanese, and the detector may rank those first; our sources are Chinese pages.
    """
    matches = list(charset_normalizer.from_bytes(raw[:_DETECT_WINDOW]))
    if not matches:
        return None
    best = matches[0]
    for match in matches:
        if match.encoding in _CHINESE and match.chaos <= best.chaos + _CHINESE_MARGIN:
            return match.encoding
    return best.encoding


def _declared(raw: bytes, content_type: str | None) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    if content_type:
        match = _HEADER_CHARSET.search(content_type)
        if match:
            found.append((match.group(1), "http-header"))
    meta = _META_CHARSET.search(raw[:4096])
    if meta:
        found.append((meta.group(1).decode("ascii", "replace"), "meta"))
    return found


def decode(raw: bytes, content_type: str | None = None) -> tuple[str, DecodeReport]:
    """Decode ``raw``; the report says which rule chose the encoding and what was replaced."""
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            text, replaced = _replaced(raw, codec)
            return text, DecodeReport(codec, "bom", replaced)
    for name, method in _declared(raw, content_type):
        declared = _codec(name)
        if declared is None:
            continue
        if declared in _SINGLE_BYTE and _mostly_high(raw):
            continue  # any bytes "decode" as Latin-1: a page of high bytes is not Western text
        text_or_none = _strict(raw, declared)
        if text_or_none is not None:
            return text_or_none, DecodeReport(declared, method)
    as_utf8 = _strict(raw, "utf-8")
    if as_utf8 is not None:
        return as_utf8, DecodeReport("utf-8", "utf-8")
    guess = _detect(raw)
    if guess is not None:
        detected = _codec(guess) or "utf-8"
        text, replaced = _replaced(raw, detected)
        return text, DecodeReport(detected, "detected", replaced)
    text, replaced = _replaced(raw, "utf-8")
    return text, DecodeReport("utf-8", "fallback", replaced)
