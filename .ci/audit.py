"""Offline vulnerability audit of the locked dependency set (constraints.txt).

Why this exists: pip-audit asks PyPI's JSON API or OSV for advisories at run time,
and the CI machine reaches only the package registries (PyPI's per-version JSON
API answers 404 there and OSV is unreachable), so pip-audit cannot work on it.
This script checks every pin against a committed snapshot of the PyPA advisory
database (OSV records, .ci/advisories.json) instead. "Known vulnerability" thus
means "known to the snapshot": its date bounds what is known, and the snapshot
must be refreshed to learn of anything newer. `make audit` still runs live
pip-audit wherever the network allows it.

Exit status: 1 when a pinned version is affected; otherwise 2 when a pinned
package was never looked up for the snapshot (it is incomplete, so silence
about that package would mean nothing); otherwise 0.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

DEFAULT_SNAPSHOT = Path(__file__).with_name("advisories.json")
Advisory = dict[str, Any]
Range = dict[str, str | None]


def read_pins(path: Path) -> dict[str, str]:
    """PEP 503 name -> pinned version, from `name==version` lines."""
    pins: dict[str, str] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].split(";", 1)[0].strip()
        if not line:
            continue
        name, sep, version = line.partition("==")
        if not sep:
            raise SystemExit(f"{path}: not a name==version pin: {raw!r}")
        pins[canonicalize_name(name.split("[", 1)[0].strip())] = version.strip()
    return pins


def matching_ranges(version: Version, advisory: Advisory) -> list[Range]:
    """The advisory's ranges that contain `version` ("0" introduced = from the start)."""
    hits: list[Range] = []
    for r in advisory.get("ranges", []):
        introduced = r.get("introduced") or "0"
        if introduced != "0" and version < Version(introduced):
            continue
        if r.get("fixed"):
            inside = version < Version(r["fixed"])
        elif r.get("last_affected"):
            inside = version <= Version(r["last_affected"])
        else:
            inside = True  # no upper bound: no release fixes it
        if inside:
            hits.append(r)
    return hits


def listed(version: Version, advisory: Advisory) -> bool:
    """True when the explicit `versions` list names `version` (PEP 440 equality)."""
    for v in advisory.get("versions", []):
        try:
            if Version(v) == version:
                return True
        except InvalidVersion:
            if v == str(version):
                return True
    return False


def describe(name: str, pinned: str, adv: Advisory, hits: list[Range]) -> str:
    ranges = hits or adv.get("ranges", [])
    fixes = sorted({fixed for r in ranges if (fixed := r.get("fixed"))}, key=Version)
    aliases = ", ".join(adv.get("aliases", []))
    fix = f"fixed in {', '.join(fixes)}" if fixes else "no fixed version recorded"
    return f"{name} {pinned}: {adv['id']}{f' ({aliases})' if aliases else ''} {fix}"


def audit(pins: dict[str, str], snapshot: dict[str, Any]) -> tuple[list[str], list[str]]:
    """(findings, pinned packages the snapshot never looked up)."""
    checked = {canonicalize_name(n) for n in snapshot["packages_checked"]}
    missing = sorted(name for name in pins if name not in checked)
    findings = []
    for name, pinned in sorted(pins.items()):
        version = Version(pinned)
        for adv in snapshot["advisories"]:
            if canonicalize_name(adv["package"]) != name:
                continue
            hits = matching_ranges(version, adv)
            if hits or listed(version, adv):
                findings.append(describe(name, pinned, adv, hits))
    return findings, missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("constraints", nargs="?", default="constraints.txt", type=Path)
    parser.add_argument("--snapshot", default=DEFAULT_SNAPSHOT, type=Path)
    args = parser.parse_args(argv)
    pins = read_pins(args.constraints)
    snapshot = json.loads(args.snapshot.read_text(encoding="utf-8"))
    findings, missing = audit(pins, snapshot)

    print(f"Offline audit of {args.constraints} against {snapshot['source']}")
    print(f"  snapshot date:          {snapshot['snapshot']} (known = recorded in this snapshot)")
    print(f"  packages pinned:        {len(pins)}")
    print(f"  packages checked:       {len(pins) - len(missing)}")
    print(f"  advisories in snapshot: {len(snapshot['advisories'])}")
    if snapshot.get("origin"):
        print(f"  data from:              {snapshot['origin']}")
    for name in missing:
        print(f"NOT IN SNAPSHOT (never looked up): {name}=={pins[name]}")
    for line in findings:
        print(f"VULNERABLE {line}")
    print(f"{len(findings)} finding(s), {len(missing)} package(s) not covered by the snapshot")
    if findings:
        return 1
    return 2 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
