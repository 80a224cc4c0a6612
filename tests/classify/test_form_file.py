"""The models' inference-only forms shipped beside them (models/<name>.fast.npz, kpi_lint.classify.form_file).

A form is read only for the skops file it was derived from (its SHA-256), by this format, under the library
versions the skops file would be accepted with; anything else — a retrained or replaced model, a damaged or
foreign file, an object array that would need pickle — is ignored and the skops file read as before.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from kpi_lint.classify import copies, form_file
from kpi_lint.classify.fast_derive import derive
from kpi_lint.classify.fast_form import CueBlock, FastModel, OneHotBlock, TextBlock
from kpi_lint.classify.persist import Model, load_model
from tests.classify.conftest import MODELS_DIR

NAMES = ("category", "vagueness")


def _same_form(a: FastModel, b: FastModel) -> bool:
    """Equal forms: the same texts, categories and settings; the floats within a tolerance (never bytes)."""
    if (a.meta, a.classes, len(a.blocks)) != (b.meta, b.classes, len(b.blocks)):
        return False
    if not (np.allclose(a.coef, b.coef, rtol=1e-12, atol=0) and np.allclose(a.intercept, b.intercept, rtol=1e-12)):
        return False
    for (x, wx), (y, wy) in zip(a.blocks, b.blocks, strict=True):
        if type(x) is not type(y) or wx != wy:
            return False
        if isinstance(x, TextBlock) and isinstance(y, TextBlock):
            same_idf = (x.idf is None and y.idf is None) or (
                x.idf is not None and y.idf is not None and np.allclose(x.idf, y.idf, rtol=1e-12)
            )
            tokens = [x.tokenizer.entries if x.tokenizer else None, y.tokenizer.entries if y.tokenizer else None]
            settings = [(t.column, t.analyzer, t.ngram_range, t.sublinear_tf, t.norm, t.binary) for t in (x, y)]
            if not same_idf or x.vocabulary != y.vocabulary or tokens[0] != tokens[1] or settings[0] != settings[1]:
                return False
        elif isinstance(x, OneHotBlock | CueBlock) and x != y:
            return False
    return True


@pytest.mark.parametrize("name", NAMES)
def test_the_shipped_form_is_the_one_derived_from_the_skops_file_beside_it(name: str) -> None:
    path = MODELS_DIR / f"{name}.skops"
    shipped = form_file.read_form(path, path.read_bytes())
    derived = derive(load_model(path))
    hint = f"regenerate: python -m kpi_lint.classify.form_file models/{name}.skops"
    assert shipped is not None and derived is not None, hint
    assert _same_form(shipped, derived), hint
    assert shipped.path == path and shipped.meta.task == name
    widths = [block.width for block, _ in shipped.blocks]
    if name == "category":  # words, characters, 一级 one-hot, kind one-hot (no "empty"), cue words of name and value
        assert [type(b).__name__ for b, _ in shipped.blocks] == [
            "TextBlock",
            "TextBlock",
            "OneHotBlock",
            "OneHotBlock",
            "CueBlock",
            "CueBlock",
        ]
        assert sum(widths) == shipped.coef.shape[1] == 16732 and len(shipped.classes) == 9
    else:
        assert shipped.classes == ("specific", "vague") and shipped.coef.shape[0] == 1


@pytest.mark.parametrize("name", NAMES)
def test_the_file_is_written_canonically_and_read_back_unchanged(name: str, tmp_path: Path) -> None:
    path = MODELS_DIR / f"{name}.skops"
    data = path.read_bytes()
    form = form_file.read_form(path, data)
    assert form is not None
    written = form_file.form_bytes(form, form_file.sha256(data))
    assert written == form_file.form_bytes(form, form_file.sha256(data))  # no time stamp, fixed order
    target = tmp_path / path.name
    shutil.copyfile(path, target)
    form_file.form_path(target).write_bytes(written)
    again = form_file.read_form(target, data)
    assert again is not None and _same_form(again, form) and again.path == target
    with np.load(form_file.form_path(target), allow_pickle=False) as archive:
        assert archive["spec"].dtype == np.uint8 and archive["coef"].dtype == np.float64
        spec = json.loads(archive["spec"].tobytes().decode("utf-8"))
    assert (spec["format"], spec["model_sha256"]) == ("kpi-lint-fast-form", form_file.sha256(data))


def _beside(tmp_path: Path, name: str = "vagueness") -> Path:
    """A model file and its shipped form, copied into `tmp_path`."""
    path = tmp_path / f"{name}.skops"
    shutil.copyfile(MODELS_DIR / path.name, path)
    shutil.copyfile(form_file.form_path(MODELS_DIR / path.name), form_file.form_path(path))
    return path


def test_a_replaced_model_file_is_read_from_its_skops_file_not_the_old_form(tmp_path: Path) -> None:
    path = _beside(tmp_path)
    assert isinstance(copies.load_shipped(path, None), FastModel)
    shutil.copyfile(MODELS_DIR / "category.skops", path)  # a retrained (here: another) model under the same name
    assert form_file.read_form(path, path.read_bytes()) is None
    model = copies.load_shipped(path, None)
    assert isinstance(model, Model) and model.meta.task == "category"


def _rewrite_spec(target: Path, change: dict[str, object]) -> None:
    with np.load(target, allow_pickle=False) as archive:
        arrays = {name: archive[name] for name in archive.files}
    spec = json.loads(arrays["spec"].tobytes().decode("utf-8"))
    for key, value in change.items():  # "meta.KEY": the model's metadata
        part, _, name = key.rpartition(".")
        (spec[part] if part else spec)[name] = value
    arrays["spec"] = np.frombuffer(json.dumps(spec, ensure_ascii=False).encode("utf-8"), dtype=np.uint8)
    np.savez_compressed(target, **arrays)


@pytest.mark.parametrize(
    "damage",
    [
        "truncated",
        "not a zip",
        "object array",
        "another format version",
        "other scikit-learn",
        "other model format",
        "narrower coef",
    ],
)
def test_a_form_that_cannot_be_trusted_is_ignored(tmp_path: Path, damage: str) -> None:
    """No traceback and no pickle: the skops file is loaded as if there were no form beside it."""
    path = _beside(tmp_path)
    target = form_file.form_path(path)
    if damage == "truncated":
        target.write_bytes(target.read_bytes()[:1000])
    elif damage == "not a zip":
        target.write_bytes(b"\x80\x04 a pickle, never opened")
    elif damage == "object array":  # only loadable with allow_pickle=True
        np.savez(target, spec=np.array([{"format": "kpi-lint-fast-form"}], dtype=object))
    elif damage == "another format version":
        _rewrite_spec(target, {"format_version": form_file.FORMAT_VERSION + 1})
    elif damage == "other scikit-learn":  # the skops file would be refused (persist.check_versions): so is its form
        _rewrite_spec(target, {"meta.sklearn_version": "0.1.0"})
    elif damage == "other model format":  # and by persist's format check
        _rewrite_spec(target, {"meta.format_version": 0})
    else:
        with np.load(target, allow_pickle=False) as archive:
            arrays = {name: archive[name] for name in archive.files}
        arrays["coef"] = arrays["coef"][:, :-1]
        np.savez_compressed(target, **arrays)
    assert form_file.read_form(path, path.read_bytes()) is None
    assert isinstance(copies.load_shipped(path, None), Model)


def test_a_model_without_a_form_leaves_no_stale_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _beside(tmp_path)
    model = load_model(path)
    monkeypatch.setattr("kpi_lint.classify.fast_derive.derive_verified", lambda model: None)
    assert form_file.write_beside(model, path.read_bytes(), path) is None
    assert not form_file.form_path(path).exists()
