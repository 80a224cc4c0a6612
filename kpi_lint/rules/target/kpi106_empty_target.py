"""KPI106 empty-target."""

from __future__ import annotations

from collections.abc import Iterator

from kpi_lint.model import Document, Indicator, Project
from kpi_lint.parse.common import squash
from kpi_lint.parse.values import parse_value
from kpi_lint.penalty import Dimension, Penalty
from kpi_lint.rules.base import Finding, Rule, Severity
from kpi_lint.rules.target.common import (
    CATEGORY_NAMES,
    TIMELINESS,
    NameCues,
    cut_by_the_break,
    figure_in_name,
    in_process_section,
    is_blank,
    name_at_the_break,
    name_cues,
    name_unit,
    points_as_target,
    states_manner,
    target_form,
    target_in_name,
    words_in,
)

_SHARED_TAIL = 2  # characters of the measured thing a heading and its items end with: 面积, 数量


def heads_breakdown(project: Project, at: int, cues: NameCues) -> bool:
    """The value-less row at `at` is the heading of a breakdown: it carries the 分值/得分 while the
    rows right below it, in the same period and 二级, carry none but each has a target, and they
    measure the same thing (k03's 自评表: "★补助家畜家禽养殖数量 | 10 | 10" over "猪养殖数量 80头",
    "牛养殖数量 3头" …). Its target is the sum of its items, printed on their rows."""
    head = project.indicators[at]
    if head.weight is None and head.score is None:
        return False
    items: list[Indicator] = []
    for row in project.indicators[at + 1 :]:
        if row.period != head.period or row.level2 != head.level2 or row.weight is not None or row.score is not None:
            break
        items.append(row)
    tail = squash(head.level3 or "")[-_SHARED_TAIL:]
    return (
        bool(items)
        and len(tail) == _SHARED_TAIL
        and all(not is_blank(row.value, cues) for row in items)
        and any(squash(row.level3 or "").endswith(tail) for row in items)
    )


class EmptyTarget(Rule):
    """三级指标没有指标值，或指标值没有三级指标。

    默认级别：警告 warning。

    **做什么**

    一行指标写了三级指标名称却没有指标值（或只写了 ``lexicons/empty_values.txt`` 中的"未填报"之类），
    或者有指标值却没有说明衡量什么的三级指标时报告。某个类别整行空着（空的成本指标行）属于缺少维度，
    由 KPI201/KPI202 报告。名称以 ``lexicons/vague_words.txt`` 中的词开头或结尾（g08 叙述体
    "生态效益指标:生态修复功能提高"，"可持续影响指标:持续发展"）时，消息点出名称里的这个词只说了方向、不是目标：目标既没填，也没写进名称。

    名称一栏已写着目标（"完成及时率(≥**%)>=100%"，或带单位的数字"建设普通省道二级公路32.1公里"）时不报：
    目标写进了名称（或粘连的一行没能拆开），这一行并非没有目标。名称一栏读出来不是名称（指标性质一栏的
    "-定性"，折行的类别标签"满意度指标服务对象"）时也不报：那不是一个指标。自评表里一行只有分值、得分而没有
    指标值，紧接着的几行（同一二级指标）没有分值、各有指标值，且计量的是同一样东西（名称结尾相同："★补助家畜家禽
    养殖数量 10 10"下面是"猪养殖数量 80头""牛养殖数量 3头"）时也不报：那一行是分项的标题，目标写在各分项上。
    质量、时效或效益指标下，名称是定性要求、看不出单位，指标值却只是一个不超过 50 的整数、没有比较符（k07
    "质量指标 | 建设符合验收要求 | 20 | 20"，表里没有分值一栏）时也报告：这个数看不出衡量什么，多半是该行的分值
    填进了指标值一栏，目标并没有写（KPI103 不再报它缺单位：一个问题只报一次）。
    表格在原文中被截断、这一行是截断处读到的最后一行、只读到名称（自评表的其他行读到了实际值、分值，或整张自评表只读到
    这一行）时也不报：指标值在截断处之后（j15“质量指标 | 是否达到国”）；原文停在名称这一格中（``Project.cut_cell``）时，
    无论表格是否被判为截断，都不报；原文停在指标值这一格中、读到的只是“无”“—”一类空值词时也不报：那可能只是目标的开头。表格自己的过程管理一节（一级"过程管理"，
    如自评框架的"项目管理 | 投入管理"）里的行也不报：那是评价项目怎么管的评分项，模板本来不要求填指标值（常印“—”），
    目标值规则都不检查它们。文字报告里一句“对象 + 方式词 + 动作”的陈述（``compliance_phrases.txt`` 的键“方式”：
    正常、按时、足额……，“职工个税正常申报缴纳”；时效指标下除外，那里要的是日期）是按规定办到与否的定性目标：提示（info）它可以按是/否核查、应写明核查的
    口径和结论，不说没有目标。原文是文字报告（``Project.in_prose``，"质量指标:确保天桥质量,已完成"）时，消息说原文只写了
    这一句、没有写出可核查的目标，而不说"没有填写指标值…整行删去"：报告里没有可填或可删的格子。

    **为什么不好**

    财预〔2015〕88号要求每个指标都有目标值，财预〔2020〕10号按目标值给自评打分：没有值的指标无所谓完成与否，
    没有指标的值说不清衡量什么。这类行通常是模板残留，或填表时丢失。

    **示例**（000，离干、伤残军人、新中国成立前老工人医疗费：指标值旁没有指标名称）::

        产出指标 | 数量指标 |  | 1人
        产出指标 | 质量指标 |  | ≥100%

    **改为**::

        产出指标 | 数量指标 | 离休干部、二等乙级伤残军人数 | 60人
    """

    code = "KPI106"
    name = "empty-target"
    title_zh = "目标值为空"
    penalty = Penalty(Dimension.COMPLETENESS, 3, 15)
    severity = Severity.WARNING
    family = "target"
    suggests_value = True

    def check_project(self, project: Project, doc: Document) -> Iterator[Finding]:
        cues = name_cues(self.lexicon)
        for at, ind in enumerate(project.indicators):
            label_only = squash(ind.level3 or "") in CATEGORY_NAMES  # the category repeated: KPI203
            name_blank = is_blank(ind.level3, cues)
            value_blank = is_blank(ind.value, cues)
            if in_process_section(ind):
                continue  # "项目管理 | 投入管理 | —": the evaluator's criteria, no target asked
            if (name_blank or label_only) and value_blank:
                continue  # an empty category: KPI201 / KPI202
            if label_only:
                continue
            if value_blank and (target_in_name(ind.level3) or figure_in_name(ind.level3, cues)):
                continue  # the name cell prints the target too ("完成及时率(≥**%)>=100%", "…公路32.1公里"): not empty
            if value_blank and not self.readings.is_name(ind.level3):
                continue  # "-定性" (a 指标性质 cell), "满意度指标服务对象" (a wrapped label): no indicator at all
            if value_blank and (name_at_the_break(ind, project, doc) or project.cut_in(ind, "value")):
                # "质量指标 | 是否达到国" where the excerpt stops: its value lies beyond the break; a "无" or "—" in the
                # cell the text stops inside may be the start of a target ("无重大安全事故")
                continue
            if value_blank and heads_breakdown(project, at, cues):
                continue  # "★补助家畜家禽养殖数量 10 10" over its items "猪养殖数量 80头" …: a heading, not empty
            if value_blank:
                form = target_form(ind, cues, doc.year)
                said = self._direction_in_name(ind.level3 or "")
                told = f"（名称里的“{said}”只说了方向，不是目标）" if said else ""
                example = f"，如“{form}”" if form else ""
                if project.in_prose and ind.level2 != TIMELINESS and states_manner(ind.level3, self.lexicon):
                    # "职工个税正常申报缴纳": done in the manner a rule sets or not — a yes/no target, stated in words
                    message = (
                        f"原文在文字中写了“{ind.level3}”：这是按规定办到与否的定性目标，可以按是/否核查，"
                        "但没有写明怎样核查。应写明核查的口径和结论，如“按月足额申报，未发生逾期”。"
                    )
                    yield self.finding(doc, message, project=project, indicator=ind, severity=Severity.INFO)
                    continue
                if project.in_prose:  # a sentence of a report, not a table row: there is no cell to fill or delete
                    kinds = example or "（数值、日期，或按规定办到与否的结论）"
                    message = (
                        f"原文在文字中只写了“{ind.level3}”{told}，没有写出可核查的目标：无法评价是否完成。"
                        f"应写明目标值{kinds}。"
                    )
                else:
                    message = (
                        f"三级指标“{ind.level3}”没有填写指标值{told}：没有目标就无法评价是否完成。"
                        f"应写明可衡量的目标值{example}；不适用的指标应整行删去。"
                    )
                yield self.finding(doc, message, project=project, indicator=ind, suggestion=form)
            elif self._points_only(ind, project):
                yield self._points_finding(doc, project, ind)
            elif name_blank:
                yield self.finding(
                    doc,
                    f"指标值“{ind.value}”没有对应的三级指标：看不出它衡量什么。"
                    f"应在{ind.level2 or '对应的二级指标'}下写明具体的三级指标名称。",
                    project=project,
                    indicator=ind,
                    span="value",
                )

    def _points_only(self, ind: Indicator, project: Project) -> bool:
        """The 指标值 cell holds only what looks like the row's points ("质量指标 | 建设符合验收要求 | 20 | 20" on a
        form with no 分值 column: `points_as_target`): no target is written. A name that prints the target or its unit,
        a cell that reads as no name, and a value where the text breaks off are left alone, as KPI103 leaves them."""
        if target_in_name(ind.level3) or not self.readings.is_name(ind.level3) or name_unit(ind.level3) is not None:
            return False
        if cut_by_the_break(ind, project):
            return False
        parsed = ind.parsed or parse_value(ind.value, self.lexicon)
        return points_as_target(ind, parsed, self.readings.expected_unit(ind.level3))

    def _points_finding(self, doc: Document, project: Project, ind: Indicator) -> Finding:
        value = (ind.value or "").strip()
        same = f"，与实际完成值“{ind.actual}”相同" if ind.actual and squash(ind.actual) == squash(value) else ""
        message = (
            f"三级指标“{ind.level3}”没有写目标：指标值一栏只有一个数“{value}”{same}，看不出衡量什么，"
            "多半是该行的分值填进了指标值一栏。应写明可核查的目标，如达到的标准或比率（“…合格率 =100%”）、"
            "完成的数量或日期。"
        )
        return self.finding(doc, message, project=project, indicator=ind, span="value")

    def _direction_in_name(self, name: str) -> str | None:
        """The vague word (vague_words.txt) a name without a target opens or closes with: "生态修复功能提高",
        "持续发展" state a direction in the name cell and nothing to measure it by."""
        found = [w for w in words_in(name, self.lexicon.vague_words) if name.startswith(w) or name.endswith(w)]
        return found[0] if found else None
