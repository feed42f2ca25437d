"""Separating the article from the page around it, line by line.

Saved pages carry breadcrumbs, a date/source line, share and follow lines, attachment lists,
contact blocks, disclaimers, footers and related-article lists full of other dates. Each line
is classified by cues that hold across sites (not by any one site's layout); the body keeps
only article lines, and every other kind is kept as its own part so nothing is lost and the
extractor never reads it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

BODY = "body"

_BREADCRUMB = re.compile(
    r"^(当前位置|當前位置|您的位置|你的位置|您现在的位置|您現在的位置|位置)\s*[::]|"
    r"(首页|首頁|Home)\s*[>›»/]",
    re.I,
)
_INFO = re.compile(
    r"(?<![\u3400-\u9fff])(来源|來源|日期|时间|時間|作者|字号|字號|发布时间|發佈時間|發布時間|发布日期|發布日期|"
    r"浏览次数|瀏覽次數|点击数|點擊數|阅读量|閱讀量|责任编辑|責任編輯)\s*[::]|"
    r"^(Release Date|Published|Publication date|Date|Source|Author|Updated)\s*[::]",
    re.I,
)
# ``壹、時間:…``, ``一、会议时间:…``: an enumerated item of a notice, not the page's own date
ITEM = re.compile(
    r"^\s*(?:[壹贰貳參叁肆伍陸陆柒捌玖拾一二三四五六七八九十]{1,2}\s*[、.]|[((][一二三四五六七八九十\d]{1,2}[))])"
)
_PLACE_LABEL = re.compile(r"(地点|地點|会场|會場|Venue|Location|Place)\s*[::]", re.I)
_SHARE = re.compile(
    r"(官方微信|微信公众号|微信公眾號|公众号|公眾號|官方微博|分享到|扫一扫|掃一掃|"
    r"打印本页|打印本頁|关闭窗口|關閉窗口|【字体|【字體|责编|責編|Share this|Follow us|Print this)",
    re.I,
)
_FOOTER = re.compile(
    r"(ICP备|ICP證|ICP证|公网安备|公網安備|网站标识码|網站標識碼|版权所有|版權所有|"
    r"Copyright|All rights reserved|©|党政机关标识|黨政機關標識|信息无障碍|資訊無障礙)",
    re.I,
)
# Words a footer shares with a story (``於辦公時間內致電``): footer only on a short line or
# leading a line.
_FOOTER_WORDS = re.compile(
    r"办公地址|辦公地址|办公时间|辦公時間|网站地图|網站地圖|隐私声明|隱私聲明|联系我们|聯繫我們"
)
_SHORT_FOOTER = 60
_RELATED = re.compile(
    r"^(相关阅读|相關閱讀|相关新闻|相關新聞|相关文章|相關文章|相关链接|相關鏈接|推荐阅读|推薦閱讀|"
    r"延伸阅读|延伸閱讀|热点推荐|熱點推薦|更多新闻|更多新聞|Related( articles| news| stories)?|"
    r"More news|Read more|See also)\s*[::]?\s*$|"
    # "this day in history" lists: other years' events on today's date
    r"^(当年今日|當年今日|历史上的今天|歷史上的今天|那年今日|往年今日|"
    r"On this day|This day in history)"
    r"(?:\s*[·・|:：\-]\s*\S{0,12})?\s*$",
    re.I,
)
_ATTACH_HEAD = re.compile(
    r"^(相关附件|相關附件|相关文档|相關文檔|附件|Attachments?)\s*[::]?\s*$", re.I
)
_ATTACHMENT = re.compile(
    r"^附件\s*\d*\s*[.、::]|\.(pdf|zip|rar|docx?|xlsx?|pptx?|wps|ofd)\b",
    re.I,
)
_CONTACT = re.compile(
    r"^(联系人|聯繫人|聯絡人|联系电话|聯繫電話|电话|電話|传真|傳真|电子邮箱|電子郵箱|邮箱|郵箱|"
    r"邮编|郵編|Contact|Tel|Fax|E-?mail)\s*[((::]",
    re.I,
)
_CONTACT_WORD = re.compile(r"(电话|電話|传真|傳真|邮箱|郵箱|Tel|Fax|E-?mail)\s*[((::]", re.I)
_DISCLAIMER = re.compile(r"(免责声明|免責聲明|Disclaimer|仅供学习交流|僅供學習交流)", re.I)
_SOURCE_LINK = re.compile(
    r"^(原文链接|原文鏈接|原文地址|Original (link|URL)|Source URL)\s*[::]", re.I
)
_PUBLIC_NOTE = re.compile(r"^[((](此件|本件)[^))]{0,12}[))]$")
_SIGNATURE_DATE = re.compile(
    r"^\s*(?:(?:19|20)\d{2}|[〇零○OＯ一二三四五六七八九]{4})\s*年"
    r"\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日\s*$"
)
_IMAGE = re.compile(
    r"\.(jpe?g|png|gif|webp|bmp)\s*$|^[((](資料圖片|资料图片|图片来源|圖片來源)[^))]*[))]$", re.I
)
_LIST_ITEM = re.compile(r"^\d{1,2}\s*[.、]\s*\S")
_SENTENCE_END = re.compile(r"[。？!?;.]\s*$")  # text is width-folded; ？ is kept
_TERMINAL = ("related", "footer", "disclaimer")


@dataclass
class Segmented:
    """Body lines in order and every other part by name (see :data:`PART_NAMES`)."""

    body: list[str] = field(default_factory=list)
    parts: dict[str, list[str]] = field(default_factory=dict)

    def add(self, kind: str, line: str) -> None:
        if kind == BODY:
            self.body.append(line)
        else:
            self.parts.setdefault(kind, []).append(line)


def _chrome(line: str) -> bool:
    """Very short fragments with no sentence: ``今天是``, ``News Express``, a lone heading."""
    return len(line) <= 4 and not re.search(r"\d", line)


def classify(line: str, after: str | None) -> str:
    """The part a single line belongs to; ``after`` is the terminal part already entered.

    Page furniture is short: the length checks come first, so a long paragraph that merely
    mentions 版权 or a telephone number stays in the body (and costs few searches)."""
    size = len(line)
    if size < 300 and _SOURCE_LINK.search(line):
        return "source"
    if size < 400 and _DISCLAIMER.search(line):
        return "disclaimer"
    if size < 300 and _FOOTER.search(line):
        return "footer"
    if (words := _FOOTER_WORDS.search(line)) and (size < _SHORT_FOOTER or words.start() < 4):
        return "footer"
    if after is not None:
        return after
    if size > 200:
        return BODY
    if _RELATED.search(line):
        return "related"
    if _BREADCRUMB.search(line):
        return "breadcrumb"
    if size < 120 and _INFO.search(line) and not _PLACE_LABEL.search(line) and not ITEM.match(line):
        return "info"  # (a time with a place is an event's when and where, not the page's)
    if size < 80 and _SHARE.search(line):
        return "share"
    if _ATTACH_HEAD.search(line) or _ATTACHMENT.search(line):
        return "attachments"
    if size < 120 and _CONTACT.search(line):
        return "contact"
    if _PUBLIC_NOTE.search(line) or _SIGNATURE_DATE.search(line):
        return "signature"
    if _IMAGE.search(line):
        return "chrome"
    return BODY


def segment(lines: Sequence[str]) -> Segmented:
    """Classify every line; once a related list, footer or disclaimer starts, it runs on."""
    result = Segmented()
    after: str | None = None
    previous = BODY
    for index, line in enumerate(lines):
        kind = classify(line, after)
        if kind == "related" and after is None and _story_follows(lines, index, result.body):
            kind = "chrome"  # ``Read more`` above the story itself: a button, not a list
        elif kind == "related":
            after = "related"
        elif kind in _TERMINAL and after is None and _tail_only(lines[index + 1 :]):
            after = kind
        if kind == BODY and _chrome(line) and not result.body:
            kind = "chrome"
        if kind == "signature" and not result.body:
            kind = "chrome"  # a date line above the article is a site's clock, not a signature
        if kind == BODY and previous == "attachments" and _LIST_ITEM.search(line):
            kind = "attachments"  # the numbered items continuing an attachment list
        if kind == BODY and previous == "contact" and _CONTACT_WORD.search(line):
            kind = "contact"  # a second contact person on its own line
        previous = kind
        result.add(kind, line)
    related = result.parts.get("related", ())
    if not any(map(_paragraph, result.body)) and any(map(_paragraph, related)):
        result.body += result.parts.pop("related")  # ``延伸閱讀:`` heading a page's one story
    return result


def _paragraph(line: str) -> bool:
    """A line of running text, not a listed title: long, with clauses."""
    return len(line) > 60 and bool(re.search("[,,。;;]", line))


def _story_follows(lines: Sequence[str], index: int, body: Sequence[str]) -> bool:
    """No paragraph read yet and one within the next lines: the article, not other titles."""
    if any(len(line) > 120 for line in body):
        return False
    following = lines[index + 1 : index + 4]
    return any(len(line) > 200 and _SENTENCE_END.search(line) for line in following)


def _tail_only(rest: Sequence[str]) -> bool:
    """A footer or disclaimer ends the article only if no real paragraph follows it."""
    return not any(len(line) > 60 and _SENTENCE_END.search(line) for line in rest)


def is_related_heading(line: str) -> bool:
    """``相关新闻``, ``More news``: what follows lists other articles."""
    return bool(_RELATED.search(line))


def is_headline(line: str) -> bool:
    """A line that reads like a headline: short, not a sentence, not a label."""
    if _SENTENCE_END.search(line) and not line.endswith(("!", "?", "？")):
        return False
    if line.endswith((":", ":", ",", ",", "、")):
        return False  # an addressee line or a label, not a headline
    han = len(re.findall(r"[\u3400-\u9fff]", line))
    limit = 60 if han > len(line) / 3 else 160
    return 6 <= len(line) <= limit and "。" not in line
