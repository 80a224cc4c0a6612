"""The project a form names, read from the wild set: its 项目名称 fact, the title above the table, or, for a
部门整体 form, the department. A title that only says what kind of form it is names no project."""

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
    ],
)
def test_the_project_a_form_names(stem: str, names: list[str]) -> None:
    (path,) = WILD.glob(f"{stem}*.txt")
    assert [p.name for p in parse(path).projects] == names
