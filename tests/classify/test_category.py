"""The category classifier: 三级指标 + value kind + 一级指标 → canonical 二级指标."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from kpi_lint.classify.api import category_predictor
from kpi_lint.classify.data import documents_frame, read_csv
from kpi_lint.classify.heldout import NOISE_MARGIN
from kpi_lint.classify.pipelines import DEFAULT_C
from kpi_lint.classify.tasks import CATEGORY, CORPUS_DIR, category_set
from kpi_lint.classify.train import train
from kpi_lint.model import Indicator
from tests.classify.conftest import MODELS_DIR, Trained, run_cli
from tests.corpus import corpus_doc, corpus_path

KPI404_MIN_PROBABILITY = 0.8  # KPI404's default `min_probability`


def _indicator(key: str, level3: str, value: str) -> Indicator:
    (ind, *_) = [i for i in corpus_doc(key).indicators if i.level3 == level3 and i.value == value]
    return ind


def test_held_out_scores_on_the_test_documents(retrained_category: Trained) -> None:
    """`kpi-lint train category`: hand-checked labels, C chosen by cross-validation over train + dev,
    measured on the test documents: the third set (the 8 of batch m), the fourth (the 9 of batch n), the fifth (the 10
    of batch p), the sixth (the 4 of batch q), the seventh (the 7 of batch r), the eighth (the 5 of batch s), the ninth
    (the 4 of batch t), the tenth (the 9 of batches u and v), the eleventh (the 4 of batch w), the twelfth (the 3 of
    batch x), the thirteenth (the 2 of batch y), the fourteenth (z01, batch z), the fifteenth (aa01–aa03, batch
    aa) and the sixteenth (ab01 and ab03, batch ab). The sets first (24) and fresh (34) went to train / dev in issue
    13-resplit (corpus/labels/README.md)."""
    held = retrained_category.card["metrics"]["heldout"]
    assert [len(held["split"][p]) for p in ("train", "dev", "test")] == [90, 30, 71]
    assert {name: len(docs) for name, docs in held["test_set_docs"].items()} == {
        "third": 8,
        "fourth": 9,
        "fifth": 10,
        "sixth": 4,
        "seventh": 7,
        "eighth": 5,
        "ninth": 4,
        "tenth": 9,
        "eleventh": 4,
        "twelfth": 3,
        "thirteenth": 2,
        "fourteenth": 1,
        "fifteenth": 3,
        "sixteenth": 2,
    }
    # C is chosen by macro-F1 cross-validated over the train + dev documents: the default C = 10 unless another
    # beats it by more than the noise (NOISE_MARGIN; issue 13g: C = 3 scored 0.8245 against 0.8221); test never
    # chooses.
    best = max(held["grid"].values())
    if best - held["grid"][str(DEFAULT_C)] <= NOISE_MARGIN:
        assert held["chosen_c"] == DEFAULT_C
    else:
        assert held["grid"][str(held["chosen_c"])] == best
    assert held["test"]["samples"] == 483
    assert held["test_sets"]["third"]["samples"] == 46 and held["test_sets"]["fourth"]["samples"] == 61
    assert held["test_sets"]["fifth"]["samples"] == 32 and held["test_sets"]["sixth"]["samples"] == 26
    assert held["test_sets"]["seventh"]["samples"] == 40 and held["test_sets"]["eighth"]["samples"] == 45
    assert held["test_sets"]["ninth"]["samples"] == 36 and held["test_sets"]["tenth"]["samples"] == 52
    assert held["test_sets"]["eleventh"]["samples"] == 29 and held["test_sets"]["twelfth"]["samples"] == 34
    assert held["test_sets"]["thirteenth"]["samples"] == 17 and held["test_sets"]["fourteenth"]["samples"] == 34
    assert held["test_sets"]["fifteenth"]["samples"] == 16 and held["test_sets"]["sixteenth"]["samples"] == 15
    test = held["test"]
    assert list(test["per_class"]) == [
        "数量指标",
        "质量指标",
        "时效指标",
        "成本指标",
        "经济效益指标",
        "社会效益指标",
        "生态效益指标",
        "可持续影响指标",
        "服务对象满意度指标",
    ]
    # Issue 13-resplit, fitted on 120 train + dev documents: 0.778 on the 63 test documents (401 rows); the model
    # fitted on 62 documents scored 0.755 on the same rows. Issue 13-resplit2 (labels settled against KPI404's
    # verdicts, two of them q02 test rows): 0.785, against 0.757 for the 62-document model on the same labels.
    # Short of the 0.85, see models/category.card.md. Helper wild-z's batch z (z01, 34 rows of an inspection
    # bureau's evaluation form, test set fourteenth: 0.311) takes the 66 test documents to 0.760 (0.784 on the other
    # 65): the floor follows the new rows, not a choice made on them. Helper wild-aa's batch aa (16 rows, fifteenth:
    # 0.738) leaves the 69 test documents at 0.760, and helper wild-ab's batch ab (15 rows, sixteenth: 0.711) the 71
    # at 0.760 (0.7602 → 0.7601).
    assert test["macro_f1"] >= 0.74
    # Per set (before → after the resplit): third 0.918 → 0.932, fourth 0.695 → 0.781, fifth 0.917 → 0.978,
    # sixth 0.717 → 0.715, seventh 0.608 → 0.596, eighth 0.689 → 0.700, ninth 0.838 → 0.882; since issue
    # 13-resplit2 (settled labels, the 62-document model → this one): fourth 0.695 → 0.790, sixth 0.757 → 0.799,
    # seventh 0.608 → 0.558, ninth 0.838 → 0.858.
    assert held["test_sets"]["third"]["macro_f1"] >= 0.85 and held["test_sets"]["fourth"]["macro_f1"] >= 0.7
    assert held["test_sets"]["fifth"]["macro_f1"] >= 0.9 and held["test_sets"]["sixth"]["macro_f1"] >= 0.6
    assert held["test_sets"]["seventh"]["macro_f1"] >= 0.5 and held["test_sets"]["eighth"]["macro_f1"] >= 0.6
    assert held["test_sets"]["ninth"]["macro_f1"] >= 0.8
    assert test["per_class"]["服务对象满意度指标"]["f1"] >= 0.9  # 1.000 (21 rows)
    assert test["per_class"]["生态效益指标"]["f1"] >= 0.7  # 0.933 (8 rows)


def test_cross_validation_is_by_document_over_train_and_dev(retrained_category: Trained) -> None:
    """The per-label precision KPI404 trusts comes from train + dev documents, never from test."""
    m = retrained_category.card["metrics"]
    assert m["grouped_by"] == "document" and m["folds"] == 5
    # rows of the 120 train + dev documents (distinct by 三级指标, kind, 一级指标, value); 602 on 62 before the resplit
    assert m["samples"] == 1171
    assert not m["pruned"]  # hand-checked labels: nothing to prune
    assert m["per_class"]["服务对象满意度指标"]["precision"] >= 0.9


def test_card_calibrates_kpi404_on_train_and_dev(retrained_category: Trained) -> None:
    """KPI404's thresholds are chosen at training time on the same out-of-fold predictions (issue 11s): 95 moves
    on the train + dev documents, about half right by the hand labels at every threshold, so none is chosen."""
    cal = retrained_category.card["metrics"]["calibration"]
    assert cal["target_precision"] == 0.9 and cal["min_calls"] == 10
    # 95 over the 120 train + dev documents since issue 13-resplit, 98 since issue 13-resplit2 (51 over the 62
    # before; 54 with batch v, 57 with batch u in train: trials, issue 13m / 9zk)
    assert 80 <= cal["calls"] <= 110
    at = {row["threshold"]: row for row in cal["table"]}
    assert 35 <= at[0.8]["calls"] <= 55 and at[0.8]["precision"] < 0.7  # 52 calls, 0.615 (45, 0.60 in 13-resplit)
    assert cal["overall"] is None
    assert all(t is None for t in cal["per_label"].values())  # 质量 (19 calls) and 社会效益 (10) never reach 0.9
    # The shipped card carries the same calibration (retrained with the shipped model: predictions unchanged).
    shipped = json.loads((MODELS_DIR / "category.card.json").read_text(encoding="utf-8"))["metrics"]["calibration"]
    assert shipped["calls"] == cal["calls"] and shipped["overall"] == cal["overall"]


def test_printed_labels_are_pruned_of_probable_misfilings() -> None:
    """Trained on the printed 二级 of the five samples (`--data corpus/`), misfiled rows are left out."""
    set_ = category_set(sorted(CORPUS_DIR.glob("*.txt")))
    _, metrics = train(set_, CATEGORY.features, "category", 2023, prune=True)
    # distinct (三级指标, kind, 一级指标, value); 271 before 000's garbled table was left out (issue 13-category4)
    assert metrics.grouped_by == "text" and metrics.samples == 270
    pruned = {(tuple(p.text), p.label, p.predicted) for p in metrics.pruned}
    # (The same name with its date, 5月底之前, was pruned too while the value-kind block weighed 2; at weight
    # 1 the model gives its printed 质量 more than 0.1 and keeps it.)
    assert (("医药费报销完成率", "percent", "产出指标", "=100%"), "数量指标", "质量指标") in pruned
    deadline = ("对稳定脱贫人口居民2023年医保个人缴费", "money", "产出指标", "=175元/人")
    assert (deadline, "质量指标", "成本指标") in pruned
    assert (("保险缴纳达标率", "percent", "产出指标", "=100%"), "数量指标", "质量指标") in pruned
    burden = ("减轻困难人群医疗费用负担", "qualitative", "效益指标", "有效减轻")
    assert (burden, "社会效益指标", "经济效益指标") in pruned
    assert 8 <= len(pruned) <= 20  # 15 in one run; 11 since the value's cue words (issue 13g)


def test_rows_of_a_garbled_table_are_no_training_data() -> None:
    """000's table at line 2256 is garbled (values without their 三级指标): its 11 rows are listed by the reader
    (reading: garbled) but the frame a model is trained on from disclosures leaves them out, the one of them with a
    name (离休干部、二等乙级伤残军人数 | 60人, whose cells may be another row's) included."""
    docs = [corpus_doc(key) for key in ("000", "001", "002", "003", "004")]
    listed = [ind for doc in docs for ind in doc.indicators]
    garbled = [ind for ind in listed if not ind.trusted]
    assert len(listed) == 412 and len(garbled) == 11
    assert {ind.path for ind in garbled} == {docs[0].path}
    frame = documents_frame(docs)
    assert len(frame) == 401
    assert "离休干部、二等乙级伤残军人数" not in set(frame["level3"])
    kept = set(zip(frame["_source"], frame["_line"], strict=True))
    assert not kept & {(ind.path, str(ind.line)) for ind in garbled}
    set_ = category_set(sorted(CORPUS_DIR.glob("*.txt")))
    assert len(set_.labels) == 270 and set_.dropped == 7  # 271 and 17 with the garbled rows


def test_a_row_marked_garbled_is_no_training_data(tmp_path: Path) -> None:
    """A table with a ``reading`` column — a `kpi-lint parse` export — is read as the trainer's frame of the document
    is: the rows marked ``garbled`` are left out (000's export: 155 rows, 11 garbled), and the lines of the rows kept
    are still the file's."""
    export = tmp_path / "000.csv"
    done = run_cli("parse", corpus_path("000"), "--format", "csv", "-o", export)
    assert done.returncode == 0, done.stderr
    raw = pd.read_csv(export, dtype=str, keep_default_na=False)
    assert len(raw) == 155 and (raw["reading"] == "garbled").sum() == 11
    frame = read_csv(export)
    assert len(frame) == 144 and set(frame["reading"]) == {""}
    assert "离休干部、二等乙级伤残军人数" not in set(frame["level3"])
    kept_lines = [int(n) for n in frame["_line"]]
    assert kept_lines == [i + 2 for i in raw.index[raw["reading"] != "garbled"]]
    # The labelled rows of the five samples, read from their exports, are the frame of the parsed documents.
    assert len(category_set([export]).labels) == len(category_set([corpus_path("000")]).labels)


def test_on_time_printed_under_quality_is_predicted_timeliness() -> None:
    """003's "就否按时救助 >90" under 质量指标 (004's "5月底之前", the example until issue 11ae, is read under its
    merged 时效指标 cell now)."""
    predict = category_predictor()
    assert predict is not None
    ind = _indicator("003", "就否按时救助", ">90")
    assert ind.level2 == "质量指标"
    label, probability = predict(ind)
    assert label == "时效指标"
    assert probability >= KPI404_MIN_PROBABILITY  # so KPI404 fires here


def test_rate_printed_under_quality_stays_quality() -> None:
    predict = category_predictor()
    assert predict is not None
    ind = _indicator("000", "城乡居民基本医疗保险参保率", "≥95%")
    assert ind.level2 == "质量指标"
    label, probability = predict(ind)
    assert label == "质量指标"  # so KPI404 stays silent here
    assert probability >= KPI404_MIN_PROBABILITY


@pytest.mark.parametrize(
    ("key", "level3", "value", "expected"),
    [
        ("002", "会议费", "20000元", "成本指标"),
        ("004", "宣传资料印刷份数", "≥2万份", "数量指标"),
        ("004", "受益人群满意度", "≥85%", "服务对象满意度指标"),
        ("000", "大学生医疗补助发放时间", "2023年12月前", "时效指标"),
    ],
)
def test_well_filed_rows_keep_their_category(key: str, level3: str, value: str, expected: str) -> None:
    predict = category_predictor()
    assert predict is not None
    ind = _indicator(key, level3, value)
    assert ind.level2 == expected
    assert predict(ind)[0] == expected
