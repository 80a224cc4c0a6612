"""Fuzzing the command line (hypothesis): random option combinations over random files, 0 tracebacks.

Every command is run in-process (typer's CliRunner) on files drawn from: empty, random bytes,
random text in odd encodings, real samples (corpus/wild, the office fixtures) whole, cut at a
random byte, or with random bytes spliced in — under random names and suffixes.  Whatever the
input, a command ends with exit code 0, 1 or 2, prints no traceback, and never reaches the
last-resort "内部错误" line (a bug caught by kpi_lint.cli.typer_app).

The number of examples is bounded and the run derandomized, so the suite stays fast and the
same on every machine; raise FUZZ_EXAMPLES locally to search longer.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from kpi_lint.cli import app
from kpi_lint.cli.typer_app import INTERNAL_ERROR

ROOT = Path(__file__).resolve().parents[2]
WILD = sorted((ROOT / "corpus" / "wild").glob("*.txt"))
OFFICE = sorted(
    p
    for p in (ROOT / "tests" / "fixtures" / "office").iterdir()
    if p.suffix != ".csv" and p.is_file() and p.suffix in (".pdf", ".docx", ".xlsx", ".xls", ".html", ".txt")
)
SAMPLES = sorted((ROOT / "corpus").glob("*.txt"))
MODEL = ROOT / "models" / "category.skops"
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "0")) or None  # None: each test's own small bound
SUFFIXES = (".txt", ".pdf", ".docx", ".xlsx", ".xls", ".html", ".csv", "")
ENCODINGS = ("utf-8", "gb18030", "utf-16", "big5", "latin-1", "utf-8-sig")
CHECK_FORMATS = ("text", "json", "sarif", "csv", "github", "xlsx", "html", "x")
SCORE_FORMATS = ("table", "markdown", "html", "csv", "json", "xlsx")
CODES = ("KPI1", "KPI101", "KPI2", "KPI3", "KPI302", "KPI4", "KPI5", "KPI9", "XYZ", "kpi203", "")


def fuzz(examples: int) -> Callable[[Callable[..., None]], Callable[..., None]]:
    return settings(
        max_examples=EXAMPLES or examples,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
    )


def _real(paths: list[Path]) -> st.SearchStrategy[bytes]:
    return st.sampled_from(paths).map(lambda p: p.read_bytes())


@st.composite
def file_bytes(draw: st.DrawFn) -> bytes:
    kind = draw(st.sampled_from(["empty", "binary", "text", "real", "cut", "spliced", "office", "office-cut"]))
    if kind == "empty":
        return b""
    if kind == "binary":
        return draw(st.binary(min_size=1, max_size=2000))
    if kind == "text":
        text = draw(st.text(min_size=1, max_size=400))
        return text.encode(draw(st.sampled_from(ENCODINGS)), errors="replace")
    if kind in ("office", "office-cut"):
        data = draw(_real(OFFICE))
    else:
        data = draw(_real(WILD))
        if draw(st.booleans()):
            data = data.decode("utf-8").encode(draw(st.sampled_from(ENCODINGS)), errors="replace")
    if kind in ("cut", "office-cut"):
        return data[: draw(st.integers(0, len(data)))]
    if kind == "spliced":
        at = draw(st.integers(0, len(data)))
        return data[:at] + draw(st.binary(min_size=1, max_size=64)) + data[at:]
    return data


@st.composite
def input_files(draw: st.DrawFn) -> list[tuple[str, bytes]]:
    """1–3 files with random names and suffixes (a file's content, not its name, says what it is)."""
    count = draw(st.integers(1, 3))
    return [(f"f{i}{draw(st.sampled_from(SUFFIXES))}", draw(file_bytes())) for i in range(count)]


def _materialise(files: list[tuple[str, bytes]], folder: Path, as_folder: bool) -> list[str]:
    for name, data in files:
        (folder / name).write_bytes(data)
    return [str(folder)] if as_folder else [str(folder / name) for name, _ in files]


def _run(args: list[str]) -> None:
    result = CliRunner().invoke(app, args)
    output = result.stdout + result.stderr
    assert result.exit_code in (0, 1, 2), (args, result.exit_code, output[-2000:])
    assert "Traceback" not in output, (args, output[-2000:])
    assert INTERNAL_ERROR not in result.stderr, (args, result.stderr[-2000:])
    if result.exit_code == 2:  # an error is said in Chinese, one line per problem, never silently
        assert result.stderr.strip() or "用法" in result.stdout, args


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # outputs (scorecards/, -o files) land in tmp, no repository config


@contextmanager
def _scratch() -> Iterator[Path]:
    """A fresh folder per example, removed after it (hypothesis runs many examples in one test's tmp_path)."""
    with tempfile.TemporaryDirectory(prefix="kpi-fuzz-", ignore_cleanup_errors=True) as folder:
        yield Path(folder)


@fuzz(12)
@given(
    files=input_files(),
    as_folder=st.booleans(),
    fmt=st.sampled_from(["jsonl", "json", "csv", "parquet", "table", "bogus"]),
    to_file=st.booleans(),
)
def test_parse_never_tracebacks(files: list[tuple[str, bytes]], as_folder: bool, fmt: str, to_file: bool) -> None:
    with _scratch() as folder:
        args = ["parse", *_materialise(files, folder, as_folder), "-f", fmt]
        if to_file:
            args += ["-o", str(folder / "out")]
        _run(args)


@fuzz(14)
@given(
    files=input_files(),
    as_folder=st.booleans(),
    options=st.lists(
        st.one_of(
            st.tuples(st.sampled_from(["--select", "--ignore"]), st.sampled_from(CODES)),
            st.tuples(st.just("--severity"), st.sampled_from(["error", "warning", "info", "fatal"])),
            st.tuples(st.just("--output-format"), st.sampled_from(CHECK_FORMATS)),
            st.tuples(st.just("--fail-on"), st.sampled_from(["error", "warning", "info", "never", "always"])),
            st.tuples(st.sampled_from(["--exclude", "--extend-exclude"]), st.sampled_from(["*.txt", "f0*", "", "a/b"])),
            st.tuples(st.sampled_from(["--statistics", "--explain", "--bogus"])),
            st.tuples(
                st.sampled_from(["--model", "--flag-label", "--lexicons", "--config", "--baseline"]),
                st.sampled_from([str(MODEL), "时效指标", "no-such", str(ROOT / "lexicons")]),
            ),
        ),
        max_size=4,
    ),
    to_file=st.booleans(),
)
def test_check_never_tracebacks(
    files: list[tuple[str, bytes]], as_folder: bool, options: list[tuple[str, ...]], to_file: bool
) -> None:
    with _scratch() as folder:
        args = ["check", *_materialise(files, folder, as_folder), *(part for option in options for part in option)]
        if to_file:
            args += ["-o", str(folder / "findings.out")]
        _run(args)


@fuzz(8)
@given(
    files=input_files(),
    fmt=st.sampled_from(SCORE_FORMATS),
    to_file=st.booleans(),
)
def test_score_never_tracebacks(files: list[tuple[str, bytes]], fmt: str, to_file: bool) -> None:
    with _scratch() as folder:
        args = ["score", *_materialise(files, folder, False), "-f", fmt]
        if to_file:
            args += ["-o", str(folder / ("cards" if fmt in ("markdown", "html") else "scores.out"))]
        _run(args)


@fuzz(8)
@given(
    files=input_files(),
    threshold=st.sampled_from(["0", "0.35", "1", "1.5", "-1", "x"]),
    min_size=st.sampled_from(["1", "2", "0", "a"]),
    fmt=st.sampled_from(["table", "json", "csv", "html"]),
)
def test_cluster_never_tracebacks(files: list[tuple[str, bytes]], threshold: str, min_size: str, fmt: str) -> None:
    with _scratch() as folder:
        _run(["cluster", *_materialise(files, folder, False), "-t", threshold, "-m", min_size, "-f", fmt])


@fuzz(6)
@given(files=input_files(), project=st.text(max_size=8), level2=st.sampled_from(["", "成本指标", "数量", "zz"]))
def test_suggest_never_tracebacks(files: list[tuple[str, bytes]], project: str, level2: str) -> None:
    with _scratch() as folder:
        args = ["suggest", *_materialise(files, folder, False), "--project", project or "项目"]
        if level2:
            args += ["--level2", level2]
        _run(args)


@fuzz(6)
@given(files=input_files(), suffix=st.sampled_from([".xlsx", ".csv", ".json", ".txt"]))
def test_library_never_tracebacks(files: list[tuple[str, bytes]], suffix: str) -> None:
    with _scratch() as folder:
        _run(["library", *_materialise(files, folder, False), "-o", str(folder / f"lib{suffix}")])


@fuzz(6)
@given(files=input_files(), model=st.sampled_from(["real", "garbage", "missing"]), label=st.sampled_from(["", "x"]))
def test_predict_never_tracebacks(files: list[tuple[str, bytes]], model: str, label: str) -> None:
    with _scratch() as folder:
        model_path = {"real": MODEL, "garbage": folder / "m.skops", "missing": folder / "none.skops"}[model]
        if model == "garbage":
            model_path.write_bytes(b"PK\x03\x04garbage")
        args = ["predict", "--model", str(model_path), *_materialise(files, folder, False)]
        if label:
            args += ["--label", label]
        _run(args)


@fuzz(10)
@given(
    args=st.lists(
        st.one_of(
            st.sampled_from(["--all", "--help", "KPI101", "kpi302", "vague-target", "目标值含糊"]), st.text(max_size=10)
        ),
        max_size=3,
    )
)
def test_rule_never_tracebacks(args: list[str]) -> None:
    _run(["rule", *args])


@fuzz(6)
@given(data=file_bytes(), text_col=st.sampled_from(["level3", "value", "nope"]))
def test_train_custom_never_tracebacks(data: bytes, text_col: str) -> None:
    with _scratch() as folder:
        (folder / "rows.csv").write_bytes(data)
        _run(
            [
                "train",
                "custom",
                "--data",
                str(folder / "rows.csv"),
                "--text-col",
                text_col,
                "--label-col",
                "level2",
                "--out",
                str(folder / "m.skops"),
            ]
        )


def test_real_samples_through_every_reading_command() -> None:
    """Not fuzz: one real sample of each kind (corpus, wild, office) through parse/check/score, exit 0 or 1."""
    office = [str(p) for p in OFFICE if p.suffix in (".pdf", ".docx", ".xlsx")][:3]
    real = [str(SAMPLES[2]), str(WILD[0]), *office]
    for command in (["parse", "-f", "json"], ["check", "--fail-on", "never"], ["score", "-f", "csv"]):
        result = CliRunner().invoke(app, [command[0], *real, *command[1:]])
        assert result.exit_code == 0, (command, result.stderr[-1000:])
        assert "Traceback" not in result.stdout + result.stderr
