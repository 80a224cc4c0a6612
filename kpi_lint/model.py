"""The structured form of a disclosure: Document → Project → Indicator.

Every value read from a file keeps the 1-based line and column where it was
printed, so that a reviewer can go from any figure or finding back to the
source.  Text is kept as printed (typos and truncations included); only line
wrapping and doubled PDF rendering are repaired by the parsers.
"""

from __future__ import annotations

from collections.abc import MutableMapping, Sequence
from dataclasses import Field, dataclass, field, replace
from enum import StrEnum
from operator import attrgetter
from pathlib import Path
from typing import Any, ClassVar

from kpi_lint.lazy_re import lazy_compile


class Form(StrEnum):
    """The three performance-target forms of the domain."""

    DECLARATION = "申报表"  # 项目支出绩效目标申报表: 实施期 + 年度 side by side
    TARGET = "目标表"  # 绩效目标表: one period, with 描述 and 确定依据
    SELF_EVALUATION = "自评表"  # 项目支出绩效自评表 (final accounts)


class Layout(StrEnum):
    """How the text extraction lays the tables out (detected, never a flag)."""

    PDF_TEXT = "pdf-text"  # 000, 002: wrapped cells, interleaved periods
    CELL_LINES = "cell-lines"  # 001, 003: one tab-prefixed cell per line
    TAB_ROWS = "tab-rows"  # 004: one table row per line, tab separated
    TEXT = "text"  # any other text: tab, pipe, space-separated cells or one cell per line
    PDF = "pdf"
    DOCX = "docx"
    XLSX = "xlsx"
    XLS = "xls"
    HTML = "html"
    UNKNOWN = "unknown"


# The cell part of a table anchor: "表1 行10 格6", "页1 表1 行6 格3 (237,160)" (a borderless PDF cell's corner).
_CELL_IN_ROW = lazy_compile(r" 格\d+(?: \(\d+,\d+\))?$")
# A place split before its last number: "页1 表1 行" + "6", "目标表!" + "F12", "页" + "3".
_LAST_NUMBER = lazy_compile(r"^(.*?)([A-Z]*\d+)$")


def place_of(line: int, anchor: str | None = None) -> str:
    """How a message names a place for people, as the file shows it: "第12行" in a text file; in an office file
    the anchor's own words for the row — "表1 行10" (Word, HTML), "页1 表1 行6" (PDF table), "页3" (PDF text),
    "段落5" (Word, HTML) — or the worksheet cell as Excel names it ("目标表!F12").  Machine fields (line, column,
    anchor) stay as they are."""
    if anchor is None:
        return f"第{line}行"
    if "!" in anchor:
        return anchor
    return _CELL_IN_ROW.sub("", anchor)


def places_of(spots: Sequence[tuple[int, str | None]], shown: int = 12) -> str:
    """Several places (line, anchor) in the order given, each named once, the first `shown` of them, "等" if
    there are more: "第8、11、15行" in a text file, "表1 行8、11、15" / "页1 表1 行6、9" / "目标表!C8、C11" in an
    office file (places of several tables or sheets are grouped, "表1 行8、11；表2 行3").  Several hits on one
    line are one place, so the list may name fewer places than a message counts: a message gives the count
    first and the list after "在" ("共 4 处，在第7、9行"), never the list as the count's own parenthesis."""
    distinct = list(dict.fromkeys(place_of(line, anchor) for line, anchor in spots))
    more = "等" if len(distinct) > shown else ""
    named = distinct[:shown]
    if all(anchor is None for _, anchor in spots):
        return f"第{'、'.join(name[1:-1] for name in named)}{more}行"
    groups: dict[str, list[str]] = {}
    for name in named:
        match = _LAST_NUMBER.match(name)
        head, item = (match[1], match[2]) if match else (name, "")
        groups.setdefault(head, []).append(item)
    return "；".join(head + "、".join(items) for head, items in groups.items()) + more


def office_anchors(anchors: list[str | None]) -> list[str | None]:
    """The anchors of a pattern's places as `Finding.occurrence_anchors` keeps them: all of them in an office
    file, none (an empty list) in a text file, where the places' lines and columns say it all."""
    return anchors if any(anchors) else []


PERIOD_IMPLEMENTATION = "实施期"
PERIOD_ANNUAL = "年度"


@dataclass(frozen=True, slots=True)
class Located:
    """A piece of printed text and where it starts in the input file.

    For a text file `line`/`column` are where it is printed.  For PDF, Word, Excel and HTML files
    `anchor` names the place ("页3", "Sheet1!C12", "表2 行5 格3") and `line`/`column` give the
    running row and column of the table, so that positions still sort in reading order.
    """

    text: str
    line: int
    column: int
    anchor: str | None = None

    @property
    def where(self) -> str:
        """ "12:5" for a text file, the anchor ("页3 表1 行4 格2", "Sheet1!C12") otherwise."""
        return self.anchor or f"{self.line}:{self.column}"

    @property
    def place(self) -> str:
        """Where it is printed, for a message that cites it: "第12行", "表1 行4", "Sheet1!C12" (place_of)."""
        return place_of(self.line, self.anchor)


@dataclass(frozen=True, slots=True)
class ParsedValue:
    """A 指标值 split into its parts; the printed text stays on the Indicator."""

    comparator: str | None  # one of ≥ > = ≤ < ~ or None
    number: float | None
    unit: str | None
    kind: str  # count | percent | money | date | number | qualitative | empty
    number_high: float | None = None  # upper bound of a range ("9月-12月", "90-95%")


class Reading(StrEnum):
    """Why a row, listed as read, is not taken as data (Indicator.reading): its project's reading says its rows
    cannot be trusted.  The values are the stable keys of the exports; READING_WORDS says them to people."""

    GARBLED = "garbled"  # its table's text is garbled (Project.garbled): the row's cells may belong to others


# What a row list (workbook, review page, Chinese CSV) shows of a row that is not taken as data.
READING_WORDS = {Reading.GARBLED: "原文错乱，未采信"}


@dataclass(frozen=True, slots=True)
class RowHead:
    """What the rows of one project print alike: the file, the project, the form, and whether the rows are
    taken as data.  Immutable: one object for all of them (`Indicator` reads these four fields from it), and
    a row given another project gets a head of its own."""

    path: str
    project: str
    form: Form
    reading: Reading | None = None


@dataclass
class _IndicatorFields:
    """The fields of an Indicator, in this order: its __init__'s arguments, its `dataclasses.fields`, the keys
    of `dataclasses.asdict` (the `parse` JSON) and what `dataclasses.replace` copies."""

    path: str
    project: str
    form: Form
    period: str | None  # 实施期 / 年度 for 申报表, None otherwise
    level1: str | None
    level2: str | None
    level3: str | None
    value: str | None  # 指标值 as printed (年初指标值 for 自评表)
    line: int  # of the 三级指标 cell (or the row when that cell is empty)
    column: int
    parsed: ParsedValue | None = None
    description: str | None = None  # 绩效指标描述 (目标表)
    basis: str | None = None  # 指标值确定依据 (目标表)
    adjusted_value: str | None = None  # 调整后指标值 (自评表)
    actual: str | None = None  # 实际完成值 (自评表)
    weight: float | None = None  # 分值 (自评表)
    score: float | None = None  # 得分 (自评表)
    deviation: str | None = None  # 偏差原因分析及改进措施 (自评表)
    # 计量单位 / 度量单位 as printed, when the form has that column: "人", "%", or "是/否" — the unit of a yes-no
    # question, which the 指标值 ("是") answers; the value joins a unit after a figure ("3" + "万公里").
    printed_unit: str | None = None
    # Where each printed field starts: keys are the attribute names above
    # ("level1", "level2", "level3", "value", "actual", "weight", ...); a dict, or in a peer record
    # a kpi_lint.run.records.PeerSpans (the same mapping in slots).
    spans: MutableMapping[str, Located] = field(default_factory=dict)
    # None for a row taken as data; else why it is only listed (its table garbled): shown by every output that
    # lists rows, left out by every consumer that counts or copies them (clusters, library, peers, KPI303).
    reading: Reading | None = None


class Indicator:
    """One row of an indicator block (one period of it for a 申报表).

    A dataclass to its readers (`dataclasses.fields`, `asdict`, `replace`, `==`, repr: the fields of
    `_IndicatorFields`, in their order) laid out in slots for the memory a run holds, one per row: the four
    fields every row of a project repeats (path, project, form, reading) are read from one shared `RowHead`
    (`head`), the others are the row's own slots.  Setting one of the four gives the row a new head.
    (The period stays a slot: 18 slots take the same 176 bytes of pymalloc as 17.)
    """

    __dataclass_fields__: ClassVar[dict[str, Field[Any]]] = _IndicatorFields.__dataclass_fields__
    __match_args__ = _IndicatorFields.__match_args__
    __slots__ = (
        "actual",
        "adjusted_value",
        "basis",
        "column",
        "description",
        "deviation",
        "head",
        "level1",
        "level2",
        "level3",
        "line",
        "parsed",
        "period",
        "printed_unit",
        "score",
        "spans",
        "value",
        "weight",
    )
    __hash__ = None  # type: ignore[assignment]  # compared by value, changed in place: unhashable (a dataclass's eq)

    head: RowHead
    period: str | None  # 实施期 / 年度 for 申报表, None otherwise
    level1: str | None
    level2: str | None
    level3: str | None
    value: str | None
    line: int
    column: int
    parsed: ParsedValue | None
    description: str | None
    basis: str | None
    adjusted_value: str | None
    actual: str | None
    weight: float | None
    score: float | None
    deviation: str | None
    printed_unit: str | None
    spans: MutableMapping[str, Located]

    @property
    def path(self) -> str:
        """The file the row was read from."""
        return self.head.path

    @path.setter
    def path(self, path: str) -> None:
        if self.head.path is not path:
            self.head = replace(self.head, path=path)

    @property
    def project(self) -> str:
        """The name of the row's project."""
        return self.head.project

    @project.setter
    def project(self, project: str) -> None:
        if self.head.project is not project:
            self.head = replace(self.head, project=project)

    @property
    def form(self) -> Form:
        """The form of the row's table."""
        return self.head.form

    @form.setter
    def form(self, form: Form) -> None:
        if self.head.form is not form:
            self.head = replace(self.head, form=form)

    @property
    def reading(self) -> Reading | None:
        """None for a row taken as data, else why it is only listed (`_IndicatorFields.reading`)."""
        return self.head.reading

    @reading.setter
    def reading(self, reading: Reading | None) -> None:
        if self.head.reading is not reading:
            self.head = replace(self.head, reading=reading)

    def __init__(
        self,
        path: str,
        project: str,
        form: Form,
        period: str | None,
        level1: str | None,
        level2: str | None,
        level3: str | None,
        value: str | None,
        line: int,
        column: int,
        parsed: ParsedValue | None = None,
        description: str | None = None,
        basis: str | None = None,
        adjusted_value: str | None = None,
        actual: str | None = None,
        weight: float | None = None,
        score: float | None = None,
        deviation: str | None = None,
        printed_unit: str | None = None,
        spans: MutableMapping[str, Located] | None = None,
        reading: Reading | None = None,
    ) -> None:
        self.head = RowHead(path, project, form, reading)
        self.period = period
        self.level1 = level1
        self.level2 = level2
        self.level3 = level3
        self.value = value
        self.line = line
        self.column = column
        self.parsed = parsed
        self.description = description
        self.basis = basis
        self.adjusted_value = adjusted_value
        self.actual = actual
        self.weight = weight
        self.score = score
        self.deviation = deviation
        self.printed_unit = printed_unit
        self.spans = {} if spans is None else spans

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return bool(_field_values(self) == _field_values(other))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={value!r}" for name, value in zip(_FIELD_NAMES, _field_values(self), strict=True))
        return f"{self.__class__.__qualname__}({shown})"

    @property
    def trusted(self) -> bool:
        """Whether the row is taken as data (no Reading says otherwise)."""
        return self.head.reading is None

    def span(self, name: str) -> tuple[int, int]:
        """Line and column of a field, falling back to the 三级指标 cell."""
        loc = self.spans.get(name)
        return (loc.line, loc.column) if loc else (self.line, self.column)

    def anchor(self, name: str) -> str | None:
        """Where a field is in an office file (page, sheet and cell, table and row), else None."""
        loc = self.spans.get(name) or self.spans.get("level3")
        return loc.anchor if loc else None

    def place(self, name: str | None = None) -> str:
        """The row, or the line of field `name`, for a message that cites it (place_of): "第12行", "表1 行4"."""
        line = self.line if name is None else self.span(name)[0]
        # a row whose 三级指标 cell is empty is still placed by the anchor of another of its cells
        anchor = self.anchor(name or "level3") or next((loc.anchor for loc in self.spans.values() if loc.anchor), None)
        return place_of(line, anchor)


_FIELD_NAMES = tuple(_IndicatorFields.__dataclass_fields__)
_field_values = attrgetter(*_FIELD_NAMES)  # a row's fields in order, as a tuple


# 元 in one money unit as funds blocks and narratives print them.
MONEY_SCALE: dict[str, float] = {"元": 1.0, "万元": 1e4, "亿元": 1e8}


def yuan_per(unit: str) -> float:
    """元 in one `unit` of a funds block (FundItem, Execution): 10,000 for 万元, 10^8 for 亿元, else 1."""
    return MONEY_SCALE.get(unit, 1e4 if unit.startswith("万") else 1e8 if unit.startswith("亿") else 1.0)


@dataclass(slots=True)
class FundItem:
    """One amount of the 项目资金 block of a 申报表 (元 unless unit says so)."""

    period: str | None  # 实施期 / 年度
    source: str  # 总额 / 中央财政资金 / 省级财政资金 / 市县(区)财政资金 / 单位自筹 / 其他资金
    amount: float | None  # None when the cell is printed empty
    text: str  # as printed
    unit: str  # 元 / 万元
    line: int
    column: int
    anchor: str | None = None  # where the amount is in an office file (see Located)


@dataclass(slots=True)
class Execution:
    """The 项目资金 block of a 自评表 (amounts in 万元, rate in %)."""

    declared: float | None  # 年初预算数 / 目标申报数
    budgeted: float | None  # 年初预算数 / 预算编制数
    full_year: float | None  # 全年预算数
    executed: float | None  # 全年执行数
    balance: float | None  # 资金结(转)余
    rate: float | None  # 执行率 (percent, 0–100)
    score: float | None  # 得分 of budget execution
    weight: float | None  # 分值 of budget execution (10 by the guidance)
    unit: str
    line: int
    column: int
    spans: dict[str, Located] = field(default_factory=dict)

    @classmethod
    def unread(cls, unit: str, line: int, column: int) -> Execution:
        """A block found at (line, column) whose figures are still to be read (each None until set)."""
        return cls(None, None, None, None, None, None, None, None, unit, line, column)


@dataclass
class NarrativeFigure:
    """A figure stated in prose (项目绩效分析 / 绩效管理情况)."""

    name: str  # 预算数 / 执行数 / 执行率 / 资金 / 项目数 / 满意度 ...
    value: float
    unit: str
    text: str  # the sentence fragment it was read from
    line: int
    column: int
    anchor: str | None = None  # where the sentence is in an office file (see Located)


@dataclass(slots=True)
class EmptyCategory:
    """A 二级指标 printed in the table with no indicator filled in."""

    period: str | None
    level1: str | None
    level2: str
    line: int
    column: int
    note: str | None = None  # e.g. "未填报"
    anchor: str | None = None  # where the category is in an office file (see Located)


class Unscored(StrEnum):
    """Why a project gets no 目标质量分 (Project.unscored): the text, not the department, failed — the project is
    reported, graded "无法评分（…）" and left out of roll-ups. The values are the stable keys of the exports."""

    GARBLED = "garbled"  # the extraction garbled the table (Project.garbled)
    CUT_BEFORE_ROWS = "cut_before_rows"  # the text ends (the table breaks) after the header, before any row

    @property
    def grade(self) -> str:
        """What a scorecard shows in the grade column."""
        return UNSCORED_GRADES[self]


UNSCORED_GRADES = {Unscored.GARBLED: "无法评分（原文错乱）", Unscored.CUT_BEFORE_ROWS: "无法评分（原文截断）"}
# What a scorecard shows for a project whose table the extraction garbled (Project.garbled).
GARBLED_GRADE = UNSCORED_GRADES[Unscored.GARBLED]


# Slots: with more than 30 attributes an instance dict no longer shares its keys (1.5 KB a project,
# held for every project of a run through the peer phase; ~300 B in slots).
@dataclass(slots=True)
class Project:
    name: str
    form: Form
    line: int  # of the 项目名称 (or table title) cell
    column: int
    anchor: str | None = None  # where the name is in an office file (see Located)
    title: Located | None = None  # the form's printed title ("2023年项目支出绩效目标申报表")
    department: Located | None = None  # 主管部门及代码
    implementer: Located | None = None  # 实施单位 / 预算单位
    attribute: Located | None = None  # 项目属性
    duration: Located | None = None  # 项目期
    overview: Located | None = None  # 项目概况
    legal_basis: Located | None = None  # 立项依据
    necessity: Located | None = None  # 项目设立必要性
    measures: Located | None = None  # 保证项目实施的制度、措施
    plan: Located | None = None  # 项目实施计划
    goals: dict[str, Located] = field(default_factory=dict)  # period → 总体目标
    target_text: Located | None = None  # 绩效目标 text (目标表)
    actual_summary: Located | None = None  # 实际完成情况 (自评表)
    funds: list[FundItem] = field(default_factory=list)
    execution: Execution | None = None
    total_score: Located | None = None  # 总分 (自评表)
    grade: Located | None = None  # 等级 优/良/中/差 (自评表)
    narrative: list[NarrativeFigure] = field(default_factory=list)
    analysis: dict[str, Located] = field(default_factory=dict)  # 项目绩效分析 sections
    # Printed row labels that were recognised despite a slip ("总体日标" read as 总体目标),
    # keyed by the canonical label, so a rule can still report the slip where it stands.
    labels: dict[str, Located] = field(default_factory=dict)
    indicators: list[Indicator] = field(default_factory=list)
    empty_categories: list[EmptyCategory] = field(default_factory=list)
    # The table breaks off (the file ends inside it): what it lacks may lie beyond the break.
    cut_off: bool = False
    # Where the last cell read starts (line, column) when the text stops inside that cell (a pipe row never
    # closed: "| 成本指标 | 补助标准 | 15" as the last line): the value there may be cut ("15" of "1500元"), whether or
    # not the table is known to lack rows beyond it (cut_off).
    cut_cell: tuple[int, int] | None = None
    # Where the text stops when it stops inside the heading of a category in its list of categories
    # ("5、满意度指"): that category (canonical 二级 or 一级 label). The categories before it in the template's
    # order were listed before the break; it and those after it may lie beyond (reading_gaps).
    cut_at: str | None = None
    # The text opens inside the table (an excerpt that starts mid-table, no header or title before
    # it): the categories before its first row may lie before the excerpt.
    cut_before: bool = False
    # The extraction garbled the table (most values lost their 三级指标): the document is reported,
    # the table is not judged row by row nor scored ("无法评分（原文错乱）").
    garbled: bool = False
    # The rows were read from sentences (a report or news item with no indicator table, prose_report).
    in_prose: bool = False
    # The document quotes only part of the indicator set (sentences whose rows all fall in one 一级 group,
    # "在产出指标方面,要求…"): which categories the table holds cannot be told (reading_gaps).
    quoted: bool = False
    # 二级 categories the text writes under their label, with figures, that the reader could not split
    # into rows ("数量指标:石头卧子村新建水房1座、铺设输水管线;…"): written, not left out.
    unsplit: list[str] = field(default_factory=list)
    # The categories a report in sentences says its indicators cover, canonical, in its order ("主要从数量指标、
    # 时效指标、质量指标、社会效益指标和满意度指标5个方面设置指标5个"), and where it says so; its items may still
    # name none (prose_report).
    named_categories: list[str] = field(default_factory=list)
    categories_named_at: Located | None = None

    @property
    def unscored(self) -> Unscored | None:
        """Why the project cannot be scored, or None: its table garbled, or cut off before its first row
        (the header, funds and aims were read, no indicator row nor printed category: nothing to judge)."""
        if self.garbled:
            return Unscored.GARBLED
        if self.cut_off and not self.indicators and not self.empty_categories:
            return Unscored.CUT_BEFORE_ROWS
        return None

    @property
    def trusted_indicators(self) -> list[Indicator]:
        """The rows taken as data: all of them, less those of a garbled table (Indicator.reading)."""
        return [ind for ind in self.indicators if ind.trusted]

    def cut_in(self, ind: Indicator, name: str) -> bool:
        """The text stops inside this row's `name` cell (``cut_cell``): it may hold only the start of what was
        printed."""
        loc = ind.spans.get(name)
        return loc is not None and self.cut_cell == (loc.line, loc.column)

    def cut_row(self, ind: Indicator) -> bool:
        """The text stops inside one of this row's cells (``cut_cell``): the cells after it were not printed."""
        return self.cut_cell is not None and any((s.line, s.column) == self.cut_cell for s in ind.spans.values())

    def mark_untrusted_rows(self) -> None:
        """Give every row the project's reading status: a garbled table's rows are Reading.GARBLED."""
        for ind in self.indicators:
            ind.reading = Reading.GARBLED if self.garbled else None

    @property
    def place(self) -> str:
        """Where its name is printed, for a message that cites the project (place_of): "第12行", "表1 行1"."""
        return place_of(self.line, self.anchor)

    @property
    def periods(self) -> list[str | None]:
        seen: list[str | None] = []
        for ind in self.indicators:
            if ind.period not in seen:
                seen.append(ind.period)
        return seen

    def fund(self, source: str, period: str | None = None) -> FundItem | None:
        for item in self.funds:
            if item.source == source and (period is None or item.period == period):
                return item
        return None


@dataclass
class ParseProblem:
    """Something wrong with the input itself (not a finding about targets)."""

    path: str
    line: int
    column: int
    message: str  # Chinese, one line, names the problem
    severity: str = "error"  # "error" (the run exits 2) or "warning" (readable but damaged content)
    anchor: str | None = None  # the place in an office file ("页3 表1 行4 格2", "Sheet1!C12")

    @property
    def location(self) -> str:
        """Where to look, written as findings are: path:line:col, path:页3 …, path!Sheet1!C12."""
        if self.anchor is None:
            return f"{self.path}:{self.line}:{self.column}"
        return f"{self.path}!{self.anchor}" if "!" in self.anchor else f"{self.path}:{self.anchor}"


@dataclass(slots=True)
class Document:
    path: str
    layout: Layout
    encoding: str
    department: Located | None = None  # 部门/单位名称
    year: int | None = None
    year_loc: Located | None = None
    forms: list[Form] = field(default_factory=list)
    declared_projects: int | None = None
    declared_loc: Located | None = None  # the sentence stating the count
    narrative: list[NarrativeFigure] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    problems: list[ParseProblem] = field(default_factory=list)  # input errors: the run exits 2
    # Readable but damaged content a reviewer should know of (shown as warnings; exit code unchanged).
    notes: list[ParseProblem] = field(default_factory=list)

    @property
    def name(self) -> str:
        return Path(self.path).name

    @property
    def indicators(self) -> list[Indicator]:
        """Every row read, those not taken as data included (Indicator.reading): what a row list shows."""
        return [ind for proj in self.projects for ind in proj.indicators]

    @property
    def trusted_indicators(self) -> list[Indicator]:
        """The rows taken as data (Project.trusted_indicators): what clusters, libraries and models read."""
        return [ind for proj in self.projects for ind in proj.trusted_indicators]
