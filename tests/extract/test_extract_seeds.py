"""The five sample articles yield exactly the events a careful human reads out of them
(seeds-expected.json): the acceptance test of extraction as a whole."""

from __future__ import annotations

import json
from typing import Any

import pytest
from support import SEEDS, SEEDS_EXPECTED

from events.extract import event_to_json, extract
from events.read import read_path

EXPECTED_FILE = SEEDS_EXPECTED
FIELDS = ("title", "start", "end", "kind", "city", "organisers", "time", "all_day")


def _expected() -> list[dict[str, Any]]:
    articles: list[dict[str, Any]] = json.loads(EXPECTED_FILE.read_text("utf-8"))["articles"]
    return articles


EXPECTED = _expected()
IDS = [a["file"][:3] for a in EXPECTED]


def _extracted(file: str) -> dict[tuple[str, str], dict[str, Any]]:
    events = [event_to_json(e) for e in extract(read_path(SEEDS / file))]
    by_key = {(e["kind"], e["start"]): e for e in events}
    assert len(by_key) == len(events), f"two events share kind and start: {events}"
    return by_key


def test_every_seed_file_has_an_expectation() -> None:
    assert sorted(p.name for p in SEEDS.glob("*.txt")) == sorted(a["file"] for a in EXPECTED)


@pytest.mark.parametrize("expected", EXPECTED, ids=IDS)
def test_seed_reports_exactly_the_expected_events(expected: dict[str, Any]) -> None:
    found = _extracted(expected["file"])
    wanted = {(e["kind"], e["start"]) for e in expected["events"]}
    assert set(found) == wanted


@pytest.mark.parametrize("expected", EXPECTED, ids=IDS)
@pytest.mark.parametrize("field", FIELDS)
def test_seed_event_fields(expected: dict[str, Any], field: str) -> None:
    found = _extracted(expected["file"])
    for event in expected["events"]:
        key = (event["kind"], event["start"])
        assert key in found, f"missing {key}"
        assert found[key][field] == event[field], key


@pytest.mark.parametrize("expected", EXPECTED, ids=IDS)
def test_seed_evidence_is_a_sentence_of_the_body(expected: dict[str, Any]) -> None:
    source = read_path(SEEDS / expected["file"])
    for event in extract(source):
        assert event.evidence
        assert event.evidence in source.body
        assert 0.0 <= event.confidence <= 1.0
