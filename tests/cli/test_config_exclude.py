"""Configuration that behaves: exclude / extend-exclude, the tool's own folders, the README's example."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from kpi_lint.cli import app
from kpi_lint.read import iter_input_files
from kpi_lint.read.exclude import build_exclusion
from tests.corpus import corpus_path

ROOT = Path(__file__).resolve().parents[2]
WILD = ROOT / "corpus" / "wild"


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(app, [str(a) for a in args])


def readme_config() -> str:
    """The TOML example of the README's Configuration section."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("### Configuration") :]
    match = re.search(r"```toml\n(.*?)```", section, re.DOTALL)
    assert match
    return match.group(1)


def checked_paths(result: Result) -> set[str]:
    return {Path(r["path"]).name for r in json.loads(result.stdout)}


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A reviewer's folder laid out as the README suggests: disclosures, their word lists, drafts, backups."""
    for key in ("001", "004"):
        shutil.copy(corpus_path(key), tmp_path)
    shutil.copytree(ROOT / "lexicons", tmp_path / "my-lexicons")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "unfinished.txt").write_bytes(b"")  # read, it would be an input error (exit 2)
    (tmp_path / "old.bak.txt").write_bytes(b"\x00\x01garbage")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_readme_configuration_example_works(project: Path) -> None:
    (project / "pyproject.toml").write_text(readme_config(), encoding="utf-8")
    result = run("check", ".", "--output-format", "json")
    # fail-on = "warning" and there are warnings: exit 1, not the exit 2 of a word list read as a disclosure
    assert result.exit_code == 1, result.stderr
    assert result.stderr == ""
    findings = json.loads(result.stdout)
    assert {Path(f["path"]).name for f in findings} == {corpus_path("001").name, corpus_path("004").name}
    # the example's select / ignore hold
    codes = {f["code"] for f in findings}
    assert codes and all(c[:4] in ("KPI1", "KPI2", "KPI4") for c in codes) and "KPI203" not in codes


def test_lexicons_folder_is_never_read_as_a_disclosure(project: Path) -> None:
    (project / "kpi-lint.toml").write_text(
        'lexicons = "my-lexicons"\nextend-exclude = ["drafts", "*.bak.txt"]\n', encoding="utf-8"
    )
    result = run("check", ".", "--output-format", "json", "--fail-on", "never")
    assert result.exit_code == 0 and result.stderr == ""
    # without the config, the lexicons are word lists in a folder like any other: read, and refused
    (project / "kpi-lint.toml").unlink()
    result = run("check", ".", "--output-format", "json", "--fail-on", "never", "--extend-exclude", "drafts,*.bak.txt")
    assert result.exit_code == 2 and "my-lexicons" in result.stderr


def test_exclude_and_extend_exclude_on_the_command_line(project: Path) -> None:
    result = run(
        "check",
        ".",
        "--lexicons",
        "my-lexicons",
        "--output-format",
        "json",
        "--fail-on",
        "never",
        "--extend-exclude",
        "drafts",
        "--extend-exclude",
        "*.bak.txt,001_*",
    )
    assert result.exit_code == 0, result.stderr
    assert checked_paths(result) == {corpus_path("004").name}
    # a pattern with "/" is relative to the working directory
    result = run(
        "check",
        ".",
        "--lexicons",
        "my-lexicons",
        "--output-format",
        "json",
        "--fail-on",
        "never",
        "--exclude",
        "drafts/*.txt,old.bak.txt",
    )
    assert result.exit_code == 0, result.stderr
    assert checked_paths(result) == {corpus_path("001").name, corpus_path("004").name}
    # a file named on the command line is always read, whatever the patterns
    result = run("check", "drafts/unfinished.txt", "--exclude", "drafts")
    assert result.exit_code == 2 and "unfinished.txt" in result.stderr


def test_config_exclude_replaces_defaults_and_patterns_are_relative_to_the_config(project: Path) -> None:
    sub = project / "sub"
    sub.mkdir()
    (sub / "kpi-lint.toml").write_text(
        'exclude = ["../drafts", "*.bak.txt"]\nlexicons = "../my-lexicons"\n', encoding="utf-8"
    )
    # "../drafts" is relative to the config's folder: it names project/drafts
    result = CliRunner().invoke(
        app,
        [
            "check",
            str(project),
            "--output-format",
            "json",
            "--fail-on",
            "never",
            "--config",
            str(sub / "kpi-lint.toml"),
        ],
    )
    assert result.exit_code == 0, result.stderr
    assert checked_paths(result) == {corpus_path("001").name, corpus_path("004").name}


def test_default_exclude_leaves_out_scorecards_written_by_score(project: Path) -> None:
    (project / "kpi-lint.toml").write_text(
        'lexicons = "my-lexicons"\nextend-exclude = ["drafts", "*.bak.txt"]\n', encoding="utf-8"
    )
    assert run("score", corpus_path("004"), "-f", "html").exit_code == 0
    assert (project / "scorecards" / "index.html").is_file()
    result = run("check", ".", "--output-format", "json", "--fail-on", "never")
    assert result.exit_code == 0, result.stderr
    assert checked_paths(result) == {corpus_path("001").name, corpus_path("004").name}


def test_a_model_folder_inside_the_checked_folder_is_not_read(project: Path) -> None:
    models = project / "models"
    models.mkdir()
    for name in ("category.skops", "category.card.json", "category.card.md"):
        shutil.copy(ROOT / "models" / name, models)
    (models / "notes.txt").write_text("训练说明：不是公开文件\n", encoding="utf-8")
    (project / "kpi-lint.toml").write_text(
        'lexicons = "my-lexicons"\nextend-exclude = ["drafts", "*.bak.txt"]\n', encoding="utf-8"
    )
    result = run(
        "check",
        ".",
        "--model",
        "models/category.skops",
        "--flag-label",
        "时效指标",
        "--select",
        "KPI307",
        "--output-format",
        "json",
        "--fail-on",
        "never",
    )
    assert result.exit_code == 0, result.stderr
    assert checked_paths(result) <= {corpus_path("001").name, corpus_path("004").name}
    assert "notes.txt" not in result.stderr


def test_bad_exclude_in_config_is_one_line_exit_2(project: Path) -> None:
    (project / "kpi-lint.toml").write_text("exclude = 3\n", encoding="utf-8")
    result = run("check", ".")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f'kpi-lint: 错误: {project / "kpi-lint.toml"}: exclude 应为文件名模式列表，如 ["drafts", "old/2021"]'
    ]


def test_exclusion_on_the_wild_set() -> None:
    """Walking corpus/wild: the hand-labelled CSVs are skipped by kind, patterns leave out what they name."""
    everything = [p for p in iter_input_files([WILD]) if isinstance(p, Path)]
    assert everything and all(p.suffix in (".txt", ".html", ".pdf", ".docx", ".xlsx", ".xls") for p in everything)
    first = everything[0].name
    exclusion = build_exclusion(None, [first], ROOT)
    fewer = [p for p in iter_input_files([WILD], exclusion) if isinstance(p, Path)]
    assert len(fewer) == len(everything) - 1 and first not in {p.name for p in fewer}
    # a folder pattern relative to the base leaves out the folder with everything in it
    exclusion = build_exclusion(["corpus/wild"], [], ROOT)
    kept = [p for p in iter_input_files([ROOT / "corpus"], exclusion) if isinstance(p, Path)]
    assert kept and not [p for p in kept if WILD in p.parents]
