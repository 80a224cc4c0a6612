"""Start-up stays light: `--version`, `--help` and lexicon-only checks do not load the heavy libraries.

A fresh interpreter runs the command and reports which modules it imported; scikit-learn, pandas,
skops and jieba (seconds to import) load only when a selected rule uses a model or the peer index.
Timing is measured in bench/check_bench.py, not here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.classify.conftest import skops_only

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("sklearn", "pandas", "skops", "jieba", "scipy", "pdfplumber")
# What opens a model file (kpi_lint.classify.persist) and what builds the peer index.
MODELS = ("kpi_lint.classify.persist", "kpi_lint.cluster.peers")
SAMPLE = ROOT / "corpus" / "004_df5b1921bc2e3ce3.txt"

_PROBE = """
import json, sys
heavy = json.loads(sys.argv[2])
sys.argv = ["kpi-lint", *json.loads(sys.argv[1])]
from kpi_lint.cli import main
try:
    main()
except SystemExit as exit:
    code = exit.code
else:
    code = 0
print(json.dumps({"code": code, "heavy": [m for m in heavy if m in sys.modules]}))
"""


def imported(*args: str, modules: tuple[str, ...] = HEAVY, env: dict[str, str] | None = None) -> dict[str, object]:
    """Exit code and which of `modules` `kpi-lint ARGS` imported, in a fresh interpreter (`env`: added to
    the environment)."""
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, json.dumps(args), json.dumps(modules)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        env={**os.environ, **(env or {})},
    )
    last = result.stdout.strip().splitlines()[-1]
    report: dict[str, object] = json.loads(last)
    return report


def test_version_imports_no_heavy_library() -> None:
    report = imported("--version")
    assert report == {"code": 0, "heavy": []}


def test_version_alone_imports_not_even_the_command_line_library() -> None:
    """`kpi-lint --version` prints what the typer app's eager option prints, without importing typer or rich."""
    from typer.testing import CliRunner

    from kpi_lint import __version__
    from kpi_lint.cli import app

    assert imported("--version", modules=("typer", "click", "rich")) == {"code": 0, "heavy": []}
    probe = subprocess.run(
        [sys.executable, "-m", "kpi_lint", "--version"], capture_output=True, text=True, cwd=ROOT, check=True
    )
    through_app = CliRunner().invoke(app, ["--version"])
    assert probe.stdout == through_app.output == f"kpi-lint {__version__}\n"
    # with another option the app reads the line as before
    assert imported("--version", "--help", modules=("typer",)) == {"code": 0, "heavy": ["typer"]}


def test_help_lists_every_command_without_heavy_libraries() -> None:
    report = imported("--help")
    assert report["heavy"] == []
    assert report["code"] == 0


@pytest.mark.parametrize("command", ["cluster", "train", "check", "score", "library"])
def test_a_commands_help_imports_no_heavy_library(command: str) -> None:
    assert imported(command, "--help")["heavy"] == []


def test_a_check_of_lexicon_rules_loads_no_model(tmp_path: Path) -> None:
    out = tmp_path / "findings.json"
    report = imported("check", str(SAMPLE), "--select", "KPI3", "--output-format", "json", "-o", str(out))
    assert report["heavy"] == [] and report["code"] in (0, 1)  # 1 when a finding is an error
    findings = json.loads(out.read_text(encoding="utf-8"))
    found = findings["findings"] if isinstance(findings, dict) else findings
    assert found and all(f["code"].startswith("KPI3") for f in found)


def test_a_check_without_the_rules_that_need_scikit_learn_loads_no_model(tmp_path: Path) -> None:
    """Every rule but those whose `Rule.uses` needs scikit-learn: no scikit-learn, SciPy, pandas or
    skops imported, no model file opened, no peer index built — and the other rules still report."""
    from kpi_lint.rules.context import uses_scikit_learn
    from kpi_lint.rules.registry import all_rules

    needing = sorted(rule.code for rule in all_rules() if uses_scikit_learn(rule))
    # KPI101: the vagueness model; KPI404: the category model and the peers; KPI104/105/201: the peers.
    assert needing == ["KPI101", "KPI104", "KPI105", "KPI201", "KPI404"]
    out = tmp_path / "findings.json"
    sample = ROOT / "corpus" / "000_ddaa44b2c1d0d458.txt"
    args = ("check", str(sample), "--output-format", "json", "-o", str(out), "--no-cache", "--fail-on", "never")
    report = imported(*args, "--ignore", ",".join(needing), modules=HEAVY + MODELS)
    # jieba may load: the name checks cut the category labels into words with its dictionary.
    heavy = report["heavy"]
    assert report["code"] == 0 and isinstance(heavy, list) and set(heavy) <= {"jieba"}, report
    codes = {f["code"] for f in json.loads(out.read_text(encoding="utf-8"))}
    assert {"KPI303", "KPI401", "KPI410"} <= codes and not codes & set(needing)
    # The probe sees them when they load: the vagueness rule alone opens its model — from the form shipped
    # beside it (models/vagueness.fast.npz), so even this --no-cache run imports neither scikit-learn nor skops;
    # with a model file that has no form beside it, both.
    probe = ("sklearn", "skops", *MODELS[:1])
    selected = imported(*args, "--select", "KPI101", modules=probe)
    assert selected == {"code": 0, "heavy": ["kpi_lint.classify.persist"]}
    bare = {"KPI_LINT_MODELS": str(skops_only(tmp_path / "models"))}
    assert imported(*args, "--select", "KPI101", modules=probe, env=bare)["heavy"] == list(probe)


def test_the_light_help_page_is_the_full_applications() -> None:
    """`kpi-lint --help` is drawn from COMMAND_SUMMARIES; it must be the page the full app prints."""
    from typer.testing import CliRunner

    from kpi_lint.cli import app

    full = CliRunner().invoke(app, ["--help"], prog_name="kpi-lint")
    probe = "import sys; sys.argv = ['kpi-lint', '--help']; from kpi_lint.cli import main; main()"
    light = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=False)
    assert full.exit_code == 0 and light.returncode == 0
    assert "check" in light.stdout and "train" in light.stdout
    assert light.stdout == full.stdout


def _loaded(report: dict[str, object]) -> set[str]:
    heavy = report["heavy"]
    assert report["code"] == 0 and isinstance(heavy, list), report
    return set(heavy)


def test_a_second_run_of_an_unchanged_file_reads_the_cache_without_scikit_learn(tmp_path: Path) -> None:
    """The run a user repeats: the first run (default cache, $KPI_LINT_CACHE_DIR here) reads the models'
    forms shipped beside them (no scikit-learn, SciPy, pandas or skops); the second reads the whole run back
    and imports none of the heavy libraries (nor NumPy, nor the parser); an edited file is checked again the
    same way as the first — the peer index is built with NumPy — and reports what a run without the cache
    reports."""
    sample = tmp_path / SAMPLE.name
    sample.write_bytes(SAMPLE.read_bytes())
    out = tmp_path / "findings.json"
    args = ("check", str(sample), "--output-format", "json", "-o", str(out), "--fail-on", "never")
    models = HEAVY + MODELS
    assert _loaded(imported(*args, modules=models)) == {"jieba", "kpi_lint.classify.persist", "kpi_lint.cluster.peers"}
    found = out.read_bytes()
    assert _loaded(imported(*args, modules=(*models, "numpy", "kpi_lint.parse.document"))) == set()
    assert out.read_bytes() == found
    sample.write_bytes(SAMPLE.read_bytes() + b"\n")  # the same tables, other bytes: not in the cache
    edited = _loaded(imported(*args, modules=models))
    assert edited == {"jieba", "kpi_lint.classify.persist", "kpi_lint.cluster.peers"}, edited
    with_cache = out.read_bytes()
    _loaded(imported(*args, "--no-cache", modules=models))
    assert out.read_bytes() == with_cache


def test_a_one_file_check_of_every_rule_imports_no_scikit_learn_scipy_or_pandas(tmp_path: Path) -> None:
    """Issue 10's one-file check, on a first run (empty cache) and with --no-cache: a file of several projects
    is checked by every default rule — the models from the forms shipped beside them (models/*.fast.npz), the
    peer index built and consulted (kpi_lint.cluster.exact_tfidf, exact_linkage, project_space) — without
    importing scikit-learn, SciPy, pandas or skops, and reports what the models' scikit-learn pipelines report
    (the same model files without their forms, --no-cache)."""
    sample = ROOT / "corpus" / "000_ddaa44b2c1d0d458.txt"
    new = tmp_path / sample.name
    new.write_bytes(sample.read_bytes())
    out = tmp_path / "findings.json"
    common = ("--output-format", "json", "-o", str(out), "--fail-on", "never")
    watched = (*HEAVY, "threadpoolctl", "kpi_lint.cluster.peers")
    for extra in ((), ("--no-cache",)):
        report = imported("check", str(new), *common, *extra, modules=watched)
        assert _loaded(report) == {"jieba", "kpi_lint.cluster.peers"}, extra
    found = json.loads(out.read_text(encoding="utf-8"))
    assert {"KPI101", "KPI201", "KPI303", "KPI404"} <= {f["code"] for f in found}  # the models' and peers' rules
    bare = {"KPI_LINT_MODELS": str(skops_only(tmp_path / "models"))}
    assert "sklearn" in _loaded(imported("check", str(new), *common, "--no-cache", modules=("sklearn",), env=bare))
    assert json.loads(out.read_text(encoding="utf-8")) == found


def test_jieba_loads_without_pkg_resources() -> None:
    """kpi_lint.jieba_import keeps jieba from importing pkg_resources (a scan of every installed
    distribution); jieba still finds its dictionary file beside its modules and cuts text the same."""
    probe = """
import json, sys
from pathlib import Path
from kpi_lint.segment import plain_tokenizer
from kpi_lint.jieba_import import jieba
with jieba.get_dict_file() as fh:
    same_file = fh.read() == (Path(jieba.__file__).parent / "dict.txt").read_bytes()
print(json.dumps({"pkg_resources": "pkg_resources" in sys.modules, "same_file": same_file,
                  "words": plain_tokenizer().lcut("项目资金到位率达到100%")}))
"""
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True)
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report == {"pkg_resources": False, "same_file": True, "words": ["项目", "资金", "到位率", "达到", "100%"]}


def test_a_check_imports_only_the_legacy_reader_of_its_layout(tmp_path: Path) -> None:
    """A PDF-text file (the layout of most published files) is read without the Word-cell and tab-row readers."""
    sample = ROOT / "corpus" / "000_ddaa44b2c1d0d458.txt"
    readers = ("kpi_lint.parse.layout_pdf", "kpi_lint.parse.layout_cells", "kpi_lint.parse.layout_rows")
    report = imported(
        "check",
        str(sample),
        "--select",
        "KPI3",
        "--no-cache",
        "--fail-on",
        "never",
        "--output-format",
        "json",
        "-o",
        str(tmp_path / "f.json"),
        modules=readers,
    )
    assert report == {"code": 0, "heavy": ["kpi_lint.parse.layout_pdf"]}
