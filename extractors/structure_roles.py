"""The grammar of Chinese bio clauses: ``ORG`` + ``ROLE``, joined by ``、`` and separated by ``，``.

A bio says where a person works and as what: ``湖北省統計局副局長``,
``中國人民大學國家發展與戰略研究院、公共管理學院副教授``,
``中国科学院科技战略咨询研究院特聘研究员、高级经济师``. Each clause (up to ``，；。``) is
read item by item (items are separated by ``、``):

- ``ORG ROLE``: the longest prefix ending in an organization head (``…研究院``, ``…局``,
  ``…大学``) whose rest is a role (at most seven characters ending in a role word such as
  ``教授``, ``副局长``, ``博士生导师``); the organization starts after a last ``的``
  (``…共建的中国创新战略和政策研究中心``). A periodical in ``《》`` is an organization
  too: ``《財政監督》雜志編輯``.
- ``ROLE`` alone extends the role of the item before (``特聘研究员、高级经济师``).
- ``ORG`` alone waits for the next ``ORG ROLE`` and shares its role
  (``…研究院、公共管理學院副教授``).

Anything else ends the clause. Words such as ``曾任`` and ordinals such as ``第十、十一屆``
are skipped. Matching is done on simplified characters; offsets are those of the text.

Examples
--------
>>> text = "湖北省統計局副局長,湖北省政協常委"
>>> [(text[a.org[0]:a.org[1]], text[a.role[0]:a.role[1]]) for a in parse_affiliations(text, 0, len(text))]
[('湖北省統計局', '副局長'), ('湖北省政協', '常委')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .script import to_simplified
from .segment import HAN

__all__ = ["ORG_HEADS", "ROLE_WORDS", "Affiliation", "parse_affiliations", "is_role", "org_prefix", "is_org"]

#: Last characters of organization names (simplified).
ORG_HEADS = (
    "委员会", "办公厅", "办公室", "研究院", "研究所", "研究中心", "研究室", "研究会", "大学", "学院", "党校", "中心",
    "公司", "集团", "银行", "协会", "学会", "联合会", "基金会", "理事会", "出版社", "报社", "杂志社", "日报", "晚报",
    "时报", "周报", "组织",
    "政府", "法院", "检察院", "科学院", "工程院", "国务院", "人大", "政协", "医院", "电视台", "实验室", "事务所",
    "学校", "部", "局", "厅", "署", "委", "司",
)
#: Words a role ends with (simplified).
ROLE_WORDS = (
    "教授", "研究员", "讲师", "导师", "博士", "硕士", "研究生", "博士后", "学者", "主任", "局长", "处长", "司长",
    "部长", "厅长", "院长", "所长", "校长", "书记", "主席", "委员", "常委", "代表", "编辑", "主编", "记者", "专家",
    "顾问", "经济师", "工程师", "会计师", "律师", "董事", "董事长", "总经理", "经理", "组长", "会长", "理事",
    "理事长", "秘书长", "成员", "干部", "科长", "总监", "行长", "社长", "总裁", "馆长", "台长", "教师", "助理",
    "秘书", "主管", "参事", "巡视员", "调研员", "队长", "省长", "市长", "县长", "区长", "总理", "大使", "参赞",
    "法官", "检察官", "医师", "监事", "监事长", "合伙人", "创始人", "负责人", "分析师", "评论员", "作家", "学生",
)
_HEAD_END = re.compile("(?:" + "|".join(sorted(ORG_HEADS, key=len, reverse=True)) + ")$")
_ROLE = re.compile(f"[{HAN}]{{0,4}}?(?:" + "|".join(sorted(ROLE_WORDS, key=len, reverse=True)) + ")")
_CLAUSE_END = re.compile(r"[，,；;。！？!?]")
_LEAD = re.compile(
    r"(?:(?:现任职于|任职于|就职于|供职于|工作于|曾任|现任|历任|兼任|担任|现为|曾在|现在|曾|现|任|系|为|是|在)(?=.)"
    r"|第?[〇零一二三四五六七八九十百\d]+(?:[、至到\-—][〇零一二三四五六七八九十百\d]+)*[届次](?=.))"
)
_PERIODICAL = re.compile(r"《([^《》]{1,40})》")
ROLE_MAX = 7


@dataclass(frozen=True, slots=True)
class Affiliation:
    """An organization (``org`` span, ``label`` ORG, or WORK for a periodical) and the role held there."""

    org: tuple[int, int]
    role: tuple[int, int]
    label: str = "ORG"


def is_role(simple: str) -> bool:
    """True when ``simple`` (simplified) is a role: a role word with at most four characters before it.

    Examples
    --------
    >>> is_role("博士生导师"), is_role("特聘研究员"), is_role("长"), is_role("采购网咨询专家")
    (True, True, False, False)
    """
    return len(simple) <= ROLE_MAX and _ROLE.fullmatch(simple) is not None


def is_org(simple: str) -> bool:
    """True when ``simple`` (simplified) ends in an organization head and is at least three characters.

    Examples
    --------
    >>> is_org("中国工程院"), is_org("湖北省统计局"), is_org("部"), is_org("国海证券")
    (True, True, False, False)
    """
    return len(simple) >= 3 and _HEAD_END.search(simple) is not None


def org_prefix(simple: str) -> int:
    """Length of the longest prefix of ``simple`` that is an organization followed by a role, or 0.

    Examples
    --------
    >>> s = "国务院研究室社会发展研究司司长"
    >>> s[: org_prefix(s)]
    '国务院研究室社会发展研究司'
    """
    for cut in range(len(simple) - 1, 2, -1):
        if is_role(simple[cut:]) and is_org(simple[:cut]):
            return cut
    return 0


def _items(simple: str, start: int, end: int) -> list[tuple[int, int]]:
    """``、``-separated items of ``simple[start:end]`` after leading verbs and ordinals."""
    while start < end and simple[start] in ":： ":
        start += 1
    while (m := _LEAD.match(simple, start, end)) is not None and m.end() > start:
        start = m.end()
    items, pos = [], start
    for i in range(start, end + 1):
        if i == end or simple[i] == "、":
            if i > pos:
                items.append((pos, i))
            pos = i + 1
    return items


def _org_start(simple: str, start: int, cut: int) -> int:
    """Where the organization of ``simple[start:cut]`` begins: after a last ``的``."""
    de = simple.rfind("的", start, cut)
    return de + 1 if de >= 0 else start


def _clause(simple: str, start: int, end: int) -> list[Affiliation]:
    out: list[Affiliation] = []
    pending: list[tuple[int, int, str]] = []  # organizations waiting for a role
    group: list[tuple[int, int, str]] = []  # organizations of the current role
    role: tuple[int, int] | None = None

    def flush() -> None:
        if role is not None:
            out.extend(Affiliation((s, e), role, label) for s, e, label in group)

    for s, e in _items(simple, start, end):
        item = simple[s:e]
        periodical = _PERIODICAL.match(item)
        cut = org_prefix(item)
        if periodical and is_role(item[periodical.end() :]):
            flush()
            group, role = pending + [(s + 1, s + periodical.end() - 1, "WORK")], (s + periodical.end(), e)
            pending = []
        elif cut and (org_start := _org_start(simple, s, s + cut)) + 2 < s + cut:
            flush()
            group, role = pending + [(org_start, s + cut, "ORG")], (s + cut, e)
            pending = []
        elif is_role(item) and role is not None:
            role = (role[0], e)
        elif is_org(item) and len(item) <= 30:
            pending.append((_org_start(simple, s, e), e, "ORG"))
        else:
            break
    flush()
    return out


def parse_affiliations(text: str, start: int, end: int) -> list[Affiliation]:
    """Affiliations stated in ``text[start:end]``, clause by clause, with offsets into ``text``.

    Parameters
    ----------
    text : str
        The text (simplified or traditional Chinese).
    start, end : int
        The stretch to read, e.g. a bio after the name.

    Returns
    -------
    list of Affiliation
        In text order; several organizations of one item list share its role.

    Examples
    --------
    >>> text = "中國人民大學國家發展與戰略研究院、公共管理學院副教授,財政部中國政府采購網咨詢專家"
    >>> [(text[slice(*a.org)], text[slice(*a.role)]) for a in parse_affiliations(text, 0, len(text))]
    [('中國人民大學國家發展與戰略研究院', '副教授'), ('公共管理學院', '副教授')]
    >>> text = "阮靜:《財政監督》雜志編輯"
    >>> [(text[slice(*a.org)], a.label, text[slice(*a.role)]) for a in parse_affiliations(text, 3, len(text))]
    [('財政監督', 'WORK', '雜志編輯')]
    """
    simple = to_simplified(text[start:end])
    out: list[Affiliation] = []
    pos = 0
    for m in [*_CLAUSE_END.finditer(simple), None]:
        stop = m.start() if m else len(simple)
        out += _clause(simple, pos, stop)
        pos = m.end() if m else pos
    return [Affiliation((a.org[0] + start, a.org[1] + start), (a.role[0] + start, a.role[1] + start), a.label) for a in out]
