"""Wild batch ab (helper wild-ab): a traditional-character mirror of a 和平县 抗疫特别国债 self-evaluation whose
target table gives each row a 周期指标值 and a 本年度指标值 (read blind at F1 0.00)."""

from __future__ import annotations

from kpi_lint.lexicon import load_lexicon
from kpi_lint.parse import parse
from kpi_lint.parse.form_header import period_of
from kpi_lint.rules.base import RuleContext
from kpi_lint.rules.engine import run_rules
from kpi_lint.rules.registry import select_rules
from tests.wild.rows import WILD

AB01 = WILD / "ab01_guangdong_education_selfeval_traditional_mirror.txt"


def test_a_cycle_heading_is_a_value_column_of_the_implementation_period() -> None:
    # "周期指标值" was no column heading at all: the header read 三级指标 | ? | 本年度指标值, so every row took its
    # 周期 figure as the target and the next row's name as the following value.
    vocab = load_lexicon().vocabulary
    assert vocab.column_role("周期指标值") == "value"
    words = vocab.periods
    assert (period_of("周期指标值", words), period_of("本年度指标值", words)) == ("实施期", "年度")
    assert period_of("服务周期", words) is None  # a name that ends with 周期 names no period


def test_ab01_each_printed_row_gives_its_cycle_and_its_year_target() -> None:
    # "總建筑面積(平方米) ⏎ 44979.8 ⏎ 44979.8": one cell per line, a blank line between cells; the 周期 figure
    # first, the 本年度 one second, each placed on its own line.
    rows = [(i.period, i.level2, i.level3, i.value, i.line, i.spans["value"].line) for i in parse(AB01).indicators]
    assert rows[:4] == [
        ("实施期", "数量指标", "总建筑面积(平方米)", "44979.8", 35, 37),
        ("年度", "数量指标", "总建筑面积(平方米)", "44979.8", 35, 39),
        ("实施期", "数量指标", "新增学位数量(个)", "3000", 41, 43),
        ("年度", "数量指标", "新增学位数量(个)", "1200", 41, 45),
    ]
    # The 时效 row prints one figure: it is the first (周期) column's, and no period-less copy is made of any row.
    assert ("实施期", "时效指标", "工程完成时间", "2021.6", 87, 89) in rows
    assert [r for r in rows if r[2] == "工程完成时间"] == [("实施期", "时效指标", "工程完成时间", "2021.6", 87, 89)]
    assert all(r[0] in ("实施期", "年度") and r[3] for r in rows)
    assert len(rows) == 19


def test_ab01_rules_name_the_year_target_given_as_progress() -> None:
    doc = parse(AB01)
    assert doc.projects[0].cut_off  # "社會效益指標 ⏎ 改善辦學": the page stops inside a name
    findings = run_rules([doc], select_rules(None, None), RuleContext(documents=[doc]))
    # 室外市政附属工程 | 完成90% (年度): a share of progress under 数量指标.  The two "全部完成" KPI101 come from the
    # vagueness model, which `check` loads and run_rules alone does not.
    assert [(f.code, f.line) for f in findings] == [("KPI104", 69)]
    assert "完成90%" in findings[0].message


AB03 = WILD / "ab03_guangxi_education_target_mirror.txt"


def test_ab03_row_and_both_goals_of_a_guangxi_public_target_table() -> None:
    # 百色 教育局 (read blind at 1.00, 1/1): "产出指标 | 产出数量指标 | 新增学位 | 2023年预计在校生:…", the data row one
    # cell left of its header (the merged 项目年度绩效目标衡量指标 label is not repeated); cut in the second row.
    doc = parse(AB03)
    rows = [(i.level1, i.level2, i.level3, i.line, i.spans["value"].column) for i in doc.indicators]
    assert rows == [("产出指标", "数量指标", "新增学位", 19, 24)]
    assert doc.indicators[0].value == "2023年预计在校生:小学600人,初中700人,高中1000人,最后以实际招生人数为准。"
    project = doc.projects[0]
    assert project.cut_off and project.name == "百色天立学校办学补贴"
    # "年度绩效目标 | 投入1800万元…" then "中期绩效目标 | 引进…": the 中期 goal was read (its label names a period) and
    # the 年度 one, under the plain goal label, was dropped because some goal had been read.
    goals = {period: (g.text[:8], g.line) for period, g in project.goals.items()}
    assert goals == {"中期": ("引进优质教育品牌", 17), "年度": ("投入1800万元", 16)}
