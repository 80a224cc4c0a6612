"""What departments really send, through every reading command: one Chinese line per bad file naming the
file and the problem, exit code 2, the other files still read, the problem in the machine outputs, never a
traceback.  Fixtures: tests/fixtures/bad_input (built by its build_bad_inputs.py from real files)."""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from kpi_lint.cli import app

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
BAD = FIXTURES / "bad_input"
GOOD = FIXTURES / "office" / "selfeval.txt"
CUT = "文件不完整：{}缺少文件结尾，可能在下载、复制或传送时被截断，请重新获取原文件"
# Each bad fixture and the one line that names its problem.
PROBLEMS = {
    "empty.txt": "文件为空",
    "noise.txt": "二进制文件（含 NUL 字节），不是文本提取结果",
    "scan.pdf": "PDF 没有文字层（可能是扫描件），需先 OCR 识别为文字",
    "selfeval.cut.docx": CUT.format("Office 文件（.docx/.xlsx）"),
    "selfeval.cut.xlsx": CUT.format("Office 文件（.docx/.xlsx）"),
    "selfeval.cut.pdf": CUT.format("PDF "),
    "two_projects.wps": "不支持的文件类型：Word 97-2003 文档或 WPS 文字旧格式文档（.doc/.wps），"
    "请用 Word 或 WPS 另存为 .docx 后再检查",
}
# The same self-evaluation as GOOD, saved otherwise: each reads as GOOD does.
SAME_TEXT = ["selfeval.gbk.txt", "selfeval.gb18030.txt", "selfeval.utf16.txt", "2023年 城乡居民医疗保险 自评表.txt"]


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(app, [*map(str, args)])


def error_lines(result: Result) -> dict[str, str]:
    """Each `kpi-lint: 错误:` line of stderr by the name of the file it names."""
    found: dict[str, str] = {}
    for line in result.stderr.splitlines():
        if line.startswith("kpi-lint: 错误: "):
            where, _, message = line.removeprefix("kpi-lint: 错误: ").partition(": ")
            found[Path(where).name] = message
    return found


def assert_no_traceback(result: Result) -> None:
    assert "Traceback" not in result.stdout + result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_check_names_every_bad_file_once_and_reads_the_others() -> None:
    result = run("check", BAD, GOOD, "missing.txt", "--no-cache", "--select", "KPI501")
    assert_no_traceback(result)
    assert result.exit_code == 2
    assert error_lines(result) == {**PROBLEMS, "missing.txt": "路径不存在"}
    # The good file and every good copy of it were checked all the same.
    found = {Path(m[1]).name for m in re.finditer(r"^── (.+?) · ", result.stdout, re.MULTILINE)}
    assert found == {GOOD.name, *SAME_TEXT, "selfeval.gb2312.html"}
    assert "8 个文件无法读取" in result.stdout


@pytest.mark.parametrize("output_format", ["json", "sarif"])
def test_every_bad_file_is_recorded_in_the_machine_outputs(output_format: str) -> None:
    result = run("check", BAD, GOOD, "missing.txt", "--no-cache", "--output-format", output_format)
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    if output_format == "json":
        recorded = {Path(r["path"]).name: r["message"] for r in data if r["code"] == "KPI000"}
    else:
        (invocation,) = data["runs"][0]["invocations"]
        assert invocation["executionSuccessful"] is False
        recorded = {
            Path(n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]).name: n["message"]["text"]
            for n in invocation["toolExecutionNotifications"]
        }
    assert {name: recorded.get(name, "") for name in PROBLEMS} == PROBLEMS
    assert "missing.txt" in recorded


def rows(result: Result) -> list[tuple[object, ...]]:
    keys = ("project", "level2", "level3", "value", "line", "column")
    return [tuple(json.loads(line).get(k) for k in keys) for line in result.stdout.splitlines()]


@pytest.mark.parametrize("name", SAME_TEXT)
def test_a_text_saved_in_another_encoding_or_name_reads_as_the_original(name: str) -> None:
    original = run("parse", GOOD, "--format", "jsonl")
    copy = run("parse", BAD / name, "--format", "jsonl")
    assert copy.exit_code == 0, copy.stderr
    assert rows(copy) == rows(original) and len(rows(copy)) == 20


def test_a_page_saved_by_a_browser_as_gb2312_reads_as_the_utf8_page() -> None:
    page = run("parse", FIXTURES / "office" / "selfeval.html", "--format", "jsonl")
    gbk = run("parse", BAD / "selfeval.gb2312.html", "--format", "jsonl")
    assert gbk.exit_code == 0, gbk.stderr
    assert rows(gbk) == rows(page) and len(rows(gbk)) == 20


@pytest.mark.parametrize("command", [["parse"], ["score"], ["cluster"], ["library", "-o", "lib.json"]])
def test_every_reading_command_names_the_bad_files_and_goes_on(command: list[str]) -> None:
    result = run(*command, BAD, GOOD, "missing.txt")
    assert_no_traceback(result)
    assert result.exit_code == 2
    assert error_lines(result) == {**PROBLEMS, "missing.txt": "路径不存在"}


@pytest.fixture
def locked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A folder without read permission beside a readable file.  The tests may run as root, who reads
    every folder whatever its mode: listing it is refused the way the system refuses a user."""
    folder = tmp_path / "disclosures"
    (folder / "locked").mkdir(parents=True)
    shutil.copyfile(GOOD, folder / "ok.txt")
    shutil.copyfile(GOOD, folder / "locked" / "hidden.txt")
    listing = os.scandir

    def refuse(path: str | os.PathLike[str] = ".") -> object:
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return listing(path)

    monkeypatch.setattr(os, "scandir", refuse)
    yield folder


def test_a_folder_that_cannot_be_listed_is_named_and_the_rest_is_read(locked: Path) -> None:
    result = run("check", locked, "--no-cache", "--select", "KPI503")
    assert result.exit_code == 2
    assert error_lines(result) == {"locked": "没有读取权限，无法列出文件夹中的文件"}
    assert re.search(r"ok\.txt:\d+:\d+: KPI503", result.stdout)
    alone = run("check", locked / "locked", "--no-cache")
    assert alone.exit_code == 2
    assert error_lines(alone) == {"locked": "没有读取权限，无法列出文件夹中的文件"}


def test_an_old_word_file_in_a_folder_is_named_not_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "sent"
    folder.mkdir()
    shutil.copyfile(FIXTURES / "office_habits" / "two_projects.doc", folder / "项目 自评.doc")
    shutil.copyfile(FIXTURES / "office_habits" / "stacked.xls", folder / "汇总.et")  # WPS 表格's name for it
    result = run("parse", folder, "--format", "table")
    assert result.exit_code == 2
    assert "另存为 .docx" in error_lines(result)["项目 自评.doc"]
    assert "跳过" not in result.stderr
    assert "汇总.et" in result.stdout and "解析项目数 3" in result.stdout


def test_a_huge_single_line_file_is_read_without_breaking(tmp_path: Path) -> None:
    # A whole disclosure pressed onto one line, many times over (a site that strips every line break).
    flat = GOOD.read_text(encoding="utf-8").replace("\n", " ")
    path = tmp_path / "one_line.txt"
    path.write_text(flat * 5, encoding="utf-8")
    result = run("parse", path, "--format", "jsonl")
    assert_no_traceback(result)
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) >= 20 and {r["line"] for r in records} == {1}
