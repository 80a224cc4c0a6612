"""Two labellers on the category test rows: the blind second labelling against categories.csv.

Labeller 2 (issue 13-agree-category) labelled the 483 rows of the 71 test documents blind and committed the file
(corpus/labels/agreement/category_second.csv, a3dd443) before categories.csv, the model card or the model was
opened.  The figures are those of docs/notes/issue-13-agree-category.md and bench/label_agreement.py.
"""

from __future__ import annotations

import pandas as pd
import pytest

from kpi_lint.classify.agreement import agreement, paired_labels, printed_class
from kpi_lint.classify.api import predict_frame
from kpi_lint.classify.data import read_csv
from kpi_lint.classify.persist import load_model
from kpi_lint.classify.split import DocumentSplit, read_split
from kpi_lint.classify.train import _metrics
from kpi_lint.errors import InputError
from tests.corpus import ROOT

LABELS = ROOT / "corpus" / "labels"
SECOND = LABELS / "agreement" / "category_second.csv"
TOLERANCE = 0.001  # the figures are printed to three places


@pytest.fixture(scope="module")
def split() -> DocumentSplit:
    return read_split(LABELS / "split.csv")


@pytest.fixture(scope="module")
def first() -> pd.DataFrame:
    return read_csv(LABELS / "categories.csv")


@pytest.fixture(scope="module")
def second() -> pd.DataFrame:
    return read_csv(SECOND)


@pytest.fixture(scope="module")
def paired(first: pd.DataFrame, split: DocumentSplit, second: pd.DataFrame) -> pd.DataFrame:
    return paired_labels(first, split, second, str(SECOND))


def test_every_test_row_is_paired_with_its_own_row(paired: pd.DataFrame, split: DocumentSplit) -> None:
    assert len(paired) == 483
    assert set(paired["doc"]) == set(split.test)
    assert len(set(paired["doc"])) == 71
    row = paired.iloc[23]  # row_id 24: the count printed under 质量 that the guide names
    assert (row["doc"], row["level3"], row["first"], row["second"]) == (
        "m03",
        "实验室仪器维修维护",
        "数量指标",
        "数量指标",
    )


def test_agreement_of_the_two_labellers(paired: pd.DataFrame) -> None:
    a = agreement(list(paired["first"]), list(paired["second"]))
    assert (paired["first"] != paired["second"]).sum() == 5
    assert a.scores.accuracy == pytest.approx(478 / 483, abs=TOLERANCE)
    assert a.kappa == pytest.approx(0.987, abs=TOLERANCE)
    assert a.scores.macro_f1 == pytest.approx(0.990, abs=TOLERANCE)
    f1 = {label: c.f1 for label, c in a.scores.per_class.items()}
    assert f1["成本指标"] == pytest.approx(0.980, abs=TOLERANCE)
    assert f1["经济效益指标"] == pytest.approx(0.976, abs=TOLERANCE)
    assert f1["社会效益指标"] == pytest.approx(0.987, abs=TOLERANCE)
    assert f1["可持续影响指标"] == f1["生态效益指标"] == f1["服务对象满意度指标"] == 1.0
    # F1 per class is the same whichever labelling is taken as the truth; precision and recall swap.
    for label, c in a.scores.per_class.items():
        back = a.reverse.per_class[label]
        assert (back.f1, back.precision, back.recall) == (c.f1, c.recall, c.precision)
    disagreements = {
        (row.doc, row.level3): (row.first, row.second)
        for row in paired[paired["first"] != paired["second"]].itertuples()
    }
    assert disagreements == {
        ("r01", "项目资金到位率"): ("时效指标", "成本指标"),
        ("r02", "完成校园维修改造及设备购置项目"): ("数量指标", "成本指标"),
        ("r06", "全年实现会展业综合收入"): ("数量指标", "经济效益指标"),
        ("u01", "职工个税全年申报缴纳完成率"): ("质量指标", "数量指标"),
        ("u01", "检查(核查)人员被投诉次数"): ("社会效益指标", "质量指标"),
    }


def test_the_unsure_flag_marks_where_labellers_part(paired: pd.DataFrame) -> None:
    differ = paired["first"] != paired["second"]
    unsure = paired["confidence"] == "unsure"
    assert (int(unsure.sum()), int((differ & unsure).sum())) == (57, 4)
    assert (int((~unsure).sum()), int((differ & ~unsure).sum())) == (426, 1)


def test_the_shipped_model_against_each_labelling(paired: pd.DataFrame) -> None:
    model = load_model(ROOT / "models" / "category.skops")
    predicted = [label for label, _ in predict_frame(model, paired)]
    against_first = _metrics(list(paired["first"]), predicted, 0, None)
    against_second = _metrics(list(paired["second"]), predicted, 0, None)
    agree = paired["first"] == paired["second"]
    on_agreed = _metrics(
        list(paired.loc[agree, "first"]), [p for p, a in zip(predicted, agree, strict=True) if a], 0, None
    )
    assert against_first.macro_f1 == pytest.approx(0.760, abs=TOLERANCE)  # the model card's test figure
    assert against_second.macro_f1 == pytest.approx(0.766, abs=TOLERANCE)
    assert on_agreed.macro_f1 == pytest.approx(0.765, abs=TOLERANCE)
    assert on_agreed.samples == 478
    # The weak classes stay weak against either labelling: the labels are not what holds them down.
    for scores in (against_first, against_second, on_agreed):
        assert scores.per_class["经济效益指标"].f1 < 0.65
        assert scores.per_class["可持续影响指标"].f1 == pytest.approx(0.571, abs=TOLERANCE)


def test_printed_class() -> None:
    assert printed_class("数量指标") == "数量指标"
    assert printed_class("经济成本指标") == "成本指标"
    assert printed_class("具体指标") is None
    assert printed_class("") is None


def test_a_second_labelling_that_moved_is_refused(
    first: pd.DataFrame, split: DocumentSplit, second: pd.DataFrame
) -> None:
    with pytest.raises(InputError, match="第二次标注有 482 行，测试集有 483 行"):
        paired_labels(first, split, second.iloc[1:], "second.csv")
    swapped = second.copy()
    swapped.loc[[0, 1], ["doc", "level3"]] = swapped.loc[[1, 0], ["doc", "level3"]].to_numpy()
    with pytest.raises(InputError, match="row_id 1 是 m01「开展全国科普日专题科普活动」"):
        paired_labels(first, split, swapped, "second.csv")
    renumbered = second.assign(row_id=[str(k + 2) for k in range(len(second))])
    with pytest.raises(InputError, match="第 1 行的 row_id 是 '2'，应为 1"):
        paired_labels(first, split, renumbered, "second.csv")
    unsure = second.assign(confidence=["maybe"] * len(second))
    with pytest.raises(InputError, match="confidence 只能是 sure 或 unsure"):
        paired_labels(first, split, unsure, "second.csv")
    with pytest.raises(InputError, match="缺少列：confidence"):
        paired_labels(first, split, second.drop(columns=["confidence"]), "second.csv")
