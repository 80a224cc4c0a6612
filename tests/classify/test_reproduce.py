"""The shipped models are what `kpi-lint train` makes today: same data, metrics, predictions (and bytes)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from kpi_lint.classify.api import predict_frame
from kpi_lint.classify.data import documents_frame
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
    # tolerance, since another processor rounds the last bits of a float differently.
    assert _close(new.card["metrics"], shipped["metrics"]), hint
    # The card describes the file beside it (the model itself is compared by its predictions below,
    # never by its bytes).
    shipped_bytes = (MODELS_DIR / f"{task}.skops").read_bytes()
    assert hashlib.sha256(shipped_bytes).hexdigest() == shipped["model_sha256"]


def _close(a: object, b: object, tol: float = 1e-9) -> bool:
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
    assert len(rows) == 412  # every indicator of the five disclosures
    ours, theirs = predict_frame(new, rows), predict_frame(shipped, rows)
    assert [label for label, _ in ours] == [label for label, _ in theirs]
    assert [p for _, p in ours] == pytest.approx([p for _, p in theirs], abs=1e-9)


def test_model_card_markdown_sits_beside_each_model() -> None:
    for task in ("category", "vagueness"):
        md = (MODELS_DIR / f"{task}.card.md").read_text(encoding="utf-8")
        card = _shipped_card(task)
        assert f"macro-F1：**{card['metrics']['macro_f1']:.3f}**" in md
        assert card["data"]["sha256"] in md
        assert Path(card["model"]).name == f"{task}.skops"
        assert {"scikit-learn", "skops", "jieba", "kpi-lint"} <= card["libraries"].keys()
