"""The demo's operations (001 §5.4, §5.6, §6.1): the channels' platform accounts with their
monthly follower records and the figures of the demo's published articles, the year's targets,
and readers' 留言 of every class, some answered, some closed, some 咨询 overdue.

Everything goes through the mutations the 统计 page sends (``account.add``,
``account.record_month``, ``account.import``, ``target.set``, ``message.*``), from the people the
rules allow: the administrator keeps accounts and targets, the editor records and registers,
the chief answers. Figures, followers and states come from the build's random generator, so a
seed builds the same numbers; the times are relative to now.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from newsdesk.core.ids import new_id
from newsdesk.core.model import MessageClass, Platform
from newsdesk.core.mutation import Kind
from newsdesk.core.operations import CHINA, target_id
from newsdesk.demo.builder import Builder

MONTHS_RECORDED = 6  # the months before the current one with a follower record
FIGURES_PER_ACCOUNT = 60  # the latest published articles an account's export holds


@dataclass(frozen=True)
class AccountSpec:
    channel: str  # the channel's key
    platform: Platform
    name: str
    followers: int  # at the end of the first recorded month
    reads: int  # what a typical item of the account is read


ACCOUNTS = (
    AccountSpec("news", Platform.WECHAT, "市融媒体中心", 86_000, 6_000),
    AccountSpec("news", Platform.WEIBO, "市融媒体中心官方微博", 132_000, 9_000),
    AccountSpec("news", Platform.DOUYIN, "市融媒体中心抖音号", 58_000, 15_000),
    AccountSpec("culture", Platform.WECHAT, "文化周末", 21_000, 2_500),
    AccountSpec("services", Platform.WECHAT, "市政务服务", 44_000, 3_500),
    AccountSpec("services", Platform.TOUTIAO, "市政务服务头条号", 12_000, 1_500),
    AccountSpec("library", Platform.WECHAT, "市图书馆", 18_000, 1_800),
    AccountSpec("library", Platform.CHANNELS, "市图书馆视频号", 6_500, 2_200),
)
# The year's publications and reads per channel; followers are aimed 20 % above today's.
TARGETS = {"news": (900, 2_400_000), "culture": (300, 400_000), "services": (240, 500_000)}
TARGETS |= {"library": (200, 260_000)}

MESSAGES = {
    MessageClass.ENQUIRY: (
        "请问市图书馆周末几点开门？",
        "社保卡补办需要带哪些材料？",
        "暑期青少年游泳培训在哪里报名？",
        "请问新开的夜间门诊挂号要预约吗？",
        "退休“一件事”办理需要本人到场吗？",
        "城市书房可以办理借书证吗？",
        "文化周末的诗会还有名额吗？怎么报名？",
        "公积金提取现在能在手机上办吗？",
        "学校周边的限速从什么时候开始执行？",
        "视障读者听书服务怎么申请？",
        "新能源车充电桩补贴去哪里申请？",
        "老年人免费体检需要预约吗？",
    ),
    MessageClass.COMPLAINT: (
        "小区门口的路灯坏了一个多月，一直没人来修。",
        "政务大厅排号系统经常死机，等了两个小时。",
        "12路公交晚上的班次太少，下班回家很不方便。",
        "图书馆自习室的座位被人长期占用。",
        "文章里的活动时间写错了，害我白跑一趟。",
        "办事窗口工作人员态度不好。",
        "广场舞噪音太大，晚上十点还没结束。",
        "菜市场周边的电动车乱停乱放。",
        "服务热线一直打不通。",
        "上次留言反映的问题到现在还没有答复。",
        "医院停车场收费不合理。",
        "校车接送点没有遮雨棚，孩子下雨天只能淋着。",
    ),
    MessageClass.SUGGESTION: (
        "建议公众号增加办事指南的目录，方便查找。",
        "希望图书馆延长晚上的开放时间。",
        "建议多报道一些社区里的好人好事。",
        "能不能在文章末尾附上办事电话？",
        "建议视频加上字幕，方便听障朋友。",
        "希望推出方言版的政策解读。",
        "建议在公园增设一些直饮水点。",
        "可以做一期老旧小区改造的专题。",
        "希望文化活动多安排在周末。",
        "建议推送时间固定在早上七点半。",
        "希望增加英文版的城市介绍。",
        "建议开设读者来信栏目。",
    ),
    MessageClass.OTHER: (
        "小编辛苦了！",
        "今天的照片拍得真好看。",
        "转发给家里老人看看。",
        "支持！",
        "我们小区也有类似的情况。",
        "第一次看到家乡上新闻，很激动。",
        "点赞。",
        "这篇写得很实在。",
        "感谢分享。",
        "已收藏。",
        "期待下一期。",
        "给记者点赞！",
    ),
}
AUTHORS = (
    "晨跑的老王",
    "青青子衿",
    "阿杰",
    "小雨点",
    "老李头",
    "向日葵",
    "山城居民",
    "一只猫",
    "林间小路",
    "张阿姨",
    "星河",
    "城南旧事",
)
ANSWERS = {
    MessageClass.ENQUIRY: (
        "您好，已为您向相关部门核实，具体办理方式见本号菜单“办事指南”。",
        "您好，周一至周日9:00—21:00开放，节假日另行通知。",
        "您好，可在“市民服务”小程序预约，也可现场办理，请携带身份证。",
    ),
    MessageClass.COMPLAINT: (
        "您反映的问题已转交主管部门，我们会跟进处理结果。",
        "非常抱歉给您带来不便，原文已更正，感谢指出。",
    ),
    MessageClass.SUGGESTION: ("感谢您的建议，已登记并将在月度选题会上讨论。",),
}


def build_operations(builder: Builder, start: dt.datetime) -> None:
    """Accounts, months, figures, targets and 留言, made from ``start`` (after the setup) on."""
    rng, now = builder.rng, builder.now
    at = start
    accounts: list[tuple[AccountSpec, str]] = []
    for spec in ACCOUNTS:
        account_id = new_id()
        accounts.append((spec, account_id))
        at += dt.timedelta(minutes=3)
        builder.emit(
            "admin",
            Kind.ACCOUNT_ADD,
            account_id,
            at,
            channel_id=builder.channels[spec.channel].id,
            platform=spec.platform.value,
            name=spec.name,
        )

    # The back office's follower history, entered once the accounts were on file.
    this_month = now.astimezone(CHINA).date().replace(day=1)
    months = []
    first = this_month
    for _ in range(MONTHS_RECORDED):
        first = (first - dt.timedelta(days=1)).replace(day=1)
        months.insert(0, first.strftime("%Y-%m"))
    latest_followers: dict[str, int] = {}
    for spec, account_id in accounts:
        followers = spec.followers
        for month in months:
            at += dt.timedelta(minutes=2)
            builder.emit(
                "editor",
                Kind.ACCOUNT_RECORD_MONTH,
                account_id,
                at,
                month=month,
                followers=followers,
            )
            latest_followers[account_id] = followers
            followers = round(followers * rng.uniform(1.004, 1.045))

    # Each account's export of the latest published articles of its channel, matched to them.
    for spec, account_id in accounts:
        channel_id = builder.channels[spec.channel].id
        published = [p for p in builder.published.values() if p.channel_id == channel_id]
        latest = sorted(published, key=lambda p: p.at)[-FIGURES_PER_ACCOUNT:]
        figures = []
        for item in latest:
            reads = round(spec.reads * rng.lognormvariate(0, 0.6))
            figures.append(
                {
                    "title": item.title,
                    "published_on": item.at.astimezone(CHINA).date().isoformat(),
                    "article_id": item.article_id,
                    "reads": reads,
                    "likes": round(reads * rng.uniform(0.01, 0.05)),
                    "shares": round(reads * rng.uniform(0.002, 0.02)),
                    "comments": round(reads * rng.uniform(0.0005, 0.005)),
                }
            )
        if figures:
            builder.emit(
                "editor",
                Kind.ACCOUNT_IMPORT,
                account_id,
                max(at, now - dt.timedelta(minutes=50)),
                figures=figures,
            )

    year = now.astimezone(CHINA).year
    for key, (publications, reads) in TARGETS.items():
        channel_id = builder.channels[key].id
        followers = sum(latest_followers[a] for spec, a in accounts if spec.channel == key)
        at += dt.timedelta(minutes=2)
        builder.emit(
            "admin",
            Kind.TARGET_SET,
            target_id(channel_id, None, year),
            at,
            channel_id=channel_id,
            year=year,
            publications=publications,
            reads=reads,
            followers=round(followers * 1.2 / 1000) * 1000,
        )
    for spec, account_id in accounts:
        if spec.platform != Platform.WECHAT:
            continue
        channel_id = builder.channels[spec.channel].id
        at += dt.timedelta(minutes=2)
        builder.emit(
            "admin",
            Kind.TARGET_SET,
            target_id(channel_id, account_id, year),
            at,
            channel_id=channel_id,
            account_id=account_id,
            year=year,
            publications=TARGETS[spec.channel][0] // 2,
            reads=TARGETS[spec.channel][1] // 2,
            followers=round(latest_followers[account_id] * 1.2 / 1000) * 1000,
        )

    serial = 0
    for category, texts in MESSAGES.items():
        for number, text in enumerate(texts):
            _, account_id = accounts[rng.randrange(len(accounts))]
            _message(builder, category, number, text, account_id, AUTHORS[serial % len(AUTHORS)])
            serial += 5  # a dozen messages a class, so each class hears from every author


def _message(
    builder: Builder,
    category: MessageClass,
    number: int,
    text: str,
    account_id: str,
    author: str,
) -> None:
    """One 留言 and what became of it. Of each class's dozen: 咨询 — five answered in time, four
    left open for two weeks or more (overdue), three arrived today; 投诉 — six answered (two of
    them then closed), three assigned to the editor, three open; 建议 — six closed once
    registered, two answered, four open; 其他 — eight closed, four open."""
    rng, now = builder.rng, builder.now
    recent = category == MessageClass.ENQUIRY and number >= 9
    if recent:
        received = now - dt.timedelta(minutes=rng.randint(20, 240))
    elif category == MessageClass.ENQUIRY and number >= 5:
        received = now - dt.timedelta(days=rng.uniform(14, 30))
    else:
        received = now - dt.timedelta(days=rng.uniform(2, 30))
    message_id = new_id()
    at = received + dt.timedelta(minutes=rng.randint(5, 15))
    args: dict[str, Any] = {
        "account_id": account_id,
        "text": text,
        "author": author,
        "received_at": received.isoformat(),
        "category": category.value,
    }
    builder.emit("editor", Kind.MESSAGE_ADD, message_id, at, **args)
    answered = {
        MessageClass.ENQUIRY: number < 5,
        MessageClass.COMPLAINT: number < 6,
        MessageClass.SUGGESTION: 6 <= number < 8,
        MessageClass.OTHER: False,
    }[category]
    closed = {
        MessageClass.ENQUIRY: False,
        MessageClass.COMPLAINT: number < 2,
        MessageClass.SUGGESTION: number < 6,
        MessageClass.OTHER: number < 8,
    }[category]
    if category == MessageClass.COMPLAINT and 6 <= number < 9:
        at += dt.timedelta(minutes=rng.randint(10, 60))
        builder.emit("chief", Kind.MESSAGE_UPDATE, message_id, at, assignee=builder.ids["editor"])
    if answered:
        at += dt.timedelta(hours=rng.uniform(1, 20))
        answer = rng.choice(ANSWERS[category])
        builder.emit("chief", Kind.MESSAGE_ANSWER, message_id, at, answer=answer)
    if closed:
        at += dt.timedelta(hours=rng.uniform(1, 20))
        builder.emit("chief", Kind.MESSAGE_CLOSE, message_id, at)
