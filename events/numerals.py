"""Chinese numerals as written in dates: ``二〇二三``, ``十月``, ``二十八日``, ``两周``.

Dates in formal notices are often spelled out; the date patterns accept Arabic digits and
these numerals alike and call :func:`to_int` on what they matched.
"""

from __future__ import annotations

DIGITS = {
    "〇": 0, "零": 0, "○": 0, "Ｏ": 0, "O": 0,
    "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
NUMERAL_CHARS = "".join(DIGITS) + "十"
MINGUO_OFFSET = 1911  # 民國111年 = 2022: Taiwan's official years count from 1912
"""Characters of a Chinese numeral (for building regular expressions)."""


def to_int(text: str) -> int | None:
    """``2021`` → 2021, ``二〇二一`` → 2021, ``十四`` → 14, ``二十八`` → 28, ``十`` → 10,
    ``一百零二`` → 102."""
    text = text.strip()
    if not text:
        return None
    if text.isdigit():
        return int(text)
    if "百" in text:  # 一百一十一, 一百零二: a Minguo year
        hundreds, _, rest = text.partition("百")
        if hundreds not in DIGITS:
            return None
        rest = rest.lstrip("零〇")
        below = to_int(rest) if rest else 0
        return None if below is None or below >= 100 else DIGITS[hundreds] * 100 + below
    if "十" not in text:  # digit by digit, as years are written
        if all(c in DIGITS for c in text):
            return int("".join(str(DIGITS[c]) for c in text))
        return None
    tens_text, _, ones_text = text.partition("十")
    if (tens_text and tens_text not in DIGITS) or (ones_text and ones_text not in DIGITS):
        return None
    tens = DIGITS[tens_text] if tens_text else 1
    ones = DIGITS[ones_text] if ones_text else 0
    return tens * 10 + ones
