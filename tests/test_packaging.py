"""A non-editable install works: the word lists and models travel inside the wheel (kpi_lint/bundled.py).

The wheel test builds the package offline from a copy of what a wheel is made of, installs it with no
dependencies into a fresh venv that borrows the project venv's site-packages for the third-party
libraries, and runs the installed `kpi-lint` from a folder outside the repository: its findings must be
those of the editable install, byte for byte.  The three `wheel` tests take 25–40 s on a shared 2-core machine
(build ≈ 2 s, fresh venv and install ≈ 4 s, two checks ≈ 3 s, two refused trainings and one small training ≈ 13 s,
the rest importing).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest

from kpi_lint import __version__
from kpi_lint.bundled import LEXICONS_DIR, MODELS_DIR, SOURCE_ROOT
from kpi_lint.classify.tasks import CATEGORY
from kpi_lint.cluster.agreement import SECOND_LABELS, load_second_labels
from kpi_lint.cluster.evaluation import PAIRS_FILE, load_pairs
from kpi_lint.errors import InputError
from tests.corpus import CORPUS_DIR, ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
DATA_PACKAGES = {"kpi_lint.lexicons": "lexicons", "kpi_lint.models": "models"}


def test_every_code_package_and_both_data_folders_are_listed() -> None:
    on_disk = {".".join(init.parent.relative_to(ROOT).parts) for init in (ROOT / "kpi_lint").rglob("__init__.py")}
    listed = set(PYPROJECT["tool"]["setuptools"]["packages"])
    assert listed == on_disk | set(DATA_PACKAGES)
    assert PYPROJECT["tool"]["setuptools"]["package-dir"] == DATA_PACKAGES


def test_package_data_patterns_cover_every_shipped_file() -> None:
    patterns = PYPROJECT["tool"]["setuptools"]["package-data"]
    for package, folder in DATA_PACKAGES.items():
        files = [p for p in (ROOT / folder).iterdir() if p.is_file()]
        uncovered = [p.name for p in files if not any(p.match(pattern) for pattern in patterns[package])]
        assert files and uncovered == []


def test_the_source_tree_reads_the_folders_at_the_repository_root() -> None:
    assert SOURCE_ROOT == ROOT
    assert LEXICONS_DIR == ROOT / "lexicons"
    assert MODELS_DIR == ROOT / "models"


@pytest.mark.parametrize(
    ("load", "what"),
    [(load_pairs, "聚类评估的人工标注对"), (load_second_labels, "第二位标注者的聚类标注对")],
)
def test_absent_evaluation_data_is_one_chinese_line(
    load: Callable[[Path], pd.DataFrame], what: str, tmp_path: Path
) -> None:
    absent = tmp_path / "site-packages" / "tests" / "data" / "cluster_pairs.csv"
    with pytest.raises(InputError) as caught:
        load(absent)
    assert (
        str(caught.value)
        == f"{absent}: 找不到{what}：它只在 kpi-lint 的源码仓库中，不随安装包发布；请在仓库中运行，或另给文件"
    )


def test_the_evaluation_defaults_point_into_the_repository() -> None:
    assert PAIRS_FILE == ROOT / "tests" / "data" / "cluster_pairs.csv" and PAIRS_FILE.is_file()
    assert SECOND_LABELS == ROOT / "corpus" / "labels" / "agreement" / "pairs_second.csv" and SECOND_LABELS.is_file()
    assert CATEGORY.default_data == (ROOT / "corpus" / "labels" / "categories.csv",)
    assert CATEGORY.default_out == ROOT / "models" / "category.skops"


@dataclass(frozen=True)
class Installed:
    bin: Path  # the fresh venv's bin/
    site: Path  # its site-packages
    work: Path  # a folder outside the repository holding copies of the samples


def _clean_env() -> dict[str, str]:
    """The environment without anything that would point the installed program back at the repository."""
    drop = {"PYTHONPATH", "KPI_LINT_LEXICONS", "KPI_LINT_MODELS"}
    return {k: v for k, v in os.environ.items() if k not in drop}


def _run(args: list[str | Path], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, cwd=cwd, env=_clean_env(), check=False, timeout=120
    )


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    base = tmp_path_factory.mktemp("wheel")
    source = base / "source"  # what a wheel is built from, copied: the build leaves nothing in the repository
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copyfile(ROOT / name, source / name)
    for name in ("kpi_lint", "lexicons", "models"):
        shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
    built = _run(
        [sys.executable, "-m", "pip", "wheel", source, "--no-deps", "--no-build-isolation", "--no-index", "-q",
         "-w", base / "dist"],
        base,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr
    wheels = list((base / "dist").glob("kpi_lint-*.whl"))
    assert len(wheels) == 1

    venv = base / "venv"
    made = _run([sys.executable, "-m", "venv", "--without-pip", venv], base)
    assert made.returncode == 0, made.stderr
    python = venv / "bin" / "python"
    site = Path(_run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], base).stdout.strip())
    # The third-party libraries come from the project venv (a path line, so its editable-install hook is not run).
    (site / "project-venv.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    put = _run(
        [sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index", "-q", wheels[0]], base
    )
    assert put.returncode == 0, put.stderr

    work = base / "work"
    work.mkdir()
    for sample in sorted(CORPUS_DIR.glob("000*.txt")):
        shutil.copyfile(sample, work / sample.name)
    return Installed(venv / "bin", site, work)


@pytest.mark.wheel
def test_the_installed_package_reads_its_own_data(installed: Installed) -> None:
    probe = "import kpi_lint.bundled as b, kpi_lint.lexicon as x; print(b.LEXICONS_DIR, b.MODELS_DIR, x.BUNDLED_DIR)"
    shown = _run([installed.bin / "python", "-c", probe], installed.work)
    package = installed.site / "kpi_lint"
    assert shown.stdout.split() == [str(package / "lexicons"), str(package / "models"), str(package / "lexicons")]
    assert (package / "lexicons" / "userdict.txt").is_file()
    assert {p.name for p in (package / "models").glob("*.skops")} == {"category.skops", "vagueness.skops"}


@pytest.mark.wheel
def test_the_installed_check_matches_the_editable_one(installed: Installed) -> None:
    version = _run([installed.bin / "kpi-lint", "--version"], installed.work)
    assert (version.returncode, version.stdout.strip()) == (0, f"kpi-lint {__version__}")

    args = ["check", ".", "--output-format", "json", "--no-cache", "--fail-on", "never", "-o"]
    wheel = _run([installed.bin / "kpi-lint", *args, "wheel.json"], installed.work)
    editable = _run([sys.executable, "-m", "kpi_lint", *args, "editable.json"], installed.work)
    assert (wheel.returncode, editable.returncode) == (0, 0), wheel.stderr + editable.stderr
    produced = (installed.work / "wheel.json").read_bytes()
    assert produced == (installed.work / "editable.json").read_bytes()
    # The category model was loaded: KPI404 (misfiled indicator) rests on its predictions.
    assert b'"code": "KPI404"' in produced


@pytest.mark.wheel
def test_train_from_the_installed_package_needs_data_and_stays_out_of_it(installed: Installed) -> None:
    kpi_lint = installed.bin / "kpi-lint"
    default = _run([kpi_lint, "train", "vagueness"], installed.work)
    assert default.returncode == 2
    assert default.stderr.strip().splitlines() == [
        f"kpi-lint: 错误: {installed.site / 'corpus' / 'labels' / 'values.csv'}: "
        "找不到默认训练数据：它只在 kpi-lint 的源码仓库中，不随安装包发布；请用 --data 指定训练数据"
    ]

    data = installed.work / "values.csv"
    shutil.copyfile(CORPUS_DIR / "labels" / "values.csv", data)
    shipped = installed.site / "kpi_lint" / "models" / "vagueness.skops"
    before = shipped.read_bytes()
    inside = _run([kpi_lint, "train", "vagueness", "--data", data, "--out", shipped, "--force"], installed.work)
    assert inside.returncode == 2
    assert "不能写进已安装的 kpi-lint 程序包或 Python 环境" in inside.stderr
    assert shipped.read_bytes() == before

    trained = _run([kpi_lint, "train", "vagueness", "--data", data], installed.work)
    assert trained.returncode == 0, trained.stderr
    assert (installed.work / "kpi-lint-models" / "vagueness.skops").is_file()
    assert shipped.read_bytes() == before
