"""Text cleaning: pinyin annotations go, real brackets stay, width folds, damage is removed
and counted, and cleaning twice changes nothing."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from events.read import read_bytes
from events.read.clean import clean_text, fold_width, remove_damage, strip_pinyin


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("中國消費者報(bào)深圳訊", "中國消費者報深圳訊"),
        ("中國消費者報（bào）深圳訊", "中國消費者報深圳訊"),
        ("領導(dǎo)小組", "領導小組"),
        ("活動(dòng)周", "活動周"),
        ("標(biāo)準(zhǔn)化", "標準化"),
        ("标准(biāo zhǔn)化", "标准化"),
        ("消費 (fèi)者", "消費者"),
    ],
)
def test_pinyin_annotations_are_removed(text: str, expected: str) -> None:
    assert clean_text(text)[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "國際標準化組織(ISO)",
        "國際電工委員會(IEC)發表聲明",
        "全国汽车标准化技术委员会(中汽研)组织召开",
        "人民網北京6月9日電 (記者孫博洋)記者從市場監管總局獲悉",
        "實踐基地(深圳)",
        "會議(一)",
        "深圳(Shenzhen)",
        "协议(2024-2025年)",
    ],
)
def test_real_brackets_are_kept(text: str) -> None:
    assert clean_text(text)[0] == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("２０２１年１０月１４日", "2021年10月14日"),
        ("ＩＳＯ／ＩＥＣ", "ISO/IEC"),
        ("日期：2021-10-19", "日期:2021-10-19"),
        ("标准\u3000化", "标准 化"),
        ("你好？", "你好？"),  # the Chinese question mark is punctuation, not damage
        ("标准。化、", "标准。化、"),
    ],
)
def test_full_width_ascii_folds(text: str, expected: str) -> None:
    assert fold_width(text) == expected


@pytest.mark.parametrize(
    ("text", "expected", "damage"),
    [
        ("??? 活动时间:10月14日", "活动时间:10月14日", 1),
        ("活动时间???10月14日", "活动时间 10月14日", 1),
        ("标准\ufffd\ufffd化", "标准 化", 1),
        ("标准?化", "标准 化", 1),
        ("??? 二、活动内容\n??? (一)广泛宣传", "二、活动内容\n(一)广泛宣传", 2),
        ("The forum ??? opened", "The forum opened", 1),
        ("? opened", "opened", 1),
        ("\ufffd", "", 1),
        ("Is it? Yes!", "Is it? Yes!", 0),
        ("你好？", "你好？", 0),
    ],
)
def test_damage_runs_are_removed_and_counted(text: str, expected: str, damage: int) -> None:
    assert clean_text(text) == (expected, damage)


def test_remove_damage_counts_runs_not_characters() -> None:
    assert remove_damage("标准??化???会议")[1] == 2


def test_damage_reaches_the_decode_report() -> None:
    raw = "市场监管委通知\n??? 活动时间:10月14日及前后各两周时间内,请各单位认真组织。\n".encode()
    article = read_bytes(raw, "damage.txt")
    assert article.decode is not None and article.decode.damage == 1
    assert "?" not in article.body


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a  b\t\tc", "a b c"),
        ("  第一段  \n\n\n  第二段  ", "第一段\n第二段"),
        ("第一段\r\n第二段\r第三段", "第一段\n第二段\n第三段"),
        ("第一段\u2028第二段\u2029第三段", "第一段\n第二段\n第三段"),
        ("标\u200b准\ufeff化", "标准化"),
        ("a\u00a0\u2003b", "a b"),
        ("\n\n", ""),
    ],
)
def test_whitespace_is_normalized(text: str, expected: str) -> None:
    assert clean_text(text)[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "0\r?",  # a line break made by normalization must not expose a new leading "?"
        "你好？",  # folding must not turn a real question mark into damage
        "标  (bao)",  # collapsing spaces must not expose an annotation
        "标(ba)(o)",  # removing one annotation must not expose another
        "ａ\u0301",  # folding then composing
        "a\u200b\u0301",  # a removed zero-width space must not hide a composition
        "㐀0\na?",  # joining a wrapped line must not move a "?" beside Han characters
    ],
)
def test_known_hard_cases_are_idempotent(text: str) -> None:
    once, _ = clean_text(text)
    assert clean_text(once) == (once, 0)


def test_strip_pinyin_alone_keeps_non_pinyin_brackets() -> None:
    assert strip_pinyin("報(bào)與(ISO)") == "報與(ISO)"


MESSY = st.text(
    alphabet=st.sampled_from(
        list("标准報導(bào)（）ISO?？\ufffd ２ａ\n\r\t\u3000\u200bāǎng化xa.\u0301")
    ),
    max_size=40,
)


@given(st.one_of(st.text(), MESSY))
def test_clean_text_never_raises_and_is_idempotent(text: str) -> None:
    once, damage = clean_text(text)
    assert damage >= 0
    assert clean_text(once) == (once, 0)
    assert "\ufffd" not in once
    assert "\r" not in once and "\n\n" not in once


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A Round Table meeting\nwill take place on Monday 3 November 2014 at the\nCity Centre",
            "A Round Table meeting will take place on Monday 3 November 2014 at the\nCity Centre",
        ),
        ("Agenda\n1. Welcome\n2. Roll call", "Agenda\n1. Welcome\n2. Roll call"),
        (
            "The meeting closed.\nthe next one is in May",
            "The meeting closed.\nthe next one is in May",
        ),
    ],
    ids=["wrapped-sentence", "list", "sentence-ended"],
)
def test_plain_text_wrapped_mid_sentence_is_joined(text: str, expected: str) -> None:
    cleaned, _ = clean_text(text)
    assert cleaned == expected
    assert clean_text(cleaned)[0] == cleaned


@pytest.mark.parametrize(
    ("text", "cleaned"),
    [
        ("已於二O二五年十月八日完成查證", "已於二〇二五年十月八日完成查證"),
        ("二○二四年報告書", "二〇二四年報告書"),
        ("OOOO年", "OOOO年"),  # no numeral: not a year
    ],
    ids=["letter-o", "white-circle", "letters-only"],
)
def test_a_spelled_years_zeros_typed_as_letters(text: str, cleaned: str) -> None:
    assert clean_text(text)[0] == cleaned
