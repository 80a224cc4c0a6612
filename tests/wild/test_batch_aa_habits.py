"""Wild batch aa (read blind at F1 1.00, no finding): a traditional-character mirror of an Anhui 申报表 copied one
cell per line, and what its 总体目标 and 项目资金 blocks showed the reader missed there and in e01 (helper wild-aa)."""

from __future__ import annotations

from kpi_lint.parse import parse
from kpi_lint.rules.base import RuleContext
from kpi_lint.rules.engine import run_rules
from kpi_lint.rules.registry import select_rules
from tests.wild.rows import WILD

AA01 = WILD / "aa01_anhui_medinsurance_target_traditional_mirror.txt"
E01 = WILD / "e01_anhui_meteorology_target.txt"


def test_aa01_the_glossed_traditional_rows_are_read_in_both_periods() -> None:
    # "縣內(nèi)定點醫(yī)療機構 | ≥151家 | 數(shù)量指標 | …": each printed row holds a 中期 and a 年度 row, the
    # glosses dropped and the characters simplified; the page stops after the fifth 数量指标 row
    # (read blind as labelled).
    rows = [(i.period, i.level1, i.level2, i.level3, i.value, i.line, i.column) for i in parse(AA01).indicators]
    assert rows[:2] == [
        ("中期", "产出指标", "数量指标", "县内定点医疗机构", "≥151家", 74, 1),
        ("年度", "产出指标", "数量指标", "县内定点医疗机构", "≥151家", 80, 1),
    ]
    assert [(p, n, v) for p, _, _, n, v, _, _ in rows[8:]] == [
        ("中期", "被省市医保局抽调进行飞行交叉互查", "≥2人"),
        ("年度", "被省市医保局抽调进行飞行交叉互查", "≥2人"),
    ]
    assert len(rows) == 10


def test_aa01_has_no_finding_and_its_cut_table_claims_no_missing_category() -> None:
    # Every target is a count with a comparator and a unit, and the page is cut inside 产出指标: nothing to report
    # (KPI201/KPI202 would name the 质量/时效/效益/满意度 rows the cut page cannot show).
    doc = parse(AA01)
    assert doc.projects[0].cut_off
    assert run_rules([doc], select_rules(None, None), RuleContext(documents=[doc])) == []


def test_period_headings_printed_one_cell_per_line_are_not_the_goals() -> None:
    # "總體目標 ⏎ | ⏎ 中期目標(2022年-2023年) ⏎ | ⏎ 年度目標 ⏎ | ⏎ | ⏎ 依據…": the heading after 总体目标 was taken as
    # the goal (年度 = "中期目标(2022年-2023年)", e01 the same), the heading with its years not known as a
    # period heading.
    goals = parse(AA01).projects[0].goals
    assert list(goals) == ["中期"]
    assert goals["中期"].text.startswith("依据《关于印发<青阳县医疗保障局2022年度")
    assert (goals["中期"].line, goals["中期"].column) == (46, 1)
    e01 = parse(E01).projects[0].goals
    assert {period: (g.text[:10], g.line) for period, g in e01.items()} == {
        "中期": ("目标:亳州市建立较为", 68),
        "年度": ("目标1:飞机增雨作业", 70),
    }


def test_funds_printed_one_cell_per_line_are_paired_with_the_label_before_them() -> None:
    # "中期資金總額 ⏎ | ⏎ | ⏎ 年度資金總額 ⏎ | ⏎ 15 ⏎ | ⏎ 其中:財政撥款 ⏎ | ⏎ | ⏎ 其中:財政撥款 ⏎ | ⏎ 15": each cell
    # its own row, so no label stood beside its amount and no fund was read; the empty 中期 amounts leave no line.
    funds = [(f.period, f.source, f.amount, f.unit, f.line) for f in parse(AA01).projects[0].funds]
    assert funds == [("年度", "总额", 15.0, "万元", 21), ("年度", "财政拨款", 15.0, "万元", 28)]
    # e01 prints its amounts with their unit ("449.8万") under "中期资金总额:" / "年度资金总额:".
    e01_funds = [(f.period, f.source, f.amount, f.text, f.unit) for f in parse(E01).projects[0].funds]
    assert e01_funds == [
        ("中期", "总额", 449.8, "449.8万", "万元"),
        ("年度", "总额", 189.8, "189.8万", "万元"),
        ("中期", "财政拨款", 449.8, "449.8万", "万元"),
        ("年度", "财政拨款", 189.8, "189.8万", "万元"),
    ]


AA02 = WILD / "aa02_xinjiang_medinsurance_target.txt"


def test_aa02_rows_and_particulars_of_a_notice_that_prints_its_form_one_cell_per_line() -> None:
    # 温泉县 医保 (read blind at 1.00, 7/7): a 公示 in prose, then the form one cell per line, each ending " |".
    doc = parse(AA02)
    rows = [(i.level2, i.level3, i.value, i.line) for i in doc.indicators]
    assert rows[0] == ("数量指标", "基本医疗保险参保人数", "43230人", 62)
    assert rows[-1] == ("时效指标", "专项补助使用落实期限", "2019年1月-2019年12月", 82)
    assert len(rows) == 7
    project = doc.projects[0]
    # "6、实施单位及责任人" was read as the label 实施单位 and the value "及责任人": two labels joined by 及 make a
    # heading. The next line "实施单位:温泉县医疗保障局 责任人:马玉秀" then ran on into its second pair; a "label:"
    # after a space ends the value as one on the next line does.
    assert project.implementer is not None and project.implementer.text == "温泉县医疗保障局"
    # "年度资金总额:203" and "其中:财政拨款 203": a fund label and its amount in one cell.
    funds = [(f.period, f.source, f.amount, f.unit, f.line, f.column) for f in project.funds]
    assert funds == [("年度", "总额", 203.0, "万元", 43, 8), ("年度", "财政拨款", 203.0, "万元", 45, 9)]


def test_aa02_findings() -> None:
    # Blind: the cost per person filed under 数量 and the deadline under 质量 (KPI404, both right). `kpi-lint check`
    # also reports the compliance claim "专项补助使用符合政策规定" as vague (KPI101 by the vagueness model, which a bare
    # RuleContext does not load; vague by the labels' rule, though a 质量 value naming a rule to follow is a yes/no
    # check in lexicons/compliance_phrases.txt, and its subject before 符合 keeps it from matching).
    doc = parse(AA02)
    findings = run_rules([doc], select_rules(None, None), RuleContext(documents=[doc]))
    assert [(f.code, f.line) for f in findings] == [("KPI404", 71), ("KPI404", 75)]
    assert "成本指标" in findings[0].message and "时效指标" in findings[1].message


def test_aa03_a_专项_declaration_is_read_and_its_cut_cost_value_kept_as_printed() -> None:
    # 南岳区乡村振兴局 雨露计划 (read blind at 1.00, 4/4): "| 产出 指标 | 数量指标 | 年度申请就学补助户数 |
    # >=101人/次 |", the 专项 template's "三级指标内容 | 指标值及单位"; the page is cut inside the 成本 value ("15" of
    # 1500元/学期).
    doc = parse(WILD / "aa03_hunan_ruralrevival_yulu_declaration.txt")
    rows = [(i.level2, i.level3, i.value, i.line) for i in doc.indicators]
    assert rows == [
        ("数量指标", "年度申请就学补助户数", ">=101人/次", 19),
        ("质量指标", "逾期发放率", ">=100%", 20),
        ("时效指标", "就学补助及时发放率", ">=100%", 21),
        ("成本指标", "补助标准", "15", 22),
    ]
    assert doc.projects[0].department is not None and doc.projects[0].department.text == "南岳区乡村振兴局"


def test_aa03_goals_labelled_with_their_period_are_read_per_period() -> None:
    """ "中长期绩效 目标 | 1.就读…" and "本年度绩效 目标 | 1.对提供…": a goal label opened by its period (broken by
    a space) before the indicator table: each period's goal, with its place; the item "2.…" printed alone on
    the row under it is the rest of that goal."""
    doc = parse(WILD / "aa03_hunan_ruralrevival_yulu_declaration.txt")
    goals = doc.projects[0].goals
    assert sorted(goals) == ["中长期", "年度"]
    assert goals["中长期"].text.startswith("1.就读中等职业学校(含普通中专")
    assert goals["中长期"].text.endswith(
        "不纳入扶持范围。2.补助标准。在享受国家职业教育资助政策基础上,叠加给予助学补助,"
        "全省统一补助标准为:每生 1500 元/学期。"
    )
    assert (goals["中长期"].line, goals["中长期"].column) == (14, 14)
    # its second item, on a row of its own, goes on with it
    assert goals["年度"].text == "1.对提供就读学籍证明的学生了放就学补助;2.补助标准为:每生 1500 元/学期。"
    assert (goals["年度"].line, goals["年度"].column) == (16, 14)
