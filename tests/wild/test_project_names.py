"""The project a form names and its facts, read from the wild set: its 项目名称 fact, the title above
the table, or, for a 部门整体 form, the department. A title that only says what kind of form it is
names no project; a fact's value ends where the next label begins."""

from __future__ import annotations

from pathlib import Path

import pytest

from kpi_lint.parse import parse

WILD = Path(__file__).resolve().parent.parent.parent / "corpus" / "wild"


@pytest.mark.parametrize(
    ("stem", "names"),
    [
        # "项目(专项)名称 |" then its value on the next line; the title is only "项目绩效目标表"
        ("a04_chongqing_forestry_target", ["古昌镇大青冈村乡村振兴绿化美化项目"]),
        # "专项资金名称县级储备粮负责人及电话…" glued in one line
        ("e02_hunan_grain_selfeval", ["县级储备粮"]),
        # 部门整体 forms: "2022年浮梁县林业局部门整体支出绩效目标表", "部门 | XX中心"
        ("a03_jiangxi_forestry_dept_target", ["浮梁县林业局"]),
        ("j12_anhui_ruralbuild_dept_selfeval", ["金寨县茶谷和美丽乡村建设服务中心"]),
        # "XX中心2023年度整体绩效目标表" in traditional characters
        ("m04_hunan_pricecert_dept_target_traditional", ["岳阳楼区价格认证鉴定中心"]),
        # "2020年中央对地方专项转移支付区域绩效目标表": the year is not part of the name
        ("c05_sichuan_marketreg_selfeval", ["中央对地方专项转移支付"]),
        # "部门:505_湘西州教育和体育局金额单位:万元": the next label ends the department's name
        ("j01_hunan_specialedu_target", ["505_湘西州教育和体育局"]),
        ("b04_hubei_township_dept_selfeval", ["塘湖镇政府"]),
        # "项目名称 麻风病防治": label and value apart by a space on one line
        ("a06_sichuan_health_declaration", ["麻风病防治"]),
        # "项目名称农村义务教育薄弱学校改造补助资金": glued to its label
        ("i04_hubei_edu_target", ["农村义务教育薄弱学校改造补助资金"]),
        # "项目支出名称 |" then its value
        ("c01_hunan_urbanmgmt_declaration", ["雾炮车降尘抑尘服务"]),
        # reports with no table, named by their title: "关于2019年度高其坑通组道路工程绩效评价报告" (a page in
        # traditional characters), "优抚对象生活补助经费转移支付2023年度绩效自评报告"
        ("o02_unknown_township_road_report_prose", ["高其坑通组道路工程"]),
        ("n03_neimenggu_veterans_regional_selfeval_prose", ["优抚对象生活补助经费转移支付"]),
    ],
)
def test_the_project_a_form_names(stem: str, names: list[str]) -> None:
    (path,) = WILD.glob(f"{stem}*.txt")
    assert [p.name for p in parse(path).projects] == names


@pytest.mark.parametrize(
    ("stem", "fact", "value"),
    [
        # the funds block glued after the value: "XX局资金情况(万元)全年预算数(A)全年执行数(B)…"
        ("a09_sichuan_water_selfeval", "implementer", "中江县水利局"),
        ("e02_hunan_grain_selfeval", "implementer", "粮食调控储备与产业发展股"),
        ("k05_central_forestry_declaration_sample", "implementer", "造林司"),
        # "主管部门 ⏎ 及编码 ⏎ [015001]武汉市青山区教育局": the label wrapped onto the next line
        ("c02_hubei_education_target", "department", "[015001]武汉市青山区教育局"),
        ("e06_hubei_science_declaration", "department", "区科经局"),
        # "…管理局项目开始日期2023-01-01项目完成H期…": the next fact's label ends the value
        ("f05_gansu_museum_target", "department", "嘉峪关市文化和旅游局"),
        # "项目单位:XX联合会 ⏎ 评价机构:…": the next line is another fact
        ("f10_hubei_disabled_target", "implementer", "湖北省残疾人联合会"),
        # "实施单位 | 项目资金 (万元)": the funds block's label is no implementer
        ("d08_hubei_govservice_selfeval", "implementer", None),
        # "项目主管部门青山区教育局项目执行单位化工区学校": two facts glued in one line
        ("i04_hubei_edu_target", "department", "青山区教育局"),
        ("i04_hubei_edu_target", "implementer", "化工区学校"),
        # "预算单位 区疾控中心"
        ("a06_sichuan_health_declaration", "implementer", "区疾控中心"),
        # "实施单位 (盖章) |": where the seal goes is no implementer
        ("j02_sichuan_devreform_selfeval", "implementer", None),
        ("b07_shandong_culture_selfeval", "department", "济南市历城区文化和旅游局"),
    ],
)
def test_a_fact_ends_where_the_next_label_begins(stem: str, fact: str, value: str | None) -> None:
    (path,) = WILD.glob(f"{stem}*.txt")
    project = parse(path).projects[0]
    found = getattr(project, fact)
    assert (found.text if found is not None else None) == value
