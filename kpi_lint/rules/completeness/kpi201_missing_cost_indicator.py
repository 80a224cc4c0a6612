"""KPI201 missing-cost-indicator."""

from __future__ import annotations

from collections.abc import Iterator

from kpi_lint.model import Document, EmptyCategory, Indicator, Project
from kpi_lint.parse.common import canonical_level2, squash
from kpi_lint.penalty import Dimension, Penalty
from kpi_lint.rules.base import Finding, Rule, Severity
from kpi_lint.rules.completeness._template import TEMPLATE_2021, TEMPLATE_NDRC, detect_template
from kpi_lint.rules.consistency._years import fiscal_year
from kpi_lint.rules.context import SUGGESTER
from kpi_lint.rules.target.common import (
    CATEGORY_NAMES,
    COST,
    NameCues,
    cited_example,
    department_wide,
    figure_in_name,
    is_blank,
    name_cues,
    peer_example,
    peer_lines,
    target_in_name,
)
from kpi_lint.rules.text._text import holds_any
from kpi_lint.vocab import COST_LEVEL2, OUTPUT, QUALITY, QUANTITY, TIMELINESS

# The two forms an economic cost target takes (财预〔2021〕101号: 经济成本 — 单位成本 or a total kept within the funds),
# N being the project's own figure: said without a figure when no peer of the project's sector gives one.
UNIT_OR_CEILING = (
    "单位成本（每人、每亩、每件等的支出标准，如“≤N元/人”）或主要支出的总额上限（“≤N元”，按本项目资金测算）"
)


def is_cost(ind: Indicator) -> bool:
    """Filed under 成本; or, in a table without a 二级 column, a row whose 指标名称 cell names the cost
    category (m05's 绩效监控表 "成本 | 年度预算220万元", g04's "指标类型 | 指标名称 | 指标值")."""
    if ind.level2 == COST or ind.level1 == COST:
        return True
    return not ind.level2 and canonical_level2(ind.level3) in COST_LEVEL2


def is_filled(ind: Indicator, cues: NameCues) -> bool:
    """A real indicator: a named 三级指标 (not the category label again) with a value — in the value
    cell, or printed in the name cell itself ("…≥**%)>=100%", "建设普通省道二级公路32.1公里") when the
    department wrote it there or the reader could not split the two."""
    name = squash(ind.level3 or "")
    if is_blank(name, cues) or name in CATEGORY_NAMES:
        return False
    return not is_blank(ind.value, cues) or target_in_name(ind.level3) or figure_in_name(ind.level3, cues)


def is_classified(project: Project) -> bool:
    """The table files its rows under 二级指标 (or prints empty categories): a form without a 二级
    column (重庆's 一般性项目绩效目标表, a 部门整体 list of indicators) has none."""
    return bool(project.empty_categories) or any(ind.level2 or ind.level1 for ind in project.indicators)


def unclassified_cost(project: Project, cost_words: tuple[str, ...]) -> Indicator | None:
    """In a table without categories, a row that is a cost target all the same: an amount of money
    under a name with a cost word ("发放金额 ≥9.31万元", "人均补助标准 77元/人")."""
    for ind in project.indicators:
        name = squash(ind.level3 or "")
        if ind.parsed is not None and ind.parsed.kind == "money" and holds_any(name, cost_words):
            return ind
    return None


def unit_cost_elsewhere(project: Project) -> Indicator | None:
    """A row filed under another category whose value is money per unit ("农村低保标准 | ≥530元/人·月",
    "扶贫临时救助标准 | ≤5300元/户"): a unit cost (财预〔2021〕101号's 经济成本), set but misfiled."""
    for ind in project.indicators:
        parsed = ind.parsed
        if is_cost(ind) or parsed is None or parsed.kind != "money" or parsed.number is None:
            continue
        if "/" in (parsed.unit or ""):
            return ind
    return None


# The words by which a row's name speaks of cost: the cost cues of category_cues.txt of two characters or more (its
# 费 and 元 alone also open 免费, 收费, 元旦), and 费用 — as what the name measures, at its end or before a word of
# control ("项目成本控制", "经费节约"): "申报定向费用补贴金融机构满意度" measures satisfaction, not cost.
_COST_NAME_MIN = 2
_COST_NAME_EXTRA = ("费用",)
_CONTROL_WORDS = ("", "控制", "管控", "节约", "压减")


def names_cost(project: Project, cost_cues: tuple[str, ...]) -> Indicator | None:
    """A row filed outside the cost category whose name is about cost and whose value states no amount (w03's
    效益指标 "项目成本控制 | 不超预算"): the table says something of cost there, not nothing."""
    words = tuple(w for w in (*cost_cues, *_COST_NAME_EXTRA) if len(w) >= _COST_NAME_MIN)
    endings = tuple(w + c for w in words for c in _CONTROL_WORDS)
    for ind in project.indicators:
        if is_cost(ind) or (ind.parsed is not None and ind.parsed.kind == "money"):
            continue
        if squash(ind.level3 or "").endswith(endings):
            return ind
    return None


def opening_level2(project: Project) -> str | None:
    """The 二级 of the first categorised row of a table whose text opens inside it
    (``Project.cut_before``): the categories before it may lie before the excerpt.  None when the
    table is read from its start."""
    if not project.cut_before:
        return None
    return next((i.level2 for i in project.indicators if i.level2), None)


def _opens_after_outputs(project: Project) -> bool:
    """The first categorised row of a table read from the middle is past the 产出 rows."""
    first = opening_level2(project)
    return first is not None and first not in (OUTPUT, QUANTITY, QUALITY, TIMELINESS, *COST_LEVEL2)


class MissingCostIndicator(Rule):
    """项目没有填写成本指标。

    默认级别：错误 error。

    **做什么**

    项目所有期间都没有已填的成本指标时报告——成本指标行空着、写"未填报"，或根本没有这一行。每个项目报告
    一次；有空的成本指标单元格时就指向它。表格在原文中被截断的项目不报告（除非截断之前已印出空着的成本指标一栏）。
    原文没有指标表、只在文字中转述一部分指标（``Project.quoted``：转述的指标都在同一个一级指标下，如新闻稿
    "在产出指标方面,要求…"）的项目也不报告：没有转述不等于没有设。表格没有二级指标分类时（重庆的一般性项目
    绩效目标表等），名称含成本提示词（``category_cues.txt`` 的成本指标一行）且指标值是金额的行也算成本指标
    （"发放金额 ≥9.31万元"）。有同类指标索引（``kpi_lint.cluster``）
    时，建议中列出可比项目（按名称、行业用词和资金规模选出）设定的成本指标：金额按本项目资金折算，不提任何规则
    会标记的值，并写明有几个同类项目使用、出处在哪里（``kpi_lint.library.suggest``）。

    表中没有成本指标一栏、但其他类别下有一行以成本为名而没有金额（"效益指标 | 项目成本控制 | 不超预算"）时，
    消息指向这一行：它说到了成本，只是没有写成本目标。国家发展改革委中央预算内投资计划绩效目标表（由一级指标
    "实施效果指标"识别）没有成本指标一栏：这时只作提示（info），说明可在产出指标中写明单位成本或总额上限——
    按该表填报的单位没有漏填表中的任何一栏。其他类别下有一行写的是每单位的支出标准（金额带"/人""/户"：b02 质量指标
    "扶贫临时救助标准 | ≤5300元/户"）时，报警告（warning）并指向这一行：单位成本设了，只是没放在成本指标下。原文是
    文字报告、转述的指标不分类别（``Project.in_prose``）时只作提示（info）：转述不出成本目标，不等于原表没有设。部门整体绩效目标表或自评表（标题含"整体"，
    ``target.common.department_wide``）没有成本指标一栏时同样只作提示：这类表按部门履职列指标，提示写部门主要支出
    的控制目标（"公用经费支出 ≤N元"），而不是"按本项目资金测算"的单位成本。

    建议（suggestion）与消息中的示例都只取自同一领域的项目（领域先按项目名称判断，名称不含领域词时才看主管部门
    和单位）；都不含领域词时不列任何数字，本项目未列资金总额时也不列同类项目未经换算的总额：另一个领域的单价和总额（人才驿站的资金投入、医院的财政补助）不是本项目成本的参照。被页面或摘录截断
    的同类项目指标行（``kpi_lint.library.cut_rows``）从不作为建议或示例。

    消息中的示例取自与本项目同一领域（``lexicons/sectors.txt``）、名称和指标最相近的项目设定的成本指标（金额按
    本项目资金规模换算，经规则检查），且至少 2 个这样的项目都设了它（"如同类项目所设“…”"）；没有这样的项目时
    不举具体数字，只说成本目标的两种写法（写明了年份的示例须是本项目的预算年度：``target.common.fits_year``）：单位成本（"≤N元/人"）或按本项目资金测算的总额上限（"≤N元"）。
    绝不拿某一个样本项目的数字（"会议费 ≤20000元"）给所有项目当示例：几百万元的补助资金、学校、法院照抄它
    毫无意义。

    **为什么不好**

    财预〔2021〕101号要求每个项目都设成本指标，新模板还把成本指标列为一级指标：没有成本目标，
    适当性审核（财预〔2015〕88号）——资金与目标是否匹配——就无从比较，自评（财预〔2020〕10号）也无法判断
    产出的价格是否合理。

    **示例**（004，城乡居民医疗保险工作经费；000 也同样空着）::

        成本指标 | 成本指标 |  | 未填报

    **改为**（002，2023年中央财政医疗服务与保障能力提升补助资金）::

        成本指标 | 会议费 | 20000元
        成本指标 | 培训费 | 30000元
    """

    code = "KPI201"
    name = "missing-cost-indicator"
    title_zh = "缺少成本指标"
    penalty = Penalty(Dimension.COMPLETENESS, 15, 15)
    severity = Severity.ERROR
    family = "completeness"
    uses = frozenset({SUGGESTER})
    uses_peers = True

    def check_project(self, project: Project, doc: Document) -> Iterator[Finding]:
        template = detect_template(project)
        printed_empty = any(e.level2 in template.core_cost for e in project.empty_categories)
        if project.cut_off and not printed_empty:
            return  # the table breaks off: its cost rows may lie beyond the break (the break is reported)
        if project.quoted:
            return  # sentences quoting part of the table: what they leave out is not shown absent (noted)
        if set(template.core_cost) & set(project.unsplit):
            return  # a cost list written but not split into rows by the reader (noted): not missing
        if not printed_empty and _opens_after_outputs(project):
            return  # the excerpt opens at the 效益/满意度 rows: the cost rows may lie before it
        cues = name_cues(self.lexicon)
        if not is_classified(project) and unclassified_cost(project, self.lexicon.category_cues.get(COST, ())):
            return  # no categories printed, but a money target under a cost word is a cost indicator
        costs = [ind for ind in project.indicators if is_cost(ind)]
        if any(is_filled(ind, cues) and (ind.level2 in template.core_cost or ind.level2 is None) for ind in costs):
            return
        empty = next((e for e in project.empty_categories if e.level2 in template.core_cost), None)
        filled_other = [ind for ind in costs if is_filled(ind, cues)]
        if filled_other:  # 财预〔2021〕101号: 社会/生态环境成本 are set, the core 经济成本 is not
            names = "、".join(sorted({ind.level2 or "" for ind in filled_other}))
            how = f"只填了{names}，没有{template.cost_label}"
        elif empty is not None:
            how = f"成本指标一栏{'写着“' + empty.note + '”' if empty.note else '是空的'}"
        elif costs:
            marker = next((c.value for c in costs if c.value and c.value.strip()), None)
            how = f"成本指标一栏{'写着“' + marker.strip() + '”' if marker else '没有填写'}"
        elif (named := names_cost(project, self.lexicon.category_cues.get(COST, ()))) is not None:
            costs = [named]  # the finding points at the row that speaks of cost
            where = named.level2 or named.level1 or "其他指标"
            row = f"{named.level3} | {(named.value or '').strip()}"
            how = f"表中没有成本指标一栏，{where}下的“{row}”说到成本，但没有写金额"
        elif (priced := unit_cost_elsewhere(project)) is not None:
            yield self._unit_cost_elsewhere(doc, project, priced)
            return
        elif project.in_prose and not is_classified(project):
            yield self._prose(doc, project)
            return
        elif template is TEMPLATE_NDRC:
            yield self._ndrc(doc, project)
            return
        elif department_wide(project):
            yield self._department(doc, project)
            return
        else:
            how = "表中没有成本指标"
        rule_of = f"（按{template.name}模板，应设{template.cost_label}）" if template is TEMPLATE_2021 else ""
        suggestion = None
        suggester = self.context.extras.get(SUGGESTER)
        if suggester is not None:
            examples = peer_lines(suggester, project, doc.path, COST, k=3, year=fiscal_year(project, doc))
            suggestion = "；".join(examples) if examples else None
        # What to write: what projects of its own sector set (fitted to its funds), else the form without a figure —
        # one sample project's 会议费 is no example for a multi-million subsidy fund, a school or a court.
        example = peer_example(suggester, project, doc.path, COST, fiscal_year(project, doc), lexicon=self.lexicon)
        what = cited_example(example) or f"：{UNIT_OR_CEILING}"
        message = (
            f"项目没有成本指标：{how}{rule_of}。每个项目都应设成本指标，写明经济成本{what}，"
            "以便核对资金与目标是否匹配。"
        )
        yield self._at(doc, project, empty, filled_other or costs, message, suggestion)

    def _unit_cost_elsewhere(self, doc: Document, project: Project, priced: Indicator) -> Finding:
        """No cost category, but another category holds a money-per-unit standard ("扶贫临时救助标准 | ≤5300元/户"
        under 质量): the unit cost is set, misfiled — a warning at that row, not an error that none exists."""
        where = priced.level2 or priced.level1 or "其他指标"
        row = f"{priced.level3} | {(priced.value or '').strip()}"
        message = (
            f"项目没有成本指标一栏，但{where}下的“{row}”是每单位的支出标准，正是成本指标要写的单位成本："
            "请把这类支出标准移到成本指标（经济成本指标）下，以便核对资金与目标是否匹配。"
        )
        return self.finding(doc, message, project=project, indicator=priced, severity=Severity.WARNING)

    def _prose(self, doc: Document, project: Project) -> Finding:
        """A report in sentences that files no item under a category (in_prose, unclassified): it restates some
        targets, it cannot show that the indicator set has no cost target — noted (info), as KPI202 notes it."""
        message = (
            "原文是文字报告，只在文字中转述了部分指标、没有写明各属哪个二级指标，其中没有成本目标：无法确定原指标表"
            f"是否设了成本指标，请对照原表核实。每个项目都应设成本指标，写明经济成本：{UNIT_OR_CEILING}。"
        )
        return self.finding(doc, message, project=project, level2=COST, severity=Severity.INFO)

    def _ndrc(self, doc: Document, project: Project) -> Finding:
        """The NDRC form prints no cost category: noted (info), with where a cost target can go."""
        message = (
            f"项目没有成本指标：{TEMPLATE_NDRC.name}没有成本指标一栏，不是漏填。如需核对资金与目标是否匹配，"
            f"可在产出指标中写明{UNIT_OR_CEILING}。"
        )
        return self.finding(doc, message, project=project, level2=COST, severity=Severity.INFO)

    def _department(self, doc: Document, project: Project) -> Finding:
        """A department-wide form (title 整体) printing no cost category: noted (info), with what a cost target of a
        whole department's spending looks like — not a project's unit cost "按本项目资金测算"."""
        message = (
            "部门整体绩效表中没有成本指标：这类表按部门履职列指标，模板常不设成本一栏，不一定是漏填。如需核对资金与"
            "目标是否匹配，可写明部门主要支出的控制目标，如“公用经费支出 ≤N元”“人均公用经费 ≤N元/人”。"
        )
        return self.finding(doc, message, project=project, level2=COST, severity=Severity.INFO)

    def _at(
        self,
        doc: Document,
        project: Project,
        empty: EmptyCategory | None,
        costs: list[Indicator],
        message: str,
        suggestion: str | None,
    ) -> Finding:
        if costs:
            return self.finding(doc, message, project=project, indicator=costs[0], suggestion=suggestion)
        if empty is not None:
            return self.finding(
                doc,
                message,
                project=project,
                at=empty,
                period=empty.period,
                level1=empty.level1,
                level2=empty.level2,
                suggestion=suggestion,
            )
        return self.finding(doc, message, project=project, level2=COST, suggestion=suggestion)
