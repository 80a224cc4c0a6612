"""A model's inference-only form shipped beside it: ``models/<name>.fast.npz``.

A first run (or ``--no-cache``) would otherwise import scikit-learn and skops (≈ 3 s of CPU) only to derive
the form (kpi_lint.classify.fast_derive) that later runs read from their cache.  `kpi-lint train` therefore
writes the verified form next to the model file, and a run reads it with NumPy alone — when it belongs to
the skops file beside it:

- the file is a NumPy ``.npz`` archive (a zip of ``.npy`` arrays), read with ``allow_pickle=False``: no
  object is ever unpickled.  Entries: ``spec`` (UTF-8 JSON as uint8: format, version, the SHA-256 of the
  skops file it was derived from, the model's metadata, classes and blocks — vocabularies, categories, cue
  lists, the jieba tokenizer's dictionary entries), ``coef``, ``intercept`` and ``idf_<block>`` (float64);
- it is used only when that SHA-256 is the skops file's (a retrained or replaced model is derived from its
  skops file as before), when its format version is this code's, and when its model was trained by the
  model format and scikit-learn and kpi-lint minor versions installed (else the skops file is loaded, and
  refused as before);
- it is written canonically (fixed zip timestamps, entries in a fixed order): the same form, the same bytes.

Whoever can write this file can write the skops file beside it, so it trusts no one the skops file does not.
Regenerate the forms of existing model files (no retraining) with
``python -m kpi_lint.classify.form_file models/*.skops``.
"""

from __future__ import annotations

import hashlib
import io
import json
import sys
import zipfile
from dataclasses import asdict
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np

from kpi_lint.classify.fast_form import Block, CueBlock, FastModel, OneHotBlock, TextBlock
from kpi_lint.classify.persist import FORMAT as MODEL_FORMAT
from kpi_lint.classify.persist import FORMAT_VERSION as MODEL_FORMAT_VERSION
from kpi_lint.classify.persist import Model, ModelMeta, version_problems, zip_entry
from kpi_lint.classify.tokenize import JiebaTokenizer, TextNormalizer

FORMAT = "kpi-lint-fast-form"
FORMAT_VERSION = 1
SUFFIX = ".fast.npz"


def form_path(model_path: Path) -> Path:
    """Where the form of the model file `model_path` lives: ``category.skops`` → ``category.fast.npz``."""
    return model_path.with_name(model_path.stem + SUFFIX)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# -- writing -----------------------------------------------------------------------------------------


def _block_spec(block: Block, weight: float | None) -> dict[str, Any]:
    if isinstance(block, TextBlock):
        terms = sorted(block.vocabulary, key=block.vocabulary.__getitem__)
        return {
            "kind": "text",
            "weight": weight,
            "column": block.column,
            "analyzer": block.analyzer,
            "ngram_range": list(block.ngram_range),
            "sublinear_tf": block.sublinear_tf,
            "norm": block.norm,
            "binary": block.binary,
            "idf": block.idf is not None,
            "terms": terms,
            "tokenizer": None if block.tokenizer is None else [list(e) for e in block.tokenizer.entries],
        }
    if isinstance(block, OneHotBlock):
        return {
            "kind": "onehot",
            "weight": weight,
            "columns": list(block.columns),
            "categories": [sorted(codes, key=codes.__getitem__) for codes in block.categories],
        }
    return {"kind": "cue", "weight": weight, "columns": list(block.columns), "lists": [list(w) for w in block.lists]}


def form_arrays(form: FastModel, model_sha256: str) -> dict[str, np.ndarray]:
    """The arrays of the form's file, by entry name."""
    spec = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "model_sha256": model_sha256,
        "meta": asdict(form.meta),
        "classes": list(form.classes),
        "blocks": [_block_spec(block, weight) for block, weight in form.blocks],
    }
    text = json.dumps(spec, ensure_ascii=False, sort_keys=True).encode("utf-8")
    arrays: dict[str, np.ndarray] = {
        "spec": np.frombuffer(text, dtype=np.uint8),
        "coef": np.ascontiguousarray(form.coef, dtype=np.float64),
        "intercept": np.ascontiguousarray(form.intercept, dtype=np.float64),
    }
    for i, (block, _) in enumerate(form.blocks):
        if isinstance(block, TextBlock) and block.idf is not None:
            arrays[f"idf_{i}"] = np.ascontiguousarray(block.idf, dtype=np.float64)
    return arrays


def form_bytes(form: FastModel, model_sha256: str) -> bytes:
    """The ``.npz`` archive of `form` (what ``numpy.savez_compressed`` writes, with fixed timestamps)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, array in form_arrays(form, model_sha256).items():
            entry = io.BytesIO()
            np.lib.format.write_array(entry, array, allow_pickle=False)
            archive.writestr(zip_entry(f"{name}.npy"), entry.getvalue(), compresslevel=9)
    return out.getvalue()


def write_beside(model: Model, data: bytes, model_path: Path) -> Path | None:
    """Derive and verify `model`'s form (`data`: its file's bytes) and write it beside `model_path`; a stale
    form there is removed when this model has none (a step the form does not reproduce).  The path written."""
    from kpi_lint.classify.fast_derive import derive_verified

    target = form_path(model_path)
    form = derive_verified(model)
    if form is None:
        target.unlink(missing_ok=True)
        return None
    target.write_bytes(form_bytes(form, sha256(data)))
    return target


# -- reading -----------------------------------------------------------------------------------------


def _text_block(spec: dict[str, Any], idf: np.ndarray | None) -> TextBlock:
    terms = [str(t) for t in spec["terms"]]
    vocabulary = {t: j for j, t in enumerate(terms)}
    if len(vocabulary) != len(terms) or (spec["idf"] and (idf is None or idf.shape != (len(terms),))):
        raise ValueError("vocabulary and idf disagree")
    analyzer = str(spec["analyzer"])
    tokenizer = None if spec["tokenizer"] is None else JiebaTokenizer([tuple(e) for e in spec["tokenizer"]])
    if analyzer not in ("word", "char_wb") or (analyzer == "word") != (tokenizer is not None):
        raise ValueError(f"analyzer {analyzer}")
    low, high = (int(n) for n in spec["ngram_range"])
    return TextBlock(
        column=str(spec["column"]),
        analyzer=analyzer,
        ngram_range=(low, high),
        preprocessor=TextNormalizer(),
        tokenizer=tokenizer,
        vocabulary=vocabulary,
        idf=idf if spec["idf"] else None,
        sublinear_tf=bool(spec["sublinear_tf"]),
        norm=spec["norm"],
        binary=bool(spec["binary"]),
    )


def _block(spec: dict[str, Any], idf: np.ndarray | None) -> tuple[Block, float | None]:
    weight = None if spec["weight"] is None else float(spec["weight"])
    kind = spec["kind"]
    block: Block
    if kind == "text":
        block = _text_block(spec, idf)
    elif kind == "onehot":
        block = OneHotBlock(
            columns=tuple(str(c) for c in spec["columns"]),
            categories=tuple({str(c): j for j, c in enumerate(cats)} for cats in spec["categories"]),
        )
    elif kind == "cue":
        block = CueBlock(
            columns=tuple(str(c) for c in spec["columns"]),
            lists=tuple(tuple(str(w) for w in words) for words in spec["lists"]),
        )
    else:
        raise ValueError(f"block kind {kind}")
    return block, weight


def installed(distribution: str) -> str:
    """The installed version of `distribution` from its metadata (importing nothing), or ``absent``."""
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "absent"


def _versions_match(meta: ModelMeta) -> bool:
    """What persist asks of the skops file's metadata (its format, check_versions), scikit-learn's version read
    from installed metadata (no import)."""
    if (meta.format, meta.format_version) != (MODEL_FORMAT, MODEL_FORMAT_VERSION):
        return False
    return not version_problems(meta, installed("scikit-learn"))


def read_form(model_path: Path, data: bytes) -> FastModel | None:
    """The form beside `model_path` when it was derived from `data` (the model file's bytes) by this format
    and the model's versions are the installed ones; None otherwise (missing, stale, damaged, another format)."""
    target = form_path(model_path)
    if not target.is_file():
        return None
    try:
        with np.load(target, allow_pickle=False) as archive:
            arrays = {name: archive[name] for name in archive.files}
        spec = json.loads(arrays["spec"].tobytes().decode("utf-8"))
        if spec.get("format") != FORMAT or spec.get("format_version") != FORMAT_VERSION:
            return None
        if spec.get("model_sha256") != sha256(data):
            return None
        meta = ModelMeta(**spec["meta"])
        if not _versions_match(meta):
            return None
        blocks = [_block(b, arrays.get(f"idf_{i}")) for i, b in enumerate(spec["blocks"])]
        coef, intercept = arrays["coef"], arrays["intercept"]
        classes = tuple(str(c) for c in spec["classes"])
        width = sum(block.width for block, _ in blocks)
        if coef.ndim != 2 or coef.shape[1] != width or intercept.shape != (coef.shape[0],):
            return None
        if coef.shape[0] != (1 if len(classes) == 2 else len(classes)):
            return None
    except Exception:  # a damaged or foreign file is as good as missing: the skops file is read
        return None
    return FastModel(meta=meta, blocks=blocks, coef=coef, intercept=intercept, classes=classes, path=model_path)


def main(argv: list[str] | None = None) -> int:
    """Write the form of each model file named (checked and loaded as a run loads it)."""
    from kpi_lint.classify.persist import load_model_bytes, read_model_file

    for name in sys.argv[1:] if argv is None else argv:
        path = Path(name)
        data = read_model_file(path)
        written = write_beside(load_model_bytes(path, data), data, path)
        print(f"{path}: {written if written is not None else '没有可用的推断形式（运行时从 skops 文件推导）'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
