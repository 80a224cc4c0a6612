"""The form a target should take, read from the indicator's name (lexicons/name_units.txt): what the
value rules suggest in their messages ("如“不晚于N月底”", "以“人”计")."""

from __future__ import annotations

import pytest

from kpi_lint.config import Config
from kpi_lint.lexicon import load_lexicon
from kpi_lint.parse import parse
from kpi_lint.rules.context import build_context
from kpi_lint.rules.engine import run_rules
from kpi_lint.rules.registry import rule_by_code
from kpi_lint.rules.target.common import DATE, after_event, expected_unit, name_cues, target_form
from tests.corpus import CORPUS_DIR
from tests.rules.builder import build_document


@pytest.mark.parametrize(
    ("name", "unit"),
    [
        ("项目完成时间", DATE),
        ("培训完成期限", DATE),
        ("项目实施周期", DATE),
        ("参保人数", "人"),
        # A period followed by 内 bounds what is measured: wild c01/l02 (湘潭 雾炮车降尘) "服务周期内空气质量 | 优良"
        # is an air quality, not a date — KPI101 suggested "不晚于N月底" for it (finding review sample 8).
        ("服务周期内空气质量", None),
        ("规定时间内办结率", "%"),
        # A property is measured, not the money it is a property of: wild b10/i05/j13/g11 "经费支出合规性 |
        # 严格执行相关制度规定" — KPI101 suggested "≥N元" for it (finding review sample 8, i05 1:651).
        # A listed property keeps its unit.
        ("经费支出合规性", None),
        ("经费审批流程规范性", None),
        ("资金拨付及时性", "%"),
        ("会议费", "元"),
        # A name that ends with a count unit of units.txt names it: wild c05 "药品监管人员人均培训学时 | ≥90" (KPI103
        # offers "≥90学时"; sample 39 judged the old "通用阈值" reading of KPI102 partly). One character is no unit.
        ("药品监管人员人均培训学时", "学时"),
        ("新建道路公里", "公里"),
        ("服务对象个人", None),
        ("项目资金总额", "元"),
    ],
)
def test_the_unit_a_name_calls_for(name: str, unit: str | None) -> None:
    assert expected_unit(name, name_cues(load_lexicon())) == unit


@pytest.mark.parametrize(
    ("value", "event"),
    [
        # wild s01 (护工培训) "考核任务完成及时 | 1-6期培训结束后及时考核": a limit counted from each session's end
        ("1-6期培训结束后及时考核", "1-6期培训结束后"),
        ("资金到位后及时拨付", "资金到位后"),
        ("验收后10日内完成结算", None),  # the limit is stated already
        ("2021.1.1-12.31", None),
        ("按时完成", None),
    ],
)
def test_a_timeliness_value_hung_on_an_event(value: str, event: str | None) -> None:
    assert after_event(value, name_cues(load_lexicon())) == event


def test_the_event_gives_the_deadline_on_a_real_row() -> None:
    """s01's KPI104 finding is offered "1-6期培训结束后N日内", not a calendar "不晚于N月底" (sample 39: partly)."""
    path = CORPUS_DIR / "wild" / "s01_shanxi_nursingtraining_selfeval_ocr.txt"
    doc = parse(path)
    rule = rule_by_code("KPI104")
    assert rule is not None
    found = [f for f in run_rules([doc], [rule], build_context([doc], Config())) if f.line == 8]
    assert [(f.column, f.suggestion) for f in found] == [(16, "1-6期培训结束后N日内")]


@pytest.mark.parametrize(
    ("level1", "level2", "name", "form"),
    [
        # wild i05 "对控制基建项目成本影响程度 | 效果明显" under 生态效益: an effect on a cost is what it saved
        ("效益指标", "生态效益指标", "对控制基建项目成本影响程度", "节约≥N元"),
        ("效益指标", "经济效益指标", "降低群众医疗费用的作用", "节约≥N元"),
        # the project's own spending kept within is a ceiling wherever it is filed (w03, finding review sample 29)
        ("效益指标", "经济效益指标", "项目成本控制", "≤N元"),
        ("产出指标", "成本指标", "对控制成本的影响", "≤N元"),
    ],
)
def test_the_form_of_a_cost_target(level1: str, level2: str, name: str, form: str) -> None:
    doc = build_document({"project": {"indicators": [[None, level1, level2, name, "效果明显"]]}})
    ind = doc.projects[0].indicators[0]
    assert target_form(ind, name_cues(load_lexicon())) == form
