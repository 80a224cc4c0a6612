"""corpus/external: indicator rows from public repositories, the hand-checked sample, and the shipped category model
on it (figures of notes/issue-wild-z.md, measured blind with bench/external_eval.py)."""

from __future__ import annotations

import random
from collections import Counter

import pandas as pd
import pytest
from sklearn.metrics import f1_score

from kpi_lint.classify.api import predict_frame
from kpi_lint.classify.labels import CATEGORY_LABELS
from kpi_lint.classify.persist import load_model
from kpi_lint.lexicon import load_lexicon
from kpi_lint.library.plain import target_text
from kpi_lint.vocab import squash
from tests.corpus import ROOT

EXTERNAL = ROOT / "corpus" / "external"
SOURCES = ("cams_research", "ciq_evaluation", "gx_common", "vocational_shuanggao")
# The sample's draw: random.Random(19), these many rows of each source (SOURCES.md).
QUOTA = {"vocational_shuanggao": 45, "cams_research": 45, "ciq_evaluation": 60, "gx_common": 10}


def _source(name: str) -> pd.DataFrame:
    return pd.read_csv(EXTERNAL / f"{name}.csv", dtype=str, keep_default_na=False, encoding="utf-8")


@pytest.fixture(scope="module")
def sample() -> pd.DataFrame:
    return pd.read_csv(EXTERNAL / "sample_checked.csv", dtype=str, keep_default_na=False, encoding="utf-8")


def test_rows_and_names_per_source() -> None:
    frames = {name: _source(name) for name in SOURCES}
    assert {n: len(f) for n, f in frames.items()} == {
        "cams_research": 156,
        "ciq_evaluation": 221,
        "gx_common": 10,
        "vocational_shuanggao": 155,
    }
    names = {n: {squash(x) for x in f["level3"]} for n, f in frames.items()}
    assert {n: len(v) for n, v in names.items()} == {
        "cams_research": 156,
        "ciq_evaluation": 185,
        "gx_common": 10,
        "vocational_shuanggao": 155,
    }
    assert len(set().union(*names.values())) == 506
    # no name is shared by two sources; inside the inspection forms 63 rows name a question another form asks too
    assert all(not (a & b) for (_, a), (_, b) in zip(names.items(), list(names.items())[1:], strict=False))
    assert {n: int((f["overlap"] != "").sum()) for n, f in frames.items()}["ciq_evaluation"] == 63
    # targets: every vocational row but its 20 定性 ones, every inspection row but three empty target cells
    assert int((frames["vocational_shuanggao"]["value"] != "").sum()) == 135
    assert int((frames["ciq_evaluation"]["value"] != "").sum()) == 218


def test_the_sample_is_the_seeded_draw(sample: pd.DataFrame) -> None:
    rng = random.Random(19)
    drawn = []
    for name, k in QUOTA.items():
        rows = _source(name)
        drawn += [(name, rows.iloc[i]["row"]) for i in sorted(rng.sample(range(len(rows)), k))]
    assert list(zip(sample["source"], sample["row"], strict=True)) == drawn


def test_sample_verdicts(sample: pd.DataFrame) -> None:
    assert len(sample) == 160
    assert Counter(sample["verdict"]) == {
        "agree": 139,
        "misfiled": 18,
        "printed under 预算管理": 2,
        "printed under 财务管理": 1,
    }
    agree = sample[sample["verdict"] == "agree"]
    assert (agree["label"] == agree["library_label"]).all() and (agree["reason"] == "").all()
    other = sample[sample["verdict"] != "agree"]
    assert (other["label"] != other["library_label"]).all() and (other["reason"] != "").all()
    assert set(sample["label"]) <= set(CATEGORY_LABELS)
    # the filing recorded in the sample is the source's, put in its canonical name
    vocab = load_lexicon().vocabulary
    assert all(
        (vocab.canonical_level2(p) or "") == f for p, f in zip(sample["level2"], sample["library_label"], strict=True)
    )
    by_source = sample.groupby("source")["verdict"].apply(lambda v: int((v == "agree").sum())).to_dict()
    assert by_source == {"cams_research": 41, "ciq_evaluation": 49, "gx_common": 10, "vocational_shuanggao": 39}


def test_shipped_category_model_on_the_hand_checked_sample(sample: pd.DataFrame) -> None:
    """Measured blind (the sample committed first): 72 of 160 as the hand labels, macro-F1 0.467 — far below the
    wild test set's 0.784. Libraries file counts of graded outputs (省级名师数量) under 质量 and give no targets;
    a row without a target is pulled towards 成本 (18 of the 62 such rows). Floors 3 rows and 0.03 below."""
    model = load_model(ROOT / "models" / "category.skops")
    table = pd.DataFrame(
        {
            "level3": sample["level3"],
            "level1": sample["level1"],
            "value": [target_text(v, u) for v, u in zip(sample["value"], sample["unit"], strict=True)],
        }
    )
    predicted = [label for label, _ in predict_frame(model, table, "sample_checked.csv")]
    truth = list(sample["label"])
    agree = sum(t == p for t, p in zip(truth, predicted, strict=True))
    macro = f1_score(truth, predicted, labels=sorted(set(truth)), average="macro", zero_division=0)
    assert agree >= 69, agree
    assert macro >= 0.44, macro
    # of the 21 rows the sources misfile (or file under 预算管理 / 财务管理), the model puts 12 where the hand label is
    wrong_filing = [p == t for p, t, v in zip(predicted, truth, sample["verdict"], strict=True) if v != "agree"]
    assert len(wrong_filing) == 21 and sum(wrong_filing) >= 10
