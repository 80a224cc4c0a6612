"""KPI202 missing-dimension."""

from __future__ import annotations

from collections.abc import Iterator

from kpi_lint.model import Document, Indicator, Project
from kpi_lint.parse.common import canonical_level2, squash
from kpi_lint.penalty import Dimension, Penalty
from kpi_lint.rules.base import Finding, Rule, Severity
from kpi_lint.rules.completeness._template import Template, detect_template
from kpi_lint.rules.completeness.kpi201_missing_cost_indicator import is_classified, is_filled, opening_level2
from kpi_lint.rules.target.common import (
    BENEFIT,
    BENEFIT_LEVEL2,
    CATEGORY_NAMES,
    QUALITY,
    QUANTITY,
    SATISFACTION,
    TIMELINESS,
    NameCues,
    is_blank,
    is_name,
    is_satisfaction,
    name_cues,
)
from kpi_lint.vocab import COST_LEVEL2, LEVEL1_NAMES, OUTPUT, SATISFACTION_L1, SUSTAINABLE

# The dimensions the guidance expects in every project (cost is KPI201's), with what a good one says.
# A 一级 name standing in the 二级 column (the NDRC form's 实施效果指标 | 效益指标, a table with one
# level of categories) files the row under the whole group: a 效益指标 or 满意度指标 row sets that
# dimension; an 产出指标 row is an output the table does not split into 数量 / 质量 / 时效.
STAFF_SPENDING_FILE = "staff_spending.txt"  # salary and basic-spending project names: no outside party to survey
_EXPECTED: tuple[tuple[str, tuple[str, ...], str], ...] = (
    (QUANTITY, (QUANTITY,), "做了多少：人数、次数、份数"),
    (QUALITY, (QUALITY,), "做得怎样：合格率、达标率、覆盖率"),
    (TIMELINESS, (TIMELINESS,), "何时完成：日期或期限"),
    (BENEFIT, (*BENEFIT_LEVEL2, BENEFIT), "带来什么效果：经济、社会、生态或可持续影响，至少一项"),
    (SATISFACTION, (SATISFACTION, SATISFACTION_L1), "服务对象是否满意：调查满意度百分比"),
)
_OUTPUT_DIMENSIONS = (QUANTITY, QUALITY, TIMELINESS)
# What an output says where the template files outputs as a whole (the NDRC form's 实施效果指标 | 产出指标).
_WHOLE_OUTPUT = "做了什么：完成的工程量、人数、次数，或完成的比例、期限"


def _printed_empty(project: Project, period: str | None, level2s: tuple[str, ...]) -> list[str]:
    """The categories of `level2s` the table prints with nothing filled in (m05's 监控表 "质量 | |||||"),
    in table order: the gap is a printed row left empty, not a row the table lacks."""
    names: list[str] = []
    for empty in project.empty_categories:
        if empty.level2 in level2s and (period is None or empty.period == period) and empty.level2 not in names:
            names.append(empty.level2)
    return names


def filed_under(ind: Indicator) -> str | None:
    """The category a row stands for: its 二级 cell; where the table prints none, a 二级 label written
    in the 三级 cell (g04's 申报表 "产出指标 | 数量指标 | 375万平方米": its 指标名称 column holds the
    category), else the 一级 (k05's "指标 | 指标内容 | 指标值" form: 产出指标 and 效益指标 only)."""
    if ind.level2:
        return ind.level2
    return canonical_level2(ind.level3) or ind.level1


def _counts(ind: Indicator, cues: NameCues) -> bool:
    """A filled row; or, in a table without a 二级 column, a category label with a target beside it
    ("数量指标 | 375万平方米": the dimension is set, the missing name is KPI203's)."""
    if is_filled(ind, cues):
        return True
    return not ind.level2 and canonical_level2(ind.level3) is not None and not is_blank(ind.value, cues)


def _excerpt_opens_at(project: Project) -> int:
    """Where, in the order of _EXPECTED, the text starts when it opens inside the table
    (``Project.cut_before``): the dimension of its first categorised row (cost rows stand between
    时效 and 效益); 0 when the table is read from its start."""
    first = opening_level2(project)
    if first is None:
        return 0
    if first in COST_LEVEL2:
        return next(k for k, (dimension, _, _) in enumerate(_EXPECTED) if dimension == BENEFIT)
    return next((k for k, (_, level2s, _) in enumerate(_EXPECTED) if first in level2s), 0)


def _cut_at(project: Project) -> int:
    """Where, in the order of _EXPECTED, the text stops when it stops inside a category's heading
    (``Project.cut_at``, "5、满意度指"): the dimension of that category (cost stands between 时效 and 效益);
    0 when the break is not in a heading — nothing after the start is shown absent."""
    cut = project.cut_at
    if cut is None:
        return 0
    if cut in COST_LEVEL2:
        return next(k for k, (dimension, _, _) in enumerate(_EXPECTED) if dimension == BENEFIT)
    return next((k for k, (_, level2s, _) in enumerate(_EXPECTED) if cut in level2s), 0)


def printed_level1_only(project: Project) -> tuple[str, ...]:
    """The 一级 categories a table prints as its only layer of categories, in table order, when it has no 二级
    column at all (w02's 年度绩效总目标: "产出指标 | …" and "效益指标 | …" rows, each target list in one cell); ()
    when any row or printed empty row names a 二级. Such a table's category rows are the form's own: a 一级 it does
    not print is a row the form lacks, not one the department left out."""
    printed: list[str] = []
    for ind in project.indicators:
        if ind.level2 or ind.level1 not in LEVEL1_NAMES:
            return ()
        if ind.level1 not in printed:
            printed.append(ind.level1)
    if project.empty_categories:
        return ()
    return tuple(printed)


def _label(dimension: str, template: Template) -> str:
    if dimension != BENEFIT or not template.benefit_level2:
        return dimension  # the NDRC form prints 效益指标 as one 二级
    kinds = "/".join(level2.removesuffix("效益指标").removesuffix("指标") for level2 in template.benefit_level2)
    return f"效益指标（{kinds}）"


class MissingDimension(Rule):
    """应有的二级指标空缺：数量、质量、时效、至少一项效益、服务对象满意度。

    默认级别：警告 warning。

    **做什么**

    对每个项目、每个期间，检查数量指标、质量指标、时效指标、至少一个效益类别（经济/社会/生态效益、可持续影响）
    和服务对象满意度下各有至少一条已填指标（有名称、有值）。所有期间都缺的维度，按项目报告一次；只有一个期间缺的，
    按该期间报告。成本指标归 KPI201。消息中列出的效益类别随表格所用的模板而定（财预〔2021〕101号模板没有可持续影响）。
    表格在原文中被截断（``Project.cut_off``）的项目不报告：缺的行可能在截断之后；原文断在某个类别的标题中
    （``Project.cut_at``，"5、满意度指"）时，只有这一类别和模板中排在它之后的类别不报告，排在它之前的照常
    报告（列出的类别按模板的顺序排，排在前面的没有列出就是没有设）。原文没有指标表、只在文字中转述
    一部分指标（``Project.quoted``：转述的指标都在同一个一级指标下）的项目也不报告。摘录从表格中间开始
    （``Project.cut_before``：表前没有标题、表头）时，第一行所在维度之前的维度不报告：它们可能在摘录之前。报告在某个二级的标签下写了带数字的文字、读表却没能拆成指标行时（``Project.unsplit``，"数量指标:石头卧子村新建水房1座、
    铺设输水管线;…"），这一维度也不报告：写了，只是没有读出。某个维度下有写了名称、
    却没有指标值的行时也不报告：维度设了、目标没填，由 KPI106 逐行报告（一个缺陷，一条发现）。
    表格根本没有一级/二级指标栏（重庆的一般性项目绩效目标表、一些部门整体支出目标表）时，不逐个维度报"缺少"，而是给一条提示（info）：
    表中没有这两栏（表式如此，不是填报遗漏），无法判断是否含各维度，请看表的人逐项核对——不要求填报人给表式本来
    没有的栏目归类；原文是文字报告时，提示说指标写在文字中、没有写明分类（文字报告不必逐项分类），如需核对请对照原表。
    文字报告写明指标覆盖哪些方面时（"主要从数量指标、时效指标、质量指标、社会效益指标和满意度指标5个方面设置
    指标5个"，``Project.named_categories``），这些维度按原文的说法算是设了：提示引用这句话，只说没有逐项写明
    每个指标属于哪一方面，只要求补设原文没有列出的维度。
    发改委的中央预算内投资计划绩效目标表（一级指标"实施效果指标"下以产出指标、效益指标、满意度指标为二级，
    ``_template.TEMPLATE_NDRC``）按这一模板核对：产出指标作为一个整体，至少一行即可，不要求再分数量、质量、
    时效（模板本身没有这一层，不是填报缺陷）；没有产出指标一行时报一次"没有产出指标"；效益指标不再分经济、社会、
    生态。表格只有一级指标（"指标 | 指标内容 | 指标值"的旧样表）时，效益指标、满意度指标一行即算设了
    该维度；产出指标一行没有再分数量、质量、时效，缺的产出维度也不逐个报"缺少"，而是给一条提示（info）：
    表式在产出下没有二级一栏，请核对产出指标是否说明了做了多少、做得怎样、何时完成（不要求填报人补分类）。
    缺的维度在表中印了二级指标一栏、却空着没有填时（m05 监控表的"质量 | |||||"），消息点明这一栏印了却空着，
    位置指向这一栏；表中根本没有印这一栏时只说"没有"。
    没有二级一栏、"指标名称"一栏填的是二级类别（"产出指标 | 数量指标 | 375万平方米"）时，该行即算设了这一维度
    （名称空泛是 KPI203 的事）。满意度指标放错了类别（"资助对象满意度 | 95%以上"填在质量指标下）时，满意度这一维度
    算是设了：放错类别由 KPI404 报告。KPI404 建议把某一行移到所缺的二级指标（"种植作物成活率 | ≥85%"填在数量指标下，
    建议移到质量指标）时，这一维度也不再报缺少：缺口由那一行的归类错误造成，只报一次（KPI404）。
    表格只有一级指标一层、把一级指标印作行首（w02 的"年度绩效总目标 | 产出指标 | …""效益指标 | …"，每类目标用文字
    写在一格里）时，表中印了哪些一级指标就是表式设了哪些栏：表中没有印的效益或满意度，只作提示（info），说表式只设
    了哪几栏（表式如此，不是填报遗漏），如适用可补设——同 KPI201 对没有成本一栏的表式的说法。
    人员工资、基本支出类项目（名称以 ``lexicons/staff_spending.txt`` 中的词结尾："…-工资性支出"）缺服务对象满意度
    指标时只作提示（info）：钱发给本单位职工，没有可调查的外部服务对象。

    **为什么不好**

    财预〔2015〕88号、财预〔2021〕101号：产出包括数量、质量、时效；效益和满意度在适用时设定——面向公众的服务
    都适用。目标审核（财预〔2015〕88号）首先看完整性：没有质量目标的项目，做成什么样都算"完成"。

    **示例**（000，离干、伤残军人、新中国成立前老工人医疗费：时效指标和所有效益行都空着）::

        产出指标 | 时效指标 |  |
        效益指标 | 经济效益指标 … 可持续影响指标 |  |

    **改为**::

        产出指标 | 时效指标 | 医疗费报销完成时间 | 不晚于2023年12月底
        效益指标 | 社会效益指标 | 离休干部医疗待遇足额保障率 | =100%
    """

    code = "KPI202"
    name = "missing-dimension"
    title_zh = "缺少必备维度"
    penalty = Penalty(Dimension.COMPLETENESS, 5, 20)
    severity = Severity.WARNING
    family = "completeness"

    def check_project(self, project: Project, doc: Document) -> Iterator[Finding]:
        cues = name_cues(self.lexicon)
        periods = project.periods
        if not periods or (project.cut_off and project.cut_at is None) or project.quoted:
            return  # nothing read, the table breaks off, or sentences quote part of it: the rest is not shown
        if not is_classified(project):
            yield self._unclassified(doc, project)
            return
        template = detect_template(project)
        unsplit: dict[str | None, list[str]] = {}
        before = _excerpt_opens_at(project)
        for k, (dimension, level2s, what) in enumerate(_EXPECTED):
            if k < before:
                continue  # the excerpt opens after this dimension's rows
            if project.cut_off and k >= _cut_at(project):
                continue  # the text stops inside this dimension's heading or before it: it may lie beyond
            if not template.output_split and dimension in _OUTPUT_DIMENSIONS:
                if dimension != QUANTITY:
                    continue  # the NDRC form files outputs under 产出指标 as a whole: one dimension, asked once
                dimension, level2s, what = OUTPUT, (OUTPUT, *_OUTPUT_DIMENSIONS), _WHOLE_OUTPUT
            if set(level2s) & set(project.unsplit):
                continue  # written under its label, not split into rows by the reader (noted): not missing
            if dimension == BENEFIT and SUSTAINABLE not in template.benefit_level2:
                what = what.replace("或可持续影响", "")  # 财预〔2021〕101号 has no 可持续影响
            missing = [p for p in periods if not self._has(project, p, level2s, cues)]
            if dimension in _OUTPUT_DIMENSIONS:
                for p in [p for p in missing if self._has(project, p, (OUTPUT,), cues)]:
                    unsplit.setdefault(p, []).append(dimension)
                    missing.remove(p)
            # Named rows without a target are KPI106's, one finding each: the dimension is set, unfilled.
            missing = [p for p in missing if not self._named_unfilled(project, p, level2s, cues)]
            if not missing:
                continue
            targets = [None] if len(missing) == len(periods) else missing
            for period in targets:
                where = f"{period}" if period else ""
                printed = _printed_empty(project, period, level2s)
                rows = "一栏" if len(printed) == 1 else "各栏"
                blank = f"表中印了{'、'.join(printed)}{rows}，却空着没有填；" if printed else ""
                message = f"项目{where}没有{_label(dimension, template)}：{blank}应至少设一项，说明{what}。"
                if dimension == SATISFACTION and self._staff_spending(project):
                    yield self._staff_hint(doc, project, level2s, period)
                    continue
                printed_level1 = printed_level1_only(project)
                if dimension in (BENEFIT, SATISFACTION) and printed_level1:
                    yield self._form_hint(doc, project, (dimension, level2s, what), period, printed_level1)
                    continue
                yield self._at(doc, project, dimension, level2s, period, message)
        for period, dimensions in unsplit.items():
            yield self._output_unsplit(doc, project, period, dimensions)

    def _staff_spending(self, project: Project) -> bool:
        """The project pays staff or keeps the office running (its name ends with a word of staff_spending.txt:
        "…-工资性支出", "基本支出"): there is no outside service object to survey."""
        name = squash(project.name)
        return any(w and name.endswith(w) for w in self.lexicon.words(STAFF_SPENDING_FILE))

    def _staff_hint(self, doc: Document, project: Project, level2s: tuple[str, ...], period: str | None) -> Finding:
        """No satisfaction row on a salary or basic-spending line: noted (info), not a gap to fill with a survey."""
        message = (
            f"项目{period or ''}没有服务对象满意度指标：项目是人员工资或基本支出，钱发给本单位职工、维持机构运转，"
            "没有可调查的外部服务对象，满意度指标不一定适用（不适用的类别不设）；如设，应写明调查谁、满意度百分比。"
        )
        finding = self._placed(doc, project, SATISFACTION, period, message, level2s)
        finding.severity = Severity.INFO
        finding.fills = level2s
        return finding

    def _form_hint(
        self,
        doc: Document,
        project: Project,
        dimension: tuple[str, tuple[str, ...], str],
        period: str | None,
        printed: tuple[str, ...],
    ) -> Finding:
        """A dimension whose 一级 a table of 一级 rows only does not print (w02: 产出指标 and 效益指标, no 满意度指标):
        the form's design, noted (info) — the reviewer may still ask for one where it applies."""
        name, level2s, what = dimension
        kinds = "、".join(level1.removesuffix("指标") for level1 in printed)
        count = "一两三四"[len(printed) - 1] if len(printed) <= len("一两三四") else str(len(printed))
        column = "满意度" if name == SATISFACTION else "效益"
        message = (
            f"项目{period or ''}没有{name}：表式只设{kinds}{count}栏一级指标，没有{column}一栏"
            f"（表式如此，不是填报遗漏）；如适用，可补设{column}指标，说明{what}。"
        )
        finding = self._placed(doc, project, name, period, message, level2s)
        finding.severity = Severity.INFO
        finding.fills = level2s
        return finding

    def _output_unsplit(self, doc: Document, project: Project, period: str | None, dimensions: list[str]) -> Finding:
        """One hint for outputs filed under 产出指标 itself (no 数量 / 质量 / 时效 layer in the table)."""
        row = next(i for i in project.indicators if i.period == period and filed_under(i) == OUTPUT)
        named = "、".join(d.removesuffix("指标") for d in dimensions)
        message = (
            f"项目{period or ''}的产出指标没有再分数量、质量、时效：表中产出指标下没有二级指标一栏（表式如此，"
            f"不是填报遗漏），无法判断产出是否含{named}指标，请逐项核对产出指标是否说明了做了多少、做得怎样、何时完成。"
        )
        return self.finding(doc, message, project=project, indicator=row, severity=Severity.INFO)

    def _unclassified(self, doc: Document, project: Project) -> Finding:
        """One hint for a table that prints no 一级/二级 at all, or a report whose sentences file no item
        under one: every dimension would be "missing".  A report naming the categories its list covers
        ("主要从数量指标、时效指标、质量指标、社会效益指标和满意度指标5个方面设置指标5个") has set them in its own
        words: only the dimensions it does not name are asked for."""
        count = len(project.indicators)
        dimensions = "数量、质量、时效、效益、满意度各维度"
        if project.named_categories and project.categories_named_at is not None:
            template = detect_template(project)
            # a 一级 named covers its 二级 ("从产出、效益、满意度三个方面": 数量 / 质量 / 时效 are outputs)
            named = {*project.named_categories, *(_OUTPUT_DIMENSIONS if OUTPUT in project.named_categories else ())}
            lacking = [_label(dimension, template) for dimension, level2s, _ in _EXPECTED if not set(level2s) & named]
            message = (
                f"原文是文字报告，说明从“{project.categories_named_at.text}”这几个方面设置了 {count} 个指标，"
                "但没有写明每个指标属于哪一方面（文字报告不必逐项分类），无法逐项核对"
                + (f"；原文列出的方面中没有{'、'.join(lacking)}，应补设。" if lacking else "。")
            )
            return self.finding(doc, message, project=project, severity=Severity.INFO)
        if project.in_prose:
            message = (
                f"原文是文字报告，在文字中列出 {count} 个指标，没有写明各属哪个二级指标（文字报告不必逐项分类），"
                f"无法判断是否含{dimensions}；如需核对，请对照原绩效目标表。"
            )
        else:
            message = (
                f"表中没有一级/二级指标栏（表式如此，不是填报遗漏），无法判断项目的 {count} 个指标是否含{dimensions}；"
                "请逐项核对指标是否说明了做了多少、做得怎样、何时完成、带来什么效果、服务对象是否满意。"
            )
        return self.finding(doc, message, project=project, severity=Severity.INFO)

    @staticmethod
    def _named_unfilled(project: Project, period: str | None, level2s: tuple[str, ...], cues: NameCues) -> bool:
        return any(
            ind.period == period
            and ind.level2 in level2s
            and is_name(ind.level3)
            and squash(ind.level3 or "") not in CATEGORY_NAMES
            and is_blank(ind.value, cues)
            for ind in project.indicators
        )

    @staticmethod
    def _has(project: Project, period: str | None, level2s: tuple[str, ...], cues: NameCues) -> bool:
        """A row of the period sets one of `level2s`. A satisfaction measure sets 满意度 wherever it is
        filed (j03: "资助对象满意度 | 95%以上" under 质量指标): the dimension is there, misfiled — KPI404's."""
        satisfaction = SATISFACTION in level2s
        return any(
            ind.period == period
            and (filed_under(ind) in level2s or (satisfaction and is_satisfaction(ind)))
            and _counts(ind, cues)
            for ind in project.indicators
        )

    def _at(
        self,
        doc: Document,
        project: Project,
        dimension: str,
        level2s: tuple[str, ...],
        period: str | None,
        message: str,
    ) -> Finding:
        level2s = BENEFIT_LEVEL2 if dimension == BENEFIT else level2s
        finding = self._placed(doc, project, dimension, period, message, level2s)
        finding.fills = level2s  # a row KPI404 moves into one of these fills the gap: reported once, by KPI404
        return finding

    def _placed(
        self,
        doc: Document,
        project: Project,
        dimension: str,
        period: str | None,
        message: str,
        level2s: tuple[str, ...],
    ) -> Finding:
        empty = next(
            (e for e in project.empty_categories if e.level2 in level2s and (period is None or e.period == period)),
            None,
        )
        row: Indicator | None = next(
            (i for i in project.indicators if i.level2 in level2s and (period is None or i.period == period)), None
        )
        level1 = BENEFIT if dimension == BENEFIT else None
        if row is not None:
            return self.finding(doc, message, project=project, indicator=row)
        if empty is not None:
            return self.finding(
                doc,
                message,
                project=project,
                at=empty,
                period=period,
                level1=empty.level1,
                level2=dimension if dimension != BENEFIT else None,
            )
        return self.finding(
            doc,
            message,
            project=project,
            period=period,
            level1=level1,
            level2=dimension if dimension != BENEFIT else None,
        )
