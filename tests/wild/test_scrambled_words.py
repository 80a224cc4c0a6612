"""OCR of a narrow cell that wraps a word over lines ("产出" / "指标") may read it column by column:
"出标产指" for 产出指标, "考值参分" for 参考分值.  Such a label or header word is known by that reading
(vocab.scrambles); a phrase whose words are merely swapped ("影响可持续") is none.  And a 二级 label keeps
the points printed after it ("数量指标(10分)保障人数…")."""

from __future__ import annotations

from kpi_lint.lexicon import load_lexicon
from tests.wild.rows import WILD, printed_rows


def test_labels_read_column_by_column_are_labels() -> None:
    vocab = load_lexicon().vocabulary
    assert vocab.canonical_level1("出标产指") == "产出指标"
    assert vocab.canonical_level1("益标效指") == "效益指标"
    assert vocab.canonical_level2("数指量标") == "数量指标"  # the left column read first
    assert vocab.canonical_level2("影响可持续") is None  # a worded target (f04), not a label
    assert vocab.column_role("考值参分") == "weight"


def test_a_header_cell_of_a_scrambled_word_and_a_word_is_two_columns() -> None:
    vocab = load_lexicon().vocabulary
    assert vocab.run_of_column_words("考值参分指标值(八)") == ["考值参分", "指标值"]


def test_n07_scrambled_level_labels_are_no_rows() -> None:
    # "…得分出标产指数量指标补贴渔船数6620…": 产出指标 read column by column
    assert printed_rows(WILD / "n07_unknown_fishery_selfeval_ocr.txt") == [
        ("数量指标", "补贴渔船数", "6"),
        ("质量指标", "渔船补贴发放率", "100%"),
        ("时效指标", "12月底之前完成", "100%"),
        ("服务对象满意度指标", "退捕渔民抽样调查满意度", "90%"),
    ]


def test_n06_reads_under_its_scrambled_header() -> None:
    # header "三级指标考值参分指标值(八)全年实际值(B)得分…"; rows "数量指标(10分)保障人数102370人2370人IO…"
    rows = printed_rows(WILD / "n06_ningxia_school_selfeval_ocr.txt")
    for row in [
        ("数量指标", "保障人数", "2370人"),
        ("质量指标", "公用经费标准", "符合相关文件要求"),
        ("时效指标", "公用经费完成时间", "2021年12月完成"),
        ("成本指标", "办公所需成本", "15万元"),
        ("成本指标", "维修(维护)所需成本", "35万元"),
        ("成本指标", "绿化、水电费等成本", "M.8万元"),
        ("可持续影响指标", "使学生和老师行个更好的学习和工作环境,做到", "社会认可的办学环境."),
    ]:
        assert row in rows
