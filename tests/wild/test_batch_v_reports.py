"""Wild batch v (read blind at F1 0.13): one test per reading cause fixed on the real file (issue 9, helper 9zl)."""

from __future__ import annotations

from kpi_lint.parse import parse
from tests.wild.rows import WILD, printed_rows

V01 = WILD / "v01_anhui_disabled_regional_selfeval_prose.txt"
V02 = WILD / "v02_sichuan_justice_regional_selfeval_prose.txt"
V04 = WILD / "v04_hunan_ediblefungi_dept_declaration.txt"


def test_v04_target_heading_and_name_said_twice_beside_an_empty_description() -> None:
    # Header "…指标解释指标说明及公式预期达到目标" (预期达到目标 names the target column); each row one
    # line "name+指标解释", the 指标解释 often the name again, then its target alone on the next line.
    rows = printed_rows(V04)
    assert ("数量指标", "研究培育食用菌品种数量", "2种") in rows
    assert ("数量指标", "培育中药材品种数量", "4种") in rows
    assert ("数量指标", "推广食用菌品种数量", "3种") in rows
    assert not any(value is None for _, _, value in rows[:-1])  # the last row is cut before its target


def test_v04_labels_glued_before_a_later_rows_name() -> None:
    # "质量指标机关事务正常运转率机关事务正常运转率" ⏎ "100%": the 二级 label opens the group's first row.
    rows = printed_rows(V04)
    assert ("质量指标", "机关事务正常运转率", "100%") in rows
    assert not any(name and name.startswith("质量指标") for _, name, _ in rows)
    indicator = next(i for i in parse(V04).indicators if i.level3 == "机关事务正常运转率")
    span = indicator.spans["level3"]
    assert (span.line, span.column, span.text) == (43, 5, "机关事务正常运转率")  # after the 4 label characters


def test_v01_target_word_then_a_worded_account_of_what_was_done() -> None:
    # "2、产出时效指标:项目完成时间年初指标值为2023年12月底,实际在规定时间内完成。"
    rows = printed_rows(V01)
    assert ("时效指标", "项目完成时间", "2023年12月底") in rows
    assert ("成本指标", "残疾人机动轮椅车燃油补贴年均补助标准", "260元/辆") in rows
    assert ("数量指标", "资助接受托养服务人次数", "不低于105人") in rows


def test_v01_a_listed_category_beside_stated_items() -> None:
    # "4、社会效益指标:残疾人康复服务水平有所提高;…;关心、理解、支持残疾人的社会氛围有所改善。"
    rows = printed_rows(V01)
    assert ("社会效益指标", "残疾人康复服务水平", "有所提高") in rows
    assert ("社会效益指标", "残疾人机动轮椅车车主出行便利程度", "有所提高") in rows
    assert ("社会效益指标", "关心、理解、支持残疾人的社会氛围", "有所改善") in rows
    assert len(rows) == 8


def test_v02_semicolon_list_under_a_heading_label() -> None:
    # "(1)数量指标。" ⏎ "办理法律援助案件94件;调解各类纠纷数量1087件;开展普法宣传活动场次86场;…"
    rows = printed_rows(V02)
    assert rows == [
        ("数量指标", "办理法律援助案件", "94件"),
        ("数量指标", "调解各类纠纷数量", "1087件"),
        ("数量指标", "开展普法宣传活动场次", "86场"),
        ("数量指标", "参与信访接待和处理案件数量", "6件"),
        ("质量指标", "采购装备出现不合格装备的比例", "≦0%"),
    ]


def test_v04_a_different_description_glued_after_the_name() -> None:
    # Rows of this table glue their 指标解释 after the name (several say the name twice), so a row whose
    # 指标解释 differs is cut by the glued-row cutter: "技术指导服务数量对生产种植企业技术指导服务数量" ⏎ "10家".
    rows = printed_rows(V04)
    assert ("数量指标", "消化利用农作物秸秆数量", "5个") in rows
    assert ("数量指标", "技术指导服务数量", "10家") in rows
    assert ("质量指标", "党建任务完成率", "100%") in rows
    assert len(rows) == 8  # the 9th row, cut before its target, gives none
