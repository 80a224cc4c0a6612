"""A second set of office templates, laid out the way departments lay out their forms and the first set
(tests/wild/office_forms.py) does not: written to measure the readers on layouts they were not written
against (bench/office_eval.py --set unseen).

The rows are still a wild document's hand labels (corpus/wild/expected/<stem>.csv).  What changes is
the form around them, each habit taken from the wild templates of /work/shared/docs/domain.md:

- `info6`       a 项目基本信息 block of label / value pairs in six columns above the indicators, whose
                columns are 一级 / 二级 / 三级 / 指标值 / 权重（分） / 指标值说明 / 评（扣）分标准;
                Noto Sans CJK (a WPS-like face); in Excel the bare percentages stored as numbers in a
                % format (0.95 in "0%");
- `value_first` 指标值 printed before 三级指标, then 指标值确定依据; Noto Serif CJK;
- `three_tier`  a three-tier header (年度绩效指标 / 绩效指标 · 指标值 / 一级 … 指标性质 · 目标值 ·
                度量单位) with 分值, the target split in three cells; a landscape page;
- `long_repeat` a 序号 column, long 指标解释 and 评分标准 cells and tall rows, so the table runs over
                pages, its header repeated on each (Word's "repeat as header row", Excel's print titles);
- `long_plain`  the same over pages with no header repeated, and no 序号;
- `multi_block` two projects (this document and the next labelled one) on one sheet separated by blank
                rows, each table followed by a notes row and a 填报人 line; in Excel a hidden 指标编码
                column (internal codes);
- `multi_sheet` a self-evaluation with 分值 before the targets (分值 / 年初指标值 / 实际完成值 / 得分), two
                projects on two sheets in Excel; in Word the form sits inside a borderless layout table
                (the indicator table nested in its cell).

`write_docx` / `write_xlsx` are the first set's writers plus these habits (fonts, repeated headers,
a nested table, hidden columns, % numbers), so the files stay byte-identical from run to run.
"""

from __future__ import annotations

import random
import re
from copy import copy
from dataclasses import dataclass, field, replace
from pathlib import Path

from docx import Document as open_docx
from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.table import Table as DocxTable
from openpyxl import load_workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from tests.wild.office_forms import WILD, Labelled, _levels, _span, labelled_rows, project_name, split_target
from tests.wild.office_forms import soffice as soffice
from tests.wild.office_forms import write_csv as write_csv

from build_fixtures import LEFT, UP, Block, Expected, Form, Table, normalise_zip  # isort: skip
from build_fixtures import write_docx as _write_docx  # isort: skip
from build_fixtures import write_xlsx as _write_xlsx  # isort: skip

__all__ = ["SHAPES", "Form", "build_form", "shape_of", "soffice", "write_csv", "write_docx", "write_xlsx"]

SHAPES = ("info6", "value_first", "three_tier", "long_repeat", "long_plain", "multi_block", "multi_sheet")

_PERCENT = re.compile(r"^(\d+(?:\.(\d+))?)%$")


@dataclass
class Form2(Form):
    """A form with the habits of this set (what the first set's writers do not do)."""

    font: str = "宋体"
    repeat_header: bool = False  # the indicator table's header rows printed again on each page
    nested: bool = False  # Word: the form's tables inside a borderless one-cell layout table
    hidden: dict[int, int] = field(default_factory=dict)  # Excel: table index → a column hidden there
    percent_numbers: bool = False  # Excel: "95%" stored as 0.95 in a % format
    min_row_cm: float = 0.0  # Word: the least height of a body row


def _explain(level3: str) -> str:
    return f"反映{level3}的情况。"


_STANDARD = "全部完成得满分；完成90%（含）以上得80%分值；完成80%（含）至90%得60%分值；80%以下不得分。"


def _info6(name: str) -> list[list[str]]:
    """A 项目基本信息 block of label / value pairs over seven columns (the name's value spans two)."""
    return [
        ["项目名称", *_span(name, 2), "项目编码", "2023-0417", "项目类型", "经常性项目"],
        ["主管部门", *_span("某县人民政府办公室", 2), "实施单位", "某县事务中心", "项目负责人", "张某"],
        ["项目期", *_span("1年", 2), "资金总额（万元）", "50.00", "其中：财政拨款", "50.00"],
        ["年度总体目标", *_span(f"按计划完成{name}各项工作。", 6)],
    ]


def _facts_pairs(name: str, width: int) -> list[list[str]]:
    """Two label / value pairs a row over `width` columns (the sheet gives every table one set of widths,
    so the block spans the indicator table's columns)."""
    half = width // 2
    pairs = [
        ("项目名称", name, "项目编码", "2023-0417"),
        ("主管部门", "某县人民政府办公室", "实施单位", "某县事务中心"),
        ("年度资金总额（万元）", "50.00", "其中：财政拨款（万元）", "50.00"),
    ]
    return [[a, *_span(b, half - 1), c, *_span(d, width - half - 1)] for a, b, c, d in pairs]


def partner(stem: str) -> str:
    """The labelled document after `stem` (by name, wrapping): the second project of a two-project form."""
    stems = sorted(p.stem for p in (WILD / "expected").glob("*.csv"))
    return stems[(stems.index(stem) + 1) % len(stems)]


def _expected(rows: list[Labelled]) -> list[Expected]:
    return [Expected("", r.level1, r.level2, r.level3, r.value) for r in rows]


def _weights(n: int) -> list[str]:
    each = round(90 / n, 1) if n else 0
    return [f"{each:g}"] * n


def _long_table(rows: list[Labelled], numbered: bool) -> Table:
    """序号? | 一级 | 二级 | 三级 | 指标解释 | 指标值 | 评分标准, the text columns narrow enough to wrap."""
    lead = ["序号"] if numbered else []
    header = [[*lead, "一级指标", "二级指标", "三级指标", "指标解释", "指标值", "评分标准"]]
    body = [
        [*([str(k)] if numbered else []), *lv, r.level3, _explain(r.level3), r.value, _STANDARD]
        for k, (lv, r) in enumerate(zip(_levels(rows), rows, strict=True), start=1)
    ]
    widths = [*([1.0] if numbered else []), 1.8, 2.2, 3.6, 3.4, 2.4, 3.6]
    return Table([*header, *body], widths, frozenset({0}))


def _coded(table: Table, after: int, name: str) -> Table:
    """`table` with a column of internal codes after column `after` (header rows get its heading)."""
    rows = []
    count = 0
    for k, row in enumerate(table.rows):
        if k in table.header_rows:
            cell = name
        elif k < min(table.header_rows):
            cell = LEFT  # a facts row: the cell before it spans the hidden column too
        else:
            count += 1
            cell = f"ZB{count:04d}"
        rows.append([*row[: after + 1], cell, *row[after + 1 :]])
    widths = [*table.widths[: after + 1], 2.0, *table.widths[after + 1 :]]
    return Table(rows, widths, table.header_rows)


def _multi_block(stem: str, rows: list[Labelled], name: str, sheet: str) -> Block:
    header = [["一级指标", "二级指标", "三级指标", "指标值", "指标值确定依据"]]
    body = [[*lv, r.level3, r.value, "计划标准"] for lv, r in zip(_levels(rows), rows, strict=True)]
    facts = [["项目名称", *_span(name, 4)], ["主管部门", "某县人民政府办公室", "实施单位", *_span("某县事务中心", 2)]]
    widths = [2.4, 2.8, 5.6, 3.2, 3.0]
    return Block(
        sheet=sheet,
        title=[f"{name}项目支出绩效目标表"],
        tables=[Table([*facts, *header, *body], widths, frozenset({2}))],
        notes=[
            "注：1.指标值确定依据填写计划标准、行业标准、历史标准等；2.定性指标按“好、较好、一般”填写。",
            "填报人：李某    联系电话：0000-0000000    填报日期：2023年1月10日",
        ],
    )


def _selfeval_block(rows: list[Labelled], name: str, sheet: str) -> Block:
    header = [
        ["一级指标", "二级指标", "三级指标", "分值", *_span("指标值", 2), "得分", "偏差原因分析及改进措施"],
        [UP, UP, UP, UP, "年初指标值", "实际完成值", UP, UP],
    ]
    body = [
        [*lv, r.level3, w, r.value, r.value, w, ""]
        for lv, r, w in zip(_levels(rows), rows, _weights(len(rows)), strict=True)
    ]
    facts = [
        ["项目名称", *_span(name, 7)],
        ["主管部门", *_span("某县人民政府办公室", 3), "实施单位", *_span("某县事务中心", 3)],
    ]
    widths = [2.0, 2.4, 4.6, 1.4, 2.8, 2.8, 1.4, 3.4]
    table = Table([*facts, *header, *body, [*_span("总分", 3), "100", LEFT, LEFT, "100", ""]], widths)
    table = replace(table, header_rows=frozenset({2, 3}))
    return Block(sheet=sheet, title=[f"{name}项目支出绩效自评表", "（2023年度）"], tables=[table])


def build_form(stem: str, shape: str) -> Form2:
    """The rows of `stem` typed into the template `shape` (one of SHAPES)."""
    rows = labelled_rows(stem)
    name = project_name(stem)
    levels = _levels(rows)
    expected = _expected(rows)
    if shape == "info6":
        header = [
            [*_span("年度绩效指标", 7)],
            ["一级指标", "二级指标", "三级指标", "指标值", "权重（分）", "指标值说明", "评（扣）分标准"],
        ]
        body = [
            [*lv, r.level3, r.value, w, _explain(r.level3), "完成得满分，未完成按比例扣分"]
            for lv, r, w in zip(levels, rows, _weights(len(rows)), strict=True)
        ]
        table = Table([*_info6(name), *header, *body], [2.0, 2.4, 4.2, 2.6, 2.2, 3.2, 3.4], frozenset({4, 5}))
        block = Block(sheet="项目绩效目标", title=[f"{name}绩效目标申报表"], tables=[table])
        return Form2(stem, [block], expected, landscape=False, font="Noto Sans CJK SC", percent_numbers=True)
    if shape == "value_first":
        header = [["一级指标", "二级指标", "指标值", "三级指标", "指标值确定依据"]]
        body = [[*lv, r.value, r.level3, "历史标准"] for lv, r in zip(levels, rows, strict=True)]
        facts = [["项目名称", *_span(name, 4)], ["实施单位", *_span("某县事务中心", 4)]]
        table = Table([*facts, *header, *body], [2.4, 2.8, 3.2, 5.6, 3.0], frozenset({2}))
        block = Block(sheet="Sheet1", title=["项目支出绩效目标表", f"项目名称：{name}"], tables=[table])
        return Form2(stem, [block], expected, landscape=False, font="Noto Serif CJK SC")
    if shape == "three_tier":
        header = [
            [*_span("年度绩效指标", 7)],
            [*_span("绩效指标", 3), *_span("指标值", 3), "分值"],
            ["一级指标", "二级指标", "三级指标", "指标性质", "目标值", "度量单位", UP],
        ]
        body = [
            [*lv, r.level3, *split_target(r.value), w]
            for lv, r, w in zip(levels, rows, _weights(len(rows)), strict=True)
        ]
        widths = [2.6, 3.0, 7.0, 2.0, 3.4, 2.2, 1.6]
        facts = Table([["项目名称", *_span(name, 6)], ["主管部门", *_span("某县人民政府办公室", 6)]], widths)
        tables = [facts, Table([*header, *body], widths, frozenset({0, 1, 2}))]
        block = Block(sheet="绩效目标", title=[f"{name}绩效目标表"], tables=tables, captions=["二、绩效指标"])
        return Form2(stem, [block], expected, landscape=True)
    if shape in ("long_repeat", "long_plain"):
        numbered = shape == "long_repeat"
        long = _long_table(rows, numbered)
        facts = Table(_facts_pairs(name, long.ncols), long.widths)
        block = Block(sheet="绩效目标表", title=[f"{name}项目绩效目标表"], tables=[facts, long], captions=[""])
        return Form2(stem, [block], expected, landscape=False, repeat_header=numbered, min_row_cm=1.6)
    if shape == "multi_block":
        other = partner(stem)
        blocks = [
            _multi_block(stem, rows, name, "项目"),
            _multi_block(other, labelled_rows(other), project_name(other), "项目"),
        ]
        expected += _expected(labelled_rows(other))
        return Form2(stem, blocks, expected, landscape=False, hidden={0: 2})
    if shape == "multi_sheet":
        other = partner(stem)
        blocks = [
            _selfeval_block(rows, name, "项目1"),
            _selfeval_block(labelled_rows(other), project_name(other), "项目2"),
        ]
        expected += _expected(labelled_rows(other))
        return Form2(stem, blocks, expected, landscape=True, sheets_per_block=True, nested=True)
    raise ValueError(f"unknown shape {shape!r}")


def shape_of(stem: str, seed: int, stems: list[str]) -> str:
    """The template of `stem`: the sample shuffled by the run's seed, then dealt round the templates, so
    every template gets its share of documents."""
    order = sorted(stems)
    random.Random(f"{seed}:unseen").shuffle(order)
    return SHAPES[order.index(stem) % len(SHAPES)]


# --------------------------------------------------------------------------------------------
# Writers: the first set's, then the habits of this one
# --------------------------------------------------------------------------------------------


def write_docx(form: Form, path: Path) -> None:
    assert isinstance(form, Form2)
    _write_docx(form, path)
    doc = open_docx(str(path))
    rpr = doc.styles["Normal"].element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia"):
        fonts.set(qn(attr), form.font)
    for table in doc.tables:
        for row in table.rows:
            tr_pr = row._tr.get_or_add_trPr()
            if form.min_row_cm:
                height = OxmlElement("w:trHeight")
                height.set(qn("w:val"), str(round(form.min_row_cm * 567)))
                height.set(qn("w:hRule"), "atLeast")
                tr_pr.append(height)
    if form.repeat_header:
        for block_tables in _indicator_tables(doc, form):
            for r in block_tables[1]:
                tr_pr = block_tables[0].rows[r]._tr.get_or_add_trPr()
                tr_pr.append(OxmlElement("w:tblHeader"))
    if form.nested:
        _nest(doc, form)
    doc.save(str(path))
    normalise_zip(path)


def _indicator_tables(doc: DocxDocument, form: Form2) -> list[tuple[DocxTable, frozenset[int]]]:
    """Each Word table with its header rows, in the order the form's blocks print them."""
    specs = [t for block in form.blocks for t in block.tables]
    return list(zip(doc.tables, [t.header_rows for t in specs], strict=True))


def _nest(doc: DocxDocument, form: Form2) -> None:
    """Each block's tables (and the captions between them) moved into the one cell of a borderless
    layout table put where the block's first table was."""
    tables = iter(list(doc.tables))
    for block in form.blocks:
        own = [next(tables) for _ in block.tables]
        layout = doc.add_table(rows=1, cols=1)
        cell = layout.cell(0, 0)._tc
        own[0]._tbl.addprevious(layout._tbl)
        for p in cell.findall(qn("w:p")):
            cell.remove(p)
        for k, table in enumerate(own):
            previous = table._tbl.getprevious()
            if k and previous is not None and previous.tag == qn("w:p"):
                cell.append(previous)  # the caption between two tables
            cell.append(table._tbl)
        cell.append(OxmlElement("w:p"))  # a cell ends with a paragraph


def _with_codes(tables: list[Table], hidden: dict[int, int]) -> list[Table]:
    return [_coded(t, hidden[k], "指标编码") if k in hidden else t for k, t in enumerate(tables)]


def write_xlsx(form: Form, path: Path) -> None:
    assert isinstance(form, Form2)
    typed = copy(form)
    if form.hidden:  # the coded column is typed in Excel only, where it is then hidden
        typed.blocks = [replace(b, tables=_with_codes(b.tables, form.hidden)) for b in form.blocks]
    _write_xlsx(typed, path)
    book = load_workbook(path)
    for ws in book.worksheets:
        if form.hidden:
            for col in set(form.hidden.values()):
                ws.column_dimensions[get_column_letter(col + 2)].hidden = True
        for row in ws.iter_rows():
            for cell in row:
                if form.font != "宋体" and cell.value is not None:
                    cell.font = Font(name=form.font, size=cell.font.size, bold=cell.font.bold)
                m = _PERCENT.match(cell.value) if form.percent_numbers and isinstance(cell.value, str) else None
                if m:
                    cell.value = float(m.group(1)) / 100
                    cell.number_format = "0." + "0" * len(m.group(2)) + "%" if m.group(2) else "0%"
        if form.repeat_header:
            top = _first_row(ws, "一级指标")
            if top:
                ws.print_title_rows = f"{top}:{top}"
    book.save(path)
    normalise_zip(path)


def _first_row(ws: object, text: str) -> int | None:
    for row in ws.iter_rows():  # type: ignore[attr-defined]
        for cell in row:
            if cell.value == text:
                return int(cell.row)
    return None
