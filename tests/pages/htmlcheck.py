"""A small HTML5 well-formedness check for our own pages: a doctype, one ``<html lang>``,
every non-void element closed in order, no duplicate ids, ``datetime`` values that parse."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}  # fmt: skip
YEARLESS = re.compile(r"^--\d\d-\d\d$")


class _Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.ids: set[str] = set()
        self.problems: list[str] = []
        self.doctype = False
        self.lang: str | None = None

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl.lower() == "doctype html"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "html":
            self.lang = values.get("lang")
        if (ident := values.get("id")) is not None:
            if ident in self.ids:
                self.problems.append(f"duplicate id {ident}")
            self.ids.add(ident)
        if tag == "time" and (when := values.get("datetime")):
            _check_datetime(when, self.problems)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            self.problems.append(f"end tag for void element {tag}")
        elif not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:]}")
        else:
            self.stack.pop()


def _check_datetime(value: str, problems: list[str]) -> None:
    if YEARLESS.match(value):
        return
    try:
        dt.datetime.fromisoformat(value)
    except ValueError:
        problems.append(f"bad datetime {value!r}")


def html_problems(page: str) -> list[str]:
    checker = _Checker()
    checker.feed(page)
    checker.close()
    problems = checker.problems
    if not checker.doctype:
        problems.append("no <!doctype html>")
    if not checker.lang:
        problems.append("no <html lang>")
    if checker.stack:
        problems.append(f"unclosed {checker.stack}")
    return problems
