"""Path and query values parsed into their domain before anything reaches the store.

Python's integers are unbounded, the store's are not (the id columns are PostgreSQL
``integer``, 32 bits; SQLite's are 64): an id past the largest the store can hold is simply
not found (404), never an overflow in the driver or the database (500). Text
goes to the store as a bound parameter, but PostgreSQL refuses a NUL character in any text,
so a request carrying one is refused at the door with a 400 naming the parameter.
"""

from __future__ import annotations

from flask import Flask, request
from werkzeug.routing import IntegerConverter, Map

from feeds.filters import BadParameter

MAX_ID = 2**31 - 1  # PostgreSQL's integer, the id columns' type; SQLite's reach further


class StoreIdConverter(IntegerConverter):
    """``<int:...>`` in every route: digits only, 0 to MAX_ID; anything else does not match."""

    def __init__(self, url_map: Map, fixed_digits: int = 0, min: int = 0, max: int = MAX_ID):
        super().__init__(url_map, fixed_digits=fixed_digits, min=min, max=max)


def parse_whole(name: str, value: str, low: int, high: int) -> int:
    """A whole number from ``low`` to ``high`` written in ASCII digits ('²' is a digit to
    str.isdigit, and int() refuses it)."""
    if not (value.isascii() and value.isdigit()) or not low <= int(value) <= high:
        raise BadParameter(name, value, f"a whole number from {low} to {high}")
    return int(value)


def install_converters(app: Flask) -> None:
    """Before the blueprints register: their rules take the converters in place then."""
    app.url_map.converters["int"] = StoreIdConverter


def register(app: Flask) -> None:
    @app.before_request
    def _no_nul() -> None:
        for name, value in request.args.items(multi=True):
            if "\x00" in name or "\x00" in value:
                raise BadParameter(name.replace("\x00", "\\0"), value, "text without NUL")
        if "\x00" in request.path:
            raise BadParameter("path", request.path, "a path without NUL")
