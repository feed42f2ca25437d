"""Text normalization that every reading rule relies on: width, pinyin, damage, whitespace,
letter-spaced lines.

It works on decoded text only; the raw bytes kept in the store are never touched. Every step
is idempotent (cleaning cleaned text changes nothing), which the property tests check.
"""

from __future__ import annotations

import re
import unicodedata

_HAN = "\u3400-\u9fff\uf900-\ufaff"
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü"
# A pinyin syllable: optional initial, a vowel group with at least one letter, optional final.
_SYLLABLE = r"(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?[aeiouv" + _TONED + r"]+(?:ng|n|r)?"
_PINYIN = re.compile(
    rf"(?<=[{_HAN}])\s?[((]\s?((?:{_SYLLABLE})(?:\s?(?:{_SYLLABLE})){{0,2}})\s?[))]"
)
_HAS_TONE = re.compile(f"[{_TONED}]")
_DAMAGE_RUN = re.compile(r"\ufffd+|\?{2,}")
_HAN_CHAR = re.compile(f"[{_HAN}]")
_LINE_START_QUESTION = re.compile(r"^(?:\s*\?)+")
_CONTROL = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
    r"\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]"
)
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_FULLWIDTH_QUESTION = 0xFF1F
_SPACES = re.compile(r"[ \t\u00a0\u3000\u2000-\u200a\u202f\u205f]+")


# ``？`` stays: an ASCII ``?`` beside Han characters is encoding damage (see remove_damage),
# and a real question mark must not become one when the text is cleaned again.
_FOLDED = [code for code in range(0xFF01, 0xFF5F) if code != _FULLWIDTH_QUESTION]
_WIDTH = {code: code - 0xFEE0 for code in _FOLDED} | {0x3000: 0x20}


def fold_width(text: str) -> str:
    """Full-width ASCII (``２０２１``, ``ＩＳＯ``, ``：``) to ASCII; ideographic space to space.

    Only the full-width block is folded (not full NFKC), so CJK punctuation such as ``。`` and
    ``、`` keeps its meaning for sentence splitting; so does ``？``.
    """
    return text.translate(_WIDTH)


def _is_pinyin(match: re.Match[str]) -> bool:
    inner = match.group(1)
    return bool(_HAS_TONE.search(inner)) or (inner.islower() and " " not in inner)


def strip_pinyin(text: str) -> str:
    """Drop ``報(bào)``-style annotations; real brackets such as ``(ISO)`` or ``(記者…)`` stay."""
    return _PINYIN.sub(lambda m: "" if _is_pinyin(m) else m.group(0), text)


def remove_damage(text: str) -> tuple[str, int]:
    """Remove runs of ``?``/U+FFFD that broken encodings leave behind; return the count.

    In a line with Han characters an ASCII ``?`` is damage (Chinese text writes ``？``, which is
    folded only after this step); in other lines only runs, and a ``?`` opening a line, are.
    """
    count = 0
    lines = []
    for line in text.split("\n"):
        if _HAN_CHAR.search(line):
            found = re.findall(r"[?\ufffd]+", line)
            count += len(found)
            line = re.sub(r"[?\ufffd]+", " ", line)
        else:
            found = _DAMAGE_RUN.findall(line)
            count += len(found)
            line = _DAMAGE_RUN.sub(" ", line)
            start = _LINE_START_QUESTION.match(line)
            if start:
                count += 1
                line = line[start.end() :]
        lines.append(line)
    return "\n".join(lines), count


def normalize_newlines(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    return text.replace("\u2029", "\n")


def normalize_space(text: str) -> str:
    """One space between words, no blank lines, no trailing spaces; paragraphs by ``\\n``."""
    text = normalize_newlines(text)
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


_SPACED_PAIR = re.compile(f"(?<=[{_HAN}]) (?=[{_HAN}])")
_SPACED_MIN = 8  # pairs in a line before it counts as letter-spaced


def join_spaced_han(text: str) -> str:
    """``將 於 2014 年 4 月 9 日 到 期``: text taken from a PDF puts a space after every
    character; a line spaced that way throughout is joined again (a space between two Han
    characters is otherwise rare, and a few such pairs are left alone)."""
    lines = []
    for line in text.split("\n"):
        pairs = len(_SPACED_PAIR.findall(line))
        if pairs >= _SPACED_MIN and pairs * 5 >= len(_HAN_CHAR.findall(line)) * 2:
            line = _SPACED_PAIR.sub("", line)
        lines.append(line)
    return "\n".join(lines)


_WRAPPED = re.compile(r"(?<=[A-Za-z0-9,])\n(?=[a-z])")


def join_wrapped(text: str) -> str:
    """``…Round Table meeting`` / ``will take place on Monday 3 November 2014 at the`` on two
    lines: plain text wrapped at a fixed width. A line that ends mid-clause and a next line
    that starts in lower case are one sentence (a title, a menu item or a list item starts in
    upper case)."""
    if "\n" not in text:
        return text
    lines = text.split("\n")
    out = [lines[0]]
    for line in lines[1:]:  # Latin lines only: damage is read per line, by its script
        if _WRAPPED.search(out[-1] + "\n" + line[:1]) and not _HAN_CHAR.search(out[-1] + line):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return "\n".join(out)


def strip_controls(text: str) -> str:
    return _SURROGATE.sub("", _CONTROL.sub("", text))


# ``二O二五年``, ``二○二四年``: a spelled year whose zeros were typed as a letter or a circle
_SPELLED_YEAR = re.compile(r"(?<![〇零一二三四五六七八九O○])[〇零一二三四五六七八九O○]{4}(?=\s*年)")


def spell_zeros(text: str) -> str:
    """The zeros of a spelled year as the numeral 〇, so the year reads as a number."""
    return _SPELLED_YEAR.sub(
        lambda m: (
            m.group(0).replace("O", "〇").replace("○", "〇")
            if re.search("[一二三四五六七八九]", m.group(0))
            else m.group(0)
        ),
        text,
    )


def clean_text(text: str) -> tuple[str, int]:
    """The whole cleaning pipeline; returns the text and how many damage runs it removed.

    The order makes the result a fixed point: controls go before NFC (a zero-width space
    between a letter and its accent would otherwise hide a composition), line breaks are
    unified before damage is found line by line, and spaces are collapsed before pinyin is
    matched, which is repeated because removing one annotation can expose another.
    """
    text = unicodedata.normalize("NFC", fold_width(strip_controls(text)))
    text, damage = remove_damage(normalize_newlines(text))
    text = normalize_space(text)
    stripped = strip_pinyin(text)
    while stripped != text:
        text, stripped = stripped, strip_pinyin(stripped)
    return spell_zeros(join_wrapped(join_spaced_han(normalize_space(text)))), damage
