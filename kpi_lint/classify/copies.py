"""Trusted copies of the shipped models, so that a run does not open their skops files every time.

Loading a skops file is most of the start-up of a one-file check: ``import skops.io`` asks
scikit-learn for every estimator it has (≈ 1.5 s), and the archive is audited node by node before
it is built.  After a model file has passed every check of `kpi_lint.classify.persist.load_model`
(the allow-list, the metadata, the versions), the loaded `Model` is kept as a pickle in the result
cache (``.kpi_lint_cache/models/``, `kpi_lint.run.cache.Cache`, whose entries kpi-lint already reads
as pickles it wrote itself, each with a digest of its body).  A later run reads that copy instead,
with no skops.

The copy is keyed by the model file's bytes (sha256), the Python, NumPy, SciPy and scikit-learn
versions and kpi-lint's code digest: a changed model file, library or kpi-lint never reads an old
copy.  A pickle is only ever read from that folder, never from a model file someone sent.
``--no-cache`` passes no cache: every run then loads the skops file as before.

Beside the copy, the cache keeps the model's inference-only form (kpi_lint.classify.fast_form), derived from
the checked model and kept only when it predicts as the pipeline does (kpi_lint.classify.fast_derive).
`load_shipped` returns that form when there is one: a run that predicts from it imports neither
scikit-learn nor SciPy (nor skops), which is most of a one-file check's start-up.  Its key is the copy's
(model bytes, Python, NumPy, SciPy, scikit-learn, kpi-lint's code), the library versions read from their
installed metadata so that asking does not import them.
"""

from __future__ import annotations

import hashlib
import platform
from pathlib import Path
from typing import TYPE_CHECKING

from kpi_lint.classify.fast_form import FastModel
from kpi_lint.classify.form_file import installed, read_form
from kpi_lint.classify.persist import Model, load_model_bytes, read_model_file

if TYPE_CHECKING:
    from kpi_lint.run.cache import Cache

MODELS = "models"  # the cache entries: one trusted copy per model file
FORMS = "fast_forms"  # and one inference-only form per model file whose form was derived and verified


def _copy_key(cache: Cache, data: bytes) -> str:
    import numpy
    import scipy
    import sklearn

    from kpi_lint.run.cache import code_digest

    versions = f"python {platform.python_version()} numpy {numpy.__version__} scipy {scipy.__version__} "
    versions += f"scikit-learn {sklearn.__version__}"
    return cache.key(MODELS, hashlib.sha256(data).hexdigest(), versions, code_digest())


def _form_key(cache: Cache, data: bytes) -> str:
    import numpy

    from kpi_lint.run.cache import code_digest

    versions = f"python {platform.python_version()} numpy {numpy.__version__} "
    versions += " ".join(f"{name} {installed(name)}" for name in ("scipy", "scikit-learn"))
    return cache.key(FORMS, hashlib.sha256(data).hexdigest(), versions, code_digest())


def load_shipped(path: Path, copies: Cache | None) -> Model | FastModel:
    """The model in `path` ready to predict: the form shipped beside it when it was derived from these bytes
    (kpi_lint.classify.form_file), else its inference-only form in `copies` when there is one, else
    `load_trusted`, the form then derived, verified and stored (when `derive_verified` gives one).
    Without `copies` (--no-cache) and no form beside it: the skops file, checked and loaded.  `ModelError` for a
    file that cannot be used.
    """
    data = read_model_file(path)
    shipped = read_form(path, data)  # the form written beside the model file (kpi_lint.classify.form_file)
    if shipped is not None:
        return shipped
    if copies is None:
        return _trusted(path, data, None)
    key = _form_key(copies, data)
    hit = copies.get(FORMS, key)
    if isinstance(hit, FastModel):
        hit.path = path
        return hit
    model = _trusted(path, data, copies)
    from kpi_lint.classify.fast_derive import derive_verified

    form = derive_verified(model)
    if form is not None:
        copies.put(FORMS, key, form)
    return model


def load_trusted(path: Path, copies: Cache | None) -> Model:
    """The model in `path`: its trusted copy in `copies` when there is one, else the skops file checked
    and loaded (`load_model`), its copy then written.  `ModelError` for a file that cannot be used."""
    return _trusted(path, read_model_file(path), copies)


def _trusted(path: Path, data: bytes, copies: Cache | None) -> Model:
    key = _copy_key(copies, data) if copies is not None else ""
    if copies is not None:
        hit = copies.get(MODELS, key)
        if isinstance(hit, Model):
            hit.path = path
            return hit
    model = load_model_bytes(path, data)
    if copies is not None:
        copies.put(MODELS, key, model)
    return model
