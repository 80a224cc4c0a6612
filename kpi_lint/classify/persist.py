"""Model files a colleague can send without being able to run code on your machine.

A model file is a skops archive holding ``{"kpi_lint": metadata, "pipeline": Pipeline}``.
Loading it:

1. refuses anything that is not a skops archive (a pickle is never opened);
2. reads the archive's schema and refuses every type and node kind that is not on
   `ALLOWED_TYPES` — stricter than skops' own defaults, which trust every
   scikit-learn estimator — before skops is even imported;
3. lets skops build the objects with ``trusted=ALLOWED_TYPES``: skops audits the
   tree once more itself, and builds nothing if it finds a type it does not trust;
4. refuses a model whose metadata says it was made by an incompatible
   kpi-lint model format or scikit-learn version, naming what differs.

Two audits, not three: step 2 is a walk over every node of the schema (a superset
of what skops' ``get_untrusted_types`` reports, which is the same tree audit that
``loads`` runs), so asking skops for its untrusted types before loading would only
repeat step 3 (half a second for the category model's 10k nodes).

Saving rewrites the skops archive canonically (object ids renumbered in
order of appearance, fixed zip timestamps, deflate level 9), so retraining on
the same data with the same libraries (zlib included) gives the same bytes.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kpi_lint.errors import InputError

if TYPE_CHECKING:
    from sklearn.pipeline import Pipeline

    from kpi_lint.classify.fast_form import FastModel

# skops and scikit-learn are imported where a file is written, read or checked, not here: importing
# skops.io asks scikit-learn for every estimator it has (all_estimators, about 1.5 s), importing
# scikit-learn takes SciPy's statistics (about 2 s), and a run that predicts from a model's
# inference-only form (kpi_lint.classify.fast_form) or only names these types needs neither.

FORMAT = "kpi-lint-model"
FORMAT_VERSION = 1

# Every type a kpi-lint pipeline is made of (found with skops.io.get_untrusted_types
# and the archive schema of the shipped models).  Anything else is refused.
ALLOWED_TYPES: frozenset[str] = frozenset(
    {
        # containers and leaves of the fitted state
        "builtins.dict",
        "builtins.list",
        "builtins.tuple",
        "builtins.str",
        "builtins.slice",
        "numpy.ndarray",
        "numpy.float64",
        # the pipeline (pipelines.py)
        "sklearn.pipeline.Pipeline",
        "sklearn.compose._column_transformer.ColumnTransformer",
        "sklearn.feature_extraction.text.TfidfVectorizer",
        "sklearn.feature_extraction.text.TfidfTransformer",
        "sklearn.preprocessing._encoders.OneHotEncoder",
        "sklearn.linear_model._logistic.LogisticRegression",
        # kpi-lint's own callables (tokenize.py): plain data, no code in the file
        "kpi_lint.classify.tokenize.JiebaTokenizer",
        "kpi_lint.classify.tokenize.TextNormalizer",
        "kpi_lint.classify.cues.CueFeatures",
        "kpi_lint.classify.value_form.ValueForm",
        "kpi_lint.classify.level_names.LevelNames",
    }
)
# The skops node kinds those types are stored as; functions, methods, partials
# and reduce-constructors are how a crafted file would smuggle in a call.
_ALLOWED_LOADERS = frozenset(
    {
        "DictNode",
        "ListNode",
        "TupleNode",
        "JsonNode",
        "SliceNode",
        "NdArrayNode",
        "ObjectNode",
        "TypeNode",
    }
)
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest zip timestamp: no build date inside the model


class ModelError(InputError):
    """A model file that cannot be used: reported as one line, exit 2."""


@dataclass
class ModelMeta:
    """What is stored with the pipeline inside the model file (and copied to the card)."""

    task: str  # category | vagueness | custom
    labels: list[str]
    text_columns: list[str]
    categorical_columns: list[str]
    seed: int
    data_sha256: str
    kpi_lint_version: str
    sklearn_version: str
    format: str = FORMAT
    format_version: int = FORMAT_VERSION
    # Columns read only through their cue words or their form (the category model's 指标值; absent from older files).
    cue_columns: list[str] = field(default_factory=list)

    @property
    def columns(self) -> list[str]:
        return [*self.text_columns, *self.categorical_columns, *self.cue_columns]


@dataclass
class Model:
    meta: ModelMeta
    pipeline: Pipeline
    path: Path | None = None


def major_minor(version: str) -> tuple[int, ...]:
    return tuple(int(p) for p in re.findall(r"\d+", version)[:2])


def _kpi_lint_version() -> str:
    from kpi_lint import __version__

    return __version__


# -- saving ------------------------------------------------------------------------


class _Renumbering:
    """Object ids → 1, 2, 3 … in order of appearance in the schema.

    A repeated id means a shared object and must stay shared — except for JSON
    leaves (strings, numbers): whether two equal strings were one interned
    object depends on how the model was made (trained or loaded), not on what
    it is, and loading never shares them.
    """

    def __init__(self) -> None:
        self.ids: dict[int, int] = {}
        self.count = 0

    def _fresh(self) -> int:
        self.count += 1
        return self.count

    def shared(self, old: int) -> int:
        if old not in self.ids:
            self.ids[old] = self._fresh()
        return self.ids[old]

    def node(self, node: Any) -> Any:
        if isinstance(node, list):
            return [self.node(item) for item in node]
        if not isinstance(node, dict):
            return node
        out: dict[str, Any] = {}
        for key, value in node.items():
            if key == "__id__" and isinstance(value, int):
                out[key] = self._fresh() if node.get("__loader__") == "JsonNode" else self.shared(value)
            elif key == "file" and isinstance(value, str) and re.fullmatch(r"\d+\.np[yz]", value):
                stem, suffix = value.split(".")
                out[key] = f"{self.shared(int(stem))}.{suffix}"
            else:
                out[key] = self.node(value)
        return out


def canonical_bytes(raw: bytes) -> bytes:
    """Rewrite a skops archive so that equal objects give equal bytes.

    skops names array files after ``id(obj)`` (a memory address) and stamps
    every zip entry with the current time; both change from run to run.
    """
    with zipfile.ZipFile(io.BytesIO(raw)) as src:
        schema = json.loads(src.read("schema.json"))
        numbering = _Renumbering()
        new_schema = numbering.node(schema)
        renamed = {
            name: f"{numbering.ids[int(name.split('.')[0])]}.{name.split('.')[1]}"
            for name in src.namelist()
            if name != "schema.json"
        }
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as dst:
            for old, new in sorted(renamed.items(), key=lambda item: int(item[1].split(".")[0])):
                dst.writestr(zip_entry(new), src.read(old), compresslevel=9)
            dst.writestr(zip_entry("schema.json"), json.dumps(new_schema, indent=2), compresslevel=9)
    return out.getvalue()


def zip_entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
    # The schema is verbose JSON (3 MB for the category model, 60 kB deflated).
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info


def _forget_volatile_state(pipeline: Pipeline) -> None:
    """Drop fitted attributes that hold memory addresses.

    CountVectorizer caches ``id(self.stop_words)`` to skip re-validating its
    stop words; the cache is never valid after loading anyway.
    """
    for _, step in pipeline.steps:
        for _, fitted, _ in getattr(step, "transformers_", []):
            if hasattr(fitted, "_stop_words_id"):
                del fitted._stop_words_id


def model_bytes(model: Model) -> bytes:
    import skops.io as sio

    _forget_volatile_state(model.pipeline)
    payload = {"kpi_lint": asdict(model.meta), "pipeline": model.pipeline}
    return canonical_bytes(sio.dumps(payload))


def save_model(model: Model, path: str | Path) -> bytes:
    """Write the model file; returns its bytes (the card records their hash)."""
    data = model_bytes(model)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return data


# -- loading -------------------------------------------------------------------------


def _nodes(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, list):
        for item in node:
            yield from _nodes(item)
    elif isinstance(node, dict):
        if "__loader__" in node:
            yield node
        for value in node.values():
            yield from _nodes(value)


def schema_types(data: bytes) -> set[str]:
    """Every type (``module.Class``) and node kind named in a skops archive's schema."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        schema = json.loads(archive.read("schema.json"))
    found: set[str] = set()
    for node in _nodes(schema):
        loader = str(node.get("__loader__"))
        name = f"{node.get('__module__')}.{node.get('__class__')}"
        found.add(name if loader in _ALLOWED_LOADERS else f"{name}（{loader}）")
    return found


def _read_archive(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise ModelError(str(path), "模型文件不存在") from exc
    except OSError as exc:
        raise ModelError(str(path), f"无法读取模型文件：{exc.strerror or exc}") from exc
    if not zipfile.is_zipfile(io.BytesIO(data)):
        hint = "（看起来是 pickle 文件：它可以执行任意代码）" if data[:1] == b"\x80" else ""
        raise ModelError(str(path), f"不是 skops 模型文件{hint}，出于安全考虑拒绝加载")
    return data


def _refuse(path: Path, refused: list[str]) -> ModelError:
    shown = "、".join(refused[:5]) + (" 等" if len(refused) > 5 else "")
    return ModelError(str(path), f"模型文件包含不在允许清单中的类型 {shown}，出于安全考虑拒绝加载")


def _check_types(path: Path, data: bytes) -> None:
    """Every node of the archive's schema is of an allowed type and kind (no skops needed to tell)."""
    try:
        found = schema_types(data)
    except Exception as exc:  # a damaged or hand-made archive fails in many ways; none may escape as a traceback
        raise ModelError(str(path), "skops 模型文件已损坏（缺少或无法读取 schema.json）") from exc
    refused = sorted(found - ALLOWED_TYPES)
    if refused:
        raise _refuse(path, refused)


def _meta(path: Path, payload: Any) -> ModelMeta:
    if not (isinstance(payload, dict) and isinstance(payload.get("kpi_lint"), dict)):
        raise ModelError(str(path), "不是 kpi-lint 训练的模型（缺少 kpi_lint 元数据），请用 kpi-lint train 训练")
    raw = payload["kpi_lint"]
    if raw.get("format") != FORMAT:
        raise ModelError(str(path), "不是 kpi-lint 训练的模型（元数据格式不符），请用 kpi-lint train 训练")
    if raw.get("format_version") != FORMAT_VERSION:
        raise ModelError(
            str(path),
            f"模型文件格式版本为 {raw.get('format_version')}，当前 kpi-lint 需要 {FORMAT_VERSION}，请重新训练",
        )
    try:
        meta = ModelMeta(**raw)
    except TypeError as exc:
        raise ModelError(str(path), f"模型元数据不完整：{exc}") from exc
    from sklearn.pipeline import Pipeline

    if not isinstance(payload.get("pipeline"), Pipeline):
        raise ModelError(str(path), "模型文件中没有 scikit-learn Pipeline")
    return meta


def version_problems(meta: ModelMeta, sklearn_version: str) -> list[str]:
    """Why a model of `meta` cannot be used with scikit-learn `sklearn_version` and this kpi-lint: scikit-learn
    only promises to read its own minor version; kpi-lint's features change with its minor."""
    problems = []
    if major_minor(meta.sklearn_version) != major_minor(sklearn_version):
        problems.append(f"scikit-learn {meta.sklearn_version}（当前 {sklearn_version}）")
    if major_minor(meta.kpi_lint_version) != major_minor(_kpi_lint_version()):
        problems.append(f"kpi-lint {meta.kpi_lint_version}（当前 {_kpi_lint_version()}）")
    return problems


def check_versions(path: Path, meta: ModelMeta) -> None:
    """Refuse a model trained by another minor version of scikit-learn or kpi-lint (version_problems)."""
    import sklearn

    problems = version_problems(meta, sklearn.__version__)
    if problems:
        raise ModelError(
            str(path), f"模型由不兼容的版本训练：{'、'.join(problems)}；请用当前版本重新运行 kpi-lint train"
        )


def load_model(path: str | Path) -> Model:
    """Load a model file, refusing unsafe, foreign or incompatible files with a `ModelError`."""
    file = Path(path)
    return load_model_bytes(file, _read_archive(file))


def read_model_file(path: str | Path) -> bytes:
    """The bytes of a model file; `ModelError` when it is missing, unreadable or not a skops archive."""
    return _read_archive(Path(path))


def load_model_bytes(file: Path, data: bytes) -> Model:
    """`load_model` of a file already read (`read_model_file`)."""
    import skops.io as sio
    from skops.io.exceptions import UntrustedTypesFoundException

    _check_types(file, data)
    try:
        # skops audits the tree against `trusted` (and its defaults) before it builds anything.
        payload = sio.loads(data, trusted=sorted(ALLOWED_TYPES))
    except UntrustedTypesFoundException as exc:  # the schema check above should have caught it
        names = re.findall(r"'([^']+)'", str(exc).splitlines()[0])
        raise _refuse(file, sorted(names) or ["（skops 未列出）"]) from exc
    except Exception as exc:  # skops raises many kinds on a damaged archive
        raise ModelError(str(file), f"模型文件无法读取（{type(exc).__name__}）") from exc
    meta = _meta(file, payload)
    check_versions(file, meta)
    return Model(meta=meta, pipeline=payload["pipeline"], path=file)


def check_labels(model: Model | FastModel, expected: set[str] | None, task: str | None = None) -> None:
    """Refuse a model trained for another task or label set, naming the difference."""
    where = str(model.path or "模型")
    if task and model.meta.task != task:
        raise ModelError(where, f"这是 {model.meta.task} 模型，这里需要 {task} 模型")
    if expected is None:
        return
    labels = set(model.meta.labels)
    if not labels <= expected or len(labels) < 2:
        extra = "、".join(sorted(labels - expected)) or "无"
        raise ModelError(
            where,
            f"模型的标签集合（{'、'.join(model.meta.labels)}）与所需不符：多出 {extra}；"
            f"允许的标签为 {'、'.join(sorted(expected))}",
        )
