"""The header of an indicator block: which column holds what, and which period each group is.

Column roles come from the header words in ``lexicons/form_columns.txt``.  A header repeats its
一级/二级/三级 columns once per period when periods stand side by side (实施期 | 年度, 中期 |
年度); a single group may instead carry one value column per period ("实施期指标值 | 年度指标值").
Period names come from the header cells themselves or from the row above them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from kpi_lint.grid import Cell, Row
from kpi_lint.lazy_re import lazy_compile
from kpi_lint.model import PERIOD_ANNUAL, PERIOD_IMPLEMENTATION
from kpi_lint.period_words import PeriodWords
from kpi_lint.vocab import WORDED_SIGNS, YEAR, Vocabulary, squash

# Roles that make a row an indicator header (besides the 三级指标 column).
_TARGET_ROLES = {"value", "actual", "comparator", "adjusted_value", "weight", "score", "basis", "description"}

_POINTS_ROLES = ("weight", "score")  # the points a column gives: 分值 / 权重, 得分


@dataclass
class Group:
    """One period's columns: where its 一级/二级 labels are and which data column is which."""

    level1: int | None = None
    level2: int | None = None
    data: list[tuple[int, str]] = field(default_factory=list)  # (column, role) in column order
    period: str | None = None
    value_periods: dict[int, str] = field(default_factory=dict)  # value column → period, when one group has several

    @property
    def roles(self) -> list[str]:
        return [role for _, role in self.data]

    @property
    def width(self) -> int:
        return len(self.data)

    @property
    def label_points(self) -> frozenset[int]:
        """The 分值 / 得分 columns that score a label, not the row: printed before the 三级指标 column
        (beside its 一级 / 二级, "一级指标 | 权重 | 二级指标 | 分值 | 三级指标 … | 分值") while a column
        of the same role follows the name, the row's own."""
        name = next((col for col, role in self.data if role == "level3"), None)
        if name is None:
            return frozenset()
        after = {role for col, role in self.data if col > name}
        return frozenset(col for col, role in self.data if col < name and role in _POINTS_ROLES and role in after)


@dataclass
class Header:
    roles: list[str | None]  # one per column
    groups: list[Group]
    line: int
    streamed: bool = False  # read from one header cell per line: rows are recovered by counting cells
    implicit: bool = False  # no header was printed: a list of 一级/二级 headings with names and targets
    # Columns up to the last heading that carries a role or text; None: all of them.  A grid padded to
    # a wider table's width (an office copy holding both) leaves the header's last cells empty.
    printed: int | None = None
    anchor: str | None = None  # where the header row is in an office file (its first cell's anchor)

    @property
    def project_column(self) -> int | None:
        """A 项目名称 column: several projects share one table, each row names its own."""
        return next((i for i, r in enumerate(self.roles) if r == "project"), None)

    @property
    def width(self) -> int:
        return len(self.roles)

    @property
    def printed_width(self) -> int:
        return self.width if self.printed is None else self.printed


def cell_roles(cells: list[Cell], vocab: Vocabulary) -> list[str | None]:
    return [vocab.column_role(c.text) if not c.blank else None for c in cells]


def is_header(roles: list[str | None]) -> bool:
    """A row is an indicator header when it names the 三级指标 (or 二级) column and a target column."""
    named = [r for r in roles if r]
    has_name = "level3" in named or ("level2" in named and "level1" in named)
    if set(named) in ({"level3", "value"}, {"level3", "actual"}, {"level3", "value", "actual"}):
        return True  # a list of one level: 序号 | 三级指标 | 年度指标值
    return has_name and any(r in _TARGET_ROLES for r in named) and len(set(named)) >= 3


def with_name_column(cells: list[Cell], roles: list[str | None]) -> tuple[list[Cell], list[str | None]]:
    """A header that names its 二级指标 column but no 三级指标 ("一级指标 | 二级指标 | 绩效标准 |
    预期值"): the 二级 heading spans the labels and the names beside them, so a name column is
    put right after it.  A header that names only its 一级 column ("绩效指标分类 | 绩效指标 | 绩效指标描述"):
    the heading right after it that no list names is the indicator's own name column."""
    if "level3" in roles:
        return cells, roles
    if "level2" not in roles:
        return cells, _named_after_level1(cells, roles)
    at = roles.index("level2") + 1
    if at >= len(roles) or roles[at] not in _TARGET_ROLES:
        return cells, roles
    name = Cell("", cells[at - 1].line, cells[at - 1].column)
    return [*cells[:at], name, *cells[at:]], [*roles[:at], "level3", *roles[at:]]


def _named_after_level1(cells: list[Cell], roles: list[str | None]) -> list[str | None]:
    at = roles.index("level1") + 1 if "level1" in roles else len(roles)
    if at >= len(roles) or roles[at] is not None or cells[at].blank:
        return roles
    if not any(r in _TARGET_ROLES for r in roles[at + 1 :]):
        return roles
    return [*roles[:at], "level3", *roles[at + 1 :]]


def period_of(text: str, words: PeriodWords) -> str | None:
    """The period a heading names ("实施周期指标值" → 实施期, "年度目标" → 年度, "周期指标值" → 实施期), if any."""
    return words.period_of(squash(text))


def build_header(
    cells: list[Cell],
    roles: list[str | None],
    words: PeriodWords,
    above: list[Row] | None = None,
    periods: list[str] | None = None,
    streamed: bool = False,
) -> Header:
    """Split the header's columns into period groups and name their periods.

    `above` are the rows printed before the header, nearest first: period names ("实施期目标 |
    年度目标", "中期滚动目标 | 年度目标") are looked for there when the header does not say them,
    and then among `periods`, the period words met lately (one cell per line puts them apart).
    `words` are the period words of the lexicon folder (periods.txt).
    """
    roles = _criteria_standards(cells, roles, words)
    groups: list[Group] = []
    current = Group()
    pending_levels: dict[str, int] = {}
    # Columns before the first 一级/二级/三级 column (项目名称, 预算数 …) describe the row, not the indicator.
    started = False
    last_named = max((col for col, role in enumerate(roles) if role), default=-1)
    for col, role in enumerate(roles):
        started = started or role in ("level1", "level2", "level3")
        if not started:
            continue
        if role is None and col < last_named and not cells[col].blank:
            role = "unnamed"  # a heading no list names, between named ones, is still a column of the row
        if role in ("level1", "level2"):
            if current.data and any(r == "level3" for _, r in current.data):
                groups.append(current)
                current = Group()
            pending_levels[role] = col
            continue
        if role is None:
            continue
        if role == "level3" and any(r == "level3" for _, r in current.data):
            if not any(r in _TARGET_ROLES for _, r in current.data):
                role = "description"  # "三级指标 | 指标内容": a second name column before any target describes
            else:
                groups.append(current)
                current = Group()
        if pending_levels:
            current.level1 = pending_levels.get("level1", current.level1)
            current.level2 = pending_levels.get("level2", current.level2)
            pending_levels = {}
        current.data.append((col, role))
    if pending_levels and not current.data:  # labels with nothing after them: attach to the last group
        current.level1 = pending_levels.get("level1")
        current.level2 = pending_levels.get("level2")
    groups.append(current)
    groups = [g for g in groups if g.data]
    _name_periods(groups, cells, above or [], periods or [], words)
    line = cells[0].line if cells else 0
    printed = max((i + 1 for i, (c, r) in enumerate(zip(cells, roles, strict=False)) if r or not c.blank), default=None)
    anchor = cells[0].anchor if cells else None
    return Header(roles, groups, line, streamed, printed=printed, anchor=anchor)


def _criteria_standards(cells: list[Cell], roles: list[str | None], words: PeriodWords) -> list[str | None]:
    """A target column printed right after a criterion column, when the row's own name and target
    columns come before both ("目标名称 | 目标值 | 评价指标 | 标准值", the old 目标设置/完成情况 form): the
    criterion is the row's basis (a heading no list names stands for it), its target column the
    criterion's standard, read as a note, not a second period's target."""
    out = list(roles)
    for col in range(2, min(len(out), len(cells))):
        before = out[col - 1]
        criterion = before == "basis" or (before is None and not cells[col - 1].blank)
        if out[col] != "value" or not criterion or period_of(cells[col].text, words) is not None:
            continue
        if "level3" in out[: col - 1] and "value" in out[out.index("level3") : col - 1]:
            out[col - 1], out[col] = "basis", "note"
    return out


def periods_in(row: Row, words: PeriodWords) -> list[str]:
    """The period words of a row's short cells, in order (a merged cell counted once)."""
    found: list[str] = []
    for c in row.filled:
        if len(c.text) > 24:
            continue
        p = period_of(c.text, words)
        if p and (not found or found[-1] != p):
            found.append(p)
    return found


def _name_periods(
    groups: list[Group], cells: list[Cell], above: list[Row], periods: list[str], words: PeriodWords
) -> None:
    if len(groups) >= 2:
        nearest = above[0] if above else None
        aligned = nearest is not None and len(nearest.cells) == len(cells)
        above_periods = next((p for p in (periods_in(r, words) for r in above) if len(p) >= len(groups)), [])
        trail = [p for i, p in enumerate(periods) if i == 0 or periods[i - 1] != p]
        if not above_periods and len(set(trail[-len(groups) :])) == len(groups):
            above_periods = trail[-len(groups) :]
        for i, group in enumerate(groups):
            own = [period_of(cells[col].text, words) for col, _ in group.data if col < len(cells)]
            named = next((p for p in own if p), None)
            first = min([col for col, _ in group.data] + [c for c in (group.level1, group.level2) if c is not None])
            if named is None and aligned and nearest is not None:
                named = period_of(nearest.cells[first].text, words)
            if named is None and i < len(above_periods) and len(above_periods) >= len(groups):
                named = above_periods[i]
            group.period = named or (PERIOD_IMPLEMENTATION if i < len(groups) - 1 else PERIOD_ANNUAL)
        return
    if not groups:
        return
    group = groups[0]
    values = [col for col, role in group.data if role == "value"]
    if len(values) >= 2:
        for n, col in enumerate(values):
            period = period_of(cells[col].text, words) if col < len(cells) else None
            group.value_periods[col] = period or (PERIOD_IMPLEMENTATION if n < len(values) - 1 else PERIOD_ANNUAL)


def merge_subheader(
    header: Header, sub_cells: list[Cell], sub_roles: list[str | None], ruled: bool, words: PeriodWords
) -> Header:
    """A second header row under the first (指标值 split into 计算符号 | 目标值 | 度量单位)."""
    roles = list(header.roles)
    if ruled and len(sub_roles) == len(roles):
        roles = [s or r for r, s in zip(roles, sub_roles, strict=True)]
    else:
        split = _split_columns(roles, [r for r in sub_roles if r])
        if split is None:
            return header
        roles = split
    return rebuilt_header(header, [], roles, words)


def rebuilt_header(header: Header, cells: list[Cell], roles: list[str | None], words: PeriodWords) -> Header:
    """`header` read again with `roles` (its columns split or added), over blank cells where `cells` (the columns
    after `header`'s own) do not reach; the periods are kept from `header`'s groups, not read again."""
    blank = [Cell("", header.line, i + 1) for i in range(len(roles) - len(cells))]
    merged = build_header([*blank, *cells], roles, words, None, None, header.streamed)
    for new, old in zip(merged.groups, header.groups, strict=False):
        new.period = old.period
    return merged


_TARGET_PARTS = ("comparator", "value", "unit")


def _split_columns(roles: list[str | None], sub: list[str]) -> list[str | None] | None:
    """The header's roles with the merged columns a second header row splits: 指标值 into 计算符号 |
    指标值 | 度量单位 (符号, 单位), and a column into the parts named after it (自评得分 into 单项指标得分 |
    权重占比 | 折算得分).  None when the second row splits no column of the first."""
    out = list(roles)
    parts = [r for r in sub if r in _TARGET_PARTS]
    rest = [r for r in sub if r not in _TARGET_PARTS]
    changed = False
    if parts and "value" in out:
        at = out.index("value")
        out[at : at + 1] = [*(r for r in parts if r == "comparator"), "value", *(r for r in parts if r == "unit")]
        changed = True
    if rest and rest[0] in out:
        at = len(out) - 1 - out[::-1].index(rest[0])  # the last such column: 自评得分 comes after 分值
        out[at : at + 1] = rest
        changed = True
    return out if changed else None


def _second_row_at(cells: list[Cell], row_ends: frozenset[int] | None = None) -> int | None:
    """Where a header gathered one cell per line goes on after one empty line: two rows of cells on
    consecutive lines, set apart by it.  None when there is no such gap, or more than one (cells each
    set apart by a line of their own are one row).  `row_ends`: in a text whose blank lines end rows, the
    lines of the cells a blank line followed; a gap is there alone (a line skipped between two cells, such
    as a page number printed inside the header, sets no row apart)."""
    if row_ends is None:
        gaps = [i for i in range(1, len(cells)) if cells[i].line - cells[i - 1].line >= 2]
    else:
        gaps = [i for i in range(1, len(cells)) if cells[i - 1].line in row_ends and cells[i].line > cells[i - 1].line]
    return gaps[0] if len(gaps) == 1 else None


def fill_wrapped_tier(
    cells: list[Cell], roles: list[str | None], row_ends: frozenset[int] | None = None
) -> tuple[list[Cell], list[str | None]]:
    """A two-row header gathered one cell per line (rows set apart by an empty line) whose second row
    completes headings the first row wrapped ("绩效" | "实际" over "目标值" | "完成值"): the second row's
    cells, each naming a column the first row has not, fill the first row's unnamed cells after its
    一级/二级/三级 ones, in order, one each; the second row is then no column of its own.  (form_cells'
    _join_wrapped_columns joins by the words the joined texts spell; here each tail is a heading itself.)
    `row_ends`: see _second_row_at."""
    at = _second_row_at(cells, row_ends)
    if at is None:
        return cells, roles
    head, tail = roles[:at], roles[at:]
    first = next((i for i, r in enumerate(head) if r in _LEVEL_ROLES), None)
    if first is None or not all(tail) or any(r in head for r in tail):
        return cells, roles
    unnamed = [i for i in range(first, at) if head[i] is None and not cells[i].blank]
    if len(unnamed) != len(tail):
        return cells, roles
    out_cells, out_roles = list(cells[:at]), list(head)
    for i, cell, role in zip(unnamed, cells[at:], tail, strict=True):
        out_cells[i] = replace(out_cells[i], text=out_cells[i].text + cell.text)
        out_roles[i] = role
    return out_cells, out_roles


def second_tier_at(cells: list[Cell], roles: list[str | None], row_ends: frozenset[int] | None = None) -> int | None:
    """Where the second row of a two-row header gathered one cell per line begins (rows set apart by
    an empty line): the cells after the last gap name only the parts the top row's merged columns
    split into ("预期指标值 … 自评得分" ⏎⏎ "符号 | 单位 | 单项指标得分 | 权重占比 | 折算得分"), the
    cells before it a header of their own.  merge_subheader then lets them fill those spans.  None
    when there is no such second row.  `row_ends`: see _second_row_at."""
    at = _second_row_at(cells, row_ends)
    if at is None:
        return None
    if not is_header(roles[:at]) or not is_subheader(roles[at:]):
        return None
    return at if _split_columns(list(roles[:at]), [r for r in roles[at:] if r]) is not None else None


def extend_header(header: Header, cells: list[Cell], roles: list[str | None], words: PeriodWords) -> Header | None:
    """The header with the columns of its wrapped continuation added after its own; None when
    they would repeat a column it has (then the row is something else)."""
    if header.streamed or len(header.groups) != 1 or any(r in header.roles for r in roles if r != "note"):
        return None
    return rebuilt_header(header, cells, [*header.roles, *roles], words)


_SUBHEADER_ROLES = {"comparator", "unit", "value", "actual", "weight", "score", "adjusted_value"}


def is_subheader(roles: list[str | None]) -> bool:
    named = [r for r in roles if r]
    return (
        len(named) >= 2
        and all(r in _SUBHEADER_ROLES or r in ("level1", "level2", "level3") for r in named)
        and any(r in ("comparator", "unit") for r in named)
    )


_NUMBER = lazy_compile(r"^\s*[-+]?\d[\d,]*(?:\.\d+)?\s*%?\s*$")


def is_number(text: str) -> bool:
    return bool(_NUMBER.match(text))


# The signs a target opens with, as printed (═ stands for = in some fonts).
SIGNS = "≥≤=<>≧≦═"
# What a 指标性质 / 计算符号 column holds: a comparison, or the kind of target (not part of the value).
# "是/否" (Fujian's 指标方向 of a yes-no row) says the target is an answer, as 定性 does.
# The same marks stand in a 计量单位 column as the unit of a yes-no question (an evaluation form's "是/否").
YES_NO_MARKS = {"是/否", "是或否"}
DIRECTION_WORDS = {"定性", "定量", "正向", "反向", "定性指标", "定量指标", "正向指标", "反向指标", *YES_NO_MARKS}
COMPARATOR_WORDS = {
    "≥",
    "≤",
    "=",
    ">",
    "<",
    "≧",
    "≦",
    "═",
    ">=",
    "<=",
    "=>",
    "=<",
    "＝",
    "≠",
    "~",
    *WORDED_SIGNS,
    "约",
    *DIRECTION_WORDS,
}
_LONE_UNITS = {"%", "‰", "％"}


def _no_sign(text: str) -> bool:
    """A 计量单位 cell holds no comparison; a yes-no mark ("是/否") is the unit of a yes-no question."""
    return text not in COMPARATOR_WORDS or text in YES_NO_MARKS


# Columns a copied row may leave out, each with the cells it can hold; the others hold any text.
_TYPED = {
    "comparator": lambda s: s in COMPARATOR_WORDS,
    "unit": lambda s: len(s) <= 8 and not any(ch.isdigit() for ch in s) and _no_sign(s),
    "weight": lambda s: bool(_NUMBER.match(s)),
    "score": lambda s: bool(_NUMBER.match(s)),
    "ratio": lambda s: bool(_NUMBER.match(s.rstrip("%"))),
    "value": lambda s: s not in DIRECTION_WORDS and s not in _LONE_UNITS,  # "定性" says the target is worded
    "actual": lambda s: s not in _LONE_UNITS,  # a "%" alone is the 度量单位 of the target before it
}


def fits(role: str, text: str) -> bool:
    """Whether a cell can stand in a column of `role` (untyped columns take anything)."""
    check = _TYPED.get(role)
    return check is None or check(squash(text))


_LEVEL_ROLES = ("level1", "level2", "level3")


def labels_first(cells: list[Cell], roles: list[str | None]) -> tuple[list[Cell], list[str | None]]:
    """A header gathered from words scattered through a flattened table ("指标值 完成值" … "二级指标
    三级指标" … "分值 得分"): its 一级/二级/三级 columns go first, as every form prints them, the
    others keep the order they were met in."""
    order = sorted(range(len(roles)), key=lambda i: roles[i] not in _LEVEL_ROLES)
    return [cells[i] for i in order], [roles[i] for i in order]


def without_year_tier(cells: list[Cell], roles: list[str | None]) -> tuple[list[Cell], list[str | None]]:
    """A header gathered one cell per line whose last cells name the years its 指标值 spans, a second
    tier under it ("指标值" ⏎ … ⏎ "2021年实际实现值" ⏎ "预期2022年实现值"): those dated cells are left out
    when they name a target column the header has already named; a dated column of its own ("三级指标 |
    指标值 | 2023年实际完成值") is kept."""
    end = len(cells)
    while end > 0 and (roles[end - 1] is None or YEAR.search(cells[end - 1].text)):
        end -= 1
    tier = [r for c, r in zip(cells[end:], roles[end:], strict=True) if r and YEAR.search(c.text)]
    if not tier or not set(tier) & set(roles[:end]) or not is_header(roles[:end]):
        return cells, roles
    return cells[:end], roles[:end]


def stack_tiers(cells: list[Cell], roles: list[str | None]) -> tuple[list[Cell], list[str | None]]:
    """A two-row header read as one run of cells: the top row's columns come before the 一级/二级/三级
    columns of the bottom row ("年度指标值 实际完成值 分值 得分 | 一级 二级 三级 指标性质 指标值 度量单位").

    The columns are put in table order: the bottom row's level columns, then the top row's columns
    with its merged 指标值 replaced by the bottom row's 指标性质 | 指标值 | 度量单位.
    """
    first_level = next((i for i, r in enumerate(roles) if r in ("level1", "level2", "level3")), None)
    if not first_level or not any(r in ("value", "actual", "weight", "score") for r in roles[:first_level]):
        return cells, roles
    top = [(c, r) for c, r in zip(cells[:first_level], roles[:first_level], strict=True) if r]
    bottom = list(zip(cells[first_level:], roles[first_level:], strict=True))
    levels = [(c, r) for c, r in bottom if r in ("level1", "level2", "level3")]
    parts = [(c, r) for c, r in bottom if r not in ("level1", "level2", "level3") and r]
    if not parts:
        return cells, roles
    at = next((i for i, (_, r) in enumerate(top) if r in {p for _, p in parts}), None)
    if at is None:
        merged = [*levels, *top]
    else:
        # A heading merged down over both rows ("分值" beside 指标值) stands among the parts already.
        placed = {c.anchor or id(c) for c, _ in parts}
        after = [(c, r) for c, r in top[at + 1 :] if (c.anchor or id(c)) not in placed]
        merged = [*levels, *top[:at], *parts, *after]
    return [c for c, _ in merged], [r for _, r in merged]


def place_names(text: str, place_ends: tuple[str, ...]) -> list[tuple[int, str]] | None:
    """(offset, name) of each place a heading names ("笏石街道办埭头镇" → 笏石街道办 | 埭头镇), cut after
    each place ending (`place_ends`, longest first) that leaves two characters or more on each side;
    None unless the whole heading is such names."""
    s = text.strip()
    if not place_ends or not s or len(s) > 40 or not all("\u4e00" <= ch <= "\u9fff" for ch in s):
        return None
    names: list[tuple[int, str]] = []
    start = at = 0
    while at < len(s):
        end = next((at + len(w) for w in place_ends if s.startswith(w, at)), None)
        if end is None:
            at += 1
            continue
        if end - start >= 2 and (end == len(s) or len(s) - end >= 2):
            names.append((start, s[start:end]))
            start = end
        at = end
    return names if names and start == len(s) else None


# The columns that hold a row's targets; a header with one of them has no place columns to read as targets.
TARGET_ROLES = ("value", "actual", "adjusted_value")


def with_place_columns(
    cells: list[Cell], roles: list[str | None], place_ends: tuple[str, ...]
) -> tuple[list[Cell], list[str | None]]:
    """A header with a 指标方向 (comparator) column and no 指标值, followed by headings that name places
    ("指标方向 | 笏石街道办 | 埭头镇", a county's table with one target column per township): those
    columns are the targets.  The first place's is the row's 指标值 (joined to the direction as any
    comparator is: "≤" + "100%"); the others are `place_value`, read so that a glued row is cut into
    them, and not reported.  A heading holding several places glued is cut into one column per place."""
    if "comparator" not in roles or any(r in TARGET_ROLES for r in roles):
        return cells, roles
    at = len(roles) - 1 - roles[::-1].index("comparator") + 1
    end = at
    while end < len(cells) and roles[end] is None and not cells[end].blank:
        end += 1
    if end == at:
        return cells, roles
    placed: list[Cell] = []
    for cell in cells[at:end]:
        names = place_names(cell.text, place_ends)
        if names is None:
            return cells, roles
        lead = len(cell.text) - len(cell.text.lstrip())
        placed += [replace(cell, text=name, column=cell.column + lead + k) for k, name in names]
    place_roles: list[str | None] = ["value", *["place_value"] * (len(placed) - 1)]
    return [*cells[:at], *placed, *cells[end:]], [*roles[:at], *place_roles, *roles[end:]]
