"""KPI308 repeated-goal."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kpi_lint.model import Document, Located, Project
from kpi_lint.parse.numbering import CHINESE_NUMERAL, NUMBER_STOP
from kpi_lint.penalty import Dimension, Penalty
from kpi_lint.rules.base import Finding, Rule, Severity
from kpi_lint.rules.text._text import clean

# Where a goal text splits into its items: "1." / "2、" / "（3）" / "目标2：" numbering, or a sentence end.
_ITEM = re.compile(
    rf"(?:^|(?<=[\s。；;！!]))\s*(?:目标\s*\d+\s*[：:]|\d+\s*{NUMBER_STOP}|[(（]\s*\d+\s*[)）]|{CHINESE_NUMERAL}+\s*{NUMBER_STOP})"
    r"|[。；;！!\n]"
)
_MIN_ITEM = 4  # characters: shorter pieces ("完成") are not a goal of their own


def goal_items(text: str) -> list[str]:
    """The items of a goal text, each as compared (white space and punctuation dropped)."""
    return [c for part in _ITEM.split(text) if len(c := clean(part)) >= _MIN_ITEM]


class RepeatedGoal(Rule):
    """总体目标（或绩效目标）里同一条目标重复写了几遍。

    默认级别：warning。

    **做什么**

    把申报表的总体目标（实施期、年度分别看）和目标表的绩效目标按编号（1. 2、（3）目标1：）
    或句末标点拆成条目，去掉空白和标点后比较；有两条以上相同的，报告出来，写明重复的
    条目和次数。实施期与年度写同一段目标不算重复（一年期项目两期本来相同）。

    **为什么不好**

    总体目标应概括项目要达到的几项不同结果（财预〔2015〕88号：目标明确、具体，与
    指标对应）。同一句话写三遍，实际只有一条目标，编号只是凑数——说明目标是套写的，
    也无法与下面的指标一一对应。

    **示例**（003 第1806行，冀财社【2021】159号 医疗救助补助资金）::

        绩效目标 | 1.提高困难群众就医保障
                   2.提高困难群众就医保障
                   3.提高困难群众就医保障

    **改为**::

        绩效目标 | 1.资助符合条件的困难群众参加居民医保，资助参保率100%
                   2.住院救助对象政策范围内自付费用救助比例不低于70%
                   3.救助资金于每季度末前拨付到位
    """

    code = "KPI308"
    name = "repeated-goal"
    title_zh = "目标自我重复"
    penalty = Penalty(Dimension.CONSISTENCY, 4, 8)
    severity = Severity.WARNING
    family = "text"

    def check_project(self, project: Project, doc: Document) -> Iterator[Finding]:
        texts: list[tuple[str, Located]] = [
            (f"{period}总体目标" if period else "总体目标", loc) for period, loc in project.goals.items()
        ]
        if project.target_text is not None:
            texts.append(("绩效目标", project.target_text))
        seen: set[str] = set()
        for label, loc in texts:
            if loc.text in seen:
                continue  # the same text read twice (a goal shared by both periods)
            seen.add(loc.text)
            items = goal_items(loc.text)
            repeated = sorted({i for i in items if items.count(i) > 1}, key=items.index)
            if not repeated:
                continue
            first = repeated[0]
            more = f"等 {len(repeated)} 条" if len(repeated) > 1 else ""
            message = (
                f"{label}把“{first}”{more}重复写了 {items.count(first)} 遍（共 {len(items)} 条中只有 "
                f"{len(set(items))} 条不同）。总体目标应写明项目要达到的几项不同结果，每条可与下面的指标对应。"
            )
            finding = self.finding(doc, message, project=project, line=loc.line, column=loc.column)
            finding.anchor = loc.anchor
            yield finding
