"""Held-out evaluation by document: the fixed split, and the scores on documents never trained on."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from kpi_lint.classify.data import complete_columns, read_csv, training_set
from kpi_lint.classify.heldout import NOISE_MARGIN, evaluate_heldout
from kpi_lint.classify.pipelines import CATEGORY_FEATURES, DEFAULT_C, VAGUENESS_FEATURES, Features
from kpi_lint.classify.split import DocumentSplit, read_split
from kpi_lint.errors import InputError
from tests.corpus import ROOT

LABELS = ROOT / "corpus" / "labels"
# Rows of the third test set (wild batch m, labelled in issue 13f before any model was run on it).
THIRD_CATEGORIES, THIRD_VALUES = 46, 39
# Rows of the fourth test set (wild batch n, labelled in issue 13g before any model was run on it).
FOURTH_CATEGORIES, FOURTH_VALUES = 61, 58
# Rows of the fifth test set (wild batch p, labelled by helper wild-p before any model was run on it).
FIFTH_CATEGORIES, FIFTH_VALUES = 32, 32
# Rows of the sixth test set (wild batch q, labelled by helper wild-q before any model was run on it).
SIXTH_CATEGORIES, SIXTH_VALUES = 26, 24
# Rows of the seventh test set (wild batch r, labelled by helper wild-r before any model was run on it).
SEVENTH_CATEGORIES, SEVENTH_VALUES = 40, 34
# Rows of the eighth test set (wild batch s, labelled by helper wild-s before any model was run on it).
EIGHTH_CATEGORIES, EIGHTH_VALUES = 45, 40
# Rows of the ninth test set (wild batch t, labelled by helper wild-t before any model was run on it).
NINTH_CATEGORIES, NINTH_VALUES = 36, 30
# Rows of the tenth test set (wild batches u and v, labelled by helpers 9zk / 13m before any model was run on them).
TENTH_CATEGORIES, TENTH_VALUES = 52, 44
# Rows of the eleventh test set (wild batch w, labelled by helper wild-w before any model was run on it).
ELEVENTH_CATEGORIES, ELEVENTH_VALUES = 29, 26
# Rows of the twelfth test set (wild batch x, labelled by helper wild-x before any model was run on it).
TWELFTH_CATEGORIES, TWELFTH_VALUES = 34, 28
# Rows of the thirteenth test set (wild batch y, labelled by helper wild-y before any model was run on it).
THIRTEENTH_CATEGORIES, THIRTEENTH_VALUES = 17, 16
# Rows of the fourteenth test set (wild batch z, labelled by helper wild-z before the reader or the rules ran on it;
# its rows had been through the models once in corpus/external: not blind for them, docs/notes/issue-wild-z.md).
FOURTEENTH_CATEGORIES, FOURTEENTH_VALUES = 34, 21
# Rows of the fifteenth test set (wild batch aa, labelled by helper wild-aa before the reader, the rules or any model
# ran on it; docs/notes/issue-wild-aa.md). aa01's 10 rows are 5 indicators printed for 中期 and 年度 alike: a row is
# kept once per document, 二级 and text, as for every two-period form (e01, b03).
FIFTEENTH_CATEGORIES, FIFTEENTH_VALUES = 16, 15
# Rows of the sixteenth test set (wild batch ab, labelled by helper wild-ab before the reader, the rules or any model
# ran on it; docs/notes/issue-wild-ab.md; checked again against the documents by task 13-heldout-ab). ab01 prints a
# 周期 and a 本年度 value in each row: a row is kept once per document, 二级, name and value (14 of ab01, 1 of ab03).
SIXTEENTH_CATEGORIES, SIXTEENTH_VALUES = 15, 14


@pytest.fixture(scope="module")
def split() -> DocumentSplit:
    return read_split(LABELS / "split.csv")


def _set(paths: list[Path], features: Features) -> tuple[pd.DataFrame, list[str]]:
    frames = [complete_columns(read_csv(p), [*features.columns, "label", "doc"], str(p)) for p in paths]
    table = pd.concat(frames, ignore_index=True)
    return table, list(table["doc"])


def test_split_is_fixed_by_document_and_covers_every_labelled_document(split: DocumentSplit) -> None:
    assert (len(split.train), len(split.dev), len(split.test)) == (90, 30, 71)
    assert "000" in split.dev and "003" in split.train and "a07" in split.dev
    # Batch o (2 documents, 9 rows; issue 13h) is too small to be a test set of its own: dev.
    assert {"o01", "o02"} <= set(split.dev)
    # The test sets: the third (batch m, issue 13f), the fourth (batch n, issue 13g), the fifth (batch p, helper
    # wild-p), the sixth (batch q, helper wild-q), the seventh (batch r, helper wild-r), the eighth (batch s, helper
    # wild-s), the ninth (batch t, helper wild-t), the tenth (batches u and v, issues 9 / 13m: tried in train first, no
    # gain, corpus/labels/README.md), the eleventh (batch w, helper wild-w), the twelfth (batch x, helper wild-x) and
    # the thirteenth (batch y, helper wild-y), the fourteenth (batch z, helper wild-z: a table from a public
    # repository, corpus/external), the fifteenth (batch aa, helper wild-aa) and the sixteenth (batch ab, helper
    # wild-ab; ab02 was a copy of l02 and was removed, so the batch is ab01 and ab03).
    # The sets first (24 documents drawn with the split) and fresh (34 of wild batches i–l) were looked at by many
    # issues; issue 13-resplit moved them to train (44) and dev (14), drawn once by bench/resplit.py, and
    # split.csv's moved_from column says which set each came from.
    assert split.test_set("first") == () and split.test_set("fresh") == ()
    moved = pd.read_csv(LABELS / "split.csv", dtype=str, keep_default_na=False)
    moved = moved[moved["moved_from"] != ""]
    assert moved["moved_from"].value_counts().to_dict() == {"fresh": 34, "first": 24}
    assert moved["split"].value_counts().to_dict() == {"train": 44, "dev": 14}
    assert all(doc[0] in "ijkl" for doc in moved[moved["moved_from"] == "fresh"]["doc"])
    third = split.test_set("third")
    fourth, fifth, sixth = split.test_set("fourth"), split.test_set("fifth"), split.test_set("sixth")
    seventh, eighth, ninth = split.test_set("seventh"), split.test_set("eighth"), split.test_set("ninth")
    tenth, eleventh, twelfth = split.test_set("tenth"), split.test_set("eleventh"), split.test_set("twelfth")
    thirteenth, fourteenth = split.test_set("thirteenth"), split.test_set("fourteenth")
    fifteenth, sixteenth = split.test_set("fifteenth"), split.test_set("sixteenth")
    sets = [third, fourth, fifth, sixth, seventh, eighth, ninth, tenth, eleventh, twelfth, thirteenth, fourteenth]
    sets += [fifteenth, sixteenth]
    assert tuple(len(docs) for docs in sets) == (8, 9, 10, 4, 7, 5, 4, 9, 4, 3, 2, 1, 3, 2)
    assert set().union(*sets) == set(split.test)
    assert all(doc[0] == "m" for doc in third) and all(doc[0] == "n" for doc in fourth)
    assert all(doc[0] == "p" for doc in fifth) and all(doc[0] == "q" for doc in sixth)
    assert all(doc[0] == "r" for doc in seventh) and all(doc[0] == "s" for doc in eighth)
    assert all(doc[0] == "t" for doc in ninth) and all(doc[0] in "uv" for doc in tenth)
    assert all(doc[0] == "w" for doc in eleventh) and all(doc[0] == "x" for doc in twelfth)
    assert all(doc[0] == "y" for doc in thirteenth) and fourteenth == ("z01",)
    assert fifteenth == ("aa01", "aa02", "aa03") and sixteenth == ("ab01", "ab03")
    labelled = set(pd.read_csv(LABELS / "categories.csv", dtype=str)["doc"])
    # A document's key is its name up to the first "_" ("a01", and "aa01" from batch aa on).
    wild = {p.name.split("_")[0] for p in (ROOT / "corpus" / "wild").glob("*.txt") if p.name[0].isascii()}
    assert labelled == wild | {"000", "001", "002", "003", "004"}
    assert all(split.part(doc) is not None for doc in labelled)


def test_category_labels_record_filed_and_true_category() -> None:
    rows = pd.read_csv(LABELS / "categories.csv", dtype=str, keep_default_na=False)
    # 926 of the samples and batches a–h, 194 of batches i–k, 49 of l, 46 of m, 61 of n, 9 of o (dev, issue 13h),
    # 32 of p (test set fifth, helper wild-p), 26 of q (test set sixth, helper wild-q), 40 of r (test set seventh,
    # helper wild-r), 45 of s (test set eighth, helper wild-s), 36 of t (test set ninth, helper wild-t), 24 of u
    # (issue 9; 2 misfiled: u04's counts of activities printed under 成本指标) and 28 of v (issue 13m): test set tenth;
    # 29 of w (test set eleventh, helper wild-w); 34 of x (test set twelfth, helper wild-x; 24 no 二级 printed);
    # 17 of y (test set thirteenth, helper wild-y; 7 printed under y01's 管理指标); 34 of z (test set fourteenth,
    # helper wild-z; 9 printed under z01's 预算管理 / 财务管理); 16 of aa (test set fifteenth, helper wild-aa;
    # 3 misfiled: aa02's 补助标准 under 数量 → 成本 and 补助资金按时到期 under 质量 → 时效, aa03's 逾期发放率
    # under 质量 → 时效); 15 of ab (test set sixteenth, helper wild-ab; 2 misfiled: ab01's 提高县城初中学生就学率,
    # both periods, under 经济效益 → 社会效益)
    assert len(rows) == 1661
    misfiled = rows[rows["note"] == "misfiled"]
    # 74 until issue 11ae read 004's "5月底之前" under its merged 时效指标 cell (the misfiling was the
    # reader's); 80 since issue 13-resplit2 settled the labels against KPI404's verdicts. +9: f02
    # 按照物价部门定价标准采购, j03 资助标准达标率, e02 国家政策性粮收购价格执行率 and q02 资助经费发放率 → 质量;
    # q02 资助经费到位率 → 成本; l01 保障期限 → 时效; a06 群众幸福感 → 社会效益, 项目实施情况 → 质量;
    # a02 新增和改善灌溉达标面积 → 数量. −2: b08 完成率 and 004 医药费报销完成率 keep 时效 / 数量. +3: batch aa's.
    # +2: batch ab's.
    assert len(misfiled) == 85
    assert (misfiled["level2"] != misfiled["label"]).all()
    awareness = rows[(rows["doc"] == "002") & (rows["level3"] == "政策知晓率")].iloc[0]
    assert (awareness["level2"], awareness["label"]) == ("服务对象满意度指标", "社会效益指标")
    unfiled = rows[(rows["doc"] == "b09") & (rows["level3"] == "农村公路养护里程")].iloc[0]
    assert (unfiled["level2"], unfiled["label"], unfiled["note"]) == ("", "数量指标", "no 二级 printed")
    # A cost-control effect filed under 生态效益 in a township template is an economic effect.
    cost = rows[(rows["doc"] == "i05") & (rows["level3"] == "对控制基建项目成本影响程度")].iloc[0]
    assert (cost["level2"], cost["label"], cost["note"]) == ("生态效益指标", "经济效益指标", "misfiled")


def test_vagueness_on_held_out_documents(split: DocumentSplit) -> None:
    paths = [LABELS / "values.csv", LABELS / "values_wild.csv"]
    table, docs = _set(paths, VAGUENESS_FEATURES)
    set_ = training_set(table, VAGUENESS_FEATURES.columns, VAGUENESS_FEATURES.text, list(table["label"]), docs=docs)
    result = evaluate_heldout(set_, VAGUENESS_FEATURES, split, 2023, "values", positive="vague")
    assert result.split["test"] == list(split.test)
    # first (232 rows, vague F1 0.980) and fresh (211, 0.963) are train / dev since issue 13-resplit.
    assert result.test.samples == (
        THIRD_VALUES
        + FOURTH_VALUES
        + FIFTH_VALUES
        + SIXTH_VALUES
        + SEVENTH_VALUES
        + EIGHTH_VALUES
        + NINTH_VALUES
        + TENTH_VALUES
        + ELEVENTH_VALUES
        + TWELFTH_VALUES
        + THIRTEENTH_VALUES
        + FOURTEENTH_VALUES
        + FIFTEENTH_VALUES
        + SIXTEENTH_VALUES
    )
    assert result.test_sets["third"].samples == THIRD_VALUES
    assert result.test_sets["fourth"].samples == FOURTH_VALUES
    assert result.test_sets["fifth"].samples == FIFTH_VALUES
    assert result.test_sets["sixth"].samples == SIXTH_VALUES
    assert result.test_sets["seventh"].samples == SEVENTH_VALUES
    # Batch m (issue 13f, measured once): vague F1 0.909 on 39 rows, 5 of them vague (one mistake moves it
    # by about 0.1); 0.963 on all 66 test documents.
    third = result.test_sets["third"]
    assert third.positive_f1 is not None and third.positive_f1 >= 0.85
    # Batch n (issue 13g, labelled before any model was run on it, measured once): vague F1 0.970 on 58 rows, 16 of
    # them vague; 0.964 on all 75 test documents.
    fourth = result.test_sets["fourth"]
    assert fourth.positive_f1 is not None and fourth.positive_f1 >= 0.9
    # 0.944 on the 63 test documents left after issue 13-resplit (355 rows); the shipped model scores the same.
    assert result.test.positive_f1 is not None and result.test.positive_f1 >= 0.92
    # Batch p (helper wild-p, labelled before any model was run on it, measured once): vague F1 1.000 on 32 rows, 3 of
    # them vague (`否`, `应改尽改`, `按实际情况发放`); 0.965 on all 85 test documents. Too few vague rows for a floor
    # of its own beyond "finds them".
    fifth = result.test_sets["fifth"]
    assert fifth.samples == FIFTH_VALUES and fifth.per_class["vague"].support == 3
    # Batch q (helper wild-q): no vague row among its 24 (every target carries a figure or a dated baseline).
    sixth = result.test_sets["sixth"]
    assert sixth.samples == SIXTH_VALUES and ("vague" not in sixth.per_class or sixth.per_class["vague"].support == 0)
    # Batch r (helper wild-r, labelled before any model was run on it, measured once): vague F1 0.889 on 34 rows, 5 of
    # them vague (r01's effect sentences and its cut `全`, r02's `良好`; one missed); 0.962 on all 96 test documents.
    seventh = result.test_sets["seventh"]
    assert seventh.samples == SEVENTH_VALUES and seventh.per_class["vague"].support == 5
    assert seventh.positive_f1 is not None and seventh.positive_f1 >= 0.8
    # Batch s (helper wild-s, labelled before any model was run on it, measured once): vague F1 0.909 on 40 rows, 6 of
    # them vague (s01's `有效减轻` / `基本提高` / `有效巩固` and a 时效 target without a date, s05's two compliance
    # claims; one missed); 0.960 on all 101 test documents.
    eighth = result.test_sets["eighth"]
    assert eighth.samples == EIGHTH_VALUES and eighth.per_class["vague"].support == 6
    assert eighth.positive_f1 is not None and eighth.positive_f1 >= 0.8
    # Batch t (helper wild-t, labelled before any model was run on it, measured once): vague F1 1.000 on 30 rows, 1 of
    # them vague (t04's `明显`); 0.960 on all 105 test documents. One vague row is too few for a floor of its own.
    ninth = result.test_sets["ninth"]
    assert ninth.samples == NINTH_VALUES and ninth.per_class["vague"].support == 1
    # Batches u and v (labelled before any model was run on them, measured once): vague F1 1.000 on 44 rows, 2 of them
    # vague (v01's `有所提高`, `有所改善`). Two vague rows are too few for a floor of their own.
    tenth = result.test_sets["tenth"]
    assert tenth.samples == TENTH_VALUES and tenth.per_class["vague"].support == 2
    # Batch w (helper wild-w, labelled before any model was run on it, measured once): vague F1 0.800 on 26 rows, 2 of
    # them vague (w01's `按期完工`, w02's `基本健全`; w03's `不超预算` called vague); 0.962 on all 118 test documents.
    eleventh = result.test_sets["eleventh"]
    assert eleventh.samples == ELEVENTH_VALUES and eleventh.per_class["vague"].support == 2
    # Batch x (helper wild-x, labelled before any model was run on it, measured once): vague F1 1.000 on 28 rows, 4 of
    # them vague (x02's grade words `充分`, `健全`, `合规`, `规范`); 0.963 on all 121 test documents.
    twelfth = result.test_sets["twelfth"]
    assert twelfth.samples == TWELFTH_VALUES and twelfth.per_class["vague"].support == 4
    assert twelfth.positive_f1 is not None and twelfth.positive_f1 >= 0.85
    # Batch y (helper wild-y, labelled before any model was run on it, measured once): vague F1 0.800 on 16 rows, 4 of
    # them vague (y01's `增加`, `按规定时限`, `按规定公开`, `绿化良好、水电费开支有下降`; `不超编、无违规支出` and
    # `超上年度`, a direction against last year's figure, called vague); 0.929 on all 65 test documents. A floor below
    # the figure: one row moves it a lot.
    thirteenth = result.test_sets["thirteenth"]
    assert thirteenth.samples == THIRTEENTH_VALUES and thirteenth.per_class["vague"].support == 4
    assert thirteenth.positive_f1 is not None and thirteenth.positive_f1 >= 0.65
    # Batch z (helper wild-z; its values had been through the model once in corpus/external, not blind): vague F1
    # 1.000 on 21 rows, 10 of them vague (the bare `是` / `否` of its 是/否 rows, a unit `%` with no target); 0.933 on
    # all 66 test documents.
    fourteenth = result.test_sets["fourteenth"]
    assert fourteenth.samples == FOURTEENTH_VALUES and fourteenth.per_class["vague"].support == 10
    assert fourteenth.positive_f1 is not None and fourteenth.positive_f1 >= 0.9
    # Batch aa (helper wild-aa, labelled before any model was run on it, measured once): vague F1 1.000 on 15 rows, 1
    # of them vague (aa02's `专项补助使用符合政策规定`, a compliance claim); 0.934 on all 69 test documents. One vague
    # row is too few for a floor of its own.
    fifteenth = result.test_sets["fifteenth"]
    assert fifteenth.samples == FIFTEENTH_VALUES and fifteenth.per_class["vague"].support == 1
    assert fifteenth.per_class["specific"].support == 14
    # Batch ab (helper wild-ab, labelled before any model was run on it; measured by wild-ab and once more by task
    # 13-heldout-ab, the same figures): vague F1 0.667 on 14 rows, 1 of them vague (ab01's bare `全部完成`, found);
    # wrong: the long `全部完成(包括运动场、…绿化等)`, a checklist of the works, → vague (0.75). 0.928 on all 71 test
    # documents (421 rows). One vague row is too few for a floor of its own.
    sixteenth = result.test_sets["sixteenth"]
    assert sixteenth.samples == SIXTEENTH_VALUES and sixteenth.per_class["vague"].support == 1
    assert sixteenth.per_class["specific"].support == 13


def test_category_on_held_out_documents(split: DocumentSplit) -> None:
    table, docs = _set([LABELS / "categories.csv"], CATEGORY_FEATURES)
    set_ = training_set(table, CATEGORY_FEATURES.columns, CATEGORY_FEATURES.text, list(table["label"]), docs=docs)
    result = evaluate_heldout(set_, CATEGORY_FEATURES, split, 2023, "categories")
    # C is the best cross-validated macro-F1 over the train + dev documents (ties go to the smaller C); which
    # C wins moves with the tokenizer's dictionary (0.790 for C = 3, 0.791 for C = 10), so the test pins the rule.
    # Since issue 13g the default C = 10 stays unless another beats it by more than NOISE_MARGIN.
    best = max(result.grid.values())
    if best - result.grid[str(DEFAULT_C)] <= NOISE_MARGIN:
        assert result.chosen_c == DEFAULT_C
    else:
        assert result.grid[str(result.chosen_c)] == best
        assert all(float(c) >= result.chosen_c for c, score in result.grid.items() if score == best)
    # first (326 rows) and fresh (243) are train / dev since issue 13-resplit.
    assert result.test.samples == (
        THIRD_CATEGORIES
        + FOURTH_CATEGORIES
        + FIFTH_CATEGORIES
        + SIXTH_CATEGORIES
        + SEVENTH_CATEGORIES
        + EIGHTH_CATEGORIES
        + NINTH_CATEGORIES
        + TENTH_CATEGORIES
        + ELEVENTH_CATEGORIES
        + TWELFTH_CATEGORIES
        + THIRTEENTH_CATEGORIES
        + FOURTEENTH_CATEGORIES
        + FIFTEENTH_CATEGORIES
        + SIXTEENTH_CATEGORIES
    )
    assert result.test_sets["third"].samples == THIRD_CATEGORIES
    assert result.test_sets["fourth"].samples == FOURTH_CATEGORIES
    assert result.test_sets["fifth"].samples == FIFTH_CATEGORIES
    assert result.test_sets["sixth"].samples == SIXTH_CATEGORIES
    assert result.test_sets["seventh"].samples == SEVENTH_CATEGORIES
    assert result.test_sets["eighth"].samples == EIGHTH_CATEGORIES
    assert result.test_sets["ninth"].samples == NINTH_CATEGORIES
    # Issue 13-resplit, fitted on the 120 train + dev documents: 0.778 on the 63 test documents (401 rows; 0.755 for
    # the model fitted on 62) — short of the 0.85 (models/category.card.md). The per-set figures below are
    # each set's first measurement (by the model of its time); this fit's are in corpus/labels/README.md.
    # Batch m (issue 13f, labelled before any model was run on it, measured once): 0.921 on 46 rows of 8
    # documents (no 可持续影响 row among them), 0.805 on all 66 test documents. Nothing was chosen after it.
    assert result.test_sets["third"].macro_f1 >= 0.85
    # Batch n (issue 13g, labelled before any model was run on it, measured once after every choice): 0.675 on 61
    # rows of 9 documents (质量 0.400, 社会效益 0.429, 可持续影响 0.333 on 4 rows); 0.790 on all 75 test documents.
    assert result.test_sets["fourth"].macro_f1 >= 0.62
    # Batch p (helper wild-p, labelled before any model was run on it, measured once): 0.843 on 32 rows of 10
    # documents (16 of them 数量; 成本 0.667, 社会效益 0.667 on 4 and 2 rows); 0.803 on all 85 test documents.
    assert result.test_sets["fifth"].macro_f1 >= 0.75
    # Batch q (helper wild-q, labelled before any model was run on it, measured once): 0.717 on 26 rows of 4
    # documents (经济效益 0.0 on its 1 row, 质量/时效/可持续影响 0.667 on 3, 4 and 2 rows); 0.805 on all 89 test
    # documents.
    assert result.test_sets["sixth"].macro_f1 >= 0.6
    # Batch r (helper wild-r, labelled before any model was run on it, measured once): 0.600 on 40 rows of 7
    # documents (成本, 经济效益 0.0 on their 1 row each, 时效 0.400 on 3; 数量 0.828 on 17); 0.802 on all 96 test
    # documents.
    assert result.test_sets["seventh"].macro_f1 >= 0.5
    # Batch s (helper wild-s, labelled before any model was run on it, measured once): 0.626 on 45 rows of 5
    # documents (可持续影响 0.0 on its 1 row, 经济效益 0.500 on 3, 社会效益 0.545 on 3, 成本 0.571 on 5 — s05's
    # 投入目标 budget rows; 数量 0.927 on 19); 0.796 on all 101 test documents.
    assert result.test_sets["eighth"].macro_f1 >= 0.5
    # Batch t (helper wild-t, labelled before any model was run on it, measured once): 0.838 on 36 rows of 4
    # documents (25 of them 数量, 0.958; 质量 0.571 on 2 rows, 经济效益 0.667 on 4, 社会效益 0.667 on 1); 0.796 on all
    # 105 test documents.
    assert result.test_sets["ninth"].macro_f1 >= 0.6
    # Batches u and v (labelled before any model was run on them; tried in train first, measured once as test):
    # 0.755 on 52 rows of 9 documents (数量 0.850 on 21); 0.799 on all 114 test documents.
    assert result.test_sets["tenth"].samples == TENTH_CATEGORIES and result.test_sets["tenth"].macro_f1 >= 0.65
    # Batch w (helper wild-w, labelled before any model was run on it, measured once): 0.634 on 29 rows of 4
    # documents (数量 0.909 on 12, 质量 1.000 on 8; 经济效益 and 可持续影响 0.0 on their 1 row each); 0.796 on all 118
    # test documents.
    assert result.test_sets["eleventh"].samples == ELEVENTH_CATEGORIES and result.test_sets["eleventh"].macro_f1 >= 0.55
    # Batch x (helper wild-x, labelled before any model was run on it, measured once): 0.508 on 34 rows of 3 documents
    # (24 of them x02's rows under 投入 / 产出 / 结果目标 with no 二级 printed; 质量 0.476 on 12, 成本 0.200 on 3,
    # 经济效益 0.0 on its 1 row; 数量 0.818 on 10); 0.788 on all 121 test documents. A floor below the
    # figure, as for the small sets before it: the set is too small to pin more.
    assert result.test_sets["twelfth"].samples == TWELFTH_CATEGORIES and result.test_sets["twelfth"].macro_f1 >= 0.45
    # Batch y (helper wild-y, labelled before any model was run on it, measured once): 0.796 on 17 rows of 2 documents
    # (y01's 16 rows, 7 of them printed under its 管理指标; wrong: 人员控制、支出规范 → 社会效益,
    # 政府采购 执行率 → 成本, 特殊人群健康管理率 → 质量, 健康档案更新率 → 质量);
    # 0.787 on all 65 test documents. A floor below the figure, as for the small sets before it.
    thirteenth = result.test_sets["thirteenth"]
    assert thirteenth.samples == THIRTEENTH_CATEGORIES and thirteenth.macro_f1 >= 0.65
    # Batch z (helper wild-z; its rows had been through the model once in corpus/external, not blind): 0.311 on 34
    # rows of z01 (数量 0.0 on 3 — completion rates read as 质量 —, 时效 0.0 on 5, 可持续影响 0.0 on 2; 质量 0.606 on
    # 14, 成本 0.600 on 7); 0.760 on all 66 test documents. A floor below the figure.
    fourteenth = result.test_sets["fourteenth"]
    assert fourteenth.samples == FOURTEENTH_CATEGORIES and fourteenth.macro_f1 >= 0.25
    # Batch aa (helper wild-aa, labelled before any model was run on it, measured once): 0.738 on 16 rows of 3
    # documents (accuracy 0.750; wrong: aa02's two 参保率 under 数量 → 质量, aa03's 逾期发放率 → 质量 where it measures
    # timeliness, aa01's 互查天数 → 时效; 数量 0.800 on 9, 质量 0.400 on 1). A floor below the figure.
    fifteenth = result.test_sets["fifteenth"]
    assert fifteenth.samples == FIFTEENTH_CATEGORIES and fifteenth.macro_f1 >= 0.6
    # Batch ab (helper wild-ab, labelled before any model was run on it; measured by wild-ab and once more by task
    # 13-heldout-ab, the same figures): 0.711 on 15 rows of 2 documents (accuracy 0.733; wrong: ab01's
    # works-completion values under 数量 — 室外市政附属工程 `全部完成(…)` and `完成90%`, 设施设备采购 `全部完成` —
    # → 质量 (0.64–0.69), ab03's 新增学位, whose value opens with `2023年`, → 时效; right: both 就学率 rows printed
    # under 经济效益 → 社会效益, the misfiling; 数量 0.778 on 11). A floor below the figure, as for the small sets
    # before it.
    sixteenth = result.test_sets["sixteenth"]
    assert sixteenth.samples == SIXTEENTH_CATEGORIES and sixteenth.macro_f1 >= 0.6
    # 0.784 on the 65 documents before batch z, 0.760 with it, 0.760 with aa, 0.760 with ab (0.7601 on 483 rows)
    assert result.test.macro_f1 >= 0.74
    assert result.test.per_class["服务对象满意度指标"].f1 >= 0.9


def test_a_document_missing_from_the_split_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "split.csv"
    bad.write_text("doc,split\n000,train\n001,holdout\n", encoding="utf-8")
    with pytest.raises(InputError, match="split 只能是 train、dev 或 test"):
        read_split(bad)
