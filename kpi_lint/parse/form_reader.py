"""One form reader over grids: rows of any reader → projects with their indicators and facts.

The form is recognised from its title (``lexicons/form_titles.txt``) and its indicator header
(``lexicons/form_columns.txt``), never from the reader the rows came from.  A new project starts
at a form title or a 项目名称 row once the current one has indicators; facts are read from label
cells (``lexicons/form_facts.txt``) followed by their value, in the same row or, when every cell
is its own line, the next one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from itertools import islice

from kpi_lint.grid import Cell, Row
from kpi_lint.lazy_re import lazy_compile
from kpi_lint.lexicon import Lexicon
from kpi_lint.model import (
    PERIOD_ANNUAL,
    EmptyCategory,
    Form,
    Indicator,
    Located,
    ParseProblem,
    Project,
    Unscored,
    place_of,
)
from kpi_lint.parse.common import make_indicator, to_number
from kpi_lint.parse.cut_cell import cut_end, note_cut_cell
from kpi_lint.parse.form_across import Across
from kpi_lint.parse.form_block import BlockReader, labelled_item
from kpi_lint.parse.form_cells import Kind, join_wrapped_words, kind_of
from kpi_lint.parse.form_funds import FundsReader
from kpi_lint.parse.form_glued import split_glued
from kpi_lint.parse.form_header import (
    DIRECTION_WORDS,
    Group,
    Header,
    build_header,
    cell_roles,
    extend_header,
    fill_wrapped_tier,
    is_header,
    is_number,
    is_subheader,
    labels_first,
    merge_subheader,
    period_of,
    periods_in,
    second_tier_at,
    stack_tiers,
    with_name_column,
    with_place_columns,
    without_year_tier,
)
from kpi_lint.parse.form_line import Line
from kpi_lint.parse.form_record import Record
from kpi_lint.parse.form_segment import starts_row
from kpi_lint.parse.funds_glued import glued_execution
from kpi_lint.parse.grade_tier import graded_header, split_grades
from kpi_lint.parse.numbering import (
    CHINESE_NUMERAL,
    DIGIT_MARK,
    NUMBER_END,
    NUMBER_STOP,
    NUMERAL_OR_DIGIT,
    PART_HEADING,
)
from kpi_lint.parse.page_split import join_page_splits
from kpi_lint.parse.running_title import (
    LOOK,
    WRAPPED_HALF,
    header_follows,
    one_label,
    runs_on,
    same_columns,
    title_key,
)
from kpi_lint.parse.score_glued import unglued_total
from kpi_lint.parse.values import parse_value
from kpi_lint.period_words import PeriodWords
from kpi_lint.read.source import fold
from kpi_lint.vocab import (
    GRADES,
    PAGE_MARK,
    SATISFACTION,
    SATISFACTION_L1,
    Vocabulary,
    label_key,
    marked,
    squash,
    strip_marks,
    without_continued,
)

FAMILIES = {"申报表": Form.DECLARATION, "目标表": Form.TARGET, "自评表": Form.SELF_EVALUATION}
_SECTION = re.compile(
    rf"^\s*(?:{CHINESE_NUMERAL}+{NUMBER_STOP}|[(（]{NUMERAL_OR_DIGIT}+[)）]|{PART_HEADING})\s*[^\s\d分]"
)  # a section heading: numbering followed by its words ("(二)项目概况"; a lone "(50)" is a weight)
# A cell that numbers items of its own ("(1)成立管理组织;(2)季度督导…"): a list inside a row, no heading.
_ENUMERATION = lazy_compile(r"^\s*[(（][1１][)）].*[(（][2２][)）]")  # figures typed half- or full-width
_TITLE_NOISE = lazy_compile(
    rf"^(?:附件|附表)\s*\d*\s*{NUMBER_END}?\s*|^\d{{1,2}}\s*{NUMBER_END}\s*|^[(（]?{NUMERAL_OR_DIGIT}{{1,2}}[)）、.．]\s*|^关于"
    r"|(?:20\d\d)\s*年度?\s*"
)
# What stands in a 三级 cell that names nothing: template marks, "指标2：" ("指标" alone is what an
# excerpt cut inside "指标1:…" leaves), or a bare number (a score, a "0" left in an unfilled row).
_PLACEHOLDER = lazy_compile(r"^(?:[xX×＊*…\.。、\-—/]+|指标\s*\d*\s*[:：]?|无|/|[-+]?\d+(?:\.\d+)?%?)$")
_EMPTY_WORDS = ("未填报", "无", "/", "—", "-", "——")
# A row holding nothing but text in these columns (no target, sign, unit or score) may be prose.
_PROSE_ROLES = {"level3", "description", "basis", "deviation", "note", "unnamed"}
_ACTUAL_HEADS = ("实际完成情况", "全年实际完成情况", "年度总体目标完成情况", "完成情况")
_YEAR_SPAN = lazy_compile(r"[(（][^()（）]*\d{4}[^()（）]*[)）]")  # "(2022年-2023年)" after a period heading
_SHORTEST_NAME = 3  # an indicator name has at least this many characters ("覆盖率")
_MAX_PROSE = 60  # a single cell longer than this, in a row-per-line table, is prose after the table
# A sentence with a lead-in and clauses ("…计算：…；…") is a note, not an indicator's name.
_RULE_TEXT = lazy_compile(r"^[^：:]{2,12}[：:].*[；;。]")  # "定性指标计算:根据…来记分。"
_SCORING_RULE = lazy_compile(r"扣\d*分|酌情|得满分|记满分")  # "未达指标值酌情扣分": how a row is scored
_ONLY_SIGN = lazy_compile(r"[≥≤<>=＞＜≧≦＝═]+")
_MAX_LOOSE = 3  # rows above a header-less table's first labelled row that may be its own
_RECENT_PERIODS = 8  # the period words met lately that a header built without its own looks among
_MAX_GAP = 4  # rows between two such rows ("|" marks; blank lines are no rows: a copy may double-space)
# A cell that may be a column heading no list knows: short, no figure outside brackets, no sentence.
# The top half of a heading wrapped over two header rows ("绩效" over "目标值"): a few characters.
_HEADER_LIKE = lazy_compile(r"(?:[^\d\W]|[(（][^)）]{0,6}[)）]){2,16}")
_CHOICE_BOX = lazy_compile(r"[□☐▢■☑☒]")  # "优秀□ 良好□ 合格□": a form's tick boxes
_LEAD_IN = lazy_compile(r"[：:]\s*$")  # "附件：" introduces what follows; no indicator's name ends so
_NAME_WORD = lazy_compile(r"[\u4e00-\u9fffA-Za-z]")  # a name holds words, not only figures and signs
_BRACKETED = lazy_compile(r"^[(（][^()（）]*[)）]$")  # "(2022 年度)", "(元)": an aside in brackets
_DATE = lazy_compile(r"^[\d\s]*[年月日][\d\s年月日]*$")  # "年 4 月 22 日": a date's pieces
_NOT_A_NAME = lazy_compile(r"[。:：;；]")  # a sentence, or a label with its value


@dataclass
class _Draft:
    """A project being read."""

    family: str | None = None
    title: Located | None = None
    name: Located | None = None
    facts: dict[str, Located] = field(default_factory=dict)
    goals: dict[str, Located] = field(default_factory=dict)
    records: list[tuple[Header, Record]] = field(default_factory=list)
    funds: FundsReader | None = None
    cut_off: bool = False
    cut_cell: tuple[int, int] | None = None  # where the last cell read starts when the text stops inside it
    cut_before: bool = False  # the text opens inside the table
    block: BlockReader | None = None
    start: Located | None = None
    # What the line right above the open block's header printed (a label the header row spans, "年度绩效目标
    # (80分)", "绩效指标"), squashed: printed again above the header at a page's top, it is that header's too.
    above_header: str = ""

    @property
    def block_just_opened(self) -> bool:
        """An indicator block is open and has read nothing yet (a header row may still follow)."""
        return self.block is not None and not self.block.records and not self.block.open_record

    def close_block(self, cut_off: bool = False) -> None:
        """End the indicator block; `cut_off` when the text ended inside it (no footer to drop)."""
        if self.block is not None:
            self.block.flush()
            self.block.weigh_lone_numbers()
            self.block.name_leading_rows()
            records = self.block.records
            roles = {"value", "actual", "comparator"}
            targets = any(roles & set(r.data) or r.extra_values for r in records)
            if self.block.header.implicit and (not targets or _mostly_fragments(records)):
                # A label named in prose ("…完成森林生态效益补偿…") or heading a scoring rubric ("项目管理
                # 13分 … 分。没有不得分") opened no list of indicators.
                records = []
            if not cut_off and targets:
                # Rows after the table (footers, notes) read as names without any value: not indicators,
                # unless the row printed its own 一级/二级 label (a category whose target was left empty).
                streamed = self.block.header.streamed
                own_slot = self.block.own_slot
                while records and set(records[-1].data) <= _PROSE_ROLES and not records[-1].extra_values:
                    if _labelled_here(records[-1], streamed) or _own_row(records[-1], own_slot):
                        break
                    records.pop()
            self.records.extend((self.block.header, r) for r in records)
            self.block.records = []


@dataclass
class FormReader:
    path: str
    lexicon: Lexicon
    drafts: list[_Draft] = field(default_factory=list)
    problems: list[ParseProblem] = field(default_factory=list)
    _pending_fact: str | None = None
    _pending_label: str = ""  # the label of the pending fact as printed, to join a wrapped rest of it to
    _pending_before: Cell | None = None  # text printed just before the pending fact's label, on its line
    _recent: list[Row] = field(default_factory=list)  # the last rows read, nearest first
    _header_above: list[Row] = field(default_factory=list)
    # The period words met lately ("中期目标" … "年度目标"), the last _RECENT_PERIODS of them: found only when a
    # header asks (`_recent_periods`), from the rows fed before the one being read; the first `_periods_upto` rows
    # of `_rows_fed` are looked into.
    _periods: list[str] = field(default_factory=list)
    _periods_upto: int = 0
    _goal_periods: list[str] = field(default_factory=list)  # periods of the goals printed on the next row
    _goal_open: tuple[str, int] | None = None  # a numbered period goal just read: its period, its next item number
    _goal_headings: bool = False  # reading 总体目标's period headings printed one cell per line
    _header_cells: list[Cell] = field(default_factory=list)  # a header broken over several lines
    _header_single: bool = True  # … printed one cell per line
    _header_unknown: list[Row] = field(default_factory=list)  # lines of a cell no list names, amid a header's words
    # Header words scattered through a flattened table, gathered until they name a whole header.
    _scattered: list[tuple[Cell, str | None]] = field(default_factory=list)
    _scattered_block: BlockReader | None = None  # the block such a header opened (it may still widen)
    _loose: list[Row] = field(default_factory=list)  # rows read as nothing, before any table (nearest last)
    _order: dict[int, int] = field(default_factory=dict)  # the line of each row fed → its place among the rows
    _fed: int = 0  # rows fed so far, "|" marks included
    _across: Across | None = None  # a table printed across (names along a line, targets below)
    _header_width: int = 0  # the cells of the header row that opened the block, as printed
    _next_row: Row | None = None  # the row fed after the one being read (the next holding cells)
    _rows_fed: list[Row] = field(default_factory=list)  # the rows `feed` reads, and the place of the one being read
    _at: int = 0
    # The header broken over lines ended with the mark that closes a row (a blank line, one cell per line).
    _header_closed: bool = False
    # Lines of the header cells such a mark followed; None until the text shows a mark that closes a row.
    _header_row_ends: set[int] | None = None

    def __post_init__(self) -> None:
        # Asked several times of every row: looked up once (Lexicon.vocabulary is a property, and builds
        # the vocabulary anew on each call for a lexicon made without one).
        self.vocab: Vocabulary = self.lexicon.vocabulary

    @property
    def draft(self) -> _Draft:
        if not self.drafts:
            self.drafts.append(_Draft())
        return self.drafts[-1]

    def _new_draft(self, **kwargs: object) -> _Draft:
        self._scattered, self._scattered_block = [], None  # header words of the project before
        if self.drafts:
            self.drafts[-1].close_block()
        draft = _Draft(**kwargs)  # type: ignore[arg-type]
        self.drafts.append(draft)
        return draft

    # -- rows ------------------------------------------------------------------
    def feed(self, rows: list[Row]) -> None:
        self._recent_periods(len(self._rows_fed))  # a reader fed again goes on from all the rows fed before
        self._periods_upto = 0
        joined = list(join_wrapped_words(join_page_splits(rows, self.vocab), self.vocab))
        following: list[Row | None] = [None] * len(joined)
        for at in range(len(joined) - 2, -1, -1):  # one pass back: the next row holding cells
            after = joined[at + 1]
            following[at] = after if after.cells else following[at + 1]
        self._rows_fed = joined
        for self._at, (row, self._next_row) in enumerate(zip(joined, following, strict=True)):
            self._fed += 1
            if row.cells:
                self._order.setdefault(row.line, self._fed)
            block = self.draft.block
            if not row.cells:
                if block is not None:
                    block.row_break(closes=row.closes)
                if self._header_cells and not self._header_unknown:
                    self._header_closed = row.closes
                if row.closes:
                    self._header_row_ends = self._header_row_ends or set()
                    if self._header_cells:
                        self._header_row_ends.add(self._header_cells[-1].line)
                continue
            filled = row.filled
            if filled:
                gathered = len(self._header_cells)
                self._row(row, filled)
                if len(self._header_cells) > gathered:
                    self._header_closed = False  # a header cell after the row end: the header goes on
                self._recent = [row, *self._recent[:3]]
            elif block is not None and not row.ruled:
                block.add_row(row)  # an empty cell
        self._at = len(joined)  # every row read: a header gathered to the end follows the period words of them all
        self._flush_header_cells()
        self._end_across()
        block = self.draft.block
        cut = False
        if block is not None:
            block.flush(text_ends=True)
            last_line = max((r.line for r in rows if r.cells), default=0)
            reported = len(self.problems)  # a break warning appended from here on is the table's
            cut = self._cut_off(block.records, last_line, block.own_slot, lined_up=not block.pasted)
            records = block.records
            self.draft.cut_off = self.draft.cut_off or (
                cut
                or not records  # the text ends under the header, before the table's first row
                or self._ends_before_last_category(records, rows)
                or self._ends_inside_last_row(records, rows)
            )
            end = cut_end(records[-1]) if records else None
            if end is not None:
                self.draft.cut_cell = (end.line, end.column)
                note_cut_cell(self.problems, reported, end, self.path)
            if not records and _cut_before_rows(self.draft):
                self._note_cut_before_rows(block.header.line, block.header.anchor)
        self.draft.close_block(cut_off=cut)

    def _recent_periods(self, upto: int | None = None) -> list[str]:
        """The last period words of the rows fed before the one being read (`upto`: before that row of `_rows_fed`),
        each row's words in order (`periods_in`).  Asked only when a header is built, so a row's cells are looked
        into for period words once, and only in a text that has a header after them."""
        end = self._at if upto is None else upto
        if end > self._periods_upto:
            found = self._periods
            for row in islice(self._rows_fed, self._periods_upto, end):
                words = periods_in(row, self.vocab.periods)  # none in a row of no printed cell
                if words:
                    found = [*found, *words][-_RECENT_PERIODS:]
            self._periods, self._periods_upto = found, end
        return self._periods

    def _note_cut_before_rows(self, line: int, anchor: str | None) -> None:
        name = f"项目“{self.draft.name.text}”的" if self.draft.name else ""
        self.problems.append(
            ParseProblem(
                self.path,
                line,
                1,
                f"{name}指标表在{place_of(line, anchor)}的表头之后随文本结束（摘录在此截断），"
                "没有读到指标行：只检查其资金，"
                f"不报告该项目缺少的类别，评分记为“{Unscored.CUT_BEFORE_ROWS.grade}”；请对照原件核实",
                severity="warning",
                anchor=anchor,  # the header row's first cell in an office file
            )
        )

    def _cut_off(self, records: list[Record], last_line: int, own_slot: set[int], lined_up: bool = False) -> bool:
        """A table that breaks off at the end of the text: its last row has a name but lost its target.

        The rows before it are kept; the cut row is left out and reported as an input problem.  An office
        table (a ruled row: Word, Excel, a printed PDF) is read whole, so a last row with its target cells
        blank was left blank by its author: it stays a row.
        """
        if len(records) < 2:
            return False
        last = records[-1]
        name = last.data.get("level3")
        if name is None or max(c.line for c in last.data.values()) < last_line:
            return False
        if _own_row(last, own_slot, lined_up):
            return False
        if _LEAD_IN.search(name.text) or _PLACEHOLDER.match(squash(name.text)):
            return False  # "附件：", "……": not a row that was cut
        wanted = {"value", "actual"}
        usual = sum(1 for r in records[:-1] if wanted & set(r.data) or r.extra_values)
        # a lone comparator (">") is what the break left of the last target: the target itself is lost
        kept = {k for k in wanted & set(last.data) if not _ONLY_SIGN.fullmatch(squash(last.data[k].text))}
        if kept or last.extra_values or usual * 2 < len(records) - 1:
            return False
        records.pop()
        self.problems.append(
            ParseProblem(
                self.path,
                name.line,
                name.column,
                f"表格在{place_of(name.line, name.anchor)}中断：最后一行“{squash(name.text)}”只有指标名称，"
                "没有指标值（已保留之前读到的行）",
                anchor=name.anchor,
            )
        )
        return True

    def _ends_inside_last_row(self, records: list[Record], rows: list[Row]) -> bool:
        """The text ends inside the table's last row, after its value: the row has fewer printed cells than
        any other row of the table ("| 产出指标 | 数量指标 | 行政村数量 | = | 11 | 个 | 10 " where every row above
        goes on to "| 正向指标 |"). The value is whole — a cell follows it — so the row was not left short
        by the author (a template row "预算执行率 预算执行率" with its cells empty); the rows and categories after
        it may lie beyond the break.

        Only the single-line rows of a text grid are compared: an office table is read whole (its blank cells
        are its own), and a row whose cells wrap onto other lines has no count of its own. Two such rows at
        least, besides the last, say what a whole row holds."""
        if len(records) < 3:
            return False
        by_line: dict[int, Row] = {row.line: row for row in rows if row.filled}
        if not by_line:
            return False

        def one_line(record: Record) -> Row | None:
            lines = {c.line for c in record.data.values()}
            if len(lines) != 1:
                return None
            return by_line.get(lines.pop())

        last = one_line(records[-1])
        if last is None or last.ruled or last.line != max(by_line) or "value" not in records[-1].data:
            return False
        others = [row for row in map(one_line, records[:-1]) if row is not None and row is not last]
        if len(others) < 2:
            return False
        if len(last.filled) >= min(len(row.filled) for row in others):
            return False
        value = records[-1].data["value"]
        if value is last.filled[-1] or value.column >= last.filled[-1].column:
            return False  # nothing read past the value: a short row ("预算执行率 预算执行率"), or one cut in its value
        name = records[-1].data.get("level3")
        end = last.filled[-1]
        named = squash(name.text) if name else squash(end.text)
        whole = min(len(row.filled) for row in others)
        self._warn(
            end,
            f"表格在{place_of(end.line, end.anchor)}中断：最后一行“{named}”读到“{squash(end.text)}”为止，"
            "比表中其他各行少了格"
            f"（其他行至少 {whole} 格，这一行 {len(last.filled)} 格），之后的行和类别可能在截断处之后："
            "不报告该项目缺少的类别",
        )
        return True

    def _ends_before_last_category(self, records: list[Record], rows: list[Row]) -> bool:
        """The text ends inside the table after a complete row, before the form's last category.

        An excerpt cut off between rows leaves nothing after its last indicator but, at most, the
        label of the next category ("时效指标"). When no row of the table has reached 满意度指标 (the
        category the forms end with), the categories after the last one read may lie beyond the
        break: the project is treated as cut off, and the break is recorded as a warning.
        """
        if not records:
            return False
        last = records[-1]
        cells = [*last.data.values(), *last.extra_values.values()]
        if not cells:
            return False
        end = max(c.line for c in cells)
        for row in rows:
            if row.line > end and any(not self._label_only(c.text) for c in row.filled):
                return False  # a footer, a note, a total: the table was closed
        level1, level2 = self._levels(last)
        if any(SATISFACTION_L1 in levels or SATISFACTION in levels for levels in map(self._levels, records)):
            return False  # 满意度 already read: the form ends elsewhere, or its rows are not in order
        if level1 is None and level2 is None:
            # A form read without categories (none printed, or glued onto the names): the names say
            # whether the satisfaction rows the forms end with were reached.
            if any("满意" in (r.data["level3"].text if "level3" in r.data else "") for r in records):
                return False
            name = last.data.get("level3")
            level2 = squash(name.text) if name is not None else "指标"
        where = cells[-1]
        self.problems.append(
            ParseProblem(
                self.path,
                end,
                1,
                f"表格在{place_of(end, where.anchor)}后随文本结束，最后读到的是“{level2 or level1}”，"
                "之后的指标类别（如满意度指标）可能在截断处之后：不报告该项目缺少的类别",
                severity="warning",
                anchor=where.anchor,
            )
        )
        return True

    def _label_only(self, text: str) -> bool:
        """A cell holding only a 一级/二级 label, the block's label ("绩 效 指 标") or a filler mark, or
        the start of a label the excerpt was cut inside ("效益" of 效益指标): what a table cut between
        rows leaves."""
        bare = squash(strip_marks(text))
        if not bare or _PLACEHOLDER.match(bare) or label_key(bare) in self.vocab.blocks:
            return True
        if self.vocab.canonical_level1(bare) is not None or self.vocab.canonical_level2(bare) is not None:
            return True
        return self.vocab.begins_label(bare)

    def _row(self, row: Row, filled: list[Cell] | None = None) -> None:
        """Read one row; `filled`: its printed cells (`row.filled`), when the caller has them already."""
        printed = line = Line(row, self.vocab, filled)
        filled = line.filled
        loose, self._loose = self._loose, []  # rows read as nothing stay loose only until something is read
        if len(filled) <= 4 and PAGE_MARK.match(" ".join(c.text for c in filled)):
            return  # "- 3 -", "第 2 页 共 5 页", "续表": a page break inside a table, not a row
        if self._title(line):
            return
        if self._over_header_again(filled):
            return  # the label printed left of (or over) the header, printed again with it at a page's top
        line = self._column_words_apart(line)  # `printed` still holds the cells as printed
        row = line.row
        if self._read_across(line):
            return
        if self._header(line):
            return
        read = (self.draft.block is None and self._funds(row)) or self._facts(line, loose)
        if self.draft.block is None:
            self._glued_funds(row)  # after the facts: a glued line may name the next project first
        if read:
            self._scattered = []  # header words before the funds or the facts belong to them
            return
        block = self.draft.block
        if block is None:
            block = self._implicit_block(line)
            if block is None:
                self._loose = [*loose, row][-_MAX_LOOSE:]
                return
            self._rows_above(line, block, loose)
        if printed.furniture:
            self._end_block()
            return
        if self._ends_block(line, block):
            self._end_block()
            return
        block.add_row(row)
        if block.finished:
            self._end_block()

    def _column_words_apart(self, line: Line) -> Line:
        """A header cell of two column words run together ("分值得分" between 实际完成值 and 偏差原因),
        in a header row or a header being gathered cell by cell, as one cell per word."""
        row = line.row
        named = [role is not None for role in line.roles]
        if not self._header_cells and not any(named):
            return line  # no header here: data cells are not looked into
        cells: list[Cell] = []
        for cell, has_role in zip(row.cells, named, strict=True):
            words = None if cell.blank or has_role else self.vocab.run_of_column_words(cell.text)
            at = 0
            for word in words or ():
                found = cell.text.find(word, at)
                at = found + len(word) if found >= 0 else at
                cells.append(replace(cell, text=word, column=cell.column + max(found, 0)))
            if words is None:
                cells.append(cell)
        return Line(replace(row, cells=cells), self.vocab) if len(cells) != len(row.cells) else line

    def _title(self, line: Line) -> bool:
        filled = line.filled
        if len(filled) > 2:
            return False
        text = " ".join(c.text.strip() for c in filled)
        if len(text) > 80 or "。" in text:
            return False
        family = self.vocab.title_family(text)
        if family is None:
            return False
        if self._header_cells:
            self._flush_header_cells()
        cell = filled[0]
        base = without_continued(text)
        if base is not None:
            if self._continued(base, family):
                return True  # "…绩效目标表（续）": the form being read goes on on this page
            at = max(cell.text.find(base), 0) if base else 0
            cell = replace(cell, text=cell.text[at:], column=cell.column + at)
            text = base or text  # an excerpt that opens on a later page of its form: named without the mark
        if self._running_title(text):
            return True  # the table goes on under the title printed again at a page's top
        self._new_draft(family=family, title=Located(text, cell.line, cell.column, cell.anchor))
        return True

    def _continued(self, base: str, family: str) -> bool:
        """A title marked as going on from the page before ("…绩效目标表（续）", `base` without the mark) goes on
        with the form being read, unless it names another: another form family, or another project."""
        draft = self.draft
        if not (draft.records or draft.block is not None or draft.facts or draft.title is not None):
            return False  # nothing read yet: the text opens on a later page of a form
        if draft.family is not None and family != draft.family:
            return False
        named = name_from_title(Located(base, 0, 0))
        known = [squash(n.text) for n in (draft.name, name_from_title(draft.title)) if n is not None]
        if named is None or not known:
            return True
        one = squash(named.text)
        return any(one in other or other in one for other in known)  # the project's name, or its title's

    def _running_title(self, text: str) -> bool:
        """The title of the form being read printed again inside its table, which goes on after it (running_title)."""
        draft, block = self.draft, self.draft.block
        if (
            draft.title is None
            or block is None
            or title_key(draft.title.text, self.vocab) != title_key(text, self.vocab)
        ):
            return False
        labels = self._labels_read(block)
        if labels is None:
            return False
        ahead = islice(self._rows_fed, self._at + 1, self._at + 1 + LOOK)
        streamed = block.header.streamed  # a table printed one cell per line goes on one cell per line
        return runs_on(ahead, block.header.roles, labels, self.vocab, self._opens_with_fact, under_header=streamed)

    def _labels_read(self, block: BlockReader) -> tuple[set[str], set[str]] | None:
        """The 一级/二级 labels the form's rows read so far, the open `block`'s included (a table printed one cell
        per line holds its cells until it ends: the 二级 labels met among them), and those of the last row read;
        None when no row was read."""
        records = [r for _, r in self.draft.records] + block.records
        if not records and not block.open_record:
            return None
        read = {label for r in records for label in self._levels(r) if label}
        met = [label for cell in block.labels_met if (label := self.vocab.canonical_level2(cell.text))]
        if block.open_record and met:
            last = {met[-1], *filter(None, [self.vocab.parent_of(met[-1])])}
        else:
            last = {label for label in self._levels(records[-1]) if label} if records else set()
        return read | set(met), last

    def _over_header_again(self, filled: list[Cell]) -> bool:
        """`filled` print again what the line above the open table's header printed ("部门整体 支出年度 绩效目标",
        in one cell or its words apart), and that header follows, printed again (in any layout) at a page's top."""
        draft, block = self.draft, self.draft.block
        if block is None or not draft.above_header or not (block.records or block.open_record):
            return False
        if not filled or not draft.above_header.startswith(squash(filled[0].text)):
            return False  # the first cell alone tells most rows apart (a row of many cells is squashed no further)
        if not one_label(filled, self.vocab) or squash("".join(c.text for c in filled)) != draft.above_header:
            return False
        return header_follows(islice(self._rows_fed, self._at + 1, self._at + 1 + LOOK), block.header.roles, self.vocab)

    def _above(self, rows: list[Row]) -> None:
        """Keep what the line above the header just opened printed (`rows`: the last rows read, nearest first;
        or the header row's own first cell that names no column, a label the header spans beside it)."""
        if self.draft.block is not None and rows and one_label(rows[0].filled, self.vocab):
            self.draft.above_header = squash("".join(c.text for c in rows[0].filled))

    def _tier_under(self, row: Row) -> bool:
        """The row under the header `row` is its bottom tier ("数据项1 | 数据项2", _second_tier)."""
        under = [r for r in islice(self._rows_fed, self._at + 1, self._at + 1 + LOOK) if r.cells][:2]
        return bool(under) and _second_tier(under[0], len(row.cells), under[1] if len(under) > 1 else None, self.vocab)

    def _header_again(self, header: Header, printed_to: int) -> bool:
        """`header` (its cells printed up to the line `printed_to`) is the open table's header printed again at a
        page's top, in any layout (a row, or one cell per line): the same columns, and the rows after it go on
        with the table (running_title).  A table of its own under the same header starts over with a category
        its table before read already."""
        block = self.draft.block
        if block is None or block.header.implicit or not same_columns(header.roles, block.header.roles):
            return False
        labels = self._labels_read(block)
        if labels is None:
            return False
        after = islice(self._rows_fed, self._at, self._at + LOOK)
        ahead = [row for row in after if not row.cells or row.line > printed_to]
        return runs_on(ahead, block.header.roles, labels, self.vocab, self._opens_with_fact, under_header=True)

    def _opens_with_fact(self, text: str) -> bool:
        return _fact_label(text.strip(), self.vocab, loose=False) is not None

    def _header(self, line: Line) -> bool:
        row, filled, roles, filled_roles = line.row, line.filled, line.roles, line.filled_roles
        headerish = any(filled_roles) and all(
            r is not None or kind is Kind.BLOCK for r, kind in zip(filled_roles, line.kinds, strict=True)
        )
        worded = [c for c, r in zip(filled, filled_roles, strict=True) if r]
        if worded and not self._header_cells and all(self.vocab.whole_column_word(c.text) for c in worded):
            return False  # "绩效目标" alone is a heading: a header word only after others
        complete = is_header(roles)
        only_project = set(filled_roles) == {"project"}  # "项目名称" alone opens a fact, not a header
        if self._unknown_header_word(line, headerish):
            return True
        draft = self.draft
        wrapped = headerish and not complete and not is_subheader(roles) and not self._header_cells
        if draft.block_just_opened and wrapped:
            # The header row wrapped onto the next lines ("年度 指标值 |" ⏎ "实际 完成值 |" ⏎ "分值 | 得分"):
            # their columns follow the ones read.
            assert draft.block is not None
            named = [(c, r) for c, r in zip(filled, filled_roles, strict=True) if r]
            extended = extend_header(
                draft.block.header, [c for c, _ in named], [r for _, r in named], self.vocab.periods
            )
            if extended is not None:
                draft.block = BlockReader(extended, self.vocab)
                return True
        if headerish and (self._header_cells or not complete) and not only_project:
            # A header broken over lines (one cell per line, or a few per line): gather its cells.
            if not self._header_cells:
                self._header_above = list(self._recent)
            for unknown in self._header_unknown:
                self._header_cells.extend(unknown.filled)
            self._header_unknown = []
            self._header_cells.extend(filled)
            self._header_single = self._header_single and len(filled) == 1
            return True
        self._flush_header_cells()
        draft = self.draft
        block = draft.block if draft.block_just_opened else None
        graded = graded_header(block.header, row.cells, self.vocab) if block is not None else None
        if graded is not None:
            draft.block = BlockReader(graded, self.vocab)
            return True
        if draft.block_just_opened and is_subheader(roles):
            assert draft.block is not None
            draft.block = BlockReader(
                merge_subheader(draft.block.header, row.cells, roles, row.ruled, self.vocab.periods), self.vocab
            )
            return True
        if draft.block_just_opened and _second_tier(row, self._header_width, self._next_row, self.vocab):
            return True
        if not complete:
            return False
        header_cells, first_row = self._rows_after_header(row, roles)
        cells, roles = with_name_column(*self._with_places(header_cells, roles[: len(header_cells)]))
        header = build_header(cells, roles, self.vocab.periods, self._recent, self._recent_periods())
        if first_row is None and not self._tier_under(row) and self._header_again(header, row.line):
            return True  # the header printed again at a page's top: the table goes on under it
        self._open_block(header, row.cells[0])
        lead = line.filled_roles[0] is None and len(line.filled) > 2
        self._above([Row(line.filled[:1])] if lead else self._recent)  # "年度绩效目标 (80分) | 一级指标 | …"
        self._header_width = len(row.cells)  # a header on one line: a tier under it can be told by widths
        if first_row is not None:
            self._row(first_row)
        return True

    def _rows_after_header(self, row: Row, roles: list[str | None]) -> tuple[list[Cell], Row | None]:
        """A header line that runs on into the table ("…得分 | 未完成原因 | 产出指标 | (40分) | 数量指标 |
        指标1免费发放…", a page whose separators were lost): the cells from the first 一级/二级 label
        after the last heading are the first rows, read as a line of their own, when all else there
        is text that lost its separators (to be cut by kind)."""
        last = max(i for i, role in enumerate(roles) if role)
        after = [(i, c) for i, c in enumerate(row.cells) if i > last and not c.blank]
        labels = (Kind.LEVEL1, Kind.LEVEL2, Kind.EITHER)
        kinds = [kind_of(c, self.vocab) for _, c in after]
        if not after or kinds[0] not in labels:
            return row.cells, None
        if not all(c.glued for (_, c), k in zip(after, kinds, strict=True) if k not in labels):
            return row.cells, None
        return row.cells[: after[0][0]], replace(row, cells=row.cells[after[0][0] :])

    def _unknown_header_word(self, line: Line, headerish: bool) -> bool:
        """A header printed one cell per line may hold a word no list names (a province's own
        column, an OCR-scrambled "年成值全完值"): once the words gathered name a header, such a short
        cell is held back, and it is a column of the header when the next line goes on with header
        words; otherwise it is read as a row.  Right after the 一级/二级/三级 words, several such cells
        may be held back: the top halves of headings wrapped onto a second header row ("绩效" ⏎ "实际"
        over "目标值 完成值", see fill_wrapped_tier)."""
        filled = line.filled
        if headerish or not self._header_cells or not self._header_single:
            return False
        roles = cell_roles(self._header_cells, self.vocab)
        levels_only = "level3" in roles and all(r in ("level1", "level2", "level3") for r in roles)
        # Right after a lone 一级 heading ("绩效指标分类" ⏎ "绩效指标"): the heading of the name column
        # (with_name_column names it), however it reads.
        after_level1 = roles == ["level1"] and not self._header_unknown
        if self._header_unknown and not levels_only:
            return False
        short = levels_only and len(squash(filled[0].text)) <= WRAPPED_HALF
        if not is_header(roles) and not short and not after_level1:
            return False  # words of a flattened page, header words and names apart
        if len(filled) != 1 or not _HEADER_LIKE.fullmatch(squash(filled[0].text)):
            return False
        if line.kinds[0] is not Kind.DATA and not (after_level1 and line.kinds[0] is Kind.BLOCK):
            return False
        self._header_unknown.append(line.row)
        return True

    def _with_places(self, cells: list[Cell], roles: list[str | None]) -> tuple[list[Cell], list[str | None]]:
        return with_place_columns(cells, roles, self.vocab.glue_hints.place_ends)

    def _flush_header_cells(self) -> None:
        cells, self._header_cells = self._header_cells, []
        single, self._header_single = self._header_single, True
        unknown, self._header_unknown = self._header_unknown, []
        if len(unknown) == 1:
            # A word held back that names the places whose targets follow a 指标方向 column: the header's.
            widened = [*cells, *unknown[0].filled]
            if self._with_places(widened, cell_roles(widened, self.vocab))[0] is not widened:
                cells, unknown = widened, []
        self._open_gathered_header(cells, single)  # _open_block asks whether a row end closed these cells
        self._header_closed = False
        if self._header_row_ends is not None:
            self._header_row_ends = set()
        for row in unknown:
            self._row(row)  # not a header word after all: the table's first cells

    def _open_gathered_header(self, cells: list[Cell], single: bool) -> None:
        if not cells:
            return
        roles = cell_roles(cells, self.vocab)
        cells, roles = split_grades(*without_year_tier(cells, roles))
        cells, roles = with_name_column(*stack_tiers(*self._with_places(cells, roles)))
        ends = frozenset(self._header_row_ends) if self._header_row_ends is not None else None
        filled = fill_wrapped_tier(cells, roles, ends)
        if filled[0] is not cells:  # one cell per line in its first row: its second may hold several
            cells, roles = filled
            single = single or len({c.line for c in cells}) == len(cells)
        tier = second_tier_at(cells, roles, ends)
        top, top_roles = (cells, roles) if tier is None else (cells[:tier], roles[:tier])
        if is_header(top_roles):
            header = build_header(
                top, top_roles, self.vocab.periods, self._header_above, self._recent_periods(), streamed=single
            )
            if tier is not None:
                header = merge_subheader(header, cells[tier:], roles[tier:], False, self.vocab.periods)
            if self._header_again(header, max(c.line for c in cells)):
                return  # the header printed again, one cell per line, at a page's top: the table goes on
            self._open_block(header, cells[0])
            self._above(self._header_above)
        elif single:
            self._scattered_header(cells, roles)

    def _scattered_header(self, cells: list[Cell], roles: list[str | None]) -> None:
        """Pieces of a header printed one word per line with the first rows' cells between them
        (a spreadsheet flattened in no reading order: "一级指标" … "指标值 完成值" … "二级指标 三级
        指标" … "分值 得分").  Pieces naming different columns are gathered until together they
        name a header; a piece met after that, before any row was cut, adds its columns."""
        named = {r for r in roles if r}
        block = self.draft.block
        lone_name_word = len(cells) == 1 and bool(named) and named <= {"level2", "level3"}
        if block is not None and lone_name_word and block.own_level2(cells[0]):
            return
        if block is not None:
            if block is self._scattered_block and not block.records and not named & set(block.header.roles):
                gathered = [*self._scattered, *zip(cells, roles, strict=True)]
                widened = self._header_of(gathered)
                if widened is not None and block.widen(widened):
                    self._scattered = gathered
            return
        if named & {r for _, r in self._scattered}:
            self._scattered = []  # a column named again: another header begins
        self._scattered.extend(zip(cells, roles, strict=True))
        header = self._header_of(self._scattered)
        if header is not None:
            pieces = self._scattered
            self._open_block(header, pieces[0][0])
            self._scattered, self._scattered_block = pieces, self.draft.block

    def _header_of(self, pieces: list[tuple[Cell, str | None]]) -> Header | None:
        cells, roles = labels_first([c for c, _ in pieces], [r for _, r in pieces])
        # Words met apart are a weaker sign than a header row: they must name the 三级指标 and 指标值.
        if not is_header(roles) or not {"level3", "value"} <= set(roles):
            return None
        return build_header(cells, roles, self.vocab.periods, self._header_above, self._recent_periods(), streamed=True)

    def _read_across(self, line: Line) -> bool:
        """A table printed across (form_across): its lines are taken while they are the table's; each
        period's targets then make a block of their own under "三级指标 | <the target heading>"."""
        filled, roles = line.filled, line.filled_roles
        if self._across is not None and self._across.take(filled, roles):
            return True
        if self._across is not None:
            self._end_across()
        if self.draft.block is None and not self._header_cells:
            self._across = Across.opened_by(filled, roles)
        return self._across is not None

    def _end_across(self) -> None:
        across, self._across = self._across, None
        if across is None:
            return
        for heading, pairs in across.paired:
            if not pairs:
                continue
            name_head = Cell("三级指标", across.names[0].line, across.names[0].column)
            header = build_header([name_head, heading], ["level3", "value"], self.vocab.periods)
            header.groups[0].period = period_of(heading.text, self.vocab.periods)
            self._open_block(header, pairs[0][0])
            block = self.draft.block
            assert block is not None
            for name, target in pairs:
                block.add_row(Row([name, target]))
            self._end_block()
        if across.unnamed:
            # Targets beyond the last name: rows whose names the text does not print (a page flattened
            # column by column, the 效益 names lost). The table is not whole: what it lacks may be there.
            self.draft.cut_off = True
            first = across.unnamed[0]
            shown = "”“".join(squash(c.text) for c in across.unnamed[:3])
            self._warn(
                first,
                f"表格在{place_of(first.line, first.anchor)}印有 {len(across.unnamed)} 个"
                f"没有指标名称的目标值（“{shown}”）："
                "这些行的名称没有印出（原文残缺），表格没有读全：不报告该项目缺少的类别",
            )

    def _open_block(self, header: Header, first: Cell) -> None:
        draft = self.draft
        if draft.records and draft.block is None and draft.name is None and draft.title is None:
            draft = self._new_draft()
        before = _labels_before_header(draft.block, self.vocab)
        draft.close_block()
        draft.block = BlockReader(header, self.vocab)
        self._header_width = 0  # a header gathered from several lines has no printed width to compare
        draft.block.labels_before = before
        lexicon = self.lexicon  # not `self`: a block holding its reader would make a reference cycle, and the
        # whole reading (rows, cells, drafts) would wait for a full pass of the cyclic collector to be freed
        draft.block.value_kind = lambda text: parse_value(text, lexicon).kind
        if header.streamed and self._header_closed:
            # The header's row closed before the block's first cell: that cell opens a row.
            draft.block.row_break(closes=True)
        self._scattered, self._scattered_block = [], None
        if draft.start is None:
            draft.start = first.located

    def _facts(self, line: Line, loose: list[Row] | None = None) -> bool:
        """Label/value pairs; True when the row was a facts row (not an indicator row).  `loose`: the rows
        read as nothing just before this one."""
        cells, facts = line.filled, line.facts
        # A cell that may be a fact's value: it labels no fact and names no column.
        values = [f is None and r is None for f, r in zip(facts, line.filled_roles, strict=True)]
        if self._goal_heading(cells):
            return True
        if self._goal_periods:
            # The row under "总体目标 | 实施期目标 | 年度目标": one goal per period, in order.
            periods, self._goal_periods = self._goal_periods, []
            texts = [c for c, f in zip(cells, facts, strict=True) if f is None]  # a label merged down from above
            if texts and all(len(squash(c.text)) > 6 for c in texts):
                for period, cell in zip(periods, texts, strict=False):
                    self.draft.goals.setdefault(period, cell.located)
                if len(cells) == 1:
                    self._goal_periods = periods[1:]  # one cell per line: the next period's goal is the next line
                return True
        open_goal, self._goal_open = self._goal_open, None
        if open_goal is not None and self._goal_goes_on(open_goal, cells):
            return True
        found = False
        pending, before = self._pending_fact, self._pending_before
        self._pending_fact, self._pending_before = None, None
        if pending and self.vocab.fact(self._pending_label + cells[0].text) == pending:
            # "主管部门 ⏎ 及编码 ⏎ [015001]XX局": the label wrapped onto the next line; its value follows
            self._pending_fact, self._pending_label = pending, self._pending_label + cells[0].text
            self._pending_before = before
            cells, facts, values = cells[1:], facts[1:], values[1:]
            if not cells:
                return True
            pending = None
        if pending and values[0]:
            if not self._set_fact(pending, cells[0]) and before is not None:
                self._set_fact(pending, before)  # "实施单位 其中:当年财政拨款": its value was printed before it
            found = True
            cells, facts, values = cells[1:], facts[1:], values[1:]
        elif pending and before is not None:
            self._set_fact(pending, before)  # "项目名称 主管部门": its value was printed before it
        for i, (cell, fact) in enumerate(zip(cells, facts, strict=True)):
            if fact is None and self._period_goal(cell, cells[i + 1 : i + 2], values[i + 1 : i + 2]):
                found = True
                continue
            if fact is None:
                inline = _inline_facts(cell, self.vocab, loose=self.draft.block is None)
                for fact, value_cell in inline:
                    if fact == "end":
                        self._end_block()
                    else:
                        self._set_fact(fact, value_cell)
                found = found or bool(inline)
                continue
            if fact == "end":
                found = True
                self._end_block()
                continue
            rest = cells[i + 1 :]
            if fact == "goal" and rest and all(_goal_period(c.text, self.vocab.periods) for c in rest):
                self._goal_periods = [p for p in (_goal_period(c.text, self.vocab.periods) for c in rest) if p]
                return True
            value = rest[0] if rest and values[i + 1] else None
            if value is not None and fact in _SHORT_FACTS and value.text.strip().startswith(_JOINED_LABEL):
                value = None  # "6、实施单位及责任人": two labels joined into a heading, not a label and its value
            if fact == "total_score":
                # "总分 | 100 | 98.51 | 优": the score is the last number, the grade the word after it.
                numbers = [c for c in rest if to_number(c.text) is not None]
                value = numbers[-1] if numbers else value
                grade = next((c for c in rest if c.text.strip() in GRADES), None)
                if grade is not None and "grade" not in self.draft.facts:
                    self.draft.facts["grade"] = grade.located
            if value is None:
                if not rest:
                    self._pending_fact, self._pending_label = fact, cell.text.strip()
                    if fact in _SHORT_FACTS and cell is line.filled[0]:
                        self._pending_before = self._printed_before(cell, loose or [])
                found = found or len(cells) <= 2
                continue
            self._set_fact(fact, value)
            found = True
        return found

    def _period_goal(self, label: Cell, after: list[Cell], values: list[bool]) -> bool:
        """ "中长期绩效目标 | 1.就读…", "本年度绩效 目标 | …": a goal labelled with its period (a heading no
        facts list names, since the period words vary), outside the indicator table; True when read."""
        if self.draft.block is not None or not after or not values[0] or len(squash(after[0].text)) <= _GOAL_TEXT:
            return False
        head = self.vocab.periods.goal_start.match(squash(label.text))
        period = period_of(head.group(0), self.vocab.periods) if head else None
        if head is None or period is None or self.vocab.fact(squash(label.text)[head.end() :]) != "goal":
            return False
        self.draft.goals.setdefault(period, after[0].located)
        item = _GOAL_ITEM.match(after[0].text)
        self._goal_open = (period, int(item.group(1)) + 1) if item else None
        return True

    def _goal_goes_on(self, goal: tuple[str, int], cells: list[Cell]) -> bool:
        """ "1.就读…" then a row of one cell "2.补助标准…": the goal's next numbered item, on a row of its own."""
        period, number = goal
        item = _GOAL_ITEM.match(cells[0].text) if len(cells) == 1 else None
        if item is None or int(item.group(1)) != number or period not in self.draft.goals:
            return False
        read = self.draft.goals[period]
        self.draft.goals[period] = replace(read, text=read.text + cells[0].text.strip())
        self._goal_open = (period, number + 1)
        return True

    def _goal_heading(self, cells: list[Cell]) -> bool:
        """One cell per line: "总体目标", then each of its period headings on a line of its own ("中期目标(2022年-
        2023年)", "年度目标"); the goals follow, one per line, in that order.  True for such a heading."""
        collecting, self._goal_headings = self._goal_headings, False
        if len(cells) != 1 or not (collecting or self._pending_fact == "goal"):
            return False
        period = _goal_period(cells[0].text, self.vocab.periods)
        if period is None:
            return False
        if not collecting:
            self._pending_fact, self._goal_periods = None, []
        self._goal_periods.append(period)
        self._goal_headings = True
        return True

    def _end_block(self) -> None:
        if self.draft.block is not None:
            self.draft.close_block()
            self.draft.block = None

    def _printed_before(self, label: Cell, loose: list[Row]) -> Cell | None:
        """The text a flattened form printed just before a name-like fact's label, on the label's own line:
        a value wrapped over two lines in the PDF comes before its one-line label in reading order
        ("普陀体育中心与委托运营方结 算费用 项目名称 主管部门 …").  Only pieces read as nothing, each a row of
        its own on the label's line (the line was split into cells), none of them a label, a figure, a date,
        a bracketed aside ("(2022 年度)", "(元)"), a sentence or a "label: value"; None when there are none."""
        pieces: list[Cell] = []
        for row in reversed(loose):
            filled = row.filled
            if len(filled) != 1 or filled[0].line != label.line or filled[0].column >= label.column:
                break
            text = filled[0].text.strip()
            if (
                not _NAME_WORD.search(text)
                or _BRACKETED.match(text)
                or _DATE.match(text)
                or _NOT_A_NAME.search(text)
                or self.vocab.is_form_label(text)
                or self.vocab.fact(text) is not None
            ):
                break
            pieces.insert(0, filled[0])
        if not pieces or sum(len(squash(c.text)) for c in pieces) > _MAX_PROSE:
            return None
        return replace(pieces[0], text="".join(c.text.strip() for c in pieces))

    def _set_fact(self, fact: str, cell: Cell) -> bool:
        """Keep `cell` as the value of `fact`; False when it is no value of it."""
        draft = self.draft
        loc = cell.located
        if fact in _SHORT_FACTS:
            if self.vocab.is_form_label(loc.text):
                return False  # "实施单位 其中:当年财政拨款": the next label of a flattened form, not a value
            text = _LABELLED_LINE.split(loc.text, maxsplit=1)[0]  # "XX联合会 ⏎ 评价机构:…": the next fact
            text = self.vocab.before_labels(text)
            if not text.strip():
                return False  # "项目资金 (万元)": the label of the funds block, not this fact's value
            loc = replace(loc, text=text)
        if fact == "name":
            if draft.name is not None and (draft.records or draft.block is not None):
                draft = self._new_draft(family=draft.family, title=draft.title)
            draft.name = loc
        elif fact == "goal":
            if "goal" not in draft.facts:
                draft.facts["goal"] = loc
        elif fact not in draft.facts:
            draft.facts[fact] = unglued_total(loc) if fact == "total_score" else loc
        if fact in ("total_score", "grade"):  # printed under the indicator rows
            self._end_block()
        return True

    def _funds_reader(self) -> FundsReader:
        """The draft's funds block reader, made on first use."""
        if self.draft.funds is None:
            self.draft.funds = FundsReader(self.vocab)
        return self.draft.funds

    def _funds(self, row: Row) -> bool:
        return self._funds_reader().feed(row)

    def _glued_funds(self, row: Row) -> None:
        """The execution figures of a funds header and total row a preview glued into one cell."""
        funds = self._funds_reader()
        if funds.execution is not None:
            return
        for cell in row.cells:
            if cell.blank:
                continue
            if (ex := glued_execution(cell, self.vocab, funds.unit, _points(funds.points))) is not None:
                funds.execution = ex
                return

    def _rows_above(self, line: Line, block: BlockReader, loose: list[Row]) -> None:
        """An excerpt that starts inside a table: the rows printed just above the first labelled one
        ("安全警示标志设置及时率 | = | 100 | % | 100 | 5" over "成本指标 | 安全隐患排查成本预算 | = | 6 | 万元 | 6 | 5")
        are rows of the same table when they have as many cells as it has after its labels, a name
        first and a figure among them; their category was above the excerpt and is left empty."""
        if block.header.streamed:
            return
        width = sum(1 for kind in line.kinds if kind is Kind.DATA)
        above: list[Row] = []
        below = line.row.line
        for prior in reversed(loose):
            cells = prior.filled
            gap = self._order.get(below, below) - self._order.get(prior.line, prior.line)
            if gap > _MAX_GAP or len(cells) != width or width < 3:
                break
            if not starts_row(cells[0]) or not any(is_number(c.text) for c in cells[1:]):
                break
            above.insert(0, prior)
            below = prior.line
        for prior in above:
            block.add_row(prior)

    def _implicit_block(self, line: Line) -> BlockReader | None:
        """A list with no header row: 一级/二级 headings ("一、产出指标", "(一)数量指标") each followed by
        its indicators, a name and its target per line or one after the other.  A heading line made
        only of labels opens a block read as names and targets, one cell after another."""
        row, filled = line.row, line.filled
        if any(d.records or d.block is not None for d in self.drafts):
            return None  # the document has a table with a header: labels after it are prose
        labels = [k in (Kind.LEVEL1, Kind.LEVEL2, Kind.EITHER) for k in line.kinds]
        if len(filled) <= 2 and all(labels):
            roles: list[str | None] = ["level1", "level2", "level3", "value"]
            streamed = True
        elif len(filled) == 1 and labelled_item(filled[0], self.vocab) is not None:
            # A report in prose: "设施质量合格率:指标值为“100%”,…,完成值为100%;" — a name and its labelled figures.
            roles, streamed = ["level1", "level2", "level3", "value"], True
        elif labels[0] and len(filled) >= 4:
            # "产出指标 | 数量指标 | 名称 | 目标 | …" under a header of words the lists do not know (or
            # above the excerpt): a row per line, its first cells after the labels a name and a target.
            roles = ["level1", "level2", "level3", "value", *["note"] * (len(row.cells) - 2)]
            streamed = False
        else:
            return None
        cells = [Cell(str(role), row.line, 1) for role in roles]
        header = build_header(cells, roles, self.vocab.periods, None, None, streamed=streamed)
        header.implicit = True
        draft = self.draft
        # No title, no facts, no header before it: the text opens inside the table (an excerpt that
        # starts mid-table), and the categories before its first row may lie before the excerpt.
        draft.cut_before = draft.title is None and not draft.facts and not draft.goals and len(self.drafts) == 1
        self._open_block(header, filled[0])
        return self.draft.block

    def _ends_block(self, line: Line, block: BlockReader) -> bool:
        filled = line.filled
        text = filled[0].text.strip()
        if text.startswith(("注：", "注:", "说明：", "说明:", "备注：", "备注:")):
            return True
        if _another_table(line, block.header):
            return True
        if len(filled) != 1:
            return False
        if (block.open_record and not block.header.streamed) or block.mid_row:
            return False
        if block.awaits_name and not filled[0].glued:
            return False  # "数量指标" ⏎ "慰问伤残军人50人;…。": a long name written as a sentence, not prose after
        if _SECTION.match(text) and not block.numbers_names(_SECTION) and not _ENUMERATION.match(text):
            return line.kinds[0] is Kind.DATA  # "一、产出指标" heads the next rows
        prose = len(squash(text)) > _MAX_PROSE and (not block.open_record or "。" in text)
        return line.kinds[0] is Kind.DATA and prose and not block.holds_rows(filled[0])

    # -- projects --------------------------------------------------------------
    def projects(self, default_family: str | None = None) -> list[Project]:
        out: list[Project] = []
        for n, whole in enumerate(self.drafts):
            parts = _by_project_column(whole)
            for k, draft in enumerate(parts):
                if not draft.records and not _cut_before_rows(draft):
                    continue
                project = self._project(draft, n, default_family)
                # A table holding several projects breaks off inside the last one only.
                project.cut_off = project.cut_off and k == len(parts) - 1
                project.cut_cell = project.cut_cell if k == len(parts) - 1 else None
                if project.indicators or project.empty_categories or (not draft.records and project.cut_off):
                    out.append(project)
        return out

    def _project(self, draft: _Draft, n: int, default_family: str | None) -> Project:
        form = _form(draft, default_family)
        name_loc = (
            draft.name
            or name_from_title(draft.title)
            or draft.facts.get("implementer")
            or draft.facts.get("department")
        )
        anchor_loc = name_loc or draft.title or draft.start or Located("", 1, 1)
        name = name_loc.text if name_loc else f"（未命名项目{n + 1}）"
        project = Project(
            name=name, form=form, line=anchor_loc.line, column=anchor_loc.column, anchor=anchor_loc.anchor
        )
        project.title = draft.title
        project.cut_off = draft.cut_off
        project.cut_cell = draft.cut_cell
        project.cut_before = draft.cut_before
        for fact in (
            "department",
            "implementer",
            "attribute",
            "duration",
            "overview",
            "legal_basis",
            "necessity",
            "measures",
            "plan",
        ):
            if fact in draft.facts:
                setattr(project, fact, draft.facts[fact])
        # Drafts split by a 项目名称 column share their goals: read them without taking any away.
        project.actual_summary = draft.goals.get("actual")
        project.goals.update({period: goal for period, goal in draft.goals.items() if period != "actual"})
        goal = draft.facts.get("goal")
        periods = {period: g for period, g in draft.goals.items() if period != "actual"}
        # The goal under a plain label ("年度绩效目标 | 投入1800万元…") beside one labelled with another period
        # ("中期绩效目标 | 引进…") is the year's too, unless it is a period goal already read.
        if goal is not None and (not draft.goals or _beside_period_goals(goal, periods)):
            project.goals[PERIOD_ANNUAL] = goal
        if draft.funds is not None:
            project.funds = list(draft.funds.items)
            project.execution = draft.funds.read_execution()
        if "total_score" in draft.facts:
            project.total_score = draft.facts["total_score"]
        if "grade" in draft.facts:
            project.grade = draft.facts["grade"]
        # Periods are told apart when the table prints more than one: side by side, or one after another.
        multi = any(len(h.groups) > 1 for h, _ in draft.records)
        multi = multi or len({h.groups[r.group].period for h, r in draft.records} - {None}) > 1
        # A row that left its 指标解释 / 指标内容 column empty may have its copy of the name glued on; when some
        # row of the table holds its name said twice, its rows glue their 指标解释 after the name (_glued_description).
        echoed = [_echoed(header.groups[record.group], record) for header, record in draft.records]
        described = any(
            e and _said_once(strip_marks(record.data["level3"].text)) != strip_marks(record.data["level3"].text)
            for e, (_, record) in zip(echoed, draft.records, strict=True)
        )
        for (header, record), echo in zip(draft.records, echoed, strict=True):
            group = header.groups[record.group]
            period = group.period if multi else None
            glued = echo and described and _described_after_name(group)
            # One group with a value column per period ("周期指标值 | 本年度指标值"): the row is read once per
            # period it prints a value for, not once more without any.
            if "value" in record.data or not record.extra_values:
                self._add(project, record, period, echoed=echo, described=glued)
            for value_period, cell in record.extra_values.items():
                self._add(project, record, value_period, cell, echoed=echo, described=glued)
        return project

    def _add(
        self,
        project: Project,
        record: Record,
        period: str | None,
        value: Cell | None = None,
        echoed: bool = False,
        described: bool = False,
    ) -> None:
        """`echoed`: the row's description column is empty, so its name may carry that copy (_said_once).
        `described`: … and the table's rows glue their 指标解释 after the name (_glued_description)."""
        level1, level2 = self._levels(record)
        name_cell = record.data.get("level3")
        value_loc = _value(record, value)
        name = strip_marks(name_cell.text) if name_cell else ""
        if name_cell is not None and (name_cell.glued or echoed):
            once = _said_once(name)
            name = _glued_description(name, self.vocab) if once == name and described else once
        if not name or _PLACEHOLDER.match(squash(name)) or _only_direction(name):
            empty = _no_target(value_loc) or (value_loc is not None and _only_direction(value_loc.text))
            if level2 and empty:
                note = value_loc.text if value_loc else None
                line, column, anchor = _place(record)
                project.empty_categories.append(EmptyCategory(period, level1, level2, line, column, note, anchor))
            return
        assert name_cell is not None
        if value_loc is not None and _ticked(value_loc.text, record):
            return  # "最近年度绩效评价情况 | 优秀□ 良好□ 合格□": a question answered by ticking, not a target
        is_note = bool(_RULE_TEXT.search(name) or _LEAD_IN.search(name) or _SCORING_RULE.search(name))
        if _no_target(value_loc) and set(record.data) - {"value"} <= _PROSE_ROLES and is_note:
            return  # "定量指标计算：…；…", "附件：": a note or a lead-in printed among the rows, not an indicator
        category = self.vocab.canonical_level2(squash(name))
        if value_loc is None and set(record.data) <= _PROSE_ROLES and category is not None:
            # "质量 | (nothing)": a table whose name column holds the categories printed one left empty
            line, column, anchor = _place(record)
            parent = level1 or self.vocab.parent_of(category)
            project.empty_categories.append(EmptyCategory(period, parent, category, line, column, None, anchor))
            return
        extras: dict[str, Located] = {
            role: record.data[role].located
            for role in ("description", "basis", "adjusted_value", "actual", "weight", "score", "deviation")
            if role in record.data
        }
        if "unit" in record.data:
            extras["printed_unit"] = record.data["unit"].located  # "是/否": the question's kind of answer
        level3 = Located(squash_keep(name), name_cell.line, name_cell.column, name_cell.anchor)
        self._places_differ(record, name)
        ind: Indicator = make_indicator(
            path=self.path,
            project=project.name,
            form=project.form,
            period=period,
            level1=level1,
            level2=level2,
            level3=level3,
            value=value_loc,
            row_line=name_cell.line,
            row_column=name_cell.column,
            level1_cell=record.level1.located if record.level1 else None,
            level2_cell=record.level2.located if record.level2 else None,
            lexicon=self.lexicon,
            printed_level3=name_cell.located if marked(name_cell.text) else None,
            **extras,
        )
        project.indicators.append(ind)

    def _places_differ(self, record: Record, name: str) -> None:
        """One target column per place (指标方向 | 笏石街道办 | 埭头镇) whose figures differ: the first place's
        is read as the row's 指标值, and the reader says so (a warning at the first target)."""
        first = record.data.get("value")
        if first is None or not record.places:
            return
        figures = [squash(c.text) for c in (first, *record.places)]
        if len(set(figures)) == 1:
            return
        self._warn(first, f"“{squash(name)}”各地目标值不同（{' / '.join(figures)}），按第一个地区列读作指标值")

    def _warn(self, cell: Cell, message: str) -> None:
        """A warning about the reading, at `cell` (its line, column and office anchor)."""
        self.problems.append(
            ParseProblem(self.path, cell.line, cell.column, message, severity="warning", anchor=cell.anchor)
        )

    def _levels(self, record: Record) -> tuple[str | None, str | None]:
        level2 = self.vocab.canonical_level2(record.level2.text) if record.level2 else record.inferred_level2
        level1 = self.vocab.canonical_level1(record.level1.text) if record.level1 else None
        if level2 is None and record.level2 is not None:
            level2 = squash(record.level2.text)  # a 二级 of a province's own (履职效能): kept as printed
        parent = self.vocab.parent_of(level2)
        if level1 is None or (parent and level1 != parent and not (level1 == "成本指标" and parent == "产出指标")):
            level1 = parent or level1
        if level1 == "成本指标" and level2 == "成本指标":
            level1 = "产出指标"
        return level1, level2


_SAID_TWICE = 4  # characters of each half of a name said twice
_FRAGMENT = lazy_compile(r"^[\W\d_]|。")
_TARGETED = {"value", "actual"}
_NUMBERED = lazy_compile(rf"^{DIGIT_MARK}")  # "1)", "(2)": a list's numbering


def _another_table(line: Line, header: Header) -> bool:
    """A row with more printed cells than the indicator header has columns, none of them a 一级/二级
    label, belongs to another table printed after the indicators (its header "序号 | 学校性质 | 培训机构
    | … | 补助资金 | 备注", or its rows): the indicator table ends there.  The header's width is that of
    its printed headings (empty cells after them pad it to the wider table's width).  A header printed
    one cell per line or no header at all says nothing of the table's width."""
    if header.streamed or header.implicit or len(line.filled) <= header.printed_width:
        return False
    return all(kind is Kind.DATA for kind in line.kinds)


def _second_tier(row: Row, header_width: int, after: Row | None, vocab: Vocabulary) -> bool:
    """A row right under the header that is the bottom tier of a two-row header copied from a web page
    ("采集数据项" over "数据项1 | 数据项2"): a browser writes the top row's cells, then the bottom row's
    alone.  Told by the shape, not the words: every cell printed, fewer than the header's, none a label,
    a figure or text that lost its separators, and the row after it as wide as the table those cells
    make, the header's cells with the merged one split into them (header + tier - 1)."""
    cells = row.cells
    if row.ruled or after is None or len(cells) < 2 or len(cells) >= header_width:
        return False
    if len(after.cells) != header_width + len(cells) - 1:
        return False
    return all(not c.blank and not c.glued and not is_number(c.text) and kind_of(c, vocab) is Kind.DATA for c in cells)


def _ticked(value: str, record: Record) -> bool:
    """Tick boxes in the target, two or more in it or with the row's other cells ("优秀□ | 良好□", the
    choices of one question cut apart where a copy put each on its own)."""
    boxes = len(_CHOICE_BOX.findall(value))
    others = sum(len(_CHOICE_BOX.findall(c.text)) for role, c in record.data.items() if role != "value")
    return boxes >= 2 or (boxes >= 1 and boxes + others >= 2)


def _echoed(group: Group, record: Record) -> bool:
    """The row has a name and left empty the 指标解释 / 指标内容 column of its table."""
    return "level3" in record.data and "description" in group.roles and "description" not in record.data


def _described_after_name(group: Group) -> bool:
    """The table prints its 指标解释 / 指标内容 column right after the name."""
    roles = group.roles
    at = roles.index("level3") + 1 if "level3" in roles else len(roles)
    return at < len(roles) and roles[at] == "description"


def _glued_description(name: str, vocab: Vocabulary) -> str:
    """A name with its 指标解释 glued after it, in a table where other rows glue the name's exact copy there
    ("技术指导服务数量对生产种植企业技术指导服务数量"): the name, cut from it by the glued-row cutter over
    the two columns; the whole text when the cutter finds no such cut."""
    found = split_glued(fold(name), [(0, "level3"), (1, "description")], vocab.glue_hints, False)
    if not found or len(found) != 1 or len(found[0]) != 2:
        return name
    (_, start, end), _ = found[0]
    return name[start:end] if start == 0 and end < len(name) else name


def _said_once(name: str) -> str:
    """A name glued to an exact copy of itself ("…涉及国家数量邀请…涉及国家数量"): the copy is the 指标解释 /
    指标内容 column many templates fill with the name again, left glued to it when the row lost its
    separators.  Halves of four characters or more: "好好" is a word, not a name said twice."""
    s = name.strip()
    half = len(s) // 2
    return s[:half] if half >= _SAID_TWICE and len(s) % 2 == 0 and s[:half] == s[half:] else name


def _mostly_fragments(records: list[Record]) -> bool:
    """Half the names or more are pieces of sentences ("分。没", "分;", "不得分。"): the rows were
    cut from running text, not read from a list."""
    named = [r.data["level3"].text for r in records if "level3" in r.data and _TARGETED & set(r.data)]
    names = [_NUMBERED.sub("", squash(strip_marks(text))) for text in named]
    broken = [n for n in names if len(n) < _SHORTEST_NAME or _FRAGMENT.search(n)]
    return bool(names) and len(broken) * 2 >= len(names)


def _labels_before_header(block: BlockReader | None, vocab: Vocabulary) -> list[str]:
    """The 二级 labels a list opened by labels alone read before a header came and opened a table in its place
    ("二级指标 数量指标 产出指标 … 质量指标 三级指标 指标值"): the labels of that table's first rows."""
    if block is None or not block.header.implicit or block.records or block.open_record:
        return []
    return [label for cell in block.labels_met if (label := vocab.canonical_level2(cell.text))]


def _labelled_here(record: Record, streamed: bool = False) -> bool:
    """The row printed its own 一级/二级 label: on its line, or, in a table printed one cell per line
    (`streamed`), on the line right before its name."""
    name = record.data.get("level3")
    labels = [c for c in (record.level1, record.level2) if c is not None]
    return name is not None and any(
        c.line == name.line
        or (c.anchor is not None and c.anchor == name.anchor)
        or (streamed and c.line == name.line - 1)
        for c in labels
    )


def _own_row(record: Record, own_slot: set[int], lined_up: bool = False) -> bool:
    """The row's name stands in a cell of its own in a ruled row beside its target's blank cells: a row of
    the table whose target was left empty, not a footer (a note is merged across the table or outside it).
    Not when anything else is printed in the row (the next table's heading, "207101…人民法院 | 单位:万元", read
    as the last row: tests/wild/test_table_copies i01) or the name is a fragment a cut left ("可": f12 pasted).
    Its points or a lone sign count only in a table whose rows stand under their columns (`lined_up`: not
    pasted in from the left edge, where "★种植作物成活率 | 10 | 9" is an excerpt's row cut after its points)."""
    name = record.data.get("level3")
    others = [(role, cell) for role, cell in record.data.items() if role != "level3"]
    return (
        name is not None
        and all(lined_up and _own_row_mark(role, cell, own_slot) for role, cell in others)
        and len(squash(name.text)) >= _SHORTEST_NAME  # not a fragment ("可")
        and id(name) in own_slot
        and not _LEAD_IN.search(name.text)
        and not _RULE_TEXT.search(name.text)
    )


def _own_row_mark(role: str, cell: Cell, own_slot: set[int]) -> bool:
    """What else a row whose target was left empty may print, each in a cell of its own: its points (分值
    "4.7" under a 分值 column) and a lone comparator (">" under 指标性质 or 目标值, the figure not filled
    in).  Any other text ("207101…法院 | 单位:万元") makes the row something else: a heading."""
    if id(cell) not in own_slot:
        return False
    text = squash(cell.text)
    if role in ("weight", "score"):
        return is_number(text)
    return role in ("value", "comparator") and bool(_ONLY_SIGN.fullmatch(text))


def _goal_period(text: str, words: PeriodWords) -> str | None:
    """ "实施期目标" → 实施期, "年度目标" → 年度, "中期目标(2023年—2025年)" → 中期 (the years a heading spans
    are no part of it); None for anything longer than such a heading."""
    s = _YEAR_SPAN.sub("", squash(text))
    if s in _ACTUAL_HEADS:
        return "actual"
    if len(s) > 12 or "目标" not in s:
        return None
    return period_of(s, words) or (PERIOD_ANNUAL if s in ("预期目标", "绩效目标") else None)


def _by_project_column(draft: _Draft) -> list[_Draft]:
    """A table with a 项目名称 column holds several projects: one draft per name, in order."""
    names = [r.project for _, r in draft.records if r.project is not None]
    if len({squash(c.text) for c in names}) < 2:
        return [draft]
    out: list[_Draft] = []
    for header, record in draft.records:
        cell = record.project
        current = out[-1].name if out else None
        if not out or (cell is not None and current is not None and squash(cell.text) != squash(current.text)):
            name = cell.located if cell is not None else draft.name
            out.append(replace(draft, name=name, records=[]))
        out[-1].records.append((header, record))
    return out


# Facts that are a name: their value ends where a run of labels glued after it begins.
_GOAL_TEXT = 6  # a goal says more than this many characters (else a heading beside it)
_GOAL_ITEM = lazy_compile(rf"^\s*(\d{{1,2}}){NUMBER_STOP}")  # "1.", "2、": a numbered item of a goal
_SHORT_FACTS = frozenset({"name", "department", "implementer", "attribute"})
_JOINED_LABEL = ("及", "和", "与", "、")  # a word that joins a second label to a first
_RUN_ON_FACTS = _SHORT_FACTS | {"duration"}  # facts that may run on one after another in one cell
_SEAL = lazy_compile(r"[(（](?:盖章|签章|签字|公章)[)）]")
_UNCLOSED = lazy_compile(r"^[(（][^)）]*$")
_LABELLED_LINE = lazy_compile(r"(?:\n|[ \t\u3000])\s*[^\s:：]{2,8}[:：]")  # the next "label:", on its line or the next


# Labels printed on the same line after a fact's value, with or without a space before them.
def _points(points: Located | None) -> float | None:
    return to_number(points.text) if points is not None else None


def _inline_facts(cell: Cell, vocab: Vocabulary, *, loose: bool) -> list[tuple[str, Cell]]:
    """ "项目名称：XX" / "负责人：张三" in one cell: each fact and a cell holding its value.

    Before the indicator block (`loose`) a name-like fact's label may also stand apart from its value
    by spaces ("项目名称 麻风病防治") or glued to it ("项目名称农村义务教育…"), and several facts may run
    on in one cell ("项目主管部门XX局项目执行单位XX学校").
    """
    text = cell.text
    out: list[tuple[str, Cell]] = []
    at = len(text) - len(text.lstrip())
    while at < len(text):
        labelled = _fact_label(text[at:], vocab, loose=loose)
        if labelled is None or (out and not loose):
            break
        fact, skip = labelled
        if out and fact not in _RUN_ON_FACTS:
            break
        start = at + skip
        start += len(text[start:]) - len(text[start:].lstrip())
        rest = text[start:]
        end = start + len(vocab.aside_label.split(rest, maxsplit=1)[0])  # "XX局金额单位:万元"
        if loose and fact in _RUN_ON_FACTS:
            end = min(end, start + vocab.label_run_at(rest))
        out.append((fact, replace(cell, text=text[start:end].strip(), column=cell.column + start)))
        at = end
    return out


def _fact_label(text: str, vocab: Vocabulary, *, loose: bool) -> tuple[str, int] | None:
    """The fact whose label `text` opens with, and how many characters the label and its separator
    take: "label：", or (`loose`, name-like facts only) "label value" and "labelvalue"."""
    for sep in ("：", ":"):
        label, found, _ = text.partition(sep)
        if found and len(label) <= 16:
            fact = vocab.fact(_SEAL.sub("", label))  # "主管部门(盖章)：": where the seal goes
            if fact is not None:
                return fact, len(label) + 1
    if not loose:
        return None
    head = text.split(maxsplit=1)[0] if text.strip() else ""
    fact = vocab.fact(head) if head != text.strip() else None
    skip = len(head)
    if fact is None:
        glued = vocab.fact_opening(text)
        fact, skip = (vocab.facts[label_key(glued)], len(glued)) if glued else (None, 0)
    value = _SEAL.sub("", text[skip:]).strip()
    if fact not in _SHORT_FACTS or len(value) < 2 or value.endswith("。") or _UNCLOSED.match(value):
        return None  # "单位名称(项目类别 ⏎ /支出项目)", "部门(单位)职能职责。": a label or a heading, no value
    if vocab.is_label_start(value):
        return None  # "资金名称 省级业务主管部 ⏎ 门": a row of labels, their values printed below
    return fact, skip


def _form(draft: _Draft, default_family: str | None) -> Form:
    family = draft.family or default_family
    if family in FAMILIES:
        return FAMILIES[family]
    roles = {r for h, _ in draft.records for r in h.roles if r}
    if roles & {"actual", "score"}:
        return Form.SELF_EVALUATION
    if any(len(h.groups) > 1 for h, _ in draft.records):
        return Form.DECLARATION
    return Form.TARGET


# Where a title's form name begins ("XX项目支出绩效目标表", "XX局部门整体支出绩效…", "XX整体支出…").
_TITLE_FORM_WORDS = (
    "部门整体",
    "部门(单位)整体",
    "单位整体",
    "整体支出",
    "区域绩效",
    "支出绩效",
    "绩效目标",
    "绩效自评",
    "绩效评价",
)
_TRAILING_BRACKET = lazy_compile(r"[(（]([^()（）]{2,40})[)）]\s*$")
_YEAR_ONLY = lazy_compile(r"\s*20\d\d\s*年?度?\s*")
_KIND_WORDS = {"项目", "专项", "部门", "单位", "本级", "本级项目", "二级项目", "一级项目", "部门预算项目", "财政项目"}


def name_from_title(title: Located | None) -> Located | None:
    """The project named by a title ("XX项目绩效目标表" → "XX项目"); None when the words before the form's
    name only say what kind of thing it is ("项目绩效目标表")."""
    if title is None:
        return None
    text = title.text
    for _ in range(3):
        text = _TITLE_NOISE.sub("", text, count=1).strip()
    places = [at for word in _TITLE_FORM_WORDS if (at := text.find(word)) >= 0]
    if not places:
        return None
    bracketed = _TRAILING_BRACKET.search(text)
    text = text[: min(places)]
    if bracketed and not _YEAR_ONLY.fullmatch(bracketed[1]) and text.strip(" 　:：-—") in ("", *_KIND_WORDS):
        text = bracketed[1]  # "项目支出绩效目标表（应急运维项目）": the project named after the form
    text = text.strip(" 　:：-—(（)）《》“”\"'")
    text = text.removesuffix("整体").removesuffix("部门")  # "XX中心2023年度整体绩效目标表": the unit itself
    if len(text) < 2 or text.endswith(("年", "年度")) or text in _KIND_WORDS:
        return None
    return Located(text, title.line, title.column, title.anchor)


def _value(record: Record, value: Cell | None) -> Located | None:
    """The 指标值 as printed, joining 计算符号 | 目标值 | 度量单位 when the form splits them."""
    cell = value or record.data.get("value")
    comparator = record.data.get("comparator")
    unit = record.data.get("unit")
    if cell is None and comparator is None:
        return None
    base = cell or comparator
    assert base is not None
    if comparator is not None and squash(comparator.text) in DIRECTION_WORDS:
        comparator = None  # 指标性质 "定性" / "正向" says what kind of target it is, not a comparison
        if cell is None:
            return None
    if unit is not None and cell is not None and not squash(cell.text)[-1:].isdigit():
        unit = None  # a target printed with its own unit or in words ("100%", "28.8万元", "应保尽保" under "%")
    parts = [c.text.strip() for c in (comparator, cell, unit) if c is not None and not c.blank]
    text = "".join(parts) if (comparator or unit) else squash_keep(base.text)
    if not text:
        return None
    return Located(text, base.line, base.column, base.anchor)


def _no_target(value: Located | None) -> bool:
    """No target printed: no value cell, or one holding an empty mark ("-", "无", "未填报")."""
    return value is None or squash(value.text) in _EMPTY_WORDS


def _only_direction(text: str) -> bool:
    """ "-定性": a row that printed only its 度量单位 mark and its 指标性质, no indicator."""
    return squash(text).lstrip("-—–/") in DIRECTION_WORDS


def squash_keep(text: str) -> str:
    """A cell's text with line wraps removed: CJK joined directly, other words kept apart."""
    lines = [part.strip() for part in text.splitlines() if part.strip()]
    out = ""
    for part in lines:
        if out and out[-1].isascii() and out[-1].isalnum() and part[0].isascii() and part[0].isalnum():
            out += " "
        out += part
    return out.strip()


def _place(record: Record) -> tuple[int, int, str | None]:
    """Line, column and office-file anchor of a record: its first data cell, else its category cell."""
    cell = next(iter(record.data.values()), None) or record.level2 or record.level1
    return (cell.line, cell.column, cell.anchor) if cell else (1, 1, None)


def read_forms(rows: list[Row], path: str, lexicon: Lexicon) -> tuple[list[Project], list[ParseProblem]]:
    """The projects of a document's rows, read with the lexicon's vocabulary and word lists."""
    reader = FormReader(path, lexicon)
    reader.feed(rows)
    return reader.projects(), reader.problems


def _cut_before_rows(draft: _Draft) -> bool:
    """The text ends under the draft's indicator header, before its first row, after its funds block was
    read: a project of its own (its funds are checked), whose rows the excerpt does not hold."""
    funds = draft.funds
    return draft.cut_off and funds is not None and (bool(funds.items) or funds.execution is not None)


def _beside_period_goals(goal: Located, periods: dict[str, Located]) -> bool:
    """A goal under a plain label read beside goals labelled with another period, and none of them."""
    return bool(periods) and PERIOD_ANNUAL not in periods and all(g.text != goal.text for g in periods.values())
