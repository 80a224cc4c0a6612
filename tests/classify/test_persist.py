"""Safe model files: only allow-listed types load; pickles, foreign label sets and old versions are refused."""

from __future__ import annotations

import hashlib
import io
import json
import pickle
import zipfile
from dataclasses import asdict, replace
from pathlib import Path

import pytest
import skops.io as sio
from sklearn.ensemble import RandomForestClassifier

from kpi_lint.classify import api, persist
from kpi_lint.classify.persist import (
    ALLOWED_TYPES,
    Model,
    ModelError,
    canonical_bytes,
    load_model,
    model_bytes,
    save_model,
    schema_types,
)
from kpi_lint.classify.tasks import custom_set
from kpi_lint.classify.train import train
from tests.classify.conftest import MODELS_DIR, TEMPLATED_CSV, run_cli
from tests.corpus import corpus_doc


class _RunsCode:
    """What an attacker pickles: unpickling it calls Path.touch(marker)."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        return (Path.touch, (self.marker,))


def _nodes(node: object) -> list[dict[str, object]]:
    if isinstance(node, list):
        return [n for item in node for n in _nodes(item)]
    if isinstance(node, dict):
        return ([node] if "__loader__" in node else []) + [n for v in node.values() for n in _nodes(v)]
    return []


def _tamper(source: Path, target: Path, cls: str, replacement: dict[str, str]) -> None:
    """Copy a model file, replacing every node of class `cls` in its schema (what a tampered file looks like)."""
    with zipfile.ZipFile(source) as src:
        entries = {name: src.read(name) for name in src.namelist()}
    schema = json.loads(entries["schema.json"])
    hits = [n for n in _nodes(schema) if n.get("__class__") == cls]
    assert hits
    for node in hits:
        node_id = node.get("__id__")
        node.clear()
        node.update(replacement, __id__=node_id)
    entries["schema.json"] = json.dumps(schema).encode("utf-8")
    with zipfile.ZipFile(target, "w") as dst:
        for name, data in entries.items():
            dst.writestr(name, data)


@pytest.fixture
def clear_caches() -> None:
    api._shipped.cache_clear()
    api._custom.cache_clear()


def test_shipped_models_hold_only_allow_listed_types() -> None:
    for name in ("category.skops", "vagueness.skops"):
        data = (MODELS_DIR / name).read_bytes()
        assert schema_types(data) <= ALLOWED_TYPES
        # skops' own view: only kpi-lint's own classes are beyond its defaults, all allow-listed
        # (the category model also holds its cue words, kpi_lint/classify/cues.py).
        cues = {"kpi_lint.classify.cues.CueFeatures"} if name == "category.skops" else set()
        assert set(sio.get_untrusted_types(data=data)) == {
            "kpi_lint.classify.tokenize.JiebaTokenizer",
            "kpi_lint.classify.tokenize.TextNormalizer",
            *cues,
        }


def test_custom_model_holds_only_allow_listed_types(templated_model: Path) -> None:
    assert schema_types(templated_model.read_bytes()) <= ALLOWED_TYPES
    assert load_model(templated_model).meta.labels == ["具体", "模板化"]


def test_saving_is_canonical(templated_model: Path) -> None:
    model = load_model(templated_model)
    first, second = model_bytes(model), model_bytes(model)
    # Saving one loaded model twice on one machine (not retraining): digests, so a failure prints two
    # short strings rather than a diff of two archives.
    digests = {hashlib.sha256(b).hexdigest() for b in (first, second, templated_model.read_bytes())}
    assert len(digests) == 1
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        *arrays, schema = archive.namelist()
        assert schema == "schema.json"
        numbers = [int(name.removesuffix(".npy")) for name in arrays]
        assert numbers == sorted(numbers) and numbers[-1] < 10_000  # ids renumbered, not memory addresses
    # Re-canonicalising a canonical file changes nothing.
    assert hashlib.sha256(canonical_bytes(first)).digest() == hashlib.sha256(first).digest()


def test_type_outside_the_allow_list_is_refused(templated_model: Path, tmp_path: Path) -> None:
    # A random forest is "safe" to skops by default, but no kpi-lint pipeline contains one.
    model = load_model(templated_model)
    payload = {"kpi_lint": asdict(model.meta), "pipeline": RandomForestClassifier(n_estimators=2)}
    path = tmp_path / "forest.skops"
    sio.dump(payload, path)
    with pytest.raises(ModelError, match=r"不在允许清单中的类型 .*RandomForestClassifier.*拒绝加载"):
        load_model(path)


def test_smuggled_function_is_refused_before_anything_is_built(templated_model: Path, tmp_path: Path) -> None:
    path = tmp_path / "tampered.skops"
    # The text normaliser becomes the function os.system: the vectorizer would call it on every text.
    _tamper(
        templated_model,
        path,
        "TextNormalizer",
        {"__class__": "system", "__module__": "os", "__loader__": "FunctionNode"},
    )
    with pytest.raises(ModelError, match=r"os\.system（FunctionNode）"):
        load_model(path)


def test_skops_audit_still_refuses_what_the_schema_walk_would_miss(
    templated_model: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Loading audits twice, not three times: kpi-lint's walk of the schema, then skops' own audit
    as it loads (``trusted`` = the allow-list). Were the walk to miss a node, skops refuses it, in one line."""
    path = tmp_path / "tampered.skops"
    _tamper(
        templated_model,
        path,
        "TextNormalizer",
        {"__class__": "system", "__module__": "os", "__loader__": "FunctionNode"},
    )
    monkeypatch.setattr(persist, "schema_types", lambda data: set())
    with pytest.raises(ModelError, match=r"不在允许清单中的类型 os\.system，出于安全考虑拒绝加载$") as refused:
        load_model(path)
    assert "\n" not in str(refused.value)


def test_pickle_that_would_run_code_is_refused(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    path = tmp_path / "model.skops"
    path.write_bytes(pickle.dumps(_RunsCode(marker)))
    refusal = "不是 skops 模型文件（看起来是 pickle 文件：它可以执行任意代码），出于安全考虑拒绝加载"
    with pytest.raises(ModelError, match=refusal):
        load_model(path)
    assert not marker.exists()
    result = run_cli("predict", "--model", path, TEMPLATED_CSV)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"kpi-lint: 错误: {path}: 不是 skops 模型文件")
    assert not marker.exists()


def test_skops_file_without_kpi_lint_metadata_is_refused(templated_model: Path, tmp_path: Path) -> None:
    path = tmp_path / "bare.skops"
    sio.dump(load_model(templated_model).pipeline, path)
    with pytest.raises(ModelError, match="不是 kpi-lint 训练的模型"):
        load_model(path)


def _with_meta(model: Model, path: Path, field: str, value: str) -> Path:
    meta = replace(model.meta)
    setattr(meta, field, value)
    save_model(Model(meta, model.pipeline), path)
    return path


def test_model_from_another_scikit_learn_version_is_refused(templated_model: Path, tmp_path: Path) -> None:
    import sklearn

    path = _with_meta(load_model(templated_model), tmp_path / "old.skops", "sklearn_version", "1.2.2")
    with pytest.raises(ModelError, match=rf"不兼容的版本训练：scikit-learn 1\.2\.2（当前 {sklearn.__version__}）"):
        load_model(path)


def test_model_from_another_kpi_lint_version_is_refused(templated_model: Path, tmp_path: Path) -> None:
    path = _with_meta(load_model(templated_model), tmp_path / "future.skops", "kpi_lint_version", "0.9.0")
    with pytest.raises(ModelError, match=r"kpi-lint 0\.9\.0（当前 0\.1\.0）"):
        load_model(path)


def test_model_file_format_version_is_checked(templated_model: Path, tmp_path: Path) -> None:
    model = load_model(templated_model)
    meta = asdict(model.meta) | {"format_version": 99}
    path = tmp_path / "v99.skops"
    path.write_bytes(canonical_bytes(sio.dumps({"kpi_lint": meta, "pipeline": model.pipeline})))
    with pytest.raises(ModelError, match="模型文件格式版本为 99，当前 kpi-lint 需要 1"):
        load_model(path)


def test_shipped_slot_with_another_task_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clear_caches: None
) -> None:
    (tmp_path / "category.skops").write_bytes((MODELS_DIR / "vagueness.skops").read_bytes())
    monkeypatch.setenv(api.ENV_VAR, str(tmp_path))
    predictor = api.category_predictor()
    assert predictor is not None and not predictor.loaded  # the file is opened for the first row
    with pytest.raises(ModelError, match="这是 vagueness 模型，这里需要 category 模型"):
        _ = predictor.model
    api._shipped.cache_clear()


def test_category_model_with_another_label_set_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clear_caches: None
) -> None:
    # Trained as "category" on a reviewer's labels: 具体 / 模板化 are not 二级指标.
    set_, features = custom_set([TEMPLATED_CSV], ["level3"], [], "mylabel")
    model, _ = train(set_, features, "category", seed=2023)
    save_model(model, tmp_path / "category.skops")
    monkeypatch.setenv(api.ENV_VAR, str(tmp_path))
    with pytest.raises(ModelError, match="模型的标签集合（具体、模板化）与所需不符：多出 具体、模板化"):
        _ = api.category_predictor().model  # type: ignore[union-attr]
    api._shipped.cache_clear()


def test_absent_shipped_model_gives_no_predictor(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clear_caches: None
) -> None:
    monkeypatch.setenv(api.ENV_VAR, str(tmp_path))
    assert api.category_predictor() is None
    assert api.vagueness_predictor() is None
    api._shipped.cache_clear()


def test_a_shipped_model_is_opened_only_for_its_first_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clear_caches: None
) -> None:
    """No rows, no load: a run whose files give a model nothing to predict never opens the file (here a
    damaged one, refused as soon as a row needs it)."""
    (tmp_path / "vagueness.skops").write_bytes(b"PK\x05\x06" + bytes(18))  # an empty zip: no schema.json
    monkeypatch.setenv(api.ENV_VAR, str(tmp_path))
    predictor = api.vagueness_predictor()
    assert predictor is not None
    predictor.prime([])
    assert not predictor.loaded
    row = next(ind for ind in corpus_doc("004").indicators if ind.value)
    with pytest.raises(ModelError, match="skops 模型文件已损坏"):
        predictor.prime([row])
    api._shipped.cache_clear()


def test_flag_label_must_be_one_of_the_model_labels(templated_model: Path, clear_caches: None) -> None:
    with pytest.raises(ModelError, match="模型的标签中没有 '套话'；这个模型的标签为 具体、模板化"):
        api.load_custom_model(templated_model, "套话")
    assert api.load_custom_model(templated_model, "模板化").meta.task == "custom"


def test_card_is_valid_json_with_the_model_hash(templated_model: Path) -> None:
    # The library path (train + save_model) writes no card; the CLI does — see test_cli.
    assert not templated_model.with_name("templated.card.json").exists()
    shipped = json.loads((MODELS_DIR / "vagueness.card.json").read_text(encoding="utf-8"))
    assert shipped["meta"]["labels"] == ["specific", "vague"]
    assert shipped["meta"]["sklearn_version"] == shipped["libraries"]["scikit-learn"]


def test_damaged_archive_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "damaged.skops"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("schema.json", "{not json")
    with pytest.raises(ModelError, match="skops 模型文件已损坏"):
        load_model(path)
    result = run_cli("predict", "--model", path, TEMPLATED_CSV)
    assert result.returncode == 2 and result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
