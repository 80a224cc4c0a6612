"""KPI101 vague-target."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import Any, ClassVar

from kpi_lint.lexicon import Lexicon, alternation
from kpi_lint.model import Document, Indicator, Project
from kpi_lint.penalty import Dimension, Penalty
from kpi_lint.rules.base import Finding, Rule, Severity
from kpi_lint.rules.context import VAGUENESS
from kpi_lint.rules.target.common import (
    COST,
    ON_TIME_FILE,
    QUALITY,
    QUANTITY,
    SERVICE_PERIOD_FILE,
    TIMELINESS,
    NameCues,
    answers_yes_no,
    clean,
    dated_name_done,
    fragment_at_the_break,
    is_benefit,
    name_cues,
    states_a_period,
    states_service_period,
    target_form,
    words_in,
    yes_no_verdict,
)
from kpi_lint.rules.target.ongoing_work import ongoing_form

_STRICT = (QUANTITY, QUALITY, COST)
GRADES_FILE = "standard_grades.txt"  # a grade of a standard: 优良 (air quality, AQI ≤ 100)
GRADE_WORDS_FILE = "grade_words.txt"  # a grade a 定性 row is answered with: 好, 高, 优, 良 … (criteria not written)
# a bound against a figure printed elsewhere: 不超预算, 控制在预算中, 不低于上年
CEILINGS_FILE = "budget_ceilings.txt"
_BOUND_GAP = 4  # at most this many characters between the bound word and the figure ("不超过项目批复金额")
# budget_ceilings.txt's pairs of keys: a ceiling against the budget or approval ("不超预算"), a floor against last
# year's figure ("不低于上年", "超上年度")
_BOUND_KEYS = (("上限", "依据"), ("下限", "基期"))


@lru_cache(maxsize=8)
def _bound_pattern(lexicon: Lexicon) -> re.Pattern[str] | None:
    """ "A ceiling word, a short gap, a figure word" (budget_ceilings.txt: 不超 / 控制在 … 预算 / 批复 …), or a floor
    word and last year (不低于 / 超 … 上年), built once per word-list folder (a Lexicon hashes by identity), not once
    per row."""
    ceilings = lexicon.keyed(CEILINGS_FILE)
    pairs = []
    for bound_key, figure_key in _BOUND_KEYS:
        bounds, figures = ceilings.get(bound_key, ()), ceilings.get(figure_key, ())
        if bounds and figures:
            left, right = alternation(bounds), alternation(figures)
            pairs.append(f"(?:{left}).{{0,{_BOUND_GAP}}}?(?:{right})")
    return re.compile("|".join(pairs)) if pairs else None


class VagueTarget(Rule):
    """指标值只有文字、不可衡量（提高、有效、及时、保障……）。

    默认级别：警告 warning；数量/质量/成本指标为错误 error；效益指标的措辞有分级
    （明显提高、逐步扩展：``graded_words.txt``）时为提示 info。

    **做什么**

    指标值只有文字、没有数字和日期，且含有 ``lexicons/vague_words.txt`` 中的词（提高、有效、明显提高、及时、
    逐步扩展、保障、可持续、体现、共享、全年……）时报告。训练过含糊度分类器（``kpi_lint.classify``）时也参考它的
    判断：模型认为含糊且概率不低于 ``model_threshold`` 的指标值，即使不含词表中的词也报告；词表与模型意见不一时，
    ``--explain`` 同时列出两方的判断。

    是/否问题回答"是""否"的不报告：名称含"是否""有无"（``lexicons/yes_no_cues.txt``），或表格的计量单位一栏印着
    "是/否"（"组织口岸重大动物疫情应急处置演练或培训 | 是/否 | 是"：表格自己设的是/否题，对照记录即可核查）。

    时效指标下写明周期或频次的值（"按月安排"、"每季度"）是期限，不报告（KPI104 也接受它）；只写工作覆盖的时段
    （"全年"、"全年开展"）、名称说的又是持续的工作（``lexicons/continuous_work.txt``：系统维护、待遇享受、补助发放、
    政策宣传……）的仍报告，但消息说明"全年"只说工作持续的时段、不是时限，给出的写法是每次办理或响应的时限
    （"N个工作日内"、"N小时内响应"）或开展的频次（"每季度不少于N次"），不是一个完成日期；名称说的是一件事做完的
    （"补助发放完成时间"）仍要完成日期；名称写明了期限、指标值
    说按期完成的（"春节前完成走访慰问 | 按时限完成"）也不报告：期限写了，值是"是否按期"的目标；写明服务时段的
    （"可保证读者使用时长 | 全天候可用"、"7×24小时在线"，``lexicons/service_periods.txt``，值里没有含糊词）也不报告：
    服务是否随时可用可以核查；质量指标下只写一个
    合格与否的结论（``lexicons/pass_fail_words.txt``："补助资格合规性 | 合规"、"通过专家评审 | 通过"），或整个值说的是
    按成文的规定办（``lexicons/compliance_phrases.txt``："经费审批流程规范性 | 严格执行相关制度规定"、"符合相关规定"），
    可以按是/否核查（有没有违规），不报告（KPI502 对这类行也不说目标不可衡量，只要求写明核查结果）；名称问的是
    某种状态是否做到、指标值就答这个状态的（同一词表的状态词与问句结尾："长效管理机制健全性 | 健全"、
    "管理制度建立情况 | 已建立"），在任何二级指标下都是是/否目标，也不报告；整个指标值是
    标准规定的等级（``lexicons/standard_grades.txt``："服务周期内空气质量 | 优良"）可以对照标准核查，仍报告，但消息
    说明缺的是达到该等级的比例（"优良率≥N%"），而不说没有可衡量的内容；整个指标值是一个评定等级
    （``lexicons/grade_words.txt``：好、较好、高、优、良……，"资金使用合规性 | 好"，多见于部门整体自评表的定性行）
    仍报告，但消息说明缺的是评定标准（怎样算"好"），而不说"只说明方向"；指标值只说按计划、按期
    （``lexicons/on_time_words.txt``："按进度计划实施情况 | 按计划实施"）的，消息说明缺的是计划的完成日期或进度节点；
    以别处可查的数为上限的值（``lexicons/budget_ceilings.txt``：上限词"不超""控制在"……后四字以内跟着"预算""批复"
    ……，"项目成本控制 | 不超预算"、"控制在预算中"）写了方向、数在预算或批复里，可以核查，其余部分又不含含糊词时
    不报告（标注规则也把它算作具体）；以上一年的数为下限的值（同一词表：下限词"不低于""超"……后四字以内跟着
    "上年""去年"……，"业务收入 | 超上年度"、"不低于上年"）同理，只写"上年度平价水平"没有方向的仍报告。
    成本类的行给出的写法是上限"≤N元"，不是"≥"。
    原文在表格中途结束、最后一行的指标值只剩一个字（"…不利影响 | 减"）是截断的碎片，不报告；原文停在指标值这一格中
    （``Project.cut_cell``：q04 "彩票系统信息化建设程度 | 同比2022年销量显著提"）的，是没写完的目标，而不是含糊的目标：
    缺的数字可能就在截断处之后，不报告（KPI000 的“表格随文本结束”警告点出这一格）；自评表自带的预算执行
    一行（"预算执行率 | 预算执行率"，指标值一栏只重复了名称）不是单位设的目标，也不报告。

    一个问题只报一次：时效、成本、满意度指标下只有模型判断为不可核查的文字（"参照政府采购成本控制"、"满意"），
    KPI104 在同一行报告它是文字而不是该类别要的日期、金额或百分比，并说明该写什么，本规则不再重复报告。

    **为什么不好**

    财预〔2015〕88号、财预〔2021〕101号要求绩效目标具体、可衡量，能量化的尽量量化（数值＋比较符＋单位），
    定性目标也须可检验。"提高"只说了方向，没说程度：到自评时（财预〔2020〕10号）谁也说不清是否完成，
    只能凭印象打分。数量、质量、成本指标总能计数；效益有时只能定性，但应分级表述。

    **示例**（002，2023年中央财政医疗救助补助资金；000，城乡居民医疗保险县级配套）::

        效益指标 | 社会效益指标 | 困难群众看病就医方便程度 | 明显提高
        产出指标 | 时效指标     | 城乡居民享受补助时间     | 全年

    **改为**::

        效益指标 | 社会效益指标 | 困难群众看病就医平均报销时长 | ≤5个工作日
        产出指标 | 时效指标     | 城乡居民享受补助时间         | 参保登记后10个工作日内

    选项：``model_threshold``（0.8）——分类器概率达到此值，其判断才计入。
    """

    code = "KPI101"
    defers_to = frozenset({"KPI104"})  # words under 时效/成本/满意度: KPI104 names the type the category needs
    name = "vague-target"
    title_zh = "目标值含糊"
    penalty = Penalty(Dimension.MEASURABILITY, 4, 20)
    severity = Severity.WARNING
    family = "target"
    suggests_value = True
    uses = frozenset({VAGUENESS})
    options: ClassVar[dict[str, Any]] = {"model_threshold": 0.8}

    def _qualitative(self, project: Project) -> Iterator[Indicator]:
        for ind, parsed in self.readings.filled_targets(project):
            if parsed.kind == "qualitative":
                yield ind  # a number or a date is measurable (KPI103/104 judge its form)

    def prepare(self, documents: Sequence[Document]) -> None:
        predictor = self.context.extras.get(VAGUENESS)
        if predictor is not None:
            from kpi_lint.classify.api import prime

            prime(predictor, (ind for doc in documents for p in doc.projects for ind in self._qualitative(p)))

    def check_project(self, project: Project, doc: Document) -> Iterator[Finding]:
        cues = name_cues(self.lexicon)
        predictor = self.context.extras.get(VAGUENESS)
        threshold = float(self.opts["model_threshold"])
        yes_no = self.lexicon.words("yes_no_cues.txt")
        for ind in self._qualitative(project):
            if not self.readings.value_is_the_target(ind):
                continue  # shifted cells, the target in the name cell, or a unit whose figure was lost
            if answers_yes_no(ind, yes_no):
                continue  # "是否对当地生态环境造成影响 | 否" answers its question: checkable
            if ind.level2 == TIMELINESS and states_a_period(ind.value):
                continue  # "工作安排时间 | 按月安排", "每季度": a period is when, the 时效 target KPI104 accepts
            if self._service_period(ind):
                continue  # "可保证读者使用时长 | 全天候可用": when the service is available, checkable
            if ind.level2 == TIMELINESS and dated_name_done(ind.level3, ind.value, self.lexicon.words(ON_TIME_FILE)):
                continue  # "春节前完成走访慰问 | 按时限完成": the name states the deadline, the value says it is met
            if yes_no_verdict(ind, ind.value, self.lexicon):
                continue  # "补助资格合规性 | 合规", "经费支出合规性 | 严格执行相关制度规定": checked yes or no
            if fragment_at_the_break(ind, project) or project.cut_in(ind, "value"):
                # "…不利影响 | 减" where the text stops, q04 "同比2022年销量显著提" in the cell the text stops inside:
                # unfinished, not vague — the figure the rule finds missing may follow in what was cut (KPI000 says so)
                continue
            if self._execution_line(ind):
                continue  # "预算执行率 | 预算执行率": the self-evaluation form's own execution line, no target
            if self._bound_elsewhere(ind):
                continue  # "不超预算", "不低于上年": a bound, its figure in the budget or last year's: specific
            words = words_in(ind.value or "", self.lexicon.vague_words)
            vote = predictor(ind) if predictor else None
            model_vague = vote is not None and vote[0] == "vague" and vote[1] >= threshold
            if not words and not model_vague:
                continue
            yield self._finding(doc, project, ind, words, vote, model_vague, cues)

    def _grade_finding(
        self, doc: Document, project: Project, ind: Indicator, vote: tuple[str, float] | None
    ) -> Finding:
        """The whole value is a grade of a standard ("空气质量 | 优良"): checkable against the standard, but it
        does not say how much must reach it (the share of days, of sites). Say that, not "nothing measurable"."""
        grade = clean(ind.value)
        form = f"{grade}率≥N%"
        message = (
            f"指标值“{grade}”是可以对照标准核查的等级，但没有写出要达到这一等级的比例或天数。"
            f"好的目标写明达到该等级的比例，如“{form}”。"
        )
        return self._checkable_finding(doc, project, ind, message, form, f"整个指标值是标准等级（{GRADES_FILE}）", vote)

    def _graded_finding(
        self,
        doc: Document,
        project: Project,
        ind: Indicator,
        form: str | None,
        severity: Severity,
        vote: tuple[str, float] | None,
    ) -> Finding:
        """The whole value is a grade ("资金使用合规性 | 好", "预决算信息公开性 | 高": grade_words.txt), the answer a
        部门整体 form's 定性 row is given: not a direction like 提高 but a grade whose criteria the table does not
        write. Say that; the severity and the form to write are the vague value's."""
        grade = clean(ind.value)
        example = f"，如“{form}”" if form else ""
        message = (
            f"指标值“{grade}”是一个评定等级，但表中没有写出评定标准（怎样算“{grade}”）：自评时无从核查。"
            f"应写明评定标准，或改写成可计量的目标{example}。"
        )
        explain = f"整个指标值是等级词（{GRADE_WORDS_FILE}）" + (
            f"；模型：{vote[0]}（概率 {vote[1]:.2f}）" if vote is not None else ""
        )
        return self._on_value(doc, project, ind, message, severity, form, explain)

    def _plan_finding(
        self, doc: Document, project: Project, ind: Indicator, plan: str, vote: tuple[str, float] | None
    ) -> Finding:
        """The value says the work follows its plan ("按进度计划实施情况 | 按计划实施"): checkable against the plan,
        but the plan's dates are not in the table. Say that, not "nothing measurable"."""
        form = "不晚于N月底完成"
        message = (
            f"指标值“{ind.value}”只说“{plan}”，表中没有写出计划的完成日期或进度节点：可以对照计划核查，"
            f"但看表的人无从判断做到没有。应写明完成日期或进度节点，如“{form}”。"
        )
        basis = f"指标值以“{plan}”开头（{ON_TIME_FILE}）"
        return self._checkable_finding(doc, project, ind, message, form, basis, vote)

    def _checkable_finding(
        self,
        doc: Document,
        project: Project,
        ind: Indicator,
        message: str,
        form: str,
        basis: str,
        vote: tuple[str, float] | None,
    ) -> Finding:
        """A warning on a value that can be checked but does not say how much (a grade, a plan): `form` is what
        to write instead, `basis` why the rule read it so, the model's vote added when there is one."""
        explain = basis + (f"；模型：{vote[0]}（概率 {vote[1]:.2f}）" if vote is not None else "")
        return self._on_value(doc, project, ind, message, Severity.WARNING, form, explain)

    def _on_value(
        self,
        doc: Document,
        project: Project,
        ind: Indicator,
        message: str,
        severity: Severity,
        form: str | None,
        explain: str | None,
    ) -> Finding:
        """The finding on the row's 指标值, with what to write instead (`form`) and the grounds (`explain`)."""
        return self.finding(
            doc,
            message,
            project=project,
            indicator=ind,
            span="value",
            severity=severity,
            suggestion=form,
            explain=explain,
        )

    def _service_period(self, ind: Indicator) -> bool:
        """The value states when a service is available ("全天候可用", "7×24小时在线": lexicons/service_periods.txt)
        and holds no vague word: available or not is checked, as a 时效 target of a service."""
        value = ind.value or ""
        words = self.lexicon.words(SERVICE_PERIOD_FILE)
        return states_service_period(value, words) and not words_in(value, self.lexicon.vague_words)

    def _bound_elsewhere(self, ind: Indicator) -> bool:
        """The value sets a ceiling against a figure printed elsewhere ("不超预算", "控制在预算中", "不超过项目批复
        金额": budget_ceilings.txt) or a floor against last year's ("不低于上年", "超上年度"), and nothing else in it
        is vague: the direction is written and the figure is in the budget, the approval or last year's accounts, so
        the target can be checked (corpus/labels/README.md labels it specific)."""
        pattern = _bound_pattern(self.lexicon)
        value = clean(ind.value)
        if pattern is None or not pattern.search(value):
            return False
        return not words_in(pattern.sub("", value), self.lexicon.vague_words)

    def _execution_line(self, ind: Indicator) -> bool:
        """The row only repeats a budget-process measure's name in its value cell ("预算执行率 | 预算执行率"):
        the self-evaluation form's own line for budget execution, scored apart, not a target the unit set."""
        name = clean(ind.level3)
        return clean(ind.value) == name and any(m and clean(m) in name for m in self.lexicon.process_measures)

    def _severity(self, ind: Indicator, words: list[str], by_model_only: bool) -> Severity:
        if ind.level2 in _STRICT:
            severity = Severity.ERROR
        elif is_benefit(ind) and words_in(ind.value or "", self.lexicon.graded_words):
            severity = Severity.INFO
        else:
            severity = Severity.WARNING
        # The classifier alone is less sure than a reviewer's word list: at most a warning.
        if by_model_only and severity is Severity.ERROR:
            severity = Severity.WARNING
        return severity

    def _finding(
        self,
        doc: Document,
        project: Project,
        ind: Indicator,
        words: list[str],
        vote: tuple[str, float] | None,
        model_vague: bool,
        cues: NameCues,
    ) -> Finding:
        value = clean(ind.value)
        if value in self.lexicon.words(GRADES_FILE):
            return self._grade_finding(doc, project, ind, vote)
        plan = None if words else next((w for w in self.lexicon.words(ON_TIME_FILE) if value.startswith(w)), None)
        if plan is not None:
            return self._plan_finding(doc, project, ind, plan, vote)
        form = target_form(ind, cues, doc.year)
        severity = self._severity(ind, words, by_model_only=not words and model_vague)
        if value in self.lexicon.words(GRADE_WORDS_FILE):
            return self._graded_finding(doc, project, ind, form, severity, vote)
        quoted = "“" + "”“".join(words) + "”"
        # "信息化网络系统维护时间 | 全年": the period a service runs, which no completion date answers
        ongoing = (
            ind.level2 == TIMELINESS and form is not None and form == ongoing_form(ind.level3, value, cues.ongoing)
        )
        if not words:
            why = "分类模型判断它没有可核查的内容"
        elif ongoing:
            why = f"{quoted}只说工作持续的时段，不是时限"
        elif ind.level2 == TIMELINESS:
            why = f"{quoted}不是具体的完成日期或期限"
        else:
            why = f"{quoted}只说明方向，不说明做到多少"
        if ongoing:
            good = "持续提供的服务、随时办理的待遇或经常开展的活动应写明每次办理或响应的时限，或开展的频次"
        elif ind.level2 == TIMELINESS:
            good = "时效目标应写明完成日期或期限"
        elif is_benefit(ind):
            good = "效益目标应尽量量化；确实只能定性时，也要写成可核查的分级表述"
        else:
            good = "好的目标写明比较符、数值和单位"
        example = f"，如“{form}”" if form else ""
        message = f"指标值“{ind.value}”没有可衡量的内容：{why}。{good}{example}。"
        explain = None
        if vote is not None and bool(words) != (vote[0] == "vague"):
            lexicon_vote = f"含糊（命中“{'”“'.join(words)}”）" if words else "未命中含糊词"
            explain = f"词表：{lexicon_vote}；模型：{vote[0]}（概率 {vote[1]:.2f}）"
        elif vote is not None:
            explain = f"词表与模型一致：含糊（模型概率 {vote[1]:.2f}）"
        return self._on_value(doc, project, ind, message, severity, form, explain)
