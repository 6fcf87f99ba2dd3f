"""The demo's channels and people: who holds which role where."""

from __future__ import annotations

from dataclasses import dataclass

from newsdesk.core.model import Role, Target


@dataclass(frozen=True)
class ChannelSpec:
    """A channel to create."""

    key: str  # used in publication locations
    name: str
    colour: str
    levels: int  # of review
    targets: tuple[Target, ...]
    allow_same_reviewer: bool
    typo_fast_path: bool  # typo corrections need only the last review level
    share: float  # of the generated stories
    source: str  # 来源 of the channel's new articles
    responsible_editor: str  # 责任编辑 of the channel's new articles


ALL_TARGETS = (Target.PC, Target.WAP, Target.APP)
# 001 §5.3.2: content passes at least 初审 and 复审, so no demo channel has fewer than two levels.
CHANNELS = (
    ChannelSpec(
        "news", "新闻", "#d93025", 3, ALL_TARGETS, False, True, 0.4, "市融媒体中心", "刘建华"
    ),
    ChannelSpec(
        "culture", "文化", "#8e44ad", 2, ALL_TARGETS, True, False, 0.25, "市融媒体中心", "李强"
    ),
    ChannelSpec(
        "services",
        "政务服务",
        "#1f6feb",
        3,
        (Target.PC, Target.WAP),
        False,
        False,
        0.2,
        "市政务服务中心",
        "徐明",
    ),
    ChannelSpec(
        "library",
        "图书馆",
        "#2e7d32",
        2,
        (Target.WAP, Target.APP),
        False,
        False,
        0.15,
        "市图书馆",
        "刘建华",
    ),
)
_LEVELS_NEEDED = {Role.REVIEWER2: 2, Role.REVIEWER3: 3}  # review levels the role needs


def _everywhere(role: Role) -> tuple[Role, tuple[str, ...]]:
    """``role`` in every channel where it applies (a level 3 reviewer needs three levels)."""
    return role, tuple(c.key for c in CHANNELS if c.levels >= _LEVELS_NEEDED.get(role, 1))


@dataclass(frozen=True)
class Person:
    """A demo user; ``roles`` pairs each role with the keys of the channels where it is held."""

    login: str
    name: str
    roles: tuple[tuple[Role, tuple[str, ...]], ...] = ()
    is_admin: bool = False


PEOPLE = (
    Person("admin", "系统管理员", is_admin=True),
    Person("chief", "刘建华", (_everywhere(Role.CHIEF),)),
    Person("editor", "孙晓雨", (_everywhere(Role.EDITOR),)),
    Person("reviewer1", "周敏", (_everywhere(Role.REVIEWER1),)),
    Person("reviewer2", "郑海涛", (_everywhere(Role.REVIEWER2),)),
    Person("reviewer3", "冯立新", (_everywhere(Role.REVIEWER3),)),
    Person("publisher", "何晓光", (_everywhere(Role.PUBLISHER),)),
    Person("wangfang", "王芳", ((Role.EDITOR, ("news", "culture")),)),
    Person("liqiang", "李强", ((Role.CHIEF, ("culture",)),)),
    Person("zhaomin", "赵敏", ((Role.EDITOR, ("library",)),)),
    Person(
        "chenjing", "陈静", ((Role.REVIEWER1, ("news", "culture")), (Role.REVIEWER2, ("culture",)))
    ),
    Person("liuyang", "刘洋", ((Role.EDITOR, ("news", "services")),)),
    Person(
        "huangli", "黄丽", ((Role.REVIEWER2, ("news", "services")), (Role.REVIEWER1, ("library",)))
    ),
    Person("xuming", "徐明", ((Role.CHIEF, ("services",)), (Role.REVIEWER3, ("news", "services")))),
    Person("linxiaoyan", "林晓燕", ((Role.PUBLISHER, ("news", "culture")),)),
)
