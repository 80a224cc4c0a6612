"""Wild batch y (read blind at F1 0.07): what the reader reads or was fixed for, on the real files (helper wild-y)."""

from __future__ import annotations

from dataclasses import replace

from kpi_lint.lexicon import load_lexicon
from kpi_lint.parse import parse
from kpi_lint.parse.points_kind import drop_rates_read_as_points
from tests.wild.rows import WILD

Y01 = WILD / "y01_jiangxi_healthcentre_dept_selfeval_glued.txt"
Y02 = WILD / "y02_neimenggu_disabled_selfeval_prose_traditional_mirror.txt"


def test_y02_a_glossed_traditional_prose_item_is_read_in_simplified_characters() -> None:
    # "1)困難重度殘疾人家庭無障礙改造數,目標值大于等于85戶,實際完成40" under "1、數量指標", with pinyin glosses
    # after characters (戶(hù)) and a spam mirror's title line above: read blind as labelled.
    rows = [(i.level1, i.level2, i.level3, i.value, i.line, i.column) for i in parse(Y02).indicators]
    assert rows == [("产出指标", "数量指标", "困难重度残疾人家庭无障碍改造数", "大于等于85户", 28, 11)]


def test_the_header_word_偏差及原因分析_closes_a_glued_header() -> None:
    # y01's glued header ends "…年度指标值全年完成值分值得分偏差及原因分析": that word was not a column word, so
    # the first row's name began with it ("偏差及原因分析管理指标30预算编审管理…", blind).
    assert load_lexicon().vocabulary.columns.get("偏差及原因分析") == "deviation"
    first = parse(Y01).indicators[0]
    assert (first.value, first.actual, first.weight, first.score) == ("100%", "100%", 4.0, 4.0)
    assert first.level3 is not None and not first.level3.startswith("偏差")
    assert (first.line, first.column) == (3, 208)


def test_a_rate_read_into_the_points_column_of_bare_points_is_no_weight() -> None:
    # y01's glued "…签约率提高1%X体检 ⏎ 3、率提高2%签约率提高1%体检率下降1%126…" was cut so that "1%" (a rate of the
    # actual) stood as the row's 分值 and "1" as its 得分: KPI501 said "full score 1/1" (blind, wrong). The table's
    # other weights are bare points (4, 4, 5, 13, 10), so that "weight" is left unread (parse/points_kind.py).
    # Since issue 11 glued-preview the preview's chunks are read as one run and the row's own points are read
    # (12 | 6, scored in proportion); the guard is checked on y01's project with that misreading put back.
    project = parse(Y01).projects[0]
    rows = {i.level3: i for i in project.indicators}
    social = next(i for i in project.indicators if i.level2 == "社会效益指标")
    assert (social.weight, social.score) == (12.0, 6.0)
    assert (rows["业务收入"].weight, rows["业务收入"].score) == (13.0, 13.0)
    social.weight, social.score = 1.0, 1.0
    social.spans["weight"] = replace(social.spans["weight"], text="1%")
    drop_rates_read_as_points(project)
    assert (social.weight, social.score) == (None, None) and "weight" not in social.spans
    assert (rows["业务收入"].weight, rows["业务收入"].score) == (13.0, 13.0)
    # A table whose weights are all shares of the whole ("权重(%)", r05: 20%, 10%, 5%) keeps them.
    r05 = parse(WILD / "r05_sichuan_inclusivefinance_regional_selfeval_glued.txt")
    assert [i.weight for i in r05.indicators] == [20.0, 20.0, 10.0, 10.0, 10.0, 10.0, 10.0, 5.0, 5.0]
