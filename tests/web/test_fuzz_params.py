"""Fuzzing every route of the app's URL map: random and boundary values in every path part and
query parameter never make a 5xx, and every answer comes within a second.

Values: integers far past 64 bits and negative ones, the 64-bit boundaries, empty, NUL, very
long text, bytes that are not UTF-8, repeated and unknown parameters. Each route's rule is
filled in with them (its converters say where); the query mixes the parameters the views read
with made-up ones. On SQLite here; on PostgreSQL in the `-m store` pass (`.ci/run`).
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import quote_from_bytes

import pytest
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import HealthCheck, given
from hypothesis import settings as settings_
from hypothesis import strategies as st
from sqlalchemy.engine import Engine
from werkzeug.routing import Rule

from feeds.app import register_blueprints
from feeds.config import Settings

PARAMETERS = ["lang", "script", "tz", "month", "city", "kind", "organiser", "organizer"]
PARAMETERS += ["from", "to", "limit", "page", "q", "id", ""]
BOUNDARY = [0, 1, -1, 2**31 - 1, 2**31, 2**63 - 1, 2**63, 2**64, 10**20, -(2**63) - 1]
SPECIAL = ["", "\x00", "a\x00b", "x" * 5000, "²", "١٢", "9" * 40, "-0", "+1", " 1", "1e3"]
SPECIAL += ["2021-10", "9999-12", "0001-01", "9999-12-31", "0001-01-01", "2021-W41-4"]
SPECIAL += ["zh-Hant", "en", "../../etc/passwd", "America", "Asia/Shanghai", "%", "\ud800"]
PLACEHOLDER = re.compile(r"<(?:(\w+)(?:\([^)]*\))?:)?(\w+)>")


def _routes() -> list[Rule]:
    probe = Flask("feeds.app", template_folder="web/templates")
    register_blueprints(probe)
    return sorted(
        (r for r in probe.url_map.iter_rules() if r.endpoint != "static"), key=lambda r: r.rule
    )


ROUTES = _routes()


def _encoded(value: str | bytes) -> str:
    raw = value if isinstance(value, bytes) else value.encode("utf-8", "surrogatepass")
    return quote_from_bytes(raw, safe="")


integers = st.one_of(
    st.sampled_from(BOUNDARY), st.integers(min_value=-(2**80), max_value=2**80)
).map(str)
values = st.one_of(
    integers,
    st.sampled_from(SPECIAL),
    st.text(max_size=40),
    st.binary(max_size=20),  # mostly not UTF-8
)
names = st.one_of(st.sampled_from(PARAMETERS), st.text(max_size=8))
queries = st.lists(st.tuples(names, values), max_size=6)


def _path(rule: Rule, parts: dict[str, str | bytes]) -> str:
    return PLACEHOLDER.sub(lambda m: _encoded(parts[m.group(2)]), rule.rule)


@pytest.mark.store
@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/events/99999999999999999999", 404),  # past any integer: not found
        ("/events/9223372036854775808", 404),
        ("/events/2147483648", 404),  # past PostgreSQL's integer, the ids' type
        ("/events/99999999999999999999.ics", 404),
        ("/articles/99999999999999999999", 404),
        ("/feeds/atom.xml?page=99999999999999999999", 400),
        ("/feeds/atom.xml?page=999999", 200),  # past the end: an empty page
        ("/feeds/atom.xml?limit=%C2%B2", 400),  # '²' is a digit to str.isdigit
        ("/calendar.ics?city=a%00b", 400),  # PostgreSQL refuses NUL in text
        ("/?month=9999-12", 400),  # the grid would run past the last date
        ("/?month=0001-01", 400),
    ],
)
def test_out_of_range_values_are_4xx(client: FlaskClient, url: str, status: int) -> None:
    assert client.get(url).status_code == status


@pytest.mark.store
@pytest.mark.parametrize("rule", ROUTES, ids=[r.rule for r in ROUTES])
def test_no_value_makes_a_5xx(client: FlaskClient, rule: Rule) -> None:
    arguments = sorted(rule.arguments)
    methods = sorted(m for m in rule.methods or () if m not in {"OPTIONS"})

    @settings_(
        max_examples=40,
        deadline=dt.timedelta(seconds=1),
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        derandomize=True,
    )
    @given(
        parts=st.fixed_dictionaries({name: st.one_of(integers, values) for name in arguments}),
        query=queries,
        method=st.sampled_from(methods),
    )
    def check(
        parts: dict[str, str | bytes], query: list[tuple[str, str | bytes]], method: str
    ) -> None:
        url = _path(rule, parts)
        if query:
            url += "?" + "&".join(f"{_encoded(k)}={_encoded(v)}" for k, v in query)
        response = client.open(url, method=method)
        assert response.status_code < 500, (method, url, response.get_data()[:500])

    check()


FIELDS = ["action", "year", "start", "end", "time", "title", "city", "kind", "merge_into"]
ACTIONS = st.one_of(st.sampled_from(["edit", "hide", "unhide", "merge"]), values)


@pytest.mark.store
def test_no_editor_form_makes_a_5xx(settings: Settings, engine: Engine) -> None:
    """The editor's POST /review/<id> with the token: any form or JSON values, any id."""
    from feeds.app import create_app

    client = create_app(settings.with_overrides(editor_token="t"), engine=engine).test_client()
    editor = {"Authorization": "Bearer t"}

    @settings_(
        max_examples=150,
        deadline=dt.timedelta(seconds=1),
        suppress_health_check=[HealthCheck.too_slow],
        derandomize=True,
    )
    @given(
        event_id=st.one_of(st.sampled_from(["1", "2", "3"]), integers),
        form=st.dictionaries(st.sampled_from(FIELDS), values, max_size=4),
        action=ACTIONS,
        as_json=st.booleans(),
    )
    def check(event_id: str, form: dict[str, str | bytes], action: str, as_json: bool) -> None:
        fields = {k: v.decode("latin-1") if isinstance(v, bytes) else v for k, v in form.items()}
        fields["action"] = action if isinstance(action, str) else action.decode("latin-1")
        fields = {k: v.encode("utf-8", "replace").decode("utf-8") for k, v in fields.items()}
        body = {"json": fields} if as_json else {"data": fields}
        response = client.post(f"/review/{_encoded(event_id)}", headers=editor, **body)
        assert response.status_code < 500, (event_id, fields, response.get_data()[:500])

    check()
