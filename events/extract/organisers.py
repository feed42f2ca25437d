"""Who organises an event, from ``由…主办``, ``主办单位:``, ``…于…召开`` and ``hosted by``.

Principal organisers (主办, organized/co-hosted by) are preferred over those who carry the
event out (承办, hosted by); a list is kept only if each item looks like an organisation.
Common abbreviations of government bodies are written out, so one body has one spelling.
"""

from __future__ import annotations

import re

from events.extract.lexicon import alternation, both_scripts
from events.script import to_hant

_ORG_SUFFIX = tuple(
    both_scripts(
        (
            "局", "委", "委员会", "办公室", "政府", "院", "所", "中心", "协会", "学会", "联盟",
            "集团", "公司", "大学", "学院", "部", "厅", "组织", "联合会", "商会", "基金会", "小组",
            "办", "署", "总局", "工作组", "研究会", "促进会", "标委会", "网", "报社",
        )
    )
)  # fmt: skip
_SPLIT_ZH = re.compile(r"、|,|,|和|与|與|及|以及|联合|聯合|共同")
_PRIMARY_ZH = re.compile(
    r"由([^,,。;;]{2,120}?)(?:联合|聯合|共同)?(?:主办|主辦)|"
    r"(?:主办|主辦)(?:单位|單位|方)\s*(?:为|為|是|:|:)\s*([^。;;\n]{2,120})"
)
_SECONDARY_ZH = re.compile(
    r"由([^,,。;;]{2,120}?)(?:承办|承辦|协办|協辦)|"
    r"(?:承办|承辦)(?:单位|單位|方)\s*(?:为|為|是|:|:)\s*([^。;;\n]{2,120})"
)
_EN_BY = re.compile(
    r"\b(co-hosted|jointly hosted|jointly organi[sz]ed|organi[sz]ed|sponsored|hosted"
    r"|co-organi[sz]ed|undertaken|supported)\s+by\s+(.+?)(?=,?\s+and\s+(?:is\s+|was\s+)?(?:co-)?(?:hosted|organi[sz]ed"
    r"|sponsored|undertaken|supported)\b|[.;]|,\s+with\b|$)",
    re.I,
)
_EN_RANK = {"co-hosted": 1, "jointly hosted": 1, "sponsored": 1, "hosted": 2, "undertaken": 3}
_EN_SPLIT = re.compile(r",\s*(?:and\s+)?", re.I)
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9/-]{1,9}$")
_ALIASES_ZH = (
    ("市场监管总局", "国家市场监督管理总局"),
    ("市场监管委", "市场监督管理委员会"),
    ("市场监管局", "市场监督管理局"),
    ("国标委", "国家标准化管理委员会"),
)
_ALIASES_BOTH = [
    pair for short, full in _ALIASES_ZH for pair in ((short, full), (to_hant(short), to_hant(full)))
]
ALIASES_EN = {
    "general administration of market regulation": "State Administration for Market Regulation",
    "state administration of market regulation": "State Administration for Market Regulation",
    "samr": "State Administration for Market Regulation",
    "standardization administration of the p.r.c": "Standardization Administration of China",
    "standardization administration of the p.r.c.": "Standardization Administration of China",
    "standardization administration of the people's republic of china": (
        "Standardization Administration of China"
    ),
    "sac": "Standardization Administration of China",
}


def _rank_en(verb: str) -> int:
    verb = verb.lower()
    if verb.startswith(("organi", "jointly")):
        return 1
    if verb.startswith(("co-organi", "supported")):
        return 3
    return _EN_RANK.get(verb, 2)


def expand(name: str, city_zh: str | None) -> str:
    """``市市场监管委`` in a Tianjin notice → ``天津市市场监督管理委员会``."""
    for short, full in _ALIASES_BOTH:
        if name.endswith(short) and not name.endswith(full):
            name = name[: -len(short)] + full
    if city_zh and name.startswith("市") and len(name) > 2:
        name = city_zh + name
    return name


def is_organisation(name: str) -> bool:
    return 3 <= len(name) <= 40 and name.endswith(_ORG_SUFFIX)


def _zh_list(text: str, city_zh: str | None) -> list[str]:
    items = [expand(i.strip(), city_zh) for i in _SPLIT_ZH.split(text) if i.strip()]
    return items if items and all(is_organisation(i) for i in items) else []


def zh_organisers(text: str, city_zh: str | None) -> list[str]:
    for pattern in (_PRIMARY_ZH, _SECONDARY_ZH):
        for m in pattern.finditer(text):
            found = _zh_list(m.group(1) or m.group(2), city_zh)
            if found:
                return found
    return []


def subject_organisers(clause: str, city_zh: str | None) -> list[str]:
    """The subject of ``A、B于10月15日…召开``: the text of the clause before ``于``."""
    return _zh_list(clause, city_zh)


def _split_and(text: str) -> list[str]:
    """``ISO and IEC`` and ``the A and the B`` are two bodies; ``Ministry of Agriculture and
    Rural Affairs`` is one."""
    pieces = re.split(r"\s+and\s+", text)
    out = [pieces[0]]
    for piece in pieces[1:]:
        separate = piece.lower().startswith("the ") or (
            bool(_ACRONYM.match(piece.split()[0] if piece.split() else ""))
            or bool(_ACRONYM.match(out[-1].split()[-1] if out[-1].split() else ""))
        )
        if separate:
            out.append(piece)
        else:
            out[-1] = f"{out[-1]} and {piece}"
    return out


def en_organisers(text: str) -> list[str]:
    best: tuple[int, list[str]] | None = None
    for m in _EN_BY.finditer(text):
        pieces = [p for part in _EN_SPLIT.split(m.group(2)) for p in _split_and(part)]
        items = [re.sub(r"^the\s+", "", i.strip(), flags=re.I) for i in pieces]
        items = [ALIASES_EN.get(i.casefold().rstrip("."), i) for i in items if len(i) > 2]
        if not items or not all(i[:1].isupper() for i in items):
            continue
        rank = _rank_en(m.group(1))
        if best is None or rank < best[0]:
            best = (rank, items)
    return best[1] if best else []


SUBJECT_VERBS = alternation(("组织召开", "召开", "举办", "举行", "主办", "开展", "启动", "组织"))
