"""Indicator blocks flattened into one line by a web page reposting a PDF or a spreadsheet (wild set).

The figures of several rows come as one run apart from the names, a wrapped name is cut by the run,
header words are scattered: the block is read by order only when tuples, names and 二级 labels agree
in count (kpi_lint.parse.flat_table), and read as nothing when they do not.
"""

from __future__ import annotations

import importlib.util
import sys
from dataclasses import replace
from pathlib import Path
from types import ModuleType

from kpi_lint.lexicon import load_lexicon
from kpi_lint.parse import parse
from kpi_lint.parse.flat_table import flat_blocks
from kpi_lint.read.blocks import read_blocks
from kpi_lint.read.source import SourceText

WILD = Path(__file__).resolve().parent.parent.parent / "corpus" / "wild"
F06 = WILD / "f06_shanghai_sports_selfeval.txt"
P02 = WILD / "p02_shanxi_medinsurance_selfeval.txt"


def _printed_at(path: Path, line: int, column: int, text: str) -> bool:
    lines = path.read_text(encoding="utf-8").splitlines()
    return lines[line - 1][column - 1 :].startswith(text)


def test_a_run_of_row_figures_is_paired_with_the_names_by_order() -> None:
    """f06 (上海 普陀, a PDF reposted as one line): "=100% 100% 10 10 =100% 100% 20 20 及时 及时 20 20 …"
    comes between the first name's two parts ("与委托运营方结算完成 … 率"); five tuples, five names,
    five 二级 labels."""
    doc = parse(F06)
    rows = [(i.level1, i.level2, i.level3, i.value, i.actual, i.weight, i.score) for i in doc.indicators]
    assert rows == [
        ("产出指标", "数量指标", "与委托运营方结算完成率", "=100%", "100%", 10, 10),
        ("产出指标", "质量指标", "合同结算条款完成率", "=100%", "100%", 20, 20),
        ("产出指标", "时效指标", "费用结算及时性", "及时", "及时", 20, 20),
        ("效益指标", "社会效益指标", "与委托运营方合同完成率", "=100%", "100%", 30, 30),
        ("满意度指标", "服务对象满意度指标", "场馆开放满意度", ">=90%", "100%", 10, 10),
    ]
    first = doc.indicators[0]
    assert (first.line, first.column) == (2, 298)  # where the name's first part is printed
    assert _printed_at(F06, 2, 298, "与委托运营方结算完成")
    assert (first.spans["value"].line, first.spans["value"].column) == (2, 329)
    assert _printed_at(F06, 2, 329, "=100% 100% 10 10")
    last = doc.indicators[-1]
    assert (last.spans["value"].column, last.column) == (392, 503)
    assert _printed_at(F06, 2, 392, ">=90%") and _printed_at(F06, 2, 503, "场馆开放满意度")


def test_numbered_names_leave_other_text_out() -> None:
    """p02 (山西 稷山, an xlsx reposted as one line): the names are numbered ("指标1:…"), the first row's
    figures are cut by the header words ("8755 分值 得分 偏差原因分析及改进措 施 8676 15 13") and its
    deviation text follows; three rows' figures come as one run before their names."""
    doc = parse(P02)
    rows = [(i.level2, i.level3, i.value, i.actual, i.weight, i.score) for i in doc.indicators]
    assert rows == [
        ("数量指标", "指标1:全县参合人数", "8755", "8676", 15, 13),
        ("质量指标", "指标1:资金是否全部纳入医保统筹", "100%", "100%", 15, 15),
        ("时效指标", "指标1:资金是否全部及时纳入", "100%", "100%", 10, 10),
        ("成本指标", "指标1:配套资金每人每年", "75元", "75元", 10, 10),
        ("社会效益指标", "指标1:是否解决建档立卡人员看病难贵问题", "95%", "95%", 30, 27),
        ("服务对象满意度指标", "指标1:是否满意", "95%", "95%", 10, 9),
    ]
    assert [p.name for p in doc.projects] == ["建档立卡个人缴费县级配套资金"]
    costs = doc.indicators[3]
    assert (costs.line, costs.column, costs.spans["value"].column) == (2, 508, 455)
    assert _printed_at(P02, 2, 508, "指标1:配套资金每人每年") and _printed_at(P02, 2, 455, "75元 75元 10 10")


def test_a_block_whose_counts_disagree_is_read_as_nothing() -> None:
    """f06 with one 二级 label taken out of its block: five tuples and five names but four labels, so
    no row can be given its 二级 by order; the block is marked unread, not paired wrongly."""
    lexicon = load_lexicon()
    src = read_blocks(F06).source
    assert src is not None
    cut = [line.replace(" 时效指标 ", " ", 1) for line in src.norm]
    blocks = flat_blocks(replace(src, lines=cut, norm=cut), lexicon, "")
    assert [(b.line, b.indicators) for b in blocks] == [(2, None)]
    whole = flat_blocks(src, lexicon, "")
    assert [len(b.indicators or []) for b in whole] == [5]


def test_rows_printed_in_order_are_no_flattened_block() -> None:
    """k04 (山西 稷山, an xlsx flattened onto one line): each row's figures follow its name, and the labels
    stand before their rows: no flattened block, the table reader's rows stay."""
    src = read_blocks(WILD / "k04_shanxi_health_selfeval.txt").source
    assert isinstance(src, SourceText)
    assert flat_blocks(src, load_lexicon(), "") == []


def test_a_scattered_header_after_rows_in_order_reads_nothing() -> None:
    """n08: the rows are in order, but "二级指标 数量指标 … 时效指标" is printed after them (and
    "社会效益 指标" between them): no row can be told its 二级, so none is read (the table reader gave 15
    rows, none right); the project is garbled, and a note says where."""
    doc = parse(WILD / "n08_unknown_commerce_selfeval_pdf.txt")
    assert [(len(p.indicators), p.garbled) for p in doc.projects] == [(0, True)]
    (note,) = [n for n in doc.notes if "表格被压成一行" in n.message]
    assert (note.line, note.column) == (2, 273)
    assert _printed_at(WILD / "n08_unknown_commerce_selfeval_pdf.txt", 2, 273, "三级指标 年初目标值")


def test_the_run_of_figures_may_come_after_the_names() -> None:
    """f06 with its run of figures moved behind the last name, as another PDF's text order prints it:
    the same five rows, by the same order."""
    src = read_blocks(F06).source
    assert src is not None
    run = "=100% 100% 10 10 =100% 100% 20 20 及时 及时 20 20 =100% 100% 30 30 >=90% 100% 10 10 100 98.62 "
    assert run in src.norm[1]
    moved = [src.norm[0], src.norm[1].replace(run, "").replace(" 总分 -1-", f" {run}总分 -1-")]
    (block,) = flat_blocks(replace(src, lines=moved, norm=moved), load_lexicon(), "")
    assert [(i.level2, i.level3, i.value, i.score) for i in block.indicators or []] == [
        ("数量指标", "与委托运营方结算完成率", "=100%", 10),
        ("质量指标", "合同结算条款完成率", "=100%", 20),
        ("时效指标", "费用结算及时性", "及时", 20),
        ("社会效益指标", "与委托运营方合同完成率", "=100%", 30),
        ("服务对象满意度指标", "场馆开放满意度", ">=90%", 10),
    ]


def test_a_name_printed_before_its_label_and_a_funds_label_is_no_value() -> None:
    """f06: the PDF's wrapped cells come before their one-line labels ("普陀体育中心与委托运营方结 算费用
    项目名称 主管部门 …", "上海市普陀区体育 事业管理中心 实施单位 其中:当年财政拨款 …"): the name and the
    implementer are the pieces before the label, and the funds row label after 实施单位 is no value."""
    project = parse(F06).projects[0]
    assert (project.name, project.line, project.column) == ("普陀体育中心与委托运营方结算费用", 2, 23)
    assert _printed_at(F06, 2, 23, "普陀体育中心与委托运营方结 算费用 项目名称")
    assert project.implementer is not None
    assert (project.implementer.text, project.implementer.column) == ("上海市普陀区体育事业管理中心", 198)
    assert _printed_at(F06, 2, 198, "上海市普陀区体育 事业管理中心 实施单位")
    assert project.department is not None and project.department.text == "上海市普陀区体育局"
    assert {i.project for i in project.indicators} == {"普陀体育中心与委托运营方结算费用"}


def test_the_same_in_another_flattened_form(tmp_path: Path) -> None:
    """The same habit with other words; a name printed after its label stays the name, and a date before
    the label (填报日期) is no name."""
    line = F06.read_text(encoding="utf-8").splitlines()[1]
    before = line.replace("普陀体育中心与委托运营方结 算费用", "社区健身步道维护 管理经费", 1)
    before = before.replace("上海市普陀区体育 事业管理中心", "某区文化 活动中心", 1)
    path = tmp_path / "before.txt"
    path.write_text(f"自评表\n{before}\n", encoding="utf-8")
    project = parse(path).projects[0]
    assert project.name == "社区健身步道维护管理经费"
    assert project.implementer is not None and project.implementer.text == "某区文化活动中心"
    printed_after = "填报日期:2023 年 1 月 5 日 项目名称 游泳馆运营补贴"
    after = line.replace("普陀体育中心与委托运营方结 算费用 项目名称", printed_after, 1)
    path = tmp_path / "after.txt"
    path.write_text(f"自评表\n{after}\n", encoding="utf-8")
    assert parse(path).projects[0].name == "游泳馆运营补贴"
    dated = line.replace("普陀体育中心与委托运营方结 算费用", "填报日期:2023 年 1 月 5 日", 1)
    path = tmp_path / "dated.txt"
    path.write_text(f"自评表\n{dated}\n", encoding="utf-8")
    assert parse(path).projects[0].name == "上海市普陀区体育事业管理中心"  # the implementer, not the date


def test_a_long_worded_target_in_the_run_is_the_rows_target(tmp_path: Path) -> None:
    """f06 with its third row's target written out ("及时" → "严格执行相关财经法规制度"): a word too long to be
    taken alone as a target, but standing in a slot of one tuple right after a row of the run (its 分值
    and 得分 figures), so it is that row's target; the block reads its five rows."""
    variant = tmp_path / "f06_variant.txt"
    text = F06.read_text(encoding="utf-8")
    assert text.count("及时 及时 20 20") == 1
    variant.write_text(text.replace("及时 及时 20 20", "严格执行相关财经法规制度 及时 20 20"), encoding="utf-8")
    rows = [(i.level3, i.value, i.actual, i.weight, i.score) for i in parse(variant).indicators]
    assert len(rows) == 5
    assert rows[2] == ("费用结算及时性", "严格执行相关财经法规制度", "及时", 20, 20)


def _make_corpus() -> ModuleType:
    path = Path(__file__).resolve().parents[2] / "bench" / "make_corpus.py"
    spec = importlib.util.spec_from_file_location("make_corpus", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_corpus", module)  # its dataclasses look their module up
    spec.loader.exec_module(sys.modules["make_corpus"])
    return sys.modules["make_corpus"]


def test_generated_variants_of_the_flattened_forms_read_their_rows(tmp_path: Path) -> None:
    """bench/make_corpus.py varies f06 and p02 (seed 0): new names (p02's after the form's numbering
    "指标1:", one opening with Latin letters), new values (f06's worded target drawn long); each variant
    reads as many rows as its template, with the names the generator printed."""
    make_corpus = _make_corpus()
    templates, pools = make_corpus.load_templates({"txt"}, paths=[F06, P02])
    pools.names += ["WIFI网络覆盖率", "档案数字化完成率"]
    pools.qualitative = ["严格执行相关财经法规制度"]
    originals = {path.name[:3]: {i.level3 for i in parse(path).indicators} for path in (F06, P02)}
    rows = {name: len(own) for name, own in originals.items()}
    for number in range(12):
        template = templates[number % 2]
        written = make_corpus.write_document(tmp_path, number, template, pools, seed=0)
        names = [i.level3 for i in parse(written).indicators]
        assert len(names) == rows[template.path.name[:3]], written.name
        try:
            text = written.read_text(encoding="utf-8")
        except UnicodeDecodeError:  # one text in eight is written in GB18030
            text = written.read_text(encoding="gb18030")
        own = originals[template.path.name[:3]]
        # a varied name is printed whole; a name printed wrapped ("与委托运营方结算完成 … 率") stays as it was
        assert all(name in text or name in own for name in names)
        assert not set(names) <= own  # names were varied
        if template.path.name.startswith("p02"):
            assert all((name or "").startswith("指标1:") for name in names)


def test_a_numbered_name_may_open_with_latin_letters(tmp_path: Path) -> None:
    """p02 (numbered names) with its first name "指标1:WIFI全覆盖率": still a numbered name, so the block keeps
    its six names (the 偏差原因 and 实施单位 text left out) and reads its six rows."""
    variant = tmp_path / "p02_variant.txt"
    text = P02.read_text(encoding="utf-8")
    variant.write_text(text.replace("指标1:全县参合人数", "指标1:WIFI全覆盖率"), encoding="utf-8")
    rows = [(i.level2, i.level3, i.value) for i in parse(variant).indicators]
    assert len(rows) == 6
    assert rows[0] == ("数量指标", "指标1:WIFI全覆盖率", "8755")


def _f06_line_with(changes: list[tuple[str, str]]) -> list[str]:
    src = read_blocks(F06).source
    assert src is not None
    line = src.norm[1]
    for old, new in changes:
        assert old in line, old
        line = line.replace(old, new, 1)
    return [src.norm[0], line]


def _flat_rows(lines: list[str], path: Path = F06) -> list[tuple[object, ...]]:
    src = read_blocks(path).source
    assert src is not None
    (block,) = flat_blocks(replace(src, lines=lines, norm=lines), load_lexicon(), "")
    return [(i.level2, i.level3, i.value, i.score, i.line, i.column) for i in block.indicators or []]


_WRAPPED = [
    ("与委托运营方结算完成 ", "与委托运营 方结算完成 "),
    ("合同结算条款完成率", "合同结算条 款完成率"),
    ("费用结算及时性", "费用结算及 时性"),
    ("与委托运营方合同完成 率", "与委托运营 方合同完成 率"),
]


def test_names_wrapped_in_a_narrow_column_are_joined_line_by_line() -> None:
    """f06 with every name wrapped at five characters, each line a token, as a PDF's narrow 三级指标 column
    prints them ("合同结算条 款完成率", "与委托运营 方合同完成 率"): a line as wide as the widest goes on, a
    shorter one ends its name; the five names, five tuples and five labels agree again, each name placed
    at its first line."""
    lines = _f06_line_with([*_WRAPPED, ("场馆开放满意度", "场馆开放满 意度")])
    rows = _flat_rows(lines)
    assert [r[:4] for r in rows] == [
        ("数量指标", "与委托运营方结算完成率", "=100%", 10),
        ("质量指标", "合同结算条款完成率", "=100%", 20),
        ("时效指标", "费用结算及时性", "及时", 20),
        ("社会效益指标", "与委托运营方合同完成率", "=100%", 30),
        ("服务对象满意度指标", "场馆开放满意度", ">=90%", 10),
    ]
    assert [r[4:] for r in rows] == [(2, 298), (2, 457), (2, 468), (2, 477), (2, 507)]
    assert lines[1][456:].startswith("合同结算条 款完成率") and lines[1][506:].startswith("场馆开放满 意度")


def test_a_bracket_left_open_carries_the_name_to_its_next_line() -> None:
    """A wrapped name whose bracket is closed on the next line ("场馆开放满 意度(按 季度)") is one name, though
    its second line is short of the column's width."""
    lines = _f06_line_with([*_WRAPPED, ("场馆开放满意度", "场馆开放满 意度(按 季度)")])
    assert [r[1] for r in _flat_rows(lines)][-1] == "场馆开放满意度(按季度)"


def test_a_table_of_first_level_labels_only_gives_its_rows_no_second_level() -> None:
    """f06 without its 二级 column (header word and labels taken out), as tables of 一级 labels only print
    ("投入目标 / 产出目标 / 结果目标"): five names, five tuples, and "满意度指标" read as the 一级 it is
    there: the rows are read with no 二级 rather than not at all."""
    lines = _f06_line_with(
        [(f" {w}", "") for w in ("二级指标", "数量指标", "质量指标", "时效指标", "社会效益指标", "服务对象满意度指标")]
    )
    assert [r[:4] for r in _flat_rows(lines)] == [
        (None, "与委托运营方结算完成率", "=100%", 10),
        (None, "合同结算条款完成率", "=100%", 20),
        (None, "费用结算及时性", "及时", 20),
        (None, "与委托运营方合同完成率", "=100%", 30),
        (None, "场馆开放满意度", ">=90%", 10),
    ]


def test_a_second_level_label_short_of_the_rows_still_reads_nothing() -> None:
    """The same without the 二级 header word but with one 二级 label left ("质量指标"): labels there are, not
    one per row: nothing is read."""
    lines = _f06_line_with(
        [(f" {w}", "") for w in ("二级指标", "数量指标", "时效指标", "社会效益指标", "服务对象满意度指标")]
    )
    assert _flat_rows(lines) == []


def test_a_figure_printed_apart_from_its_unit_is_one_cell() -> None:
    """p02 with its cost row's figures printed apart from their unit ("75 元 75 元 10 10", as a PDF's text
    spaces a figure from a Chinese unit), f06 with its first target and actual so ("=100 % 100 %"): one
    cell each, the rows read as before with the value as printed."""
    src = read_blocks(P02).source
    assert src is not None
    lines = [src.norm[0], src.norm[1].replace("75元 75元", "75 元 75 元", 1)]
    rows = _flat_rows(lines, P02)
    assert rows[3][:4] == ("成本指标", "指标1:配套资金每人每年", "75 元", 10)
    assert len(rows) == 6 and lines[1][454:].startswith("75 元 75 元 10 10")
    lines = _f06_line_with([("=100% 100% 10 10", "=100 % 100 % 10 10")])
    assert _flat_rows(lines)[0][:4] == ("数量指标", "与委托运营方结算完成率", "=100 %", 10)


def test_x02_column_ordered_text_is_still_reported_garbled() -> None:
    """x02 (苏州 财政 灾备中心 自评表, a PDF's text run column by column): page 1 interleaves names, targets
    and scores; page 2 prints its 16 tuples ("=2 个 3.71 2个 3.71", "2 小时 3.14 …" now one cell each) and
    then the names wrapped at four characters, among them the merged labels printed at their rows' middle
    ("核心系统 产出目标 数据纳入"); two names end exactly at the column's width and run into the next
    ("开展项目 建设监理 建设灾备 云网络节 点(2 个)", "灾备自主 灾备演练 设备有效 使用率"), so the lines do not
    tell where those names end. No reading agrees in count (nor may a label stand among a wrapped name's
    lines), so nothing is read and the table is reported garbled."""
    path = WILD / "x02_jiangsu_finance_disasterbackup_selfeval_columns.txt"
    doc = parse(path)
    assert doc.indicators == []
    assert [p.garbled for p in doc.projects] == [True]
    assert any("表格被压成一行" in n.message for n in doc.notes)


def _columns_copy(tmp_path: Path, stem: str, wrap: int) -> tuple[Path, Path]:
    from tests.wild.copies import run_by_columns

    (source,) = WILD.glob(f"{stem}_*.txt")
    written = run_by_columns(source.read_text(encoding="utf-8"), wrap=wrap)
    assert written is not None
    copy = tmp_path / source.name
    copy.write_text(written, encoding="utf-8")
    return source, copy


def test_a_scored_table_run_by_columns_reads_the_rows_of_the_table(tmp_path: Path) -> None:
    """k01 (安徽 霍邱 自评表) written as a PDF's text layer runs it (bench/copy_habits.py `columns`): header
    words, the eight rows' figures ("≥3 次 3 10 10 创业能力提升 达成预期指标 20 20 …", a figure spaced from
    its unit), then each 二级 label and its one row's name: the same eight rows as the table gives."""
    source, copy = _columns_copy(tmp_path, "k01", wrap=0)
    rows = [(i.level2, i.level3, i.value, i.actual, i.weight, i.score) for i in parse(copy).indicators]
    assert [(a, b, "".join((c or "").split()), d, e, f) for a, b, c, d, e, f in rows] == [
        (i.level2, i.level3, i.value, i.actual, i.weight, i.score) for i in parse(source).indicators
    ]
    assert rows[0][2] == "≥3 次"


def test_a_label_among_a_wrapped_names_lines_reads_nothing(tmp_path: Path) -> None:
    """p06 (云南 林草 自评表) run by columns with its names wrapped five characters wide: the last name's
    middle line is a label word ("项目建成后 可持续影响 年限"), so the labels and names counted by order
    would agree by chance and pair every row with the wrong 二级; a label among a wrapped name's lines
    (one of its lines, or a merged label printed at its rows' middle, as x02's 产出目标) makes the wrapped
    reading unusable: nothing is read and the table is reported garbled."""
    _, copy = _columns_copy(tmp_path, "p06", wrap=5)
    assert "项目建成后 可持续影响 年限" in copy.read_text(encoding="utf-8")
    doc = parse(copy)
    assert doc.indicators == []
    assert any("表格被压成一行" in n.message for n in doc.notes)


def test_a_heading_with_a_bracket_names_its_column_in_a_flattened_block(tmp_path: Path) -> None:
    """n02 (湖北 住建 自评表) run by columns: its header prints "年初目标值(A) 实际完成值(B) 得分"; the headings
    without their bracket name the target and the actual, so the rows' tuples have their three columns
    and the eight rows are read as the table gives them (before, only 得分 was known and the table reader
    read the line into twelve wrong rows)."""
    source, copy = _columns_copy(tmp_path, "n02", wrap=0)
    assert "年初目标值(A) 实际完成值(B) 得分" in copy.read_text(encoding="utf-8")
    got = [(i.level2, i.level3, "".join((i.value or "").split()), i.score) for i in parse(copy).indicators]
    assert got == [(i.level2, i.level3, "".join((i.value or "").split()), i.score) for i in parse(source).indicators]
    assert len(got) == 8


def test_labels_printed_once_over_their_rows_are_shared_out_by_the_targets_kinds(tmp_path: Path) -> None:
    """p06 (云南 林草 自评表) run by columns: seven rows, six 二级 labels — 数量指标, merged over the first two
    rows, is printed once. The targets' kinds single out one cut (two areas/lengths under 数量, a date under
    时效, a rate under 质量; labels_before.spread), no row holds another 产出 category's kind, and every 一级
    printed has a 二级 among the labels: the rows get the 二级 the table gives them."""
    source, copy = _columns_copy(tmp_path, "p06", wrap=0)
    got = [(i.level2, i.level3, "".join((i.value or "").split())) for i in parse(copy).indicators]
    assert got == [(i.level2, i.level3, i.value) for i in parse(source).indicators]
    assert [level2 for level2, _, _ in got[:3]] == ["数量指标", "数量指标", "时效指标"]
