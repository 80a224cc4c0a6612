"""What the value and completeness rules share: reading indicator names and values.

The knowledge lives in ``lexicons/`` (name_units.txt, empty_values.txt,
vague_words.txt, graded_words.txt); this module only applies it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from kpi_lint import vocab
from kpi_lint.han import HAN
from kpi_lint.lexicon import Lexicon, alternation, load_heads, read_keyed, read_list
from kpi_lint.model import Document, Form, Indicator, ParsedValue, Project
from kpi_lint.parse.common import LEVEL2_PARENT, squash
from kpi_lint.parse.form_header import DIRECTION_WORDS, YES_NO_MARKS
from kpi_lint.parse.numbering import DIGIT
from kpi_lint.parse.values import mentions_date, parse_value
from kpi_lint.rules.consistency._years import years_in
from kpi_lint.rules.target.example_fit import about_the_project
from kpi_lint.rules.target.ongoing_work import OngoingWork, ongoing_form, read_ongoing
from kpi_lint.rules.text._text import holds_any, name_ends_with
from kpi_lint.vocab import COST, PROCESS_L1, QUALITY, QUANTITY, SATISFACTION, TIMELINESS

__all__ = ["COST", "QUALITY", "QUANTITY", "SATISFACTION", "TIMELINESS"]  # re-exported for the target rules

if TYPE_CHECKING:  # the peer index pulls in scikit-learn; the rules only call it
    from kpi_lint.library.suggest import Suggester, Suggestion

CEILING_RATES_FILE = "ceiling_rates.txt"  # lower is better (控制率, 差错率, 逾期…率): a ceiling
FLOOR_RATES_FILE = "floor_rates.txt"  # …but these longer endings (血压控制率, 疫情控制率): a share under control
ON_TIME_FILE = "on_time_words.txt"  # names that say "on time" (及时 按时 按期): a 及时率 written without 率
ON_TIME_MEASURE_FILE = "on_time_measures.txt"  # what makes 及时/按时 a measure (是否及时, 及时率): keyed 前/后
ON_TIME_BEFORE, ON_TIME_AFTER = "前", "后"  # its keys
_ON_TIME_COUNTED = ("percent", "number", "count")  # a value that counts what was done on time
DATE = "日期"  # the special keys of name_units.txt
UNITLESS = "无单位"
OVER_100 = "可超100%"
_SPECIAL = (DATE, UNITLESS, OVER_100)
# A key "单位(结尾)" of name_units.txt: its words name that unit only where they end the name ("实际支出", "项目总投入",
# "年度预算" are amounts; "支出进度", "投入使用率", "预算执行率" are not).
_ENDING_ONLY = "(结尾)"
PAID_OUT_FILE = "paid_out_money.txt"  # money the project pays, lends or draws to others: an output, not its cost
PAID_OUT_VERB, PAID_OUT_AMOUNT, PAID_OUT_COST, PAID_OUT_STANDARD = "动词", "金额", "成本", "标准"  # its keys
PAID_OUT_EFFECT = "效果"  # …and the words that end a name measuring an effect on a cost (影响程度, 作用)

BENEFIT = vocab.EFFECT
BENEFIT_LEVEL2 = tuple(k for k, v in LEVEL2_PARENT.items() if v == BENEFIT)
CATEGORY_NAMES = frozenset([*LEVEL2_PARENT, *set(LEVEL2_PARENT.values()), vocab.SATISFACTION_L1, vocab.COST_L1])

# A unit printed in the indicator name itself: "机关运转率（%）", "补助标准(元/人)"; a template's
# placeholder keeps its comparator ("满意度(≥**%)", read as "(≥%)"): the unit is what follows it.
_NAME_UNIT = re.compile(r"[（(]\s*([^（）()]{1,7})\s*[)）]$|(%|％)$")
_ONLY_MARKS = re.compile(r"[≥≤<>=＞＜≧≦＝~～\-—.。,，]+")
_PLACEHOLDER_MARKS = re.compile(r"^[≥≤<>=＞＜≧≦＝*＊xX×\s]+")
_PUNCT = re.compile(r"[\s，,。.;；:：、“”\"'‘’()（）\[\]【】]+")


@dataclass(frozen=True, eq=False)
class NameCues:
    """name_units.txt: which unit an indicator name calls for.

    One per lexicon folder (`name_cues`), so it is equal only to itself and hashes as fast as an id: the
    look-ups built once per cues (`_units_longest_first`, `_unit_cue_index`) do not hash every cue list per call.
    """

    units: tuple[tuple[str, str], ...]  # (cue, unit), longest cue first: a name ending with the cue
    inside_units: tuple[tuple[str, str], ...]  # the same without the cues that count only at the end
    date: tuple[str, ...]
    unitless: tuple[str, ...]
    over_100: tuple[str, ...]
    empty_values: frozenset[str]
    unit_words: tuple[str, ...] = ()  # every unit of units.txt: what a bracket in a name may hold
    # units.txt's count units of two characters or more, longest first: a name ending with one names its unit
    # ("药品监管人员人均培训学时" → 学时); one character (人, 次, 个) ends too many names that are no unit
    count_units: tuple[str, ...] = ()
    not_applicable: tuple[str, ...] = ()  # not_applicable.txt: "本项目不适用此指标 | 无" declares, sets no target
    # paid_out_money.txt: verbs of money paid, lent or drawn to others (发放, 拨付, 贴息 …), the amount words a
    # name of such money ends with (额, 金额, 资金 …), and the words that make a sum the project's own cost (成本 …)
    paid_out_verbs: tuple[str, ...] = ()
    amount_words: tuple[str, ...] = ()
    cost_words: tuple[str, ...] = ()
    standard_words: tuple[str, ...] = ()
    effect_words: tuple[str, ...] = ()  # a name ending so measures an effect on the cost it names, not the cost
    # event_deadlines.txt: an event a timeliness value hangs its time on ("培训结束后及时考核"): "结束后", "到位后" …
    event_words: tuple[str, ...] = ()
    # continuous_work.txt: a 时效 value that only names the period of continuous work ("系统维护时间 | 全年") is offered
    # a limit per occurrence or a frequency, not a completion date
    ongoing: OngoingWork = field(default_factory=OngoingWork)


@lru_cache(maxsize=8)
def _cues_for(directory: str) -> NameCues:
    root = Path(directory)
    table = read_keyed(root, "name_units.txt")
    paid_out = read_keyed(root, PAID_OUT_FILE)
    units = read_keyed(root, "units.txt")
    pairs = [(cue, unit) for unit, cues in table.items() if unit not in _SPECIAL for cue in cues]
    pairs.sort(key=lambda p: -len(p[0]))
    inside = [(cue, unit) for cue, unit in pairs if not unit.endswith(_ENDING_ONLY)]
    return NameCues(
        units=tuple((cue, unit.removesuffix(_ENDING_ONLY)) for cue, unit in pairs),
        inside_units=tuple(inside),
        date=tuple(table.get(DATE, ())),
        unitless=tuple(table.get(UNITLESS, ())),
        over_100=tuple(table.get(OVER_100, ())),
        empty_values=frozenset(squash(v) for v in read_list(root, "empty_values.txt")),
        unit_words=tuple(w for words in units.values() for w in words),
        count_units=tuple(sorted((w for w in units.get("count", ()) if len(w) >= 2), key=len, reverse=True)),
        not_applicable=tuple(read_list(root, "not_applicable.txt")),
        paid_out_verbs=tuple(paid_out.get(PAID_OUT_VERB, ())),
        amount_words=tuple(paid_out.get(PAID_OUT_AMOUNT, ())),
        cost_words=tuple(paid_out.get(PAID_OUT_COST, ())),
        standard_words=tuple(paid_out.get(PAID_OUT_STANDARD, ())),
        effect_words=tuple(paid_out.get(PAID_OUT_EFFECT, ())),
        event_words=tuple(sorted(read_list(root, EVENT_DEADLINES_FILE), key=len, reverse=True)),
        ongoing=read_ongoing(root),
    )


def name_cues(lexicon: Lexicon) -> NameCues:
    return _cues_for(str(lexicon.directory))


def filled_targets(project: Project, lexicon: Lexicon) -> Iterator[tuple[Indicator, ParsedValue]]:
    """Each indicator that has a target (not blank, not "未填报"), with its parsed value; not the rows of a
    process section (`in_process_section`), whose 指标值 the target rules do not judge."""
    cues = name_cues(lexicon)
    for ind in project.indicators:
        if in_process_section(ind):
            continue
        if not is_blank(ind.value, cues) and not declared_not_applicable(ind, cues):
            yield ind, ind.parsed or parse_value(ind.value, lexicon)


# Categories whose names state a requirement or an effect rather than a thing to count: a bare whole number under them,
# with no comparator and a name that calls for no unit, is more likely the row's points than a count.
_POINTS_LEVEL2 = (QUALITY, TIMELINESS, vocab.ECONOMIC, vocab.SOCIAL, vocab.ECOLOGICAL, vocab.SUSTAINABLE)
MOST_POINTS = 50  # 财预〔2020〕10号 gives all the 产出 rows together 50 of 100: one row's points are no more


def points_as_target(ind: Indicator, parsed: ParsedValue, unit: str | None) -> bool:
    """The 指标值 cell holds a whole number of at most 50 with no comparator ("20", "10"), under a category of
    requirements or effects, on a name that calls for no unit (`unit` None: "建设符合验收要求", "对经济发展的促进作用"):
    it measures nothing, and what it most often is in a self-evaluation is the row's 分值 typed into the target column
    (k07 "质量指标建设符合验收要求2020", a form with no 分值 column). The target is missing, not a unit."""
    number = parsed.number
    if parsed.kind != "number" or number is None or unit is not None or ind.level2 not in _POINTS_LEVEL2:
        return False
    return points_figure(ind.value) is not None


def points_figure(value: str | None) -> int | None:
    """The cell holds a bare whole number of at most MOST_POINTS ("20", "10": what a row's 分值 looks like): that
    number; None for anything else."""
    text = (value or "").strip()
    return int(text) if text.isdigit() and 0 < int(text) <= MOST_POINTS else None


EVENT_DEADLINES_FILE = "event_deadlines.txt"

# The word by which a form's title says it covers a department's (or unit's) whole spending, not one project:
# "2022年部门(单位)整体绩效目标表", "整体支出绩效目标表", "…整体绩效自评表".
_WHOLE = "整体"


def department_wide(project: Project) -> bool:
    """The table sets the targets of a department's whole spending (its printed title says 整体): such templates list
    budget-management measures (预算执行率, 结转结余率) among their common indicators."""
    return project.title is not None and _WHOLE in project.title.text


def in_process_section(ind: Indicator) -> bool:
    """The row stands in the form's process section (一级 过程管理: the NDRC form's 计划/资金/项目管理, the
    self-evaluation framework's 项目管理 | 投入管理 | 预算执行率 | —). Those rows are the evaluator's criteria of how
    the project was run, scored by the framework's own standard, often with "—" for a target: not output or
    effect targets of the unit's choosing, which is what the target rules (KPI1xx) and KPI402 judge."""
    return ind.level1 == PROCESS_L1


def declared_not_applicable(ind: Indicator, cues: NameCues) -> bool:
    """The row states that the indicator does not apply ("本项目不适用此指标 | 无")."""
    text = squash(f"{ind.level3 or ''}{ind.value or ''}")
    return any(word in text for word in cues.not_applicable)


# The name cell holds a target of its own ("完成及时率(≥**%)>=100%", "主导制修订行业标准项目数量(项),目标值5"):
# a comparator or 目标值 followed by a figure, once the template's placeholder brackets ("(≥%)") are gone.
_PLACEHOLDER_BRACKET = re.compile(r"[(（][^()（）\d]*[)）]")
_TARGET_IN_NAME = re.compile(r"(?:[≥≤<>＞＜≧≦＝═=]|>=|<=|大于|小于|不低于|不少于|不超过|目标值[:：]?)\s*\d")
_COMPARATOR_WORDS = re.compile("|".join((*vocab.WORDED_SIGNS, "以上", "以下")))
# A code opening a cell: six digits or more, not a figure with its unit ("1000000元…", "100000人次").
_CODE_FIRST = re.compile(
    r"\d{6,}(?![\d.,])(?!\s*(?:[%‰]|[万亿千百]?(?:元|人|次|个|户|亩|吨|米|份|台|套|件|册|张|株|头|天|公里|平方)))"
)
_MAX_FRAGMENT = 4  # "服务对象" of 服务对象满意度指标; a longer name is not read as a piece of a label


def target_in_name(level3: str | None) -> bool:
    """The 三级指标 cell also prints the target: the row's value cell is not where its target is
    (a sentence or a glued line the reader could not split), so the value cell is not judged."""
    name = _PLACEHOLDER_BRACKET.sub("", squash(level3 or ""))
    return _TARGET_IN_NAME.search(name) is not None


def is_name(level3: str | None) -> bool:
    """The 三级指标 cell reads as a name: at least two Chinese characters besides comparator words,
    and more than a piece of a category label cut across its words. A "≥95%", a "小于" or a lone "是"
    there means the row's cells were shifted when it was read; "度指", "续影" are what is left of
    满意度指标 and 可持续影响指标 when a flattened page was cut in the wrong places. Nor is a name
    what a 指标性质 column holds ("-定性", "正向"), or a label glued to a piece of another
    ("满意度指标服务对象": 服务对象满意度指标 wrapped over two lines), nor a cell that opens with a code of six digits
    or more: the row of a unit or project ("505006州民族特殊教育学校": 单位代码 and 单位名称 run together) read where
    an indicator would be. Nor is a cell that opens with a conjunction ("及检疫率" of "各种强制免疫率、屠宰率及检疫率"
    wrapped over two lines): no name begins with 及 or 以及; it is the tail of the name in the cell above."""
    if _CODE_FIRST.match(squash(level3 or "")) or vocab.CONJUNCTION_FIRST.match(squash(level3 or "")):
        return False
    rest = _COMPARATOR_WORDS.sub("", squash(level3 or ""))
    if clean(rest).strip("-—–") in DIRECTION_WORDS:
        return False
    if len(HAN.findall(rest)) < 2:
        return False
    if _only_label_text(rest):
        return False
    if len(rest) > _MAX_FRAGMENT or rest in _label_words():
        return True  # "满意度" (003's name on every table) is a word of 服务对象满意度指标, not a piece of one
    return not any(rest in label for label in CATEGORY_NAMES)


_LABELS_LONGEST_FIRST = vocab.longest_first(CATEGORY_NAMES)


def _only_label_text(name: str) -> bool:
    """A whole category label with nothing beside it but a piece of a label ("满意度指标服务对象").
    A label alone ("满意度指标") is not this: it is the category repeated (KPI203's filler)."""
    if name in CATEGORY_NAMES:
        return False
    rest = name
    for label in _LABELS_LONGEST_FIRST:
        rest = rest.replace(label, "")
    if rest == name:
        return False
    return not rest or (len(rest) <= _MAX_FRAGMENT and any(rest in label for label in CATEGORY_NAMES))


# A figure with its unit inside the name ("建设普通省道二级公路32.1公里", "…合格率290%", "11月30日前完成"):
# not the "指标1" numbering, not a year ("2023年…"), not a score ("得10分").
_FIGURE = re.compile(r"\d+(?:\.\d+)?")
_NOT_TARGET_UNITS = frozenset({"分"})


def figure_in_name(level3: str | None, cues: NameCues) -> bool:
    """The 三级指标 cell prints a figure with its unit: when the value cell is empty the target was
    written into the name (k07's "建设普通省道二级公路32.1公里"), or the reader could not cut a glued
    row — either way the row is not one without a target."""
    name = squash(level3 or "")
    units = _units_longest_first(cues)
    for m in _FIGURE.finditer(name):
        before, after = name[: m.start()], name[m.end() :]
        if before.endswith("指标") or (len(m.group()) == 4 and after.startswith("年")):
            continue
        unit = next((u for u in units if after.startswith(u)), None)
        if unit is not None and unit not in _NOT_TARGET_UNITS:
            return True
    return False


@lru_cache(maxsize=8)
def _units_longest_first(cues: NameCues) -> tuple[str, ...]:
    return tuple(sorted({*cues.unit_words, "%", "％", "‰"}, key=len, reverse=True))


@lru_cache(maxsize=1)
def _label_words() -> frozenset[str]:
    """The words the category labels are made of (jieba): 可持续 / 影响 / 指标, 满意度 / 指标."""
    from kpi_lint.segment import plain_tokenizer  # on first use: most names are long enough not to ask

    tokenizer = plain_tokenizer()
    return frozenset(word for label in CATEGORY_NAMES for word in tokenizer.lcut(label))


def unit_only(value: str | None, cues: NameCues) -> bool:
    """A value that prints a unit but no figure ("%(百分比)", "万人", "≧ %"): the number is missing,
    which says nothing about how measurable the target was meant to be."""
    s = _PLACEHOLDER_MARKS.sub("", squash(value or ""))
    s = _PUNCT.sub("", s.replace("(", "").replace(")", ""))
    if not s or any(ch.isdigit() for ch in s):
        return False
    return all(part in cues.unit_words or part in ("%", "％") for part in _split_units(s, cues))


def _split_units(text: str, cues: NameCues) -> list[str]:
    """`text` cut into unit words, longest first ("%百分比" → ["%", "百分比"]); an unknown rest stays whole."""
    parts: list[str] = []
    units = _units_longest_first(cues)
    while text:
        unit = next((u for u in units if text.startswith(u)), None)
        if unit is None:
            return [*parts, text]
        parts.append(unit)
        text = text[len(unit) :]
    return parts


# A recurring period: "1次/月", "2次/年", "每季度", "按月安排", "逐月" — a frequency states when, as "每季度" does.
_PERIODIC = re.compile(r"(?:每|按|逐)个?(?:日|天|周|旬|月|季|半年|年|学期)|次\s*/\s*(?:日|天|周|旬|月|季|半年|年)")


def states_a_period(value: str | None) -> bool:
    """The value states a recurring period ("1次/月", "按月安排", "每季度"): a timeliness target."""
    return _PERIODIC.search(squash(value or "")) is not None


SERVICE_PERIOD_FILE = "service_periods.txt"  # 全天候, 7×24, 全年无休 …: a service's availability, not a deadline
_TIMES_SIGN = re.compile(r"(?<=\d)\s*[xX*＊✕]\s*(?=\d)")


def states_service_period(value: str | None, words: tuple[str, ...]) -> bool:
    """The value states when a service is available ("全天候可用", "7×24小时在线", "全年无休"; lexicons/
    service_periods.txt): a checkable service standard under 时效, not a deadline and not a value of the wrong kind."""
    text = _TIMES_SIGN.sub("×", squash(value or ""))
    return holds_any(text, words)


def on_time_rate(level3: str | None, parsed: ParsedValue, words: tuple[str, ...]) -> bool:
    """A percentage on a name that says "on time" ("对美沙酮维持患者及时给予治疗 | 100%", "按时发放 | 100%"):
    a 及时率 written without 率 (lexicons/on_time_words.txt)."""
    name = squash(level3 or "")
    return parsed.kind == "percent" and holds_any(name, words)


def on_time_says_when(
    level3: str | None,
    value: str | None,
    parsed: ParsedValue | None,
    words: tuple[str, ...],
    marks: dict[str, tuple[str, ...]],
) -> bool:
    """An on-time word of the row (lexicons/on_time_words.txt: 及时, 按时, 按期 …) makes it a 时效 target: the name
    measures timeliness ("是否及时", "办结及时率", "…及时性", "培训任务完成及时": on_time_measures.txt; the measure word
    opens or closes what follows the on-time word, so the 性 of "及时处置突发性事件" is none), the value says
    it ("按期完工 | 按期完工", "… | 及时"), or the word is an adverb before a verb and the value counts what was done
    so ("按时参保 | ≥95", "对美沙酮维持患者及时给予治疗 | 100%"). An adverb before the verb of a task with a yes/no
    or worded value ("建立并及时完善进出境重大动物疫情应急管理体系 | 是") says how the task is done, not when."""
    if holds_any(squash(value or ""), words):
        return True
    name = _TRAILING_BRACKET.sub("", squash(level3 or ""))
    measures = marks.get(ON_TIME_AFTER, ())
    for word in (w for w in words if w and w in name):
        before, _, after = name.partition(word)
        # The measure word heads what follows the on-time word ("办结及时率", "按时发放率", "…及时性"): it opens or
        # closes it. A 性 or 率 inside a later noun ("及时处置突发性事件") measures nothing of the name.
        if not after or after.startswith(measures) or after.endswith(measures):
            return True
        if before.endswith(marks.get(ON_TIME_BEFORE, ())):
            return True
        if parsed is not None and parsed.kind in _ON_TIME_COUNTED:
            return True
    return False


# A bracket closing a name (a unit or a template's placeholder: "及时率(%)", "及时性(≥**%)") is not its last word.
_TRAILING_BRACKET = re.compile(r"[（(][^（）()]*[)）]$")


def dated_name_rate(level3: str | None, parsed: ParsedValue) -> bool:
    """A percentage on a name that states the date or the period ("12月底之前完成 | 100%", "优抚对象生活补助金
    每月中旬发放 | 100%", "义务兵家庭优待金每年3月、9月份发放 | 100%"): the share done by then — the deadline is
    written, in the name cell."""
    return parsed.kind == "percent" and (mentions_date(level3) or states_a_period(level3))


def dated_name_done(level3: str | None, value: str | None, words: tuple[str, ...]) -> bool:
    """A name that states the deadline and a value that says the work is done by it ("春节前完成走访慰问 |
    按时限完成", "12月底之前完成 | 按期完成"): the deadline is written, in the name cell, and the value is the
    yes/no target "done on time" (lexicons/on_time_words.txt: 按时, 按期, 如期 …)."""
    if not (mentions_date(level3) or states_a_period(level3)):
        return False
    done = squash(value or "")
    return holds_any(done, words)


def _read_past_value(ind: Indicator) -> bool:
    """Cells of the row were read after its value: 调整后指标值, 实际完成值, 分值, 得分, 偏差原因, 确定依据."""
    after = (ind.adjusted_value, ind.actual, ind.weight, ind.score, ind.deviation, ind.basis)
    return any(field is not None for field in after)


def at_the_break(ind: Indicator, project: Project) -> bool:
    """The text ends right after this row's value: the table breaks off at the end of the text
    (``Project.cut_off``), this is the last row read, and nothing of it was read past its value."""
    value = ind.spans.get("value")
    if not project.cut_off or value is None or _read_past_value(ind):
        return False
    last = max((i.spans["value"].line, i.spans["value"].column) for i in project.indicators if "value" in i.spans)
    return (value.line, value.column) == last


def cut_by_the_break(ind: Indicator, project: Project) -> bool:
    """The text ends inside this row (``at_the_break``) and the table has cells past the value — its other rows
    read some (c07 "工程竣工验收合格率 | 1" where the excerpt stops, the row above reading "100% | 100% | 5 | 5"),
    or, a one-row 自评表, the form's 实际完成值 and 分值 were never reached (m08 "完成安可产品购买并按要求支付资金 |
    = | 100 |" under a header with 度量单位, 完成值, 权重, 得分). The value may be cut itself, and its unit may stand
    in a cell beyond the break. A table of targets alone (e08 "验收合格率 | 1" under "三级指标 | 指标值") ends
    with its value: nothing is known to be lost, unless the reader saw the text stop inside the value's own cell
    (``Project.cut_cell``: aa03 "| 成本指标 | 补助标准 | 15", the last line, without the `|` every row closes with) —
    whether or not the table is known to lack rows beyond it (b02 ">=9", its last row under 满意度)."""
    if project.cut_in(ind, "value"):
        return True  # aa03 "| 成本指标 | 补助标准 | 15" with no closing `|`: the value itself stops with the text
    if not at_the_break(ind, project):
        return False
    others = [i for i in project.indicators if i is not ind]
    if others:
        return any(_read_past_value(i) for i in others)
    return project.form is Form.SELF_EVALUATION


def name_at_the_break(ind: Indicator, project: Project, doc: Document) -> bool:
    """A name without a value where the text stops: the table breaks off (``Project.cut_off``), this is the last
    row read, nothing of it was read past its name and the reader reports nothing further on (no row it dropped
    later in the text), and the table has cells past the value — its other rows read some, or, a one-row 自评表, the
    form's 实际完成值 and 分值 were never reached (j15 "质量指标 | 是否达到国" where the excerpt stops). Its value lies
    beyond the break. A table of targets alone (c08's 申报表 rows with the value cell empty) ends with its names:
    nothing is known to be lost there, and an empty value is the author's."""
    name = ind.spans.get("level3")
    if name is None or "value" in ind.spans or _read_past_value(ind):
        return False
    if project.cut_in(ind, "level3"):
        return True  # the text stops inside the name cell itself: the value lies beyond the break
    if not project.cut_off:
        return False
    place = (name.line, name.column)
    names = [i.spans["level3"] for i in project.indicators if "level3" in i.spans]
    if place != max((n.line, n.column) for n in names):
        return False
    if any((p.line, p.column) > place for p in (*doc.problems, *doc.notes) if p.path == doc.path):
        return False  # a row the reader dropped further on (c05 "表格在第58行中断…"): this one is not at the break
    others = [i for i in project.indicators if i is not ind]
    if others:
        return any(_read_past_value(i) for i in others)
    return project.form is Form.SELF_EVALUATION


# A text ending in a figure: the digits after it, if any, were cut with the text ("15" of "1500元", ">=9" of ">=90%").
_FIGURE_END = re.compile(r"[\d０-９.．]\s*$")


def figure_cut(ind: Indicator, project: Project, name: str = "value") -> bool:
    """The text stops inside the row's `name` cell (``Project.cut_cell``) right after a figure: the figure read may
    lack its last digits and its unit, so its size is not the department's (">=9" of b02's last satisfaction row)."""
    if not project.cut_in(ind, name):
        return False
    text = getattr(ind, name, None)
    if isinstance(text, int | float):
        return True  # 分值 / 得分 read as a number: its figure is what the cut cell holds
    return isinstance(text, str) and _FIGURE_END.search(text) is not None


def fragment_at_the_break(ind: Indicator, project: Project) -> bool:
    """A lone character where the text stops (e01 "…生态环境修复… | 解", f01 "…不利影响 | 减"): the first character
    of a value the excerpt cut, not a target as written."""
    return len(clean(ind.value)) == 1 and at_the_break(ind, project)


# A measure per a base the name states ("每百万人口报告数", "每千人托位", "每10万人…"): 每 and a magnitude.
_PER_BASE = re.compile(r"每(?:\d+|[一二三四五六七八九十]*[十百千万亿]+)")


def per_base(level3: str | None) -> bool:
    """The name measures so many per a stated base ("药品不良反应每百万人口报告数 | ≥150", "每千人托位 | 4.5"): the
    figure's unit is in the name (reports per million people, places per thousand people)."""
    return _PER_BASE.search(squash(level3 or "")) is not None


def names_the_figure(level3: str | None, number: float, cues: NameCues) -> bool:
    """The 三级指标 cell prints the value's own figure with its unit: "配套电力设施1250KVA变压器3台 | 3" is
    3 台 — the unit is written, next to the same figure, in the name."""
    name = squash(level3 or "")
    units = _units_longest_first(cues)
    for m in _FIGURE.finditer(name):
        if float(m.group()) != number:
            continue
        unit = next((u for u in units if name[m.end() :].startswith(u)), None)
        if unit is not None and unit not in _NOT_TARGET_UNITS:
            return True
    return False


def answers_yes_no(ind: Indicator, yes_no_cues: tuple[str, ...]) -> bool:
    """A yes/no indicator answered 是/否, 有/无: a checkable target. The question is yes/no by its name
    ("是否对当地生态环境造成影响", yes_no_cues.txt) or by the form, whose 计量单位 column prints "是/否" as the unit
    of the question ("组织口岸重大动物疫情应急处置演练或培训 | 是/否 | 是": held or not, checked against records)."""
    answer = clean(ind.value)
    if answer not in ("是", "否", "有", "无", "能", "不能"):
        return False
    return asked_yes_no(ind) or any(c in squash(ind.level3 or "") for c in yes_no_cues)


def asked_yes_no(ind: Indicator) -> bool:
    """The form's 计量单位 column prints the unit of a yes-no question ("是/否", "是或否") for this row."""
    return squash(ind.printed_unit or "") in YES_NO_MARKS


COMPLIANCE_FILE = "compliance_phrases.txt"  # "严格执行相关制度规定", "符合相关规定": a yes/no compliance verdict
PASS_FAIL_FILE = "pass_fail_words.txt"  # 结论: a 质量 verdict (合格, 合规 …); 状态 / 问句: 健全 answering 健全性
_COMPLIANCE_GAP = 6  # at most this many characters between the 依照 word and the 规定 word ("相关制度", "国家")


@lru_cache(maxsize=8)
def _compliance_pattern(lexicon: Lexicon) -> re.Pattern[str] | None:
    """compliance_phrases.txt as one whole-value pattern: 依照 word, a short gap, 规定 word, an optional 收尾 word."""
    keyed = lexicon.keyed(COMPLIANCE_FILE)
    parts = [keyed.get(k, ()) for k in ("依照", "规定", "收尾")]
    if not parts[0] or not parts[1]:
        return None
    opener, rule, tail = (alternation(ws) for ws in parts)
    return re.compile(f"(?:{opener}).{{0,{_COMPLIANCE_GAP}}}?(?:{rule})" + (f"(?:{tail})?" if tail else ""))


def states_compliance(value: str | None, lexicon: Lexicon) -> bool:
    """The whole value says the work follows a written rule ("严格执行相关制度规定", "符合相关规定", "按规定执行";
    compliance_phrases.txt), with no figure and no vague word in it: a verdict checked yes or no, like 合规."""
    text = clean(value)
    pattern = _compliance_pattern(lexicon)
    if not text or pattern is None or DIGIT.search(text) or pattern.fullmatch(text) is None:
        return False
    return not words_in(text, lexicon.vague_words)


_MANNER = "方式"  # compliance_phrases.txt: 正常, 按时, 足额 … — how a duty is done
_MANNER_LONGEST = 16  # a statement longer than this says more than a manner and an action


@lru_cache(maxsize=8)
def _manner_pattern(lexicon: Lexicon) -> re.Pattern[str] | None:
    """compliance_phrases.txt's 方式 words, then the action of two to four characters that ends the statement."""
    manners = lexicon.keyed(COMPLIANCE_FILE).get(_MANNER, ())
    if not manners:
        return None
    pattern = alternation(manners)
    return re.compile(f"(?:{pattern})+[\u4e00-\u9fff]{{2,4}}$")


def states_manner(name: str | None, lexicon: Lexicon) -> bool:
    """A short statement "object + manner word + action" ("职工个税正常申报缴纳", "补助资金按时足额发放";
    compliance_phrases.txt, key 方式), with no figure and no vague word: a yes/no target."""
    text = squash(name or "")
    pattern = _manner_pattern(lexicon)
    if pattern is None or len(text) > _MANNER_LONGEST or DIGIT.search(text) or words_in(text, lexicon.vague_words):
        return False
    return pattern.search(text) is not None


def yes_no_verdict(ind: Indicator, value: str | None, lexicon: Lexicon) -> bool:
    """A target (`value`: the 指标值, or the adjusted one) the reviewer checks yes or no: under 质量, a pass/fail
    verdict — a whole-value word of pass_fail_words.txt's 结论 ("合规", "通过验收") or a compliance phrase
    ("严格执行相关制度规定"); under any category, a state answering the yes/no question of the name (状态 / 问句:
    "长效管理机制健全性 | 健全", "制度建立情况 | 已建立"). KPI101 does not call it unmeasurable; KPI502 asks its
    actual for the check's result, not a target."""
    if answers_state_question(ind.level3, value, lexicon):
        return True
    if ind.level2 != QUALITY:
        return False
    return clean(value) in lexicon.keyed(PASS_FAIL_FILE).get("结论", ()) or states_compliance(value, lexicon)


def answers_state_question(name: str | None, value: str | None, lexicon: Lexicon) -> bool:
    """The whole value (a leading 已 aside) is a state word of pass_fail_words.txt (健全, 建立, 规范 …) and the name
    ends by asking for that very state ("…机制健全性", "…制度建立情况", "…规范程度"): a yes/no target — is the
    mechanism in place — checked against the documents. "基本健全", "进一步完善" are not whole state words."""
    keyed = lexicon.keyed(PASS_FAIL_FILE)
    state = clean(value).removeprefix("已")
    if state not in keyed.get("状态", ()):
        return False
    asked = squash(name or "")
    return any(asked.endswith(state + ending) for ending in keyed.get("问句", ()))


def clean(text: str | None) -> str:
    """Text without white space or punctuation: what a reviewer reads as the content."""
    return _PUNCT.sub("", text or "")


def is_blank(text: str | None, cues: NameCues) -> bool:
    """Nothing printed, or a marker meaning "not filled" (未填报)."""
    s = squash(text or "")
    # A lone comparator (">", "≥") is what is left of a value the extraction split off: no target.
    return not s or s in cues.empty_values or _ONLY_MARKS.fullmatch(s) is not None


def _ends_or_contains(name: str, cues: tuple[str, ...]) -> bool:
    return any(name.endswith(c) for c in cues) or any(len(c) >= 2 and c in name for c in cues)


def expected_unit(level3: str | None, cues: NameCues) -> str | None:
    """The unit the indicator name calls for: 参保人数 → 人, 参保率 → %, 完成时间 → 日期; None if unknown."""
    name = squash(level3 or "")
    if not name:
        return None
    printed = name_unit(name)
    if printed is not None and (printed == "%" or printed.startswith(cues.unit_words)):
        return printed  # a bracket holding another word ("成活率(目标)") says nothing of the unit
    if name.endswith(cues.unitless):
        return UNITLESS
    suffixes, inside = _unit_cue_index(cues)
    if name.endswith(suffixes):  # one C-level test for all the cues; the loop below finds the longest
        for cue, unit in cues.units:
            if name.endswith(cue):
                return unit
    if name.endswith(cues.count_units):  # "人均培训学时", "新建道路公里": the name ends with its unit
        return next(u for u in cues.count_units if name.endswith(u))
    # "服务周期内空气质量", "规定时间内办结": a period followed by 内 bounds what is measured, it is not the measure.
    # (`c in name` first: without c in the name there is no c内 to drop, so the replace would change nothing.)
    if any(name.endswith(c) or (len(c) >= 2 and c in name and c in name.replace(c + "内", "")) for c in cues.date):
        return DATE
    if name.endswith(_PROPERTY):
        return None  # "经费支出合规性": a property of the spending is measured, not an amount of 经费
    if inside.search(name) is None:
        return None  # no cue of two characters or more anywhere in the name
    for cue, unit in cues.inside_units:
        if len(cue) >= 2 and cue in name:
            return unit
    return None


@lru_cache(maxsize=8)
def _unit_cue_index(cues: NameCues) -> tuple[tuple[str, ...], re.Pattern[str]]:
    """The unit cues as one tuple for `str.endswith`, and a pattern matching where any cue of two characters or
    more is: `expected_unit` tests every cue at once before looking for the one that decides."""
    longer = [re.escape(cue) for cue, _ in cues.inside_units if len(cue) >= 2]
    return tuple(cue for cue, _ in cues.units), re.compile("|".join(longer) if longer else "(?!)")


# A name whose head is a property ("…合规性", "…规范性", "…安全性"): the words before it only say of what.
_PROPERTY = "性"


def name_unit(level3: str | None) -> str | None:
    """The unit printed in brackets at the end of the name ("参保率（%）" → %, "满意度(≥**%)" → %,
    "新增企业(家)" → 家), or None."""
    m = _NAME_UNIT.search(squash(level3 or ""))
    if not m:
        return None
    unit = _PLACEHOLDER_MARKS.sub("", m.group(1) or m.group(2) or "")
    if not unit:
        return None
    return "%" if unit in ("%", "％", "百分比") else unit


# A "generic threshold" is the pass mark of a rate: ≥95, >90, ≥90% …
GENERIC_LOW, GENERIC_HIGH = 80.0, 100.0
_NOT_RATES = (QUANTITY, COST, TIMELINESS)


def is_generic_threshold(parsed: ParsedValue) -> bool:
    return (
        parsed.comparator in ("≥", ">")
        and parsed.number is not None
        and GENERIC_LOW <= parsed.number <= GENERIC_HIGH
        and parsed.unit in (None, "%")
    )


def cannot_carry_rate(ind: Indicator, cues: NameCues) -> bool:
    """A count, an amount, a date — anything but a rate: a percentage pass mark means nothing there."""
    unit = expected_unit(ind.level3, cues)
    if unit in ("%", UNITLESS):
        return False
    return unit is not None or ind.level2 in _NOT_RATES


def pasted_threshold(ind: Indicator, parsed: ParsedValue, project: Project, cues: NameCues) -> bool:
    """A generic pass mark ("≥90") on a row that cannot carry a rate, and something says it is a pass mark: it is
    printed as a percentage ("≥90%"), or another row of the project carries the same figure as a rate (">90" or "≥90"
    with a "%" or under a name that calls for one: the table's own pass mark, pasted here). A bare figure alone under
    a count ("药品监管人员人均培训学时 | ≥90", 96 hours done) reads as the count with its unit left off: KPI103's
    missing unit, not KPI102's misplaced threshold."""
    if not is_generic_threshold(parsed) or not cannot_carry_rate(ind, cues):
        return False
    if parsed.unit == "%":
        return True
    for other in project.indicators:
        if other is ind:
            continue
        seen = other.parsed or parse_value(other.value)
        if seen.number != parsed.number or seen.comparator not in ("≥", ">"):
            continue  # ">90" and "≥90" are one pass mark
        if seen.unit == "%" or (seen.unit is None and expected_unit(other.level3, cues) == "%"):
            return True
    return False


def may_exceed_100(level3: str | None, cues: NameCues) -> bool:
    return _ends_or_contains(squash(level3 or ""), cues.over_100)


def is_benefit(ind: Indicator) -> bool:
    return ind.level1 == BENEFIT or ind.level2 in BENEFIT_LEVEL2


def is_satisfaction(ind: Indicator) -> bool:
    return ind.level2 == SATISFACTION or "满意" in squash(ind.level3 or "")


def words_in(text: str, words: tuple[str, ...]) -> list[str]:
    """The lexicon words a value is made of, longest first.

    A word of two or more characters counts anywhere in the value; a one-character
    word (好, 高) only when it is the whole value, else it would match inside
    checkable phrases (高于上年).
    """
    s = clean(text)
    found = [w for w in words if (len(w) >= 2 and w in s) or s == w]
    found.sort(key=len, reverse=True)
    # Drop a word contained in a longer one already found (提高 inside 明显提高).
    return [w for i, w in enumerate(found) if not any(w in longer for longer in found[:i])]


def pays_out(level3: str | None, cues: NameCues) -> bool:
    """The name is a sum the project pays, lends or draws to others ("本年度创业担保贷款发放额", "补贴发放金额",
    "贴息资金拨付额", "撬动社会投资额"): a verb of paying out (paid_out_money.txt), the name ending with an amount
    word (额, 金额, 资金 …), and no word of the project's own cost (成本, 费用, 支出, 单价, 标准 …). Such money is
    what the project delivers — an output or an effect, where more is the aim — not what it costs."""
    name = clean(level3)
    return (
        holds_any(name, cues.paid_out_verbs)
        and name_ends_with(level3, cues.amount_words)
        and not holds_any(name, (*cues.cost_words, *cues.standard_words))
    )


def names_a_cost(level3: str | None, cues: NameCues) -> bool:
    """The name is the project's own spending (a word of paid_out_money.txt's 成本: "项目成本控制", "会议费用"),
    not money it pays out nor a standard per unit ("公用经费标准": the least a school is owed, not a ceiling):
    a target for it is a ceiling, ≤."""
    name = clean(level3)
    if holds_any(name, cues.standard_words):
        return False
    return holds_any(name, cues.cost_words) and not pays_out(level3, cues)


def effect_on_a_cost(level3: str | None, cues: NameCues) -> bool:
    """The name measures an effect on a cost ("对控制基建项目成本影响程度": it names a cost and ends with an effect
    word of paid_out_money.txt's 效果), not the cost itself ("项目成本控制" is the project's own spending kept
    within a ceiling): such an effect is what was saved, a floor."""
    return names_a_cost(level3, cues) and name_ends_with(level3, cues.effect_words)


def after_event(value: str | None, cues: NameCues) -> str | None:
    """The value up to the event it hangs its time on ("1-6期培训结束后及时考核" → "1-6期培训结束后"), when it
    names one (event_deadlines.txt) and states no limit of its own; None otherwise."""
    text = squash(value or "")
    at = min((i + len(w) for w in cues.event_words if (i := text.find(w)) >= 0), default=None)
    if at is None or any(ch.isdigit() for ch in text[at:]):
        return None  # "验收后10日内": the limit is there already
    return text[:at]


_RATE_END = ("率",)


def timeliness_rate(ind: Indicator, cues: NameCues) -> bool:
    """A 时效 row named as a rate ("医疗文书及时率", "市域内一站式及时结算覆盖率"): its target is a percentage (KPI104
    accepts one there), not a date."""
    return ind.level2 == TIMELINESS and expected_unit(ind.level3, cues) == "%" and name_ends_with(ind.level3, _RATE_END)


def target_form(ind: Indicator, cues: NameCues, year: int | None = None) -> str | None:
    """A measurable target of the form the indicator calls for (N is the figure to fill in). A cost is a ceiling
    wherever it is filed ("项目成本控制" under a 成效 heading with no 二级): ≤N元, never ≥ — except an effect on a cost
    filed under 效益 ("对控制基建项目成本影响程度 | 效果明显"), which is measured by what it saved: 节约≥N元."""
    unit = expected_unit(ind.level3, cues)
    if timeliness_rate(ind, cues):
        return "≥N%"  # "医疗文书及时率 | 按规定时限": a rate of what was done on time is a percentage, not a date
    if ind.level2 == TIMELINESS or unit == DATE:
        event = after_event(ind.value, cues)
        if event is not None:
            return f"{event}N日内"  # "1-6期培训结束后及时考核": a time counted from the event, not a calendar date
        ongoing = ongoing_form(ind.level3, ind.value, cues.ongoing)
        if ongoing is not None:
            return (
                ongoing  # "信息化网络系统维护时间 | 全年": continuous work has a limit per occurrence, not an end date
            )
        return f"不晚于{year}年N月底" if year else "不晚于N月底"
    if ind.level2 != COST and is_benefit(ind) and effect_on_a_cost(ind.level3, cues):
        # "对控制基建项目成本影响程度" under 效益: the effect on a cost is what it saved, a floor — not a ceiling
        return "节约≥N元"
    if ind.level2 == COST or (unit == "元" and names_a_cost(ind.level3, cues)):
        return "≤N元"
    if is_satisfaction(ind):
        return "≥90%"
    if unit in (None, UNITLESS):
        return None
    if unit == "%":
        return "≥N%"
    return f"≥N{unit}"


def peer_lines(
    suggester: Suggester, project: Project, path: str, level2: str, k: int = 3, year: int | None = None
) -> list[str]:
    """What similar projects of the project's own sector set under `level2`, fitted to this project and checked by
    the catalog, as "三级指标 值（同类项目 n 个使用…：出处；换算依据）" lines (kpi_lint.library.suggest); none when
    the project names no sector (lexicons/sectors.txt). A figure is the price of a sector's work: a 人才驿站's 资金投入
    or a railway's 隐患排查成本 says nothing of what a 文物保护 fund should cost, nor a hospital's 财政补助 of an
    exhibition hall's. Nor is a peer's total listed unscaled (the project lists no funds), as in `peer_example`:
    "成本 ≤202.6万元" of a township's budget is that township's figure, not a target for this project."""
    found = suggester.suggest(project, level2, path, k=k, same_sector=True)
    return [item.line() for item in found if not item.unscaled_total and fits_year(item, year)]


def fits_year(item: Suggestion, year: int | None) -> bool:
    """A peer's target names no year, or only the project's own fiscal year: "项目完成时间 2021年12月完成" (a 2021
    project's deadline) is no example for a 2024 budget line, nor for a project whose year is unknown."""
    named = years_in(f"{item.level3} {item.value}")
    return not named or (year is not None and set(named) == {year})


# Peer projects (of the project's sector, the most similar) that must set an indicator before a message gives it as
# an example of what to write: more than one, so that it is what such projects set, not one project's own work. The
# Suggester applies the same floor to every line it offers (kpi_lint.library.suggest.MIN_PEER_PROJECTS, not imported:
# the rules do not load the peer index's scikit-learn until they ask it); kept so that a message never cites an
# example on weaker evidence, should that floor be lowered.
MIN_EXAMPLE_PEERS = 2
_EXAMPLES_ASKED = 3  # the nearest peer targets looked at for one that fits the project's year


def peer_example(
    suggester: Suggester | None,
    project: Project,
    path: str,
    level2: str,
    year: int | None = None,
    *,
    lexicon: Lexicon,
) -> Suggestion | None:
    """What the most similar projects of the project's own sector set under `level2` (kpi_lint.library.suggest,
    fitted to the project's funds and checked by the catalog), when at least MIN_EXAMPLE_PEERS of them set it;
    else None, and the message gives no example: another sector's target (a medical-insurance head count for a
    vaccine project, one sample's 会议费 for a subsidy fund) is no example for this one, and a target only one
    other project sets is that project's own work, not what projects of this kind set. Nor is a peer's total
    shown unscaled (the project lists no funds): "成本 ≤90万元" of a township's budget says nothing of this one's.
    Nor a target dated in another year than the project's fiscal `year` (`fits_year`), nor one whose name shares no
    content word with the project's name, goals or rows (`about_the_project`: "医保信息系统正常运行率" of the
    medical-insurance IT projects for a subsidy to insurance collection agents): the nearest one that fits is taken
    instead."""
    if suggester is None:
        return None
    found = suggester.suggest(project, level2, path, k=_EXAMPLES_ASKED, same_sector=True)
    fitting = [item for item in found if fits_year(item, year) and about_the_project(item.level3, project, lexicon)]
    if not fitting or fitting[0].peer_projects < MIN_EXAMPLE_PEERS or fitting[0].unscaled_total:
        return None
    return fitting[0]


def cited_example(example: Suggestion | None) -> str:
    """'，如同类项目所设“受理案件数 ≥200件”' for a message; '' without an example."""
    return f"，如同类项目所设“{example.level3} {example.value}”" if example else ""


def ceiling_rate(name: str | None, lexicon: Lexicon) -> bool:
    """The name, its closing bracket left aside, ends with a rate where lower is better (lexicons/ceiling_rates.txt:
    "公用经费控制率", "项目成本超支率"): its target is a level not to exceed."""
    return name_ends_with(name, lexicon.words(CEILING_RATES_FILE)) and not floor_rate(name, lexicon)


def floor_rate(name: str | None, lexicon: Lexicon) -> bool:
    """The name ends with a rate of ceiling_rates.txt's kind whose object makes it higher-is-better
    (lexicons/floor_rates.txt: "高血压患者血压控制率", "疫情控制率" — the share of cases under control): the longer
    ending decides, so such a rate is a floor, while "成本控制率", "预算控制率" stay ceilings."""
    return name_ends_with(name, lexicon.words(FLOOR_RATES_FILE))


def reverse_rate(name: str | None, lexicon: Lexicon) -> bool:
    """A rate (its name ends with 率) that holds a lower-is-better word anywhere, not only as its ending
    ("逾期发放率", "投诉率"): 100% of it is the worst, not the best result."""
    bare = squash(name or "")
    rate = bare.rstrip(")）%％(（").endswith("率")
    return rate and holds_any(bare, lexicon.words(CEILING_RATES_FILE)) and not floor_rate(name, lexicon)


FULL_RATES_FILE = "full_rates.txt"  # rates whose ordinary target is 100% (完成率, 合格率, 及时率 …): keyed 类别/结尾
FULL_KINDS, FULL_ENDINGS = "类别", "结尾"  # its keys: measure_heads.txt kinds, and endings that list does not narrow


def full_rate(name: str | None, lexicon: Lexicon) -> bool:
    """A rate whose ordinary target is 100% (lexicons/full_rates.txt): its name ends with a measure_heads.txt ending of
    one of the listed kinds (合格率 → 比率/合格, 及时完成率 → 及时率; the longest ending decides) or with one of the
    listed endings (完工率, 安全率); a 控制率 only as a ceiling (成本控制率), not floor_rates.txt's 血压控制率."""
    return full_rate_ending(name, lexicon) is not None


def full_rate_ending(name: str | None, lexicon: Lexicon) -> str | None:
    """The ending that makes `name` a `full_rate`, as the name prints it ("工程验收合格率" → 合格率, "免费开放率" →
    开放率, "项目完成及时率" → 及时率): the longest listed ending it closes with, else the measure_heads.txt ending
    whose kind is listed; None for a name that is no such rate."""
    table = lexicon.keyed(FULL_RATES_FILE)
    if floor_rate(name, lexicon):
        return None
    endings = table.get(FULL_ENDINGS, ())
    if name_ends_with(name, endings):
        return max((end for end in endings if name_ends_with(name, (end,))), key=len)
    kinds = table.get(FULL_KINDS, ())
    head = next(((end, kind) for end, kind in load_heads(lexicon.directory) if name_ends_with(name, (end,))), None)
    return head[0] if head is not None and head[1] in kinds else None
