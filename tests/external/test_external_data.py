"""corpus/external: indicator rows from public repositories, the hand-checked sample, and the shipped category model
on it (figures of docs/notes/issue-wild-z.md, measured blind with bench/external_eval.py)."""

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
    # the filing recorded in the sample is the source's, put in its canonical name when that is one of the nine
    # (预算管理 and 财务管理 are known 二级 of the process block since issue reader-z, but none of the nine: empty)
    vocab = load_lexicon().vocabulary

    def nine(printed: str) -> str:
        name = vocab.canonical_level2(printed) or ""
        return name if name in CATEGORY_LABELS else ""

    assert all(nine(p) == f for p, f in zip(sample["level2"], sample["library_label"], strict=True))
    by_source = sample.groupby("source")["verdict"].apply(lambda v: int((v == "agree").sum())).to_dict()
    assert by_source == {"cams_research": 41, "ciq_evaluation": 49, "gx_common": 10, "vocational_shuanggao": 39}


def test_shipped_category_model_on_the_hand_checked_sample(sample: pd.DataFrame) -> None:
    """Measured blind (the sample committed first): 72 of 160 as the hand labels, macro-F1 0.467 — far below the
    wild test set's 0.784. Libraries file counts of graded outputs (省级名师数量) under 质量 and give no targets;
    a row without a target was pulled towards 成本 (18 of the 62 such rows). Issue 13-category3 (its one look at
    these rows, docs/notes/issue-13-category3-look-1.log): the value's kind no longer codes a missing target, 77 of 160,
    macro-F1 0.494, 4 of the 62 value-less rows called 成本. Floors 3 rows and 0.03 below."""
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
    assert agree >= 74, agree
    assert macro >= 0.46, macro
    no_target = [p for p, v in zip(predicted, table["value"], strict=True) if not v.strip()]
    assert len(no_target) == 62 and no_target.count("成本指标") <= 6, Counter(no_target)
    # of the 21 rows the sources misfile (or file under 预算管理 / 财务管理), the model puts 12 where the hand label is
    wrong_filing = [p == t for p, t, v in zip(predicted, truth, sample["verdict"], strict=True) if v != "agree"]
    assert len(wrong_filing) == 21 and sum(wrong_filing) >= 10


def _value_less_rows_outside_the_sample(sample: pd.DataFrame) -> pd.DataFrame:
    held = set(zip(sample["source"], sample["row"], strict=True))
    frames = []
    for name in SOURCES:
        part = _source(name)
        keep = [(name, r) not in held and not v.strip() for r, v in zip(part["row"], part["value"], strict=True)]
        frames.append(part[keep])
    rows = pd.concat(frames, ignore_index=True)
    return pd.DataFrame({"level3": rows["level3"], "level1": rows["level1"], "value": [""] * len(rows)})


def test_a_missing_target_is_no_kind(sample: pd.DataFrame) -> None:
    """Issue 13-category3: the value's kind is coded only for a target that is there. With "empty" coded as a kind,
    the few empty cost cells of training made it a 成本 cue: of the 127 external rows without a target outside the
    hand-checked sample (CAMS' library, 4 of them filed 成本), the model fitted so on train + dev calls 36 成本; the
    shipped model, whose kind code has no "empty" column, calls 8 成本 (agreeing with the filing on 71, against 63)."""
    from dataclasses import replace

    from kpi_lint.classify.pipelines import CATEGORY_FEATURES, VALUE_KINDS, build_pipeline
    from kpi_lint.classify.split import read_split
    from kpi_lint.classify.tasks import category_set
    from kpi_lint.classify.train import _userdict

    shipped = load_model(ROOT / "models" / "category.skops")
    kind_code = shipped.pipeline.named_steps["features"].named_transformers_["categories:kind"]
    assert [list(c) for c in kind_code.categories_] == [list(VALUE_KINDS)]
    rows = _value_less_rows_outside_the_sample(sample)
    assert len(rows) == 127
    called = Counter(label for label, _ in predict_frame(shipped, rows, "corpus/external"))
    assert called["成本指标"] <= 12, called  # 8
    # without the closed code, the same data and C: "empty" is a kind again
    split = read_split(ROOT / "corpus" / "labels" / "split.csv")
    set_ = category_set([ROOT / "corpus" / "labels" / "categories.csv"])
    fit = [i for i, d in enumerate(set_.docs) if d in set(split.train) | set(split.dev) and set_.labels[i]]
    open_code = build_pipeline(replace(CATEGORY_FEATURES, closed_categories=()), _userdict())
    open_code.fit(set_.features.iloc[fit], [set_.labels[i] for i in fit])
    table = rows.assign(kind="empty")[list(CATEGORY_FEATURES.columns)]
    assert Counter(open_code.predict(table))["成本指标"] >= 25  # 36
