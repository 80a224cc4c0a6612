"""Trusted copies of the shipped models in the result cache: read instead of the skops file, same findings."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kpi_lint.classify import api, copies
from kpi_lint.classify.persist import Model, ModelError
from kpi_lint.config import Config
from kpi_lint.rules.registry import all_rules
from kpi_lint.run.cache import Cache
from kpi_lint.run.checking import check_files
from tests.classify.conftest import MODELS_DIR, skops_only
from tests.corpus import corpus_doc, corpus_path


def _copies(cache: Cache) -> list[Path]:
    return sorted(p for p in (cache.root / copies.MODELS).rglob("*") if p.is_file())


class SkopsLoads:
    """Counts the model files loaded through skops (`persist.load_model_bytes`); `refuse` makes any such load fail."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, refuse: bool = False) -> None:
        self.loaded: list[str] = []
        real = copies.load_model_bytes

        def load(file: Path, data: bytes) -> Model:
            self.loaded.append(file.name)
            if refuse:
                raise AssertionError(f"{file.name} was loaded from its skops file")
            return real(file, data)

        monkeypatch.setattr(copies, "load_model_bytes", load)


def test_a_checked_model_is_read_from_its_copy_the_next_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = Cache(tmp_path / "cache")
    path = MODELS_DIR / "vagueness.skops"
    skops = SkopsLoads(monkeypatch)
    first = copies.load_trusted(path, cache)
    assert skops.loaded == ["vagueness.skops"] and len(_copies(cache)) == 1
    second = copies.load_trusted(path, cache)
    assert skops.loaded == ["vagueness.skops"]  # not again: from the copy
    assert second.path == path and second.meta == first.meta and second is not first
    # The same predictions on the qualitative targets of 000 (its 40 vague ones among them).
    rows = [ind for ind in corpus_doc("000").indicators if ind.value]
    before, after = api.predictor_for(first), api.predictor_for(second)
    before.prime(rows)
    after.prime(rows)
    pairs = [(before(ind), after(ind)) for ind in rows]
    assert len(rows) > 100 and sum(b[0] == "vague" for b, _ in pairs) > 20
    for (label, p), (label_again, p_again) in pairs:
        assert label == label_again and p == pytest.approx(p_again, abs=1e-9)


def test_the_copy_follows_the_files_bytes_not_its_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = Cache(tmp_path / "cache")
    path = tmp_path / "model.skops"
    shutil.copyfile(MODELS_DIR / "vagueness.skops", path)
    skops = SkopsLoads(monkeypatch)
    assert copies.load_trusted(path, cache).meta.task == "vagueness"
    shutil.copyfile(MODELS_DIR / "category.skops", path)  # another model under the same name
    assert copies.load_trusted(path, cache).meta.task == "category"
    assert skops.loaded == ["model.skops", "model.skops"] and len(_copies(cache)) == 2
    # Without a cache (--no-cache) the skops file is loaded every time and nothing is written.
    copies.load_trusted(path, None)
    assert skops.loaded == ["model.skops"] * 3 and len(_copies(cache)) == 2


@pytest.mark.parametrize("damage", ["truncated", "foreign bytes", "another object"])
def test_a_damaged_copy_is_ignored_and_written_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    """A copy cut short by a full disk, overwritten by something else, or holding no model: the skops
    file is loaded again (no traceback), the copy written anew, and the next load reads that copy."""
    cache = Cache(tmp_path / "cache")
    path = MODELS_DIR / "vagueness.skops"
    skops = SkopsLoads(monkeypatch)
    first = copies.load_trusted(path, cache)
    (entry,) = _copies(cache)
    if damage == "truncated":
        entry.write_bytes(entry.read_bytes()[: entry.stat().st_size // 2])
    elif damage == "foreign bytes":
        entry.write_bytes(b"\x80\x04not a copy kpi-lint wrote")
    else:  # a well-formed entry under the copy's key that is no model
        cache.put(copies.MODELS, entry.name, {"not": "a model"})
    again = copies.load_trusted(path, cache)
    assert skops.loaded == ["vagueness.skops"] * 2 and again.meta == first.meta
    assert _copies(cache) == [entry] and isinstance(cache.get(copies.MODELS, entry.name), Model)
    assert copies.load_trusted(path, cache).meta == first.meta
    assert skops.loaded == ["vagueness.skops"] * 2  # the rewritten copy was read


def test_a_refused_file_leaves_no_copy(tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache")
    path = tmp_path / "model.skops"
    path.write_bytes(b"\x80\x04not a skops archive")
    with pytest.raises(ModelError, match="pickle"):
        copies.load_trusted(path, cache)
    assert _copies(cache) == []


def test_a_check_reads_both_models_from_their_copies_with_the_same_findings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(api.ENV_VAR, str(skops_only(tmp_path / "models")))  # model files without shipped forms
    cache = Cache(tmp_path / "cache")
    paths = [corpus_path("000"), corpus_path("004")]
    api._shipped.cache_clear()
    first = check_files(paths, Config(), all_rules(), cache=cache)
    assert len(_copies(cache)) == 2  # the vagueness model (file tasks) and the category model (peer rules)
    # A new process, the files edited since: nothing of the run comes from the cache but the models.
    api._shipped.cache_clear()
    for kind in ("files", "peers", "runs"):
        shutil.rmtree(cache.root / kind)
    SkopsLoads(monkeypatch, refuse=True)
    second = check_files(paths, Config(), all_rules(), cache=cache)
    api._shipped.cache_clear()
    codes = [f.code for f in first.findings]
    assert codes.count("KPI101") >= 40 and "KPI404" in codes
    assert [f.to_dict() for f in second.findings] == [f.to_dict() for f in first.findings]
