"""Shared, session-scoped training runs: each model is trained once per test session."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from kpi_lint.classify.persist import Model, load_model, save_model
from kpi_lint.classify.tasks import custom_set
from kpi_lint.classify.train import train
from tests.corpus import ROOT

DATA_DIR = Path(__file__).parent / "data"
TEMPLATED_CSV = DATA_DIR / "templated.csv"
MODELS_DIR = ROOT / "models"


def skops_only(folder: Path) -> Path:
    """A copy of models/ (skops files and cards) without the forms shipped beside the model files
    (kpi_lint.classify.form_file): a run pointed at it with $KPI_LINT_MODELS loads the skops files and predicts
    with their scikit-learn pipelines, as with a model trained before the forms were shipped."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in MODELS_DIR.iterdir():
        if path.is_file() and not path.name.endswith(".fast.npz"):
            shutil.copyfile(path, folder / path.name)
    return folder


def run_cli(*args: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """`kpi-lint ARGS` as a reviewer runs it (from the repository root unless told otherwise)."""
    return subprocess.run(
        [sys.executable, "-m", "kpi_lint", *map(str, args)], capture_output=True, text=True, cwd=cwd, check=False
    )


@dataclass
class Trained:
    """What one `kpi-lint train …` run left behind."""

    model_path: Path
    card: dict[str, Any]
    stdout: str

    @property
    def model(self) -> Model:
        return load_model(self.model_path)


def _train_cli(out: Path, *args: str | Path) -> Trained:
    result = run_cli("train", *args, "--out", out)
    assert result.returncode == 0, result.stderr
    card = json.loads(out.with_name(out.stem + ".card.json").read_text(encoding="utf-8"))
    return Trained(out, card, result.stdout)


@pytest.fixture(scope="session")
def retrained_category(tmp_path_factory: pytest.TempPathFactory) -> Trained:
    """`kpi-lint train category` on the corpus, written outside models/."""
    return _train_cli(tmp_path_factory.mktemp("category") / "category.skops", "category")


@pytest.fixture(scope="session")
def retrained_vagueness(tmp_path_factory: pytest.TempPathFactory) -> Trained:
    return _train_cli(tmp_path_factory.mktemp("vagueness") / "vagueness.skops", "vagueness")


@pytest.fixture(scope="session")
def templated_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A reviewer's 模板化 / 具体 model on 三级指标, trained through the library (the CLI path is in test_cli)."""
    set_, features = custom_set([TEMPLATED_CSV], ["level3"], [], "mylabel")
    model, _ = train(set_, features, "custom", seed=2023)
    path = tmp_path_factory.mktemp("custom") / "templated.skops"
    save_model(model, path)
    return path
