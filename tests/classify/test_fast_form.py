"""The inference-only form of the shipped models: the pipeline's predictions with NumPy alone.

The form is derived from a checked model, kept only when it predicts as the pipeline does, and read from
the run's cache by later runs, which then import neither scikit-learn nor SciPy, pandas or skops.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from kpi_lint.classify import api, copies
from kpi_lint.classify.cells import indicator_features, model_row
from kpi_lint.classify.data import complete_columns
from kpi_lint.classify.fast_derive import derive, derive_verified, probe_rows, verified
from kpi_lint.classify.fast_form import FastModel, char_wb_ngrams, word_ngrams
from kpi_lint.classify.form_file import read_form
from kpi_lint.classify.persist import Model, load_model
from kpi_lint.classify.pipelines import Features, build_pipeline
from kpi_lint.config import Config
from kpi_lint.errors import InputError
from kpi_lint.model import Indicator
from kpi_lint.parse import parse
from kpi_lint.rules.registry import all_rules
from kpi_lint.run.cache import Cache
from kpi_lint.run.checking import check_files
from tests.classify.conftest import MODELS_DIR, skops_only
from tests.corpus import CORPUS_DIR, ROOT, SAMPLES

WILD = tuple(sorted((CORPUS_DIR / "wild").glob("*.txt")))
HEAVY = ("sklearn", "scipy", "pandas", "skops")


@pytest.fixture(scope="module")
def shipped() -> dict[str, Model]:
    return {name: load_model(MODELS_DIR / f"{name}.skops") for name in ("category", "vagueness")}


def _indicators(path: Path) -> list[Indicator]:
    try:
        return parse(path).indicators
    except InputError:  # a wild file with no readable table (it says so): no rows
        return []


@pytest.fixture(scope="module")
def corpus_rows(shipped: dict[str, Model]) -> dict[str, list[tuple[str, ...]]]:
    """Every distinct indicator row of the five samples and the wild set, as each model reads it."""
    indicators = [ind for path in (*SAMPLES, *WILD) for ind in _indicators(path)]
    return {
        name: list(dict.fromkeys(indicator_features(ind, model.meta.columns) for ind in indicators))
        for name, model in shipped.items()
    }


@pytest.mark.parametrize("source", ["derived", "shipped"])
@pytest.mark.parametrize("name", ["category", "vagueness"])
def test_the_form_predicts_as_the_pipeline_on_every_row_of_the_corpus(
    name: str, source: str, shipped: dict[str, Model], corpus_rows: dict[str, list[tuple[str, ...]]]
) -> None:
    """The form derived from the skops file now, and the one shipped beside it (models/<name>.fast.npz, read
    with NumPy alone), against the skops file's pipeline."""
    import pandas as pd

    model = shipped[name]
    path = MODELS_DIR / f"{name}.skops"
    form = derive(model) if source == "derived" else read_form(path, path.read_bytes())
    assert form is not None
    rows = corpus_rows[name]
    assert len(rows) > 900  # distinct rows: 1454 for the category model, 978 for the vagueness model
    frame = pd.DataFrame(rows, columns=list(model.meta.columns), dtype=object)
    expected = model.pipeline.predict_proba(complete_columns(frame, model.meta.columns, "corpus")[model.meta.columns])
    got = form.predict_proba([model_row(row, model.meta.columns) for row in rows])
    assert got.shape == expected.shape and np.allclose(got, expected, rtol=0, atol=1e-9)
    labels = [label for label, _ in form.predict(rows)]
    assert labels == [label for label, _ in api.predict_frame(model, frame)]
    assert len(set(labels)) == len(model.meta.labels)  # every class is predicted somewhere
    assert verified(model, form, rows)


def test_the_probe_set_reaches_nearly_every_feature_of_the_model(shipped: dict[str, Model]) -> None:
    form = derive(shipped["category"])
    assert form is not None
    rows = probe_rows(form)
    seen: set[int] = set()
    for cells in rows:
        columns, _ = form._row_features(dict(zip(form.meta.columns, model_row(cells, form.meta.columns), strict=True)))
        seen.update(columns.tolist())
    # Terms written together are segmented anew by jieba: 16563 of the 16733 features are reached (9623 of 9729 before
    # issue 13-resplit doubled the training documents). 16732 since issue 13-category3: the kind "empty" has no column.
    assert form.coef.shape[1] == 16732 and len(seen) >= 0.98 * 16732


def test_the_ngrams_are_scikit_learns() -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = ["满意度≥0%", "  两个  词 ", "", "a", "ab c", "完成率达到0%以上"]
    for low, high in ((1, 1), (1, 2), (2, 3), (1, 3)):
        chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(low, high), lowercase=False)
        words = TfidfVectorizer(ngram_range=(low, high), tokenizer=str.split, token_pattern=None, lowercase=False)
        for text in texts:
            assert char_wb_ngrams(text, (low, high)) == chars._char_wb_ngrams(text)
            assert word_ngrams(text.split(), (low, high)) == words._word_ngrams(text.split())


def test_a_step_the_form_does_not_know_is_refused(shipped: dict[str, Model]) -> None:
    """A value-form block (kpi_lint.classify.value_form) has no inference-only form: derive says so, and the
    run predicts with scikit-learn."""
    import pandas as pd

    features = Features(text=("level3",), categorical=("kind",), value_form=("value",))
    rows = [("满意度", "percent", "≥90%"), ("完成时间", "date", "2023年12月"), ("资金", "money", "≤100万元")]
    frame = pd.DataFrame(rows * 4, columns=["level3", "kind", "value"])
    pipeline = build_pipeline(features, ()).fit(frame, ["服务对象满意度指标", "时效指标", "成本指标"] * 4)
    meta = shipped["category"].meta
    model = Model(
        meta=type(meta)(**{**meta.__dict__, "categorical_columns": ["kind"], "cue_columns": ["value"]}),
        pipeline=pipeline,
    )
    assert derive(model) is None and derive_verified(model) is None


def test_a_form_that_predicts_otherwise_is_not_kept(shipped: dict[str, Model]) -> None:
    model = shipped["vagueness"]
    form = derive(model)
    assert form is not None and verified(model, form)
    form.coef = form.coef + 1e-6  # a probability off by about 1e-7: not within 1e-9
    assert not verified(model, form)


def _forms(cache: Cache) -> list[Path]:
    return sorted(p for p in (cache.root / copies.FORMS).rglob("*") if p.is_file())


def test_the_form_is_kept_beside_the_copy_and_read_the_next_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = Cache(tmp_path / "cache")
    path = skops_only(tmp_path / "models") / "vagueness.skops"  # no form beside it: derived, then cached
    first = copies.load_shipped(path, cache)
    assert isinstance(first, Model) and len(_forms(cache)) == 1
    second = copies.load_shipped(path, cache)
    assert isinstance(second, FastModel) and second.meta == first.meta and second.path == path
    assert isinstance(copies.load_shipped(path, None), Model)  # --no-cache: the skops file
    # A damaged form is as good as missing: the model is loaded (from its copy) and the form written again.
    (entry,) = _forms(cache)
    entry.write_bytes(entry.read_bytes()[:100])
    assert isinstance(copies.load_shipped(path, cache), Model)
    assert isinstance(copies.load_shipped(path, cache), FastModel)


def test_a_check_from_the_forms_reports_what_the_pipelines_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both models, every rule, the samples: the same findings with the models' pipelines (no cache, model
    files without shipped forms) and with their forms (a second run whose files are new to the cache)."""
    monkeypatch.setenv(api.ENV_VAR, str(skops_only(tmp_path / "models")))
    paths = [str(p) for p in SAMPLES]
    api._shipped.cache_clear()
    plain = check_files(paths, Config(), all_rules())
    cache = Cache(tmp_path / "cache")
    api._shipped.cache_clear()
    check_files(paths[:1], Config(), all_rules(), cache=cache)  # derives both forms
    assert len(_forms(cache)) == 2
    api._shipped.cache_clear()
    for kind in ("files", "peers", "runs"):
        shutil.rmtree(cache.root / kind, ignore_errors=True)

    def no_pipeline(*args: object) -> Model:
        raise AssertionError("a model was loaded with its pipeline, not read as its form")

    monkeypatch.setattr(copies, "_trusted", no_pipeline)
    fast = check_files(paths, Config(), all_rules(), cache=cache)
    api._shipped.cache_clear()
    codes = [f.code for f in plain.findings]
    assert codes.count("KPI101") >= 40 and "KPI404" in codes
    assert [f.to_dict() for f in fast.findings] == [f.to_dict() for f in plain.findings]


def _check(args: list[str], cwd: Path, env: dict[str, str]) -> list[str]:
    """Run `kpi-lint ARGS` in a fresh interpreter; the heavy libraries it imported."""
    probe = (
        "import json, sys\n"
        "args = json.loads(sys.argv[1])\n"
        "sys.argv = ['kpi-lint', *args]\n"
        "from kpi_lint.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        f"print(json.dumps([m for m in {list(HEAVY)!r} if m in sys.modules]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, json.dumps(args)], capture_output=True, text=True, cwd=cwd, env=env, check=False
    )
    heavy: list[str] = json.loads(result.stdout.strip().splitlines()[-1])
    return heavy


def test_a_one_file_check_with_a_warm_form_imports_no_scikit_learn(tmp_path: Path) -> None:
    """KPI101 (the vagueness model, its file without a shipped form): once the form is in the cache, a check of
    a file new to it imports neither scikit-learn nor SciPy, pandas or skops, and reports what a run without the
    cache reports."""
    sample = sorted(SAMPLES)[0]
    env = {
        **os.environ,
        "KPI_LINT_CACHE_DIR": str(tmp_path / "cache"),
        "PYTHONPATH": str(ROOT),
        api.ENV_VAR: str(skops_only(tmp_path / "models")),
    }
    for name in ("first.txt", "second.txt"):
        shutil.copyfile(sample, tmp_path / name)
    select = ["--select", "KPI101", "--output-format", "json", "--fail-on", "never"]
    assert "sklearn" in _check(["check", "first.txt", *select, "-o", "first.json"], tmp_path, env)  # derives
    assert _check(["check", "second.txt", *select, "-o", "second.json"], tmp_path, env) == []
    _check(["check", "second.txt", *select, "--no-cache", "-o", "plain.json"], tmp_path, env)
    fast, plain = (json.loads((tmp_path / f"{n}.json").read_text(encoding="utf-8")) for n in ("second", "plain"))
    assert fast == plain
    found = fast["findings"] if isinstance(fast, dict) else fast
    assert sum(f["code"] == "KPI101" for f in found) >= 40


def test_the_rows_predicted_together_score_bit_for_bit_as_each_row_alone(
    shipped: dict[str, Model], corpus_rows: dict[str, list[tuple[str, ...]]]
) -> None:
    """`decision` finds every row's features at once (issue 10): on every distinct row of the samples and the wild
    set, each score is the very float that row gives when it is scored by itself, for both shipped models."""
    for name, model in shipped.items():
        form = derive(model)
        assert form is not None
        rows = [model_row(cells, form.meta.columns) for cells in corpus_rows[name]]
        assert len(rows) > 900  # 1,000-odd distinct rows a model (1,394 wild rows and the samples')
        together = form.decision(rows)
        alone = np.vstack([form.decision([row]) for row in rows])
        assert together.tobytes() == alone.tobytes()
        # a row of empty cells between two others leaves theirs as they were
        blank = tuple("" for _ in form.meta.columns)
        between = form.decision([rows[0], blank, rows[1]])
        assert between[1].tobytes() == form.decision([blank])[0].tobytes()
        assert between[0].tobytes() == together[0].tobytes() and between[2].tobytes() == together[1].tobytes()
