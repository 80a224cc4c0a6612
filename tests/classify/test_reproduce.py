"""The shipped models are what `kpi-lint train` makes today: same data, metrics, predictions, coefficients.

Never bytes: another processor (or BLAS) rounds the last bits of a float differently, so a retrained
model is compared by what it predicts and by its numbers within a tolerance (numpy.allclose).  Every
assertion compares short values or booleans, so a failure under CI=true (where pytest prints the full
comparison) stays a few lines long.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from kpi_lint.classify.api import predict_frame
from kpi_lint.classify.data import documents_frame
from kpi_lint.classify.fast_form import TextBlock
from kpi_lint.classify.form_file import read_form
from kpi_lint.classify.persist import load_model
from tests.classify.conftest import MODELS_DIR, Trained
from tests.corpus import all_corpus_docs

RETRAIN_HINT = "corpus, parsers or labels changed: run `kpi-lint train {task}` and commit models/{task}.*"


def _shipped_card(task: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((MODELS_DIR / f"{task}.card.json").read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize("task", ["category", "vagueness"])
def test_retraining_reproduces_the_shipped_model(
    task: str, retrained_category: Trained, retrained_vagueness: Trained
) -> None:
    new = retrained_category if task == "category" else retrained_vagueness
    shipped = _shipped_card(task)
    hint = RETRAIN_HINT.format(task=task)
    assert new.card["data"]["sha256"] == shipped["data"]["sha256"], hint
    assert new.card["data"]["userdict_sha256"] == shipped["data"]["userdict_sha256"], hint
    assert new.card["labels"] == shipped["labels"]
    assert new.card["seed"] == shipped["seed"] == 2023
    # Metric for metric: every score, per-class figure, confusion cell and pruned row — within a
    # tolerance (the card rounds scores to 4 decimals; a last-bit difference may move one by 1e-4).
    assert _close(new.card["metrics"], shipped["metrics"]), hint
    assert _close(new.card.get("evaluation"), shipped.get("evaluation")), hint
    # The card describes the model beside it: same task, labels and training data.
    meta = load_model(MODELS_DIR / f"{task}.skops").meta
    assert (meta.task, meta.labels, meta.data_sha256) == (task, shipped["labels"], shipped["data"]["sha256"])


def _close(a: object, b: object, tol: float = 2e-4) -> bool:
    """Equal structures whose floats agree within `tol`."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_close(a[k], b[k], tol) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_close(x, y, tol) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) or isinstance(b, float):
        return isinstance(a, int | float) and isinstance(b, int | float) and abs(a - b) <= tol
    return a == b


def _corpus_rows() -> pd.DataFrame:
    return documents_frame(all_corpus_docs())


@pytest.mark.parametrize("task", ["category", "vagueness"])
def test_retrained_and_shipped_models_predict_the_same(
    task: str, retrained_category: Trained, retrained_vagueness: Trained
) -> None:
    new = (retrained_category if task == "category" else retrained_vagueness).model
    shipped = load_model(MODELS_DIR / f"{task}.skops")
    rows = _corpus_rows()
    assert len(rows) == 401  # every indicator of the five disclosures taken as data (412 less 000's garbled 11)
    ours, theirs = predict_frame(new, rows), predict_frame(shipped, rows)
    differing = [i for i, (a, b) in enumerate(zip(ours, theirs, strict=True)) if a[0] != b[0]]
    assert not differing, f"{len(differing)} predictions differ, first at row {differing[0]}"
    assert np.allclose([p for _, p in ours], [p for _, p in theirs], atol=1e-6)


@pytest.mark.parametrize("task", ["category", "vagueness"])
def test_retrained_coefficients_match_the_shipped_ones(
    task: str, retrained_category: Trained, retrained_vagueness: Trained
) -> None:
    new = (retrained_category if task == "category" else retrained_vagueness).model.pipeline
    shipped = load_model(MODELS_DIR / f"{task}.skops").pipeline
    new_union, old_union = new.named_steps["features"], shipped.named_steps["features"]
    for (name, ours, _), (_, theirs, _) in zip(new_union.transformers_, old_union.transformers_, strict=True):
        if hasattr(ours, "vocabulary_"):
            assert ours.vocabulary_ == theirs.vocabulary_, f"{task} {name}: vocabulary differs"
            assert np.allclose(ours.idf_, theirs.idf_, rtol=1e-9, atol=1e-12), f"{task} {name}: idf differs"
    new_lr, old_lr = new.named_steps["model"], shipped.named_steps["model"]
    assert list(new_lr.classes_) == list(old_lr.classes_)
    assert new_lr.coef_.shape == old_lr.coef_.shape
    assert np.allclose(new_lr.coef_, old_lr.coef_, rtol=1e-5, atol=1e-7), f"{task}: coefficients differ"
    assert np.allclose(new_lr.intercept_, old_lr.intercept_, rtol=1e-5, atol=1e-7), f"{task}: intercepts differ"


@pytest.mark.parametrize("task", ["category", "vagueness"])
def test_training_writes_the_form_beside_the_model_as_shipped(
    task: str, retrained_category: Trained, retrained_vagueness: Trained
) -> None:
    """`kpi-lint train` writes models/<task>.fast.npz (kpi_lint.classify.form_file) for its model file; it holds
    the shipped form's vocabularies and settings and its numbers within the coefficients' tolerance."""
    trained = retrained_category if task == "category" else retrained_vagueness
    path = MODELS_DIR / f"{task}.skops"
    new = read_form(trained.model_path, trained.model_path.read_bytes())
    shipped = read_form(path, path.read_bytes())
    assert new is not None and shipped is not None, RETRAIN_HINT.format(task=task)
    assert new.classes == shipped.classes and new.meta.labels == shipped.meta.labels
    assert np.allclose(new.coef, shipped.coef, rtol=1e-5, atol=1e-7), f"{task}: form coefficients differ"
    assert np.allclose(new.intercept, shipped.intercept, rtol=1e-5, atol=1e-7)
    for (ours, weight), (theirs, weight_shipped) in zip(new.blocks, shipped.blocks, strict=True):
        assert type(ours) is type(theirs) and weight == weight_shipped
        if isinstance(ours, TextBlock) and isinstance(theirs, TextBlock):
            assert ours.vocabulary == theirs.vocabulary, f"{task} {ours.column}: vocabulary differs"
            assert ours.idf is not None and theirs.idf is not None
            assert np.allclose(ours.idf, theirs.idf, rtol=1e-9, atol=1e-12)
        else:
            assert ours == theirs


def test_model_card_markdown_sits_beside_each_model() -> None:
    for task in ("category", "vagueness"):
        md = (MODELS_DIR / f"{task}.card.md").read_text(encoding="utf-8")
        card = _shipped_card(task)
        assert f"macro-F1：**{card['metrics']['macro_f1']:.3f}**" in md
        assert card["data"]["sha256"] in md
        assert Path(card["model"]).name == f"{task}.skops"
        assert {"scikit-learn", "skops", "jieba", "kpi-lint"} <= card["libraries"].keys()
