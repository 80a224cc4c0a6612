"""The result cache: an unchanged file is not parsed again; a changed word list or setting is."""

from __future__ import annotations

import shutil
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from typer.testing import CliRunner

import kpi_lint.run.tasks as tasks
from kpi_lint.cli import app
from kpi_lint.config import Config
from kpi_lint.errors import InputError
from kpi_lint.lexicon import BUNDLED_DIR
from kpi_lint.parse import parse
from kpi_lint.rules.engine import run_rules
from kpi_lint.rules.registry import all_rules
from kpi_lint.run import checking
from kpi_lint.run.cache import Cache, models_folder
from kpi_lint.run.checking import Run, check_files
from tests.corpus import SAMPLES

PATHS = [SAMPLES[0], SAMPLES[4]]


class Counted:
    """parse_file and build_context, counting their calls."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.parsed: list[str] = []
        self.contexts = 0
        real_parse, real_context = tasks.parse_file, checking_build_context()

        def parse_file(path: str | Path, lexicon: object = None) -> object:
            self.parsed.append(Path(path).name)
            return real_parse(path, lexicon)  # type: ignore[arg-type]

        def build_context(*args: object, **kwargs: object) -> object:
            self.contexts += 1
            return real_context(*args, **kwargs)

        monkeypatch.setattr(tasks, "parse_file", parse_file)
        monkeypatch.setattr("kpi_lint.rules.context.build_context", build_context)


def checking_build_context():  # type: ignore[no-untyped-def]
    from kpi_lint.rules import context

    return context.build_context


def _run(cache: Cache, config: Config | None = None, paths: list[Path] = PATHS) -> Run:
    return check_files(paths, config or Config(), all_rules(), cache=cache)


def _rows(run: Run) -> list[dict[str, object]]:
    return [f.to_dict() for f in run.findings]


def test_a_second_run_reads_everything_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_build_context = checking_build_context()
    cache = Cache(tmp_path / "cache")
    counted = Counted(monkeypatch)
    first = _run(cache)
    assert counted.parsed == [p.name for p in PATHS] and counted.contexts == 1
    second = _run(cache)
    assert counted.parsed == [p.name for p in PATHS] and counted.contexts == 1  # neither parsed nor peers rebuilt
    assert _rows(second) == _rows(first) and len(first.findings) > 100
    # …and both are what one process gives with every rule over whole documents (000's garbled table).
    documents = [parse(p) for p in PATHS]
    reference = run_rules(documents, all_rules(), real_build_context(documents, Config()))
    assert _rows(first) == [f.to_dict() for f in reference]
    assert (tmp_path / "cache" / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    # The second run came from the one entry of the whole run: the file entries were not read…
    reads: list[str] = []
    real_get = Cache.get

    def get(self: Cache, kind: str, key: str) -> object:
        reads.append(kind)
        return real_get(self, kind, key)

    monkeypatch.setattr(Cache, "get", get)
    third = _run(cache)
    assert reads == ["runs"] and _rows(third) == _rows(first)
    assert third.loaded.heads == first.loaded.heads and third.loaded.problems == first.loaded.problems
    assert [(h.path, h.projects) for h in third.loaded.heads] == [(d.path, len(d.projects)) for d in documents]
    # …the documents are, when a report asks for them; a file entry gone is parsed again.
    # (one entry file, not its folder: two keys share a folder when their first two hex digits do, 1 in 256)
    min((tmp_path / "cache" / "files").glob("*/*")).unlink()
    assert [d.path for d in third.loaded.documents] == [str(p) for p in PATHS]
    assert [len(d.projects) for d in third.loaded.documents] == [len(d.projects) for d in documents]
    assert len(counted.parsed) == 3  # the file whose entry was removed


def test_one_changed_file_is_parsed_again_and_the_peers_recomputed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copies = [tmp_path / p.name for p in PATHS]
    for src, dst in zip(PATHS, copies, strict=True):
        shutil.copy(src, dst)
    cache = Cache(tmp_path / "cache")
    counted = Counted(monkeypatch)
    _run(cache, paths=copies)
    with copies[1].open("a", encoding="utf-8") as fh:
        fh.write("\n")
    _run(cache, paths=copies)
    assert counted.parsed == [copies[0].name, copies[1].name, copies[1].name] and counted.contexts == 2


def test_a_changed_word_list_or_setting_invalidates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    words = tmp_path / "words"
    shutil.copytree(BUNDLED_DIR, words)
    cache = Cache(tmp_path / "cache")
    counted = Counted(monkeypatch)
    config = Config(lexicons=words)
    _run(cache, config, [PATHS[0]])
    _run(cache, config, [PATHS[0]])
    assert len(counted.parsed) == 1
    with (words / "vague_words.txt").open("a", encoding="utf-8") as fh:
        fh.write("\n稳步推进\n")
    _run(cache, config, [PATHS[0]])
    assert len(counted.parsed) == 2
    _run(cache, Config(lexicons=words, rule_options={"KPI102": {"share": 0.5}}), [PATHS[0]])
    assert len(counted.parsed) == 3


def test_a_damaged_entry_is_ignored_and_rewritten(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = Cache(tmp_path / "cache")
    first = _run(cache)
    kinds = ("files", "peers", "runs")
    entries = sorted(
        (p for p in (tmp_path / "cache").rglob("*") if p.is_file() and p.parent.parent.name in kinds),
        key=lambda p: kinds.index(p.parent.parent.name),
    )
    assert [p.parent.parent.name for p in entries] == ["files", "files", "peers", "runs"]  # two files, the pair
    entries[0].write_bytes(entries[0].read_bytes()[:-40])  # a truncated write
    entries[1].write_bytes(b"not a cache entry")
    entries[2].write_bytes(entries[2].read_bytes()[:60] + b"\x00" * 10 + entries[2].read_bytes()[70:])
    entries[3].write_bytes(entries[3].read_bytes()[:-1] + bytes([entries[3].read_bytes()[-1] ^ 1]))  # a flipped bit
    counted = Counted(monkeypatch)
    again = _run(cache)
    assert _rows(again) == _rows(first)
    assert counted.parsed  # what was damaged was recomputed …
    counted.parsed.clear()
    assert _rows(_run(cache)) == _rows(first) and counted.parsed == []  # … and stored again


def _write_and_read(root: str) -> bool:
    cache = Cache(root)
    value = {"rows": list(range(20000))}
    for _ in range(30):
        cache.put("files", "k" * 64, value)
        if cache.get("files", "k" * 64) != value:
            return False
    return True


def test_concurrent_writers_never_leave_half_an_entry(tmp_path: Path) -> None:
    with ProcessPoolExecutor(2) as pool:
        assert all(pool.map(_write_and_read, [str(tmp_path)] * 4))
    assert not [p for p in tmp_path.rglob(".tmp-*")]


def test_an_unwritable_cache_is_skipped(tmp_path: Path) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    run = _run(Cache(blocker), paths=[PATHS[1]])
    assert run.findings and blocker.is_file()


def test_the_cli_caches_in_the_working_directory_unless_told_not_to(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("KPI_LINT_CACHE_DIR")
    monkeypatch.chdir(tmp_path)
    args = ["check", str(PATHS[1]), "--fail-on", "never"]
    off = CliRunner().invoke(app, [*args, "--no-cache"])
    assert off.exit_code == 0 and not (tmp_path / ".kpi_lint_cache").exists()
    on = CliRunner().invoke(app, args)
    assert (tmp_path / ".kpi_lint_cache" / "CACHEDIR.TAG").is_file()
    again = CliRunner().invoke(app, args)
    assert on.stdout == again.stdout == off.stdout and "KPI" in on.stdout


def test_the_models_folder_is_the_one_the_classifiers_load(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from kpi_lint.classify.api import models_dir

    assert models_folder() == models_dir()
    monkeypatch.setenv("KPI_LINT_MODELS", str(tmp_path))
    assert models_folder() == models_dir() == tmp_path


def test_input_errors_come_back_from_the_cache(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    cache = Cache(tmp_path / "cache")
    runs = [_run(cache, paths=[empty, PATHS[1]]) for _ in range(2)]
    for run in runs:
        (error,) = run.loaded.errors
        assert isinstance(error, InputError) and error.path == str(empty) and "空" in error.message
    assert _rows(runs[0]) == _rows(runs[1])
    assert checking.FILES == "files"
