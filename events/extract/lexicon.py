"""The words extraction keys on, written once in simplified Chinese and English.

Traditional spellings are generated with OpenCC at import, so every rule matches all three
scripts without a second hand-kept list drifting from the first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from events.model import Kind
from events.script import to_hant


def both_scripts(words: Iterable[str]) -> list[str]:
    """Each word in simplified and traditional spelling, longest first (for alternations)."""
    out = set()
    for word in words:
        out.add(word)
        out.add(to_hant(word))
    return sorted(out, key=len, reverse=True)


def alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in both_scripts(words))


# Head nouns that end an event's name, with the kind they give it.
ZH_HEADS: dict[str, Kind] = {
    "标准化大会": Kind.CONFERENCE, "纪念大会": Kind.CONFERENCE, "大会": Kind.CONFERENCE,
    "年会": Kind.CONFERENCE, "博览会": Kind.CONFERENCE, "峰会": Kind.CONFERENCE,
    "论坛": Kind.FORUM,
    "研讨会": Kind.MEETING, "座谈会": Kind.MEETING, "推进会": Kind.MEETING,
    "交流会": Kind.MEETING, "工作会议": Kind.MEETING, "全体会议": Kind.MEETING,
    "会议": Kind.MEETING, "发布会": Kind.MEETING, "启动会": Kind.MEETING, "年度会议": Kind.MEETING,
    "培训班": Kind.TRAINING, "培训会": Kind.TRAINING, "培训": Kind.TRAINING, "讲座": Kind.TRAINING,
    "活动周": Kind.ACTIVITY_WEEK, "宣传周": Kind.ACTIVITY_WEEK,
    "宣传活动": Kind.CAMPAIGN, "主题活动": Kind.CAMPAIGN, "系列活动": Kind.CAMPAIGN,
    "活动月": Kind.CAMPAIGN, "宣传月": Kind.CAMPAIGN, "质量月": Kind.CAMPAIGN,
    "竞赛": Kind.OTHER, "大赛": Kind.OTHER, "开幕式": Kind.OTHER, "展览": Kind.OTHER,
    "仪式": Kind.OTHER, "典礼": Kind.OTHER, "讲习会": Kind.TRAINING, "研习会": Kind.TRAINING,
    "宣贯会": Kind.TRAINING, "研修班": Kind.TRAINING, "说明会": Kind.MEETING,
    "观摩会": Kind.MEETING, "推介会": Kind.MEETING, "报告会": Kind.MEETING,
    "咨询会": Kind.MEETING, "听证会": Kind.MEETING, "公听会": Kind.MEETING, "审查会": Kind.MEETING,
    "评审会": Kind.MEETING, "协调会": Kind.MEETING, "分享会": Kind.MEETING, "宣导会": Kind.TRAINING,
    "工作坊": Kind.TRAINING, "训练班": Kind.TRAINING, "课程": Kind.TRAINING, "展会": Kind.OTHER,
    "展售会": Kind.OTHER, "展示会": Kind.OTHER, "园游会": Kind.OTHER, "嘉年华": Kind.OTHER,
    "表扬大会": Kind.OTHER, "颁奖典礼": Kind.OTHER, "见面会": Kind.MEETING, "恳谈会": Kind.MEETING,
}  # fmt: skip
EN_HEADS: dict[str, Kind] = {
    "Forum": Kind.FORUM, "Conference": Kind.CONFERENCE, "Congress": Kind.CONFERENCE,
    "Summit": Kind.CONFERENCE, "Symposium": Kind.CONFERENCE, "Expo": Kind.CONFERENCE,
    "General Assembly": Kind.MEETING, "General Meeting": Kind.MEETING, "Meeting": Kind.MEETING,
    "Plenary": Kind.MEETING, "Council": Kind.MEETING, "Dialogue": Kind.MEETING,
    "Roundtable": Kind.MEETING, "Webinar": Kind.MEETING, "Celebration": Kind.OTHER,
    "Ceremony": Kind.OTHER, "Gala Dinner": Kind.OTHER, "Open House": Kind.OTHER,
    "Lecture": Kind.TRAINING, "Programme": Kind.OTHER,
    "Workshop": Kind.MEETING, "Seminar": Kind.MEETING, "Training": Kind.TRAINING,
    "Study Group": Kind.MEETING, "Working Party": Kind.MEETING, "Assembly": Kind.CONFERENCE,
    "Course": Kind.TRAINING, "Week": Kind.ACTIVITY_WEEK, "Campaign": Kind.CAMPAIGN,
    "General Assemblies": Kind.MEETING, "Meetings": Kind.MEETING, "Workshops": Kind.MEETING,
    "Seminars": Kind.MEETING, "Conferences": Kind.CONFERENCE, "Plenaries": Kind.MEETING,
    "Teleconference": Kind.MEETING, "Conference Call": Kind.MEETING,
}  # fmt: skip

# Verbs saying something took or will take place (they make a dated clause an event).
ZH_HAPPEN = (
    "召开", "举办", "举行", "开幕", "启动", "开展", "开营", "开班", "闭幕", "揭幕", "主办",
    "主辦", "进行", "亮相", "拉开帷幕", "隆重", "考察", "到访", "参观", "走访", "访问",
    "办理", "展开", "揭晓", "颁发", "签署", "推出", "登场", "开锣", "考试",
    "来台", "来华", "访华", "访台", "落幕", "开赛", "开考", "开课", "授课", "颁奖", "表彰", "揭牌",
    "授牌", "签约", "宣讲", "宣贯", "开讲", "巡查", "抽查", "比赛",
)  # fmt: skip
EN_HAPPEN = (
    "held", "hold", "holds", "opened", "opens", "open", "took place", "take place", "takes place",
    "kicked off", "kicks off", "launched", "convened", "hosted", "organized", "organised",
    "will be held", "starts", "begins", "closed", "meets", "will meet", "met in", "gathered",
    "scheduled", "will run", "is set for", "will take place", "chaired", "presided", "celebrated",
    "inaugurated", "flag off", "organising", "organizing", "conducting", "conducted", "hosting",
    " meet ", "convene", "gather on", "celebrating", "celebrates", "will celebrate",
    "taking place", "being held", "will host", "hosts", "celebrate", "will begin", "begin on",
    "falls on", "fall on", "is observed", "be observed", "was observed", "at the opening of",
    "gathering", "to participate in", "will attend", " runs ", " ran from",
    "will be conducted", "was conducted", "were conducted", "is organising", "is organizing",
    "will be organised", "will be organized", "was organised", "was organized", "marked",
    "commemorated", "commemorate", "will mark", "kicked off", "wrapped up", "concluded",
    "was inaugurated", "unveiled",
)  # fmt: skip
ZH_FUTURE = ("将于", "将在", "将", "拟于", "计划于", "定于", "即将", "届时", "报名")
ZH_PAST = ("召开了", "举办了", "举行了", "了", "已", "顺利", "成功", "圆满", "日前", "近日")
EN_FUTURE = ("will", "to be held", "upcoming", "is scheduled", "are scheduled", "plans to")
EN_PAST = (
    "was held", "were held", "held", "opened", "took place", "concluded", "was", "closed",
    "lasted", "attended", "gave", "chaired", "celebrated", "participated", "were",
)  # fmt: skip

# Deadlines: verbs of handing in or registering after ``DATE前``.
ZH_SUBMIT = (
    "报送", "提交", "上报", "报名", "申报", "递交", "反馈", "寄送", "发送", "报至", "回复", "回执",
    "确认", "登记", "注册", "申请", "受理", "完成", "缴费", "缴纳", "提出", "征求意见", "投稿",
    "填妥", "填写", "填报", "交回", "登录", "缴交", "上传", "寄达", "送达", "通知", "领取",
    "送交", "送至", "掷回", "交至",
)  # fmt: skip
EN_SUBMIT = (
    "submit", "submitted", "submission", "register", "registration", "apply", "applications",
    "sent", "received",
    "contributions", "nominations", "nominate", "comment", "proposals", "abstracts", "papers",
    "entries", "feedback", "respond", "responses", "enrol", "sign up", "rsvp", "request", "contact",
)  # fmt: skip
# Words that make a date a deadline by themselves, whatever is handed in.
ZH_CLOSES = ("截止", "到期", "不晚于", "过期", "逾期", "即日", "期限")  # 即日起至…: open from today
EN_CLOSES = ("deadline", "due", "closes", "closing date", "no later than", "not later than")

# Clauses whose dates are history, not events.
ZH_HISTORY = (
    "成立",
    "创立",
    "创建",
    "诞生",
    "发布",
    "印发",
    "出台",
    "实施",
    "施行",
    "批准",
)
EN_HISTORY = ("founded", "established", "was born", "signed", "published", "issued", "adopted")

# Labels that introduce a window or a time in a notice (``活动时间:``).
ZH_TIME_LABELS = ("活动时间", "会议时间", "举办时间", "培训时间", "开放时间", "时间", "日期")

# The lists above in every script, for the substring tests the rules make (``contains``).
HAPPEN = both_scripts(ZH_HAPPEN) + list(EN_HAPPEN)
HISTORY = both_scripts(ZH_HISTORY) + list(EN_HISTORY)
SUBMIT = both_scripts(ZH_SUBMIT) + list(EN_SUBMIT)
CLOSES = both_scripts(ZH_CLOSES) + list(EN_CLOSES)
FUTURE = both_scripts(ZH_FUTURE) + list(EN_FUTURE)
PAST = both_scripts(ZH_PAST) + list(EN_PAST)


def contains(text: str, words: list[str]) -> bool:
    """Whether any of ``words`` occurs in ``text``."""
    return any(w in text for w in words)


KIND_WORDS_EN = {
    Kind.CAMPAIGN: "campaign", Kind.ACTIVITY_WEEK: "activity week", Kind.CONFERENCE: "conference",
    Kind.FORUM: "forum", Kind.MEETING: "meeting", Kind.TRAINING: "training",
    Kind.DEADLINE: "deadline", Kind.OTHER: "event", Kind.OBSERVANCE: "observance",
}  # fmt: skip


def head_kind(name: str) -> Kind | None:
    """The kind a name's head noun gives (``…纪念大会暨…专题会议`` → conference: the first
    head decides, since ``暨`` joins a main event and a side event)."""
    first = re.split("暨|暨", name, maxsplit=1)[0]
    lowered = first.lower()
    for table in (ZH_HEAD_INDEX, EN_HEAD_INDEX):
        for head, kind in table:
            if re.search(head + r"$", first) if table is ZH_HEAD_INDEX else head in lowered:
                return kind
    return None


ZH_HEAD_INDEX: list[tuple[str, Kind]] = sorted(
    ((re.escape(v), k) for w, k in ZH_HEADS.items() for v in {w, to_hant(w)}),
    key=lambda item: len(item[0]),
    reverse=True,
)
EN_HEAD_INDEX: list[tuple[str, Kind]] = sorted(
    ((h.lower(), k) for h, k in EN_HEADS.items()), key=lambda i: -len(i[0])
)
