"""Held-out evaluation by document: the fixed split, and the scores on documents never trained on."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from kpi_lint.classify.data import complete_columns, read_csv, training_set
from kpi_lint.classify.heldout import evaluate_heldout
from kpi_lint.classify.pipelines import CATEGORY_FEATURES, VAGUENESS_FEATURES, Features
from kpi_lint.classify.split import DocumentSplit, read_split
from kpi_lint.errors import InputError
from tests.corpus import ROOT

LABELS = ROOT / "corpus" / "labels"


@pytest.fixture(scope="module")
def split() -> DocumentSplit:
    return read_split(LABELS / "split.csv")


def _set(paths: list[Path], features: Features) -> tuple[pd.DataFrame, list[str]]:
    frames = [complete_columns(read_csv(p), [*features.columns, "label", "doc"], str(p)) for p in paths]
    table = pd.concat(frames, ignore_index=True)
    return table, list(table["doc"])


def test_split_is_fixed_by_document_and_covers_every_labelled_document(split: DocumentSplit) -> None:
    assert (len(split.train), len(split.dev), len(split.test)) == (46, 14, 24)
    assert "000" in split.test and "003" in split.test and "a07" in split.dev
    labelled = set(pd.read_csv(LABELS / "categories.csv", dtype=str)["doc"])
    # Batches a–h: batch i came after the labels and the split were made (the reader's last held-out batch).
    wild = {p.name[:3] for p in (ROOT / "corpus" / "wild").glob("*.txt") if p.name[0] in "abcdefgh"}
    assert labelled == wild | {"000", "001", "002", "003", "004"}
    assert all(split.part(doc) is not None for doc in labelled)


def test_category_labels_record_filed_and_true_category() -> None:
    rows = pd.read_csv(LABELS / "categories.csv", dtype=str, keep_default_na=False)
    assert len(rows) == 926
    misfiled = rows[rows["note"] == "misfiled"]
    assert len(misfiled) == 58
    assert (misfiled["level2"] != misfiled["label"]).all()
    awareness = rows[(rows["doc"] == "002") & (rows["level3"] == "政策知晓率")].iloc[0]
    assert (awareness["level2"], awareness["label"]) == ("服务对象满意度指标", "社会效益指标")
    unfiled = rows[(rows["doc"] == "b09") & (rows["level3"] == "农村公路养护里程")].iloc[0]
    assert (unfiled["level2"], unfiled["label"], unfiled["note"]) == ("", "数量指标", "no 二级 printed")


def test_vagueness_on_held_out_documents(split: DocumentSplit) -> None:
    paths = [LABELS / "values.csv", LABELS / "values_wild.csv"]
    table, docs = _set(paths, VAGUENESS_FEATURES)
    set_ = training_set(table, VAGUENESS_FEATURES.columns, VAGUENESS_FEATURES.text, list(table["label"]), docs=docs)
    result = evaluate_heldout(set_, VAGUENESS_FEATURES, split, 2023, "values", positive="vague")
    assert result.split["test"] == list(split.test)
    assert result.test.samples == 232 and result.test.per_class["vague"].support == 48
    assert result.test.positive_f1 is not None and result.test.positive_f1 >= 0.95  # reached 0.980


def test_category_on_held_out_documents(split: DocumentSplit) -> None:
    table, docs = _set([LABELS / "categories.csv"], CATEGORY_FEATURES)
    set_ = training_set(table, CATEGORY_FEATURES.columns, CATEGORY_FEATURES.text, list(table["label"]), docs=docs)
    result = evaluate_heldout(set_, CATEGORY_FEATURES, split, 2023, "categories")
    # C is the best macro-F1 on dev (ties go to the smaller C); which C wins moves with the tokenizer's
    # dictionary (0.577 for C = 10 and 30 alike in one run, 0.597 for C = 30 in another), so the test pins the rule.
    best = max(result.grid.values())
    assert result.grid[str(result.chosen_c)] == best
    assert all(float(c) >= result.chosen_c for c, score in result.grid.items() if score == best)
    assert result.test.samples == 320
    # Reached 0.761 on the 24 test documents with the cue words and 一级指标 (0.615 without): short of
    # the 0.85 (see bench/heldout_eval.py, models/category.card.md).
    assert result.test.macro_f1 >= 0.73
    assert result.test.per_class["服务对象满意度指标"].f1 >= 0.9


def test_a_document_missing_from_the_split_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "split.csv"
    bad.write_text("doc,split\n000,train\n001,holdout\n", encoding="utf-8")
    with pytest.raises(InputError, match="split 只能是 train、dev 或 test"):
        read_split(bad)
