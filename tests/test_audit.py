"""The offline audit (.ci/audit.py) finds pinned versions inside advisory ranges, and says
so by its exit status: 1 affected, 2 snapshot incomplete for a pin, 0 clean."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / ".ci" / "audit.py"
SNAPSHOT = ROOT / ".ci" / "advisories.json"
CONSTRAINTS = ROOT / "constraints.txt"


def load_audit() -> ModuleType:
    spec = importlib.util.spec_from_file_location("ci_audit", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


audit = load_audit()


def run(tmp_path: Path, pins: str, snapshot: Path = SNAPSHOT) -> int:
    constraints = tmp_path / "constraints.txt"
    constraints.write_text(pins, encoding="utf-8")
    status: int = audit.main([str(constraints), "--snapshot", str(snapshot)])
    return status


def test_snapshot_records_are_well_formed() -> None:
    snapshot = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    checked = set(snapshot["packages_checked"])
    assert snapshot["advisories"]
    for adv in snapshot["advisories"]:
        assert adv["package"] == canonicalize_name(adv["package"]) and adv["package"] in checked
        assert adv["id"] and len(adv["summary"]) <= 200 and adv["ranges"]
        for r in adv["ranges"]:
            assert set(r) == {"introduced", "fixed", "last_affected"}
            for bound in r.values():
                if bound is not None:
                    Version(bound)  # every bound is a PEP 440 version


def test_real_constraints_status_matches_findings(capsys: pytest.CaptureFixture[str]) -> None:
    pins = audit.read_pins(CONSTRAINTS)
    snapshot = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    assert set(pins) <= set(snapshot["packages_checked"]), "snapshot misses pinned packages"
    findings, missing = audit.audit(pins, snapshot)
    assert missing == []

    status = audit.main([str(CONSTRAINTS), "--snapshot", str(SNAPSHOT)])
    out = capsys.readouterr().out
    assert status == (1 if findings else 0)
    assert f"packages checked:       {len(pins)}" in out
    assert f"advisories in snapshot: {len(snapshot['advisories'])}" in out
    assert snapshot["snapshot"] in out
    for line in findings:
        assert f"VULNERABLE {line}" in out


@pytest.mark.parametrize(
    ("pin", "affected"),
    [("2.2.4", True), ("2.3.1", True), ("2.2.5", False), ("2.3.2", False), ("2.3.3", False)],
)
def test_flask_session_cookie_advisory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], pin: str, affected: bool
) -> None:
    status = run(tmp_path, f"Flask=={pin}\n")
    out = capsys.readouterr().out
    assert status == (1 if affected else 0)
    assert ("PYSEC-2023-62 (CVE-2023-30861" in out) is affected
    if affected:
        assert f"flask {pin}: PYSEC-2023-62" in out and "fixed in" in out


SMALL_SNAPSHOT: dict[str, Any] = {
    "source": "test records",
    "snapshot": "2026-01-01",
    "packages_checked": ["demo-pkg", "listed-only", "clean"],
    "advisories": [
        {
            "id": "TEST-LAST",
            "aliases": ["CVE-0000-0001"],
            "package": "demo-pkg",
            "summary": "last_affected bound",
            "ranges": [{"introduced": "1.0", "fixed": None, "last_affected": "1.4"}],
        },
        {
            "id": "TEST-LIST",
            "aliases": [],
            "package": "listed-only",
            "summary": "explicit versions only",
            "ranges": [],
            "versions": ["2.0.0", "2.1"],
        },
    ],
}


@pytest.mark.parametrize(
    ("pins", "expected"),
    [
        ("Demo_Pkg==1.4\n", "TEST-LAST"),  # PEP 503 name, last_affected is inclusive
        ("demo.pkg==1.0\n", "TEST-LAST"),  # introduced is inclusive
        ("demo-pkg==1.4.1\n", None),
        ("demo-pkg==0.9\n", None),
        ("listed-only==2.1.0\n", "TEST-LIST"),  # PEP 440 equality with "2.1"
        ("listed-only==2.0.0\n", "TEST-LIST"),
        ("listed-only==2.0.1\n", None),
        ("clean==9.9\n", None),
    ],
)
def test_last_affected_and_versions_list(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], pins: str, expected: str | None
) -> None:
    snapshot = tmp_path / "advisories.json"
    snapshot.write_text(json.dumps(SMALL_SNAPSHOT), encoding="utf-8")
    status = run(tmp_path, pins, snapshot)
    out = capsys.readouterr().out
    assert status == (1 if expected else 0)
    assert "VULNERABLE" in out if expected else "VULNERABLE" not in out
    if expected:
        assert expected in out


def test_package_never_looked_up_is_status_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(tmp_path, "flask==3.1.3\nnever-looked-up==1.0\n") == 2
    assert "NOT IN SNAPSHOT (never looked up): never-looked-up==1.0" in capsys.readouterr().out


def test_finding_outranks_incomplete_snapshot(tmp_path: Path) -> None:
    assert run(tmp_path, "flask==2.2.4\nnever-looked-up==1.0\n") == 1
