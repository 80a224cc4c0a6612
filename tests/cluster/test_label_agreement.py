"""Two labellers on the 402 cluster test pairs (issue 13-agree-pairs; bench/label_agreement_pairs.py).

Labeller 2 labelled corpus/labels/agreement/pairs_second.csv blind (no first labels, no clustering), by
docs/labeling/cluster_pairs.md; labeller 1 is the evaluation label ``guide_label`` of tests/data/cluster_pairs.csv."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from kpi_lint.classify.split import read_split
from kpi_lint.cluster.agreement import agreement, join_labels, load_second_labels
from tests.corpus import ROOT


@pytest.fixture(scope="module")
def joined() -> pd.DataFrame:
    return join_labels(load_second_labels())


def test_every_second_labelled_pair_is_a_test_pair_of_the_pairs_file(joined: pd.DataFrame) -> None:
    assert len(joined) == 402 and joined["label_1"].notna().all()
    split = read_split(ROOT / "corpus" / "labels" / "split.csv")
    assert all("test" in {split.part(a), split.part(b)} for a, b in zip(joined["doc_a"], joined["doc_b"], strict=True))
    assert (joined["label_1"] == "same").sum() == 98 and (joined["label_2"] == "same").sum() == 90
    assert (joined["confidence"] == "unsure").sum() == 43


def test_agreement_figures(joined: pd.DataFrame) -> None:
    every = agreement(joined["label_1"].tolist(), joined["label_2"].tolist())
    assert (every.true_positive, every.false_positive, every.false_negative) == (88, 2, 10)
    assert every.accuracy == pytest.approx(390 / 402)
    assert every.kappa == pytest.approx(0.917, abs=0.001)
    assert (every.precision, every.recall, every.f1) == pytest.approx((0.978, 0.898, 0.936), abs=0.001)
    sure = joined[joined["confidence"] == "sure"]
    firm = agreement(sure["label_1"].tolist(), sure["label_2"].tolist())
    assert firm.n == 359 and firm.accuracy == pytest.approx(358 / 359) and firm.kappa == pytest.approx(0.991, abs=0.001)
    unsure = joined[joined["confidence"] == "unsure"]
    shaky = agreement(unsure["label_1"].tolist(), unsure["label_2"].tolist())
    assert shaky.n == 43 and shaky.accuracy == pytest.approx(32 / 43) and shaky.kappa == pytest.approx(0.444, abs=0.001)


def test_the_disagreements_are_the_pairs_the_note_discusses(joined: pd.DataFrame) -> None:
    wrong = joined[joined["label_1"] != joined["label_2"]]
    assert set(wrong["pair_id"].astype(int)) == {16, 33, 72, 120, 152, 155, 273, 284, 316, 332, 362, 371}
    # The only sure disagreement: 公用经费标准 (value 符合相关文件要求) against a per-pupil amount.
    (firm,) = wrong[wrong["confidence"] == "sure"].itertuples()
    assert (firm.level3_a, firm.level3_b, firm.label_1) == ("公用经费标准", "义务教育小学生均公用经费", "same")


def test_agreement_on_a_small_case() -> None:
    # Chance agreement 0.5 (truth half same, the other a quarter): kappa (0.75 - 0.5) / (1 - 0.5) = 0.5.
    a = agreement(["same", "same", "different", "different"], ["same", "different", "different", "different"])
    assert (a.accuracy, a.kappa, a.precision, a.recall) == pytest.approx((0.75, 0.5, 1.0, 0.5))


def test_a_pair_missing_from_the_first_labels_is_refused(joined: pd.DataFrame) -> None:
    second = load_second_labels()
    stray = second.head(1).assign(level3_b="不存在的指标")
    with pytest.raises(ValueError, match="找不到"):
        join_labels(pd.concat([second.iloc[1:], stray]))


def test_the_bench_names_a_bad_file_in_one_chinese_line(tmp_path: Path) -> None:
    bad = tmp_path / "second.csv"
    bad.write_text("pair_id,doc_a,level3_a,doc_b,level3_b,label,confidence,note\n1,000,甲,001,乙,maybe,sure,\n")
    script = ROOT / "bench" / "label_agreement_pairs.py"
    run = subprocess.run(
        [sys.executable, "-P", str(script), "--second", str(bad), "--no-cluster"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 2
    assert run.stderr.count("\n") == 1 and "maybe" in run.stderr and "Traceback" not in run.stderr
