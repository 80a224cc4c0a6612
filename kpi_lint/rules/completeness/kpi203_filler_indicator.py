"""KPI203 filler-indicator."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, ClassVar

from kpi_lint.model import Document, Indicator, Project, office_anchors, places_of
from kpi_lint.parse.common import canonical_level2, squash
from kpi_lint.penalty import Dimension, Penalty
from kpi_lint.rules.base import Finding, Rule, Severity
from kpi_lint.rules.target.common import CATEGORY_NAMES, clean, is_blank, name_cues

# A unit tacked onto the name ("机关运转率（%）", "生态效益提升值%") does not make it specific.
_UNIT_TAIL = re.compile(r"(?:[（(][^（）()]{1,5}[)）]|%|％)$")
# Outputs, cost and satisfaction apply to every project: a filler there needs a real indicator, not deletion.
_ALWAYS_APPLY = ("数量指标", "质量指标", "时效指标", "成本指标", "服务对象满意度指标")
# What a specific indicator of each category looks like, for the message: the form of a name, ×× standing for the
# project's own object (its beneficiaries, works, services). Not one sample project's indicator: "参保群众对经办服务的
# 满意度" (a medical-insurance office's) was shown to a sugarcane subsidy and a CDC alike.
_EXAMPLES = {
    "数量指标": "受益××人数",
    "质量指标": "××验收合格率",
    "时效指标": "××完成时间",
    "成本指标": "××单位成本",
    "经济效益指标": "带动××增收金额",
    "社会效益指标": "××政策知晓率",
    "生态效益指标": "××能耗较上年下降率",
    "可持续影响指标": "××设施正常使用年限",
    "服务对象满意度指标": "受益××满意度",
}
_DEFAULT_EXAMPLE = "受益××人数"


def _phrase_why(ind: Indicator) -> tuple[str, bool]:
    """What is wrong with a filler phrase: a category's name without its 指标 ("服务对象满意度") names the
    category, not what is measured — exactly that, not an empty phrase ("生态影响"); and whether the row says
    what it measures elsewhere (its explanation column), so that only its name falls short."""
    name = _label_name(ind)
    if f"{name}指标" in CATEGORY_NAMES:
        described = _described(ind, name)
        if described:
            # "服务对象满意度 | 享受高龄津贴的对象对老龄工作的满意程度": the row says whom, only not in its name
            return f"只是指标类别的名称，衡量谁、衡量什么写在指标说明里（“{described}”），名称本身没有写明", True
        return "只是指标类别的名称，没有写明衡量谁、衡量什么", False
    return "是空泛的套话，不说明衡量什么", False


def _described(ind: Indicator, name: str) -> str | None:
    """The row's own description when it says something of its own: not empty, not holding the name again
    ("服务对象满意度调查"), not itself a category."""
    text = squash(ind.description or "")
    said = clean(text)
    if not said or said in name or name in said or f"{said}指标" in CATEGORY_NAMES:
        return None
    if said == clean(ind.value):
        return None  # "时效指标 | 全年 | 全年": the description repeats the target, it says nothing of what is measured
    return text


def _label_name(ind: Indicator) -> str:
    return clean(_UNIT_TAIL.sub("", squash(ind.level3 or "")))


class FillerIndicator(Rule):
    """三级指标只是类别名称或空泛的套话。

    默认级别：警告 warning。

    **做什么**

    三级指标去掉空白、标点和末尾单位后，等于 ``lexicons/filler_phrases.txt`` 中的短语（生态影响、经济发展、
    提高效率、项目实现功能、环保节能……）或指标体系本身的类别名（生态效益指标、数量指标……）时报告。
    类别下整行空着的情况归 KPI201/KPI202。一个项目半数以上（至少 3 行）已填指标的三级指标都是类别名（指标名称
    一栏填的是“数量指标”“质量指标”……）时，这是整张表的填法，报告一次，列出各行；其中指标描述一栏说明了衡量什么
    的行（“数量指标 | 375万平方米 | 完成全市375万平方米的绿地养护”），消息照实说明，只缺名称；各行都有这样的
    说明时报告为提示 info（只重复指标值的说明，如“全年 | 全年”，不算）。名称只是类别名、但这一行的
    指标说明（指标解释）一栏写明了衡量谁（“服务对象满意度 | 享受高龄津贴的对象对老龄工作的满意程度”）时，这一行
    本身是完整的，只有名称不够具体：报告为提示 info，并说明对象已写在指标说明里。
    消息中的示例只给具体名称的写法，××为本项目自己的对象（“受益××人数”“××验收合格率”“受益××满意度”），
    不拿某个样本项目的指标（医保经办的“参保群众政策知晓率”）给所有项目当示例。

    **为什么不好**

    财预〔2021〕101号要求指标与项目相关（相关性）；不适用的类别应不设，而不是用套话凑数。办公楼租赁项目写
    "生态影响 ≥95"什么也没衡量，只是让表格显得齐全，自评时（财预〔2020〕10号）还会白拿分数。

    **示例**（003，2023医保局办公楼租赁费7.2万元；冀财社【2021】159号）::

        生态效益指标 | 生态影响 | ≥95
        生态效益指标 | 环保节能 | >90

    **改为**：类别不适用就删去这一行；适用时写明衡量什么::

        生态效益指标 | 办公区年用电量较上年下降率 | ≥5%
    """

    code = "KPI203"
    name = "filler-indicator"
    title_zh = "凑数指标"
    penalty = Penalty(Dimension.RELEVANCE, 5, 20)
    severity = Severity.WARNING
    family = "completeness"

    options: ClassVar[dict[str, Any]] = {
        # Category names on at least this share of a project's filled rows (and on at least
        # `pattern_min` rows) are how the table was filled in — its 指标名称 column holds the
        # categories (g04) — not a slip per row: one finding lists the rows.
        "pattern_share": 0.5,
        "pattern_min": 3,
    }

    def check_project(self, project: Project, doc: Document) -> Iterator[Finding]:
        cues = name_cues(self.lexicon)
        fillers = {clean(p) for p in self.lexicon.filler_phrases}
        labels: list[Indicator] = []
        phrases: list[Indicator] = []
        filled = 0
        for ind in project.indicators:
            name = _label_name(ind)
            if not name or is_blank(ind.value, cues):
                continue  # a category printed empty: KPI201 / KPI202
            filled += 1
            if name in CATEGORY_NAMES:
                labels.append(ind)
            elif name in fillers:
                phrases.append(ind)
        if self.is_habit(len(labels), filled):
            yield self._pattern(doc, project, labels, filled)
            labels = []
        label_ids, phrase_ids = {id(ind) for ind in labels}, {id(ind) for ind in phrases}
        for ind in project.indicators:
            if id(ind) in label_ids:
                yield self._row(doc, project, ind, "只是指标类别的名称")
            elif id(ind) in phrase_ids:
                why, described = _phrase_why(ind)
                yield self._row(doc, project, ind, why, described=described)

    def _row(self, doc: Document, project: Project, ind: Indicator, why: str, *, described: bool = False) -> Finding:
        # The category the row stands for: its 二级, or the 二级 label it prints as its name.
        level2 = ind.level2 or canonical_level2(ind.level3)
        category = level2 or ind.level1 or "该类别"
        example = _EXAMPLES.get(level2 or "", _DEFAULT_EXAMPLE)
        if level2 in _ALWAYS_APPLY:
            advice = f"应写明具体衡量的对象和口径（如“{example}”）"
        else:
            advice = (
                f"{category}不适用于本项目时应整行删去，不要用套话填充；适用时写明具体衡量的对象和口径（如“{example}”）"
            )
        severity = None
        if described:
            # The row is complete, its explanation column says whom: a reviewer reads it as a whole; a hint only
            # (as KPI202 on a form that carries the categories elsewhere).
            advice = f"这一行本身是完整的，宜把对象写进名称（如“{example}”），这里只作提示"
            severity = Severity.INFO
        return self.finding(
            doc, f"三级指标“{ind.level3}”{why}。{advice}。", project=project, indicator=ind, severity=severity
        )

    def _pattern(self, doc: Document, project: Project, labels: list[Indicator], filled: int) -> Finding:
        """One finding for a table whose 指标名称 column holds the categories. Rows whose description column says
        what they measure (g04 "数量指标 | 375万平方米 | 完成全市375万平方米的绿地养护") are complete but for the
        name, as in the row message: the message says so, and when every such row has one it is a hint (info)."""
        places = [ind.span("level3") for ind in labels]
        lines = places_of([(ind.span("level3")[0], ind.anchor("level3")) for ind in labels])
        names = "、".join(dict.fromkeys(squash(ind.level3 or "") for ind in labels))
        said = [(ind, text) for ind in labels if (text := _described(ind, _label_name(ind)))]
        head = f"项目已填的 {filled} 个指标中有 {len(labels)} 个的三级指标只是指标类别的名称（{names}；在{lines}）"
        examples = f"如数量指标“{_EXAMPLES['数量指标']}”、社会效益指标“{_EXAMPLES['社会效益指标']}”"
        severity = None
        if not said:
            message = (
                f"{head}：指标名称一栏填的是类别，没有写出具体衡量什么。每个指标都应写明衡量的对象和口径，{examples}。"
            )
        elif len(said) == len(labels):
            message = (
                f"{head}，衡量什么写在指标描述一栏（如“{said[0][1]}”）：这几行本身是完整的，"
                f"宜把衡量的对象写进名称（{examples}），这里只作提示。"
            )
            severity = Severity.INFO
        else:
            bare = "、".join(
                dict.fromkeys(squash(ind.level3 or "") for ind in labels if all(ind is not i for i, _ in said))
            )
            message = (
                f"{head}：其中 {len(said)} 个在指标描述一栏说明了衡量什么（如“{said[0][1]}”），名称一栏没有写出；"
                f"{bare}连指标描述也没有写出具体衡量什么。每个指标都应在名称里写明衡量的对象和口径，{examples}。"
            )
        finding = self.finding(doc, message, project=project, indicator=labels[0], severity=severity)
        finding.occurrences = places
        finding.occurrence_anchors = office_anchors([ind.anchor("level3") for ind in labels])
        return finding
