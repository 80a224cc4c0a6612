"""The reviewer's side of the command line: Chinese help and usage errors, no silence, no traceback."""

from __future__ import annotations

import io
import json
import os
import pty
import re
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner, Result

from kpi_lint.cli import app
from kpi_lint.cli.common import load_documents, progress_bar
from tests.corpus import SAMPLES, corpus_path

ERROR_LINE = re.compile(r"^kpi-lint: 错误: .+$")
ROOT = Path(__file__).resolve().parents[2]
COMMANDS = [
    ["parse"],
    ["check"],
    ["rule"],
    ["score"],
    ["cluster"],
    ["suggest"],
    ["library"],
    ["predict"],
    ["train", "category"],
    ["train", "vagueness"],
    ["train", "custom"],
]


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # no config file of the repository, outputs land in tmp


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(app, [str(a) for a in args])


def path(key: str) -> str:
    return str(corpus_path(key))


# ---- help -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", [[], ["train"], *COMMANDS], ids=lambda c: " ".join(c) or "kpi-lint")
def test_help_has_no_type_labels_and_never_cuts(command: list[str]) -> None:
    result = run(*command, "--help")
    assert result.exit_code == 0
    page = result.stdout
    assert page.startswith(f"用法：kpi-lint {' '.join(command)}".rstrip() + " ")
    assert not re.search(r"<(list\[|bool|path|str|int|float|text)", page, re.IGNORECASE)
    assert "…" not in page and "Show this message" not in page and "[default:" not in page
    assert "显示此帮助并退出" in page and "选项" in page


def test_check_help_shows_every_option_help_whole() -> None:
    from kpi_lint.cli import load_commands
    from kpi_lint.cli.typer_app import app as bare_app

    load_commands(["check"])
    import typer.main

    group = typer.main.get_command(bare_app)
    ctx = group.make_context("kpi-lint", ["check", "x"], resilient_parsing=True)
    check = group.get_command(ctx, "check")  # type: ignore[attr-defined]
    page = re.sub(r"\s+", "", run("check", "--help").stdout)
    for param in check.params:
        if param.help:
            assert re.sub(r"\s+", "", param.help) in page, param.name
    # what an option takes is said in words, and enum choices are listed
    assert "--severityerror|warning|info只显示此级别及以上的问题" in page
    assert "-o,--output路径写入文件而不是标准输出" in page
    assert "--statistics只输出按规则代码统计的表" in page  # a switch takes no placeholder


# ---- usage errors -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (
            ["check", path("001"), "--severity", "bogus"],
            "kpi-lint: 错误: --severity 的值“bogus”无效：可选 error、warning、info"
            "（用 kpi-lint check --help 查看用法）",
        ),
        (
            ["check", path("001"), "--selec", "KPI1"],
            "kpi-lint: 错误: 没有选项 --selec；是不是 --baseline、--help、--select？"
            "（用 kpi-lint check --help 查看用法）",
        ),
        (["check", path("001"), "--select"], "kpi-lint: 错误: 选项 --select 后面要跟一个值"),
        (["check", path("001"), "--statistics=3"], "kpi-lint: 错误: 选项 --statistics 是开关，不带值"),
        (["check"], "kpi-lint: 错误: 缺少参数 路径...（用 kpi-lint check --help 查看用法）"),
        (
            ["cluster", path("001"), "--threshold=abc"],
            "kpi-lint: 错误: --threshold 的值“abc”无效：应为 0–1 之间的数字（用 kpi-lint cluster --help 查看用法）",
        ),
        (
            ["cluster", path("001"), "-m", "0"],
            "kpi-lint: 错误: --min-size 的值“0”无效：应为不小于 1 的整数（用 kpi-lint cluster --help 查看用法）",
        ),
        (["suggest", path("001")], "kpi-lint: 错误: 缺少选项 --project（用 kpi-lint suggest --help 查看用法）"),
        (["rule", "KPI101", "extra"], "kpi-lint: 错误: 多余的参数：extra（用 kpi-lint rule --help 查看用法）"),
        (
            ["bogus"],
            "kpi-lint: 错误: 没有命令 bogus（可用命令：parse、check、rule、score、cluster、suggest、library、"
            "predict、train）（用 kpi-lint --help 查看用法）",
        ),
        (
            ["score", path("001"), "--format", "pdf"],
            "kpi-lint: 错误: --format 的值“pdf”无效：可选 table、markdown、html、csv、json、xlsx"
            "（用 kpi-lint score --help 查看用法）",
        ),
    ],
)
def test_usage_errors_are_one_chinese_line_exit_2(args: list[str], line: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [line]
    assert result.stdout == ""


def test_model_without_flag_label_is_one_line_not_a_traceback() -> None:
    model = ROOT / "models" / "category.skops"
    result = run("check", path("004"), "--model", model)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"kpi-lint: 错误: {model}: --model 需要与 --flag-label 一起使用"
        "（模型预测为哪个标签时报告，如 --flag-label 时效指标）"
    ]
    assert "Traceback" not in result.stdout + result.stderr


def test_unsafe_or_garbage_model_is_one_line(tmp_path: Path) -> None:
    garbage = tmp_path / "m.skops"
    garbage.write_bytes(b"PK\x03\x04 not a zip at all")
    result = run("check", path("004"), "--model", garbage, "--flag-label", "时效指标")
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and ERROR_LINE.match(lines[0]) and str(garbage) in lines[0]


def test_the_command_line_never_shows_a_traceback_even_on_a_bug(monkeypatch: pytest.MonkeyPatch) -> None:
    import kpi_lint.cli.rule_cmd as rule_cmd

    def broken() -> str:
        raise RuntimeError("boom")

    monkeypatch.setattr(rule_cmd, "catalog", broken)
    result = run("rule", "--all")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "kpi-lint: 错误: 内部错误（RuntimeError: boom），请把命令和输入文件报告给维护者"
    ]


# ---- every -o says what it wrote ----------------------------------------------------------------------------


def test_check_o_says_what_it_wrote(tmp_path: Path) -> None:
    out = tmp_path / "findings.json"
    result = run("check", path("004"), "--select", "KPI2", "--output-format", "json", "-o", out)
    assert result.exit_code == 1 and result.stdout == ""
    assert f"kpi-lint: 已写入 {out}（8 个问题，json 格式）" in result.stderr.splitlines()
    assert len(json.loads(out.read_text(encoding="utf-8"))) == 8


def test_parse_and_score_o_say_what_they_wrote(tmp_path: Path) -> None:
    rows = tmp_path / "rows.csv"
    result = run("parse", path("004"), "-f", "csv", "-o", rows)
    assert result.exit_code == 0
    written = rows.read_text(encoding="utf-8-sig").count("\n") - 1
    assert result.stderr.splitlines()[-1] == f"kpi-lint: 已写入 {rows}（1 个文档、{written} 个指标，csv 格式）"
    scores = tmp_path / "scores.csv"
    result = run("score", path("004"), "-f", "csv", "-o", scores)
    assert result.exit_code == 0
    assert result.stderr.splitlines()[-1] == f"kpi-lint: 已写入 {scores}（8 个项目的评分，csv 格式）"


def test_cluster_o_says_what_it_wrote(tmp_path: Path) -> None:
    out = tmp_path / "clusters.json"
    result = run("cluster", path("003"), path("004"), "-f", "json", "-o", out)
    assert result.exit_code == 0
    clusters = json.loads(out.read_text(encoding="utf-8"))
    assert result.stderr.splitlines()[-1] == f"kpi-lint: 已写入 {out}（{len(clusters)} 个簇，json 格式）"


# ---- a baselined run says what the baseline hid -----------------------------------------------------------------


def test_baselined_run_says_how_many_findings_it_hid(tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    written = run("check", path("004"), "--write-baseline", baseline)
    assert written.exit_code == 0
    total = int(re.search(r"已把 (\d+) 个问题", written.stderr).group(1))  # type: ignore[union-attr]
    # KPI404 also moves 长效机制 → 可持续影响, 减轻…负担 → 经济效益 (issue 13d model); the 7 unfilled cost rows'
    # actuals ("未填报 | 部分达成预期指标") are KPI201's, not KPI502's too (issue 11h: one defect, one finding); a
    # completion rate under 数量 ("医药费报销完成率 | =100%") is no longer moved to 质量 (issue 11l); "5月底之前" (729)
    # is read under its merged 时效指标 cell, so its KPI404 (the reader's misfiling) is gone (issue 11ae)
    assert total == 81
    clean = run("check", path("004"), "--baseline", baseline)
    assert clean.exit_code == 0
    assert clean.stdout.splitlines()[:2] == [
        "没有发现问题（基线之外）。检查了 1 个文件、8 个项目。",
        f"基线 {baseline} 隐藏了 81 个已知问题。",
    ]
    as_json = run("check", path("004"), "--baseline", baseline, "--output-format", "json")
    assert json.loads(as_json.stdout) == []
    assert f"kpi-lint: 基线 {baseline} 隐藏了 81 个已知问题" in as_json.stderr.splitlines()
    # with new files beside the old one the summary names both figures
    mixed = run("check", path("004"), path("002"), "--baseline", baseline, "--fail-on", "never")
    head = next(line for line in mixed.stdout.splitlines() if line.startswith("共发现"))
    assert head.endswith(f"（基线 {baseline} 隐藏了 81 个已知问题）")


# ---- a status line on a long run ------------------------------------------------------------------------------


def _terminal() -> tuple[Console, io.StringIO]:
    buffer = io.StringIO()
    return Console(file=buffer, force_terminal=True, width=100, color_system=None), buffer


def test_status_line_appears_once_a_step_takes_longer_than_the_delay() -> None:
    console, buffer = _terminal()
    with progress_bar("解析", True, delay=0.2, console=console) as bar:
        task = bar.add_task("parse", total=2)
        for key in ("001", "004"):
            load_documents([path(key)], progress=False)
            bar.advance(task)
        time.sleep(0.5)  # the bar refreshes (10 per second) once it is shown
    assert "解析" in buffer.getvalue()


def test_no_status_line_on_a_quick_step_or_off_a_terminal() -> None:
    console, buffer = _terminal()
    with progress_bar("解析", True, delay=30, console=console) as bar:
        task = bar.add_task("parse", total=1)
        load_documents([path("001")], progress=False)
        bar.advance(task)
    assert buffer.getvalue() == ""
    console, buffer = _terminal()
    with progress_bar("解析", False, delay=0, console=console) as bar:
        bar.add_task("parse", total=1)
        time.sleep(0.3)
    assert buffer.getvalue() == ""


@pytest.mark.skipif(not hasattr(pty, "openpty"), reason="needs a pseudo-terminal")
def test_check_on_five_files_shows_a_status_line_on_a_terminal(tmp_path: Path) -> None:
    """The 25 s of silence of the issue: five corpus files, stderr on a terminal, stdout to a file."""
    main, secondary = pty.openpty()
    files = [str(p) for p in SAMPLES]
    started = time.monotonic()
    with (tmp_path / "out.txt").open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-c", "from kpi_lint.cli import main; main()", "check", *files, "--fail-on", "never"],
            stdout=out,
            stderr=secondary,
            cwd=ROOT,
            env={**os.environ, "COLUMNS": "120"},
        )
        os.close(secondary)
        seen = b""
        while True:
            ready, _, _ = select.select([main], [], [], 1.0)
            if ready:
                try:
                    chunk = os.read(main, 4096)
                except OSError:
                    break
                if not chunk:
                    break
                seen += chunk
            elif proc.poll() is not None:
                break
        proc.wait(timeout=600)
    os.close(main)
    elapsed = time.monotonic() - started
    text = seen.decode("utf-8", "replace")
    assert proc.returncode == 0
    if elapsed > 4:  # always on a shared test machine; a very fast one may finish before any delay
        assert any(label in text for label in ("解析", "准备同类比较与模型", "检查")), text[-500:]
    assert "Traceback" not in text
